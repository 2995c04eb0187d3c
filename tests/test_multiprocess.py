"""Two real server processes sharing Redis and one database: events cross between them.

Each server is started exactly as in production (`flask --app wsgi serve`, which runs
gunicorn's gevent worker) on its own free loopback port, with REDIS_URL from
TEST_REDIS_URL and a Redis channel of its own, so concurrent runs never hear each other.
Skipped without TEST_REDIS_URL, except under CI=true, where a missing Redis fails.
The database is a temporary SQLite file in WAL mode, and a private PostgreSQL database when
TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
import socketio

from tests.conftest import private_postgres_database

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PASSWORD = "correct horse battery"
POSTER = "poster@multi.example"
READER = "reader@multi.example"
WAIT = 10.0  # seconds: the longest any single event may take to arrive
BOOT = 60.0  # seconds: the longest a server may take to answer /healthz

REDIS_URL = os.environ.get("TEST_REDIS_URL")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
DATABASES = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def redis_or_skip() -> str:
    """TEST_REDIS_URL when it answers; else skip (or fail under CI)."""
    import redis

    if not REDIS_URL:
        if IN_CI:
            pytest.fail("CI=true but TEST_REDIS_URL is not set: the Redis tests must run")
        pytest.skip("TEST_REDIS_URL is not set")
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=3).ping()
    except redis.RedisError as exc:
        if IN_CI:
            raise
        pytest.skip(f"Redis at {REDIS_URL} does not answer: {exc}")
    return REDIS_URL


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    proc: subprocess.Popen[bytes]
    log: Path

    def tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-40:])

    def stop(self) -> None:
        """SIGTERM the whole group (gunicorn and its worker), SIGKILL what lingers."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(10)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(5)


@dataclass
class Cluster:
    a: Server
    b: Server
    tokens: dict[str, str] = field(default_factory=dict)

    def api(
        self, server: Server, method: str, path: str, token: str | None = None, **kw: Any
    ) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = requests.request(
            method, f"{server.url}/api/v1{path}", headers=headers, timeout=WAIT, **kw
        )
        assert response.status_code < 300, (response.status_code, response.text[:500])
        return response.json()

    def token(self, email: str) -> str:
        if email not in self.tokens:
            body = {"email": email, "password": PASSWORD}
            self.tokens[email] = self.api(self.a, "POST", "/tokens", json=body)["token"]
        return self.tokens[email]

    def new_thread(self, server: Server) -> int:
        body = {
            "kind": "question",
            "title": f"Across processes: which aspirin dose? ({uuid.uuid4().hex[:8]})",
            "body": "What loading dose of aspirin do you use in suspected ACS?",
        }
        return int(self.api(server, "POST", "/threads", self.token(POSTER), json=body)["id"])

    def reply(self, server: Server, thread_id: int, text: str) -> int:
        path = f"/threads/{thread_id}/posts"
        post = self.api(server, "POST", path, self.token(POSTER), json={"body": text})
        return int(post["id"])


def _run(env: dict[str, str], *argv: str) -> None:
    if argv[:2] == ("users", "create"):
        argv = (*argv, "--password", PASSWORD)
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"flask {' '.join(argv)}:\n{done.stdout}\n{done.stderr}"


def _start(env: dict[str, str], log: Path) -> Server:
    port = free_port()
    cmd = [sys.executable, "-m", "flask", "--app", "wsgi", "serve"]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*cmd, "--host", HOST, "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Server(f"http://{HOST}:{port}", proc, log)


def _wait_ready(server: Server) -> None:
    deadline = time.monotonic() + BOOT
    while time.monotonic() < deadline and server.proc.poll() is None:
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return
        time.sleep(0.1)
    pytest.fail(f"the server on {server.url} did not start:\n{server.tail()}")


def _database(kind: str, tmp: Path) -> str:
    if kind == "postgresql":
        return private_postgres_database(os.environ["TEST_DATABASE_URL"])
    path = tmp / "rounds.db"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")  # two processes read and write the file
    return f"sqlite:///{path}"


