"""Threads: opening cases and questions, reading them, replying, accepting answers."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from .. import limits
from ..models import CASE_SECTIONS, Thread
from ..services import posting, queries, reactions
from ..services.errors import Invalid
from .forms import AcceptForm, CaseForm, QuestionForm, ReplyForm
from .helpers import apply_errors, phi_review, post_url, render_form

bp = Blueprint("threads", __name__)

ORDERS = (("oldest", "Oldest"), ("top", "Top"), ("endorsed", "Endorsed first"))


def render_thread(
    thread: Thread,
    status: int = 200,
    *,
    forms: dict[str, Any] | None = None,
    page: object = None,
    **extra: Any,
) -> tuple[str, int]:
    """The thread page. `forms` replaces a default form to show it again with errors:
    {"reply": form} or {"endorse": form, "endorse_post_id": id}; `page` overrides ?page=."""
    order = request.args.get("order", "oldest")
    if order not in dict(ORDERS):
        order = "oldest"
    page = page if page is not None else request.args.get("page", 1)
    view = queries.thread_view(thread, current_user, page, order)
    forms = forms or {}
    return render_form(
        "threads/show.html",
        status,
        view=view,
        thread=thread,
        order=order,
        orders=ORDERS,
        reply_form=forms.get("reply") or ReplyForm(formdata=None),
        endorse_form=forms.get("endorse"),
        endorse_post_id=forms.get("endorse_post_id"),
        **extra,
    )


def _specialty_choices(form: Any) -> None:
    form.set_specialties(queries.all_specialties(), blank="General (no specialty)")


def _new_thread(kind: str, form: Any, template: str) -> ResponseReturnValue:
    _specialty_choices(form)
    if not form.validate_on_submit():
        return render_form(template, 422 if form.is_submitted() else 200, form=form)
    extra: dict[str, Any] = {"specialty": form.specialty.data or None, "tags": form.tags.data}
    if kind == "case":
        extra["sections"] = {key: getattr(form, key).data or "" for key in CASE_SECTIONS}
        body = None
    else:
        body = form.body.data
    try:
        thread = posting.create_thread(
            current_user._get_current_object(),
            kind,
            form.title.data,
            body,
            confirm_no_phi=form.confirm_no_phi.data,
            **extra,
        )
    except Invalid as exc:
        apply_errors(form, exc)
        return render_form(template, 422, form=form, phi=phi_review(exc))
    flash("Your case is live." if kind == "case" else "Your question is live.", "success")
    return redirect(url_for("threads.show", thread_id=thread.id))


@bp.route("/new/case", methods=["GET", "POST"])
@login_required
@limits.posting
def new_case() -> ResponseReturnValue:
    """Present a de-identified case from the case template."""
    return _new_thread("case", CaseForm(), "threads/new_case.html")


@bp.route("/new/question", methods=["GET", "POST"])
@login_required
@limits.posting
def new_question() -> ResponseReturnValue:
    """Ask the community a clinical question."""
    return _new_thread("question", QuestionForm(), "threads/new_question.html")


@bp.get("/threads/<int:thread_id>")
def show(thread_id: int) -> ResponseReturnValue:
    return render_thread(posting.get_thread(thread_id, current_user))


@bp.post("/threads/<int:thread_id>/reply")
@login_required
@limits.posting
def reply(thread_id: int) -> ResponseReturnValue:
    """Add a reply; on an error, show the thread again with the typed text kept."""
    thread = posting.get_thread(thread_id, current_user)
    form = ReplyForm()
    if not form.validate_on_submit():
        return render_thread(thread, 422, forms={"reply": form})
    try:
        post = posting.reply(
            current_user._get_current_object(),
            thread,
            form.body.data,
            confirm_no_phi=form.confirm_no_phi.data,
        )
    except Invalid as exc:
        apply_errors(form, exc)
        return render_thread(thread, 422, forms={"reply": form}, phi=phi_review(exc))
    flash("Your reply is posted.", "success")
    return redirect(post_url(post))


@bp.post("/threads/<int:thread_id>/accept")
@login_required
def accept(thread_id: int) -> Response:
    """Accept a reply as the answer; an empty post_id clears the accepted answer."""
    thread = posting.get_thread(thread_id, current_user)
    form = AcceptForm()
    raw = (form.post_id.data or "").strip()
    post = posting.get_post(int(raw), current_user) if raw.isdecimal() else None
    if raw and post is None:
        raise Invalid("Choose a reply to accept.", {"post_id": "Not a post id."})
    reactions.accept_answer(current_user._get_current_object(), thread, post)
    if post is None:
        flash("The accepted answer is cleared.", "info")
        return redirect(url_for("threads.show", thread_id=thread.id))
    flash("Answer accepted. It now shows right under the question.", "success")
    return redirect(post_url(post))
