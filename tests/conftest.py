"""Fixtures that build data, over SQLite and (when TEST_DATABASE_URL is set) PostgreSQL.

Every test that uses `app` runs once per database. The schema is built once per database
and each test starts from empty tables.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, event, make_url, text
from sqlalchemy.exc import OperationalError

from forum import create_app
from forum.extensions import db
from forum.models import Post, Thread, User
from forum.services import accounts, posting, taxonomy

PASSWORD = "correct horse battery"
DATABASES = ["sqlite"]
if os.environ.get("TEST_DATABASE_URL"):
    DATABASES.append("postgresql")


def database_url(kind: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A private database for this test process: concurrent runs never share tables."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'rounds.db'}"
    return private_postgres_database(os.environ["TEST_DATABASE_URL"])


def private_postgres_database(server_url: str) -> str:
    """Create a fresh database next to TEST_DATABASE_URL's and return its URL."""
    url = make_url(server_url)
    name = f"rounds_test_{os.getpid()}_{next(_db_seq)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL at {url.host}:{url.port} does not answer: {exc}")
    finally:
        admin.dispose()
    _created.append((url, name))
    return url.set(database=name).render_as_string(hide_password=False)


_db_seq = itertools.count(1)
_created: list[Any] = []


def drop_private_databases() -> None:
    for url, name in _created:
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    _created.clear()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    drop_private_databases()


class IsolatedClient(FlaskClient):
    """Each request runs in its own app context, with its own `g` and database session,
    exactly as in production; afterwards the test's own session is expired so it reads
    what the request committed."""

    def open(self, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.expire_all()
        return response


def make_app(url: str, **extra: Any) -> Flask:
    application = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": url,
            "RATELIMIT_ENABLED": False,
            "SOCKETIO_ASYNC_MODE": "threading",
            # scrypt costs ~0.1 s a hash; the suite makes thousands. Production keeps scrypt.
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "PRESENCE_INTERVAL": 0,  # presence at once; test_realtime checks the batching
            "REDIS_URL": None,
            **extra,
        }
    )
    application.test_client_class = IsolatedClient
    return application


@pytest.fixture(scope="session", params=DATABASES)
def app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Flask]:
    """The application on one database; the schema built once, from the models."""
    application = make_app(database_url(request.param, tmp_path_factory))
    with application.app_context():
        db.drop_all()
        db.create_all()
    yield application
    with application.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def empty_tables() -> None:
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    else:
        for name in tables:
            db.session.execute(text(f"DELETE FROM {name}"))
    db.session.commit()


@pytest.fixture(autouse=True)
def _clean_database(request: pytest.FixtureRequest) -> Iterator[None]:
    if "app" not in request.fixturenames:
        yield
        return
    application: Flask = request.getfixturevalue("app")
    with application.app_context():
        empty_tables()
        taxonomy.create_specialty(None, "Cardiology")
        taxonomy.create_specialty(None, "Emergency Medicine")
        db.session.remove()
    ctx = application.app_context()
    ctx.push()
    yield
    db.session.remove()
    ctx.pop()


_seq = itertools.count(1)


@pytest.fixture
def make_user(app: Flask):  # type: ignore[no-untyped-def]
    """make_user(role="mentor", specialty="cardiology", name=..., email=...)."""

    def make(role: str = "learner", specialty: str | None = None, **kw: Any) -> User:
        n = next(_seq)
        email = kw.pop("email", f"user{n}@example.com")
        name = kw.pop("name", f"Member {n}")
        user = accounts.create_user(email, kw.pop("password", PASSWORD), name, role, specialty)
        return user

    return make


