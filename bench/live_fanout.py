"""Live fan-out: how fast a reply reaches every client subscribed to its thread.

Starts real Rounds servers as subprocesses on free loopback ports, with a temporary
database (SQLite by default, or a private PostgreSQL database next to BENCH_DATABASE_URL),
creates two members with the CLI and a thread through the API, connects N python-socketio
clients (100, then 1000) that `subscribe` to the thread, then posts K replies through the
HTTP API, one after the other, each once every client has the previous one.

A reply's body carries the time just before its API call; a client's latency is its time of
receipt minus that marker (same machine, same clock), so it spans the request, the commit,
the emit and the delivery. Printed per configuration: p50 / p99 / max over every (client,
reply), lost events (must be 0), the API call's own median time, and the serving process's
RSS growth per 1000 idle connections.

Configurations: one process (no Redis), and two processes sharing Redis (REDIS_URL) with the
clients split across both and every reply posted to the first.

Run: `make bench` (the chosen mode, gevent). Compare modes:
  .venv/bin/python bench/live_fanout.py --modes gevent,threading
  .venv/bin/python bench/live_fanout.py --modes eventlet --eventlet-python /tmp/ev/bin/python
Environment: BENCH_DATABASE_URL (a PostgreSQL server URL; a private database is created and
dropped), BENCH_REDIS_URL (default redis://127.0.0.1:6379/0). Loopback only; it stops by
itself and removes its processes, files and databases.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import queue
import resource
import secrets
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PY = sys.executable
WORKER = ROOT / "bench" / "live" / "client_worker.py"
BARE_APP = "bench.live.bare_wsgi"
HOST = "127.0.0.1"
PASSWORD = "bench password 1"
POSTER = "poster@bench.example"
READER = "reader@bench.example"
EVENTLET_SERVE = """\
import sys
import eventlet
eventlet.monkey_patch()
import importlib
app = importlib.import_module(sys.argv[1]).app
from forum.extensions import socketio
socketio.run(app, host=sys.argv[2], port=int(sys.argv[3]), log_output=False)
"""

_processes: list[subprocess.Popen[Any]] = []


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def stop(proc: subprocess.Popen[Any], grace: float = 8.0) -> None:
    """SIGTERM the process group, then SIGKILL what is left after `grace` seconds."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # a worker that outlived its master
    if proc in _processes:
        _processes.remove(proc)


def spawn(cmd: list[str], env: dict[str, str], **kw: Any) -> subprocess.Popen[Any]:
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True, **kw)
    _processes.append(proc)
    return proc


def vm_rss_kb(pid: int) -> int:
    with contextlib.suppress(FileNotFoundError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(FileNotFoundError):
            kids += [int(k) for k in (task / "children").read_text().split()]
    return kids


class Server:
    """One Rounds server process (gunicorn's master and its one worker, or one process)."""

    def __init__(self, mode: str, app_module: str, env: dict[str, str], log: Path, args: Any):
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.log = log
        env = dict(env)
        if mode == "gevent":
            if app_module == "wsgi":  # exactly what `make run` runs
                cmd = [PY, "-m", "flask", "--app", "wsgi", "serve"]
                cmd += ["--host", HOST, "--port", str(self.port)]
            else:
                from forum.cli import gunicorn_command

                cmd = [*gunicorn_command(HOST, self.port)[:-1], f"{app_module}:app"]
        elif mode == "threading":
            env["SOCKETIO_ASYNC_MODE"] = "threading"
            cmd = [PY, "-m", "flask", "--app", app_module, "serve"]
            cmd += ["--host", HOST, "--port", str(self.port)]
        elif mode == "eventlet":
            env["SOCKETIO_ASYNC_MODE"] = "eventlet"
            site = sysconfig.get_paths()["purelib"]
            env["PYTHONPATH"] = os.pathsep.join([str(ROOT), site])
            cmd = [args.eventlet_python, "-c", EVENTLET_SERVE, app_module, HOST, str(self.port)]
        else:
            raise SystemExit(f"unknown mode {mode}")
        self.handle = log.open("w")
        self.proc = spawn(cmd, env, stdout=self.handle, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"server on {self.url} did not start:\n{self.tail()}")

    def tail(self) -> str:
        self.handle.flush()
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-30:])

    def rss_kb(self) -> int:
        """RSS of the serving process: gunicorn's worker, else the process itself."""
        pids = children(self.proc.pid) or [self.proc.pid]
        return sum(vm_rss_kb(p) for p in pids)

    def stop(self) -> None:
        stop(self.proc)
        self.handle.close()


