"""The application factory: config, then extensions, then the register_* steps."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Flask, abort, request

from . import config as settings
from . import events, limits, permissions
from .api import bp as api_bp
from .cli import register_cli
from .errors import register_error_handlers
from .extensions import csrf, db, login_manager, migrate, socketio
from .models import CASE_SECTIONS, Role, utcnow
from .realtime import register_realtime
from .security import register_security, socket_origins
from .services import accounts
from .web import register_web


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build a Rounds application; `config` overrides the environment (tests use it)."""
    app = Flask("forum", template_folder="../templates", static_folder="../static")
    app.config.update(settings.DEFAULTS)
    if config is None or "SQLALCHEMY_DATABASE_URI" not in config:
        app.config.update(settings.from_environment())
    app.config.update(config or {})
    register_extensions(app)
    register_security(app)
    register_realtime(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_request_guards(app)
    register_template_helpers(app)
    register_cli(app)
    return app


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(settings.ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limits.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to do that."
    login_manager.login_message_category = "info"
    login_manager.user_loader(accounts.user_for_session)
    socketio.init_app(
        app,
        message_queue=app.config.get("REDIS_URL"),
        channel=app.config.get("SOCKETIO_CHANNEL") or "flask-socketio",
        async_mode=app.config.get("SOCKETIO_ASYNC_MODE"),
        cors_allowed_origins=socket_origins(app.config),
    )
    events.install()


def register_blueprints(app: Flask) -> None:
    register_web(app)
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)


def register_request_guards(app: Flask) -> None:
    """Refuse NUL bytes anywhere a user can put them: PostgreSQL text cannot hold them."""

    @app.before_request
    def refuse_nul_bytes() -> None:
        if request.path.startswith("/api/"):
            return  # the API refuses NUL itself, with the field it was in
        values = [request.path, *request.args.values()]
        if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            values += [v for vs in request.form.listvalues() for v in vs]
        if any("\x00" in v for v in values):
            abort(400, "The request contains a NUL byte; remove it and try again.")


def timeago(value: datetime | None) -> str:
    """'3 minutes ago' for recent moments, a date for older ones."""
    if value is None:
        return ""
    seconds = int((utcnow() - value).total_seconds())
    if seconds < 45:
        return "just now"
    for unit, size in (("minute", 60), ("hour", 3600), ("day", 86400)):
        limit = {"minute": 3600, "hour": 86400, "day": 86400 * 7}[unit]
        if seconds < limit:
            n = max(1, round(seconds / size))
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    if value.year == utcnow().year:
        return value.strftime("%-d %b")
    return value.strftime("%-d %b %Y")


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.globals.update(permissions.PREDICATES)
    app.jinja_env.globals.update(case_sections=CASE_SECTIONS, roles=list(Role))
    app.jinja_env.filters["timeago"] = timeago