@pytest.fixture
def learner(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("learner", name="Lena Learner")


@pytest.fixture
def other_learner(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("learner", name="Omar Other")


@pytest.fixture
def mentor(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("mentor", specialty="cardiology", name="Maya Mentor")


@pytest.fixture
def coordinator(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("coordinator", name="Cora Coordinator")


@pytest.fixture
def admin(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("admin", name="Ada Admin")


CASE = {
    "presentation": "A patient in their 60s presents with 2 hours of central chest pain.",
    "history": "Hypertension, smoker. Takes amlodipine 5 mg daily.",
    "examination": "BP 150/90, HR 98, SpO2 97% on air. Diaphoretic.",
    "investigations": "ECG: 2 mm ST elevation in II, III, aVF. Troponin pending.",
    "question": "What is your next step, and what would change your management?",
    "learning_points": "",
}


@pytest.fixture
def make_thread(app: Flask):  # type: ignore[no-untyped-def]
    """make_thread(author, kind="question", title=..., body=..., specialty=..., tags=...)."""

    def make(author: User, kind: str = "question", **kw: Any) -> Thread:
        title = kw.pop("title", f"An example {kind} for discussion number {next(_seq)}")
        if kind == "case" and "body" not in kw:
            kw.setdefault("sections", dict(CASE))
        else:
            kw.setdefault("body", "What dose of aspirin do you load with in suspected ACS?")
        body = kw.pop("body", None)
        return posting.create_thread(author, kind, title, body, **kw)

    return make


@pytest.fixture
def make_reply(app: Flask):  # type: ignore[no-untyped-def]
    def make(author: User, thread: Thread, body: str = "Load with 300 mg, chewed.") -> Post:
        return posting.reply(author, thread, body)

    return make


CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


class Browser:
    """A test client that behaves like a person with a browser: forms carry the CSRF token."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def csrf(self) -> str:
        page = self.client.get("/login").get_data(as_text=True)
        match = CSRF_META.search(page)
        assert match, "pages must carry <meta name=csrf-token> for forms and fetch calls"
        return match.group(1)

    def login(self, user: User, password: str = PASSWORD, remember: bool = False):  # type: ignore[no-untyped-def]
        data = {"email": user.email, "password": password}
        if remember:
            data["remember"] = "y"
        response = self.post("/login", data)
        assert response.status_code in (302, 303), response.get_data(as_text=True)[:500]
        return response

    def logout(self):  # type: ignore[no-untyped-def]
        return self.post("/logout", {})

    def get(self, url: str, **kw: Any):  # type: ignore[no-untyped-def]
        return self.client.get(url, **kw)

    def post(self, url: str, data: dict[str, Any] | None = None, **kw: Any):  # type: ignore[no-untyped-def]
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf())
        return self.client.post(url, data=data, **kw)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def browser(app: Flask) -> Browser:
    return Browser(app.test_client())


@pytest.fixture
def make_browser(app: Flask):  # type: ignore[no-untyped-def]
    """A fresh browser, optionally logged in as a user."""

    def make(user: User | None = None) -> Browser:
        b = Browser(app.test_client())
        if user is not None:
            b.login(user)
        return b

    return make


@pytest.fixture
def api(app: Flask):  # type: ignore[no-untyped-def]
    """api(user) -> a client whose requests carry that user's bearer token."""

    class Api:
        def __init__(self, token: str | None) -> None:
            self.client = app.test_client()
            self.headers = {"Authorization": f"Bearer {token}"} if token else {}

        def __getattr__(self, method: str):  # type: ignore[no-untyped-def]
            def call(url: str, json: Any = None, **kw: Any):  # type: ignore[no-untyped-def]
                headers = {**self.headers, **kw.pop("headers", {})}
                fn = getattr(self.client, method)
                if json is not None:
                    kw["json"] = json
                return fn(url, headers=headers, **kw)

            return call

    def make(user: User | None = None) -> Api:
        token = accounts.issue_token(user.email, PASSWORD) if user else None
        return Api(token)

    return make


@contextmanager
def _counting() -> Iterator[list[str]]:
    statements: list[str] = []

    def before(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


@pytest.fixture
def count_queries(app: Flask):  # type: ignore[no-untyped-def]
    """`with count_queries() as q: ...; len(q)` counts the SQL statements run."""
    return _counting
