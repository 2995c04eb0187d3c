"""Hardened defaults on every response: security headers, Secure cookies over HTTPS, the
proxy a deployment sits behind, and which origins may open a Socket.IO connection.

Why a strict CSP: clinicians paste text all day; if a sanitizer bug ever let markup
through, a policy without inline script or eval keeps it from running. The templates are
built for it (no inline <script>, no style="" and no on*= handlers: tests/test_security_*).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, request
from flask.wrappers import Response
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

CSP = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'{sockets}",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"
# A Host header we are willing to echo into the CSP: a name or address, an optional port.
_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


def content_security_policy(host: str) -> str:
    """The policy; websockets only to this very host (older Safari reads 'self' as http(s)
    only, so ws:// and wss:// are spelled out) rather than to any ws: or wss: at all."""
    sockets = f" ws://{host} wss://{host}" if _HOST.match(host) else ""
    return "; ".join(CSP).format(sockets=sockets)


def add_security_headers(response: Response) -> Response:
    """An after_request hook: every page, JSON answer, error and static file gets them."""
    response.headers["Content-Security-Policy"] = content_security_policy(request.host)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = HSTS
    return response


def _secure(cookie: str) -> str:
    return cookie if "; secure" in cookie.lower() else f"{cookie}; Secure"


class SecureCookiesOverHttps:
    """WSGI middleware: on an HTTPS request, every Set-Cookie is marked Secure.

    Why here and not in config: SESSION_COOKIE_SECURE is one value for all requests, and the
    session and remember-me cookies are written after every after_request hook has run, so
    only the WSGI layer sees them all. SESSION_COOKIE_SECURE=1 still forces it everywhere.
    """

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("wsgi.url_scheme") != "https":
            return self.app(environ, start_response)

        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            headers = [(k, _secure(v) if k.lower() == "set-cookie" else v) for k, v in headers]
            return start_response(status, headers, exc_info)

        return self.app(environ, start)


def socket_origins(config: dict[str, Any]) -> Callable[[str, dict[str, Any]], bool] | None:
    """Flask-SocketIO's `cors_allowed_origins`: None (the site's own origin only, which is
    Engine.IO's default) unless SOCKETIO_ALLOWED_ORIGINS names more; then those as well as
    the own origin, so listing a second domain never locks out the first."""
    extra = {origin.rstrip("/") for origin in config.get("SOCKETIO_ALLOWED_ORIGINS") or ()}
    if not extra:
        return None

    def allowed(origin: str, environ: dict[str, Any]) -> bool:
        own = f"{environ.get('wsgi.url_scheme')}://{environ.get('HTTP_HOST')}"
        return origin == own or origin in extra

    return allowed


DB_INT_MAX = 2**31 - 1


class DatabaseInt(IntegerConverter):
    """`<int:...>` capped at what a 32-bit id column holds (unless a route sets its own max):
    a longer number in a URL is a 404 from the router, not an overflow (500) in the driver."""

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", DB_INT_MAX)
        super().__init__(map, *args, **kwargs)


def register_security(app: Flask) -> None:
    """Headers on every response; Secure cookies over HTTPS; ProxyFix when TRUST_PROXY=1;
    integer URL segments bounded to database ids.

    Call after the extensions, so these middlewares wrap Socket.IO's too: behind a proxy,
    Engine.IO's origin check then sees the scheme and host the browser used.
    """
    app.url_map.converters["int"] = DatabaseInt  # before any blueprint adds its routes
    app.after_request(add_security_headers)
    app.wsgi_app = SecureCookiesOverHttps(app.wsgi_app)  # type: ignore[method-assign]
    if app.config.get("TRUST_PROXY"):
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=1, x_proto=1, x_host=1, x_port=1
        )
