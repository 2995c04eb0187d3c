"""Reading API input: a JSON object body and typed fields, or a JSON error, never a 500.

Services validate meaning (is this title long enough?); this module only makes sure each
value has the JSON type the service expects, so a number where text belongs is a 422 with
the field named instead of an AttributeError deep in a service.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from flask import request

from ..services.errors import Invalid, NotFound, ServiceError
from .blueprint import MAX_ID, bp


class BadRequest(ServiceError):
    """The request itself is malformed: not JSON, or not a JSON object."""

    status = 400
    code = "bad_request"


# A JSON type name -> the Python types that json.loads produces for it.
TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}
NUL_MESSAGE = "Remove the NUL character."


def json_body() -> dict[str, Any]:
    """The request body as a JSON object; an empty body is `{}` (bodies are often optional).

    We parse whatever the Content-Type says, so a client that forgets the header gets the
    same answer as one that sends it; CSRF, not the media type, guards cookie requests.
    """
    raw = request.get_data(cache=True)  # 413 from MAX_CONTENT_LENGTH surfaces here
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise BadRequest("The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise BadRequest("The request body must be a JSON object.")
    bad = sorted(key for key, value in data.items() if _has_nul(key) or _has_nul(value))
    if bad:
        raise Invalid("Text may not contain NUL characters.", dict.fromkeys(bad, NUL_MESSAGE))
    return data


def _has_nul(value: object) -> bool:
    """PostgreSQL cannot store (or even compare) text with NUL: refuse it at the door.

    Iterative, so a deeply nested body cannot exhaust the stack here either.
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
    return False


@bp.before_request
def refuse_nul_in_url() -> None:
    """A NUL in the path or query string would reach the database as a 500 on PostgreSQL."""
    if "\x00" in request.path:
        raise NotFound("Nothing lives at that address.")
    bad = sorted({name for name, value in request.args.items(multi=True) if _has_nul(name + value)})
    if bad:
        raise Invalid(
            "Query parameters may not contain NUL characters.", dict.fromkeys(bad, NUL_MESSAGE)
        )


def _matches(value: object, kinds: str) -> bool:
    for kind in kinds.split("|"):
        if kind == "string[]":
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return True
            continue
        if kind == "integer" and isinstance(value, bool):
            continue  # True is an int in Python, never in JSON
        if isinstance(value, TYPES[kind]):
            return True
    return False


def fields(
    body: Mapping[str, Any],
    required: Mapping[str, str] | None = None,
    optional: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Check field types, e.g. `required={"title": "string"}, optional={"tags": "string[]|string"}`.

    Returns the known fields that are present; one Invalid names every missing or mistyped
    field at once, so a client fixes its request in one round trip. Unknown keys are ignored
    (clients may send more than we read, as we may answer with more than they read).
    """
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    for name, kinds in {**(optional or {}), **(required or {})}.items():
        if name not in body:
            if required and name in required:
                errors[name] = "This field is required."
            continue
        if not _matches(body[name], kinds):
            expected = " or ".join(
                k.replace("string[]", "a list of strings") for k in kinds.split("|")
            )
            errors[name] = f"Expected {expected}."
            continue
        out[name] = body[name]
    if errors:
        raise Invalid("Please correct the highlighted fields.", errors)
    return out


def record_id(value: object, field: str) -> int:
    """An id from a JSON body: a positive integer in the database's range, else 422."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise Invalid("That is not a valid id.", {field: "Expected the id of a record."})
    return value


def query_int(name: str, default: int, low: int, high: int) -> int:
    """An integer query parameter within [low, high]; anything else is a 422 naming it."""
    raw = request.args.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise Invalid(f"{name} must be a whole number.", {name: "Use a whole number."}) from None
    if not low <= value <= high:
        raise Invalid(f"{name} is out of range.", {name: f"Between {low} and {high}."})
    return value
