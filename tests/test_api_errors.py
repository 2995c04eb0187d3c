"""Bad input never reaches a 500: every malformed request gets a JSON error with a code."""

from __future__ import annotations

import pytest

from forum.services import queries


def error(response) -> dict:  # type: ignore[no-untyped-def]
    assert response.is_json, response.data[:200]
    body = response.get_json()
    assert set(body) == {"error"}, body
    assert {"code", "message"} <= set(body["error"])
    return body["error"]


@pytest.fixture
def urls(learner, make_thread, make_reply) -> dict[str, str]:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = make_reply(learner, thread)
    return {
        "thread": f"/api/v1/threads/{thread.id}/posts",
        "accept": f"/api/v1/threads/{thread.id}/accepted",
        "edit": f"/api/v1/posts/{reply.id}",
        "vote": f"/api/v1/posts/{reply.id}/vote",
        "opening": f"/api/v1/posts/{queries.all_posts(thread)[0].id}",
    }


@pytest.mark.parametrize(
    "raw",
    ["{not json", "[1, 2]", '"text"', "42", "null", "true", "[" * 5000 + "]" * 5000, "1" * 5000],
)
def test_a_body_that_is_not_a_json_object_is_400(api, other_learner, urls, raw) -> None:  # type: ignore[no-untyped-def]
    response = api(other_learner).post(
        urls["thread"], data=raw, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert error(response)["code"] == "bad_request"


def test_a_form_encoded_body_is_400_not_500(api, other_learner, urls) -> None:  # type: ignore[no-untyped-def]
    response = api(other_learner).post(urls["thread"], data={"body": "hello"})
    assert response.status_code == 400
    assert error(response)["code"] == "bad_request"


def test_json_without_a_content_type_is_still_read(api, other_learner, urls) -> None:  # type: ignore[no-untyped-def]
    response = api(other_learner).post(urls["thread"], data='{"body": "plain text type"}')
    assert response.status_code == 201


def test_a_huge_body_is_413(app, api, other_learner, urls) -> None:  # type: ignore[no-untyped-def]
    size = app.config["MAX_CONTENT_LENGTH"] + 1
    response = api(other_learner).post(urls["thread"], json={"body": "x" * size})
    assert response.status_code == 413
    assert error(response)["code"] == "too_large"


def test_a_body_longer_than_a_post_may_be_is_422(app, api, other_learner, urls) -> None:  # type: ignore[no-untyped-def]
    body = "x" * (app.config["POST_MAX_LENGTH"] + 1)
    response = api(other_learner).post(urls["thread"], json={"body": body})
    assert response.status_code == 422 and "body" in error(response)["fields"]


@pytest.mark.parametrize("value", [1, 1.5, None, True, ["a"], {"a": 1}])
def test_wrong_types_are_422_naming_the_field(api, learner, urls, value) -> None:  # type: ignore[no-untyped-def]
    for url_key, method in (("thread", "post"), ("edit", "patch")):
        response = getattr(api(learner), method)(urls[url_key], json={"body": value})
        assert response.status_code == 422, (url_key, value)
        assert error(response)["fields"] == {"body": "Expected string."}


def test_nul_bytes_are_refused(api, learner, urls) -> None:  # type: ignore[no-untyped-def]
    response = api(learner).post(urls["thread"], json={"body": "a\x00b"})
    assert response.status_code == 422 and "body" in error(response)["fields"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/nothing-here",
        "/api/v1/threads/0",
        "/api/v1/threads/-1",
        "/api/v1/threads/2147483648",
        "/api/v1/posts/99999999999999999999999999",
        "/api/v1/posts/1.5",
        "/api/v1/users/%00",
    ],
)
def test_unknown_addresses_are_json_404(client, url) -> None:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 404
    assert error(response)["code"] == "not_found"


def test_a_wrong_method_is_json_405(api, learner, urls) -> None:  # type: ignore[no-untyped-def]
    response = api(learner).delete("/api/v1/threads")
    assert response.status_code == 405
    assert error(response)["code"] == "method_not_allowed"


def test_unknown_fields_are_ignored(api, other_learner, urls) -> None:  # type: ignore[no-untyped-def]
    response = api(other_learner).post(urls["thread"], json={"body": "ok", "number": 99})
    assert response.status_code == 201 and response.get_json()["number"] == 3


def test_an_empty_body_is_an_empty_object(api, other_learner, urls) -> None:  # type: ignore[no-untyped-def]
    response = api(other_learner).put(urls["vote"])
    assert response.status_code == 422
    assert error(response)["fields"] == {"value": "This field is required."}


def test_nul_characters_anywhere_are_refused_before_the_database(api, client, learner) -> None:  # type: ignore[no-untyped-def]
    tokens = client.post("/api/v1/tokens", json={"email": "a\x00@example.com", "password": "x"})
    assert tokens.status_code == 422 and "email" in error(tokens)["fields"]
    thread = api(learner).post(
        "/api/v1/threads",
        json={"kind": "question", "title": "Title\x00 here", "body": "b", "tags": ["a\x00"]},
    )
    assert thread.status_code == 422
    assert set(error(thread)["fields"]) == {"title", "tags"}
    listing = client.get("/api/v1/threads?specialty=%00&tag=x")
    assert listing.status_code == 422 and set(error(listing)["fields"]) == {"specialty"}


def test_a_deeply_nested_body_is_answered_without_a_500(api, other_learner, urls) -> None:  # type: ignore[no-untyped-def]
    for depth in (50, 900, 3000):
        raw = '{"body": ' + "[" * depth + "]" * depth + "}"
        response = api(other_learner).post(
            urls["thread"], data=raw, headers={"Content-Type": "application/json"}
        )
        assert response.status_code in (400, 422), depth
