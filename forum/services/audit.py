"""The audit log: written by the moderation services, read (and filtered) by staff, edited by
nobody.

`record` only adds an entry to the session; the calling service commits it together with
the action it describes, so the log never claims an action that rolled back. The mapper
guards below make the log append-only inside the application: an UPDATE or DELETE of an
entry through the ORM raises before it reaches the database.
"""

from __future__ import annotations

from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, event, false, select
from sqlalchemy.orm import joinedload

from .. import permissions
from ..extensions import db
from ..models import AuditEntry, User
from .errors import Invalid, require

MAX_ID = 2**31 - 1
PER_PAGE = 50
SYSTEM = "system"  # the actor filter for what Rounds did by itself (auto-hide)

# The actions the moderation pages offer as filters; other services add their own.
ACTIONS = (
    "flag.raise",
    "flag.dismiss",
    "post.auto_hide",
    "post.hide",
    "post.unhide",
    "post.edit",
    "post.scrub_history",
    "post.delete",
    "phi.reviewed",
    "thread.lock",
    "thread.unlock",
    "thread.pin",
    "thread.unpin",
    "thread.move",
    "user.suspend",
    "user.unsuspend",
)


class AppendOnly(RuntimeError):
    """Raised when code tries to change or remove an audit entry."""


@event.listens_for(AuditEntry, "before_update")
def _refuse_update(mapper: Any, connection: Any, target: AuditEntry) -> None:
    raise AppendOnly(f"audit entry {target.id} is append-only")


@event.listens_for(AuditEntry, "before_delete")
def _refuse_delete(mapper: Any, connection: Any, target: AuditEntry) -> None:
    raise AppendOnly(f"audit entry {target.id} is append-only")


def record(
    actor: User | None,
    action: str,
    target_type: str,
    target_id: int | None,
    reason: str = "",
    **data: Any,
) -> AuditEntry:
    """Add one entry (who, what, target, why, details) to the caller's transaction.

    `actor` None is Rounds itself, e.g. a post hidden by flags.
    """
    entry = AuditEntry(
        actor_id=actor.id if actor is not None else None,
        action=action,
        target_type=target_type,
        target_id=target_id,
        reason=reason,
        data=data,
    )
    db.session.add(entry)
    return entry


def page_number(page: object) -> int:
    """?page= as a positive whole number; anything else is a 422 naming the field."""
    try:
        number = 1 if page in (None, "") else int(str(page))
    except ValueError:
        raise Invalid("The page must be a number.", {"page": "Use a whole number."}) from None
    if not 1 <= number <= 100_000:
        raise Invalid("The page is out of range.", {"page": "Pages start at 1."})
    return number


def paginate(query: Select[Any], page: object, per_page: int) -> Pagination:
    """One page of a query (an empty page past the end, never a 404)."""
    return db.paginate(query, page=page_number(page), per_page=per_page, error_out=False)


def _by_actor(query: Select[Any], actor: str) -> Select[Any]:
    """`actor` is a handle (with or without @), a user id, or "system"."""
    actor = actor.strip().lstrip("@")
    if actor.lower() == SYSTEM:
        return query.where(AuditEntry.actor_id.is_(None))
    if actor.isdecimal():  # isdigit() takes '²', which int() refuses
        number = int(actor)
        return query.where(AuditEntry.actor_id == number if number <= MAX_ID else false())
    return query.join(User, User.id == AuditEntry.actor_id).where(User.handle == actor.lower())


def _by_action(query: Select[Any], action: str) -> Select[Any]:
    """An exact action ("post.hide"), or a family without a dot ("post" = every post.*)."""
    action = action.strip().lower()
    if len(action) > 60:
        raise Invalid("Unknown action.", {"action": "At most 60 characters."})
    if "." in action:
        return query.where(AuditEntry.action == action)
    return query.where(AuditEntry.action.startswith(f"{action}.", autoescape=True))


def _by_target(query: Select[Any], target: str) -> Select[Any]:
    """`post:12`, `thread:3`, `user:7`: one object's whole story."""
    kind, _, number = target.strip().partition(":")
    if not kind or not number.isdecimal():
        raise Invalid("Unknown target.", {"target": "Use type:id, e.g. post:12."})
    if int(number) > MAX_ID:
        return query.where(false())
    return query.where(AuditEntry.target_type == kind, AuditEntry.target_id == int(number))


def audit_log(
    viewer: object,
    *,
    actor: str | None = None,
    action: str | None = None,
    target: str | None = None,
    page: object = 1,
    per_page: int = PER_PAGE,
) -> Pagination:
    """Entries newest first, filtered by who acted, what they did, and on what."""
    require(permissions.can_read_audit(viewer), "Only coordinators and admins read the audit log.")
    query = select(AuditEntry).options(joinedload(AuditEntry.actor))
    if actor:
        query = _by_actor(query, actor)
    if action:
        query = _by_action(query, action)
    if target:
        query = _by_target(query, target)
    return paginate(query.order_by(AuditEntry.id.desc()), page, per_page)
