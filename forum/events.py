"""Domain events: queued on the database session, delivered only after it commits.

A service calls `announce(session, PostCreated(...))` before it commits. Then:

- `prepare` handlers run inside the same transaction, just before it commits. They store
  what must never be lost together with the write: notification rows, the numbered live
  event log. They may `announce` further events and `defer` work to after the commit.
- `listen` handlers and deferred callables run after the commit holds (pushing to
  Socket.IO, for instance). A rollback drops everything queued, so a write that never
  happened is never announced.

Services only announce; notifications and live updates hook in here without touching the
code that posts.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session, scoped_session

log = logging.getLogger(__name__)

_PENDING = "rounds_pending_events"
_PREPARED = "rounds_prepared_count"
_OUTBOX = "rounds_after_commit"


@dataclass(frozen=True)
class Event:
    """Base of every domain event; the ids it carries are enough to load the rest."""

    actor_id: int | None


@dataclass(frozen=True)
class UserRegistered(Event):
    user_id: int


@dataclass(frozen=True)
class ThreadCreated(Event):
    thread_id: int
    specialty_id: int | None


@dataclass(frozen=True)
class PostCreated(Event):
    thread_id: int
    post_id: int
    mentioned_user_ids: tuple[int, ...] = field(default=())


@dataclass(frozen=True)
class PostUpdated(Event):
    thread_id: int
    post_id: int


@dataclass(frozen=True)
class PostDeleted(Event):
    thread_id: int
    post_id: int


@dataclass(frozen=True)
class VoteChanged(Event):
    thread_id: int
    post_id: int
    score: int


@dataclass(frozen=True)
class EndorsementAdded(Event):
    thread_id: int
    post_id: int
    endorsement_id: int


@dataclass(frozen=True)
class EndorsementWithdrawn(Event):
    thread_id: int
    post_id: int


@dataclass(frozen=True)
class AnswerAccepted(Event):
    thread_id: int
    post_id: int | None


@dataclass(frozen=True)
class ThreadUpdated(Event):
    """Locked, unlocked, pinned, unpinned or moved to another specialty."""

    thread_id: int
    changes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class PostHidden(Event):
    thread_id: int
    post_id: int
    reason: str = ""


@dataclass(frozen=True)
class PostUnhidden(Event):
    thread_id: int
    post_id: int


@dataclass(frozen=True)
class FlagRaised(Event):
    post_id: int
    flag_id: int


@dataclass(frozen=True)
class UserSuspended(Event):
    user_id: int


@dataclass(frozen=True)
class NotificationCreated(Event):
    """Stored in the same transaction as its cause; pushed to the user after commit."""

    user_id: int
    notification_id: int


E = TypeVar("E", bound=Event)
Listener = Callable[[Any], None]
Preparer = Callable[[Session, Any], None]
_listeners: dict[type[Event], list[Listener]] = defaultdict(list)
_preparers: dict[type[Event], list[Preparer]] = defaultdict(list)


def listen(kind: type[E], fn: Callable[[E], None]) -> None:
    """Run fn(event) after every commit that announced an event of this kind."""
    if fn not in _listeners[kind]:
        _listeners[kind].append(fn)


def prepare(kind: type[E], fn: Callable[[Session, E], None]) -> None:
    """Run fn(session, event) inside the announcing transaction, just before it commits."""
    if fn not in _preparers[kind]:
        _preparers[kind].append(fn)


def defer(session: Session | scoped_session[Any], fn: Callable[[], None]) -> None:
    """Run fn() once the current transaction has committed (never if it rolls back)."""
    session.info.setdefault(_OUTBOX, []).append(fn)


def _handlers(table: dict[type[Event], list[Any]], ev: Event) -> list[Any]:
    return [fn for kind, fns in list(table.items()) if isinstance(ev, kind) for fn in fns]


def _prepare(session: Session) -> None:
    """before_commit: let preparers write alongside the events, until none are new."""
    pending = session.info.get(_PENDING, [])
    done = session.info.get(_PREPARED, 0)
    while done < len(pending):
        ev = pending[done]
        done += 1
        session.info[_PREPARED] = done
        for fn in _handlers(_preparers, ev):
            fn(session, ev)
    if done:
        session.flush()


def announce(session: Session | scoped_session[Any], event: Event) -> None:
    """Queue an event on the session; it is delivered when the session commits."""
    session.info.setdefault(_PENDING, []).append(event)


def _deliver(session: Session) -> None:
    pending = session.info.pop(_PENDING, [])
    outbox = session.info.pop(_OUTBOX, [])
    session.info.pop(_PREPARED, None)
    calls: list[tuple[Callable[..., None], tuple[Any, ...]]] = [
        (fn, (ev,)) for ev in pending for fn in _handlers(_listeners, ev)
    ]
    calls += [(fn, ()) for fn in outbox]
    for fn, args in calls:
        try:
            fn(*args)
        except Exception:  # a broken listener must not undo a committed write
            log.exception("after-commit handler %r failed", fn)


def _drop(session: Session) -> None:
    for key in (_PENDING, _OUTBOX, _PREPARED):
        session.info.pop(key, None)


def install() -> None:
    """Hook preparation and delivery onto every ORM session (idempotent)."""
    if not sa_event.contains(Session, "after_commit", _deliver):
        sa_event.listen(Session, "before_commit", _prepare)
        sa_event.listen(Session, "after_commit", _deliver)
        sa_event.listen(Session, "after_soft_rollback", _drop_on_rollback)


def _drop_on_rollback(session: Session, previous_transaction: Any) -> None:
    if previous_transaction.parent is None:  # the outermost transaction rolled back
        _drop(session)
