"""API authentication: tokens, sign-up, /me, and the cookie session with its CSRF check."""

from __future__ import annotations

import flask
from flask_wtf.csrf import generate_csrf

from forum.extensions import db
from forum.models import ApiToken, User
from forum.services import accounts, queries
from tests.conftest import PASSWORD


def error(response) -> dict:  # type: ignore[no-untyped-def]
    body = response.get_json()
    assert set(body) == {"error"}, body
    return body["error"]


# --- tokens -------------------------------------------------------------------------------


def test_a_token_is_issued_for_good_credentials_and_works(client, learner) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/v1/tokens", json={"email": learner.email, "password": PASSWORD})
    assert response.status_code == 201
    assert response.headers["Cache-Control"] == "no-store"
    token = response.get_json()["token"]
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    assert me.get_json()["id"] == learner.id
    # Only the hash is stored.
    assert db.session.query(ApiToken).filter_by(token_hash=token).count() == 0


def test_bad_credentials_get_one_answer_for_unknown_email_and_wrong_password(
    client, learner
) -> None:  # type: ignore[no-untyped-def]
    wrong = client.post("/api/v1/tokens", json={"email": learner.email, "password": "nope" * 4})
    unknown = client.post("/api/v1/tokens", json={"email": "who@example.com", "password": "x" * 12})
    assert wrong.status_code == unknown.status_code == 401
    assert error(wrong) == error(unknown)
    assert error(wrong)["code"] == "unauthenticated"


