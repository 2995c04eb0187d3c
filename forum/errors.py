"""One error format per audience: JSON under /api/, HTML pages everywhere else."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from . import limits
from .extensions import db
from .services.errors import ServiceError

TITLES = {
    400: "Bad request",
    401: "Please log in",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Too large",
    422: "Please check your input",
    429: "Slow down",
    500: "Something went wrong",
}

CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "rate_limited",
    500: "server_error",
}


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def error_response(
    status: int,
    message: str,
    code: str | None = None,
    fields: dict[str, str] | None = None,
    extra: dict[str, object] | None = None,
):
    """The response for an error, negotiated by audience."""
    if wants_json():
        body: dict[str, object] = {"code": code or CODES.get(status, "error"), "message": message}
        if fields:
            body["fields"] = fields
        body.update(extra or {})
        return jsonify(error=body), status
    title = TITLES.get(status, "Error")
    template = (
        f"errors/{status}.html" if status in (403, 404, 422, 429, 500) else "errors/error.html"
    )
    return render_template(template, code=status, title=title, message=message), status


def _wait(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = round(seconds / 60)
    return f"{minutes} minutes" if minutes < 90 else f"{round(minutes / 60)} hours"


def too_many_requests(message: str):
    """A broken rate limit: what happened and when to try again, in words and Retry-After."""
    seconds = limits.retry_after()
    if seconds is None:
        return error_response(429, message)
    body, status = error_response(429, f"{message} Try again in {_wait(seconds)}.")
    return body, status, {"Retry-After": str(seconds)}


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ServiceError)
    def service_error(exc: ServiceError):
        db.session.rollback()
        return error_response(exc.status, exc.message, exc.code, exc.fields, exc.extra())

    @app.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError):
        return error_response(
            400,
            "Your form expired or came from another site. Go back, reload the page and try again.",
            "csrf_failed",
        )

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        status = exc.code or 500
        if status >= 500:
            db.session.rollback()
        message = exc.description or TITLES.get(status, "Error")
        if status == 429:
            return too_many_requests(message)
        return error_response(status, message)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        db.session.rollback()
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        return error_response(500, InternalServerError.description)
