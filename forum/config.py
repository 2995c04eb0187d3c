"""Settings, read from the environment with documented defaults (see README.md)."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once into instance/."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = INSTANCE / "secret_key"
    if path.exists():
        return path.read_text().strip()
    INSTANCE.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{INSTANCE / 'rounds.db'}"
    # Accept the common short forms and use psycopg 3, the driver we ship.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _async_mode() -> str:
    """gevent inside a gevent-patched server (`flask serve`, gunicorn's gevent worker), else
    threading (the CLI, the shell, the test client). bench/README.md has the figures."""
    monkey = sys.modules.get("gevent.monkey")
    return "gevent" if monkey and monkey.is_module_patched("socket") else "threading"


def _int(name: str, default: int, low: int = 1) -> int:
    """A whole number from the environment; a typo fails at start-up, not at the first use."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    number = int(value)
    if number < low:
        raise ValueError(f"{name} must be at least {low}, not {number}")
    return number


def _abuse_settings() -> dict[str, Any]:
    """Rate limits, new-account rules and origins (forum/limits.py, forum/security.py).

    Each limit is a Flask-Limiter string ("5 per minute;60 per hour") overridable by the
    variable of the same name, so an operator tunes a busy conference day without a release.
    """
    limits = {name: os.environ[name] for name in LIMIT_DEFAULTS if os.environ.get(name, "").strip()}
    origins = os.environ.get("SOCKETIO_ALLOWED_ORIGINS", "")
    return {
        **limits,
        "NEW_ACCOUNT_HOURS": _int("NEW_ACCOUNT_HOURS", NEW_ACCOUNT_DEFAULTS["NEW_ACCOUNT_HOURS"]),
        "NEW_ACCOUNT_MAX_LINKS": _int(
            "NEW_ACCOUNT_MAX_LINKS", NEW_ACCOUNT_DEFAULTS["NEW_ACCOUNT_MAX_LINKS"], low=0
        ),
        "SOCKETIO_ALLOWED_ORIGINS": [o.strip() for o in origins.split(",") if o.strip()],
        "TRUST_PROXY": _flag("TRUST_PROXY", False),
    }


def from_environment() -> dict[str, Any]:
    """The configuration of a real deployment (`make run`, wsgi.py)."""
    if not os.environ.get("DATABASE_URL"):
        INSTANCE.mkdir(parents=True, exist_ok=True)
    redis_url = os.environ.get("REDIS_URL") or None
    return {
        "SECRET_KEY": _secret_key(),
        "SQLALCHEMY_DATABASE_URI": _database_url(),
        "REDIS_URL": redis_url,
        "RATELIMIT_ENABLED": _flag("RATELIMIT_ENABLED", True),
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        "SESSION_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE", False),
        "REMEMBER_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE", False),
        **_abuse_settings(),
        # Open flags from this many distinct members hide a post until a coordinator looks.
        "FLAG_HIDE_THRESHOLD": _int("FLAG_HIDE_THRESHOLD", 3),
        # How long the live-event log (what a reconnecting client catches up on) is kept.
        "LIVE_EVENTS_KEEP_DAYS": _int("LIVE_EVENTS_KEEP_DAYS", 7),
        "SOCKETIO_ASYNC_MODE": os.environ.get("SOCKETIO_ASYNC_MODE") or _async_mode(),
        # The Redis pub/sub channel; processes of one deployment share it, tests pick their own.
        "SOCKETIO_CHANNEL": os.environ.get("SOCKETIO_CHANNEL") or "flask-socketio",
    }


# Abuse limits: per member when signed in, else per address; "_NEW" applies to accounts
# younger than NEW_ACCOUNT_HOURS. Log-in failures count per email and per address.
LIMIT_DEFAULTS: dict[str, str] = {
    "RATELIMIT_POSTING": "6 per minute;60 per hour;300 per day",
    "RATELIMIT_POSTING_NEW": "2 per minute;10 per hour;20 per day",
    "RATELIMIT_FLAGGING": "10 per minute;60 per day",
    "RATELIMIT_FLAGGING_NEW": "3 per minute;10 per day",
    "RATELIMIT_VOTING": "30 per minute;500 per day",
    "RATELIMIT_VOTING_NEW": "10 per minute;100 per day",
    "RATELIMIT_ENDORSING": "10 per minute;100 per day",
    "RATELIMIT_ENDORSING_NEW": "3 per minute;20 per day",
    "RATELIMIT_SIGNUP": "5 per minute;20 per hour",
    "RATELIMIT_LOGIN": "30 per minute",  # every attempt; a hospital NAT is many people
    "RATELIMIT_LOGIN_FAILURES_ACCOUNT": "5 per 15 minutes",
    "RATELIMIT_LOGIN_FAILURES_ADDRESS": "20 per 15 minutes",
}
NEW_ACCOUNT_DEFAULTS: dict[str, int] = {"NEW_ACCOUNT_HOURS": 24, "NEW_ACCOUNT_MAX_LINKS": 3}

DEFAULTS: dict[str, Any] = {
    # werkzeug's scrypt; the test suite uses a cheap method so thousands of logins stay fast.
    "PASSWORD_HASH_METHOD": "scrypt",
    # "N reading now" goes out at most once a second per thread, whatever the churn.
    "PRESENCE_INTERVAL": 1.0,
    **LIMIT_DEFAULTS,
    **NEW_ACCOUNT_DEFAULTS,
    # Moving window: a throttled guesser cannot burst at a fixed window's edge.
    "RATELIMIT_STRATEGY": "moving-window",
    "SOCKETIO_ALLOWED_ORIGINS": [],  # empty: the site's own origin only
    "TRUST_PROXY": False,
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "MAX_CONTENT_LENGTH": 1024 * 1024,  # 1 MiB: a long case is ~30 KB of text
    "WTF_CSRF_TIME_LIMIT": None,  # tied to the session, not a clock: long cases take time
    "THREADS_PER_PAGE": 20,
    "POSTS_PER_PAGE": 25,
    "POST_MAX_LENGTH": 60_000,
    "TITLE_MAX_LENGTH": 200,
    "FLAG_HIDE_THRESHOLD": 3,
    "RATELIMIT_HEADERS_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "JSON_SORT_KEYS": False,
}