class Workers:
    """Client processes (bench/live/client_worker.py), each with its share of the clients."""

    def __init__(
        self, n_clients: int, n_workers: int, urls: list[str], config: dict[str, Any], log: Path
    ):
        self.messages: queue.Queue[tuple[int, dict[str, Any]]] = queue.Queue()
        self.procs: list[subprocess.Popen[str]] = []
        shares = [n_clients // n_workers + (i < n_clients % n_workers) for i in range(n_workers)]
        offset = 0
        for i, share in enumerate(s for s in shares if s):
            # Rotate the URL list so the clients split evenly across the servers overall.
            mine = urls[offset % len(urls) :] + urls[: offset % len(urls)]
            offset += share
            with log.open("a") as stderr:
                proc = spawn(
                    [PY, str(WORKER)],
                    dict(os.environ),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=stderr,
                    text=True,
                )
            self.procs.append(proc)
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(json.dumps({**config, "urls": mine, "count": share}) + "\n")
            proc.stdin.flush()
            threading.Thread(target=self._read, args=(i, proc.stdout), daemon=True).start()

    def _read(self, index: int, stream: TextIO) -> None:
        for line in stream:
            with contextlib.suppress(json.JSONDecodeError):
                self.messages.put((index, json.loads(line)))
        self.messages.put((index, {"exit": True}))

    def send(self, message: dict[str, Any]) -> None:
        for proc in self.procs:
            if proc.poll() is None and proc.stdin is not None:
                with contextlib.suppress(BrokenPipeError):
                    proc.stdin.write(json.dumps(message) + "\n")
                    proc.stdin.flush()

    def collect(self, key: str, timeout: float) -> list[dict[str, Any]]:
        """Wait for one message carrying `key` from every worker."""
        found: dict[int, dict[str, Any]] = {}
        deadline = time.monotonic() + timeout
        while len(found) < len(self.procs):
            try:
                index, message = self.messages.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"workers did not send {key!r} in {timeout:.0f} s") from None
            if key in message:
                found[index] = message
            elif "exit" in message:
                raise RuntimeError(f"client worker {index} exited before sending {key!r}")
        return [found[i] for i in sorted(found)]

    def wait_done(self, post_ids: set[int], pending: dict[int, int], timeout: float) -> bool:
        """Wait until every worker reported every post in post_ids as delivered."""
        deadline = time.monotonic() + timeout
        while any(pending.get(p, 0) < len(self.procs) for p in post_ids):
            try:
                index, message = self.messages.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                return False
            if "done" in message:
                pending[message["done"]] = pending.get(message["done"], 0) + 1
            elif "exit" in message:
                raise RuntimeError(f"client worker {index} exited")
        return True

    def close(self) -> None:
        self.send({"quit": True})
        for proc in self.procs:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                stop(proc, grace=1)
            if proc in _processes:
                _processes.remove(proc)


