"""Who may use the moderation endpoints: learners and mentors get 403 on every one, anonymous
callers 401 (API) or the log-in page (web); and every answer matches the OpenAPI document."""

from __future__ import annotations

from typing import Any

import pytest

from forum.models import Post, Thread, User
from forum.services import moderation
from tests.test_api_openapi import check

PREFIX = "/api/v1"


@pytest.fixture
def target(make_thread, make_reply, learner, other_learner, make_user):  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    post = make_reply(other_learner, thread, "A reply to moderate.")
    moderation.flag_post(make_user(), post, "spam")
    return thread, post, make_user()


def api_calls(thread: Thread, post: Post, member: User) -> list[tuple[str, str, Any]]:
    p, t, u = post.id, thread.id, member.id
    return [
        ("get", "/moderation/queue", None),
        ("post", f"/posts/{p}/flags/dismiss", {"reason": "r"}),
        ("post", f"/posts/{p}/hide", {"reason": "r"}),
        ("post", f"/posts/{p}/unhide", {"reason": "r"}),
        ("post", f"/posts/{p}/phi-review", {}),
        ("post", f"/posts/{p}/redact", {"body": "New text.", "reason": "r"}),
        ("patch", f"/threads/{t}", {"locked": True}),
        ("patch", f"/threads/{t}", {"pinned": True}),
        ("patch", f"/threads/{t}", {"specialty": "cardiology"}),
        ("post", f"/users/{u}/suspension", {"days": 3, "reason": "r"}),
        ("delete", f"/users/{u}/suspension", None),
        ("get", "/audit", None),
    ]


def web_calls(thread: Thread, post: Post, member: User) -> list[tuple[str, str, dict[str, str]]]:
    p, t, h = post.id, thread.id, member.handle
    return [
        ("get", "/moderation", {}),
        ("get", "/moderation/audit", {}),
        ("get", f"/moderation/threads/{t}", {}),
        ("get", f"/moderation/users/{h}", {}),
        ("get", f"/moderation/posts/{p}/redact", {}),
        ("post", f"/moderation/posts/{p}/dismiss", {}),
        ("post", f"/moderation/posts/{p}/hide", {"reason": "r"}),
        ("post", f"/moderation/posts/{p}/unhide", {}),
        ("post", f"/moderation/posts/{p}/phi-reviewed", {}),
        ("post", f"/moderation/posts/{p}/redact", {"body": "New.", "reason": "r"}),
        ("post", f"/moderation/threads/{t}", {"locked": "1"}),
        ("post", f"/moderation/users/{h}/suspend", {"days": "3", "reason": "r"}),
        ("post", f"/moderation/users/{h}/unsuspend", {}),
    ]


@pytest.mark.parametrize("role", ["learner", "mentor"])
def test_members_get_403_on_every_moderation_endpoint(
    api, make_browser, make_user, target, role
) -> None:  # type: ignore[no-untyped-def]
    thread, post, member = target
    user = make_user(role)
    client = api(user)
    for method, path, body in api_calls(thread, post, member):
        response = getattr(client, method)(PREFIX + path, json=body)
        assert response.status_code == 403, (role, method, path, response.get_json())
        assert response.get_json()["error"]["code"] == "forbidden"
    browser = make_browser(user)
    for method, path, form in web_calls(thread, post, member):
        response = browser.get(path) if method == "get" else browser.post(path, form)
        assert response.status_code == 403, (role, method, path)
    assert 'href="/moderation"' not in browser.get("/").get_data(as_text=True)


