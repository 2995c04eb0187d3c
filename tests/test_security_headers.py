"""Hardened defaults through HTTP: security headers on every kind of response, cookies,
HSTS only over HTTPS, the proxy switch, and which origins may open a Socket.IO connection."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from forum.extensions import db
from tests.conftest import CSRF_META, PASSWORD, make_app

HANDSHAKE = "/socket.io/?EIO=4&transport=polling"


@pytest.fixture
def build(app: Flask) -> Iterator[Any]:
    """build(**config) -> an app on the suite's database with those settings."""
    built: list[Flask] = []

    def make(**config: Any) -> Flask:
        built.append(make_app(app.config["SQLALCHEMY_DATABASE_URI"], **config))
        return built[-1]

    yield make
    for application in built:
        with application.app_context():
            db.engine.dispose()


def directives(response: Any) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    pairs = (part.strip().partition(" ") for part in policy.split(";"))
    return {name: value for name, _, value in pairs}


@pytest.mark.parametrize(
    "url",
    ["/", "/login", "/api/v1/threads", "/api/v1/nothing", "/nothing", "/static/css/rounds.css"],
)
def test_every_response_carries_the_headers(client, url) -> None:
    response = client.get(url)
    response.close()
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    csp = directives(response)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'" and csp["style-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'"
    assert csp["base-uri"] == "'self'" and csp["form-action"] == "'self'"
    assert csp["img-src"] == "'self' data:" and csp["font-src"] == "'self'"
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP


def test_websockets_are_allowed_to_this_host_only(client) -> None:
    csp = directives(client.get("/", headers={"Host": "rounds.example:8443"}))
    assert csp["connect-src"] == "'self' ws://rounds.example:8443 wss://rounds.example:8443"


def test_a_forged_host_cannot_write_into_the_policy(client) -> None:
    csp = directives(client.get("/", headers={"Host": "x;script-src *"}))
    assert csp["connect-src"] == "'self'" and csp["script-src"] == "'self'"


def test_errors_and_redirects_carry_them_too(browser, make_thread, learner) -> None:
    redirect = browser.get("/new/case")
    assert redirect.status_code == 302
    assert "frame-ancestors 'none'" in redirect.headers["Content-Security-Policy"]
    refused = browser.client.post("/login", data={"email": "x"})  # no CSRF token: 400
    assert refused.status_code == 400 and "X-Frame-Options" in refused.headers


def test_hsts_only_over_https(client) -> None:
    secure = client.get("/", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def cookies(response: Any) -> dict[str, str]:
    return {c.split("=", 1)[0]: c for c in response.headers.getlist("Set-Cookie")}


def test_the_session_cookie_is_httponly_and_samesite_lax(client) -> None:
    cookie = cookies(client.get("/login"))["session"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain HTTP in development


def test_cookies_are_secure_over_https(app, learner) -> None:
    client = app.test_client()
    page = client.get("/login", base_url="https://localhost")
    assert "; Secure" in cookies(page)["session"]
    match = CSRF_META.search(page.get_data(as_text=True))
    assert match
    login = client.post(
        "/login",
        data={"email": learner.email, "password": PASSWORD, "remember": "y"}
        | {"csrf_token": match.group(1)},
        base_url="https://localhost",
        headers={"Referer": "https://localhost/login"},  # Flask-WTF checks it over HTTPS
    )
    assert login.status_code == 302
    sent = cookies(login)
    assert "; Secure" in sent["session"] and "; Secure" in sent["remember_token"]
    assert "HttpOnly" in sent["remember_token"]


def test_session_cookie_secure_forces_it_everywhere(build) -> None:
    client = build(SESSION_COOKIE_SECURE=True).test_client()
    assert "Secure" in cookies(client.get("/login"))["session"]


def test_forwarded_https_counts_only_behind_a_trusted_proxy(build) -> None:
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.5"}
    plain = build().test_client().get("/login", headers=forwarded)
    assert "Strict-Transport-Security" not in plain.headers
    assert "Secure" not in cookies(plain)["session"]
    proxied = build(TRUST_PROXY=True).test_client().get("/login", headers=forwarded)
    assert "Strict-Transport-Security" in proxied.headers
    assert "; Secure" in cookies(proxied)["session"]


# --- Socket.IO origins --------------------------------------------------------------------


def handshake(client: Any, origin: str | None, **kw: Any) -> int:
    headers = {"Origin": origin} if origin else {}
    return int(client.get(HANDSHAKE, headers=headers, **kw).status_code)


def test_socketio_accepts_its_own_origin_and_refuses_others(client) -> None:
    assert handshake(client, "http://localhost") == 200
    assert handshake(client, None) == 200  # not a browser: no cross-site risk, tokens apply
    assert handshake(client, "https://evil.example") == 400
    assert handshake(client, "http://localhost.evil.example") == 400
    assert handshake(client, "null") == 400


def test_socketio_takes_more_origins_from_config(build) -> None:
    client = build(SOCKETIO_ALLOWED_ORIGINS=["https://app.rounds.example"]).test_client()
    assert handshake(client, "https://app.rounds.example") == 200
    assert handshake(client, "http://localhost") == 200  # the own origin stays allowed
    assert handshake(client, "https://evil.example") == 400


def test_socketio_origin_follows_the_proxy_when_trusted(build) -> None:
    client = build(TRUST_PROXY=True).test_client()
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "rounds.example"}
    response = client.get(HANDSHAKE, headers={"Origin": "https://rounds.example", **forwarded})
    assert response.status_code == 200
    refused = client.get(HANDSHAKE, headers={"Origin": "https://evil.example", **forwarded})
    assert refused.status_code == 400
