"""Flags raised by members on posts, for coordinators to review."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import AwareDateTime, Model, TimestampMixin
from .post import Post
from .user import User


class FlagReason(enum.StrEnum):
    PHI = "phi"  # possible patient identifiers
    UNPROFESSIONAL = "unprofessional"
    MISINFORMATION = "misinformation"
    SPAM = "spam"
    OTHER = "other"


FLAG_LABELS = {
    FlagReason.PHI: "Possible patient identifiers",
    FlagReason.UNPROFESSIONAL: "Unprofessional",
    FlagReason.MISINFORMATION: "Misinformation",
    FlagReason.SPAM: "Spam",
    FlagReason.OTHER: "Other",
}


class Flag(TimestampMixin, Model):
    __tablename__ = "flags"
    __table_args__ = (
        UniqueConstraint("post_id", "user_id"),
        Index("ix_flags_open", "resolved_at", "post_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resolution: Mapped[str] = mapped_column(String(20), default="")  # dismissed | hidden | ...

    post: Mapped[Post] = relationship()
    user: Mapped[User] = relationship(foreign_keys=[user_id])
