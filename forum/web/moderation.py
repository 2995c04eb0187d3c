"""Moderation pages: flagging a post, the coordinators' queue and its actions, thread
controls, suspensions and the audit log. Thin views: the services decide who may do what.

Coordinator actions are small POST forms that come back to where they were sent from
(`next`, same-site only). A refused or invalid action answers with the error page and the
service's message (403, 409, 422); the forms with several fields (redact, suspend) are
shown again with the message on the field.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import BooleanField, IntegerField, RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired, Optional

from .. import limits
from ..models import FLAG_LABELS, Post, User
from ..services import audit, moderation, posting, queries
from ..services.errors import Invalid
from .forms import PhiConfirm, choice
from .helpers import apply_errors, is_safe_url, page_of, phi_review, post_url, render_form
from .threads import render_thread

bp = Blueprint("moderation", __name__)

FLAG_CHOICES = [choice(reason.value, label) for reason, label in FLAG_LABELS.items()]


class FlagForm(FlaskForm):
    reason = RadioField("Why are you flagging this?", choices=FLAG_CHOICES)
    note = TextAreaField("Note", validators=[Optional()])


class RedactForm(PhiConfirm, FlaskForm):
    body = TextAreaField("Text", validators=[InputRequired("This field is required.")])
    reason = StringField("Reason for the edit (goes to the audit log)")
    scrub_history = BooleanField("Also replace the text of earlier versions in the edit history")


class SuspendForm(FlaskForm):
    days = IntegerField("Days", validators=[Optional()])
    reason = StringField("Reason (shown to the member)")


def _actor() -> User:
    user: User = current_user._get_current_object()
    return user


def _back(default: str) -> Response:
    """Back to the page the form was on, else `default` (never to another site)."""
    target = request.form.get("next") or request.args.get("next")
    return redirect(target if target and is_safe_url(target) else default)


def _wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


# --- flagging (any member) ------------------------------------------------------------------


@bp.post("/posts/<int:post_id>/flag")
@login_required
@limits.flagging
def flag(post_id: int) -> ResponseReturnValue:
    """Flag a post; with a bad reason or a missing note, the thread comes back with the form."""
    post = posting.get_post(post_id, current_user)
    form = FlagForm()
    try:
        moderation.flag_post(_actor(), post, form.reason.data, form.note.data)
    except Invalid as exc:
        if _wants_json():
            raise
        apply_errors(form, exc)
        return render_thread(
            post.thread, 422, page=page_of(post), flag_form=form, flag_post_id=post.id
        )
    message = "Thank you. Coordinators will review this post."
    if _wants_json():
        return jsonify(ok=True, message=message, post_id=post.id, hidden=post.is_hidden)
    flash(message, "success")
    return redirect(post_url(post))


# --- the queue and decisions about posts ------------------------------------------------------


@bp.get("/moderation")
@login_required
def queue() -> str:
    """Everything waiting for a coordinator, on one screen."""
    pagination, items = moderation.queue(current_user, request.args.get("page"))
    return render_template("moderation/queue.html", queue_page=pagination, items=items)


def _post_action(post_id: int, act: Any, message: str) -> Response:
    post = posting.get_post(post_id, current_user)
    act(_actor(), post, request.form.get("reason", ""))
    flash(message, "success")
    return _back(url_for("moderation.queue"))


@bp.post("/moderation/posts/<int:post_id>/dismiss")
@login_required
def dismiss(post_id: int) -> Response:
    return _post_action(post_id, moderation.dismiss_flags, "Flags dismissed.")


@bp.post("/moderation/posts/<int:post_id>/hide")
@login_required
def hide(post_id: int) -> Response:
    return _post_action(post_id, moderation.hide_post, "The post is hidden.")


@bp.post("/moderation/posts/<int:post_id>/unhide")
@login_required
def unhide(post_id: int) -> Response:
    return _post_action(post_id, moderation.unhide_post, "The post is visible again.")


@bp.post("/moderation/posts/<int:post_id>/phi-reviewed")
@login_required
def phi_reviewed(post_id: int) -> Response:
    return _post_action(post_id, moderation.mark_phi_reviewed, "PHI review recorded.")


@bp.route("/moderation/posts/<int:post_id>/redact", methods=["GET", "POST"])
@login_required
def redact(post_id: int) -> ResponseReturnValue:
    """Edit someone's post with a reason, e.g. to take out a patient identifier."""
    post: Post = posting.get_post(post_id, current_user)
    moderation.require_staff(current_user)
    form = RedactForm(data=None if request.method == "POST" else {"body": post.source})
    if request.method == "GET":
        form.scrub_history.data = True
        return render_form("moderation/redact.html", form=form, post=post)
    if not form.validate_on_submit():
        return render_form("moderation/redact.html", 422, form=form, post=post)
    try:
        moderation.redact_post(
            _actor(),
            post,
            form.body.data,
            form.reason.data,
            scrub_history=bool(form.scrub_history.data),
            confirm_no_phi=bool(form.confirm_no_phi.data),
        )
    except Invalid as exc:
        apply_errors(form, exc)
        return render_form("moderation/redact.html", 422, form=form, post=post, phi=phi_review(exc))
    flash("The post is edited; the reason is in the audit log.", "success")
    return _back(post_url(post))


