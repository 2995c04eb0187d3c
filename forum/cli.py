"""`flask --app wsgi ...` commands: users, specialties, seed, serve."""

from __future__ import annotations

import os
import sys

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from .config import ROOT
from .extensions import socketio
from .seed import seed_demo
from .services import accounts, taxonomy
from .services.errors import ServiceError

users = AppGroup("users", help="Create accounts and grant roles.")
specialties = AppGroup("specialties", help="The list of specialties threads are filed under.")


def _fail(exc: ServiceError) -> None:
    detail = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
    raise click.ClickException(f"{exc.message}{' (' + detail + ')' if detail else ''}")


@users.command("create")
@click.argument("email")
@click.option("--name", required=True, help="Display name, e.g. 'Dr Amara Okafor'.")
@click.option("--password", required=True, help="At least 10 characters.")
@click.option(
    "--role",
    default="learner",
    show_default=True,
    type=click.Choice(["learner", "mentor", "coordinator", "admin"], case_sensitive=False),
)
@click.option("--specialty", default=None, help="Specialty slug, e.g. cardiology.")
def create_user(email: str, name: str, password: str, role: str, specialty: str | None) -> None:
    """Create an account with a role (mentors become verified mentors)."""
    try:
        user = accounts.create_user(email, password, name, role, specialty)
    except ServiceError as exc:
        _fail(exc)
        return
    click.echo(f"Created {user.email} ({user.role}) as @{user.handle}.")


@users.command("set-role")
@click.argument("email")
@click.argument(
    "role", type=click.Choice(["learner", "mentor", "coordinator", "admin"], case_sensitive=False)
)
def set_role(email: str, role: str) -> None:
    """Grant a role to an existing account."""
    try:
        user = accounts.set_role(None, email, role)
    except ServiceError as exc:
        _fail(exc)
        return
    click.echo(f"{user.email} is now {user.role}.")


@specialties.command("list")
def list_specialties() -> None:
    """Print every specialty with its slug."""
    for specialty in taxonomy.all_specialties():
        click.echo(f"{specialty.slug:28} {specialty.name}")


@specialties.command("add")
@click.argument("name")
@click.option("--slug", default=None, help="Defaults to the name, hyphenated.")
@click.option("--description", default="")
def add_specialty(name: str, slug: str | None, description: str) -> None:
    """Add a specialty."""
    try:
        specialty = taxonomy.create_specialty(None, name, slug=slug, description=description)
    except ServiceError as exc:
        _fail(exc)
        return
    click.echo(f"Added {specialty.slug}.")


@click.command("seed")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database has users.")
@with_appcontext
def seed(if_empty: bool) -> None:
    """Load the demo community: specialties, members of every role, cases and questions."""
    done = seed_demo(only_if_empty=if_empty)
    click.echo(done)


GEVENT_WORKER = "geventwebsocket.gunicorn.workers.GeventWebSocketWorker"


def gunicorn_command(host: str, port: int) -> list[str]:
    """The production server: one gunicorn worker under gevent with gevent-websocket.

    One worker per port, because Flask-SocketIO keeps each client on the process that
    accepted it; run more ports behind a sticky load balancer to use more cores. The worker
    monkey-patches the standard library before it imports the application, which gevent
    needs (psycopg, redis and SQLAlchemy must see the patched sockets and locks).
    """
    return [
        *(sys.executable, "-m", "gunicorn", "--chdir", str(ROOT)),
        *("--worker-class", GEVENT_WORKER, "--workers", "1", "--bind", f"{host}:{port}"),
        # gunicorn's default of 1000 connections would count every open websocket and leave
        # the 1001st visitor waiting; file descriptors (ulimit -n) are the real bound.
        *("--worker-connections", "10000", "--graceful-timeout", "5"),
        *("--no-control-socket", "wsgi:app"),
    ]


@click.command("serve")
@click.option("--host", default=lambda: os.environ.get("HOST", "127.0.0.1"), show_default="HOST")
@click.option("--port", default=lambda: int(os.environ.get("PORT", "5000")), type=int)
@with_appcontext
def serve(host: str, port: int) -> None:
    """Serve HTTP and Socket.IO on HOST:PORT (what `make run` does).

    gevent through gunicorn by default; SOCKETIO_ASYNC_MODE=threading serves with the
    threaded Werkzeug server instead (bench/README.md compares the two).
    """
    if (os.environ.get("SOCKETIO_ASYNC_MODE") or "gevent") == "gevent":
        click.echo(f"Rounds on http://{host}:{port}/ (gevent mode, gunicorn)")
        sys.stdout.flush()
        # Replace this process: the server must start from a fresh interpreter, patched
        # before anything is imported, and must get the signals sent to `make run`.
        os.execv(sys.executable, gunicorn_command(host, port))  # noqa: S606
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    click.echo(f"Rounds on http://{host}:{port}/ ({socketio.async_mode} mode)")
    # Flask's CLI sets this so that a stray app.run() does nothing; here serving is the point.
    os.environ.pop("FLASK_RUN_FROM_CLI", None)
    socketio.run(app, host=host, port=port, allow_unsafe_werkzeug=True, use_reloader=False)


def register_cli(app: Flask) -> None:
    app.cli.add_command(users)
    app.cli.add_command(specialties)
    app.cli.add_command(seed)
    app.cli.add_command(serve)