def test_token_request_needs_both_fields_as_strings(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/v1/tokens", json={"email": 42})
    assert response.status_code == 422
    assert set(error(response)["fields"]) == {"email", "password"}


def test_using_the_api_with_a_token_sets_no_session_cookie(api, learner) -> None:  # type: ignore[no-untyped-def]
    response = api(learner).get("/api/v1/me")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_an_unknown_or_empty_bearer_token_is_401_even_on_public_reads(client) -> None:  # type: ignore[no-untyped-def]
    for header in ("Bearer not-a-token", "Bearer ", "bearer " + "x" * 500):
        response = client.get("/api/v1/threads", headers={"Authorization": header})
        assert response.status_code == 401, header
        assert error(response)["code"] == "unauthenticated"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_token_dies_with_a_password_change(api, learner) -> None:  # type: ignore[no-untyped-def]
    client = api(learner)
    accounts.change_password(learner, PASSWORD, "another long password")
    assert client.get("/api/v1/me").status_code == 401


# --- sign-up and /me ----------------------------------------------------------------------


def test_sign_up_creates_a_learner(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/api/v1/users",
        json={
            "email": "New.Person@Example.com",
            "password": PASSWORD,
            "name": "  New   Person ",
            "specialties": ["cardiology"],
        },
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["name"] == "New Person"
    assert body["role"] == "learner"
    assert body["badges"] == [{"kind": "role", "label": "Learner"}]
    assert body["specialties"] == ["cardiology"]
    assert body["url"] == f"/u/{body['handle']}"
    assert "email" not in body and "password_hash" not in body
    assert db.session.get(User, body["id"]).email == "new.person@example.com"


def test_sign_up_with_an_existing_email_is_409(client, learner) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/api/v1/users", json={"email": learner.email.upper(), "password": PASSWORD, "name": "X Y"}
    )
    assert response.status_code == 409
    assert error(response)["code"] == "conflict"
    assert "email" in error(response)["fields"]


def test_sign_up_validation_names_the_fields(client) -> None:  # type: ignore[no-untyped-def]
    short = client.post(
        "/api/v1/users", json={"email": "a@example.com", "password": "short", "name": "Al"}
    )
    assert short.status_code == 422
    assert "password" in error(short)["fields"]
    bad_email = client.post(
        "/api/v1/users", json={"email": "not-an-email", "password": PASSWORD, "name": "Al"}
    )
    assert bad_email.status_code == 422
    assert "email" in error(bad_email)["fields"]
    typed = client.post(
        "/api/v1/users",
        json={"email": "b@example.com", "password": PASSWORD, "name": 7, "specialties": [1]},
    )
    assert typed.status_code == 422
    assert set(error(typed)["fields"]) == {"name", "specialties"}


def test_me_shows_the_profile_and_badges_of_a_verified_mentor(api, mentor) -> None:  # type: ignore[no-untyped-def]
    body = api(mentor).get("/api/v1/me").get_json()
    for key in ("id", "name", "handle", "role", "badges", "profession", "training_level"):
        assert key in body
    assert {"specialties", "bio", "url", "email"} <= set(body)
    assert body["role"] == "mentor"
    assert body["badges"] == [
        {"kind": "role", "label": "Mentor"},
        {"kind": "verified_mentor", "label": "Verified mentor", "specialty": "cardiology"},
    ]


def test_me_is_401_when_anonymous(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert error(response)["code"] == "unauthenticated"


def test_me_can_be_edited(api, learner) -> None:  # type: ignore[no-untyped-def]
    response = api(learner).patch(
        "/api/v1/me", json={"bio": "Registrar in EM.", "profession": "resident"}
    )
    assert response.status_code == 200
    assert response.get_json()["bio"] == "Registrar in EM."
    bad = api(learner).patch("/api/v1/me", json={"profession": "wizard"})
    assert bad.status_code == 422
    assert "profession" in error(bad)["fields"]


def test_a_member_is_found_by_handle(client, mentor) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"/api/v1/users/{mentor.handle}")
    assert response.status_code == 200
    assert response.get_json()["id"] == mentor.id
    assert "email" not in response.get_json()
    assert client.get("/api/v1/users/nobody-here").status_code == 404


# --- the browser's cookie session ---------------------------------------------------------


def cookie_login(app, client, user: User) -> str:  # type: ignore[no-untyped-def]
    """Log a test client in through its session cookie; returns its CSRF token."""
    with app.test_request_context():
        token = generate_csrf()
        raw = flask.session["csrf_token"]
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
        session["csrf_token"] = raw
    return token


def test_a_cookie_session_reads_without_csrf(app, learner) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    cookie_login(app, client, learner)
    response = client.get("/api/v1/me")
    assert response.status_code == 200
    assert response.get_json()["id"] == learner.id


def test_a_cookie_write_without_the_csrf_header_is_400(app, learner, make_thread) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    client = app.test_client()
    cookie_login(app, client, learner)
    response = client.post(f"/api/v1/threads/{thread.id}/posts", json={"body": "Sneaky."})
    assert response.status_code == 400
    assert error(response)["code"] == "csrf_failed"
    assert thread.reply_count == 0


def test_a_cookie_write_with_the_csrf_header_goes_through(app, learner, make_thread) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    client = app.test_client()
    token = cookie_login(app, client, learner)
    response = client.post(
        f"/api/v1/threads/{thread.id}/posts",
        json={"body": "From the page's fetch call."},
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["author"]["id"] == learner.id


def test_a_bearer_token_needs_no_csrf_even_with_a_cookie(app, api, learner, make_thread) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    client = api(learner)
    cookie_login(app, client.client, learner)
    response = client.post(f"/api/v1/threads/{thread.id}/posts", json={"body": "Via token."})
    assert response.status_code == 201


def test_anonymous_writes_are_401(client, learner, make_thread) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    post_id = queries.all_posts(thread)[0].id
    calls = [
        ("post", "/api/v1/threads", {"kind": "question", "title": "A title here", "body": "b"}),
        ("post", f"/api/v1/threads/{thread.id}/posts", {"body": "hi"}),
        ("put", f"/api/v1/threads/{thread.id}/accepted", {"post_id": None}),
        ("patch", f"/api/v1/posts/{post_id}", {"body": "x"}),
        ("delete", f"/api/v1/posts/{post_id}", None),
        ("put", f"/api/v1/posts/{post_id}/vote", {"value": 1}),
        ("post", f"/api/v1/posts/{post_id}/endorsements", {}),
        ("delete", f"/api/v1/posts/{post_id}/endorsements", None),
        ("patch", "/api/v1/me", {"bio": "x"}),
    ]
    for method, url, body in calls:
        response = getattr(client, method)(url, json=body)
        assert response.status_code == 401, (method, url)
        assert error(response)["code"] == "unauthenticated"


def test_a_page_fetch_call_with_the_meta_csrf_token_goes_through(
    make_browser, learner, make_thread
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    browser = make_browser(learner)
    url = f"/api/v1/threads/{thread.id}/posts"
    refused = browser.client.post(url, json={"body": "No token."})
    assert refused.status_code == 400
    accepted = browser.client.post(
        url, json={"body": "With the page's token."}, headers={"X-CSRFToken": browser.csrf()}
    )
    assert accepted.status_code == 201, accepted.get_json()
