"""What every moderation action shares: who may act, how reasons are read, flag closing."""

from __future__ import annotations

from sqlalchemy import select

from ...extensions import db
from ...models import Flag, Post, User, utcnow
from ..errors import Invalid, refuse_if_suspended, require

REASON_MAX = 500


def clean_text(
    value: object,
    field: str,
    *,
    required: bool,
    label: str = "reason",
    hint: str = "Give a reason; it goes in the audit log.",
) -> str:
    """A one-paragraph reason or note: whitespace folded, at most REASON_MAX characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise Invalid(f"The {label} must be text.", {field: "Write it as text."})
    text = " ".join(value.split())
    if required and not text:
        raise Invalid(f"A {label} is required.", {field: hint})
    if len(text) > REASON_MAX:
        raise Invalid(f"The {label} is too long.", {field: f"At most {REASON_MAX} characters."})
    return text


def require_moderator(actor: User, allowed: bool, message: str) -> None:
    """Suspended staff are told until when and why; anyone else not allowed gets a plain 403."""
    refuse_if_suspended(actor)
    require(allowed, message)


def resolve_open_flags(actor: User, post: Post, resolution: str) -> list[int]:
    """Close every open flag on a post with the coordinator's decision (flushes only)."""
    flags = db.session.scalars(
        select(Flag)
        .where(Flag.post_id == post.id, Flag.resolved_at.is_(None))
        .order_by(Flag.id)
        .with_for_update()
    ).all()
    now = utcnow()
    for flag in flags:
        flag.resolved_at = now
        flag.resolved_by_id = actor.id
        flag.resolution = resolution
    post.open_flag_count = 0
    return [f.id for f in flags]


def close_phi_review(post: Post) -> bool:
    """Hiding or unhiding decides about the post, so a pending PHI review is done with it."""
    if post.phi_confirmed_at is not None and post.phi_reviewed_at is None:
        post.phi_reviewed_at = utcnow()
        return True
    return False


def post_details(post: Post) -> dict[str, int]:
    """What every post entry carries, so the log reads without joins."""
    return {"thread_id": post.thread_id, "author_id": post.author_id, "number": post.number}
