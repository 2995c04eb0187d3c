"""Notifications pages, the watch/mute control, and one post's fragment for live updates.

The bell's unread count is a template global evaluated only when a signed-in page renders
it: one COUNT query, and a GET never writes (reading the list does not mark anything read).
"""

from __future__ import annotations

from types import SimpleNamespace

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from ..models import Thread
from ..services import notifications, posting, reactions
from .helpers import is_safe_url, post_url

bp = Blueprint("notifications", __name__)


@bp.app_template_global()
def unread_notifications() -> int:
    """The bell's number (0 for visitors), counted once per request however often shown."""
    if "unread_notifications" not in g:
        g.unread_notifications = notifications.unread_count(current_user)
    return int(g.unread_notifications)


@bp.app_template_global()
def watch_level(thread: Thread) -> str | None:
    """The signed-in reader's choice for a thread: 'watching', 'muted' or None."""
    return notifications.watch_level(current_user, thread)


@bp.get("/notifications")
@login_required
def index() -> str:
    """Newest first, unread highlighted; ?unread=1 for unread only."""
    unread_only = request.args.get("unread") == "1"
    page = notifications.list_notifications(
        current_user._get_current_object(), unread_only=unread_only, page=request.args.get("page")
    )
    return render_template(
        "notifications/index.html", page=page, unread_only=unread_only, post_url=post_url
    )


def _back() -> Response:
    target = request.form.get("next") or ""
    return redirect(target if is_safe_url(target) else url_for("notifications.index"))


@bp.post("/notifications/read")
@login_required
def read_all() -> Response:
    """Mark every notification read (a form post: a GET never writes)."""
    notifications.mark_read(current_user._get_current_object(), everything=True)
    flash("All notifications are marked as read.", "success")
    return _back()


@bp.post("/notifications/<int:notification_id>/read")
@login_required
def read_one(notification_id: int) -> Response:
    """Mark one notification read; others' ids are ignored, not revealed."""
    notifications.mark_read(current_user._get_current_object(), [notification_id])
    return _back()


@bp.post("/threads/<int:thread_id>/watch")
@login_required
def watch(thread_id: int) -> Response:
    """Watch, mute, or (an empty level) go back to the default for a thread."""
    thread = posting.get_thread(thread_id, current_user)
    level = notifications.set_watch(
        current_user._get_current_object(), thread, request.form.get("level", "")
    )
    messages = {
        "watching": "You are watching this thread: every reply will notify you.",
        "muted": "This thread is muted: only @mentions of you will notify you.",
        None: "You no longer watch this thread.",
    }
    flash(messages[level], "success")
    return redirect(url_for("threads.show", thread_id=thread.id))


@bp.get("/posts/<int:post_id>/fragment")
def post_fragment(post_id: int) -> ResponseReturnValue:
    """One post rendered for the current reader, as the thread page would show it.

    live.js inserts it when a reply arrives or a post changes, so buttons and permissions
    are exactly the page's own.
    """
    post = posting.get_post(post_id, current_user)
    thread = post.thread
    uid = getattr(current_user, "id", None)
    view = SimpleNamespace(
        voted={post.id} if reactions.has_voted(current_user, post) else set(),
        endorsed_by_viewer={post.id}
        if any(e.mentor_id == uid for e in post.endorsements)
        else set(),
    )
    html = render_template(
        "notifications/_post_fragment.html",
        post=post,
        thread=thread,
        view=view,
        accepted=thread.accepted_post_id == post.id and not post.is_opening,
        endorse_form=None,
        endorse_post_id=None,
    )
    return html, 200, {"Cache-Control": "no-store", "Vary": "Cookie"}
