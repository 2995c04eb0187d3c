"""Small helpers the HTML views share: safe redirects, form errors, post addresses."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from flask import current_app, render_template, url_for
from flask_wtf import FlaskForm

from ..content import excerpt
from ..models import Post, Thread
from ..services import queries
from ..services.errors import ServiceError
from ..services.phi_guard import KIND_LABELS, PhiSuspected
from .casefmt import case_sections

FORM_ERRORS = "__form__"
EXCERPT_LENGTH = 220


def is_safe_url(target: str | None) -> bool:
    """True only for a same-site relative path ("/threads/3"), never "//host" or a scheme."""
    if not target or not isinstance(target, str):
        return False
    if any(ch in target for ch in "\\\r\n\t") or any(ord(ch) < 32 for ch in target):
        return False
    parts = urlsplit(target)
    return (
        not parts.scheme
        and not parts.netloc
        and target.startswith("/")
        and not target.startswith("//")
    )


def apply_errors(form: FlaskForm, exc: ServiceError) -> None:
    """Put a service error's field messages on the matching form fields.

    Messages for fields the form does not have (or an error without fields) become
    form-level errors, shown at the top of the form.
    """
    unplaced: list[str] = []
    for name, message in (exc.fields or {}).items():
        field = getattr(form, name, None)
        if field is not None and hasattr(field, "errors"):
            field.errors = [*list(field.errors or []), message]
        else:
            unplaced.append(message)
    if unplaced or not exc.fields:
        form.form_errors = [*form.form_errors, *(unplaced or [exc.message])]


def render_form(template: str, status: int = 200, **context: Any) -> tuple[str, int]:
    """Render a page that holds a form; 422 when it is shown again with errors."""
    return render_template(template, **context), status


def page_of(post: Post) -> int:
    """The replies page (in the default oldest-first order) that holds a post."""
    if post.number <= 1:
        return 1
    return (post.number - 2) // current_app.config["POSTS_PER_PAGE"] + 1


def post_url(post: Post) -> str:
    """The address of a post inside its thread page, anchored to it."""
    page = page_of(post)
    kwargs: dict[str, Any] = {"thread_id": post.thread_id}
    if page > 1:
        kwargs["page"] = page
    return url_for("threads.show", **kwargs) + f"#post-{post.id}"


class Preview(NamedTuple):
    """What a thread list shows of the opening post."""

    excerpt: str
    score: int


def previews_for(threads: Iterable[Thread]) -> dict[int, Preview]:
    """A plain-text excerpt and the helpful score of each thread's opening post, in one query."""
    threads = list(threads)
    openings = queries.opening_posts(threads)
    cases = {t.id for t in threads if t.is_case}
    return {
        tid: Preview(excerpt(_lead(post.html, tid in cases), EXCERPT_LENGTH), post.score)
        for tid, post in openings.items()
    }


def _lead(html: str, is_case: bool) -> str:
    """For a case, the presentation section (not its "Presentation" heading)."""
    if not is_case:
        return html
    sections = case_sections(html)
    return next((str(body) for key, _, body in sections if key == "presentation"), html)


def phi_review(exc: ServiceError) -> list[dict[str, Any]]:
    """What the PHI guard found, per field, as text segments to highlight in the form.

    Each field: {"field", "segments": [(text, kind or None, label)]}; empty for any other
    error. The template prints every segment escaped and wraps suspects in <mark>.
    """
    if not isinstance(exc, PhiSuspected):
        return []
    review = []
    for field, spans in exc.spans.items():
        text, at = exc.texts[field], 0
        segments: list[tuple[str, str | None, str]] = []
        for span in spans:
            segments.append((text[at : span.start], None, ""))
            segments.append((text[span.start : span.end], span.kind, KIND_LABELS[span.kind]))
            at = span.end
        segments.append((text[at:], None, ""))
        review.append({"field": field, "segments": [s for s in segments if s[0]]})
    return review
