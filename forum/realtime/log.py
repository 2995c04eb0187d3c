"""The numbered log of what was broadcast to each room, so a client that reconnects loses nothing.

Every live event is a LiveEvent row written in the transaction of its cause (its id is the
`event_id` clients see) and emitted only after that transaction commits. A client that comes
back asks for the events of its room after the last id it saw. The log is bounded: every
PRUNE_EVERY events, rows older than LIVE_EVENTS_KEEP_DAYS (default 7) are deleted in the
same transaction; `flask --app wsgi live prune` does the same on demand.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

from flask import current_app
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, scoped_session

from ..events import defer
from ..extensions import db, socketio
from ..models import LiveEvent, utcnow

PRUNE_EVERY = 1000
KEEP_DAYS = 7
MAX_MISSED = 500


def thread_room(thread_id: int) -> str:
    """A thread's room: its post, vote, endorsement and answer events, and its presence."""
    return f"thread:{thread_id}"


def specialty_room(slug: str) -> str:
    """A specialty's feed room: its new threads."""
    return f"specialty:{slug}"


def user_room(user_id: int) -> str:
    """A member's own room (every socket they have open): their notifications."""
    return f"user:{user_id}"


def emit_after_commit(session: Session, room: str, name: str, data: dict[str, Any]) -> None:
    """Push to a room once the transaction holds (never if it rolls back)."""
    defer(session, partial(socketio.emit, name, data, to=room))


def record(session: Session, room: str, name: str, payload: dict[str, Any]) -> int:
    """Number the event in the room's log, and emit it (with its `event_id`) after commit."""
    row = LiveEvent(room=room, name=name, payload=payload)
    session.add(row)
    session.flush()
    emit_after_commit(session, room, name, {**payload, "event_id": row.id})
    if row.id % PRUNE_EVERY == 0:
        prune(session)
    return row.id


def prune(session: Session | scoped_session[Any], days: float | None = None) -> int:
    """Delete log rows older than `days` (LIVE_EVENTS_KEEP_DAYS); returns how many went."""
    if days is None:
        days = float(current_app.config.get("LIVE_EVENTS_KEEP_DAYS", KEEP_DAYS))
    cutoff = utcnow() - timedelta(days=days)
    result = session.execute(
        delete(LiveEvent).where(LiveEvent.created_at < cutoff),
        execution_options={"synchronize_session": False},
    )
    return int(getattr(result, "rowcount", 0) or 0)


def last_event_id(room: str) -> int:
    """The newest event id of a room (0 when it has none): where a fresh page starts."""
    return db.session.scalar(select(func.max(LiveEvent.id)).where(LiveEvent.room == room)) or 0


def events_after(room: str, after: int) -> tuple[list[dict[str, Any]], bool]:
    """The room's events after `after`, oldest first, as clients receive them.

    Returns (events, complete): complete is False when more than MAX_MISSED were missed,
    and the client should reload instead of replaying.
    """
    rows = db.session.scalars(
        select(LiveEvent)
        .where(LiveEvent.room == room, LiveEvent.id > after)
        .order_by(LiveEvent.id)
        .limit(MAX_MISSED + 1)
    ).all()
    missed = [{"event": r.name, "data": {**r.payload, "event_id": r.id}} for r in rows]
    return missed[:MAX_MISSED], len(missed) <= MAX_MISSED
