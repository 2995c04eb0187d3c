"""The domain's errors. Web, API and CLI each map them to their own answer in one place."""

from __future__ import annotations

from typing import Any

from ..permissions import is_suspended


class ServiceError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}

    def extra(self) -> dict[str, object]:
        """More for the JSON error body (e.g. the PHI guard's spans); nothing by default."""
        return {}


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


def suspension_message(user: Any) -> str:
    """What a suspended member is told on every page and every refused write: until when, why."""
    until = user.suspended_until
    when = f"{until.day} {until:%b %Y, %H:%M} UTC"
    reason = (user.suspension_reason or "").strip().rstrip(".") or "no reason was recorded"
    return f"Your account is suspended until {when}: {reason}. You can read but not post."


def refuse_if_suspended(actor: Any) -> None:
    """Every write service calls this first, so the refusal says until when and why instead of
    a bare "not allowed" (the permission predicates already refuse the suspended)."""
    if is_suspended(actor):
        raise NotAllowed(suspension_message(actor))
