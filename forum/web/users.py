"""Member profiles: what someone asked, answered, and how mentors judged it."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required

from ..services import accounts, queries
from ..services.errors import Invalid
from .forms import ProfileForm
from .helpers import apply_errors, previews_for, render_form

bp = Blueprint("users", __name__)


@bp.get("/u/<handle>")
def profile(handle: str) -> str:
    user = accounts.get_user_by_handle(handle)
    threads = queries.list_threads(author=user, page=request.args.get("page", 1), per_page=10)
    return render_template(
        "users/profile.html",
        user=user,
        stats=queries.profile_stats(user),
        threads=threads,
        previews=previews_for(threads.items),
        replies=queries.recent_replies(user, limit=10),
    )


@bp.route("/account/profile", methods=["GET", "POST"])
@login_required
def edit_profile() -> ResponseReturnValue:
    user = current_user._get_current_object()
    form = ProfileForm(obj=None if request.method == "POST" else user)
    form.set_specialties(queries.all_specialties())
    if request.method == "GET":
        form.specialties.data = [s.slug for s in user.specialties]
        return render_form("users/edit_profile.html", form=form)
    if not form.validate_on_submit():
        return render_form("users/edit_profile.html", 422, form=form)
    try:
        accounts.update_profile(
            user,
            user,
            name=form.name.data,
            profession=form.profession.data,
            training_level=form.training_level.data or "",
            specialties=form.specialties.data or [],
            bio=form.bio.data or "",
        )
    except Invalid as exc:
        apply_errors(form, exc)
        return render_form("users/edit_profile.html", 422, form=form)
    flash("Your profile is saved.", "success")
    return redirect(url_for("users.profile", handle=user.handle))
