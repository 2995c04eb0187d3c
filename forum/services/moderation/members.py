"""Suspensions: a member who may read but not write, for a while, for a stated reason."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from ... import permissions
from ...events import UserSuspended, announce
from ...extensions import db
from ...models import AuditEntry, User, utcnow
from .. import audit
from ..errors import Invalid, NotFound, require
from ._common import clean_text, require_moderator

MIN_DAYS, MAX_DAYS = 1, 365
MAX_ID = 2**31 - 1


def get_member(ref: object) -> User:
    """A member by id (int or digits) or by handle (with or without @), else NotFound."""
    user: User | None = None
    if isinstance(ref, int) and not isinstance(ref, bool):
        user = db.session.get(User, ref) if 1 <= ref <= MAX_ID else None
    elif isinstance(ref, str) and ref.strip():
        text = ref.strip().lstrip("@").lower()
        if text.isdecimal():  # isdigit() takes '²', which int() refuses
            return get_member(int(text))
        user = db.session.scalar(select(User).where(User.handle == text))
    if user is None:
        raise NotFound("No such member.")
    return user


def _days(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_DAYS <= value <= MAX_DAYS:
        raise Invalid(
            "Choose how long the suspension lasts.",
            {"days": f"A whole number of days, {MIN_DAYS} to {MAX_DAYS}."},
        )
    return value


def suspend(actor: User, member: User, days: object, reason: object) -> User:
    """Suspend a member for 1-365 days; they keep reading and are told until when and why.

    Suspending someone already suspended replaces the period (both are in the log).
    """
    require_moderator(
        actor,
        permissions.can_suspend(actor, member),
        "Coordinators suspend members; only admins suspend staff, and nobody themself.",
    )
    length = _days(days)
    why = clean_text(reason, "reason", required=True)
    member.suspended_until = utcnow() + timedelta(days=length)
    member.suspension_reason = why
    audit.record(
        actor,
        "user.suspend",
        "user",
        member.id,
        why,
        days=length,
        until=member.suspended_until.isoformat(),
        handle=member.handle,
    )
    announce(db.session, UserSuspended(actor_id=actor.id, user_id=member.id))
    db.session.commit()
    return member


def lift_suspension(actor: User, member: User, reason: object = "") -> User:
    """End a suspension early; the member can post again straight away."""
    require_moderator(
        actor, permissions.can_suspend(actor, member), "Only coordinators lift suspensions."
    )
    why = clean_text(reason, "reason", required=False)
    if not permissions.is_suspended(member):
        raise NotFound("This member is not suspended.")
    until = member.suspended_until
    member.suspended_until = None
    member.suspension_reason = ""
    audit.record(
        actor,
        "user.unsuspend",
        "user",
        member.id,
        why,
        was_until=until.isoformat() if until else None,
        handle=member.handle,
    )
    db.session.commit()
    return member


def standing(viewer: object, member: User, limit: int = 10) -> list[AuditEntry]:
    """What a coordinator sees about a member: the latest log entries about them."""
    require(permissions.can_moderate(viewer), "Only coordinators and admins see this page.")
    return list(audit.audit_log(viewer, target=f"user:{member.id}", per_page=limit).items)
