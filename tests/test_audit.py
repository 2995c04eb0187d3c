"""The audit log: staff read and filter it (page and API); nobody, and no route, changes it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry
from forum.services import audit, moderation


@pytest.fixture
def story(make_thread, make_reply, learner, other_learner, mentor, coordinator, admin, make_user):  # type: ignore[no-untyped-def]
    """A few actions by different people: flags, an automatic hide, a lock, a suspension."""
    thread = make_thread(learner)
    post = make_reply(other_learner, thread, "A reply.")
    for user in (learner, mentor, make_user()):
        moderation.flag_post(user, post, "spam")
    moderation.update_thread(coordinator, thread, locked=True, reason="Cooling off")
    moderation.suspend(admin, other_learner, 2, "Spam")
    return post


def actions(body) -> list[str]:  # type: ignore[no-untyped-def]
    return [item["action"] for item in body["items"]]


def test_the_log_lists_newest_first_with_who_what_target_when_why(api, story, coordinator) -> None:  # type: ignore[no-untyped-def]
    body = api(coordinator).get("/api/v1/audit").get_json()
    # (The test database starts with two specialties, created by the system.)
    assert actions(body) == [
        "user.suspend",
        "thread.lock",
        "post.auto_hide",
        "flag.raise",
        "flag.raise",
        "flag.raise",
        "specialty.create",
        "specialty.create",
    ]
    assert (body["page"], body["pages"], body["total"]) == (1, 1, 8)
    lock = body["items"][1]
    assert lock["actor"]["id"] == coordinator.id and lock["reason"] == "Cooling off"
    assert lock["target_type"] == "thread" and lock["created_at"]
    assert body["items"][2]["actor"] is None  # the system hid the post


def test_filters_by_actor_action_and_target(api, story, learner, coordinator, admin) -> None:  # type: ignore[no-untyped-def]
    get = api(admin).get
    assert actions(get(f"/api/v1/audit?actor={coordinator.handle}").get_json()) == ["thread.lock"]
    assert actions(get(f"/api/v1/audit?actor=@{admin.handle}").get_json()) == ["user.suspend"]
    assert actions(get(f"/api/v1/audit?actor={learner.id}").get_json()) == ["flag.raise"]
    system = actions(get("/api/v1/audit?actor=system").get_json())
    assert system == ["post.auto_hide", "specialty.create", "specialty.create"]
    assert get("/api/v1/audit?actor=nobody").get_json()["total"] == 0
    assert get("/api/v1/audit?actor=99999999999").get_json()["total"] == 0
    assert actions(get("/api/v1/audit?action=thread.lock").get_json()) == ["thread.lock"]
    assert actions(get("/api/v1/audit?action=flag").get_json()) == ["flag.raise"] * 3
    both = get(f"/api/v1/audit?actor={admin.handle}&action=thread.lock").get_json()
    assert both["total"] == 0
    target = get(f"/api/v1/audit?target=post:{story.id}").get_json()
    assert actions(target) == ["post.auto_hide", "flag.raise", "flag.raise", "flag.raise"]
    assert get("/api/v1/audit?target=nonsense").status_code == 422
    assert get("/api/v1/audit?page=0").status_code == 422
    assert get("/api/v1/audit?page=2").get_json()["items"] == []


def test_the_audit_page_filters_too(make_browser, story, coordinator) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(coordinator)
    page = browser.get("/moderation/audit").get_data(as_text=True)
    for text in ("user.suspend", "thread.lock", "Rounds (automatic)", "Cooling off"):
        assert text in page
    only = browser.get(f"/moderation/audit?actor={coordinator.handle}&action=thread").get_data(
        as_text=True
    )
    assert 'data-action="thread.lock"' in only and 'data-action="user.suspend"' not in only
    assert browser.get("/moderation/audit?page=abc").status_code == 422


def test_the_log_is_for_staff_only(api, client, make_browser, story, learner, mentor) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/v1/audit").status_code == 401
    for user in (learner, mentor):
        assert api(user).get("/api/v1/audit").status_code == 403
        assert make_browser(user).get("/moderation/audit").status_code == 403
    anonymous = make_browser().get("/moderation/audit")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]


@pytest.mark.parametrize("method", ["put", "patch", "delete", "post"])
def test_no_route_changes_the_log(api, make_browser, story, admin, method) -> None:  # type: ignore[no-untyped-def]
    entry_id = db.session.scalars(select(AuditEntry.id)).first()
    assert getattr(api(admin), method)("/api/v1/audit", json={}).status_code == 405
    assert getattr(api(admin), method)(f"/api/v1/audit/{entry_id}", json={}).status_code in (
        404,
        405,
    )
    browser = make_browser(admin)
    assert getattr(browser.client, method)("/moderation/audit").status_code in (400, 405)
    assert db.session.scalar(select(AuditEntry.reason).where(AuditEntry.id == entry_id)) is not None


def test_the_application_refuses_to_edit_or_delete_an_entry(story) -> None:  # type: ignore[no-untyped-def]
    entry = db.session.scalars(select(AuditEntry)).first()
    entry.reason = "rewritten"
    with pytest.raises(audit.AppendOnly):
        db.session.commit()
    db.session.rollback()
    entry = db.session.scalars(select(AuditEntry)).first()
    db.session.delete(entry)
    with pytest.raises(audit.AppendOnly):
        db.session.commit()
    db.session.rollback()
    assert db.session.scalars(select(AuditEntry.reason)).first() != "rewritten"
    assert db.session.scalar(select(db.func.count(AuditEntry.id))) == 8
