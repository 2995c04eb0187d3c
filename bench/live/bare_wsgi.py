"""Rounds with a bare `subscribe` handler and a bare `post_created` emit.

Used by live_fanout.py only while forum.realtime has no `subscribe` handler (or with
--bare): it measures the Socket.IO fan-out itself, with the real app, database and API
around it. Served as `bench.live.bare_wsgi:app`.
"""

from __future__ import annotations

import itertools
from typing import Any

from flask_socketio import join_room
from sqlalchemy.orm import Session

from forum import events
from forum.extensions import socketio
from forum.models import Post
from wsgi import app

_event_ids = itertools.count(1)


def _subscribe(data: dict[str, Any]) -> dict[str, Any]:
    join_room(f"thread-{int(data['thread_id'])}")
    return {"ok": True, "missed": []}


def _post_created(session: Session, event: events.PostCreated) -> None:
    """Serialize inside the transaction (a prepare hook); emit once it has committed."""
    post = session.get(Post, event.post_id)
    if post is None:
        return
    payload = {
        "thread_id": event.thread_id,
        "post": {"id": post.id, "thread_id": post.thread_id, "source": post.source},
        "event_id": next(_event_ids),
    }
    room = f"thread-{event.thread_id}"
    events.defer(session, lambda: socketio.emit("post_created", payload, to=room))


socketio.on_event("subscribe", _subscribe)
events.prepare(events.PostCreated, _post_created)

__all__ = ["app"]
