"""Who may do what: pure predicates, one per action.

Services call them to enforce a rule; templates call the same functions (registered as
Jinja globals) so a button shows exactly when the action is allowed. Anonymous users
answer False to everything that needs an account.
"""

from __future__ import annotations

from typing import Any

from .models import Post, Role, Thread, User, utcnow

STAFF = {Role.COORDINATOR.value, Role.ADMIN.value}
MENTORS = {Role.MENTOR.value, Role.ADMIN.value}


def _signed_in(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


def is_suspended(user: Any) -> bool:
    until = getattr(user, "suspended_until", None)
    return until is not None and until > utcnow()


def _active(user: Any) -> bool:
    return _signed_in(user) and not is_suspended(user)


def is_staff(user: Any) -> bool:
    return _signed_in(user) and user.role in STAFF


def can_moderate(user: Any) -> bool:
    """Coordinators and admins keep the community safe."""
    return is_staff(user)


def can_read(user: Any, thread: Thread) -> bool:
    """Threads are public teaching material; deleted ones only for staff and the author."""
    if thread.deleted_at is None:
        return True
    return is_staff(user) or (_signed_in(user) and user.id == thread.author_id)


def can_create_thread(user: Any) -> bool:
    return _active(user)


def can_reply(user: Any, thread: Thread) -> bool:
    if not _active(user) or not can_read(user, thread):
        return False
    return not thread.locked or is_staff(user)


def can_edit(user: Any, post: Post) -> bool:
    """Authors edit their own posts (not in a locked thread); staff edit any."""
    if not _active(user):
        return False
    if is_staff(user):
        return True
    return user.id == post.author_id and not post.is_deleted and not post.thread.locked


def can_delete(user: Any, post: Post) -> bool:
    """Soft delete. The opening post stands for the thread: only staff remove it."""
    if not _active(user) or post.is_deleted:
        return False
    if is_staff(user):
        return True
    return user.id == post.author_id and not post.is_opening and not post.thread.locked


def can_view_revisions(user: Any, post: Post) -> bool:
    """A hidden post's history would leak what it said: the same people see both."""
    if post.is_hidden and not can_view_hidden(user, post):
        return False
    return not post.is_deleted or is_staff(user)


def can_vote(user: Any, post: Post) -> bool:
    """One helpful vote per user per post, never on your own."""
    return _active(user) and user.id != post.author_id and not post.is_deleted


def can_endorse(user: Any, post: Post) -> bool:
    """Mentors endorse other people's replies; that is the point of the product."""
    return (
        _active(user)
        and user.role in MENTORS
        and user.id != post.author_id
        and not post.is_deleted
        and not post.is_opening
    )


def can_accept(user: Any, thread: Thread, post: Post | None = None) -> bool:
    """The asker of a question, or a coordinator, picks the answer."""
    if not _active(user) or not thread.is_question:
        return False
    if post is not None and (post.thread_id != thread.id or post.is_opening or post.is_deleted):
        return False
    return user.id == thread.author_id or is_staff(user)


def _moderator(user: Any) -> bool:
    """Staff whose own account is in good standing: a suspended coordinator moderates nothing."""
    return _active(user) and is_staff(user)


def can_flag(user: Any, post: Post) -> bool:
    """Members raise a flag on other people's posts; flagging your own is no review at all."""
    return _active(user) and user.id != post.author_id and not post.is_deleted


def can_hide(user: Any, post: Post) -> bool:
    """Hiding (and unhiding, dismissing flags, marking PHI reviewed) is a coordinator's call."""
    return _moderator(user)


def can_view_hidden(user: Any, post: Post) -> bool:
    """A hidden post stays readable by its author (to fix it) and by staff (to review it)."""
    return is_staff(user) or (_signed_in(user) and user.id == post.author_id)


def can_lock(user: Any, thread: Thread) -> bool:
    return _moderator(user)


def can_pin(user: Any, thread: Thread) -> bool:
    return _moderator(user)


def can_move(user: Any, thread: Thread) -> bool:
    return _moderator(user)


def can_suspend(user: Any, member: User) -> bool:
    """Coordinators suspend members; only admins suspend staff; nobody suspends themself."""
    if not _moderator(user) or user.id == member.id:
        return False
    return member.role not in STAFF or user.role == Role.ADMIN.value


def can_read_audit(user: Any) -> bool:
    """The audit log names flaggers and reasons: staff only (and nobody may edit it)."""
    return is_staff(user)


def can_set_role(user: Any) -> bool:
    return _signed_in(user) and user.role == Role.ADMIN.value


def can_edit_profile(user: Any, profile: User) -> bool:
    return _signed_in(user) and (user.id == profile.id or user.role == Role.ADMIN.value)


PREDICATES = {
    name: fn
    for name, fn in dict(globals()).items()
    if name.startswith(("can_", "is_")) and callable(fn)
}