@pytest.fixture(scope="module", params=DATABASES)
def cluster(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cluster]:
    """Two servers on two ports: one database, one Redis, one private channel."""
    redis_url = redis_or_skip()
    tmp = tmp_path_factory.mktemp(f"multi-{request.param}")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("FLASK_", "SOCKETIO_", "WERKZEUG_"))
        and k not in {"DATABASE_URL", "REDIS_URL", "HOST", "PORT", "SECRET_KEY"}
    }
    env.update(
        DATABASE_URL=_database(request.param, tmp),
        REDIS_URL=redis_url,
        SOCKETIO_CHANNEL=f"rounds-test-{uuid.uuid4().hex}",
        SECRET_KEY=uuid.uuid4().hex,  # one key for both: either may read the other's cookies
        RATELIMIT_ENABLED="0",
        PYTHONUNBUFFERED="1",
    )
    _run(env, "db", "upgrade")
    servers: list[Server] = []
    try:
        servers = [_start(env, tmp / f"server-{name}.log") for name in "ab"]
        # While they boot: the poster from the CLI; the reader signs up through the API.
        _run(env, "users", "create", POSTER, "--name", "Dr Paula Poster", "--role", "mentor")
        for server in servers:
            _wait_ready(server)
        cluster = Cluster(servers[0], servers[1])
        reader = {"email": READER, "password": PASSWORD, "name": "Dr Rey Reader"}
        cluster.api(cluster.a, "POST", "/users", json=reader)
        yield cluster
    finally:
        for server in servers:
            server.stop()


class Listener:
    """A real python-socketio client over websocket, collecting what its rooms push."""

    def __init__(self, url: str, token: str) -> None:
        self.events: queue.Queue[tuple[str, dict[str, Any]]] = queue.Queue()
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("*", lambda event, data=None: self.events.put((event, data or {})))
        self.sio.connect(url, transports=["websocket"], auth={"token": token}, wait_timeout=WAIT)

    def subscribe(self, thread_id: int, after: int | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"thread_id": thread_id}
        if after is not None:
            data["after"] = after
        ack = self.sio.call("subscribe", data, timeout=WAIT)
        assert isinstance(ack, dict) and ack.get("ok"), ack
        return ack

    def next(self, name: str, match: dict[str, Any] | None = None) -> dict[str, Any]:
        """The next `name` event (whose post has the ids in `match`), within WAIT seconds."""
        deadline = time.monotonic() + WAIT
        while (left := deadline - time.monotonic()) > 0:
            try:
                event, data = self.events.get(timeout=left)
            except queue.Empty:
                break
            post = data.get("post") or {}
            if event == name and all(post.get(k) == v for k, v in (match or {}).items()):
                return data
        raise AssertionError(f"no {name} {match or ''} within {WAIT} s")

    def close(self) -> None:
        if self.sio.connected:
            self.sio.disconnect()


@pytest.fixture
def listen(cluster: Cluster) -> Iterator[Any]:
    opened: list[Listener] = []

    def connect(server: Server) -> Listener:
        listener = Listener(server.url, cluster.token(READER))
        opened.append(listener)
        return listener

    yield connect
    for listener in opened:
        listener.close()


def test_a_reply_made_through_one_process_reaches_a_client_of_the_other(
    cluster: Cluster, listen: Any
) -> None:
    thread_id = cluster.new_thread(cluster.b)
    client = listen(cluster.a)
    client.subscribe(thread_id)

    start = time.monotonic()
    post_id = cluster.reply(cluster.b, thread_id, "Through process B: 300 mg, chewed.")
    event = client.next("post_created", {"id": post_id})

    assert time.monotonic() - start < WAIT
    assert event["thread_id"] == thread_id
    assert event["post"]["source"] == "Through process B: 300 mg, chewed."
    assert isinstance(event["event_id"], int)


def test_a_client_away_while_three_replies_land_on_the_other_process_gets_all_three(
    cluster: Cluster, listen: Any
) -> None:
    thread_id = cluster.new_thread(cluster.a)
    client = listen(cluster.a)
    client.subscribe(thread_id)
    seen = client.next("post_created", {"id": cluster.reply(cluster.b, thread_id, "First.")})
    client.close()

    posted = [cluster.reply(cluster.b, thread_id, f"While you were away, {n}.") for n in (1, 2, 3)]

    back = listen(cluster.a)
    ack = back.subscribe(thread_id, after=seen["event_id"])
    assert ack["complete"] is True
    assert [m["event"] for m in ack["missed"]] == ["post_created"] * 3
    assert [m["data"]["post"]["id"] for m in ack["missed"]] == posted
    ids = [m["data"]["event_id"] for m in ack["missed"]]
    assert ids == sorted(ids) and ids[0] > seen["event_id"]
    # And it is live again: the next reply through B arrives as it happens.
    follow = cluster.reply(cluster.b, thread_id, "Back in time for this one.")
    assert back.next("post_created", {"id": follow})["event_id"] > ids[-1]
