"""Moderation: members flag posts; coordinators decide from one queue, and every decision
goes to the audit log.

Each public function is a use case: it takes the acting user, checks the permission
predicate (a suspended coordinator is told until when and why), writes, records the audit
entry in the same transaction, announces its events and commits once.
"""

from .flags import AUTO_HIDE_REASON, dismiss_flags, flag_post
from .members import get_member, lift_suspension, standing, suspend
from .posts import hide_post, mark_phi_reviewed, redact_post, unhide_post
from .queue import QueueItem, queue, queue_count, require_staff
from .threads import UNSET, update_thread

__all__ = [
    "AUTO_HIDE_REASON",
    "UNSET",
    "QueueItem",
    "dismiss_flags",
    "flag_post",
    "get_member",
    "hide_post",
    "lift_suspension",
    "mark_phi_reviewed",
    "queue",
    "queue_count",
    "redact_post",
    "require_staff",
    "standing",
    "suspend",
    "unhide_post",
    "update_thread",
]
