"""Domain events: queued on the database session, delivered only after it commits.

A service calls `announce(PostCreated(...))` before it commits. Listeners registered with
`listen` run after the commit holds; a rollback drops what was queued, so a write that
never happened is never announced.
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


E = TypeVar("E", bound=Event)
Listener = Callable[[Any], None]
_listeners: dict[type[Event], list[Listener]] = defaultdict(list)


def listen(kind: type[E], fn: Callable[[E], None]) -> None:
    """Run fn(event) after every commit that announced an event of this kind."""
    if fn not in _listeners[kind]:
        _listeners[kind].append(fn)


def announce(session: Session | scoped_session[Any], event: Event) -> None:
    """Queue an event on the session; it is delivered when the session commits."""
    session.info.setdefault(_PENDING, []).append(event)


def _deliver(session: Session) -> None:
    pending = session.info.pop(_PENDING, [])
    for ev in pending:
        for kind, fns in list(_listeners.items()):
            if isinstance(ev, kind):
                for fn in fns:
                    try:
                        fn(ev)
                    except Exception:  # a broken listener must not undo a committed write
                        log.exception("listener %r failed on %r", fn, ev)


def _drop(session: Session) -> None:
    session.info.pop(_PENDING, None)


def install() -> None:
    """Hook delivery onto every ORM session (idempotent)."""
    if not sa_event.contains(Session, "after_commit", _deliver):
        sa_event.listen(Session, "after_commit", _deliver)
        sa_event.listen(Session, "after_soft_rollback", _drop_on_rollback)


def _drop_on_rollback(session: Session, previous_transaction: Any) -> None:
    if previous_transaction.parent is None:  # the outermost transaction rolled back
        _drop(session)
