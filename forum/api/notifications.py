"""Notifications over the API: the list with the unread count, marking read, watching threads.

`notification_json` is also the shape the live layer pushes to a member's own room, so a
client renders a pushed notification and a listed one with the same code.
"""

from __future__ import annotations

from flask import current_app, request, url_for
from flask.typing import ResponseReturnValue

from ..models import Notification, NotificationKind, WatchLevel
from ..services import notifications, posting
from ..services.errors import Invalid
from . import serializers as s
from .auth import signed_in
from .blueprint import bp
from .inputs import fields, json_body, query_int
from .schemas import ID, Schema, boolean, integer, nullable, obj, ref, string, timestamp

MAX_PER_PAGE = 100


def _post_url(note: Notification) -> str | None:
    """The post inside its thread page (the page that holds it, in oldest-first order)."""
    if note.thread_id is None:
        return None
    page = None
    if note.post is not None and note.post.number > 1:
        page = (note.post.number - 2) // current_app.config["POSTS_PER_PAGE"] + 1
    url = url_for("threads.show", thread_id=note.thread_id, page=page if page != 1 else None)
    return url + (f"#post-{note.post_id}" if note.post_id else "")


def notification_json(note: Notification) -> s.Json:
    """One notification: what happened, who did it, where, and whether it was read."""
    thread = note.thread
    return {
        "id": note.id,
        "kind": note.kind,
        "read": note.read_at is not None,
        "created_at": s.timestamp(note.created_at),
        "actor": s.user(note.actor) if note.actor else None,
        "thread": {"id": thread.id, "title": thread.title} if thread else None,
        "post_id": note.post_id,
        "url": _post_url(note),
    }


@bp.get("/notifications")
def list_notifications() -> ResponseReturnValue:
    """The member's notifications, newest first; `?unread=1` for unread ones only."""
    actor = signed_in()
    pagination = notifications.list_notifications(
        actor,
        unread_only=request.args.get("unread", "") in ("1", "true"),
        page=request.args.get("page"),
        per_page=query_int("per_page", 0, 1, MAX_PER_PAGE) or None,
    )
    return {**s.page(pagination, notification_json), "unread": notifications.unread_count(actor)}


@bp.post("/notifications/read")
def mark_read() -> ResponseReturnValue:
    """Mark `ids` (or `all`) read; answers the unread count left. Idempotent."""
    actor = signed_in()
    body = fields(json_body(), optional={"ids": "array", "all": "boolean"})
    if not body.get("all") and "ids" not in body:
        raise Invalid("Send ids or all.", {"ids": 'A list of ids, or send {"all": true}.'})
    unread = notifications.mark_read(actor, body.get("ids"), everything=bool(body.get("all")))
    return {"unread": unread}


@bp.put("/threads/<id:thread_id>/watch")
def watch_thread(thread_id: int) -> ResponseReturnValue:
    """Watch a thread (notified of every reply), mute it, or null to go back to the default."""
    actor = signed_in()
    body = fields(json_body(), required={"level": "string|null"})
    thread = posting.get_thread(thread_id, actor)
    level = notifications.set_watch(actor, thread, body["level"])
    return {"thread_id": thread.id, "level": level}


def schemas() -> dict[str, Schema]:
    """The OpenAPI components of these endpoints (openapi.py merges them in)."""
    kinds = [k.value for k in NotificationKind]
    levels = [w.value for w in WatchLevel]
    return {
        "Notification": obj(
            {
                "id": ID,
                "kind": string(enum=kinds),
                "read": boolean(),
                "created_at": timestamp(),
                "actor": nullable(ref("User")),
                "thread": nullable(obj({"id": ID, "title": string()})),
                "post_id": nullable(ID),
                "url": nullable(string(description="The post in its thread page")),
            }
        ),
        "NotificationPage": obj(
            {
                "items": {"type": "array", "items": ref("Notification")},
                **{k: integer(minimum=0) for k in ("page", "pages", "per_page", "total")},
                "unread": integer(minimum=0, description="Unread notifications in all"),
            }
        ),
        "MarkRead": obj(
            {"ids": {"type": "array", "items": ID, "maxItems": 500}, "all": boolean()},
            optional=("ids", "all"),
        ),
        "Unread": obj({"unread": integer(minimum=0)}),
        "WatchLevel": obj({"level": nullable(string(enum=levels))}),
        "Watch": obj({"thread_id": ID, "level": nullable(string(enum=levels))}),
    }
