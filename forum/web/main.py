"""The front of the site: latest activity, specialties, tags, health, style guide."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required

from .. import permissions
from ..services import health, queries, taxonomy
from ..services.errors import Conflict, Invalid, require
from .forms import SpecialtyForm
from .helpers import apply_errors, previews_for, render_form

bp = Blueprint("main", __name__)

TABS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("all", "All", {}),
    ("case", "Cases", {"kind": "case"}),
    ("question", "Questions", {"kind": "question"}),
    ("unanswered", "Unanswered", {"filter": "unanswered"}),
    ("endorsed", "Endorsed", {"filter": "endorsed"}),
)


def _url(endpoint: str, args: dict[str, Any]) -> str:
    return url_for(endpoint, **args)


def _listing(
    template: str,
    endpoint: str,
    route_args: dict[str, str],
    specialty: str | None = None,
    tag: str | None = None,
    **extra: Any,
) -> str:
    """A thread list page: tabs, the threads with excerpts, pagination, the sidebar.

    `route_args` are the arguments that address the page itself (a specialty's slug);
    the home page also keeps ?specialty= and ?tag= across its tabs.
    """
    kind = request.args.get("kind") or None
    filter = request.args.get("filter") or None
    threads = queries.list_threads(
        kind=kind, filter=filter, specialty=specialty, tag=tag, page=request.args.get("page", 1)
    )
    tab_args = dict(route_args)
    if endpoint == "main.home":
        tab_args.update({k: v for k, v in (("specialty", specialty), ("tag", tag)) if v})
    page_args = {**tab_args, **{k: v for k, v in (("kind", kind), ("filter", filter)) if v}}
    return render_template(
        template,
        threads=threads,
        previews=previews_for(threads.items),
        tabs=[(key, label, _url(endpoint, {**tab_args, **args})) for key, label, args in TABS],
        tab=filter or kind or "all",
        endpoint=endpoint,
        tab_args=tab_args,
        page_args=page_args,
        sidebar_specialties=queries.specialties_with_counts(),
        sidebar_tags=queries.popular_tags(20),
        current_specialty_slug=specialty,
        **extra,
    )


@bp.get("/")
def home() -> str:
    """Latest activity across Rounds, with tabs and filters."""
    specialty = request.args.get("specialty") or None
    tag = request.args.get("tag") or None
    return _listing("main/home.html", "main.home", {}, specialty=specialty, tag=tag)


COORDINATORS_ONLY = "Only coordinators edit specialties."


def _specialties_page(form: SpecialtyForm | None = None, status: int = 200) -> tuple[str, int]:
    """The specialty list; coordinators also get the "Add a specialty" form."""
    if form is None and permissions.can_moderate(current_user):
        form = SpecialtyForm(formdata=None)
    return render_form(
        "main/specialties.html",
        status,
        specialties=queries.specialties_with_counts(),
        form=form,
    )


@bp.get("/specialties")
def specialties() -> ResponseReturnValue:
    return _specialties_page()


@bp.post("/specialties")
@login_required
def add_specialty() -> ResponseReturnValue:
    """A coordinator adds a specialty; the form shows again with the typed values on errors."""
    require(permissions.can_moderate(current_user), COORDINATORS_ONLY)
    form = SpecialtyForm()
    if not form.validate_on_submit():
        return _specialties_page(form, 422)
    try:
        created = taxonomy.create_specialty(
            current_user._get_current_object(),
            form.name.data,
            slug=(form.slug.data or "").strip() or None,
            description=form.description.data or "",
        )
    except (Conflict, Invalid) as exc:
        apply_errors(form, exc)
        return _specialties_page(form, exc.status)
    flash(f"{created.name} is added to the specialties.", "success")
    return redirect(url_for("main.specialty", slug=created.slug))


@bp.get("/s/<slug>")
def specialty(slug: str) -> str:
    found = queries.get_specialty(slug)
    return _listing(
        "main/specialty.html", "main.specialty", {"slug": slug}, specialty=slug, current=found
    )


@bp.route("/s/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit_specialty(slug: str) -> ResponseReturnValue:
    """A coordinator renames a specialty or changes its description; the slug stays."""
    found = queries.get_specialty(slug)
    require(permissions.can_moderate(current_user), COORDINATORS_ONLY)
    current = {"name": found.name, "description": found.description}
    form = SpecialtyForm(data=None if request.method == "POST" else current)
    if not form.validate_on_submit():
        status = 422 if form.is_submitted() else 200
        return render_form("main/specialty_edit.html", status, form=form, current=found)
    try:
        taxonomy.update_specialty(
            current_user._get_current_object(),
            found,
            name=form.name.data,
            description=form.description.data or "",
        )
    except Invalid as exc:
        apply_errors(form, exc)
        return render_form("main/specialty_edit.html", exc.status, form=form, current=found)
    flash(f"{found.name} is saved.", "success")
    return redirect(url_for("main.specialty", slug=found.slug))


@bp.get("/t/<name>")
def tag(name: str) -> str:
    return _listing("main/tag.html", "main.tag", {"name": name}, tag=name, current_tag=name)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """200 when the database answers, 503 otherwise (for load balancers)."""
    if health.database_ok():
        return jsonify(status="ok")
    return jsonify(status="unavailable"), 503


@bp.get("/styleguide")
def styleguide() -> str:
    return render_template("_styleguide.html")
