"""Moderation over the API: flags, the coordinators' queue, hide and unhide, redaction,
thread controls, suspensions and the audit log.

Bodies are type-checked here but presence is left to the services where a field is
required only once the caller is allowed at all: a learner posting `{}` to /hide learns
that they may not hide posts (403), not which field they forgot (422).
"""

from __future__ import annotations

from flask import request
from flask.typing import ResponseReturnValue

from .. import limits
from ..services import audit, moderation, posting, queries
from ..services.moderation import QueueItem
from . import serializers as s

# threads.py registers GET /threads/<id> before this module adds PATCH on the same path:
# Werkzeug answers 405 instead of 404 for an impossible id (GET /threads/0) when the rule
# for another method comes first.
from . import threads as _threads_first  # noqa: F401
from .auth import signed_in
from .blueprint import bp
from .inputs import fields, json_body, query_int

NO_CONTENT: ResponseReturnValue = ("", 204)
REASON = {"reason": "string|null"}
QUEUE_PER_PAGE = 25


def _queue_item(item: QueueItem, viewer: object) -> s.Json:
    return {
        "post": s.post(item.post, viewer),
        "thread": s.thread_ref(item.post.thread),
        "reasons": item.reasons,
        "flags": [s.flag(f) for f in item.flags],
        "flag_counts": item.flag_counts,
        "phi_confirmed_at": s.timestamp(item.post.phi_confirmed_at),
    }


@bp.post("/posts/<id:post_id>/flags")
@limits.flagging
def flag_post(post_id: int) -> ResponseReturnValue:
    """Flag someone else's post (once); enough flags hide it until a coordinator looks."""
    actor = signed_in()
    body = fields(json_body(), optional={"reason": "string", "note": "string|null"})
    post = posting.get_post(post_id, actor)
    flag = moderation.flag_post(actor, post, body.get("reason"), body.get("note"))
    return {**s.flag(flag), "post_hidden": post.is_hidden}, 201


@bp.post("/posts/<id:post_id>/flags/dismiss")
def dismiss_flags(post_id: int) -> ResponseReturnValue:
    """Close a post's open flags as unwarranted (and bring it back if flags hid it)."""
    actor = signed_in()
    body = fields(json_body(), optional=REASON)
    post = moderation.dismiss_flags(actor, posting.get_post(post_id, actor), body.get("reason"))
    return s.post(post, actor)


@bp.get("/moderation/queue")
def moderation_queue() -> ResponseReturnValue:
    """Posts waiting for a coordinator: flagged, PHI-confirmed, or hidden by flags."""
    actor = signed_in()
    per_page = query_int("per_page", QUEUE_PER_PAGE, 1, 100)
    pagination, items = moderation.queue(actor, request.args.get("page"), per_page)
    return {
        "items": [_queue_item(item, actor) for item in items],
        "page": pagination.page,
        "pages": pagination.pages,
        "per_page": pagination.per_page,
        "total": pagination.total,
    }


@bp.post("/posts/<id:post_id>/hide")
def hide_post(post_id: int) -> ResponseReturnValue:
    """Hide a post with a reason; its author and staff still read it."""
    actor = signed_in()
    body = fields(json_body(), optional=REASON)
    post = moderation.hide_post(actor, posting.get_post(post_id, actor), body.get("reason"))
    return s.post(post, actor)


@bp.post("/posts/<id:post_id>/unhide")
def unhide_post(post_id: int) -> ResponseReturnValue:
    """Bring a hidden post back into public view."""
    actor = signed_in()
    body = fields(json_body(), optional=REASON)
    post = moderation.unhide_post(actor, posting.get_post(post_id, actor), body.get("reason"))
    return s.post(post, actor)


@bp.post("/posts/<id:post_id>/phi-review")
def phi_review(post_id: int) -> ResponseReturnValue:
    """Mark a post whose author overrode the PHI guard as reviewed."""
    actor = signed_in()
    body = fields(json_body(), optional=REASON)
    post = moderation.mark_phi_reviewed(actor, posting.get_post(post_id, actor), body.get("reason"))
    return s.post(post, actor)


@bp.post("/posts/<id:post_id>/redact")
def redact_post(post_id: int) -> ResponseReturnValue:
    """Edit someone's post with a required reason; earlier versions are scrubbed by default."""
    actor = signed_in()
    body = fields(
        json_body(),
        optional={
            "body": "string",
            "reason": "string|null",
            "scrub_history": "boolean",
            "confirm_no_phi": "boolean",
        },
    )
    post = moderation.redact_post(
        actor,
        posting.get_post(post_id, actor),
        body.get("body"),
        body.get("reason"),
        scrub_history=body.get("scrub_history", True),
        confirm_no_phi=body.get("confirm_no_phi", False),
    )
    return s.post(post, actor)


@bp.patch("/threads/<id:thread_id>")
def update_thread(thread_id: int) -> ResponseReturnValue:
    """Lock or unlock, pin or unpin, or move a thread (`specialty: null` = no specialty)."""
    actor = signed_in()
    body = fields(
        json_body(),
        optional={
            "locked": "boolean",
            "pinned": "boolean",
            "specialty": "string|null",
            "reason": "string|null",
        },
    )
    thread = moderation.update_thread(
        actor,
        posting.get_thread(thread_id, actor),
        locked=body.get("locked"),
        pinned=body.get("pinned"),
        specialty=body.get("specialty", moderation.UNSET),
        reason=body.get("reason"),
    )
    return s.thread(thread, queries.all_posts(thread), actor)


@bp.post("/users/<id:user_id>/suspension")
def suspend(user_id: int) -> ResponseReturnValue:
    """Suspend a member for `days` (1-365) with a `reason`; they can still read."""
    actor = signed_in()
    body = fields(json_body(), optional={"days": "integer", "reason": "string|null"})
    member = moderation.suspend(
        actor, moderation.get_member(user_id), body.get("days"), body.get("reason")
    )
    return s.suspension(member), 201


@bp.delete("/users/<id:user_id>/suspension")
def lift_suspension(user_id: int) -> ResponseReturnValue:
    """Lift a suspension early."""
    actor = signed_in()
    body = fields(json_body(), optional=REASON)
    moderation.lift_suspension(actor, moderation.get_member(user_id), body.get("reason"))
    return NO_CONTENT


@bp.get("/audit")
def audit_log() -> ResponseReturnValue:
    """The audit log, newest first: ?actor= (handle, id or "system"), ?action=, ?target=."""
    actor = signed_in()
    args = request.args
    pagination = audit.audit_log(
        actor,
        actor=args.get("actor") or None,
        action=args.get("action") or None,
        target=args.get("target") or None,
        page=args.get("page"),
    )
    return s.page(pagination, s.audit_entry)
