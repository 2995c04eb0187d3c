"""People: accounts, roles, profiles, API tokens."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import AwareDateTime, Model, TimestampMixin
from .taxonomy import Specialty, user_specialties


class Role(enum.StrEnum):
    LEARNER = "learner"
    MENTOR = "mentor"
    COORDINATOR = "coordinator"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Profession(enum.StrEnum):
    PHYSICIAN = "physician"
    RESIDENT = "resident"
    STUDENT = "student"
    NURSE = "nurse"
    NP_PA = "np_pa"
    PHARMACIST = "pharmacist"
    OTHER = "other"

    @property
    def label(self) -> str:
        return PROFESSION_LABELS[self]


PROFESSION_LABELS = {
    Profession.PHYSICIAN: "Physician",
    Profession.RESIDENT: "Resident",
    Profession.STUDENT: "Medical student",
    Profession.NURSE: "Nurse",
    Profession.NP_PA: "NP / PA",
    Profession.PHARMACIST: "Pharmacist",
    Profession.OTHER: "Other",
}


class User(UserMixin, TimestampMixin, Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    handle: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default=Role.LEARNER.value, index=True)
    profession: Mapped[str] = mapped_column(String(20), default=Profession.OTHER.value)
    training_level: Mapped[str] = mapped_column(String(80), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    mentor_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    mentor_specialty_id: Mapped[int | None] = mapped_column(
        ForeignKey("specialties.id", ondelete="SET NULL")
    )
    # Changing the password rotates this, which signs every other session out.
    session_token: Mapped[str] = mapped_column(String(64))
    suspended_until: Mapped[datetime | None] = mapped_column(AwareDateTime())
    suspension_reason: Mapped[str] = mapped_column(Text, default="")

    mentor_specialty: Mapped[Specialty | None] = relationship(lazy="joined")
    specialties: Mapped[list[Specialty]] = relationship(
        secondary=user_specialties, order_by=Specialty.name
    )

    def get_id(self) -> str:
        # Flask-Login keeps this in the session; the token part dies with a password change.
        return f"{self.id}:{self.session_token}"

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    @property
    def profession_label(self) -> str:
        return Profession(self.profession).label

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"


class ApiToken(TimestampMixin, Model):
    """A bearer token for the JSON API; only its SHA-256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    last_used_at: Mapped[datetime | None] = mapped_column(AwareDateTime())

    user: Mapped[User] = relationship()
