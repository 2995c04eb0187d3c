"""Every role against every predicate: the one table of who may do what."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from flask_login import AnonymousUserMixin

from forum import permissions
from forum.models import utcnow

ROLES = ["anonymous", "learner", "author", "mentor", "coordinator", "admin", "suspended"]


def person(kind: str):  # type: ignore[no-untyped-def]
    if kind == "anonymous":
        return AnonymousUserMixin()
    role = {"author": "learner", "suspended": "learner"}.get(kind, kind)
    until = utcnow() + timedelta(days=2) if kind == "suspended" else None
    return SimpleNamespace(
        id=1 if kind == "author" else 2, role=role, is_authenticated=True, suspended_until=until
    )


def thread(kind: str = "question", locked: bool = False, deleted: bool = False):  # type: ignore[no-untyped-def]
    return SimpleNamespace(
        id=10,
        author_id=1,
        locked=locked,
        deleted_at=utcnow() if deleted else None,
        is_question=kind == "question",
    )


def post(number: int = 2, locked: bool = False, deleted: bool = False, hidden: bool = False):  # type: ignore[no-untyped-def]
    t = thread(locked=locked)
    return SimpleNamespace(
        id=100,
        thread=t,
        thread_id=t.id,
        author_id=1,
        number=number,
        is_opening=number == 1,
        is_deleted=deleted,
        is_hidden=hidden,
    )


def member(role: str = "learner"):  # type: ignore[no-untyped-def]
    """Someone else, the target of a suspension."""
    return SimpleNamespace(id=3, role=role, is_authenticated=True, suspended_until=None)


# action -> (predicate call, the roles that may do it)
MATRIX = {
    "read": (lambda u: permissions.can_read(u, thread()), set(ROLES)),
    "read deleted thread": (
        lambda u: permissions.can_read(u, thread(deleted=True)),
        {"author", "coordinator", "admin"},
    ),
    "create thread": (
        permissions.can_create_thread,
        {"learner", "author", "mentor", "coordinator", "admin"},
    ),
    "reply": (
        lambda u: permissions.can_reply(u, thread()),
        {"learner", "author", "mentor", "coordinator", "admin"},
    ),
    "reply to locked": (
        lambda u: permissions.can_reply(u, thread(locked=True)),
        {"coordinator", "admin"},
    ),
    "edit own reply": (
        lambda u: permissions.can_edit(u, post()),
        {"author", "coordinator", "admin"},
    ),
    "edit in locked thread": (
        lambda u: permissions.can_edit(u, post(locked=True)),
        {"coordinator", "admin"},
    ),
    "delete reply": (
        lambda u: permissions.can_delete(u, post()),
        {"author", "coordinator", "admin"},
    ),
    "delete opening post": (
        lambda u: permissions.can_delete(u, post(number=1)),
        {"coordinator", "admin"},
    ),
    "vote": (
        lambda u: permissions.can_vote(u, post()),
        {"learner", "mentor", "coordinator", "admin"},
    ),
    "endorse": (lambda u: permissions.can_endorse(u, post()), {"mentor", "admin"}),
    "endorse opening post": (lambda u: permissions.can_endorse(u, post(number=1)), set()),
    "accept answer": (
        lambda u: permissions.can_accept(u, thread(), post()),
        {"author", "coordinator", "admin"},
    ),
    "accept on a case": (lambda u: permissions.can_accept(u, thread(kind="case")), set()),
    "moderate": (permissions.can_moderate, {"coordinator", "admin"}),
    "flag": (
        lambda u: permissions.can_flag(u, post()),
        {"learner", "mentor", "coordinator", "admin"},
    ),
    "flag a deleted post": (lambda u: permissions.can_flag(u, post(deleted=True)), set()),
    "hide": (lambda u: permissions.can_hide(u, post()), {"coordinator", "admin"}),
    "read a hidden post": (
        lambda u: permissions.can_view_hidden(u, post(hidden=True)),
        {"author", "coordinator", "admin"},
    ),
    "view revisions": (lambda u: permissions.can_view_revisions(u, post()), set(ROLES)),
    "view revisions of a hidden post": (
        lambda u: permissions.can_view_revisions(u, post(hidden=True)),
        {"author", "coordinator", "admin"},
    ),
    "lock": (lambda u: permissions.can_lock(u, thread()), {"coordinator", "admin"}),
    "pin": (lambda u: permissions.can_pin(u, thread()), {"coordinator", "admin"}),
    "move": (lambda u: permissions.can_move(u, thread()), {"coordinator", "admin"}),
    "suspend a member": (
        lambda u: permissions.can_suspend(u, member()),
        {"coordinator", "admin"},
    ),
    "suspend a coordinator": (
        lambda u: permissions.can_suspend(u, member("coordinator")),
        {"admin"},
    ),
    "suspend oneself": (lambda u: permissions.can_suspend(u, u), set()),
    "read the audit log": (permissions.can_read_audit, {"coordinator", "admin"}),
    "set roles": (permissions.can_set_role, {"admin"}),
}


@pytest.mark.parametrize("action", MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(action: str, role: str) -> None:
    check, allowed = MATRIX[action]
    assert bool(check(person(role))) == (role in allowed), f"{role} / {action}"


def test_every_predicate_is_in_the_matrix_or_named_here() -> None:
    covered = {
        "can_read",
        "can_create_thread",
        "can_reply",
        "can_edit",
        "can_delete",
        "can_vote",
        "can_endorse",
        "can_accept",
        "can_moderate",
        "can_flag",
        "can_hide",
        "can_view_hidden",
        "can_lock",
        "can_pin",
        "can_move",
        "can_suspend",
        "can_read_audit",
        "can_set_role",
        "can_view_revisions",
        "can_edit_profile",
        "is_staff",
        "is_suspended",
    }
    assert set(permissions.PREDICATES) == covered
