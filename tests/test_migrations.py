"""The migrations build exactly the models' schema, on SQLite and PostgreSQL."""

from __future__ import annotations

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from forum.extensions import db
from tests.conftest import DATABASES, make_app, private_postgres_database


@pytest.fixture(params=DATABASES)
def fresh_app(request: pytest.FixtureRequest, tmp_path):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'migrated.db'}"
    else:
        url = private_postgres_database(os.environ["TEST_DATABASE_URL"])
    application = make_app(url)
    yield application
    with application.app_context():
        db.engine.dispose()


def test_migrations_match_the_models(fresh_app) -> None:  # type: ignore[no-untyped-def]
    with fresh_app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "compare_server_default": False}
            )
            drift = compare_metadata(context, db.metadata)
        assert drift == [], f"models and migrations disagree: {drift}"


def test_migrations_downgrade_to_nothing_and_back(fresh_app) -> None:  # type: ignore[no-untyped-def]
    with fresh_app.app_context():
        upgrade()
        downgrade(revision="base")
        names = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert names == set()
        upgrade()
        assert "posts" in inspect(db.engine).get_table_names()
