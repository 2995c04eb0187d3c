"""The data model, one module per aggregate; import models from here."""

from .audit import AuditEntry
from .base import Base, utcnow
from .moderation import FLAG_LABELS, Flag, FlagReason
from .notification import LiveEvent, Notification, NotificationKind, ThreadWatch, WatchLevel
from .post import Endorsement, Post, Revision, Vote
from .taxonomy import Specialty, Tag, thread_tags, user_specialties
from .thread import CASE_SECTIONS, Thread, ThreadKind
from .user import PROFESSION_LABELS, ApiToken, Profession, Role, User

__all__ = [
    "CASE_SECTIONS",
    "FLAG_LABELS",
    "PROFESSION_LABELS",
    "ApiToken",
    "AuditEntry",
    "Base",
    "Endorsement",
    "Flag",
    "FlagReason",
    "LiveEvent",
    "Notification",
    "NotificationKind",
    "Post",
    "Profession",
    "Revision",
    "Role",
    "Specialty",
    "Tag",
    "Thread",
    "ThreadKind",
    "ThreadWatch",
    "User",
    "Vote",
    "WatchLevel",
    "thread_tags",
    "user_specialties",
    "utcnow",
]
