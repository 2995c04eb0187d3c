"""HTML pages: thin views over the services."""

from flask import Flask
from flask_login import current_user

from ..content import excerpt
from ..models import FLAG_LABELS
from ..services import moderation as moderation_service
from ..services.errors import suspension_message
from . import auth, main, moderation, notifications, posts, threads, users
from .casefmt import render_case
from .helpers import page_of


def register_web(app: Flask) -> None:
    """Register every HTML blueprint and the template filters the pages use."""
    for module in (main, auth, users, threads, posts, notifications, moderation):
        app.register_blueprint(module.bp)
    app.jinja_env.filters["excerpt"] = excerpt
    app.jinja_env.filters["case_html"] = render_case
    app.jinja_env.globals["page_of"] = page_of
    app.jinja_env.globals["suspension_message"] = suspension_message
    app.jinja_env.globals["moderation_count"] = _moderation_count
    app.jinja_env.globals["flag_reasons"] = [(r.value, label) for r, label in FLAG_LABELS.items()]


def _moderation_count() -> int:
    """The nav badge: posts waiting for a coordinator (base.html calls it for staff only)."""
    return moderation_service.queue_count(current_user)
