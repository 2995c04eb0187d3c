"""The moderation part of the OpenAPI document: flags, the queue, hide and unhide, redaction,
thread controls, suspensions and the audit log (routes in moderation.py)."""

from __future__ import annotations

from ..models import FlagReason
from ..services.audit import ACTIONS
from .openapi import POST, SECTIONS, THREAD, op, path_param, query_param
from .schemas import (
    ID,
    Schema,
    array,
    boolean,
    integer,
    items_of,
    nullable,
    obj,
    ref,
    string,
    timestamp,
)

TAG = "moderation"
STAFF_ERRORS = (403, 404, 409)


def _staff(
    summary: str,
    result: str,
    body: str = "Reason",
    *,
    required: bool = False,
    params: tuple[Schema, ...] = (POST,),
) -> Schema:
    """A coordinator's action: 403 for everyone else, 409 when the state says no."""
    return op(
        summary,
        TAG,
        200,
        result,
        body=body,
        body_required=required,
        params=params,
        errors=STAFF_ERRORS,
        auth="required",
    )


def _paths() -> dict[str, dict[str, Schema]]:
    return {
        "/posts/{post_id}/flags": {
            "post": op(
                "Flag someone else's post (once per member)",
                TAG,
                201,
                "Flag",
                body="NewFlag",
                params=(POST,),
                errors=(403, 404, 409, 429),
                auth="required",
            ),
        },
        "/posts/{post_id}/flags/dismiss": {
            "post": _staff("Dismiss a post's open flags (unhides a post they hid)", "Post"),
        },
        "/posts/{post_id}/hide": {
            "post": _staff("Hide a post, with a reason", "Post", "HideReason", required=True),
        },
        "/posts/{post_id}/unhide": {
            "post": _staff("Unhide a post", "Post"),
        },
        "/posts/{post_id}/phi-review": {
            "post": _staff("Mark a PHI-confirmed post as reviewed", "Post"),
        },
        "/posts/{post_id}/redact": {
            "post": _staff(
                "Edit someone's post with a reason (scrubs old versions)",
                "Post",
                "Redaction",
                required=True,
            ),
        },
        "/moderation/queue": {
            "get": op(
                "Posts awaiting a coordinator",
                TAG,
                200,
                "QueuePage",
                params=(
                    query_param("page", integer(minimum=1, default=1), "Page number"),
                    query_param("per_page", integer(minimum=1, maximum=100), "Items per page"),
                ),
                errors=(403, 422),
                auth="required",
            ),
        },
        "/threads/{thread_id}": {
            "patch": _staff(
                "Lock, pin or move a thread", "Thread", "ThreadUpdate", params=(THREAD,)
            ),
        },
        "/users/{user_id}/suspension": {
            "post": op(
                "Suspend a member for 1-365 days, with a reason",
                TAG,
                201,
                "Suspension",
                body="NewSuspension",
                params=(path_param("user_id"),),
                errors=(403, 404),
                auth="required",
            ),
            "delete": op(
                "Lift a suspension",
                TAG,
                204,
                None,
                body="Reason",
                body_required=False,
                params=(path_param("user_id"),),
                errors=(403, 404),
                auth="required",
            ),
        },
        "/audit": {
            "get": op(
                "The audit log, newest first (read-only: no operation changes it)",
                TAG,
                200,
                "AuditPage",
                params=(
                    query_param("actor", string(), 'A handle, a user id, or "system"'),
                    query_param(
                        "action",
                        string(examples=list(ACTIONS)),
                        'An action ("post.hide"), or a family without a dot ("post")',
                    ),
                    query_param("target", string(examples=["post:12"]), "type:id"),
                    query_param("page", integer(minimum=1, default=1), "Page number"),
                ),
                errors=(403, 422),
                auth="required",
            ),
        },
    }


def _schemas() -> dict[str, Schema]:
    reasons = [r.value for r in FlagReason]
    return {
        "Flag": obj(
            {
                "id": ID,
                "post_id": ID,
                "reason": string(enum=reasons),
                "label": string(),
                "note": string(),
                "user": ref("User"),
                "created_at": timestamp(),
                "post_hidden": boolean(),
            },
            optional=("post_hidden",),
        ),
        "NewFlag": obj(
            {
                "reason": string(enum=reasons),
                "note": nullable(string(maxLength=500, description="Required for other")),
            },
            optional=("note",),
        ),
        "HideReason": obj({"reason": string(minLength=1, maxLength=500)}),
        "Redaction": obj(
            {
                "body": string(description="The corrected Markdown"),
                "reason": string(minLength=1, maxLength=500),
                "scrub_history": boolean(),
                "confirm_no_phi": boolean(),
            },
            optional=("scrub_history", "confirm_no_phi"),
        ),
        "ThreadUpdate": obj(
            {
                "locked": boolean(),
                "pinned": boolean(),
                "specialty": nullable(string(description="specialty slug; null for none")),
                "reason": nullable(string(maxLength=500)),
            },
            optional=("locked", "pinned", "specialty", "reason"),
        ),
        "QueueItem": obj(
            {
                "post": ref("Post"),
                "thread": obj(
                    {
                        "id": ID,
                        "title": string(),
                        "specialty": nullable(string()),
                        "locked": boolean(),
                        "pinned": boolean(),
                        "url": string(),
                    }
                ),
                "reasons": array(string(enum=["flagged", "phi_confirmed", "auto_hidden"])),
                "flags": array(ref("Flag")),
                "flag_counts": {"type": "object", "additionalProperties": integer(minimum=1)},
                "phi_confirmed_at": nullable(timestamp()),
            }
        ),
        "QueuePage": items_of(ref("QueueItem"), paginated=True),
        "NewSuspension": obj(
            {"days": integer(minimum=1, maximum=365), "reason": string(minLength=1)}
        ),
        "Suspension": obj(
            {"user_id": ID, "suspended_until": nullable(timestamp()), "reason": string()}
        ),
        "AuditEntry": obj(
            {
                "id": ID,
                "actor": nullable(ref("User")),
                "action": string(),
                "target_type": string(),
                "target_id": nullable(integer()),
                "reason": string(),
                "data": {"type": "object"},
                "created_at": timestamp(),
            }
        ),
        "AuditPage": items_of(ref("AuditEntry"), paginated=True),
    }


def section() -> tuple[dict[str, dict[str, Schema]], dict[str, Schema]]:
    """What this module adds to the document."""
    return _paths(), _schemas()


SECTIONS.append(section)
