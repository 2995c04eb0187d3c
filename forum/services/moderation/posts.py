"""A coordinator's decisions about one post: hide, unhide, PHI review, redact."""

from __future__ import annotations

from sqlalchemy import select

from ... import permissions
from ...content import cook
from ...events import PostHidden, PostUnhidden, PostUpdated, announce
from ...extensions import db
from ...models import Post, Revision, User, utcnow
from .. import audit, posting
from ..errors import Conflict
from ._common import (
    clean_text,
    close_phi_review,
    post_details,
    require_moderator,
    resolve_open_flags,
)

SCRUBBED = "*Removed by a coordinator: {reason}*"


def hide_post(actor: User, post: Post, reason: object) -> Post:
    """Take a post out of public view, saying why (its author and staff still read it).

    Confirms an automatic hide too: the coordinator's reason replaces the system's, and
    the open flags close as "hidden".
    """
    require_moderator(actor, permissions.can_hide(actor, post), "Only coordinators hide posts.")
    why = clean_text(reason, "reason", required=True)
    if post.is_hidden and post.hidden_by_id is not None:
        raise Conflict("This post is hidden already.")
    was_auto = post.is_hidden
    post.hidden_at = post.hidden_at or utcnow()
    post.hidden_by_id = actor.id
    post.hidden_reason = why
    flag_ids = resolve_open_flags(actor, post, "hidden")
    phi = close_phi_review(post)
    audit.record(
        actor,
        "post.hide",
        "post",
        post.id,
        why,
        flag_ids=flag_ids,
        was_auto_hidden=was_auto,
        phi_reviewed=phi,
        **post_details(post),
    )
    announce(
        db.session,
        PostHidden(actor_id=actor.id, thread_id=post.thread_id, post_id=post.id, reason=why),
    )
    db.session.commit()
    return post


def unhide_post(actor: User, post: Post, reason: object = "") -> Post:
    """Bring a hidden post back; its open flags close as "unhidden" (the decision is made)."""
    require_moderator(actor, permissions.can_hide(actor, post), "Only coordinators unhide posts.")
    why = clean_text(reason, "reason", required=False)
    if not post.is_hidden:
        raise Conflict("This post is not hidden.")
    previous = post.hidden_reason
    post.hidden_at = None
    post.hidden_by_id = None
    post.hidden_reason = ""
    flag_ids = resolve_open_flags(actor, post, "unhidden")
    phi = close_phi_review(post)
    audit.record(
        actor,
        "post.unhide",
        "post",
        post.id,
        why,
        hidden_reason=previous,
        flag_ids=flag_ids,
        phi_reviewed=phi,
        **post_details(post),
    )
    announce(db.session, PostUnhidden(actor_id=actor.id, thread_id=post.thread_id, post_id=post.id))
    db.session.commit()
    return post


def mark_phi_reviewed(actor: User, post: Post, reason: object = "") -> Post:
    """A coordinator looked at a post whose author overrode the PHI guard, and it is fine."""
    require_moderator(actor, permissions.can_hide(actor, post), "Only coordinators review PHI.")
    why = clean_text(reason, "reason", required=False)
    if post.phi_confirmed_at is None or post.phi_reviewed_at is not None:
        raise Conflict("This post is not waiting for a PHI review.")
    post.phi_reviewed_at = utcnow()
    audit.record(actor, "phi.reviewed", "post", post.id, why, **post_details(post))
    db.session.commit()
    return post


def _scrub(actor: User, post: Post, reason: str) -> list[int]:
    """Replace the text of every earlier version with a note (flushes only)."""
    latest = post.edit_count + 1  # the current text is the newest revision
    older = db.session.scalars(
        select(Revision).where(Revision.post_id == post.id, Revision.number < latest)
    ).all()
    note = SCRUBBED.format(reason=reason)
    html = cook(note)
    for revision in older:
        revision.source = note
        revision.html = html
    numbers = sorted(r.number for r in older)
    audit.record(
        actor,
        "post.scrub_history",
        "post",
        post.id,
        reason,
        revisions=numbers,
        **post_details(post),
    )
    return numbers


def redact_post(
    actor: User,
    post: Post,
    body: object,
    reason: object,
    *,
    scrub_history: bool = True,
    confirm_no_phi: bool = False,
) -> Post:
    """Edit someone's post with a required reason, e.g. to take out a patient identifier.

    The edit itself is `posting.edit_post` (same rules, same PHI guard, same revision, same
    "post.edit" entry). With `scrub_history` the earlier versions' text is replaced by a
    note: edit history is public, and an identifier left in version 1 would still be
    published. A coordinator who rewrote the text has reviewed it, so a pending PHI review
    closes too. The edit, then the scrub and review, are two commits: a failure in the
    second leaves a correct current text.
    """
    require_moderator(actor, permissions.can_hide(actor, post), "Only coordinators redact posts.")
    why = clean_text(reason, "reason", required=True)
    posting.edit_post(actor, post, body, why, confirm_no_phi=confirm_no_phi)
    scrubbed = scrub_history and post.edit_count > 0
    if scrubbed:
        _scrub(actor, post, why)
        announce(
            db.session, PostUpdated(actor_id=actor.id, thread_id=post.thread_id, post_id=post.id)
        )
    if close_phi_review(post):
        audit.record(actor, "phi.reviewed", "post", post.id, why, **post_details(post))
    elif not scrubbed:
        return post
    db.session.commit()
    return post
