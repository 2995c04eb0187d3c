"""Read models for pages and the API: a constant number of queries whatever the size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import joinedload, selectinload

from .. import permissions
from ..extensions import db
from ..models import (
    Endorsement,
    Flag,
    Post,
    Revision,
    Specialty,
    Tag,
    Thread,
    User,
    Vote,
    thread_tags,
)
from .errors import Invalid, NotFound

FILTERS = ("unanswered", "endorsed")
KINDS = ("case", "question")


def _page_number(page: object) -> int:
    try:
        number = 1 if page in (None, "") else int(str(page))
    except (TypeError, ValueError):
        raise Invalid("The page must be a number.", {"page": "Use a whole number."}) from None
    if number < 1 or number > 100_000:
        raise Invalid("The page is out of range.", {"page": "Pages start at 1."})
    return number


def _paginate(query: Select[Any], page: object, per_page: int) -> Pagination:
    return db.paginate(query, page=_page_number(page), per_page=per_page, error_out=False)


def list_threads(
    *,
    kind: str | None = None,
    specialty: str | None = None,
    tag: str | None = None,
    filter: str | None = None,
    author: User | None = None,
    page: object = 1,
    per_page: int | None = None,
) -> Pagination:
    """Threads by latest activity, pinned first, with the filters of the home page."""
    query = (
        select(Thread)
        .where(Thread.deleted_at.is_(None))
        .options(
            joinedload(Thread.author).joinedload(User.mentor_specialty),
            joinedload(Thread.last_poster),
            joinedload(Thread.specialty),
            selectinload(Thread.tags),
        )
        .order_by(Thread.pinned.desc(), Thread.last_activity_at.desc(), Thread.id.desc())
    )
    if kind:
        if kind not in KINDS:
            raise Invalid("Unknown kind.", {"kind": "Use case or question."})
        query = query.where(Thread.kind == kind)
    if specialty:
        query = query.join(Thread.specialty).where(Specialty.slug == specialty)
    if tag:
        query = query.where(Thread.tags.any(Tag.name == tag))
    if filter == "unanswered":
        query = query.where(Thread.reply_count == 0)
    elif filter == "endorsed":
        query = query.where(Thread.endorsed_count > 0)
    elif filter:
        raise Invalid("Unknown filter.", {"filter": "Use unanswered or endorsed."})
    if author is not None:
        query = query.where(Thread.author_id == author.id)
    per_page = per_page or current_app.config["THREADS_PER_PAGE"]
    return _paginate(query, page, per_page)


def opening_posts(threads: Sequence[Thread]) -> dict[int, Post]:
    """The opening post of each thread, in one query (for excerpts in lists).

    Hidden opening posts are left out: lists are the same for every reader, and an
    excerpt would publish what coordinators took out of view.
    """
    ids = [t.id for t in threads]
    if not ids:
        return {}
    rows = db.session.scalars(
        select(Post).where(Post.thread_id.in_(ids), Post.number == 1, Post.hidden_at.is_(None))
    )
    return {p.thread_id: p for p in rows}


def _post_options() -> list[Any]:
    return [
        joinedload(Post.author).joinedload(User.mentor_specialty),
        selectinload(Post.endorsements).joinedload(Endorsement.mentor),
    ]


@dataclass
class ThreadView:
    thread: Thread
    opening: Post
    replies: Pagination
    accepted: Post | None
    voted: set[int] = field(default_factory=set)
    endorsed_by_viewer: set[int] = field(default_factory=set)
    flagged_by_viewer: set[int] = field(default_factory=set)


def thread_view(
    thread: Thread, viewer: object, page: object = 1, order: str = "oldest"
) -> ThreadView:
    """Everything the thread page shows, in a fixed number of queries."""
    reply_query = (
        select(Post).where(Post.thread_id == thread.id, Post.number > 1).options(*_post_options())
    )
    if order == "endorsed":
        endorsed = exists().where(Endorsement.post_id == Post.id)
        reply_query = reply_query.order_by(endorsed.desc(), Post.score.desc(), Post.number)
    elif order == "top":
        reply_query = reply_query.order_by(Post.score.desc(), Post.number)
    else:
        reply_query = reply_query.order_by(Post.number)
    replies = _paginate(reply_query, page, current_app.config["POSTS_PER_PAGE"])
    heads = db.session.scalars(
        select(Post)
        .where(
            Post.thread_id == thread.id,
            (Post.number == 1) | (Post.id == thread.accepted_post_id),
        )
        .options(*_post_options())
    ).unique()
    by_number = {p.number: p for p in heads}
    opening = by_number.get(1)
    if opening is None:
        raise NotFound("That thread has no opening post.")
    accepted = next((p for p in by_number.values() if p.id == thread.accepted_post_id), None)
    view = ThreadView(thread=thread, opening=opening, replies=replies, accepted=accepted)
    viewer_id = getattr(viewer, "id", None)
    if viewer_id is not None and getattr(viewer, "is_authenticated", False):
        post_ids = [p.id for p in replies.items] + [opening.id]
        view.voted = set(
            db.session.scalars(
                select(Vote.post_id).where(Vote.user_id == viewer_id, Vote.post_id.in_(post_ids))
            )
        )
        view.endorsed_by_viewer = {
            p.id
            for p in [*replies.items, opening]
            if any(e.mentor_id == viewer_id for e in p.endorsements)
        }
        # Posts the viewer flagged already: the page shows "Flagged" instead of the form.
        view.flagged_by_viewer = set(
            db.session.scalars(
                select(Flag.post_id).where(Flag.user_id == viewer_id, Flag.post_id.in_(post_ids))
            )
        )
    return view


def all_posts(thread: Thread) -> list[Post]:
    """Every post of a thread in order, opening post first (for the API)."""
    return list(
        db.session.scalars(
            select(Post)
            .where(Post.thread_id == thread.id)
            .options(*_post_options())
            .order_by(Post.number)
        ).unique()
    )


def revisions(post: Post, viewer: object) -> list[Revision]:
    """A post's history, newest first; the current text is the newest revision."""
    if not permissions.can_view_revisions(viewer, post):
        raise NotFound("That post does not exist.")
    return list(
        db.session.scalars(
            select(Revision)
            .where(Revision.post_id == post.id)
            .options(joinedload(Revision.editor))
            .order_by(Revision.number.desc())
        )
    )


