"""The operator's commands: users, roles, specialties, the demo seed."""

from __future__ import annotations

from sqlalchemy import func, select

from forum.extensions import db
from forum.models import Endorsement, Post, Thread, User


def run(app, *args: str):  # type: ignore[no-untyped-def]
    return app.test_cli_runner().invoke(args=list(args))


def test_users_create_with_a_role_and_specialty(app) -> None:  # type: ignore[no-untyped-def]
    result = run(
        app, "users", "create", "kim@example.com", "--name", "Dr Kim Lee",
        "--password", "long enough pw", "--role", "mentor", "--specialty", "cardiology",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).filter_by(email="kim@example.com"))
    assert user.role == "mentor" and user.mentor_verified
    assert user.mentor_specialty.slug == "cardiology"


def test_users_create_explains_bad_input(app) -> None:  # type: ignore[no-untyped-def]
    result = run(app, "users", "create", "not-an-email", "--name", "X", "--password", "short")
    assert result.exit_code != 0
    assert "email" in result.output.lower()


def test_users_set_role(app, learner) -> None:  # type: ignore[no-untyped-def]
    result = run(app, "users", "set-role", learner.email, "coordinator")
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert db.session.get(User, learner.id).role == "coordinator"
    missing = run(app, "users", "set-role", "nobody@example.com", "mentor")
    assert missing.exit_code != 0 and "No user" in missing.output


def test_specialties_add_and_list(app) -> None:  # type: ignore[no-untyped-def]
    assert run(app, "specialties", "add", "Palliative Care").exit_code == 0
    listing = run(app, "specialties", "list").output
    assert "palliative-care" in listing and "cardiology" in listing
    again = run(app, "specialties", "add", "Palliative Care")
    assert again.exit_code != 0


def test_seed_builds_a_community_once(app) -> None:  # type: ignore[no-untyped-def]
    first = run(app, "seed", "--if-empty")
    assert first.exit_code == 0, first.output
    roles = set(db.session.scalars(select(User.role)))
    assert roles == {"learner", "mentor", "coordinator", "admin"}
    threads = db.session.scalar(select(func.count(Thread.id)))
    assert threads >= 12
    assert db.session.scalar(select(func.count(Endorsement.id))) > 5
    assert db.session.scalar(
        select(func.count(Thread.id)).where(Thread.accepted_post_id.is_not(None))
    )
    assert db.session.scalar(select(func.count(Post.id)).where(Post.number > 1)) > 30
    second = run(app, "seed", "--if-empty")
    assert "already" in second.output
    assert db.session.scalar(select(func.count(Thread.id))) == threads
