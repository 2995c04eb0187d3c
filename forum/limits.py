"""The rate-limit policy: named limits that views wear as decorators, numbers from config.

Why one module: an action's page and its API call share one counter (a Flask-Limiter
*scope*), so scripting the API buys no more than clicking; and the numbers live in
config.py (overridable from the environment), so nothing here needs a release to retune.

Who is counted: the signed-in member (across devices and addresses), else the address.
Accounts younger than NEW_ACCOUNT_HOURS get the stricter `*_NEW` numbers. Log-in is
different: every attempt counts per address, and *failed* attempts also count per email
and per address, so a guesser is slowed whoever they target, while someone who types
their password right is never locked out by their own successes. The email is hashed
into the key whether or not an account has it, so a throttled answer reveals nothing.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from typing import Any, TypeVar, cast

from flask import Flask, current_app, request
from flask.wrappers import Response
from flask_limiter.util import get_remote_address
from flask_login import current_user
from limits import parse_many

from .config import LIMIT_DEFAULTS
from .extensions import limiter
from .services.posting import is_new_account

F = TypeVar("F", bound=Callable[..., object])
UNSAFE = ["POST", "PUT", "PATCH", "DELETE"]


# --- who is counted ----------------------------------------------------------------------


def address_key() -> str:
    """The client's address (the proxy's client when TRUST_PROXY=1 lets ProxyFix set it)."""
    return f"addr:{get_remote_address()}"


def actor_key() -> str:
    """The signed-in member (web session or bearer token), else the address."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return address_key()


def _submitted_email() -> str:
    """The email a log-in names, from the form (page) or the JSON body (API)."""
    email = request.form.get("email") if request.form else None
    if email is None:
        try:
            body = json.loads(request.get_data(cache=True) or b"null")
        except ValueError:
            body = None
        email = body.get("email") if isinstance(body, dict) else None
    return email.strip().lower() if isinstance(email, str) else ""


def email_key() -> str:
    """A hash of the submitted email: the same key whether or not an account has it."""
    digest = hashlib.sha256(_submitted_email().encode("utf-8", "replace")).hexdigest()
    return f"email:{digest[:32]}"


# --- how many ----------------------------------------------------------------------------


def _setting(name: str) -> Callable[[], str]:
    """The limit string configured under `name`, read per request (tests and operators)."""
    return lambda: str(current_app.config[name])


def _by_age(name: str) -> Callable[[], str]:
    """`name`, or `name_NEW` for an account younger than NEW_ACCOUNT_HOURS."""

    def provider() -> str:
        new = current_user.is_authenticated and is_new_account(current_user)
        return str(current_app.config[f"{name}_NEW" if new else name])

    return provider


def failed_login(response: Response) -> bool:
    """A log-in that signed nobody in. Success is a redirect (page) or 201 (API token); the
    page answers a wrong password with the form again. A 429 checked no password."""
    return response.status_code not in (201, 302, 303, 429)


# --- the named limits --------------------------------------------------------------------


def _per_member(setting: str, scope: str, message: str) -> Any:
    """A limit counted per member (else per address), tighter for new accounts."""
    return limiter.shared_limit(
        _by_age(setting), scope=scope, key_func=actor_key, methods=UNSAFE, error_message=message
    )


posting = _per_member("RATELIMIT_POSTING", "posting", "You are posting faster than Rounds allows.")
flagging = _per_member(
    "RATELIMIT_FLAGGING",
    "flagging",
    "You have flagged many posts in a short time; coordinators are on it.",
)
voting = _per_member("RATELIMIT_VOTING", "voting", "You are voting faster than Rounds allows.")
endorsing = _per_member(
    "RATELIMIT_ENDORSING", "endorsing", "You are endorsing faster than Rounds allows."
)
signup = limiter.shared_limit(
    _setting("RATELIMIT_SIGNUP"),
    scope="signup",
    key_func=address_key,
    methods=["POST"],
    error_message="Too many sign-ups from your network.",
)
_THROTTLED = "Too many failed log-in attempts for this email or from your network."
_login_attempts = limiter.shared_limit(
    _setting("RATELIMIT_LOGIN"),
    scope="login",
    key_func=address_key,
    methods=["POST"],
    error_message="Too many log-in attempts from your network.",
)
_login_failures_account = limiter.shared_limit(
    _setting("RATELIMIT_LOGIN_FAILURES_ACCOUNT"),
    scope="login-failures-account",
    key_func=email_key,
    methods=["POST"],
    deduct_when=failed_login,
    error_message=_THROTTLED,
)
_login_failures_address = limiter.shared_limit(
    _setting("RATELIMIT_LOGIN_FAILURES_ADDRESS"),
    scope="login-failures-address",
    key_func=address_key,
    methods=["POST"],
    deduct_when=failed_login,
    error_message=_THROTTLED,
)


def login(view: F) -> F:
    """Every log-in limit on one view (the page's and the API's share their counters)."""
    return cast(F, _login_attempts(_login_failures_account(_login_failures_address(view))))


# --- wiring ------------------------------------------------------------------------------


@limiter.request_filter
def _switched_off() -> bool:
    """RATELIMIT_ENABLED per application (see init_app for why not Flask-Limiter's own)."""
    return not current_app.config.get("RATELIMIT_ENABLED", True)


def init_app(app: Flask) -> None:
    """Bind the limiter, and refuse a mistyped limit at start-up rather than at a request.

    Flask-Limiter keeps a single on/off switch for every app it is bound to (the last
    `init_app` wins), and a process may hold several apps (the tests do). So the extension
    is always switched on, and `_switched_off` asks each request's own app instead.
    """
    for name in LIMIT_DEFAULTS:
        try:
            parse_many(str(app.config[name]))
        except ValueError as exc:
            raise ValueError(f"{name}={app.config[name]!r} is not a rate limit: {exc}") from exc
    enabled = app.config.get("RATELIMIT_ENABLED", True)
    app.config["RATELIMIT_ENABLED"] = True
    try:
        limiter.init_app(app)
    finally:
        app.config["RATELIMIT_ENABLED"] = enabled


def retry_after() -> int | None:
    """Seconds until the limit this request broke lets it through again, if it broke one."""
    breached = limiter.current_limit
    if breached is None or not breached.breached:
        return None
    return max(1, int(breached.reset_at - time.time()))
