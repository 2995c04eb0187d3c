"""Accounts: sign-up, log-in, passwords, profiles, roles, API tokens."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from sqlalchemy import delete, func, select
from werkzeug.security import check_password_hash, generate_password_hash

from .. import permissions
from ..content import slugify
from ..events import UserRegistered, announce
from ..extensions import db
from ..models import ApiToken, Profession, Role, Specialty, User
from . import audit
from .errors import Conflict, Invalid, NotFound, Unauthenticated, refuse_if_suspended, require

MIN_PASSWORD = 10
NAME_MAX = 80
BIO_MAX = 1000


def _hash(password: str) -> str:
    """A password hash with the configured KDF (scrypt unless PASSWORD_HASH_METHOD says)."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


@lru_cache(maxsize=4)
def _dummy_hash(method: str) -> str:
    """A real hash to check against when the email is unknown, so both paths cost the same."""
    return generate_password_hash("not-a-real-password-0", method=method)


def normalize_email(email: str) -> str:
    """Validate an address and return its normal form; Invalid names the field."""
    try:
        info = validate_email((email or "").strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise Invalid("That email address is not valid.", {"email": str(exc)}) from exc
    return info.normalized.lower()


def _check_password(password: str, field: str = "password") -> None:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise Invalid(
            f"Passwords need at least {MIN_PASSWORD} characters.",
            {field: f"Use at least {MIN_PASSWORD} characters."},
        )
    if len(password) > 256:
        raise Invalid("That password is too long.", {field: "Use at most 256 characters."})


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise Invalid("Please tell us your name.", {"name": "Your name is required."})
    if len(name) > NAME_MAX:
        raise Invalid("That name is too long.", {"name": f"At most {NAME_MAX} characters."})
    return name


HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "mx"}


def _unique_handle(name: str, email: str) -> str:
    """A short @handle from the name, without titles: "Dr Amara Okafor" -> amara-okafor."""
    words = name.replace(".", " ").split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]
    base = (
        slugify(" ".join(words), max_length=32)
        or slugify(email.split("@")[0], max_length=32)
        or "user"
    )
    if len(base) < 2:
        base = f"{base}-md"
    handle, n = base, 1
    while db.session.scalar(select(User.id).where(User.handle == handle)) is not None:
        n += 1
        handle = f"{base}-{n}"
    return handle


def _resolve_specialties(slugs: Iterable[str]) -> list[Specialty]:
    slugs = [s for s in dict.fromkeys(slugs) if s]
    if not slugs:
        return []
    found = db.session.scalars(select(Specialty).where(Specialty.slug.in_(slugs))).all()
    missing = set(slugs) - {s.slug for s in found}
    if missing:
        raise Invalid(
            "Unknown specialty.", {"specialties": f"Unknown: {', '.join(sorted(missing))}"}
        )
    return list(found)


def _new_user(email: str, password: str, name: str, role: Role, **profile: object) -> User:
    email = normalize_email(email)
    name = _clean_name(name)
    _check_password(password)
    if db.session.scalar(select(User.id).where(func.lower(User.email) == email)):
        raise Conflict(
            "An account with that email already exists.",
            {"email": "This email is already registered. Log in instead?"},
        )
    user = User(
        email=email,
        name=name,
        handle=_unique_handle(name, email),
        password_hash=_hash(password),
        role=role.value,
        session_token=secrets.token_hex(16),
    )
    db.session.add(user)
    _apply_profile(user, **profile)
    db.session.flush()
    announce(db.session, UserRegistered(actor_id=user.id, user_id=user.id))
    return user


def register(email: str, password: str, name: str, **profile: object) -> User:
    """Sign up a new learner. Everyone starts as a learner; admins grant other roles."""
    user = _new_user(email, password, name, Role.LEARNER, **profile)
    db.session.commit()
    return user


def create_user(
    email: str, password: str, name: str, role: str, specialty: str | None = None
) -> User:
    """Create an account with any role (the operator's CLI and the demo seed)."""
    role_enum = parse_role(role)
    user = _new_user(email, password, name, role_enum, specialties=[specialty] if specialty else [])
    if role_enum is Role.MENTOR:
        user.mentor_verified = True
        user.mentor_specialty = user.specialties[0] if user.specialties else None
    db.session.commit()
    return user


def parse_role(role: str) -> Role:
    try:
        return Role((role or "").strip().lower())
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise Invalid(f"Unknown role {role!r}: use one of {choices}.", {"role": choices}) from None


