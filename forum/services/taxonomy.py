"""Specialties: the seeded, editable list threads are filed under."""

from __future__ import annotations

from sqlalchemy import select

from .. import permissions
from ..content import slugify
from ..extensions import db
from ..models import Specialty, User
from . import audit
from .errors import Conflict, Invalid, require
from .queries import all_specialties, get_specialty

__all__ = ["all_specialties", "create_specialty", "get_specialty", "update_specialty"]


def create_specialty(
    actor: User | None, name: str, *, slug: str | None = None, description: str = ""
) -> Specialty:
    """Add a specialty. `actor` None is the operator at the command line."""
    if actor is not None:
        require(permissions.can_moderate(actor), "Only coordinators edit specialties.")
    name = " ".join((name or "").split())
    if not 2 <= len(name) <= 80:
        raise Invalid("A specialty needs a name.", {"name": "Between 2 and 80 characters."})
    field = "slug" if slug else "name"
    slug = slugify(slug or name, max_length=60)
    if not slug:  # "!!!" or a name in another script: the page would have no address
        raise Invalid(
            "A specialty needs an address.",
            {field: "Needs some letters or digits for the address."},
        )
    if db.session.scalar(select(Specialty.id).where(Specialty.slug == slug)):
        message = "Already taken." if field == "slug" else "A specialty with this address exists."
        raise Conflict(f"The specialty {slug!r} exists already.", {field: message})
    specialty = Specialty(slug=slug, name=name, description=(description or "").strip())
    db.session.add(specialty)
    db.session.flush()
    audit.record(actor, "specialty.create", "specialty", specialty.id, slug=slug)
    db.session.commit()
    return specialty


def update_specialty(
    actor: User, specialty: Specialty, *, name: str, description: str
) -> Specialty:
    """Rename a specialty or change its description; its slug (the address) stays."""
    require(permissions.can_moderate(actor), "Only coordinators edit specialties.")
    name = " ".join((name or "").split())
    if not 2 <= len(name) <= 80:
        raise Invalid("A specialty needs a name.", {"name": "Between 2 and 80 characters."})
    specialty.name = name
    specialty.description = (description or "").strip()
    audit.record(actor, "specialty.update", "specialty", specialty.id, name=name)
    db.session.commit()
    return specialty
