"""Members flag posts; enough distinct flags hide a post until a coordinator decides."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ... import permissions
from ...events import FlagRaised, PostHidden, PostUnhidden, announce
from ...extensions import db
from ...models import FLAG_LABELS, Flag, FlagReason, Post, User, utcnow
from .. import audit
from ..errors import Conflict, Invalid, NotAllowed, refuse_if_suspended, require
from ._common import clean_text, post_details, require_moderator, resolve_open_flags

AUTO_HIDE_REASON = "Hidden automatically after {n} flags; awaiting review"
ALREADY_FLAGGED = "You have already flagged this post; coordinators will look at it."


def _flag_reason(reason: object) -> FlagReason:
    try:
        return FlagReason(reason) if isinstance(reason, str) else FlagReason("")
    except ValueError:
        choices = ", ".join(r.value for r in FlagReason)
        raise Invalid("Choose why you are flagging.", {"reason": f"One of: {choices}."}) from None


def _open_flaggers(post: Post) -> int:
    """Distinct members with an open flag (the unique constraint makes it one per member)."""
    return int(
        db.session.scalar(
            select(func.count(func.distinct(Flag.user_id))).where(
                Flag.post_id == post.id, Flag.resolved_at.is_(None)
            )
        )
        or 0
    )


def _auto_hide(post: Post, flaggers: int) -> None:
    """Take the post out of public view; the system, not a person, is the actor."""
    reason = AUTO_HIDE_REASON.format(n=flaggers)
    post.hidden_at = utcnow()
    post.hidden_by_id = None
    post.hidden_reason = reason
    reasons = db.session.scalars(
        select(Flag.reason)
        .where(Flag.post_id == post.id, Flag.resolved_at.is_(None))
        .distinct()
        .order_by(Flag.reason)
    ).all()
    audit.record(
        None,
        "post.auto_hide",
        "post",
        post.id,
        reason,
        flags=flaggers,
        flag_reasons=list(reasons),
        **post_details(post),
    )
    announce(
        db.session,
        PostHidden(actor_id=None, thread_id=post.thread_id, post_id=post.id, reason=reason),
    )


def flag_post(actor: User, post: Post, reason: object, note: object = "") -> Flag:
    """Raise one flag (PHI, unprofessional, misinformation, spam, or other with a note).

    When open flags from FLAG_HIDE_THRESHOLD distinct members accumulate, the post is
    hidden until a coordinator reviews it: one member cannot silence another, a few can
    get a possible patient identifier out of view before anyone on staff wakes up.
    """
    refuse_if_suspended(actor)
    if getattr(actor, "id", None) == post.author_id:
        raise NotAllowed("You cannot flag your own post; edit or delete it instead.")
    require(permissions.can_flag(actor, post), "You cannot flag this post.")
    kind = _flag_reason(reason)
    text = clean_text(
        note,
        "note",
        required=kind is FlagReason.OTHER,
        label="note",
        hint="Tell the coordinators what is wrong (a note is required for “Other”).",
    )
    # Lock the post row (PostgreSQL) so concurrent flags count each other.
    db.session.execute(select(Post.id).where(Post.id == post.id).with_for_update())
    if db.session.scalar(select(Flag.id).filter_by(post_id=post.id, user_id=actor.id)):
        raise Conflict(ALREADY_FLAGGED)
    flag = Flag(post_id=post.id, user_id=actor.id, reason=kind.value, note=text)
    db.session.add(flag)
    try:
        db.session.flush()
    except IntegrityError:  # a double click that raced the check above
        db.session.rollback()
        raise Conflict(ALREADY_FLAGGED) from None
    flaggers = _open_flaggers(post)
    post.open_flag_count = flaggers
    audit.record(
        actor,
        "flag.raise",
        "post",
        post.id,
        FLAG_LABELS[kind],
        flag_id=flag.id,
        flag_reason=kind.value,
        **post_details(post),
    )
    announce(db.session, FlagRaised(actor_id=actor.id, post_id=post.id, flag_id=flag.id))
    if not post.is_hidden and flaggers >= current_app.config["FLAG_HIDE_THRESHOLD"]:
        _auto_hide(post, flaggers)
    db.session.commit()
    return flag


def dismiss_flags(actor: User, post: Post, reason: object = "") -> Post:
    """The flags were not warranted: close them, and bring back a post they auto-hid."""
    require_moderator(actor, permissions.can_hide(actor, post), "Only coordinators dismiss flags.")
    why = clean_text(reason, "reason", required=False)
    auto_hidden = post.is_hidden and post.hidden_by_id is None
    flag_ids = resolve_open_flags(actor, post, "dismissed")
    if not flag_ids and not auto_hidden:
        raise Conflict("This post has no open flags.")
    if auto_hidden:
        post.hidden_at = None
        post.hidden_reason = ""
        announce(
            db.session, PostUnhidden(actor_id=actor.id, thread_id=post.thread_id, post_id=post.id)
        )
    audit.record(
        actor,
        "flag.dismiss",
        "post",
        post.id,
        why,
        flag_ids=flag_ids,
        unhidden=auto_hidden,
        **post_details(post),
    )
    db.session.commit()
    return post
