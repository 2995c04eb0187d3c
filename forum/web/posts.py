"""What people do to a single post: edit, history, helpful vote, endorse, delete."""

from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from .. import limits, permissions
from ..models import Post
from ..services import posting, queries, reactions
from ..services.errors import Invalid, NotAllowed
from .forms import EditPostForm, EndorseForm, VoteForm
from .helpers import apply_errors, page_of, phi_review, post_url, render_form
from .threads import render_thread

bp = Blueprint("posts", __name__)


def _post(post_id: int) -> Post:
    return posting.get_post(post_id, current_user)


def _wants_json() -> bool:
    """A fetch() from thread.js asks for JSON; a plain form post gets a redirect."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def _done(post: Post, message: str, **data: object) -> Response:
    if _wants_json():
        return jsonify(ok=True, message=message, post_id=post.id, **data)
    flash(message, "success")
    return redirect(post_url(post))


@bp.route("/posts/<int:post_id>/edit", methods=["GET", "POST"])
@login_required
def edit(post_id: int) -> ResponseReturnValue:
    post = _post(post_id)
    if not permissions.can_edit(current_user, post):
        raise NotAllowed("You can only edit your own posts.")
    form = EditPostForm(data=None if request.method == "POST" else {"body": post.source})
    if not form.validate_on_submit():
        status = 422 if form.is_submitted() else 200
        return render_form("posts/edit.html", status, form=form, post=post)
    try:
        posting.edit_post(
            current_user._get_current_object(),
            post,
            form.body.data,
            form.reason.data or "",
            confirm_no_phi=form.confirm_no_phi.data,
        )
    except Invalid as exc:
        apply_errors(form, exc)
        return render_form("posts/edit.html", 422, form=form, post=post, phi=phi_review(exc))
    flash("Your changes are saved.", "success")
    return redirect(post_url(post))


@bp.get("/posts/<int:post_id>/history")
def history(post_id: int) -> str:
    post = _post(post_id)
    return render_template(
        "posts/history.html", post=post, revisions=queries.revisions(post, current_user)
    )


@bp.post("/posts/<int:post_id>/vote")
@login_required
@limits.voting
def vote(post_id: int) -> Response:
    """Mark a post helpful (value 1) or take the vote back (value 0)."""
    post = _post(post_id)
    form = VoteForm()
    raw = (form.value.data or "").strip()
    value = int(raw) if raw in ("0", "1") else raw
    score = reactions.vote(current_user._get_current_object(), post, value)
    message = "Marked as helpful." if value == 1 else "Vote withdrawn."
    return _done(post, message, score=score, voted=value == 1)


@bp.post("/posts/<int:post_id>/endorse")
@login_required
@limits.endorsing
def endorse(post_id: int) -> ResponseReturnValue:
    """A mentor endorses a reply, with a note saying why."""
    post = _post(post_id)
    form = EndorseForm()
    try:
        reactions.endorse(current_user._get_current_object(), post, form.note.data or "")
    except Invalid as exc:
        if _wants_json():
            raise
        apply_errors(form, exc)
        return render_thread(
            post.thread,
            422,
            forms={"endorse": form, "endorse_post_id": post.id},
            page=page_of(post),
        )
    return _done(post, "Endorsement added. Thank you for explaining why.")


@bp.post("/posts/<int:post_id>/endorse/withdraw")
@login_required
def withdraw_endorsement(post_id: int) -> Response:
    post = _post(post_id)
    reactions.withdraw_endorsement(current_user._get_current_object(), post)
    return _done(post, "Your endorsement is withdrawn.")


@bp.post("/posts/<int:post_id>/delete")
@login_required
def delete(post_id: int) -> Response:
    post = _post(post_id)
    posting.delete_post(current_user._get_current_object(), post)
    if post.is_opening:
        flash("The thread is deleted.", "success")
        return redirect(url_for("main.home"))
    flash("The reply is deleted.", "success")
    return redirect(post_url(post))
