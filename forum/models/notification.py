"""Notifications (stored before they are pushed), thread watching, the live event log."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import AwareDateTime, Model, TimestampMixin
from .post import Post
from .thread import Thread
from .user import User


class NotificationKind(enum.StrEnum):
    REPLY = "reply"  # a reply to your thread
    MENTION = "mention"  # someone @mentioned you
    ENDORSEMENT = "endorsement"  # a mentor endorsed your reply
    ACCEPTED = "accepted"  # your answer was accepted
    WATCHED = "watched"  # activity in a thread you watch


class Notification(TimestampMixin, Model):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_unread", "user_id", "read_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    read_at: Mapped[datetime | None] = mapped_column(AwareDateTime())

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    thread: Mapped[Thread | None] = relationship()
    post: Mapped[Post | None] = relationship()


class WatchLevel(enum.StrEnum):
    WATCHING = "watching"
    MUTED = "muted"


class ThreadWatch(TimestampMixin, Model):
    """Whether a member follows a thread's activity (watching) or silenced it (muted)."""

    __tablename__ = "thread_watches"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    level: Mapped[str] = mapped_column(String(10), default=WatchLevel.WATCHING.value)


class LiveEvent(TimestampMixin, Model):
    """What was broadcast to a room, numbered: a client that reconnects asks what it missed."""

    __tablename__ = "live_events"
    __table_args__ = (Index("ix_live_events_room_id", "room", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