@dataclass
class Result:
    mode: str
    processes: int
    clients: int
    replies: int
    latencies: list[float] = field(default_factory=list)
    lost: int = 0
    disorder: int = 0
    api_ms: float = 0.0
    connect_s: float = 0.0
    rss_before_kb: int = 0
    rss_after_kb: int = 0
    note: str = ""
    failed: bool = False

    def percentile(self, p: float) -> float:
        values = sorted(self.latencies)
        return values[max(0, math.ceil(p * len(values)) - 1)] if values else float("nan")

    def row(self) -> str:
        if self.failed and not self.latencies:
            head = f"{self.mode:>9} {self.processes:>5} {self.clients:>7} {self.replies:>7}"
            return f"{head}  FAILED: {self.note}"
        grown = (self.rss_after_kb - self.rss_before_kb) / 1024 * 1000 / self.clients
        return (
            f"{self.mode:>9} {self.processes:>5} {self.clients:>7} {self.replies:>7} "
            f"{self.percentile(0.5):>7.1f} {self.percentile(0.99):>7.1f} "
            f"{max(self.latencies, default=float('nan')):>7.1f} {self.lost:>5} "
            f"{self.api_ms:>6.1f} {self.connect_s:>8.1f} {self.rss_after_kb / 1024:>7.0f} "
            f"{grown:>10.1f}" + (f"  {self.note}" if self.note else "")
        )


HEADER = (
    f"{'mode':>9} {'procs':>5} {'clients':>7} {'replies':>7} {'p50 ms':>7} {'p99 ms':>7} "
    f"{'max ms':>7} {'lost':>5} {'api ms':>6} {'connect s':>8} {'RSS MB':>7} "
    f"{'MB/1000 idle':>10}"
)


