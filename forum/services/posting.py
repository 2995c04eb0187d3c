"""Writing threads and posts: new cases and questions, replies, edits, soft deletes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select

from .. import permissions
from ..content import cook, find_mentions, is_local_path, slugify
from ..events import PostCreated, PostDeleted, PostUpdated, ThreadCreated, announce
from ..extensions import db
from ..models import (
    CASE_SECTIONS,
    Post,
    Revision,
    Specialty,
    Tag,
    Thread,
    ThreadKind,
    User,
    utcnow,
)
from . import audit
from .errors import Invalid, NotFound, refuse_if_suspended, require
from .phi_guard import screen

MAX_TAGS = 5
TAG_MAX = 30


def _clean_title(title: object) -> str:
    if not isinstance(title, str) or not title.strip():
        raise Invalid("A title is required.", {"title": "Give the thread a title."})
    title = " ".join(title.split())
    limit = current_app.config["TITLE_MAX_LENGTH"]
    if len(title) < 8:
        raise Invalid("The title is too short.", {"title": "Use at least 8 characters."})
    if len(title) > limit:
        raise Invalid("The title is too long.", {"title": f"At most {limit} characters."})
    return title


def _clean_body(body: object, field: str = "body") -> str:
    if not isinstance(body, str) or not body.strip():
        raise Invalid("The text is empty.", {field: "Write something first."})
    if "\x00" in body:
        raise Invalid("The text contains a NUL byte.", {field: "Remove the NUL character."})
    limit = current_app.config["POST_MAX_LENGTH"]
    if len(body) > limit:
        raise Invalid("The text is too long.", {field: f"At most {limit:,} characters."})
    return body.replace("\r\n", "\n").strip()


def is_new_account(user: User) -> bool:
    """A learner account younger than NEW_ACCOUNT_HOURS: where spam comes from, so it gets
    fewer links per post (below) and tighter rate limits (forum/limits.py). Mentors and
    staff are vetted by an admin, so their age does not matter."""
    hours = current_app.config["NEW_ACCOUNT_HOURS"]
    created = getattr(user, "created_at", None)
    if created is None or getattr(user, "role", None) != "learner":
        return False
    return bool(utcnow() - created < timedelta(hours=hours))


_HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"')


def _limit_links(actor: User, source: str, field: str = "body") -> str:
    """Cap the off-site links in a new account's post; links within Rounds (mentions,
    threads) are free. Counted in the cooked HTML, so Markdown links and bare URLs count."""
    if not is_new_account(actor):
        return source
    limit = current_app.config["NEW_ACCOUNT_MAX_LINKS"]
    count = sum(not is_local_path(href) for href in _HREF.findall(cook(source)))
    if count > limit:
        raise Invalid(
            "New accounts may include only a few links in a post.",
            {field: f"At most {limit} links per post in your first day here ({count} now)."},
        )
    return source


def compose_case(sections: Mapping[str, object]) -> str:
    """Join the case template's sections into one Markdown document, headed by section."""
    parts = []
    for key, heading in CASE_SECTIONS.items():
        text = sections.get(key)
        if isinstance(text, str) and text.strip():
            parts.append(f"## {heading}\n\n{text.strip()}")
    missing = {
        k: "This section is required."
        for k in ("presentation", "question")
        if not (isinstance(sections.get(k), str) and str(sections.get(k)).strip())
    }
    if missing:
        raise Invalid("A case needs at least its presentation and its question.", missing)
    return "\n\n".join(parts)


def _cook(source: str) -> tuple[str, list[User]]:
    """Cook Markdown, linking the @mentions of members that exist."""
    handles = find_mentions(source)
    users: list[User] = []
    if handles:
        users = list(db.session.scalars(select(User).where(User.handle.in_(handles))))
    html = cook(source, {u.handle: f"/u/{u.handle}" for u in users})
    return html, users