def test_anonymous_callers_are_asked_to_sign_in(client, make_browser, target) -> None:  # type: ignore[no-untyped-def]
    thread, post, member = target
    for method, path, body in api_calls(thread, post, member):
        response = getattr(client, method)(PREFIX + path, json=body)
        assert response.status_code == 401, (method, path)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    browser = make_browser()
    for method, path, form in web_calls(thread, post, member):
        response = browser.get(path) if method == "get" else browser.post(path, form)
        assert response.status_code == 302 and "/login" in response.headers["Location"], path


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_staff_may_use_every_endpoint(api, make_user, target, role) -> None:  # type: ignore[no-untyped-def]
    thread, post, member = target
    client = api(make_user(role))
    expected = {"/moderation/queue": 200, f"/users/{member.id}/suspension": None}
    for method, path, body in api_calls(thread, post, member):
        response = getattr(client, method)(PREFIX + path, json=body)
        assert response.status_code in (200, 201, 204, 409), (method, path, response.get_json())
        if expected.get(path):
            assert response.status_code == expected[path]


@pytest.fixture
def doc(client) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return client.get(f"{PREFIX}/openapi.json").get_json()


def test_moderation_responses_match_the_document(
    doc, api, client, learner, coordinator, target
) -> None:  # type: ignore[no-untyped-def]
    thread, post, member = target
    staff, member_api = api(coordinator), api(learner)
    p, t, u = post.id, thread.id, member.id
    check(
        doc,
        "/posts/{post_id}/flags",
        "post",
        member_api.post(f"{PREFIX}/posts/{p}/flags", json={"reason": "phi"}),
    )
    check(
        doc,
        "/posts/{post_id}/flags",
        "post",
        member_api.post(f"{PREFIX}/posts/{p}/flags", json={"reason": "phi"}),
    )
    check(doc, "/posts/{post_id}/flags", "post", client.post(f"{PREFIX}/posts/{p}/flags", json={}))
    check(doc, "/moderation/queue", "get", staff.get(f"{PREFIX}/moderation/queue"))
    check(doc, "/moderation/queue", "get", member_api.get(f"{PREFIX}/moderation/queue"))
    check(doc, "/posts/{post_id}/hide", "post", staff.post(f"{PREFIX}/posts/{p}/hide", json={}))
    check(
        doc,
        "/posts/{post_id}/hide",
        "post",
        staff.post(f"{PREFIX}/posts/{p}/hide", json={"reason": "PHI"}),
    )
    check(doc, "/posts/{post_id}/unhide", "post", staff.post(f"{PREFIX}/posts/{p}/unhide"))
    check(doc, "/posts/{post_id}/unhide", "post", staff.post(f"{PREFIX}/posts/{p}/unhide"))
    check(
        doc,
        "/posts/{post_id}/flags/dismiss",
        "post",
        staff.post(f"{PREFIX}/posts/{p}/flags/dismiss"),
    )
    check(doc, "/posts/{post_id}/phi-review", "post", staff.post(f"{PREFIX}/posts/{p}/phi-review"))
    redact = staff.post(f"{PREFIX}/posts/{p}/redact", json={"body": "Clean.", "reason": "PHI"})
    check(doc, "/posts/{post_id}/redact", "post", redact)
    check(
        doc,
        "/threads/{thread_id}",
        "patch",
        staff.patch(f"{PREFIX}/threads/{t}", json={"pinned": True}),
    )
    check(
        doc,
        "/threads/{thread_id}",
        "patch",
        member_api.patch(f"{PREFIX}/threads/{t}", json={"pinned": True}),
    )
    suspension = f"{PREFIX}/users/{u}/suspension"
    check(
        doc,
        "/users/{user_id}/suspension",
        "post",
        staff.post(suspension, json={"days": 2, "reason": "r"}),
    )
    check(doc, "/users/{user_id}/suspension", "post", staff.post(suspension, json={"days": 0}))
    check(doc, "/users/{user_id}/suspension", "delete", staff.delete(suspension))
    check(doc, "/users/{user_id}/suspension", "delete", staff.delete(suspension))
    check(doc, "/audit", "get", staff.get(f"{PREFIX}/audit"))
    check(doc, "/audit", "get", staff.get(f"{PREFIX}/audit?page=x"))
    check(doc, "/posts/{post_id}", "get", client.get(f"{PREFIX}/posts/{p}"))
