"""Who is calling: a bearer token, else the browser's cookie session (with CSRF).

The token is resolved for this request only: we set the user where Flask-Login's
`current_user` looks (`g._login_user`) instead of calling `login_user`, which would write a
session cookie and turn a stateless API client into a logged-in browser.
"""

from __future__ import annotations

from flask import Response, current_app, g, request
from flask_login import current_user

from ..extensions import csrf
from ..models import User
from ..services import accounts
from ..services.errors import Unauthenticated
from .blueprint import bp

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def bearer_token() -> str | None:
    """The token of an `Authorization: Bearer ...` header; None when there is no such header.

    An empty token is returned as "" (and rejected), not None, so it never falls back to
    the cookie session.
    """
    scheme, _, token = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip()


@bp.before_request
def authenticate() -> None:
    """Resolve the bearer token, or guard a cookie-authenticated write with CSRF."""
    token = bearer_token()
    if token is not None:
        user = accounts.user_for_token(token)
        if user is None:
            raise Unauthenticated("That API token is not valid. Request a new one.")
        g._login_user = user
        return
    # A browser's fetch call: its cookie rides along on cross-site requests too.
    if (
        request.method in UNSAFE_METHODS
        and current_app.config.get("WTF_CSRF_ENABLED", True)
        and current_user.is_authenticated
    ):
        csrf.protect()


@bp.after_request
def challenge(response: Response) -> Response:
    """Tell clients how to authenticate when we refuse them (RFC 6750)."""
    if response.status_code == 401:
        response.headers.setdefault("WWW-Authenticate", 'Bearer realm="rounds"')
    return response


def signed_in() -> User:
    """The acting user, or a 401: writes need an account before any permission check."""
    if not current_user.is_authenticated:
        raise Unauthenticated("Sign in, or send an API token, to do that.")
    user: User = current_user._get_current_object()
    return user


def viewer() -> object:
    """The current user or the anonymous user, for reads whose answer depends on who asks."""
    return current_user._get_current_object()
