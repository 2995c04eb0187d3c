"""Rate limits through HTTP: posting, voting, endorsing, sign-up, and the 429 answer.

The suite's usual app runs with limits off; these tests build a second app on the same
database with limits on (`limited(**numbers)`), so each test states the numbers it needs.
Log-in throttling has its own module, tests/test_limits_login.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask

from forum import config
from forum.extensions import db, limiter
from forum.models import User, utcnow
from forum.services import accounts
from tests.conftest import PASSWORD, Browser, make_app

Limited = Callable[..., Flask]


@pytest.fixture
def limited(app: Flask) -> Iterator[Limited]:
    """limited(RATELIMIT_POSTING="2 per minute", ...) -> an app with rate limits on."""
    built: list[Flask] = []

    def build(**config: Any) -> Flask:
        application = make_app(
            app.config["SQLALCHEMY_DATABASE_URI"], RATELIMIT_ENABLED=True, **config
        )
        limiter.reset()
        built.append(application)
        return application

    yield build
    limiter.reset()
    for application in built:
        with application.app_context():
            db.engine.dispose()


def established(user: User, hours: int = 48) -> User:
    """Make an account older than a day: the ordinary numbers apply to it."""
    user.created_at = utcnow() - timedelta(hours=hours)
    db.session.commit()
    return user


def bearer(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {accounts.issue_token(user.email, PASSWORD)}"}


def browser_for(application: Flask, user: User | None = None) -> Browser:
    browser = Browser(application.test_client())
    if user is not None:
        browser.login(user)
    return browser


def assert_limited_json(response: Any) -> dict[str, Any]:
    assert response.status_code == 429, response.get_data(as_text=True)[:300]
    assert int(response.headers["Retry-After"]) >= 1
    error = response.get_json()["error"]
    assert error["code"] == "rate_limited"
    assert "Try again in" in error["message"]
    return error


def test_posting_is_limited_across_the_page_and_the_api(
    limited, learner, other_learner, make_thread
) -> None:
    application = limited(RATELIMIT_POSTING="2 per minute")
    thread = make_thread(other_learner)
    established(learner)
    browser = browser_for(application, learner)
    api = application.test_client()
    reply = f"/threads/{thread.id}/reply"
    assert browser.post(reply, {"body": "First, by the page."}).status_code == 302
    url = f"/api/v1/threads/{thread.id}/posts"
    assert api.post(url, json={"body": "Second."}, headers=bearer(learner)).status_code == 201
    error = assert_limited_json(api.post(url, json={"body": "Third."}, headers=bearer(learner)))
    assert "posting faster" in error["message"]
    page = browser.post(reply, {"body": "Fourth, by the page."})
    assert page.status_code == 429 and int(page.headers["Retry-After"]) >= 1
    html = page.get_data(as_text=True)
    assert "You are posting faster than Rounds allows. Try again in" in html
    # New threads draw from the same allowance.
    new = browser.post("/new/question", {"title": "A question that waits", "body": "Why?"})
    assert new.status_code == 429


def test_reading_is_never_limited(limited, learner, make_thread) -> None:
    application = limited(RATELIMIT_POSTING="1 per minute")
    thread = make_thread(learner)
    browser = browser_for(application, learner)
    for _ in range(5):
        assert browser.get(f"/threads/{thread.id}").status_code == 200
        assert browser.get("/new/question").status_code == 200


def test_new_accounts_get_the_stricter_numbers(limited, make_user, learner, make_thread) -> None:
    application = limited(RATELIMIT_POSTING="3 per minute", RATELIMIT_POSTING_NEW="1 per minute")
    thread = make_thread(learner)
    newcomer = make_user("learner")
    regular = established(make_user("learner"))
    new_mentor = make_user("mentor", specialty="cardiology")  # vetted by an admin: not "new"
    api = application.test_client()
    url = f"/api/v1/threads/{thread.id}/posts"
    statuses = {
        name: [
            api.post(url, json={"body": f"Reply {i}."}, headers=bearer(user)).status_code
            for i in range(3)
        ]
        for name, user in (("new", newcomer), ("old", regular), ("mentor", new_mentor))
    }
    assert statuses == {"new": [201, 429, 429], "old": [201, 201, 201], "mentor": [201] * 3}


def test_members_are_counted_apart_even_from_one_address(
    limited, learner, other_learner, make_thread
) -> None:
    application = limited(RATELIMIT_POSTING="1 per minute", RATELIMIT_POSTING_NEW="1 per minute")
    thread = make_thread(learner)
    api = application.test_client()
    url = f"/api/v1/threads/{thread.id}/posts"
    assert api.post(url, json={"body": "Mine."}, headers=bearer(learner)).status_code == 201
    assert api.post(url, json={"body": "Again."}, headers=bearer(learner)).status_code == 429
    assert api.post(url, json={"body": "Hers."}, headers=bearer(other_learner)).status_code == 201


def test_voting_is_limited_page_and_api_together(
    limited, learner, other_learner, make_thread, make_reply
) -> None:
    application = limited(RATELIMIT_VOTING_NEW="3 per minute")
    thread = make_thread(other_learner)
    post = make_reply(other_learner, thread)
    browser = browser_for(application, learner)
    vote = f"/posts/{post.id}/vote"
    assert browser.post(vote, {"value": "1"}).status_code == 302
    assert browser.post(vote, {"value": "0"}).status_code == 302
    api = application.test_client()
    url = f"/api/v1/posts/{post.id}/vote"
    assert api.put(url, json={"value": 1}, headers=bearer(learner)).status_code == 200
    assert_limited_json(api.put(url, json={"value": 0}, headers=bearer(learner)))
    fetch = browser.post(vote, {"value": "0"}, headers={"Accept": "application/json"})
    assert fetch.status_code == 429


def test_endorsing_is_limited(limited, learner, mentor, make_thread, make_reply) -> None:
    application = limited(RATELIMIT_ENDORSING="1 per minute")
    thread = make_thread(learner)
    first, second = make_reply(learner, thread), make_reply(learner, thread, "Another view.")
    api = application.test_client()
    ok = api.post(f"/api/v1/posts/{first.id}/endorsements", json={}, headers=bearer(mentor))
    assert ok.status_code == 201
    browser = browser_for(application, mentor)
    assert browser.post(f"/posts/{second.id}/endorse", {"note": "Good."}).status_code == 429


def test_flagging_is_limited_page_and_api_together(
    limited, learner, other_learner, make_thread, make_reply
) -> None:
    application = limited(RATELIMIT_FLAGGING_NEW="1 per minute")
    thread = make_thread(other_learner)
    first, second = make_reply(other_learner, thread), make_reply(other_learner, thread, "More.")
    api = application.test_client()
    flagged = api.post(
        f"/api/v1/posts/{first.id}/flags", json={"reason": "spam"}, headers=bearer(learner)
    )
    assert flagged.status_code == 201
    page = browser_for(application, learner).post(f"/posts/{second.id}/flag", {"reason": "spam"})
    assert page.status_code == 429
    assert "coordinators are on it" in page.get_data(as_text=True)


def test_sign_up_is_limited_per_address(limited) -> None:
    application = limited(RATELIMIT_SIGNUP="2 per minute")
    client = application.test_client()

    def sign_up(n: int, address: str = "203.0.113.7") -> int:
        body = {"email": f"new{n}@example.com", "password": PASSWORD, "name": f"New {n}"}
        return client.post(
            "/api/v1/users", json=body, environ_base={"REMOTE_ADDR": address}
        ).status_code

    assert [sign_up(1), sign_up(2), sign_up(3)] == [201, 201, 429]
    page = Browser(client).post(
        "/signup",
        {"name": "Page", "email": "page@example.com", "password": PASSWORD, "confirm": PASSWORD},
        environ_base={"REMOTE_ADDR": "203.0.113.7"},
    )
    assert page.status_code == 429
    assert "Too many sign-ups from your network" in page.get_data(as_text=True)
    assert sign_up(4, address="198.51.100.9") == 201  # another address has its own allowance


def test_the_limit_headers_tell_clients_what_is_left(limited, learner, make_thread) -> None:
    application = limited(RATELIMIT_POSTING="5 per minute")
    thread = make_thread(learner)
    established(learner)
    response = application.test_client().post(
        f"/api/v1/threads/{thread.id}/posts", json={"body": "Counted."}, headers=bearer(learner)
    )
    assert response.status_code == 201
    assert response.headers["X-RateLimit-Limit"] == "5"
    assert response.headers["X-RateLimit-Remaining"] == "4"


def test_limits_are_off_in_an_app_configured_so(api, learner, other_learner, make_thread) -> None:
    """The suite's own app has RATELIMIT_ENABLED off, like a bulk import would."""
    thread = make_thread(other_learner)
    client = api(learner)
    for i in range(12):
        response = client.post(f"/api/v1/threads/{thread.id}/posts", json={"body": f"No. {i}"})
        assert response.status_code == 201


