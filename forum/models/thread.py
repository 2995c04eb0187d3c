"""Threads: a de-identified case or a clinical question, with its replies as Posts."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import AwareDateTime, Model, TimestampMixin, utcnow
from .taxonomy import Specialty, Tag, thread_tags
from .user import User

if TYPE_CHECKING:
    from .post import Post


class ThreadKind(enum.StrEnum):
    CASE = "case"
    QUESTION = "question"


# The case template: section key -> heading shown to readers (and to the author's form).
CASE_SECTIONS: dict[str, str] = {
    "presentation": "Presentation",
    "history": "History",
    "examination": "Examination",
    "investigations": "Investigations",
    "question": "Question for the group",
    "learning_points": "Learning points",
}


class Thread(TimestampMixin, Model):
    __tablename__ = "threads"
    __table_args__ = (
        Index("ix_threads_activity", "pinned", "last_activity_at"),
        Index("ix_threads_specialty_activity", "specialty_id", "last_activity_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), index=True)
    title: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    specialty_id: Mapped[int | None] = mapped_column(
        ForeignKey("specialties.id", ondelete="SET NULL")
    )
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    accepted_post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", use_alter=True, ondelete="SET NULL")
    )
    # Denormalised counters, kept by the services, so lists never count rows per thread.
    reply_count: Mapped[int] = mapped_column(Integer, default=0)
    endorsed_count: Mapped[int] = mapped_column(Integer, default=0)
    last_activity_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    last_poster_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    deleted_at: Mapped[datetime | None] = mapped_column(AwareDateTime())

    author: Mapped[User] = relationship(foreign_keys=[author_id])
    last_poster: Mapped[User | None] = relationship(foreign_keys=[last_poster_id])
    specialty: Mapped[Specialty | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary=thread_tags, order_by=Tag.name)
    accepted_post: Mapped[Post | None] = relationship(
        foreign_keys=[accepted_post_id], post_update=True
    )

    @property
    def is_case(self) -> bool:
        return self.kind == ThreadKind.CASE

    @property
    def is_question(self) -> bool:
        return self.kind == ThreadKind.QUESTION

    def __repr__(self) -> str:
        return f"<Thread {self.id} {self.kind} {self.title[:30]!r}>"
