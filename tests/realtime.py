"""Socket.IO clients for tests: Flask-SocketIO's test client, and real ones over the network.

The `socketio` extension is one object per process and keeps the server of the app it was
bound to last; the suite builds several apps (one per database, one per live server), so a
test binds it back to the app it exercises before connecting anything.
"""

from __future__ import annotations

import queue
import time
from typing import Any, ClassVar

import socketio as python_socketio
from flask import Flask
from flask.testing import FlaskClient

from forum.extensions import db, socketio
from forum.realtime import SERVER_KEY, presence


def bind(app: Flask) -> None:
    """Point the process-wide extension at this app's own Socket.IO server; readers counted
    for another server (another test's, maybe shut down mid-connection) are forgotten."""
    global _bound
    server = app.extensions[SERVER_KEY]
    if _bound is not server:  # (create_app's init_app already points socketio.server at it)
        presence.reset()
        _bound = server
    socketio.server = server


_bound: object = None


class SocketClient:
    """Flask-SocketIO's test client where every call runs in its own app context, as a
    server handles each socket event (and like conftest's IsolatedClient for HTTP).

    Tables restart their ids in every test, so clients left connected would still count
    as readers of "thread:1" in the next one: `close_all()` after each test.
    """

    open_clients: ClassVar[list[SocketClient]] = []

    def __init__(
        self, app: Flask, http: FlaskClient | None = None, auth: dict[str, Any] | None = None
    ) -> None:
        self.app = app
        bind(app)
        with app.app_context():
            self.client = socketio.test_client(app, flask_test_client=http, auth=auth)
        db.session.expire_all()
        self.log: list[tuple[str, Any]] = []
        SocketClient.open_clients.append(self)

    @classmethod
    def close_all(cls) -> None:
        while cls.open_clients:
            client = cls.open_clients.pop()
            if client.connected:
                client.disconnect()

    @property
    def connected(self) -> bool:
        return bool(self.client.is_connected())

    def call(self, event: str, data: Any = None) -> Any:
        """Emit and return the server's ack."""
        with self.app.app_context():
            ack = self.client.emit(event, data, callback=True)
        db.session.expire_all()
        return ack

    def subscribe(self, thread_id: int, after: int | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"thread_id": thread_id}
        if after is not None:
            data["after"] = after
        return self.call("subscribe", data)  # type: ignore[no-any-return]

    def _pull(self) -> None:
        for item in self.client.get_received():
            self.log.append((item["name"], item["args"][0] if item["args"] else None))

    def received(self, name: str) -> list[Any]:
        """The `name` events pushed since the last look (each event's payload)."""
        self._pull()
        taken = [data for event, data in self.log if event == name]
        self.log = [(event, data) for event, data in self.log if event != name]
        return taken

    def everything(self) -> list[tuple[str, Any]]:
        """Every event pushed since the last look, as (name, payload)."""
        self._pull()
        taken, self.log = self.log, []
        return taken

    def disconnect(self) -> None:
        with self.app.app_context():
            self.client.disconnect()


class RealClient:
    """A python-socketio client over the network, collecting events in a thread-safe queue."""

    EVENTS = (
        "post_created",
        "post_updated",
        "post_hidden",
        "vote_changed",
        "endorsement_added",
        "endorsement_withdrawn",
        "answer_accepted",
        "thread_updated",
        "thread_created",
        "notification",
        "presence",
        "typing",
    )

    def __init__(self) -> None:
        self.sio = python_socketio.Client(reconnection=False)
        self.inbox: queue.Queue[tuple[str, Any]] = queue.Queue()
        for name in self.EVENTS:
            self.sio.on(name, self._collector(name))

    def _collector(self, name: str) -> Any:
        def collect(data: Any) -> None:
            self.inbox.put((name, data))

        return collect

    def connect(self, url: str, **kw: Any) -> RealClient:
        self.sio.connect(url, wait_timeout=10, **kw)
        return self

    def call(self, event: str, data: Any) -> Any:
        return self.sio.call(event, data, timeout=10)

    def wait_for(self, name: str, timeout: float = 10.0, **match: Any) -> Any:
        """The next `name` event whose fields equal `match`; others are set aside."""
        deadline = time.monotonic() + timeout
        kept: list[tuple[str, Any]] = []
        try:
            while (left := deadline - time.monotonic()) > 0:
                try:
                    event, data = self.inbox.get(timeout=left)
                except queue.Empty:
                    break
                if event == name and all(data.get(k) == v for k, v in match.items()):
                    return data
                kept.append((event, data))
        finally:
            for item in kept:
                self.inbox.put(item)
        raise AssertionError(f"no {name} {match or ''} within {timeout}s")

    def drain(self, settle: float = 0.3) -> list[tuple[str, Any]]:
        """Everything that arrives within `settle` seconds of quiet."""
        out = []
        while True:
            try:
                out.append(self.inbox.get(timeout=settle))
            except queue.Empty:
                return out

    def disconnect(self) -> None:
        if self.sio.connected:
            self.sio.disconnect()
