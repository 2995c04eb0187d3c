"""Posts and what hangs off them: revisions, helpful votes, mentor endorsements."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, SmallInteger, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import AwareDateTime, Model, TimestampMixin
from .thread import Thread
from .user import User


class Post(TimestampMixin, Model):
    """One message in a thread. Number 1 is the opening post of the case or question."""

    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("thread_id", "number"),
        Index("ix_posts_author_created", "author_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    source: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)  # cooked once on write, already sanitized
    score: Mapped[int] = mapped_column(Integer, default=0)
    edited_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    edit_count: Mapped[int] = mapped_column(Integer, default=0)
    deleted_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Moderation: hidden posts stay in the database; author and coordinators still see them.
    hidden_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    hidden_reason: Mapped[str] = mapped_column(Text, default="")
    open_flag_count: Mapped[int] = mapped_column(Integer, default=0)
    # The author confirmed "no patient identifiers" over the PHI guard: coordinators look.
    phi_confirmed_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    phi_reviewed_at: Mapped[datetime | None] = mapped_column(AwareDateTime())

    thread: Mapped[Thread] = relationship(foreign_keys=[thread_id])
    author: Mapped[User] = relationship(foreign_keys=[author_id])
    endorsements: Mapped[list[Endorsement]] = relationship(
        back_populates="post", order_by="Endorsement.created_at"
    )

    @property
    def is_opening(self) -> bool:
        return self.number == 1

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    def __repr__(self) -> str:
        return f"<Post {self.id} thread={self.thread_id} #{self.number}>"


class Revision(TimestampMixin, Model):
    """The text a post had before an edit: who changed it, when, and what it said."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    editor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    number: Mapped[int] = mapped_column(Integer)  # 1 = the original text
    source: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")

    editor: Mapped[User] = relationship()


class Vote(TimestampMixin, Model):
    """A "helpful" vote: one per user per post."""

    __tablename__ = "votes"
    __table_args__ = (UniqueConstraint("post_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    value: Mapped[int] = mapped_column(SmallInteger, default=1)


class Endorsement(TimestampMixin, Model):
    """A mentor's public mark that a reply models expert reasoning, with why."""

    __tablename__ = "endorsements"
    __table_args__ = (UniqueConstraint("post_id", "mentor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    mentor_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    note: Mapped[str] = mapped_column(Text, default="")

    post: Mapped[Post] = relationship(back_populates="endorsements")
    mentor: Mapped[User] = relationship(lazy="joined")
