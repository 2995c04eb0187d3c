"""The demo community that `flask seed` (and the first `make run`) loads.

Everything goes through the services, as a member would do it, so the demo exercises the
same rules as the site; only the timestamps are moved back afterwards, so the demo reads
like weeks of activity rather than one second of it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from ..extensions import db
from ..models import Post, Specialty, Thread, User, utcnow
from ..services import accounts, posting, reactions, taxonomy
from . import cases_acute, cases_ward, people, questions

THREADS = [*cases_acute.CASES, *cases_ward.CASES, *questions.QUESTIONS]


def seed_demo(only_if_empty: bool = False) -> str:
    """Load the demo content; with only_if_empty, leave a database with members alone."""
    if only_if_empty and db.session.scalar(select(func.count(User.id))):
        return "The database already has members; demo content not loaded."
    have = set(db.session.scalars(select(Specialty.slug)))
    for spec in people.SPECIALTIES:
        if spec["slug"] not in have:
            taxonomy.create_specialty(
                None, spec["name"], slug=spec["slug"], description=spec["description"]
            )
    members = {u.email: u for u in db.session.scalars(select(User))}
    for info in people.USERS:
        if info["email"] in members:
            continue
        user = accounts.create_user(info["email"], people.PASSWORD, info["name"], info["role"])
        accounts.update_profile(
            user,
            user,
            profession=info["profession"],
            training_level=info["training_level"],
            specialties=info["specialties"],
            bio=info["bio"],
        )
        if info.get("mentor_verified"):
            accounts.verify_mentor(None, user, info.get("mentor_specialty"))
        members[user.email] = user
    if db.session.scalar(select(func.count(Thread.id))):
        return "Members and specialties are in place; threads were there already."
    threads = [_seed_thread(item, members) for item in THREADS]
    _spread_in_time(threads)
    return (
        f"Seeded {len(people.SPECIALTIES)} specialties, {len(people.USERS)} members "
        f"and {len(threads)} threads. Every demo password is {people.PASSWORD!r}."
    )


def _seed_thread(item: dict[str, Any], members: dict[str, User]) -> Thread:
    author = members[item["author"]]
    thread = posting.create_thread(
        author,
        item["kind"],
        item["title"],
        item.get("body"),
        sections=item.get("sections"),
        specialty=item["specialty"],
        tags=item.get("tags", []),
    )
    opening = db.session.scalar(select(Post).filter_by(thread_id=thread.id, number=1))
    assert opening is not None
    for email in item.get("opening_votes", []):
        if email != item["author"]:
            reactions.vote(members[email], opening, 1)
    replies = []
    for r in item.get("replies", []):
        post = posting.reply(members[r["author"]], thread, r["body"])
        replies.append(post)
        for email in r.get("votes", []):
            if email != r["author"]:
                reactions.vote(members[email], post, 1)
        for e in r.get("endorsements", []):
            reactions.endorse(members[e["mentor"]], post, e.get("note", ""))
    accepted = item.get("accepted")
    if accepted is not None and item["kind"] == "question":
        reactions.accept_answer(author, thread, replies[accepted])
    return thread


def _spread_in_time(threads: list[Thread]) -> None:
    """Move the demo back in time: a thread every day or two, replies hours apart."""
    now = utcnow()
    count = len(threads)
    for i, thread in enumerate(threads):
        start = now - timedelta(days=(count - i) * 1.6, hours=(i * 7) % 11)
        thread.created_at = start
        posts = db.session.scalars(
            select(Post).where(Post.thread_id == thread.id).order_by(Post.number)
        ).all()
        moment = start
        for post in posts:
            post.created_at = moment
            for endorsement in post.endorsements:
                endorsement.created_at = moment + timedelta(hours=5)
            moment += timedelta(hours=3 + (post.number * 5) % 13)
        thread.last_activity_at = min(moment - timedelta(hours=3), now)
    db.session.commit()
