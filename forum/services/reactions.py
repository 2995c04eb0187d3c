"""What readers do to posts: helpful votes, mentor endorsements, accepted answers."""

from __future__ import annotations

from sqlalchemy import func, select

from .. import permissions
from ..events import (
    AnswerAccepted,
    EndorsementAdded,
    EndorsementWithdrawn,
    VoteChanged,
    announce,
)
from ..extensions import db
from ..models import Endorsement, Post, Thread, User, Vote
from . import audit
from .errors import Conflict, Invalid, NotFound, refuse_if_suspended, require

NOTE_MAX = 500


def vote(actor: User, post: Post, value: object) -> int:
    """Set (1) or clear (0) the actor's helpful vote; returns the post's new score."""
    refuse_if_suspended(actor)
    if isinstance(value, bool) or value not in (0, 1):
        raise Invalid("A vote is 1 (helpful) or 0 (withdraw).", {"value": "Use 1 or 0."})
    if getattr(actor, "id", None) == post.author_id:
        require(False, "You cannot vote on your own post.")
    require(permissions.can_vote(actor, post), "You cannot vote on this post.")
    mine = db.session.scalar(select(Vote).filter_by(post_id=post.id, user_id=actor.id))
    if value and mine is None:
        db.session.add(Vote(post_id=post.id, user_id=actor.id, value=1))
    elif not value and mine is not None:
        db.session.delete(mine)
    db.session.flush()
    post.score = (
        db.session.scalar(select(func.count()).select_from(Vote).where(Vote.post_id == post.id))
        or 0
    )
    announce(
        db.session,
        VoteChanged(actor_id=actor.id, thread_id=post.thread_id, post_id=post.id, score=post.score),
    )
    db.session.commit()
    return post.score


def has_voted(user: object, post: Post) -> bool:
    uid = getattr(user, "id", None)
    if uid is None:
        return False
    return db.session.scalar(select(Vote.id).filter_by(post_id=post.id, user_id=uid)) is not None


def _recount_endorsed(thread: Thread) -> None:
    thread.endorsed_count = (
        db.session.scalar(
            select(func.count(func.distinct(Endorsement.post_id)))
            .join(Post, Post.id == Endorsement.post_id)
            .where(Post.thread_id == thread.id, Post.deleted_at.is_(None))
        )
        or 0
    )


def endorse(actor: User, post: Post, note: object = "") -> Endorsement:
    """A mentor marks a reply as a model of expert reasoning, saying why."""
    refuse_if_suspended(actor)
    require(permissions.can_endorse(actor, post), "Only mentors endorse other people's replies.")
    if note is None:
        note = ""
    if not isinstance(note, str):
        raise Invalid("The note must be text.", {"note": "Write the note as text."})
    note = " ".join(note.split())
    if len(note) > NOTE_MAX:
        raise Invalid("The note is too long.", {"note": f"At most {NOTE_MAX} characters."})
    if db.session.scalar(select(Endorsement.id).filter_by(post_id=post.id, mentor_id=actor.id)):
        raise Conflict("You have already endorsed this reply.")
    endorsement = Endorsement(post=post, mentor=actor, note=note)
    db.session.add(endorsement)
    db.session.flush()
    _recount_endorsed(post.thread)
    announce(
        db.session,
        EndorsementAdded(
            actor_id=actor.id,
            thread_id=post.thread_id,
            post_id=post.id,
            endorsement_id=endorsement.id,
        ),
    )
    db.session.commit()
    return endorsement


def withdraw_endorsement(actor: User, post: Post) -> None:
    """Take back one's own endorsement."""
    refuse_if_suspended(actor)
    mine = db.session.scalar(
        select(Endorsement).filter_by(post_id=post.id, mentor_id=getattr(actor, "id", None))
    )
    if mine is None:
        raise NotFound("You have not endorsed this reply.")
    db.session.delete(mine)
    db.session.flush()
    _recount_endorsed(post.thread)
    announce(
        db.session,
        EndorsementWithdrawn(actor_id=actor.id, thread_id=post.thread_id, post_id=post.id),
    )
    db.session.commit()


def accept_answer(actor: User, thread: Thread, post: Post | None) -> Thread:
    """The asker (or a coordinator) accepts a reply as the answer; None clears it."""
    refuse_if_suspended(actor)
    require(
        permissions.can_accept(actor, thread),
        "Only the person who asked, or a coordinator, accepts an answer.",
    )
    if post is not None and not permissions.can_accept(actor, thread, post):
        raise Invalid(
            "Only a live reply in this thread can be the accepted answer.",
            {"post_id": "Pick a reply of this thread."},
        )
    thread.accepted_post_id = post.id if post else None
    if actor.id != thread.author_id:
        audit.record(
            actor, "thread.accept_answer", "thread", thread.id, post_id=thread.accepted_post_id
        )
    announce(
        db.session,
        AnswerAccepted(actor_id=actor.id, thread_id=thread.id, post_id=thread.accepted_post_id),
    )
    db.session.commit()
    return thread
