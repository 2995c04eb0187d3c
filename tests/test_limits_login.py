"""Log-in throttling: failures count per email and per address, successes never do, and
nothing in the answers tells whether an email has an account."""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from typing import Any

import pytest
import redis
from flask import Flask

from forum.limits import email_key
from tests import test_limits
from tests.conftest import PASSWORD, Browser

limited = test_limits.limited  # the fixture: an app with limits on
WRONG = "not the password at all"
BAD_CREDENTIALS = "That email and password do not match an account."


def page_login(client: Any, email: str, password: str, address: str = "192.0.2.10") -> Any:
    return Browser(client).post(
        "/login", {"email": email, "password": password}, environ_base={"REMOTE_ADDR": address}
    )


def api_login(client: Any, email: str, password: str, address: str = "192.0.2.10") -> Any:
    return client.post(
        "/api/v1/tokens",
        json={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def comparable(text: str) -> str:
    """An answer without what differs per request anyway: the countdown, CSRF tokens."""
    text = re.sub(r"Try again in \d+ \w+", "Try again in N", text)
    return re.sub(r'(content|value)="[\w.-]{40,}"', "", text)


def test_five_failures_lock_the_email_even_for_the_right_password(limited, learner) -> None:
    client = limited().test_client()
    for _ in range(5):
        response = page_login(client, learner.email, WRONG)
        assert response.status_code == 200 and BAD_CREDENTIALS in response.get_data(as_text=True)
    locked = page_login(client, learner.email, PASSWORD)
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 60
    assert "Too many failed log-in attempts" in locked.get_data(as_text=True)
    # The API's token exchange shares the count.
    assert api_login(client, learner.email, PASSWORD).status_code == 429


def test_the_lock_is_per_email_not_per_person_at_the_address(
    limited, learner, other_learner
) -> None:
    client = limited().test_client()
    for _ in range(5):
        page_login(client, learner.email, WRONG)
    assert page_login(client, other_learner.email, PASSWORD).status_code == 302


def test_page_and_api_failures_add_up(limited, learner) -> None:
    client = limited().test_client()
    for _ in range(3):
        assert page_login(client, learner.email, WRONG).status_code == 200
    for _ in range(2):
        assert api_login(client, learner.email.upper(), WRONG).status_code == 401
    response = api_login(client, f"  {learner.email} ", PASSWORD)
    assert response.status_code == 429
    assert response.get_json()["error"]["code"] == "rate_limited"


def test_successes_are_never_counted(limited, learner) -> None:
    client = limited(RATELIMIT_LOGIN_FAILURES_ACCOUNT="2 per 15 minutes").test_client()
    for _ in range(6):
        assert api_login(client, learner.email, PASSWORD).status_code == 201


def test_failures_from_one_address_lock_that_address_only(limited, learner, other_learner) -> None:
    client = limited(RATELIMIT_LOGIN_FAILURES_ADDRESS="3 per 15 minutes").test_client()
    for n in range(3):
        assert page_login(client, f"guess{n}@example.com", WRONG).status_code == 200
    assert page_login(client, learner.email, PASSWORD).status_code == 429
    elsewhere = page_login(client, learner.email, PASSWORD, address="198.51.100.20")
    assert elsewhere.status_code == 302


def test_every_attempt_counts_per_address(limited, learner) -> None:
    client = limited(RATELIMIT_LOGIN="3 per minute").test_client()
    statuses = [api_login(client, learner.email, PASSWORD).status_code for _ in range(4)]
    assert statuses == [201, 201, 201, 429]


def test_the_throttle_says_the_same_for_unknown_and_known_emails(
    limited, learner, other_learner
) -> None:
    """Same statuses, same words, same Retry-After shape: no way to find who has an account."""
    client = limited().test_client()

    def story(email: str, address: str) -> list[tuple[int, str]]:
        out = []
        for _ in range(6):
            response = page_login(client, email, WRONG, address=address)
            out.append((response.status_code, comparable(response.get_data(as_text=True))))
        return out

    known = story(learner.email, "192.0.2.30")
    unknown = story("nobody-here@example.com", "192.0.2.31")
    assert [status for status, _ in known] == [200] * 5 + [429]
    assert [(s, t.replace(learner.email, "nobody-here@example.com")) for s, t in known] == unknown

    def api_story(email: str, address: str) -> list[tuple[int, str]]:
        answers = [api_login(client, email, WRONG, address) for _ in range(6)]
        return [(r.status_code, comparable(r.get_data(as_text=True))) for r in answers]

    assert api_story(other_learner.email, "192.0.2.32") == api_story("ghost@ex.com", "192.0.2.33")


def test_the_email_key_is_a_hash_never_the_address(app: Flask) -> None:
    with app.test_request_context("/login", method="POST", data={"email": " Lena@Example.com "}):
        key = email_key()
    with app.test_request_context(
        "/api/v1/tokens", method="POST", json={"email": "LENA@example.com"}
    ):
        same = email_key()
    assert key == same and "example" not in key and key.startswith("email:")


@pytest.mark.skipif(not os.environ.get("TEST_REDIS_URL"), reason="TEST_REDIS_URL is not set")
def test_failures_are_counted_in_redis_when_configured(limited, learner) -> None:
    """Several app processes share one Redis, so a guesser cannot spread across them."""
    url = os.environ["TEST_REDIS_URL"]
    first = limited(RATELIMIT_STORAGE_URI=url).test_client()
    second = limited(RATELIMIT_STORAGE_URI=url).test_client()
    email = f"{uuid.uuid4().hex}@example.com"  # private keys: parallel runs share the Redis
    address = f"127.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.9"
    digest = hashlib.sha256(email.encode()).hexdigest()[:32]
    store = redis.Redis.from_url(url)
    try:
        for client in (first, second, first, second, first):
            assert api_login(client, email, WRONG, address).status_code == 401
        assert api_login(second, email, WRONG, address).status_code == 429
        assert list(store.scan_iter(f"*{digest}*")), "the count lives in Redis"
    finally:
        for pattern in (f"*{digest}*", f"*{address}*"):
            for key in store.scan_iter(pattern):
                store.delete(key)
        store.close()
