"""A coordinator's thread controls: lock, pin, move to another specialty."""

from __future__ import annotations

from typing import Final

from sqlalchemy import select

from ... import permissions
from ...events import ThreadUpdated, announce
from ...extensions import db
from ...models import Specialty, Thread, User
from .. import audit
from ..errors import Invalid
from ._common import clean_text, require_moderator


class _Unset:
    """No value given (None is a value for the specialty: "general, no specialty")."""


UNSET: Final = _Unset()


def _specialty(slug: object) -> Specialty | None:
    if slug is None or slug == "":
        return None
    if not isinstance(slug, str):
        raise Invalid("Unknown specialty.", {"specialty": "Send a specialty slug or null."})
    found = db.session.scalar(select(Specialty).where(Specialty.slug == slug))
    if found is None:
        raise Invalid("Unknown specialty.", {"specialty": f"No specialty called {slug!r}."})
    return found


def _flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"{field} must be true or false.", {field: "Use true or false."})
    return value


def update_thread(
    actor: User,
    thread: Thread,
    *,
    locked: object = None,
    pinned: object = None,
    specialty: object = UNSET,
    reason: object = "",
) -> Thread:
    """Lock or unlock, pin or unpin, and move a thread, in one transaction.

    Each real change is its own audit entry ("thread.lock", "thread.move"...); repeating a
    state the thread already has changes nothing and logs nothing, so clients may retry.
    """
    if locked is None and pinned is None and isinstance(specialty, _Unset):
        raise Invalid("Nothing to change.", {"locked": "Send locked, pinned or specialty."})
    checks = {
        "locked": (locked is not None, permissions.can_lock),
        "pinned": (pinned is not None, permissions.can_pin),
        "specialty": (not isinstance(specialty, _Unset), permissions.can_move),
    }
    for given, predicate in checks.values():
        if given:
            require_moderator(actor, predicate(actor, thread), "Only coordinators do that.")
    why = clean_text(reason, "reason", required=False)
    changes: list[str] = []
    if locked is not None and _flag(locked, "locked") != thread.locked:
        thread.locked = bool(locked)
        changes.append("locked")
        action = "thread.lock" if thread.locked else "thread.unlock"
        audit.record(actor, action, "thread", thread.id, why)
    if pinned is not None and _flag(pinned, "pinned") != thread.pinned:
        thread.pinned = bool(pinned)
        changes.append("pinned")
        action = "thread.pin" if thread.pinned else "thread.unpin"
        audit.record(actor, action, "thread", thread.id, why)
    if not isinstance(specialty, _Unset):
        target = _specialty(specialty)
        if (target.id if target else None) != thread.specialty_id:
            before = thread.specialty.slug if thread.specialty else None
            thread.specialty = target
            changes.append("specialty")
            after = target.slug if target else None
            audit.record(
                actor, "thread.move", "thread", thread.id, why, to=after, **{"from": before}
            )
    if changes:
        announce(
            db.session,
            ThreadUpdated(actor_id=actor.id, thread_id=thread.id, changes=tuple(changes)),
        )
        db.session.commit()
    return thread
