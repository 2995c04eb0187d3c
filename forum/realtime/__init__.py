"""Socket.IO: connection auth, room subscriptions, and the broadcasters that emit after commit.

Importing `handlers` registers the socket handlers on the (unbound) `socketio` extension;
`register_realtime(app)` hooks notifications and live events onto the domain events and
gives templates what live.js needs.
"""

from __future__ import annotations

from flask import Flask

from ..extensions import socketio
from ..models import Thread
from ..services import notifications
from . import broadcast, handlers
from .cli import live
from .log import last_event_id, thread_room

__all__ = ["handlers", "register_realtime"]

# The Socket.IO server bound to an app. The extension is one object per process and holds
# the server of the app it was bound to last; tests that build several apps rebind it.
SERVER_KEY = "socketio_server"


def thread_last_event_id(thread: Thread) -> int:
    """The newest live event of a thread: the page hands it to live.js to resume from."""
    return last_event_id(thread_room(thread.id))


def register_realtime(app: Flask) -> None:
    """Notification rules and live broadcasters (idempotent), the template hook, the CLI."""
    notifications.install()
    broadcast.install()
    app.extensions[SERVER_KEY] = socketio.server
    app.jinja_env.globals["live_last_event_id"] = thread_last_event_id
    app.cli.add_command(live)
