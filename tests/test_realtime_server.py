"""Live updates over the network: a real python-socketio client (websocket and long-polling)
against a running server, with every write made over HTTP like any other client would."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
import requests
import socketio as python_socketio
from flask import Flask

from forum.extensions import db
from forum.services import accounts, posting, queries, taxonomy
from tests.browser import LiveServer
from tests.conftest import DATABASES, PASSWORD, database_url, make_app
from tests.realtime import RealClient, bind

_seq = itertools.count(1)


@pytest.fixture(scope="module", params=DATABASES)
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    app = make_app(database_url(request.param, tmp_path_factory))
    with app.app_context():
        db.create_all()
        taxonomy.create_specialty(None, "Cardiology")
        db.session.remove()
    with LiveServer(app) as server:
        yield server
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def live(site: LiveServer) -> Iterator[Site]:
    bind(site.app)  # emits after commit go to this server's clients
    helper = Site(site)
    yield helper
    helper.close()


class Site:
    """The running server, plus shortcuts to make members and threads and to call the API."""

    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.url = server.url
        self.app: Flask = server.app
        self.clients: list[RealClient] = []

    def member(self, role: str = "learner") -> tuple[int, str]:
        """A new member: (id, bearer token)."""
        n = next(_seq)
        with self.app.app_context():
            user = accounts.create_user(f"live{n}@example.com", PASSWORD, f"Dr Live {n}", role)
            token = accounts.issue_token(user.email, PASSWORD)
            return user.id, token

    def thread(self, token: str) -> int:
        body = {"kind": "question", "title": "Which troponin cut-off?", "body": "Asking."}
        return int(self.api("post", "/threads", token, body)["id"])

    def api(self, method: str, path: str, token: str | None = None, body: Any = None) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = requests.request(
            method, f"{self.url}/api/v1{path}", json=body, headers=headers, timeout=10
        )
        assert response.status_code < 300, response.text
        return response.json() if response.content else None

    def reply(self, token: str, thread_id: int, text: str) -> dict[str, Any]:
        return self.api("post", f"/threads/{thread_id}/posts", token, {"body": text})  # type: ignore[no-any-return]

    def client(self, **kw: Any) -> RealClient:
        # Long-polling unless a test asks for websocket: closing a websocket client costs
        # ~3 s here (python-engineio's close handshake waits out its timeout).
        kw.setdefault("transports", ["polling"])
        client = RealClient().connect(self.url, **kw)
        self.clients.append(client)
        return client

    def close(self) -> None:
        for client in self.clients:
            client.disconnect()


def test_a_reply_over_http_reaches_a_websocket_reader(live: Site) -> None:
    _, asker = live.member()
    _, peer = live.member()
    thread_id = live.thread(asker)
    reader = live.client(transports=["websocket"])
    assert reader.sio.transport() == "websocket"
    ack = reader.call("subscribe", {"thread_id": thread_id})
    assert ack["ok"] is True and ack["reading"] == 1
    post = live.reply(peer, thread_id, "Use the 99th centile.")
    event = reader.wait_for("post_created", thread_id=thread_id)
    assert event["post"] == live.api("get", f"/posts/{post['id']}")
    assert event["event_id"] > ack["last_event_id"]


def test_a_client_away_while_three_replies_were_posted_gets_all_three(live: Site) -> None:
    _, asker = live.member()
    _, peer = live.member()
    thread_id = live.thread(asker)
    first = live.client()
    last_seen = first.call("subscribe", {"thread_id": thread_id})["last_event_id"]
    first.disconnect()
    posted = [live.reply(peer, thread_id, f"Point {n}.")["id"] for n in (1, 2, 3)]
    back = live.client()
    ack = back.call("subscribe", {"thread_id": thread_id, "after": last_seen})
    assert [m["data"]["post"]["id"] for m in ack["missed"]] == posted
    assert [m["event"] for m in ack["missed"]] == ["post_created"] * 3
    assert back.drain() == [("presence", {"thread_id": thread_id, "reading": 1})]


def test_a_bearer_token_in_auth_brings_the_members_notifications(live: Site) -> None:
    _, asker = live.member()
    _, peer = live.member()
    thread_id = live.thread(asker)
    me = live.client(auth={"token": asker})
    live.reply(peer, thread_id, "My answer.")
    note = me.wait_for("notification", kind="reply")
    assert note["thread"]["id"] == thread_id and note["unread"] == 1
    assert live.api("get", "/notifications", asker)["unread"] == 1


def test_an_invalid_token_is_refused_by_the_server(live: Site) -> None:
    with pytest.raises(python_socketio.exceptions.ConnectionError):
        RealClient().connect(live.url, auth={"token": "forged"}, transports=["websocket"])


def test_a_learner_cannot_subscribe_to_a_deleted_thread_and_nothing_leaks(live: Site) -> None:
    _, author = live.member()
    _, staff = live.member("coordinator")
    _, outsider = live.member()
    thread_id = live.thread(author)
    snoop = live.client(auth={"token": outsider})
    assert snoop.call("subscribe", {"thread_id": thread_id})["ok"] is True
    with live.app.app_context():
        opening = queries.all_posts(posting.get_thread(thread_id))[0].id
    live.api("delete", f"/posts/{opening}", staff)
    assert snoop.wait_for("post_hidden", post_id=opening)["thread_deleted"] is True
    ack = snoop.call("subscribe", {"thread_id": thread_id, "after": 0})
    assert ack == {"ok": False, "error": "That thread does not exist."}
    live.reply(staff, thread_id, "Staff only from here on.")
    leaked = [(n, d) for n, d in snoop.drain(0.5) if n != "presence"]
    assert leaked == []
