"""JSON Schema (2020-12, as OpenAPI 3.1 uses it) for every shape the API reads and answers.

Small helpers build the schemas so each one reads like the serializer it documents
(forum/api/serializers.py); openapi.py assembles them into the document.
"""

from __future__ import annotations

from typing import Any

from ..models import CASE_SECTIONS, Profession, Role
from ..services.queries import KINDS
from .blueprint import MAX_ID

Schema = dict[str, Any]


# --- schema helpers -----------------------------------------------------------------------


def ref(name: str) -> Schema:
    """A pointer to a named component, so a shape is defined once."""
    return {"$ref": f"#/components/schemas/{name}"}


def string(**extra: Any) -> Schema:
    """A string, with any JSON Schema keywords (format, enum, maxLength...)."""
    return {"type": "string", **extra}


def integer(**extra: Any) -> Schema:
    """An integer, with any JSON Schema keywords (minimum, enum...)."""
    return {"type": "integer", **extra}


def boolean() -> Schema:
    """A boolean (a helper only so schemas read uniformly)."""
    return {"type": "boolean"}


def timestamp() -> Schema:
    """An ISO 8601 date-time, as serializers.timestamp writes it."""
    return string(format="date-time")


def array(items: Schema) -> Schema:
    """A list whose elements all match `items`."""
    return {"type": "array", "items": items}


def nullable(schema: Schema) -> Schema:
    """JSON Schema 2020-12 (OpenAPI 3.1) spells nullable as a union with null."""
    if "type" in schema and "$ref" not in schema:
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties: dict[str, Schema], optional: tuple[str, ...] = ()) -> Schema:
    """An object whose properties are all required except those named `optional`."""
    required = [name for name in properties if name not in optional]
    return {"type": "object", "properties": properties, "required": required}


def items_of(schema: Schema, paginated: bool = False) -> Schema:
    """A collection object (`{"items": [...]}`), with page counters when paginated."""
    fields: dict[str, Schema] = {"items": array(schema)}
    if paginated:
        fields |= {k: integer(minimum=0) for k in ("page", "pages", "per_page", "total")}
    return obj(fields)


# --- components ---------------------------------------------------------------------------

ID = integer(minimum=1, maximum=MAX_ID)
CONFIRM_NO_PHI: Schema = {
    "type": "boolean",
    "description": "The author confirms the text contains no patient identifiers: the PHI "
    "guard then publishes it and queues it for a coordinator's look instead of answering "
    "422 phi_suspected.",
}


