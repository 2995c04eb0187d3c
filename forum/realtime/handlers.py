"""Socket.IO handlers: who is connecting, which rooms they may join, presence and typing.

`before_request` does not run for socket events and a handler's session changes never
reach HTTP, so identity is settled once, at connect (the Flask-Login session cookie, or a
bearer token in `auth`), and kept per socket in `presence`. Joining a thread's room asks
the same `can_read` as the thread page. Same-origin only: no CORS origins are configured.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import current_app, request
from flask_login import current_user
from flask_socketio import join_room, leave_room

from .. import permissions
from ..extensions import db, socketio
from ..models import Thread, User
from ..services import accounts, posting, queries
from ..services.errors import Invalid, ServiceError
from . import presence
from .log import events_after, last_event_id, specialty_room, thread_room, user_room

MAX_ID = 2**31 - 1
Ack = dict[str, Any]


def _sid() -> str:
    return str(request.sid)  # type: ignore[attr-defined]


def _authenticate(auth: object) -> User | None:
    """A bearer token in `auth` wins; else the browser's session cookie; else anonymous."""
    if isinstance(auth, dict) and "token" in auth:
        token = auth["token"]
        user = accounts.user_for_token(token) if isinstance(token, str) else None
        if user is None:
            raise ConnectionRefusedError("That API token is not valid. Request a new one.")
        return user
    if current_user.is_authenticated:
        found: User = current_user._get_current_object()
        return found
    return None


@socketio.on("connect")
def on_connect(auth: object = None) -> None:
    """Know the member behind the socket, and let them hear their own notifications."""
    user = _authenticate(auth)
    presence.connect(_sid(), user.id if user else None, user.name if user else None)
    if user is not None:
        join_room(user_room(user.id))


@socketio.on("disconnect")
def on_disconnect(*args: object) -> None:
    """Stop counting the socket as a reader, and tell the rooms it was reading."""
    for room, count in presence.disconnect(_sid()):
        _announce_presence(room, count)


def _viewer() -> User | None:
    conn = presence.connection(_sid())
    if conn is None or conn.user_id is None:
        return None
    return db.session.get(User, conn.user_id)


def _acked(fn: Callable[[dict[str, Any]], Ack]) -> Callable[..., Ack]:
    """Answer every request with an ack: the result, or {"ok": false, "error": "..."}."""

    @wraps(fn)
    def handler(*args: object) -> Ack:
        data = args[0] if args and isinstance(args[0], dict) else {}
        try:
            return fn(data)
        except ServiceError as exc:
            return {"ok": False, "error": exc.message}

    return handler


def _id(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise Invalid(f"{name} must be a positive integer id.")
    return value


def _after(data: dict[str, Any]) -> int | None:
    value = data.get("after")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Invalid("after must be an event id (an integer, 0 or more).")
    return value


def _catch_up(room: str, after: int | None) -> Ack:
    """What a (re)joining client missed; join first, so nothing falls between the two."""
    missed, complete = events_after(room, after) if after is not None else ([], True)
    return {"missed": missed, "complete": complete, "last_event_id": last_event_id(room)}


def _announce_presence(room: str, count: int) -> None:
    """Tell a thread's readers how many they are, at most once per PRESENCE_INTERVAL.

    Emitting on every join and leave costs N messages per reader: 1000 readers arriving
    make 500,000 emits, and the server falls behind on pings (bench/live_fanout.py showed
    it). So changes are collected per room and one background task sends the latest count
    of each changed room once per interval. An interval of 0 sends at once (tests).
    """
    kind, _, key = room.partition(":")
    if kind != "thread" or not key.isdigit():
        return
    interval = float(current_app.config.get("PRESENCE_INTERVAL", 1.0))
    if interval <= 0:
        socketio.emit("presence", {"thread_id": int(key), "reading": count}, to=room)
        return
    global _presence_flush_scheduled
    with _presence_lock:
        _presence_pending[room] = count
        if _presence_flush_scheduled:
            return
        _presence_flush_scheduled = True
    socketio.start_background_task(_flush_presence, interval)


_presence_lock = threading.Lock()
_presence_pending: dict[str, int] = {}
_presence_flush_scheduled = False


def _flush_presence(interval: float) -> None:
    """Send each changed room's latest count once, after the interval has gathered them."""
    global _presence_flush_scheduled
    socketio.sleep(interval)
    with _presence_lock:
        pending = dict(_presence_pending)
        _presence_pending.clear()
        _presence_flush_scheduled = False
    for room, count in pending.items():
        if not presence.changed_since_announced(room, count):
            continue
        socketio.emit("presence", {"thread_id": int(room.split(":")[1]), "reading": count}, to=room)


@socketio.on("subscribe")
@_acked
def subscribe(data: dict[str, Any]) -> Ack:
    """Follow a thread the member may read; `after` replays what they missed."""
    thread = posting.get_thread(_id(data, "thread_id"), _viewer())
    after = _after(data)
    room = thread_room(thread.id)
    join_room(room)
    count = presence.join(_sid(), room)
    _announce_presence(room, count)
    return {"ok": True, "thread_id": thread.id, **_catch_up(room, after), "reading": count}


@socketio.on("unsubscribe")
@_acked
def unsubscribe(data: dict[str, Any]) -> Ack:
    """Stop following a thread (always allowed, even if never followed)."""
    room = thread_room(_id(data, "thread_id"))
    leave_room(room)
    _announce_presence(room, presence.leave(_sid(), room))
    return {"ok": True}


def _slug(data: dict[str, Any]) -> str:
    slug = data.get("specialty")
    if not isinstance(slug, str) or not slug or len(slug) > 100:
        raise Invalid("specialty must be a specialty's slug.")
    return slug


@socketio.on("subscribe_feed")
@_acked
def subscribe_feed(data: dict[str, Any]) -> Ack:
    """Follow the new threads of a specialty (public, like its page)."""
    specialty = queries.get_specialty(_slug(data))
    after = _after(data)
    room = specialty_room(specialty.slug)
    join_room(room)
    return {"ok": True, "specialty": specialty.slug, **_catch_up(room, after)}


@socketio.on("unsubscribe_feed")
@_acked
def unsubscribe_feed(data: dict[str, Any]) -> Ack:
    """Stop following a specialty's new threads."""
    leave_room(specialty_room(_slug(data)))
    return {"ok": True}


@socketio.on("typing")
@_acked
def typing(data: dict[str, Any]) -> Ack:
    """Relay "Dr X is replying..." to the thread's other readers, if X may reply there."""
    thread_id = _id(data, "thread_id")
    room = thread_room(thread_id)
    user = _viewer()
    if user is None or not presence.may_type(_sid(), room):
        return {"ok": False, "error": "Not relayed."}
    thread = db.session.get(Thread, thread_id)
    if thread is None or not permissions.can_reply(user, thread):
        return {"ok": False, "error": "You cannot reply in this thread."}
    who = {"id": user.id, "name": user.name}
    socketio.emit("typing", {"thread_id": thread_id, "user": who}, to=room, skip_sid=_sid())
    return {"ok": True}
