"""The OpenAPI 3.1 document of API v1, built from small helpers and served at /openapi.json.

tests/test_api_openapi.py keeps it true: every route is documented, every documented
operation exists, and real responses carry the fields their schemas require.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from flask.typing import ResponseReturnValue

from ..services.queries import FILTERS, KINDS
from . import notifications
from .blueprint import bp
from .schemas import ID, Schema, integer, ref, schemas, string

PREFIX = "/api/v1"
ERROR_TEXT = {
    400: "Malformed request: not JSON, not a JSON object, or a failed CSRF check",
    401: "No valid bearer token or session",
    403: "Signed in, but not allowed to do this",
    404: "No such resource (or not visible to you)",
    409: "Conflicts with the current state",
    413: "Request body too large",
    422: "Invalid input; `fields` names each problem",
    429: "Too many requests",
}


# --- operations ---------------------------------------------------------------------------

Security = list[dict[str, list[str]]]
SECURITY: dict[str, Security] = {
    "optional": [{}, {"bearerAuth": []}, {"cookieAuth": []}],  # anonymous reads welcome
    "required": [{"bearerAuth": []}, {"cookieAuth": []}],
    "none": [],  # the calls that hand out credentials
}


def json_content(schema: Schema) -> dict[str, Any]:
    """A JSON media type object: every body we read or write is JSON."""
    return {"application/json": {"schema": schema}}


def op(
    summary: str,
    tag: str,
    status: int,
    result: str | None,
    *,
    body: str | None = None,
    body_required: bool = True,
    params: tuple[Schema, ...] = (),
    errors: tuple[int, ...] = (),
    auth: str = "optional",
) -> Schema:
    """One operation: its success response, the errors it can answer, who may call it."""
    ok: Schema = {"description": "OK" if status < 300 else "Done"}
    if result:
        ok["content"] = json_content(ref(result))
    codes = set(errors)
    if body:
        codes |= {400, 413, 422}
    if auth == "required":
        codes |= {400, 401}  # 400: a cookie-authenticated write without its CSRF token
    responses = {str(status): ok}
    for code in sorted(codes):
        responses[str(code)] = {
            "description": ERROR_TEXT[code],
            "content": json_content(ref("Error")),
        }
    out: Schema = {"summary": summary, "tags": [tag], "security": SECURITY[auth]}
    if params:
        out["parameters"] = list(params)
    if body:
        out["requestBody"] = {"required": body_required, "content": json_content(ref(body))}
    out["responses"] = responses
    return out


def path_param(name: str, schema: Schema = ID) -> Schema:
    """A URL segment, e.g. `{thread_id}`; ids by default."""
    return {"name": name, "in": "path", "required": True, "schema": schema}


def query_param(name: str, schema: Schema, description: str) -> Schema:
    """An optional query-string filter."""
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


THREAD = path_param("thread_id")
POST = path_param("post_id")
LIST_FILTERS = (
    query_param("kind", string(enum=list(KINDS)), "Only cases or only questions"),
    query_param("specialty", string(), "A specialty slug"),
    query_param("tag", string(), "A tag name"),
    query_param("filter", string(enum=list(FILTERS)), "unanswered: no replies yet"),
    query_param("page", integer(minimum=1, default=1), "Page number"),
    query_param("per_page", integer(minimum=1, maximum=100), "Threads per page"),
)


def paths() -> dict[str, dict[str, Schema]]:
    """Every route of the blueprint, by path and method."""
    return {
        "/tokens": {
            "post": op(
                "Get a bearer token",
                "auth",
                201,
                "Token",
                body="Credentials",
                errors=(401, 429),
                auth="none",
            ),
        },
        "/users": {
            "post": op(
                "Sign up as a learner",
                "users",
                201,
                "Profile",
                body="NewUser",
                errors=(409, 429),
                auth="none",
            ),
        },
        "/users/{handle}": {
            "get": op(
                "A member's profile",
                "users",
                200,
                "Profile",
                params=(path_param("handle", string()),),
                errors=(404,),
            ),
        },
        "/me": {
            "get": op("The signed-in member", "users", 200, "Me", auth="required"),
            "patch": op(
                "Edit one's profile", "users", 200, "Me", body="ProfileUpdate", auth="required"
            ),
        },
        "/threads": {
            "get": op(
                "List threads", "threads", 200, "ThreadPage", params=LIST_FILTERS, errors=(422,)
            ),
            "post": op(
                "Open a case or a question",
                "threads",
                201,
                "Thread",
                body="NewThread",
                errors=(403, 429),
                auth="required",
            ),
        },
        "/threads/{thread_id}": {
            "get": op(
                "A thread with its posts", "threads", 200, "Thread", params=(THREAD,), errors=(404,)
            ),
        },
        "/threads/{thread_id}/posts": {
            "post": op(
                "Reply",
                "posts",
                201,
                "Post",
                body="NewPost",
                params=(THREAD,),
                errors=(403, 404, 429),
                auth="required",
            ),
        },
        "/threads/{thread_id}/accepted": {
            "put": op(
                "Accept an answer (null clears)",
                "threads",
                200,
                "Thread",
                body="Accept",
                params=(THREAD,),
                errors=(403, 404),
                auth="required",
            ),
        },
        "/specialties": {
            "get": op("List specialties", "threads", 200, "SpecialtyList"),
        },
        "/posts/{post_id}": {
            "get": op("A post", "posts", 200, "Post", params=(POST,), errors=(404,)),
            "patch": op(
                "Edit a post",
                "posts",
                200,
                "Post",
                body="PostEdit",
                params=(POST,),
                errors=(403, 404),
                auth="required",
            ),
            "delete": op(
                "Delete a post (soft)",
                "posts",
                204,
                None,
                body="Reason",
                body_required=False,
                params=(POST,),
                errors=(403, 404),
                auth="required",
            ),
        },
        "/posts/{post_id}/revisions": {
            "get": op(
                "A post's revisions, newest first",
                "posts",
                200,
                "RevisionList",
                params=(POST,),
                errors=(404,),
            ),
        },
        "/posts/{post_id}/vote": {
            "put": op(
                "Vote helpful (1) or withdraw (0)",
                "posts",
                200,
                "Score",
                body="Vote",
                params=(POST,),
                errors=(403, 404, 429),
                auth="required",
            ),
        },
        "/posts/{post_id}/endorsements": {
            "post": op(
                "Endorse a reply (mentors)",
                "posts",
                201,
                "Endorsement",
                body="EndorsementNote",
                body_required=False,
                params=(POST,),
                errors=(403, 404, 409, 429),
                auth="required",
            ),
            "delete": op(
                "Withdraw one's endorsement",
                "posts",
                204,
                None,
                params=(POST,),
                errors=(403, 404),
                auth="required",
            ),
        },
        "/notifications": {
            "get": op(
                "One's notifications, newest first, with the unread count",
                "notifications",
                200,
                "NotificationPage",
                params=(
                    query_param("unread", string(enum=["1"]), "Only unread notifications"),
                    query_param("page", integer(minimum=1, default=1), "Page number"),
                    query_param("per_page", integer(minimum=1, maximum=100), "Per page"),
                ),
                errors=(422,),
                auth="required",
            ),
        },
        "/notifications/read": {
            "post": op(
                "Mark notifications read (ids, or all)",
                "notifications",
                200,
                "Unread",
                body="MarkRead",
                auth="required",
            ),
        },
        "/threads/{thread_id}/watch": {
            "put": op(
                "Watch, mute, or (null) stop choosing for a thread",
                "notifications",
                200,
                "Watch",
                body="WatchLevel",
                params=(THREAD,),
                errors=(403, 404),
                auth="required",
            ),
        },
        "/openapi.json": {
            "get": {
                "summary": "This document",
                "tags": ["meta"],
                "security": SECURITY["optional"],
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1",
                        "content": json_content({"type": "object"}),
                    }
                },
            },
        },
    }


# Feature modules that document their own operations (moderation_openapi.py) append a
# function returning (paths, schemas) here when forum.api imports them, as routes attach
# themselves to `bp`: each module stays small and none has to import the other.
Section = Callable[[], tuple[dict[str, dict[str, Schema]], dict[str, Schema]]]
SECTIONS: list[Section] = []


def _paths_and_schemas() -> tuple[dict[str, dict[str, Schema]], dict[str, Schema]]:
    all_paths, all_schemas = paths(), {**schemas(), **notifications.schemas()}
    for section in SECTIONS:
        more_paths, more_schemas = section()
        for path, methods in more_paths.items():
            all_paths.setdefault(path, {}).update(methods)
        all_schemas.update(more_schemas)
    return all_paths, all_schemas


@cache
def document() -> Schema:
    """The whole OpenAPI document (built on first use, never at import)."""
    all_paths, all_schemas = _paths_and_schemas()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Rounds API",
            "version": "1.0.0",
            "description": (
                "Cases, questions, replies, helpful votes, mentor endorsements. "
                "Authenticate with `POST /api/v1/tokens`, then `Authorization: Bearer <token>`. "
                "Browser calls may use the session cookie instead, with an `X-CSRFToken` header "
                'on writes. Errors are `{"error": {"code", "message", "fields"?}}`.'
            ),
        },
        "paths": {PREFIX + path: methods for path, methods in all_paths.items()},
        "components": {
            "schemas": all_schemas,
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer"},
                "cookieAuth": {"type": "apiKey", "in": "cookie", "name": "session"},
            },
        },
    }


@bp.get("/openapi.json")
def openapi_json() -> ResponseReturnValue:
    """Serve the document, so clients and tools can generate code against the contract."""
    return document()
