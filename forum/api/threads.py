"""Threads over the API: lists, new cases and questions, a thread with its posts, replies,
accepted answers, and the specialties threads are filed under."""

from __future__ import annotations

from flask import request
from flask.typing import ResponseReturnValue

from .. import limits
from ..models import Post, Thread
from ..services import posting, queries, reactions
from ..services.errors import Invalid, NotFound
from . import serializers as s
from .auth import signed_in, viewer
from .blueprint import bp
from .inputs import fields, json_body, query_int, record_id

MAX_PER_PAGE = 100


def _thread_json(thread: Thread) -> s.Json:
    return s.thread(thread, queries.all_posts(thread), viewer())


@bp.get("/threads")
def list_threads() -> ResponseReturnValue:
    """Threads by latest activity, pinned first, filtered like the home page."""
    args = request.args
    pagination = queries.list_threads(
        kind=args.get("kind") or None,
        specialty=args.get("specialty") or None,
        tag=args.get("tag") or None,
        filter=args.get("filter") or None,
        page=args.get("page"),
        per_page=query_int("per_page", 0, 1, MAX_PER_PAGE) or None,
    )
    return s.page(pagination, s.thread_summary)


@bp.post("/threads")
@limits.posting
def create_thread() -> ResponseReturnValue:
    """Open a case (a body, or the case template's `sections`) or a clinical question."""
    actor = signed_in()
    body = fields(
        json_body(),
        required={"kind": "string", "title": "string"},
        optional={
            "body": "string",
            "sections": "object",
            "specialty": "string|null",
            "tags": "string[]|string|null",
            "confirm_no_phi": "boolean",
        },
    )
    thread = posting.create_thread(
        actor,
        body["kind"],
        body["title"],
        body.get("body"),
        sections=body.get("sections"),
        specialty=body.get("specialty"),
        tags=body.get("tags"),
        confirm_no_phi=bool(body.get("confirm_no_phi")),
    )
    return _thread_json(thread), 201


@bp.get("/threads/<id:thread_id>")
def show_thread(thread_id: int) -> ResponseReturnValue:
    """A thread and all its posts in order, the opening post first."""
    return _thread_json(posting.get_thread(thread_id, viewer()))


@bp.post("/threads/<id:thread_id>/posts")
@limits.posting
def create_post(thread_id: int) -> ResponseReturnValue:
    """Reply at the end of a thread."""
    actor = signed_in()
    body = fields(json_body(), required={"body": "string"}, optional={"confirm_no_phi": "boolean"})
    post = posting.reply(
        actor,
        posting.get_thread(thread_id, actor),
        body["body"],
        confirm_no_phi=bool(body.get("confirm_no_phi")),
    )
    return s.post(post, actor), 201


def _answer(thread: Thread, post_id: object, actor: object) -> Post | None:
    """The post a client names as the answer: None clears; it must belong to this thread."""
    if post_id is None:
        return None
    try:
        post = posting.get_post(record_id(post_id, "post_id"), actor)
    except NotFound:
        post = None
    if post is None or post.thread_id != thread.id:
        raise Invalid("No such post in this thread.", {"post_id": "Not a reply in this thread."})
    return post


@bp.put("/threads/<id:thread_id>/accepted")
def accept_answer(thread_id: int) -> ResponseReturnValue:
    """The asker, or a coordinator, marks a reply as the answer (`null` clears it)."""
    actor = signed_in()
    body = fields(json_body(), required={"post_id": "integer|null"})
    thread = posting.get_thread(thread_id, actor)
    reactions.accept_answer(actor, thread, _answer(thread, body["post_id"], actor))
    return _thread_json(thread)


@bp.get("/specialties")
def list_specialties() -> ResponseReturnValue:
    """Every specialty with its number of threads: the values `specialty` accepts."""
    return {"items": [s.specialty(sp, n) for sp, n in queries.specialties_with_counts()]}