def schemas() -> dict[str, Schema]:
    """Every named shape the API answers with, and the bodies it accepts."""
    user = obj(
        {
            "id": ID,
            "name": string(),
            "handle": string(),
            "role": string(enum=[r.value for r in Role]),
            "badges": array(ref("Badge")),
            "url": string(description="The member's profile page"),
        }
    )
    profile = {
        "profession": string(enum=[p.value for p in Profession]),
        "training_level": string(),
        "specialties": array(string(description="specialty slug")),
        "bio": string(),
    }
    summary = {
        "id": ID,
        "kind": string(enum=list(KINDS)),
        "title": string(),
        "specialty": nullable(string(description="specialty slug")),
        "tags": array(string()),
        "author": ref("User"),
        "created_at": timestamp(),
        "last_activity_at": timestamp(),
        "reply_count": integer(minimum=0),
        "endorsed": boolean(),
        "accepted_post_id": nullable(ID),
        "locked": boolean(),
        "pinned": boolean(),
        "deleted": boolean(),
        "url": string(description="The thread's HTML page"),
    }
    return {
        "Error": obj(
            {
                "error": obj(
                    {
                        "code": string(examples=["invalid", "unauthenticated", "forbidden"]),
                        "message": string(),
                        "fields": {"type": "object", "additionalProperties": string()},
                        "spans": array(
                            obj(
                                {
                                    "start": integer(minimum=0),
                                    "end": integer(minimum=0),
                                    "kind": string(),
                                    "field": string(),
                                    "text": string(),
                                },
                                optional=("field", "text"),
                            )
                        ),
                    },
                    optional=("fields", "spans"),
                )
            }
        ),
        "Badge": obj(
            {"kind": string(), "label": string(), "specialty": nullable(string())},
            optional=("specialty",),
        ),
        "User": user,
        "Profile": {"allOf": [user, obj({**profile, "created_at": timestamp()})]},
        "Me": {"allOf": [ref("Profile"), obj({"email": string(format="email")})]},
        "Token": obj({"token": string(), "token_type": string(const="Bearer")}),
        "Specialty": obj(
            {
                "slug": string(),
                "name": string(),
                "description": string(),
                "thread_count": integer(minimum=0),
            }
        ),
        "ThreadSummary": obj(summary),
        "Thread": obj({**summary, "posts": array(ref("Post"))}),
        "Endorsement": obj(
            {
                "id": ID,
                "post_id": ID,
                "mentor": ref("User"),
                "note": string(),
                "created_at": timestamp(),
            }
        ),
        "Post": obj(
            {
                "id": ID,
                "thread_id": ID,
                "number": integer(minimum=1, description="1 is the opening post"),
                "author": ref("User"),
                "html": string(
                    description="Sanitized HTML; empty when deleted (except to staff) and when "
                    "hidden (except to its author and staff)"
                ),
                "source": string(description="Markdown; empty when deleted, except to staff"),
                "score": integer(minimum=0),
                "endorsements": array(ref("Endorsement")),
                "created_at": timestamp(),
                "edited_at": nullable(timestamp()),
                "edit_count": integer(minimum=0),
                "deleted": boolean(),
                "hidden": boolean(),
                "hidden_reason": string(description="Why it is hidden; to its author and staff"),
            },
            optional=("hidden_reason",),
        ),
        "Revision": obj(
            {
                "number": integer(minimum=1, description="1 is the original text"),
                "editor": ref("User"),
                "created_at": timestamp(),
                "html": string(),
                "source": string(),
                "reason": string(),
            }
        ),
        "Score": obj({"score": integer(minimum=0), "voted": boolean()}),
        "ThreadPage": items_of(ref("ThreadSummary"), paginated=True),
        "SpecialtyList": items_of(ref("Specialty")),
        "RevisionList": items_of(ref("Revision")),
        "Credentials": obj({"email": string(format="email"), "password": string()}),
        "NewUser": obj(
            {
                "email": string(format="email"),
                "password": string(minLength=10),
                "name": string(maxLength=80),
                **profile,
            },
            optional=tuple(profile),
        ),
        "ProfileUpdate": obj({"name": string(), **profile}, optional=("name", *profile)),
        "NewThread": obj(
            {
                "kind": string(enum=list(KINDS)),
                "title": string(minLength=8),
                "body": string(description="Markdown; for a case, or send `sections`"),
                "sections": obj(
                    {k: string() for k in CASE_SECTIONS}, optional=tuple(CASE_SECTIONS)
                ),
                "specialty": nullable(string(description="specialty slug")),
                "tags": {"anyOf": [array(string()), string(), {"type": "null"}]},
                "confirm_no_phi": CONFIRM_NO_PHI,
            },
            optional=("body", "sections", "specialty", "tags", "confirm_no_phi"),
        ),
        "NewPost": obj(
            {"body": string(description="Markdown"), "confirm_no_phi": CONFIRM_NO_PHI},
            optional=("confirm_no_phi",),
        ),
        "PostEdit": obj(
            {"body": string(), "reason": string(), "confirm_no_phi": CONFIRM_NO_PHI},
            optional=("reason", "confirm_no_phi"),
        ),
        "Reason": obj({"reason": string()}, optional=("reason",)),
        "Vote": obj({"value": integer(enum=[0, 1], description="1 helpful, 0 withdraw")}),
        "EndorsementNote": obj({"note": nullable(string(maxLength=500))}, optional=("note",)),
        "Accept": obj({"post_id": nullable(ID)}),
    }
