"""Notifications and thread watching.

A notification is stored in the same transaction as the write that caused it (the rules
below are `prepare` handlers on the domain events), so a member who was away finds every
one waiting, and a rolled-back write leaves none behind. Each stored row announces
`NotificationCreated`; the live layer pushes it after the commit. The code that posts,
endorses or accepts knows nothing of any of this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import ColumnElement, func, or_, select, true, update
from sqlalchemy.orm import Session, joinedload

from .. import events, permissions
from ..events import AnswerAccepted, EndorsementAdded, NotificationCreated, PostCreated
from ..extensions import db
from ..models import (
    Endorsement,
    Notification,
    NotificationKind,
    Post,
    Thread,
    ThreadWatch,
    User,
    WatchLevel,
    utcnow,
)
from .errors import Invalid, require

PER_PAGE = 20
MAX_IDS = 500
_MEMO = "rounds_notification_memo"


@dataclass
class _Memo:
    """Who this transaction notified, and their unread counts once asked for."""

    transaction: object
    notified: set[int] = field(default_factory=set)
    counts: dict[int, int] | None = None


def _memo(session: Session) -> _Memo:
    """The memo of the current transaction (a new one after any commit or rollback)."""
    transaction = session.get_transaction()
    memo: _Memo | None = session.info.get(_MEMO)
    if memo is None or memo.transaction is not transaction:
        memo = session.info[_MEMO] = _Memo(transaction)
    return memo


# --- the rules: prepare handlers, run inside the announcing transaction ----------------------


def install() -> None:
    """Hook the rules onto the domain events (idempotent: events.prepare ignores repeats)."""
    events.prepare(PostCreated, _on_post_created)
    events.prepare(EndorsementAdded, _on_endorsement_added)
    events.prepare(AnswerAccepted, _on_answer_accepted)


def _store(
    session: Session, rows: Sequence[tuple[int, NotificationKind]], actor_id: int | None, post: Post
) -> None:
    """Insert the rows in one flush, then announce each so it is pushed after the commit."""
    notes = [
        Notification(
            user_id=user_id,
            kind=kind.value,
            actor_id=actor_id,
            thread_id=post.thread_id,
            post_id=post.id,
        )
        for user_id, kind in rows
    ]
    if not notes:
        return
    session.add_all(notes)
    session.flush()
    memo = _memo(session)
    memo.notified.update(user_id for user_id, _ in rows)
    memo.counts = None  # they just changed
    for note in notes:
        events.announce(
            session,
            NotificationCreated(actor_id=actor_id, user_id=note.user_id, notification_id=note.id),
        )


def _readers(session: Session, thread: Thread, user_ids: list[int]) -> set[int]:
    """Who of these may read the thread: everyone, unless it was deleted."""
    if thread.deleted_at is None:
        return set(user_ids)
    users = session.scalars(select(User).where(User.id.in_(user_ids)))
    return {u.id for u in users if permissions.can_read(u, thread)}


def _on_post_created(session: Session, event: PostCreated) -> None:
    """Mentions, a reply to the thread's author, activity for watchers: once per person.

    A mention always reaches its member; a muted thread silences replies and watching. The
    author of the post is never notified, and starts watching the thread (unless muted).
    """
    post = session.get(Post, event.post_id)
    if post is None:
        return
    thread = post.thread
    watches: dict[int, str] = dict(
        session.execute(
            select(ThreadWatch.user_id, ThreadWatch.level).where(ThreadWatch.thread_id == thread.id)
        ).all()
    )
    muted = {uid for uid, level in watches.items() if level == WatchLevel.MUTED.value}
    wanted: dict[int, NotificationKind] = {}
    for uid in event.mentioned_user_ids:
        wanted.setdefault(uid, NotificationKind.MENTION)
    if post.number > 1 and thread.author_id not in muted:
        wanted.setdefault(thread.author_id, NotificationKind.REPLY)
    for uid, level in watches.items():
        if level == WatchLevel.WATCHING.value:
            wanted.setdefault(uid, NotificationKind.WATCHED)
    wanted.pop(event.actor_id or 0, None)
    allowed = _readers(session, thread, list(wanted)) if wanted else set()
    _store(session, [(u, k) for u, k in wanted.items() if u in allowed], event.actor_id, post)
    if event.actor_id is not None and event.actor_id not in watches:
        session.add(ThreadWatch(user_id=event.actor_id, thread_id=thread.id))


def _once(session: Session, user_id: int, kind: NotificationKind, post: Post, actor: int) -> bool:
    """True unless this very notification exists already (endorse, withdraw, endorse again)."""
    found = session.scalar(
        select(Notification.id).filter_by(
            user_id=user_id, kind=kind.value, post_id=post.id, actor_id=actor
        )
    )
    return found is None


def _personal(session: Session, post: Post | None, kind: NotificationKind, actor: int) -> None:
    if (
        post is None
        or post.author_id == actor
        or not _once(session, post.author_id, kind, post, actor)
    ):
        return
    _store(session, [(post.author_id, kind)], actor, post)


def _on_endorsement_added(session: Session, event: EndorsementAdded) -> None:
    """The reply's author hears that a mentor endorsed it (muting a thread does not hide it)."""
    endorsement = session.get(Endorsement, event.endorsement_id)
    if endorsement is not None and event.actor_id is not None:
        _personal(session, endorsement.post, NotificationKind.ENDORSEMENT, event.actor_id)


