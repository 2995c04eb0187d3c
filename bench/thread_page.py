"""How the thread page scales with its replies: time per request and SQL statements.

Prints, for threads of 10, 100 and 1000 replies, the median and p95 time of GET
/threads/<id> (the first page of replies, anonymous and signed in) through the WSGI
stack, and the number of SQL statements each request ran. Run: `make bench`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forum import create_app
from forum.extensions import db
from forum.services import accounts, posting, taxonomy

PASSWORD = "bench password 1"
ROUNDS = 60


def build(app, replies: int) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        user = accounts.create_user(f"u{replies}@bench.example", PASSWORD, "Bench User", "mentor")
        thread = posting.create_thread(
            user, "question", f"A bench thread with {replies} replies", "Which dose?"
        )
        peer = accounts.create_user(f"p{replies}@bench.example", PASSWORD, "Peer", "learner")
        for i in range(replies):
            posting.reply(peer if i % 2 else user, thread, f"Reply **{i}** with a [link](/x).")
        return thread.id


def measure(client, url: str) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append("x")

    times = []
    for i in range(ROUNDS):
        if i == ROUNDS - 1:
            with client.application.app_context():
                event.listen(db.engine, "before_cursor_execute", count)
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    with client.application.app_context():
        event.remove(db.engine, "before_cursor_execute", count)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(statements)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.db",
                "SECRET_KEY": "bench",
                "RATELIMIT_ENABLED": False,
                "WTF_CSRF_ENABLED": False,
            }
        )
        with app.app_context():
            db.create_all()
            taxonomy.create_specialty(None, "Cardiology")
        print(f"thread page, {ROUNDS} requests each (SQLite, test client, one process)")
        print(f"{'replies':>8} {'viewer':>10} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for replies in (10, 100, 1000):
            thread_id = build(app, replies)
            anon = app.test_client()
            signed = app.test_client()
            login = {"email": f"p{replies}@bench.example", "password": PASSWORD}
            assert signed.post("/login", data=login).status_code == 302
            url = f"/threads/{thread_id}"
            for name, client in (("anonymous", anon), ("signed in", signed)):
                median, p95, queries = measure(client, url)
                print(f"{replies:>8} {name:>10} {median:>10.1f} {p95:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