class Bench:
    def __init__(self, args: argparse.Namespace, tmp: Path) -> None:
        self.args = args
        self.started = time.monotonic()
        self.tmp = tmp
        self.epoch = time.time()
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("FLASK_", "SOCKETIO_", "WERKZEUG_"))
            and k not in {"REDIS_URL", "DATABASE_URL", "HOST", "PORT", "SECRET_KEY"}
        }
        self.env.update(
            SECRET_KEY=secrets.token_hex(16),
            RATELIMIT_ENABLED="0",
            SOCKETIO_CHANNEL=f"rounds-bench-{os.getpid()}-{secrets.token_hex(4)}",
            PYTHONUNBUFFERED="1",
        )
        self.pg_admin: Any = None
        self.pg_name = ""
        self.env["DATABASE_URL"] = self.database()
        self.flask("db", "upgrade")
        self.flask("users", "create", POSTER, "--name", "Dr Bench Poster", "--password", PASSWORD)
        self.flask("users", "create", READER, "--name", "Dr Bench Reader", "--password", PASSWORD)
        self.tokens: dict[str, str] = {}
        self.seq = 0

    def say(self, what: str) -> None:
        if self.args.verbose:
            print(f"  [{time.monotonic() - self.started:6.1f} s] {what}", file=sys.stderr)

    def database(self) -> str:
        if not self.args.database_url:
            path = self.tmp / "bench.db"
            with contextlib.closing(sqlite3.connect(path)) as conn:
                conn.execute("PRAGMA journal_mode=WAL")  # two processes share the file
            return f"sqlite:///{path}"
        from sqlalchemy import create_engine, make_url, text

        url = make_url(self.args.database_url)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        self.pg_name = f"rounds_bench_{os.getpid()}"
        self.pg_admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with self.pg_admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{self.pg_name}"'))
        return str(url.set(database=self.pg_name).render_as_string(hide_password=False))

    def drop_database(self) -> None:
        if self.pg_admin is not None:
            from sqlalchemy import text

            with self.pg_admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)'))
            self.pg_admin.dispose()
            self.pg_admin = None

    def flask(self, *argv: str) -> None:
        done = subprocess.run(
            [PY, "-m", "flask", "--app", "wsgi", *argv],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode:
            raise RuntimeError(f"flask {' '.join(argv)} failed:\n{done.stdout}{done.stderr}")

    def api(self, server: Server, method: str, path: str, token: str | None, **kw: Any) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = requests.request(
            method, f"{server.url}/api/v1{path}", headers=headers, timeout=60, **kw
        )
        if response.status_code >= 300:
            raise RuntimeError(f"{method} {path}: {response.status_code} {response.text[:300]}")
        return response.json()

    def token(self, server: Server, email: str) -> str:
        if email not in self.tokens:
            body = {"email": email, "password": PASSWORD}
            self.tokens[email] = self.api(server, "POST", "/tokens", None, json=body)["token"]
        return self.tokens[email]

    def run(self, mode: str, processes: int, clients: int, app_module: str) -> Result:
        args = self.args
        result = Result(mode, processes, clients, args.replies)
        env = dict(self.env)
        if processes > 1:
            env["REDIS_URL"] = args.redis_url
        servers = [
            Server(mode, app_module, env, self.tmp / f"{mode}-{processes}-{clients}-{i}.log", args)
            for i in range(processes)
        ]
        workers: Workers | None = None
        try:
            self.say(f"{mode}, {processes} process(es), {clients} clients: starting")
            for server in servers:
                server.wait_ready()
            first = servers[0]
            poster = self.token(first, POSTER)
            self.seq += 1
            thread = self.api(
                first,
                "POST",
                "/threads",
                poster,
                json={
                    "kind": "question",
                    "title": f"Live fan-out bench thread number {self.seq}",
                    "body": "Which loading dose of aspirin do you use in suspected ACS?",
                },
            )
            time.sleep(0.5)
            before = [s.rss_kb() for s in servers]
            config = {
                "token": self.token(first, READER),
                "thread_id": thread["id"],
                "epoch": self.epoch,
            }
            urls = [s.url for s in servers]
            workers = Workers(clients, args.workers, urls, config, self.tmp / "clients.log")
            self.say("servers ready; connecting clients")
            ready = workers.collect("ready", timeout=args.connect_timeout)
            self.say(f"clients subscribed: {ready}")
            result.connect_s = max(r["connect_s"] for r in ready)
            if sum(r["ready"] for r in ready) != clients:
                raise RuntimeError(f"only {sum(r['ready'] for r in ready)} clients connected")
            time.sleep(2)  # idle: let buffers and greenlets settle before reading RSS
            after = [s.rss_kb() for s in servers]
            result.rss_before_kb = sum(before)
            result.rss_after_kb = sum(after)

            self.say(f"RSS before/after: {before} / {after} kB; posting replies")
            pending: dict[int, int] = {}
            post_ids: list[int] = []
            api_times: list[float] = []
            late = 0
            for k in range(args.replies + 1):  # reply 0 warms the path up and is not counted
                marker = time.time() - self.epoch
                start = time.perf_counter()
                post = self.api(
                    first,
                    "POST",
                    f"/threads/{thread['id']}/posts",
                    poster,
                    json={"body": f"Bench reply {k}, sent at t={marker:.6f} s."},
                )
                if k:
                    api_times.append((time.perf_counter() - start) * 1000)
                    post_ids.append(int(post["id"]))
                if not workers.wait_done({int(post["id"])}, pending, timeout=args.timeout):
                    late = k or -1
                    self.say(f"reply {k} not delivered to everyone in {args.timeout} s")
                    break  # bounded: a configuration that cannot keep up stops here
                time.sleep(args.pause)
            workers.wait_done(set(post_ids), pending, timeout=0.5)
            self.say("collecting reports")
            workers.send({"report": True})
            reports = [r["report"] for r in workers.collect("report", timeout=60)]
            for report in reports:
                for post_id, values in report["latencies_ms"].items():
                    if int(post_id) in post_ids:
                        result.latencies += values
                result.disorder += report["disorder"]
            received = sum(
                len(values)
                for report in reports
                for post_id, values in report["latencies_ms"].items()
                if int(post_id) in post_ids
            )
            result.replies = len(post_ids)
            result.lost = clients * len(post_ids) - received
            result.api_ms = statistics.median(api_times) if api_times else float("nan")
            notes = []
            if late:
                which = "the warm-up reply" if late < 0 else f"reply {late}"
                notes.append(f"{which} still missing after {args.timeout:.0f} s: stopped")
            if dropped := clients - sum(r["connected"] for r in reports):
                notes.append(f"{dropped} clients dropped")
            if result.disorder:
                notes.append(f"{result.disorder} out of order")
            result.note = "; ".join(notes)
            result.failed = bool(late or dropped or result.lost or result.disorder)
            return result
        except Exception as exc:
            for server in servers:
                print(f"--- {server.url} log tail:\n{server.tail()}", file=sys.stderr)
            result.failed = True
            result.note = f"{type(exc).__name__}: {exc}"[:200]
            return result
        finally:
            if workers is not None:
                workers.close()
            for server in servers:
                server.stop()


def has_real_subscribe() -> bool:
    """Whether forum.realtime registers the `subscribe` event yet."""
    from forum import create_app
    from forum.extensions import socketio

    create_app(
        {
            "SQLALCHEMY_DATABASE_URI": "sqlite://",
            "SECRET_KEY": "probe",
            "SOCKETIO_ASYNC_MODE": "threading",
            "REDIS_URL": None,
        }
    )
    server = socketio.server
    namespace = server.namespace_handlers.get("/")
    return "subscribe" in server.handlers.get("/", {}) or hasattr(namespace, "on_subscribe")


def redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_timeout=2).ping())
    except redis.RedisError:
        return False


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    mem = next(
        int(line.split()[1]) // 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {mem / 1024:.0f} GiB RAM, "
        f"Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}"
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modes", default="gevent", help="gevent,threading,eventlet")
    parser.add_argument("--clients", default="100,1000", help="client counts")
    parser.add_argument("--processes", default="1,2", help="server process counts")
    parser.add_argument("--replies", type=int, default=20, help="replies per configuration")
    parser.add_argument("--workers", type=int, default=2, help="client processes")
    parser.add_argument("--pause", type=float, default=0.05, help="seconds between replies")
    parser.add_argument("--timeout", type=float, default=30, help="per-reply wait (s)")
    parser.add_argument("--connect-timeout", type=float, default=120)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each configuration")
    parser.add_argument("--bare", action="store_true", help="bare subscribe/emit, not Rounds'")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each phase")
    parser.add_argument("--keep-logs", default=None, help="copy the server logs here")
    parser.add_argument("--eventlet-python", default=None, help="a python with eventlet")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL") or "redis://127.0.0.1:6379/0"
    )
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    modes = [m for m in args.modes.split(",") if m]
    if "eventlet" in modes and not args.eventlet_python:
        raise SystemExit("--modes eventlet needs --eventlet-python (a venv with eventlet)")
    counts = [int(n) for n in args.clients.split(",")]
    process_counts = [int(n) for n in args.processes.split(",")]
    if any(p > 1 for p in process_counts) and not redis_answers(args.redis_url):
        print(f"Redis at {args.redis_url} does not answer: two-process rows skipped.")
        process_counts = [p for p in process_counts if p == 1]
    bare = args.bare or not has_real_subscribe()
    app_module = BARE_APP if bare else "wsgi"
    database = "PostgreSQL" if args.database_url else "SQLite (WAL)"
    protocol = "bare subscribe + emit (bench/live/bare_wsgi.py)" if bare else "Rounds' realtime"
    print(f"live fan-out: {machine()}")
    print(f"{database}, {protocol}, {args.replies} replies per row, {args.workers} client procs")
    print("latency = receipt - time before the reply's API call; api ms = that call's median")
    print(HEADER, flush=True)
    started = time.monotonic()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="rounds-bench-") as tmp:
        bench = Bench(args, Path(tmp))
        try:
            for mode in modes:
                for processes in process_counts:
                    for clients in counts:
                        for _ in range(args.repeat):
                            result = bench.run(mode, processes, clients, app_module)
                            results.append(result)
                            print(result.row(), flush=True)
        finally:
            for proc in list(_processes):
                stop(proc, grace=2)
            bench.drop_database()
            if args.keep_logs:
                Path(args.keep_logs).mkdir(parents=True, exist_ok=True)
                for log in Path(tmp).glob("*.log"):
                    shutil.copy(log, args.keep_logs)
    print(f"({time.monotonic() - started:.0f} s)")
    return 1 if any(r.failed for r in results) else 0


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _terminate)
    sys.exit(main())
