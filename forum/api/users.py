"""Accounts over the API: tokens, sign-up, the signed-in member, member look-ups."""

from __future__ import annotations

from flask.typing import ResponseReturnValue

from .. import limits
from ..services import accounts
from . import serializers as s
from .auth import signed_in
from .blueprint import bp
from .inputs import fields, json_body

PROFILE_FIELDS = {
    "name": "string",
    "profession": "string",
    "training_level": "string",
    "bio": "string",
    "specialties": "string[]",
}


@bp.post("/tokens")
@limits.login
def create_token() -> ResponseReturnValue:
    """Exchange email and password for a bearer token (shown once; we keep only its hash)."""
    body = fields(json_body(), required={"email": "string", "password": "string"})
    token = accounts.issue_token(body["email"], body["password"])
    return {"token": token, "token_type": "Bearer"}, 201, {"Cache-Control": "no-store"}


@bp.post("/users")
@limits.signup
def create_user() -> ResponseReturnValue:
    """Sign up: everyone starts as a learner; admins grant other roles elsewhere."""
    body = fields(
        json_body(),
        required={"email": "string", "password": "string", "name": "string"},
        optional=PROFILE_FIELDS,
    )
    user = accounts.register(body.pop("email"), body.pop("password"), body.pop("name"), **body)
    return s.profile(user), 201


@bp.get("/me")
def me() -> ResponseReturnValue:
    """The member this request acts as: how a client checks its token and shows a header."""
    user = signed_in()
    return {**s.profile(user), "email": user.email}


@bp.patch("/me")
def update_me() -> ResponseReturnValue:
    """Edit one's own profile; only the fields sent change."""
    user = signed_in()
    body = fields(json_body(), optional=PROFILE_FIELDS)
    accounts.update_profile(user, user, **body)
    return {**s.profile(user), "email": user.email}


@bp.get("/users/<handle>")
def show_user(handle: str) -> ResponseReturnValue:
    """A member's public profile, by handle (the @name in mentions)."""
    return s.profile(accounts.get_user_by_handle(handle))
