"""The coordinators' queue: what needs a human decision, in a fixed number of queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from ... import permissions
from ...extensions import db
from ...models import Endorsement, Flag, Post, Thread, User
from .. import audit
from ..errors import require

PER_PAGE = 25


def needs_review() -> ColumnElement[bool]:
    """A live post with open flags, a PHI override nobody looked at yet, or hidden by flags."""
    return and_(
        Post.deleted_at.is_(None),
        or_(
            Post.open_flag_count > 0,
            and_(Post.phi_confirmed_at.is_not(None), Post.phi_reviewed_at.is_(None)),
            and_(Post.hidden_at.is_not(None), Post.hidden_by_id.is_(None)),
        ),
    )


@dataclass
class QueueItem:
    """One post to decide about, with every open flag on it (flaggers, reasons, notes)."""

    post: Post
    flags: list[Flag] = field(default_factory=list)

    @property
    def auto_hidden(self) -> bool:
        return self.post.is_hidden and self.post.hidden_by_id is None

    @property
    def phi_pending(self) -> bool:
        return self.post.phi_confirmed_at is not None and self.post.phi_reviewed_at is None

    @property
    def reasons(self) -> list[str]:
        """Why the post is here: "flagged", "phi_confirmed", "auto_hidden"."""
        out = ["flagged"] if self.flags else []
        if self.phi_pending:
            out.append("phi_confirmed")
        if self.auto_hidden:
            out.append("auto_hidden")
        return out

    @property
    def flag_counts(self) -> dict[str, int]:
        return dict(Counter(f.reason for f in self.flags).most_common())


def require_staff(viewer: Any) -> None:
    """For the moderation pages that only show a form (thread controls, edit with a reason):
    the same refusal as the actions behind them, before anything is shown."""
    require(permissions.can_moderate(viewer), "Only coordinators and admins can do that.")


def queue(
    viewer: Any, page: object = 1, per_page: int = PER_PAGE
) -> tuple[Pagination, list[QueueItem]]:
    """Posts awaiting review: hidden by flags first, then the most flagged, oldest first."""
    require(permissions.can_moderate(viewer), "Only coordinators and admins see the queue.")
    query = (
        select(Post)
        .where(needs_review())
        .options(
            joinedload(Post.author).joinedload(User.mentor_specialty),
            joinedload(Post.thread).joinedload(Thread.specialty),
            selectinload(Post.endorsements).joinedload(Endorsement.mentor),
        )
        .order_by(
            (Post.hidden_by_id.is_(None) & Post.hidden_at.is_not(None)).desc(),
            Post.open_flag_count.desc(),
            Post.id,
        )
    )
    pagination = audit.paginate(query, page, per_page)
    posts: list[Post] = list(pagination.items)
    by_post: dict[int, list[Flag]] = {p.id: [] for p in posts}
    if posts:
        flags = db.session.scalars(
            select(Flag)
            .where(Flag.post_id.in_(by_post), Flag.resolved_at.is_(None))
            .options(joinedload(Flag.user).joinedload(User.mentor_specialty))
            .order_by(Flag.id)
        )
        for flag in flags:
            by_post[flag.post_id].append(flag)
    return pagination, [QueueItem(post=p, flags=by_post[p.id]) for p in posts]


def queue_count(viewer: Any) -> int:
    """How many posts wait for a decision (the nav badge): one COUNT, 0 for non-staff."""
    if not permissions.can_moderate(viewer):
        return 0
    return int(db.session.scalar(select(func.count(Post.id)).where(needs_review())) or 0)
