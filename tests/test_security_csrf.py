"""CSRF: every state-changing route, walked from the URL map, refuses a signed-in browser
that sends no token; bearer-token API calls need none. New routes are covered the day
they are added, with nobody having to remember to write a test for them."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from werkzeug.routing import Rule

from forum.models import Post, Thread, User
from tests.conftest import Browser

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")


@pytest.fixture
def world(learner, other_learner, mentor, make_thread, make_reply) -> dict[str, Any]:
    """Real records for every kind of URL argument, so CSRF, not a 404, is what answers."""
    thread: Thread = make_thread(learner)
    reply: Post = make_reply(other_learner, thread)
    return {"thread": thread, "reply": reply, "member": other_learner, "mentor": mentor}


def argument(name: str, world: dict[str, Any]) -> object:
    member: User = world["member"]
    known: dict[str, object] = {
        "thread_id": world["thread"].id,
        "post_id": world["reply"].id,
        "user_id": member.id,
        "handle": member.handle,
        "slug": "cardiology",
        "name": "ecg",
    }
    return known.get(name, 1 if name.endswith("id") else "x")


def unsafe_routes(app: Flask, world: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(method, path, endpoint) for every unsafe method of every rule, static files aside."""
    out = []
    rule: Rule
    for rule in app.url_map.iter_rules():
        methods = sorted(set(rule.methods or ()) & set(UNSAFE))
        if not methods or rule.endpoint == "static":
            continue
        built = rule.build({name: argument(name, world) for name in rule.arguments})
        assert built is not None, rule
        path = built[1]
        out += [(method, path, rule.endpoint) for method in methods]
    return out


def test_every_cookie_write_without_a_token_is_400(app, make_browser, learner, world) -> None:
    browser = make_browser(learner)
    routes = unsafe_routes(app, world)
    assert len(routes) >= 20, routes  # the walk found the routes (it would pass on none)
    assert {"/logout", "/api/v1/threads", f"/threads/{world['thread'].id}/reply"} <= {
        path for _, path, _ in routes
    }
    wrong = {}
    for method, path, endpoint in routes:
        response = browser.client.open(path, method=method, data={"body": "x"})
        if response.status_code != 400:
            wrong[f"{method} {path} ({endpoint})"] = response.status_code
            continue
        if path.startswith("/api/"):
            assert response.get_json()["error"]["code"] == "csrf_failed", path
        else:
            assert "came from another site" in response.get_data(as_text=True), path
    assert not wrong, f"cookie writes that skipped the CSRF check: {wrong}"


def test_a_json_cookie_write_without_the_header_is_400_too(app, make_browser, learner, world):
    browser = make_browser(learner)
    response = browser.client.post(
        f"/api/v1/threads/{world['thread'].id}/posts", json={"body": "From another site?"}
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "csrf_failed"


def test_a_wrong_token_is_as_bad_as_none(make_browser, learner, world) -> None:
    browser = make_browser(learner)
    url = f"/threads/{world['thread'].id}/reply"
    assert browser.post(url, {"body": "x", "csrf_token": "forged"}).status_code == 400
    api = f"/api/v1/threads/{world['thread'].id}/posts"
    forged = browser.client.post(api, json={"body": "x"}, headers={"X-CSRFToken": "forged"})
    assert forged.status_code == 400


def test_fetch_calls_with_the_page_token_go_through(make_browser, learner, world) -> None:
    browser = make_browser(learner)
    token = browser.csrf()
    response = browser.client.post(
        f"/posts/{world['reply'].id}/vote",
        data={"value": "1"},
        headers={"X-CSRFToken": token, "Accept": "application/json"},
    )
    assert response.status_code == 200 and response.get_json()["voted"] is True


def test_bearer_token_calls_need_no_csrf_token(app, api, learner, world) -> None:
    """A bearer token is not sent by browsers on their own, so there is nothing to forge;
    even with a session cookie riding along, the token decides and CSRF is not asked."""
    client = api(learner)
    Browser(client.client).login(learner)  # a session cookie in the same client
    for method, path, endpoint in unsafe_routes(app, world):
        if not path.startswith("/api/"):
            continue
        response = client.open(path, method=method, json={})
        assert response.status_code < 500, (method, path)
        if response.status_code == 400:
            code = response.get_json()["error"]["code"]
            assert code != "csrf_failed", f"{method} {path} ({endpoint}) asked a token for CSRF"
    reply = client.post(f"/api/v1/threads/{world['thread'].id}/posts", json={"body": "Fine."})
    assert reply.status_code == 201