def _specialty(slug: object) -> Specialty | None:
    if slug in (None, ""):
        return None
    if not isinstance(slug, str):
        raise Invalid("Unknown specialty.", {"specialty": "Pick a specialty from the list."})
    found = db.session.scalar(select(Specialty).where(Specialty.slug == slug))
    if found is None:
        raise Invalid("Unknown specialty.", {"specialty": f"No specialty called {slug!r}."})
    return found


def parse_tags(tags: object) -> list[str]:
    """Tags from a list or a comma/space separated string, normalised to slugs."""
    if tags is None or tags == "":
        return []
    if isinstance(tags, str):
        tags = tags.replace(",", " ").split()
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise Invalid("Tags must be a list of words.", {"tags": "Use a list of short words."})
    names = [slugify(t, max_length=TAG_MAX) for t in tags]
    names = [n for n in dict.fromkeys(names) if n]
    if len(names) > MAX_TAGS:
        raise Invalid("Too many tags.", {"tags": f"At most {MAX_TAGS} tags."})
    return names


def _tags(names: Iterable[str]) -> list[Tag]:
    names = list(names)
    if not names:
        return []
    existing = {t.name: t for t in db.session.scalars(select(Tag).where(Tag.name.in_(names)))}
    out = []
    for name in names:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            db.session.add(tag)
        out.append(tag)
    return out


def _add_post(actor: User, thread: Thread, source: str, number: int) -> Post:
    html, mentioned = _cook(source)
    post = Post(thread=thread, author=actor, number=number, source=source, html=html)
    db.session.add(post)
    db.session.flush()
    announce(
        db.session,
        PostCreated(
            actor_id=actor.id,
            thread_id=thread.id,
            post_id=post.id,
            mentioned_user_ids=tuple(u.id for u in mentioned if u.id != actor.id),
        ),
    )
    return post


def create_thread(
    actor: User,
    kind: object,
    title: object,
    body: object = None,
    *,
    sections: Mapping[str, object] | None = None,
    specialty: object = None,
    tags: object = None,
    confirm_no_phi: bool = False,
) -> Thread:
    """Open a case (from the template's sections, or a body) or a clinical question.

    The PHI guard screens the title and text (each case section on its own) unless the
    author confirmed there are no patient identifiers; see services/phi_guard.py.
    """
    refuse_if_suspended(actor)
    require(permissions.can_create_thread(actor), "Sign in with an active account to post.")
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    checks = {
        "kind": lambda: ThreadKind(kind) if isinstance(kind, str) else ThreadKind(""),
        "title": lambda: _clean_title(title),
        "body": lambda: _limit_links(
            actor, _clean_body(body if sections is None else compose_case(sections))
        ),
        "specialty": lambda: _specialty(specialty),
        "tags": lambda: parse_tags(tags),
    }
    for name, check in checks.items():
        try:
            values[name] = check()
        except Invalid as exc:
            errors.update(exc.fields or {name: exc.message})
        except ValueError:
            errors[name] = "Choose case or question."
    if errors:
        raise Invalid("Please correct the highlighted fields.", errors)
    texts = {"title": title, **(dict(sections) if sections is not None else {"body": body})}
    confirmed = screen(texts, confirm_no_phi)
    now = utcnow()
    thread = Thread(
        kind=values["kind"],
        title=values["title"],
        author=actor,
        specialty=values["specialty"],
        tags=_tags(values["tags"]),  # type: ignore[arg-type]
        created_at=now,
        last_activity_at=now,
        last_poster=actor,
    )
    db.session.add(thread)
    db.session.flush()
    opening = _add_post(actor, thread, str(values["body"]), 1)
    if confirmed:
        opening.phi_confirmed_at = now
    announce(
        db.session,
        ThreadCreated(actor_id=actor.id, thread_id=thread.id, specialty_id=thread.specialty_id),
    )
    db.session.commit()
    return thread


