"""The OpenAPI document stays true: every route is documented, nothing documented is
missing, and real responses carry what their schemas require."""

from __future__ import annotations

import re
from typing import Any

import pytest

from forum.services import queries, reactions
from tests.conftest import PASSWORD

PREFIX = "/api/v1"
IGNORED_METHODS = {"HEAD", "OPTIONS"}


@pytest.fixture
def doc(client) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = client.get(f"{PREFIX}/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def template(rule: str) -> str:
    """`/threads/<id:thread_id>` -> `/threads/{thread_id}` (any converter)."""
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)


def routed(app) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {
        (template(rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(PREFIX + "/")
        for method in (rule.methods or set()) - IGNORED_METHODS
    }


def documented(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {(path, method) for path, ops in doc["paths"].items() for method in ops}


def test_every_route_is_documented_and_every_documented_route_exists(app, doc) -> None:  # type: ignore[no-untyped-def]
    assert routed(app), "the API blueprint has no routes"
    assert routed(app) - documented(doc) == set(), "routes missing from openapi.json"
    assert documented(doc) - routed(app) == set(), "documented operations with no route"


def test_the_document_is_openapi_3_1_with_bearer_auth_and_the_error_schema(doc) -> None:  # type: ignore[no-untyped-def]
    assert doc["openapi"].startswith("3.1")
    assert doc["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }
    error = doc["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    assert error["properties"]["error"]["required"] == ["code", "message"]


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if "$ref" in node else []
        return found + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def test_every_reference_resolves_and_every_path_parameter_is_declared(doc) -> None:  # type: ignore[no-untyped-def]
    names = set(doc["components"]["schemas"])
    for ref in refs(doc):
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in names, ref
    for path, ops in doc["paths"].items():
        wanted = set(re.findall(r"{(\w+)}", path))
        for method, op in ops.items():
            declared = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert declared == wanted, (path, method)
            assert op["responses"], (path, method)
            for status, response in op["responses"].items():
                if int(status) >= 400:
                    assert response["content"]["application/json"]["schema"] == {
                        "$ref": "#/components/schemas/Error"
                    }


# --- a small JSON Schema checker: types, required fields, refs, unions ---------------------

JSON_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
}


def problems(doc: dict[str, Any], schema: dict[str, Any], value: Any, at: str = "$") -> list[str]:
    """Why `value` does not match `schema` (an empty list when it does)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return problems(doc, doc["components"]["schemas"][name], value, at)
    if "allOf" in schema:
        return [p for part in schema["allOf"] for p in problems(doc, part, value, at)]
    if "anyOf" in schema:
        options = [problems(doc, part, value, at) for part in schema["anyOf"]]
        return [] if any(not o for o in options) else [f"{at}: matches no anyOf option"]
    found: list[str] = []
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(
            isinstance(value, JSON_TYPES[k])
            and not (k in ("integer", "number") and isinstance(value, bool))
            for k in kinds
        )
        if not ok:
            return [f"{at}: {value!r} is not {kinds}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: {value!r} not in {schema['enum']}")
    if isinstance(value, dict):
        found += [f"{at}: missing {k!r}" for k in schema.get("required", []) if k not in value]
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                found += problems(doc, sub, value[key], f"{at}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += problems(doc, schema["items"], item, f"{at}[{i}]")
    return found


def check(doc: dict[str, Any], path: str, method: str, response) -> None:  # type: ignore[no-untyped-def]
    """The response's status is documented for the operation, and its body fits the schema."""
    op = doc["paths"][PREFIX + path][method]
    status = str(response.status_code)
    assert status in op["responses"], f"{method} {path} answered undocumented {status}"
    content = op["responses"][status].get("content")
    if content is None:
        assert response.data == b"", f"{method} {path} {status} should have no body"
        return
    schema = content["application/json"]["schema"]
    assert problems(doc, schema, response.get_json()) == [], (method, path, status)


def test_the_checker_notices_a_missing_field(doc) -> None:  # type: ignore[no-untyped-def]
    user = {"id": 1, "name": "A", "handle": "a", "role": "learner", "badges": [], "url": "/u/a"}
    assert problems(doc, {"$ref": "#/components/schemas/User"}, user) == []
    del user["badges"]
    assert problems(doc, {"$ref": "#/components/schemas/User"}, user) == ["$: missing 'badges'"]
    assert problems(doc, {"$ref": "#/components/schemas/User"}, {**user, "id": True}) != []


def test_real_responses_match_their_schemas(
    doc, client, api, learner, mentor, coordinator, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner, "case", specialty="cardiology", tags=["stemi"])
    reply = make_reply(mentor, thread, "Activate the cath lab.")
    reactions.endorse(mentor, make_reply(learner, thread), "Good.")
    as_learner, as_mentor, as_staff = api(learner), api(mentor), api(coordinator)
    t, p = thread.id, reply.id
    opening = queries.all_posts(thread)[0].id
    token = client.post(f"{PREFIX}/tokens", json={"email": learner.email, "password": PASSWORD})
    check(doc, "/tokens", "post", token)
    check(doc, "/tokens", "post", client.post(f"{PREFIX}/tokens", json={"email": "a@b.co"}))
    check(doc, "/tokens", "post", client.post(f"{PREFIX}/tokens", data="nope"))
    new = {"email": "new@example.com", "password": PASSWORD, "name": "New One"}
    check(doc, "/users", "post", client.post(f"{PREFIX}/users", json=new))
    check(doc, "/users", "post", client.post(f"{PREFIX}/users", json=new))  # 409
    check(doc, "/users/{handle}", "get", client.get(f"{PREFIX}/users/{learner.handle}"))
    check(doc, "/users/{handle}", "get", client.get(f"{PREFIX}/users/nobody"))
    check(doc, "/me", "get", as_learner.get(f"{PREFIX}/me"))
    check(doc, "/me", "get", client.get(f"{PREFIX}/me"))
    check(doc, "/me", "patch", as_learner.patch(f"{PREFIX}/me", json={"bio": "Hi."}))
    check(doc, "/threads", "get", client.get(f"{PREFIX}/threads"))
    check(doc, "/threads", "get", client.get(f"{PREFIX}/threads?page=x"))
    question = {"kind": "question", "title": "Which dose of aspirin?", "body": "Please."}
    check(doc, "/threads", "post", as_learner.post(f"{PREFIX}/threads", json=question))
    check(doc, "/threads", "post", as_learner.post(f"{PREFIX}/threads", json={}))
    check(doc, "/threads/{thread_id}", "get", client.get(f"{PREFIX}/threads/{t}"))
    check(doc, "/threads/{thread_id}", "get", client.get(f"{PREFIX}/threads/999999"))
    reply_url = f"{PREFIX}/threads/{t}/posts"
    check(doc, "/threads/{thread_id}/posts", "post", as_learner.post(reply_url, json={"body": "x"}))
    check(doc, "/specialties", "get", client.get(f"{PREFIX}/specialties"))
    check(doc, "/posts/{post_id}", "get", client.get(f"{PREFIX}/posts/{p}"))
    edit = as_mentor.patch(f"{PREFIX}/posts/{p}", json={"body": "Edited.", "reason": "r"})
    check(doc, "/posts/{post_id}", "patch", edit)
    check(doc, "/posts/{post_id}/revisions", "get", client.get(f"{PREFIX}/posts/{p}/revisions"))
    vote_url = f"{PREFIX}/posts/{p}/vote"
    check(doc, "/posts/{post_id}/vote", "put", as_learner.put(vote_url, json={"value": 1}))
    check(doc, "/posts/{post_id}/vote", "put", as_learner.put(vote_url, json={"value": 5}))
    endorse_url = f"{PREFIX}/posts/{opening}/endorsements"
    check(doc, "/posts/{post_id}/endorsements", "post", as_learner.post(endorse_url, json={}))
    accept_url = f"{PREFIX}/threads/{t}/accepted"
    check(
        doc, "/threads/{thread_id}/accepted", "put", as_staff.put(accept_url, json={"post_id": p})
    )
    mine = as_mentor.post(f"{PREFIX}/posts/{make_reply(learner, thread).id}/endorsements")
    check(doc, "/posts/{post_id}/endorsements", "post", mine)
    withdraw = as_mentor.delete(f"{PREFIX}/posts/{mine.get_json()['post_id']}/endorsements")
    check(doc, "/posts/{post_id}/endorsements", "delete", withdraw)
    check(doc, "/posts/{post_id}", "delete", as_learner.delete(f"{PREFIX}/posts/{p}"))
    check(doc, "/posts/{post_id}", "delete", as_mentor.delete(f"{PREFIX}/posts/{p}"))
    check(doc, "/openapi.json", "get", client.get(f"{PREFIX}/openapi.json"))