def authenticate(email: str, password: str) -> User:
    """The user with these credentials; one answer for unknown email and wrong password."""
    user = None
    if isinstance(email, str) and "@" in email:
        user = db.session.scalar(
            select(User).where(func.lower(User.email) == email.strip().lower())
        )
    stored = user.password_hash if user else _dummy_hash(current_app.config["PASSWORD_HASH_METHOD"])
    ok = check_password_hash(stored, password or "")
    if user is None or not ok:
        raise Unauthenticated("That email and password do not match an account.")
    return user


def user_for_session(session_id: str) -> User | None:
    """The user behind a Flask-Login session id ("<id>:<session token>")."""
    user_id, _, token = (session_id or "").partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not secrets.compare_digest(user.session_token, token):
        return None
    return user


def change_password(actor: User, current: str, new: str) -> None:
    """Change a password; every other session and every API token stops working."""
    if not check_password_hash(actor.password_hash, current or ""):
        raise Invalid(
            "Your current password is not right.", {"current_password": "Not your password."}
        )
    _check_password(new, "new_password")
    actor.password_hash = _hash(new)
    actor.session_token = secrets.token_hex(16)
    db.session.execute(delete(ApiToken).where(ApiToken.user_id == actor.id))
    db.session.commit()


def _apply_profile(user: User, **profile: object) -> None:
    if "name" in profile:
        user.name = _clean_name(str(profile["name"]))
    if "profession" in profile:
        try:
            user.profession = Profession(str(profile["profession"] or "other")).value
        except ValueError:
            raise Invalid(
                "Unknown profession.", {"profession": "Pick one from the list."}
            ) from None
    if "training_level" in profile:
        level = " ".join(str(profile["training_level"] or "").split())
        if len(level) > 80:
            raise Invalid("Too long.", {"training_level": "At most 80 characters."})
        user.training_level = level
    if "bio" in profile:
        bio = str(profile["bio"] or "").strip()
        if len(bio) > BIO_MAX:
            raise Invalid("Your bio is too long.", {"bio": f"At most {BIO_MAX} characters."})
        user.bio = bio
    if "specialties" in profile:
        user.specialties = _resolve_specialties(profile["specialties"])  # type: ignore[arg-type]


def update_profile(actor: User, user: User, **profile: object) -> User:
    """Edit name, profession, training level, specialties and bio.

    A suspended member may not: a bio is public text like a post.
    """
    refuse_if_suspended(actor)
    require(permissions.can_edit_profile(actor, user), "You can only edit your own profile.")
    _apply_profile(user, **profile)
    db.session.commit()
    return user


def set_role(actor: User | None, email: str, role: str) -> User:
    """Grant a role. `actor` None means the operator at the command line."""
    if actor is not None:
        require(permissions.can_set_role(actor), "Only admins change roles.")
    role_enum = parse_role(role)
    user = db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None:
        raise NotFound(f"No user with email {email}.")
    old = user.role
    user.role = role_enum.value
    if role_enum is Role.MENTOR:
        user.mentor_verified = True
        if user.mentor_specialty is None and user.specialties:
            user.mentor_specialty = user.specialties[0]
    audit.record(actor, "user.set_role", "user", user.id, **{"from": old, "to": user.role})
    db.session.commit()
    return user


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(email: str, password: str) -> str:
    """Exchange credentials for a bearer token; only its hash is kept."""
    user = authenticate(email, password)
    token = secrets.token_urlsafe(32)
    db.session.add(ApiToken(user_id=user.id, token_hash=_hash_token(token)))
    db.session.commit()
    return token


def user_for_token(token: str) -> User | None:
    """The user a bearer token belongs to, or None. A GET never writes: no last-used stamp."""
    if not token or len(token) > 200:
        return None
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash_token(token)))
    return row.user if row else None


def get_user_by_handle(handle: str) -> User:
    user = db.session.scalar(select(User).where(User.handle == (handle or "").lower()))
    if user is None:
        raise NotFound("No such member.")
    return user


__all__ = [
    "authenticate",
    "change_password",
    "create_user",
    "get_user_by_handle",
    "issue_token",
    "normalize_email",
    "register",
    "set_role",
    "update_profile",
    "user_for_session",
    "user_for_token",
    "verify_mentor",
]


def verify_mentor(actor: User | None, user: User, specialty: str | None) -> User:
    """Mark a member as a verified mentor in a specialty (admins, or the operator's CLI)."""
    if actor is not None:
        require(permissions.can_set_role(actor), "Only admins verify mentors.")
    user.mentor_verified = True
    user.mentor_specialty = _resolve_specialties([specialty])[0] if specialty else None
    audit.record(actor, "user.verify_mentor", "user", user.id, specialty=specialty)
    db.session.commit()
    return user