def _on_answer_accepted(session: Session, event: AnswerAccepted) -> None:
    """The accepted answer's author hears of it; clearing the answer tells nobody."""
    if event.post_id is not None and event.actor_id is not None:
        _personal(
            session, session.get(Post, event.post_id), NotificationKind.ACCEPTED, event.actor_id
        )


# --- watching -------------------------------------------------------------------------------


def watch_level(user: Any, thread: Thread) -> str | None:
    """'watching', 'muted', or None when the member never chose (or is not signed in)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(
        select(ThreadWatch.level).filter_by(user_id=user.id, thread_id=thread.id)
    )


def set_watch(actor: User, thread: Thread, level: object) -> str | None:
    """Watch a thread, mute it, or (None) go back to the default of no choice."""
    require(
        getattr(actor, "is_authenticated", False) and permissions.can_read(actor, thread),
        "Sign in to watch threads.",
    )
    choices = {None, *(w.value for w in WatchLevel)}
    if level == "":
        level = None
    if level not in choices:
        raise Invalid("Unknown watch level.", {"level": "Use watching, muted or null."})
    row = db.session.get(ThreadWatch, (actor.id, thread.id))
    if level is None:
        if row is not None:
            db.session.delete(row)
    elif row is None:
        db.session.add(ThreadWatch(user_id=actor.id, thread_id=thread.id, level=level))
    else:
        row.level = str(level)
    db.session.commit()
    return None if level is None else str(level)


# --- reading and marking --------------------------------------------------------------------


def _visible(user: Any) -> ColumnElement[bool]:
    """Notifications about a thread that was deleted since stay hidden from non-readers."""
    if permissions.is_staff(user):
        return true()
    return or_(
        Notification.thread_id.is_(None),
        Thread.deleted_at.is_(None),
        Thread.author_id == user.id,
    )


def _mine(user: Any, unread_only: bool = False) -> Any:
    query = (
        select(Notification)
        .outerjoin(Thread, Thread.id == Notification.thread_id)
        .where(Notification.user_id == user.id, _visible(user))
    )
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    return query


def unread_for_push(session: Session, user_id: int) -> int:
    """The unread count to push with a notification stored in this transaction.

    Counted for every member notified in the transaction at once (one grouped query, not
    one per notification: a reply in a thread with 1,000 watchers costs one query).
    """
    memo = _memo(session)
    if memo.counts is None or user_id not in memo.counts:
        ids = memo.notified | {user_id}
        is_staff = User.role.in_(permissions.STAFF)
        visible = or_(Notification.thread_id.is_(None), Thread.deleted_at.is_(None))
        visible = or_(visible, Thread.author_id == Notification.user_id, is_staff)
        rows = session.execute(
            select(Notification.user_id, func.count(Notification.id))
            .join(User, User.id == Notification.user_id)
            .outerjoin(Thread, Thread.id == Notification.thread_id)
            .where(Notification.user_id.in_(ids), Notification.read_at.is_(None), visible)
            .group_by(Notification.user_id)
        )
        memo.counts = dict.fromkeys(ids, 0) | {uid: int(n) for uid, n in rows.all()}
    return memo.counts[user_id]


def unread_count(user: Any) -> int:
    """How many unread notifications the member has: one COUNT, for the bell on every page."""
    if not getattr(user, "is_authenticated", False):
        return 0
    query = _mine(user, unread_only=True).with_only_columns(func.count(Notification.id))
    return db.session.scalar(query) or 0


def _page(page: object) -> int:
    try:
        number = 1 if page in (None, "") else int(str(page))
    except (TypeError, ValueError):
        raise Invalid("The page must be a number.", {"page": "Use a whole number."}) from None
    if not 1 <= number <= 100_000:
        raise Invalid("The page is out of range.", {"page": "Pages start at 1."})
    return number


def list_notifications(
    user: User, *, unread_only: bool = False, page: object = 1, per_page: int | None = None
) -> Pagination:
    """The member's notifications, newest first, with who, where and which post preloaded."""
    query = (
        _mine(user, unread_only)
        .options(
            joinedload(Notification.actor).joinedload(User.mentor_specialty),
            joinedload(Notification.thread),
            joinedload(Notification.post),
        )
        .order_by(Notification.id.desc())
    )
    size = per_page or current_app.config.get("NOTIFICATIONS_PER_PAGE", PER_PAGE)
    return db.paginate(query, page=_page(page), per_page=size, error_out=False)


def _ids(ids: object) -> list[int]:
    if not isinstance(ids, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in ids
    ):
        raise Invalid("ids must be a list of notification ids.", {"ids": "A list of integers."})
    if len(ids) > MAX_IDS:
        raise Invalid("Too many ids.", {"ids": f"At most {MAX_IDS} at a time."})
    # Ids outside a 32-bit column cannot exist (and would overflow PostgreSQL): ignore them.
    return [i for i in ids if 1 <= i <= 2**31 - 1]


def mark_read(actor: User, ids: object = None, *, everything: bool = False) -> int:
    """Mark some (by id) or all of one's notifications read; returns the unread count left.

    Ids that are not the actor's, or already read, are ignored: marking is idempotent.
    """
    require(getattr(actor, "is_authenticated", False), "Sign in to read notifications.")
    which = (Notification.user_id == actor.id) & Notification.read_at.is_(None)
    if not everything:
        which = which & Notification.id.in_(_ids(ids))
    db.session.execute(
        update(Notification).where(which).values(read_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    return unread_count(actor)