def test_an_app_with_limits_on_does_not_switch_them_on_elsewhere(
    app, limited, learner, make_thread
) -> None:
    """Flask-Limiter has one global switch; Rounds decides per app (see forum/limits.py)."""
    limited(RATELIMIT_POSTING="1 per minute")
    thread = make_thread(learner)
    client = app.test_client()
    url = f"/api/v1/threads/{thread.id}/posts"
    statuses = [
        client.post(url, json={"body": "Fine."}, headers=bearer(learner)).status_code
        for _ in range(3)
    ]
    assert statuses == [201, 201, 201]


LINKS = "See https://a.example/1, [this](https://b.example/2), <https://c.example/3>"


def test_new_accounts_may_post_only_a_few_links(
    api, make_user, learner, mentor, make_thread
) -> None:
    """A posting rule, not a rate limit: it holds with the limits switched off too."""
    thread = make_thread(learner)
    newcomer = make_user("learner")
    url = f"/api/v1/threads/{thread.id}/posts"
    # confirm_no_phi: the PHI guard flags web addresses too; here only the link cap is tested
    three = api(newcomer).post(
        url, json={"body": f"{LINKS} and @{mentor.handle}, /t/ecg", "confirm_no_phi": True}
    )
    assert three.status_code == 201  # mentions and links within Rounds are free
    four = api(newcomer).post(
        url, json={"body": f"{LINKS} and www.d.example/4", "confirm_no_phi": True}
    )
    assert four.status_code == 422
    assert "At most 3 links" in four.get_json()["error"]["fields"]["body"]
    established(newcomer)
    again = {"body": f"{LINKS} and www.d.example", "confirm_no_phi": True}
    assert api(newcomer).post(url, json=again).status_code == 201


