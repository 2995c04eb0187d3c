"""Models -> JSON-ready dicts. Pure functions: models have no `to_dict` (they know nothing of
HTTP), and every shape the API returns is built here, once, so endpoints cannot disagree.

Field names are a contract (other integrations read them): add fields, never rename.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from flask import url_for
from flask_sqlalchemy.pagination import Pagination

from .. import permissions
from ..models import (
    FLAG_LABELS,
    AuditEntry,
    Endorsement,
    Flag,
    FlagReason,
    Post,
    Revision,
    Role,
    Specialty,
    Thread,
    User,
)

T = TypeVar("T")
Json = dict[str, Any]


def timestamp(value: datetime | None) -> str | None:
    """ISO 8601 in UTC (the models keep aware datetimes), or None."""
    return value.isoformat() if value is not None else None


def user_url(user: User) -> str:
    """The member's profile page (where @mentions link too)."""
    return url_for("users.profile", handle=user.handle)


def badges(user: User) -> list[Json]:
    """What a reader sees next to a name: the role always, and mentor verification."""
    out: list[Json] = [{"kind": "role", "label": Role(user.role).label}]
    if user.mentor_verified:
        specialty = user.mentor_specialty
        out.append(
            {
                "kind": "verified_mentor",
                "label": "Verified mentor",
                "specialty": specialty.slug if specialty else None,
            }
        )
    return out


def user(u: User) -> Json:
    """The short user object embedded everywhere (authors, mentors, editors)."""
    return {
        "id": u.id,
        "name": u.name,
        "handle": u.handle,
        "role": u.role,
        "badges": badges(u),
        "url": user_url(u),
    }


def profile(u: User) -> Json:
    """The user object plus the public profile: /me, sign-up and member look-ups."""
    return {
        **user(u),
        "profession": u.profession,
        "training_level": u.training_level,
        "specialties": [s.slug for s in u.specialties],
        "bio": u.bio,
        "created_at": timestamp(u.created_at),
    }


def specialty(s: Specialty, thread_count: int | None = None) -> Json:
    """A specialty; `thread_count` when the caller counted them."""
    out: Json = {"slug": s.slug, "name": s.name, "description": s.description}
    if thread_count is not None:
        out["thread_count"] = thread_count
    return out


def thread_summary(t: Thread) -> Json:
    """A thread as lists show it: no posts, counters instead."""
    return {
        "id": t.id,
        "kind": t.kind,
        "title": t.title,
        "specialty": t.specialty.slug if t.specialty else None,
        "tags": [tag.name for tag in t.tags],
        "author": user(t.author),
        "created_at": timestamp(t.created_at),
        "last_activity_at": timestamp(t.last_activity_at),
        "reply_count": t.reply_count,
        "endorsed": t.endorsed_count > 0,
        "accepted_post_id": t.accepted_post_id,
        "locked": t.locked,
        "pinned": t.pinned,
        "deleted": t.deleted_at is not None,
        "url": url_for("threads.show", thread_id=t.id),
    }


def thread(t: Thread, posts: Iterable[Post], viewer: object) -> Json:
    """A thread with every post in order, the opening post first."""
    return {**thread_summary(t), "posts": [post(p, viewer) for p in posts]}


def endorsement(e: Endorsement) -> Json:
    """A mentor's endorsement of a post, with the note saying why."""
    return {
        "id": e.id,
        "post_id": e.post_id,
        "mentor": user(e.mentor),
        "note": e.note,
        "created_at": timestamp(e.created_at),
    }


def post(p: Post, viewer: object) -> Json:
    """A post; a deleted one keeps its place but shows its text to staff only.

    A post hidden by moderation shows its text, and why it is hidden, to its author and to
    staff; everyone else gets `"hidden": true` and empty text, as the page shows a placeholder.
    """
    may_see_hidden = not p.is_hidden or permissions.can_view_hidden(viewer, p)
    blank = (p.is_deleted and not permissions.is_staff(viewer)) or not may_see_hidden
    out: Json = {
        "id": p.id,
        "thread_id": p.thread_id,
        "number": p.number,
        "author": user(p.author),
        "html": "" if blank else p.html,
        "source": "" if blank else p.source,
        "score": p.score,
        "endorsements": [endorsement(e) for e in p.endorsements],
        "created_at": timestamp(p.created_at),
        "edited_at": timestamp(p.edited_at),
        "edit_count": p.edit_count,
        "deleted": p.is_deleted,
        "hidden": p.is_hidden,
    }
    if p.is_hidden and may_see_hidden:
        out["hidden_reason"] = p.hidden_reason
    return out


def revision(r: Revision) -> Json:
    """One version of a post's text: who wrote it, when, and why it changed."""
    return {
        "number": r.number,
        "editor": user(r.editor),
        "created_at": timestamp(r.created_at),
        "html": r.html,
        "source": r.source,
        "reason": r.reason,
    }


def flag(f: Flag) -> Json:
    """A flag as its flagger and coordinators see it (never shown to the post's author)."""
    return {
        "id": f.id,
        "post_id": f.post_id,
        "reason": f.reason,
        "label": FLAG_LABELS[FlagReason(f.reason)],
        "note": f.note,
        "user": user(f.user),
        "created_at": timestamp(f.created_at),
    }


def thread_ref(t: Thread) -> Json:
    """Just enough of a thread to act on it from the moderation queue."""
    return {
        "id": t.id,
        "title": t.title,
        "specialty": t.specialty.slug if t.specialty else None,
        "locked": t.locked,
        "pinned": t.pinned,
        "url": url_for("threads.show", thread_id=t.id),
    }


def audit_entry(e: AuditEntry) -> Json:
    """One line of the audit log; `actor` null is Rounds itself (e.g. a post hidden by flags)."""
    return {
        "id": e.id,
        "actor": user(e.actor) if e.actor else None,
        "action": e.action,
        "target_type": e.target_type,
        "target_id": e.target_id,
        "reason": e.reason,
        "data": e.data,
        "created_at": timestamp(e.created_at),
    }


def suspension(u: User) -> Json:
    """A member's suspension: until when, and why."""
    return {
        "user_id": u.id,
        "suspended_until": timestamp(u.suspended_until),
        "reason": u.suspension_reason,
    }


def items(rows: Sequence[T], render: Callable[[T], Json]) -> Json:
    """An unpaginated collection: always an object, so fields can be added later."""
    return {"items": [render(row) for row in rows]}


def page(pagination: Pagination, render: Callable[[Any], Json]) -> Json:
    """One page of a collection with where it sits in the whole."""
    return {
        "items": [render(row) for row in pagination.items],
        "page": pagination.page,
        "pages": pagination.pages,
        "per_page": pagination.per_page,
        "total": pagination.total,
    }