def specialties_with_counts() -> list[tuple[Specialty, int]]:
    """Every specialty with how many live threads it has, alphabetically."""
    counts = (
        select(Thread.specialty_id, func.count(Thread.id).label("n"))
        .where(Thread.deleted_at.is_(None))
        .group_by(Thread.specialty_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Specialty, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.specialty_id == Specialty.id)
        .order_by(Specialty.name)
    )
    return [(s, int(n)) for s, n in rows]


def all_specialties() -> list[Specialty]:
    return list(db.session.scalars(select(Specialty).order_by(Specialty.name)))


def get_specialty(slug: str) -> Specialty:
    found = db.session.scalar(select(Specialty).where(Specialty.slug == slug))
    if found is None:
        raise NotFound("No such specialty.")
    return found


def popular_tags(limit: int = 20) -> list[tuple[str, int]]:
    rows = db.session.execute(
        select(Tag.name, func.count(thread_tags.c.thread_id).label("n"))
        .join(thread_tags, thread_tags.c.tag_id == Tag.id)
        .group_by(Tag.name)
        .order_by(func.count(thread_tags.c.thread_id).desc(), Tag.name)
        .limit(limit)
    )
    return [(name, int(n)) for name, n in rows]


@dataclass
class ProfileStats:
    threads: int
    replies: int
    endorsements_received: int
    endorsements_given: int
    accepted_answers: int


def profile_stats(user: User) -> ProfileStats:
    """A member's record: what they asked, answered, and how peers and mentors judged it."""
    live = Post.deleted_at.is_(None)
    threads = db.session.scalar(
        select(func.count(Thread.id)).where(
            Thread.author_id == user.id, Thread.deleted_at.is_(None)
        )
    )
    replies = db.session.scalar(
        select(func.count(Post.id)).where(Post.author_id == user.id, Post.number > 1, live)
    )
    received = db.session.scalar(
        select(func.count(Endorsement.id))
        .join(Post, Post.id == Endorsement.post_id)
        .where(Post.author_id == user.id, live)
    )
    given = db.session.scalar(
        select(func.count(Endorsement.id)).where(Endorsement.mentor_id == user.id)
    )
    accepted = db.session.scalar(
        select(func.count(Thread.id))
        .join(Post, Post.id == Thread.accepted_post_id)
        .where(Post.author_id == user.id)
    )
    return ProfileStats(
        int(threads or 0),
        int(replies or 0),
        int(received or 0),
        int(given or 0),
        int(accepted or 0),
    )


def recent_replies(user: User, limit: int = 10) -> list[Post]:
    """A member's latest live replies with their threads, for the profile page."""
    return list(
        db.session.scalars(
            select(Post)
            .join(Post.thread)
            .where(Post.author_id == user.id, Post.number > 1, Post.deleted_at.is_(None))
            .where(Thread.deleted_at.is_(None), Post.hidden_at.is_(None))
            .options(joinedload(Post.thread), selectinload(Post.endorsements))
            .order_by(Post.created_at.desc())
            .limit(limit)
        )
    )
