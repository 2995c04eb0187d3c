"""Bad input of every kind gets a clear 4xx, never a 500, through pages and the API:
huge bodies, invalid UTF-8, NUL bytes, wrong JSON types, unknown and out-of-range ids,
negative, huge and non-numeric pages, overlong and duplicated parameters."""

from __future__ import annotations

from typing import Any

import pytest

HUGE = "9" * 30  # beyond any database integer
SUPERSCRIPT_TWO = "%C2%B2"  # "²": str.isdigit() says yes, int() says no


@pytest.fixture
def ids(learner, other_learner, make_thread, make_reply) -> dict[str, Any]:
    thread = make_thread(learner)
    reply = make_reply(other_learner, thread)
    return {"thread": thread.id, "reply": reply.id, "handle": learner.handle}


PAGE_CASES = [
    ("/threads/{HUGE}", 404),
    ("/threads/0", 404),
    ("/threads/-1", 404),
    ("/posts/{HUGE}/history", 404),
    ("/posts/{HUGE}/edit", 404),
    ("/moderation/threads/{HUGE}", 404),
    ("/?page=-1", 422),
    ("/?page=0", 422),
    ("/?page=abc", 422),
    ("/?page={HUGE}", 422),
    ("/?page=" + "9" * 5000, 422),
    ("/?page=1.5", 422),
    ("/?kind=bogus", 422),
    ("/?filter=bogus", 422),
    ("/threads/{thread}?page=-5", 422),
    ("/threads/{thread}?page={HUGE}&order=bogus", 422),
    ("/u/{handle}?page=abc", 422),
    ("/notifications?page=-1", 422),
    ("/?tag=%00", 400),
    ("/s/%00", 400),
    ("/?page=1&page=2", 200),
    ("/?kind=case&kind=question", 200),
    ("/?specialty=%FF%FE", 200),
    ("/?tag=" + "a" * 5000, 200),
    ("/t/%FF%FE", 200),
    ("/s/" + "a" * 5000, 404),
    ("/u/%FF", 404),
    ("/u/" + "x" * 3000, 404),
]


def test_pages_answer_bad_urls_with_a_4xx(make_browser, coordinator, ids) -> None:
    browser = make_browser(coordinator)
    wrong = {}
    for url, status in PAGE_CASES:
        response = browser.get(url.format(HUGE=HUGE, **ids))
        if response.status_code != status or response.mimetype != "text/html":
            wrong[url[:80]] = response.status_code
    assert not wrong


@pytest.mark.parametrize(
    "url",
    [
        f"/moderation/users/{SUPERSCRIPT_TWO}",
        f"/moderation/audit?actor={SUPERSCRIPT_TWO}",
        f"/moderation/audit?target=post:{SUPERSCRIPT_TWO}",
        f"/api/v1/audit?actor={SUPERSCRIPT_TWO}",
        f"/api/v1/audit?target=post:{SUPERSCRIPT_TWO}",
        f"/moderation/audit?actor={HUGE}&target=post:{HUGE}&page={HUGE}",
    ],
)
def test_odd_digits_and_huge_numbers_in_moderation_filters(api, coordinator, url) -> None:
    response = api(coordinator).get(url)
    assert response.status_code < 500


def test_form_posts_with_bad_values(make_browser, learner, other_learner, ids) -> None:
    browser = make_browser(learner)
    thread, reply = ids["thread"], ids["reply"]
    for post_id in (HUGE, "²", "-1", "x"):
        response = browser.post(f"/threads/{thread}/accept", {"post_id": post_id})
        assert response.status_code in (404, 422), post_id
    assert browser.post(f"/posts/{HUGE}/vote", {"value": "1"}).status_code == 404
    assert browser.post(f"/threads/{HUGE}/reply", {"body": "x"}).status_code == 404
    assert browser.post(f"/posts/{reply}/vote", {"value": HUGE}).status_code == 422
    assert browser.post(f"/threads/{thread}/reply", {"body": "a\x00b"}).status_code == 400


