"""One process of bench clients: many python-socketio clients on gevent greenlets.

Driven by live_fanout.py over stdin/stdout, one JSON object per line:

  in   {"urls": [...], "count": N, "token": "...", "thread_id": T}
  out  {"ready": N, "connect_s": ...}        every client connected and subscribed
  out  {"done": POST_ID}                    every client of this process got that post
  in   {"report": true}
  out  {"report": {"latencies_ms": {...}, "received": {...}, "disorder": n, ...}}
  in   {"quit": true}                        disconnect everyone and exit

A reply's body carries `t=<seconds since `epoch`, just before the API call>`; latency is the time
of receipt minus that marker (one machine, one clock).
"""

from gevent import monkey

monkey.patch_all()

import json  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from typing import Any  # noqa: E402

import gevent  # noqa: E402
import socketio  # noqa: E402
from gevent.fileobject import FileObjectPosix  # noqa: E402
from gevent.pool import Pool  # noqa: E402

MARKER = re.compile(r"t=(\d+\.\d+)")
CONNECT_CONCURRENCY = 50


def out(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def main() -> None:
    raise_fd_limit()
    stdin = FileObjectPosix(sys.stdin.fileno(), "rb")
    config = json.loads(stdin.readline())
    urls: list[str] = config["urls"]
    count: int = config["count"]
    token: str | None = config.get("token")
    thread_id: int = config["thread_id"]
    epoch: float = config.get("epoch", 0.0)

    # post id -> latencies (ms) of the clients that got it; per client, what arrived.
    latencies: dict[int, list[float]] = defaultdict(list)
    got: dict[int, int] = defaultdict(int)
    seen: list[set[int]] = [set() for _ in range(count)]
    last_event: list[int] = [0] * count
    disorder = [0]
    duplicates = [0]
    clients: list[socketio.Client] = []

    def connect(i: int) -> None:
        sio = socketio.Client(reconnection=False)

        @sio.on("post_created")
        def post_created(data: dict[str, Any]) -> None:
            now = time.time()
            post = data["post"]
            post_id = int(post["id"])
            if post_id in seen[i]:
                duplicates[0] += 1
                return
            seen[i].add(post_id)
            event_id = data.get("event_id")
            if isinstance(event_id, int):
                if event_id <= last_event[i]:
                    disorder[0] += 1
                last_event[i] = event_id
            match = MARKER.search(post.get("source") or "")
            if match:
                latencies[post_id].append((now - epoch - float(match.group(1))) * 1000)
            got[post_id] += 1
            if got[post_id] == count:
                out({"done": post_id})

        auth = {"token": token} if token else None
        sio.connect(urls[i % len(urls)], transports=["websocket"], auth=auth, wait_timeout=30)
        ack = sio.call("subscribe", {"thread_id": thread_id}, timeout=30)
        if not (isinstance(ack, dict) and ack.get("ok")):
            raise RuntimeError(f"subscribe refused: {ack!r}")
        clients.append(sio)

    start = time.monotonic()
    Pool(CONNECT_CONCURRENCY).map(connect, range(count))
    out({"ready": len(clients), "connect_s": round(time.monotonic() - start, 2)})

    while line := stdin.readline():
        command = json.loads(line)
        if command.get("report"):
            out(
                {
                    "report": {
                        "latencies_ms": {str(k): v for k, v in latencies.items()},
                        "received": sum(len(s) for s in seen),
                        "disorder": disorder[0],
                        "duplicates": duplicates[0],
                        "connected": sum(1 for c in clients if c.connected),
                    }
                }
            )
        elif command.get("quit"):
            break
    gevent.joinall([gevent.spawn(c.disconnect) for c in clients], timeout=10)


if __name__ == "__main__":
    main()
