"""Who is connected to this process, and who is reading which thread right now.

Kept in memory, per process. With one process (the default deployment) the counts are
exact. With several processes behind sticky sessions, each counts only its own readers, so
"N reading now" is a lower bound per process; a shared count would need Redis, which the
issue does not ask for. A reader is a signed-in member (two tabs count once) or an
anonymous connection.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

TYPING_INTERVAL = 1.0  # seconds: the server relays at most one typing event per second


@dataclass
class Connection:
    """What a socket is: its member (None when anonymous) and the rooms it reads."""

    user_id: int | None
    name: str | None
    rooms: set[str] = field(default_factory=set)
    last_typing: float = 0.0

    def reader(self, sid: str) -> str:
        """Who counts as one reader: the member (all their tabs), else this socket."""
        return f"user:{self.user_id}" if self.user_id is not None else f"sid:{sid}"


_lock = threading.Lock()
_connections: dict[str, Connection] = {}
_rooms: dict[str, dict[str, str]] = {}  # room -> {sid: reader key}


def connect(sid: str, user_id: int | None, name: str | None) -> None:
    """Remember who this socket is, once, at connect (handlers never read flask.session)."""
    with _lock:
        _connections[sid] = Connection(user_id=user_id, name=name)


def connection(sid: str) -> Connection | None:
    """Who the socket is (None once it disconnected)."""
    with _lock:
        return _connections.get(sid)


def _count(room: str) -> int:
    return len(set(_rooms.get(room, {}).values()))


def reading(room: str) -> int:
    """How many distinct readers this process has in a room."""
    with _lock:
        return _count(room)


def join(sid: str, room: str) -> int:
    """Count the socket as reading the room; returns the room's new count."""
    with _lock:
        conn = _connections.get(sid)
        if conn is None:
            return _count(room)
        conn.rooms.add(room)
        _rooms.setdefault(room, {})[sid] = conn.reader(sid)
        return _count(room)


def leave(sid: str, room: str) -> int:
    """Stop counting the socket in the room; returns the room's new count."""
    with _lock:
        conn = _connections.get(sid)
        if conn is not None:
            conn.rooms.discard(room)
        readers = _rooms.get(room, {})
        readers.pop(sid, None)
        if not readers:
            _rooms.pop(room, None)
        return _count(room)


def disconnect(sid: str) -> list[tuple[str, int]]:
    """Forget the socket; returns each room it was reading with that room's new count."""
    with _lock:
        conn = _connections.pop(sid, None)
        rooms = sorted(conn.rooms) if conn else []
    return [(room, leave(sid, room)) for room in rooms]


def forget_room(room: str) -> None:
    """The room was closed (its thread was deleted): nobody reads it any more."""
    with _lock:
        for sid in _rooms.pop(room, {}):
            conn = _connections.get(sid)
            if conn is not None:
                conn.rooms.discard(room)


def may_type(sid: str, room: str) -> bool:
    """Whether to relay this socket's typing signal: it reads the room, and not too often."""
    now = time.monotonic()
    with _lock:
        conn = _connections.get(sid)
        if conn is None or room not in conn.rooms or now - conn.last_typing < TYPING_INTERVAL:
            return False
        conn.last_typing = now
        return True


_announced: dict[str, int] = {}  # room -> the reader count its readers last heard


def changed_since_announced(room: str, count: int) -> bool:
    """Whether a room's count differs from the last one announced (and remember it)."""
    with _lock:
        if _announced.get(room) == count:
            return False
        if count:
            _announced[room] = count
        else:
            _announced.pop(room, None)
        return True


def reset() -> None:
    """Forget every connection: for a process that starts a fresh server (the test suite
    binds several in one process, and a server shut down with sockets still open never
    hears their disconnects)."""
    with _lock:
        _connections.clear()
        _rooms.clear()
        _announced.clear()