def test_the_link_cap_shows_on_the_case_form(make_browser, make_user) -> None:
    newcomer = make_user("learner")
    sections = {
        "presentation": "A man in his 60s with chest pain. " + LINKS,
        "question": "What next? https://d.example/4",
    }
    page = make_browser(newcomer).post(
        "/new/case", {"title": "Chest pain with many links", **sections}
    )
    assert page.status_code == 422
    assert "At most 3 links per post in your first day here (4 now)." in page.get_data(as_text=True)


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """A deployment's environment, with nothing of the test machine's leaking in."""
    for name in (*config.LIMIT_DEFAULTS, "RATELIMIT_ENABLED", "REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    return monkeypatch


def test_limits_are_on_by_default_and_off_with_ratelimit_enabled_0(environment) -> None:
    assert config.from_environment()["RATELIMIT_ENABLED"] is True
    environment.setenv("RATELIMIT_ENABLED", "0")
    assert config.from_environment()["RATELIMIT_ENABLED"] is False


def test_limits_are_counted_in_redis_when_there_is_one(environment) -> None:
    assert config.from_environment()["RATELIMIT_STORAGE_URI"] == "memory://"
    environment.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    assert config.from_environment()["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/3"


def test_each_number_can_be_set_from_the_environment(environment) -> None:
    environment.setenv("RATELIMIT_POSTING", "100 per hour")
    environment.setenv("NEW_ACCOUNT_MAX_LINKS", "0")
    settings = config.from_environment()
    assert settings["RATELIMIT_POSTING"] == "100 per hour"
    assert settings["NEW_ACCOUNT_MAX_LINKS"] == 0


def test_a_mistyped_limit_stops_the_app_at_start_up() -> None:
    with pytest.raises(ValueError, match="RATELIMIT_VOTING"):
        make_app("sqlite://", RATELIMIT_VOTING="lots per minute")
