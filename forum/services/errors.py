"""The domain's errors. Web, API and CLI each map them to their own answer in one place."""

from __future__ import annotations


class ServiceError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class Invalid(ServiceError):
    """The input breaks a rule; `fields` says which field and why."""

    status = 422
    code = "invalid"


class NotAllowed(ServiceError):
    status = 403
    code = "forbidden"


class NotFound(ServiceError):
    status = 404
    code = "not_found"


class Conflict(ServiceError):
    status = 409
    code = "conflict"


class Unauthenticated(ServiceError):
    status = 401
    code = "unauthenticated"


def require(allowed: bool, message: str = "You are not allowed to do that.") -> None:
    """Raise NotAllowed unless a permission predicate said yes."""
    if not allowed:
        raise NotAllowed(message)