def test_invalid_utf8_in_forms_is_not_a_500(make_browser, learner, ids) -> None:
    browser = make_browser(learner)
    token = browser.csrf().encode()
    login = browser.client.post(
        "/login",
        data=b"email=%FF%FE&password=%C0&csrf_token=" + token,
        content_type="application/x-www-form-urlencoded",
    )
    assert login.status_code in (200, 400, 422)
    raw = b"body=\xff\xfe%FF&csrf_token=" + token
    reply = browser.client.post(
        f"/threads/{ids['thread']}/reply",
        data=raw,
        content_type="application/x-www-form-urlencoded",
    )
    assert reply.status_code < 500


def test_a_huge_form_is_413(app, make_browser) -> None:
    browser = make_browser()
    response = browser.post("/login", {"email": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)})
    assert response.status_code == 413 and response.mimetype == "text/html"


API_BODIES = [
    ("post", "/api/v1/threads", {"kind": "case", "title": 123}, 422),
    (
        "post",
        "/api/v1/threads",
        {"kind": None, "title": "A good long title", "tags": {"a": 1}},
        422,
    ),
    (
        "post",
        "/api/v1/threads",
        {"kind": "case", "title": "Long enough", "sections": {"x": 5}},
        422,
    ),
    ("post", "/api/v1/threads", {"kind": "question", "title": "Long enough", "body": []}, 422),
    ("patch", "/api/v1/me", {"specialties": [1, 2], "name": 5}, 422),
    ("patch", "/api/v1/me", {"bio": {}, "profession": 5}, 422),
    ("put", "/api/v1/posts/{reply}/vote", {"value": "1"}, 422),
    ("put", "/api/v1/posts/{reply}/vote", {"value": 10**30}, 422),
    ("put", "/api/v1/posts/{reply}/vote", {"value": 1.5}, 422),
    ("put", "/api/v1/posts/{reply}/vote", {"value": True}, 422),
    ("put", "/api/v1/threads/{thread}/accepted", {"post_id": 10**30}, 422),
    ("put", "/api/v1/threads/{thread}/accepted", {"post_id": "1"}, 422),
    ("post", "/api/v1/tokens", {"email": 5, "password": None}, 422),
    ("post", "/api/v1/posts/{reply}/flags", {"reason": 5}, 422),
    ("post", "/api/v1/threads/{thread}/posts", {"body": "a\x00b"}, 422),
]


def test_api_wrong_json_types_are_422(api, learner, ids) -> None:
    client = api(learner)
    for method, url, body, status in API_BODIES:
        response = getattr(client, method)(url.format(**ids), json=body)
        assert response.status_code == status, (method, url, body, response.get_json())
        assert response.get_json()["error"]["code"] in ("invalid", "bad_request")


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b'{"body": "\xff\xfe"}', 400),  # invalid UTF-8
        (b'{"body": "a", "body": 5}', 422),  # duplicate key: the last one wins, and is checked
        (b'{"body": NaN}', 422),
        (b'{"body": 1e999}', 422),
        (b'{"body": ' + b"9" * 5000 + b"}", 400),  # longer than Python will parse as an int
        ('{"body": "UTF-16 is still JSON"}'.encode("utf-16"), 201),
    ],
)
def test_api_raw_bodies(api, learner, ids, raw, status) -> None:
    response = api(learner).post(
        f"/api/v1/threads/{ids['thread']}/posts",
        data=raw,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == status, response.get_data(as_text=True)[:300]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/threads?page=-1", 422),
        ("/api/v1/threads?page=abc", 422),
        (f"/api/v1/threads?page={HUGE}", 422),
        ("/api/v1/threads?per_page=0", 422),
        ("/api/v1/threads?per_page=1000&per_page=2", 422),
        ("/api/v1/threads?tag=%FF&kind=%00", 422),
        ("/api/v1/threads?tag=" + "a" * 5000, 200),
        (f"/api/v1/threads/{HUGE}", 404),
        ("/api/v1/threads/0", 404),
        ("/api/v1/users/%FF", 404),
        ("/api/v1/users/" + "x" * 5000, 404),
    ],
)
def test_api_bad_urls(client, url, status) -> None:
    response = client.get(url)
    assert response.status_code == status and response.is_json


def test_an_overlong_bearer_token_is_401(client) -> None:
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer " + "x" * 10_000})
    assert response.status_code == 401