# --- threads --------------------------------------------------------------------------------


@bp.get("/moderation/threads/<int:thread_id>")
@login_required
def thread(thread_id: int) -> str:
    """Lock, pin and move one thread."""
    found = posting.get_thread(thread_id, current_user)
    moderation.require_staff(current_user)
    return render_template(
        "moderation/thread.html", thread=found, specialties=queries.all_specialties()
    )


def _switch(name: str) -> bool | None:
    value = request.form.get(name)
    return None if value is None else value == "1"


@bp.post("/moderation/threads/<int:thread_id>")
@login_required
def update_thread(thread_id: int) -> Response:
    """One form posts locked=1|0, pinned=1|0 or specialty=slug ("" = no specialty)."""
    found = posting.get_thread(thread_id, current_user)
    specialty = request.form.get("specialty", moderation.UNSET)
    moderation.update_thread(
        _actor(),
        found,
        locked=_switch("locked"),
        pinned=_switch("pinned"),
        specialty=specialty,
        reason=request.form.get("reason", ""),
    )
    flash("The thread is updated.", "success")
    return _back(url_for("threads.show", thread_id=found.id))


# --- members --------------------------------------------------------------------------------


def _member_page(member: User, form: SuspendForm, status: int = 200) -> tuple[str, int]:
    recent = moderation.standing(current_user, member)
    return render_form("moderation/member.html", status, member=member, form=form, recent=recent)


@bp.get("/moderation/users/<handle>")
@login_required
def member(handle: str) -> ResponseReturnValue:
    """A member's standing: suspend (days, reason) or lift a suspension."""
    return _member_page(moderation.get_member(handle), SuspendForm(formdata=None))


@bp.post("/moderation/users/<handle>/suspend")
@login_required
def suspend(handle: str) -> ResponseReturnValue:
    found = moderation.get_member(handle)
    form = SuspendForm()
    try:
        moderation.suspend(_actor(), found, form.days.data, form.reason.data)
    except Invalid as exc:
        apply_errors(form, exc)
        return _member_page(found, form, 422)
    flash(f"{found.name} is suspended.", "success")
    return redirect(url_for("moderation.member", handle=found.handle))


@bp.post("/moderation/users/<handle>/unsuspend")
@login_required
def unsuspend(handle: str) -> Response:
    found = moderation.get_member(handle)
    moderation.lift_suspension(_actor(), found, request.form.get("reason", ""))
    flash(f"{found.name} can post again.", "success")
    return _back(url_for("moderation.member", handle=found.handle))


# --- the audit log (read-only) ---------------------------------------------------------------


@bp.get("/moderation/audit")
@login_required
def audit_log() -> str:
    """Every moderator and coordinator action, newest first, filtered by actor and action."""
    filters = {k: (request.args.get(k) or "").strip() for k in ("actor", "action", "target")}
    pagination = audit.audit_log(
        current_user,
        actor=filters["actor"] or None,
        action=filters["action"] or None,
        target=filters["target"] or None,
        page=request.args.get("page"),
    )
    return render_template(
        "moderation/audit.html",
        entries=pagination,
        filters=filters,
        actions=audit.ACTIONS,
        page_args={k: v for k, v in filters.items() if v},
    )
