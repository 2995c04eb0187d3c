"""Signing up, logging in and out, changing the password."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from .. import limits
from ..services import accounts, queries
from ..services.errors import Conflict, Invalid, Unauthenticated
from .forms import LoginForm, PasswordForm, SignupForm
from .helpers import apply_errors, is_safe_url, render_form

bp = Blueprint("auth", __name__)

BAD_CREDENTIALS = "That email and password do not match an account."


def _next_url(candidate: str | None) -> str:
    if candidate and is_safe_url(candidate):
        return candidate
    return url_for("main.home")


@bp.route("/signup", methods=["GET", "POST"])
@limits.signup
def signup() -> ResponseReturnValue:
    """Create a learner account, then log straight in."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = SignupForm()
    form.set_specialties(queries.all_specialties())
    if not form.validate_on_submit():
        return render_form("auth/signup.html", 422 if form.is_submitted() else 200, form=form)
    try:
        user = accounts.register(
            form.email.data,
            form.password.data,
            form.name.data,
            profession=form.profession.data,
            training_level=form.training_level.data or "",
            specialties=form.specialties.data or [],
        )
    except (Invalid, Conflict) as exc:
        apply_errors(form, exc)
        return render_form("auth/signup.html", exc.status, form=form)
    login_user(user)
    flash(f"Welcome to Rounds, {user.name}! Your profile is at @{user.handle}.", "success")
    return redirect(url_for("main.home"))


@bp.route("/login", methods=["GET", "POST"])
@limits.login
def login() -> ResponseReturnValue:
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
        # Logged-in members see the page too (with a note), to switch accounts.
        return render_form("auth/login.html", form=form)
    if not form.validate_on_submit():
        return render_form("auth/login.html", 422, form=form)
    try:
        user = accounts.authenticate(form.email.data, form.password.data)
    except Unauthenticated:
        # One message whatever went wrong, so the page never tells who has an account.
        form.form_errors = [BAD_CREDENTIALS]
        return render_form("auth/login.html", 200, form=form)
    login_user(user, remember=bool(form.remember.data))
    flash(f"Welcome back, {user.name}.", "success")
    return redirect(_next_url(form.next.data))


@bp.post("/logout")
def logout() -> Response:
    """Log out (a POST with the CSRF token, so no other site can log anyone out)."""
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("main.home"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password() -> ResponseReturnValue:
    """Change the password; other sessions end, this one continues."""
    form = PasswordForm()
    if not form.validate_on_submit():
        return render_form("auth/password.html", 422 if form.is_submitted() else 200, form=form)
    user = current_user._get_current_object()
    try:
        accounts.change_password(user, form.current_password.data, form.new_password.data)
    except Invalid as exc:
        apply_errors(form, exc)
        return render_form("auth/password.html", 422, form=form)
    # The session token rotated: log in again with it (renewing a remember-me cookie too).
    remembered = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies
    login_user(user, remember=remembered)
    flash("Your password is changed. Other devices have been logged out.", "success")
    return redirect(url_for("users.profile", handle=user.handle))