def reply(actor: User, thread: Thread, body: object, confirm_no_phi: bool = False) -> Post:
    """Add a reply at the end of a thread (screened by the PHI guard, like every post)."""
    refuse_if_suspended(actor)
    require(permissions.can_reply(actor, thread), "This thread does not take replies from you.")
    source = _limit_links(actor, _clean_body(body))
    confirmed = screen({"body": body}, confirm_no_phi)
    # Lock the thread row (PostgreSQL) so two replies never take the same number.
    db.session.execute(select(Thread.id).where(Thread.id == thread.id).with_for_update())
    last = db.session.scalar(select(func.max(Post.number)).where(Post.thread_id == thread.id))
    post = _add_post(actor, thread, source, (last or 0) + 1)
    if confirmed:
        post.phi_confirmed_at = utcnow()
    thread.reply_count = Thread.reply_count + 1
    thread.last_activity_at = post.created_at or utcnow()
    thread.last_poster = actor
    db.session.commit()
    return post


def edit_post(
    actor: User, post: Post, body: object, reason: str = "", confirm_no_phi: bool = False
) -> Post:
    """Change a post's text, keeping the old text as a revision; the PHI guard screens it."""
    refuse_if_suspended(actor)
    require(permissions.can_edit(actor, post), "You can only edit your own posts.")
    source = _limit_links(actor, _clean_body(body))
    if source == post.source:
        return post
    if screen({"body": body}, confirm_no_phi):
        post.phi_confirmed_at, post.phi_reviewed_at = utcnow(), None
    if post.edit_count == 0:  # keep the original as revision 1
        db.session.add(
            Revision(
                post_id=post.id,
                editor_id=post.author_id,
                number=1,
                source=post.source,
                html=post.html,
                created_at=post.created_at,
            )
        )
    post.html, _ = _cook(source)
    post.source = source
    post.edit_count += 1
    post.edited_at = utcnow()
    db.session.add(
        Revision(
            post_id=post.id,
            editor_id=actor.id,
            number=post.edit_count + 1,
            source=source,
            html=post.html,
            reason=(reason or "").strip()[:500],
            created_at=post.edited_at,
        )
    )
    if actor.id != post.author_id:
        _audit(actor, "post.edit", post, reason)
    announce(db.session, PostUpdated(actor_id=actor.id, thread_id=post.thread_id, post_id=post.id))
    db.session.commit()
    return post


def delete_post(actor: User, post: Post, reason: str = "") -> Post:
    """Soft-delete: the text stays in the database and in the revision history."""
    refuse_if_suspended(actor)
    require(permissions.can_delete(actor, post), "You cannot delete this post.")
    thread = post.thread
    post.deleted_at = utcnow()
    post.deleted_by_id = actor.id
    if post.is_opening:
        thread.deleted_at = post.deleted_at
    else:
        thread.reply_count = Thread.reply_count - 1
    if thread.accepted_post_id == post.id:
        thread.accepted_post_id = None
    if post.endorsements:
        thread.endorsed_count = Thread.endorsed_count - 1
    if actor.id != post.author_id:
        _audit(actor, "post.delete", post, reason)
    announce(db.session, PostDeleted(actor_id=actor.id, thread_id=thread.id, post_id=post.id))
    db.session.commit()
    return post


def _audit(actor: User, action: str, post: Post, reason: str) -> None:
    audit.record(
        actor,
        action,
        "post",
        post.id,
        (reason or "").strip(),
        thread_id=post.thread_id,
        author_id=post.author_id,
    )


ID_MAX = 2**31 - 1  # an id beyond a 32-bit column cannot exist; asking would overflow (500)


def get_thread(thread_id: int, viewer: object = None) -> Thread:
    """A thread the viewer may read, else NotFound (never reveal what exists)."""
    thread = db.session.get(Thread, thread_id) if 1 <= thread_id <= ID_MAX else None
    if thread is None or not permissions.can_read(viewer, thread):
        raise NotFound("That thread does not exist.")
    return thread


def get_post(post_id: int, viewer: object = None) -> Post:
    post = db.session.get(Post, post_id) if 1 <= post_id <= ID_MAX else None
    if post is None or not permissions.can_read(viewer, post.thread):
        raise NotFound("That post does not exist.")
    return post
