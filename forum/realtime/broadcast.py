"""Domain events -> live events. One `prepare` handler per kind of event.

Each handler runs inside the transaction that announced the event: it builds the payload
(posts exactly as the API returns them, to an anonymous reader, so nothing staff-only
leaks), writes it to the room's numbered log and defers the emit to after the commit.
A rolled-back write therefore emits nothing, and services never import Socket.IO.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from flask import current_app, has_request_context
from sqlalchemy.orm import Session

from .. import events
from ..api import serializers as s
from ..api.notifications import notification_json
from ..events import (
    AnswerAccepted,
    EndorsementAdded,
    EndorsementWithdrawn,
    NotificationCreated,
    PostCreated,
    PostDeleted,
    PostHidden,
    PostUnhidden,
    PostUpdated,
    ThreadCreated,
    ThreadUpdated,
    VoteChanged,
)
from ..extensions import socketio
from ..models import Endorsement, Notification, Post, Thread
from ..services import notifications
from . import presence
from .log import emit_after_commit, record, specialty_room, thread_room, user_room


@contextmanager
def _urls() -> Iterator[None]:
    """Serializers call url_for, which needs a request; the CLI (seed) has none."""
    if has_request_context():
        yield
        return
    with current_app.test_request_context():
        yield


def _post_event(name: str, session: Session, event: PostCreated | PostUpdated) -> None:
    post = session.get(Post, event.post_id)
    if post is None or (name == "post_created" and post.number == 1):
        return  # an opening post is announced to the specialty feed as thread_created
    with _urls():
        payload = {"thread_id": event.thread_id, "post": s.post(post, None)}
    record(session, thread_room(event.thread_id), name, payload)


def _post_unhidden(session: Session, event: PostUnhidden) -> None:
    post = session.get(Post, event.post_id)
    if post is not None:
        with _urls():
            payload = {"thread_id": event.thread_id, "post": s.post(post, None)}
        record(session, thread_room(event.thread_id), "post_updated", payload)


def _post_hidden(session: Session, event: PostHidden | PostDeleted) -> None:
    """A hidden or deleted post; deleting the opening post deletes the whole thread.

    Then the room is closed after the emit: its members must subscribe again, and only
    those who may still read the thread (staff, its author) get back in.
    """
    post = session.get(Post, event.post_id)
    room = thread_room(event.thread_id)
    payload: dict[str, Any] = {"thread_id": event.thread_id, "post_id": event.post_id}
    closing = isinstance(event, PostDeleted) and post is not None and post.is_opening
    if closing:
        payload["thread_deleted"] = True
    record(session, room, "post_hidden", payload)
    if closing:
        events.defer(session, partial(socketio.close_room, room))
        events.defer(session, partial(presence.forget_room, room))


def _vote_changed(session: Session, event: VoteChanged) -> None:
    payload = {"post_id": event.post_id, "score": event.score}
    record(session, thread_room(event.thread_id), "vote_changed", payload)


def _endorsement_added(session: Session, event: EndorsementAdded) -> None:
    endorsement = session.get(Endorsement, event.endorsement_id)
    if endorsement is None:
        return
    with _urls():
        payload = {"post_id": event.post_id, "endorsement": s.endorsement(endorsement)}
    record(session, thread_room(event.thread_id), "endorsement_added", payload)


def _endorsement_withdrawn(session: Session, event: EndorsementWithdrawn) -> None:
    record(
        session, thread_room(event.thread_id), "endorsement_withdrawn", {"post_id": event.post_id}
    )


def _answer_accepted(session: Session, event: AnswerAccepted) -> None:
    payload = {"thread_id": event.thread_id, "post_id": event.post_id}
    record(session, thread_room(event.thread_id), "answer_accepted", payload)


def _thread_created(session: Session, event: ThreadCreated) -> None:
    """New threads go to their specialty's feed (a thread without a specialty has none)."""
    thread = session.get(Thread, event.thread_id)
    if thread is None or thread.specialty is None:
        return
    with _urls():
        payload = {"thread": s.thread_summary(thread)}
    record(session, specialty_room(thread.specialty.slug), "thread_created", payload)


def _thread_updated(session: Session, event: ThreadUpdated) -> None:
    """Locked, pinned or moved: the thread's readers get its new state (the composer and
    its locked notice depend on it) and which fields changed."""
    thread = session.get(Thread, event.thread_id)
    if thread is None:
        return
    payload = {
        "thread_id": thread.id,
        "locked": bool(thread.locked),
        "pinned": bool(thread.pinned),
        "specialty": thread.specialty.slug if thread.specialty else None,
        "changes": list(event.changes),
    }
    record(session, thread_room(thread.id), "thread_updated", payload)


def _notification_created(session: Session, event: NotificationCreated) -> None:
    """Pushed to the member's own room with the new unread count (the bell shows it).

    Not logged: the notifications table is the durable record a client reloads from.
    """
    note = session.get(Notification, event.notification_id)
    if note is None:
        return
    with _urls():
        data = {
            **notification_json(note),
            "unread": notifications.unread_for_push(session, note.user_id),
        }
    emit_after_commit(session, user_room(event.user_id), "notification", data)


HANDLERS: dict[type[events.Event], Callable[[Session, Any], None]] = {
    PostCreated: partial(_post_event, "post_created"),
    PostUpdated: partial(_post_event, "post_updated"),
    PostUnhidden: _post_unhidden,
    PostHidden: _post_hidden,
    PostDeleted: _post_hidden,
    VoteChanged: _vote_changed,
    EndorsementAdded: _endorsement_added,
    EndorsementWithdrawn: _endorsement_withdrawn,
    AnswerAccepted: _answer_accepted,
    ThreadCreated: _thread_created,
    ThreadUpdated: _thread_updated,
    NotificationCreated: _notification_created,
}


def install() -> None:
    """Register every handler (idempotent: the same function objects each time)."""
    for kind, handler in HANDLERS.items():
        events.prepare(kind, handler)
