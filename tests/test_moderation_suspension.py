"""Suspensions: the member reads but cannot write, and is told until when and why, on every
page and in every refusal; lifting the suspension gives the pen back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, User, utcnow

REASON = "Posted patient names twice"


def suspend_over_api(api, coordinator, member, days: int = 7, reason: str = REASON):  # type: ignore[no-untyped-def]
    return api(coordinator).post(
        f"/api/v1/users/{member.id}/suspension", json={"days": days, "reason": reason}
    )


def test_suspend_over_the_api(api, learner, coordinator) -> None:  # type: ignore[no-untyped-def]
    response = suspend_over_api(api, coordinator, learner, days=7)
    assert response.status_code == 201
    body = response.get_json()
    assert body["reason"] == REASON and body["user_id"] == learner.id
    until = db.session.get(User, learner.id).suspended_until
    assert until is not None and body["suspended_until"] == until.isoformat()
    assert timedelta(days=6, hours=23) < until - utcnow() <= timedelta(days=7)
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "user.suspend")).one()
    assert (entry.actor_id, entry.target_type, entry.target_id) == (
        coordinator.id,
        "user",
        learner.id,
    )
    assert entry.reason == REASON and entry.data["days"] == 7


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"days": 0, "reason": "x"}, "days"),
        ({"days": 366, "reason": "x"}, "days"),
        ({"days": True, "reason": "x"}, "days"),
        ({"reason": "x"}, "days"),
        ({"days": 3}, "reason"),
        ({"days": 3, "reason": " "}, "reason"),
    ],
)
def test_days_and_reason_are_required(api, learner, coordinator, body, field) -> None:  # type: ignore[no-untyped-def]
    response = api(coordinator).post(f"/api/v1/users/{learner.id}/suspension", json=body)
    assert response.status_code == 422 and field in response.get_json()["error"]["fields"]
    assert db.session.get(User, learner.id).suspended_until is None


def test_who_may_suspend_whom(api, learner, mentor, coordinator, admin, make_user) -> None:  # type: ignore[no-untyped-def]
    other_coordinator = make_user("coordinator")
    assert suspend_over_api(api, mentor, learner).status_code == 403
    assert suspend_over_api(api, learner, mentor).status_code == 403
    assert suspend_over_api(api, coordinator, coordinator).status_code == 403
    assert suspend_over_api(api, coordinator, other_coordinator).status_code == 403
    assert suspend_over_api(api, admin, other_coordinator).status_code == 201
    assert (
        api(coordinator)
        .post("/api/v1/users/999999/suspension", json={"days": 1, "reason": "x"})
        .status_code
        == 404
    )


def test_a_suspended_member_is_told_until_when_and_why(
    api, make_browser, make_thread, make_reply, learner, other_learner, coordinator
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(other_learner)
    theirs = make_reply(learner, thread, "Written before the suspension.")
    suspend_over_api(api, coordinator, learner, days=3)
    until = db.session.get(User, learner.id).suspended_until
    when = f"{until.day} {until:%b %Y, %H:%M} UTC"
    message = f"Your account is suspended until {when}: {REASON}. You can read but not post."
    client = api(learner)
    refusals = [
        client.post(f"/api/v1/threads/{thread.id}/posts", json={"body": "Hello?"}),
        client.post(
            "/api/v1/threads", json={"kind": "question", "title": "Can I still ask?", "body": "?"}
        ),
        client.patch(f"/api/v1/posts/{theirs.id}", json={"body": "Changed."}),
        client.put(f"/api/v1/posts/{theirs.id}/vote", json={"value": 1}),
        client.post(f"/api/v1/posts/{theirs.id}/flags", json={"reason": "spam"}),
        client.patch("/api/v1/me", json={"bio": "A public bio is public text too."}),
    ]
    for response in refusals:
        assert response.status_code == 403, response.get_json()
        assert response.get_json()["error"]["message"] == message
    assert client.get(f"/api/v1/threads/{thread.id}").status_code == 200  # reading is fine
    browser = make_browser(learner)
    for url in ("/", f"/threads/{thread.id}", "/specialties"):
        page = browser.get(url).get_data(as_text=True)
        assert message in page, url
    assert f'action="/threads/{thread.id}/reply"' not in browser.get(
        f"/threads/{thread.id}"
    ).get_data(as_text=True)
    web = browser.post(f"/threads/{thread.id}/reply", {"body": "Through the form."})
    assert web.status_code == 403 and message in web.get_data(as_text=True)
    new = browser.post("/new/question", {"title": "A question while suspended", "body": "?"})
    assert new.status_code == 403 and message in new.get_data(as_text=True)
    assert message not in make_browser(other_learner).get("/").get_data(as_text=True)


def test_lifting_restores_posting(api, make_browser, make_thread, learner, coordinator) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(coordinator)
    suspend_over_api(api, coordinator, learner)
    url = f"/api/v1/users/{learner.id}/suspension"
    assert api(learner).delete(url).status_code == 403
    lifted = api(coordinator).delete(url, json={"reason": "Apologised"})
    assert lifted.status_code == 204 and lifted.data == b""
    assert db.session.get(User, learner.id).suspended_until is None
    assert api(coordinator).delete(url).status_code == 404
    assert (
        api(learner).post(f"/api/v1/threads/{thread.id}/posts", json={"body": "Back."}).status_code
        == 201
    )
    assert "suspended" not in make_browser(learner).get("/").get_data(as_text=True)
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-2:] == ["user.suspend", "user.unsuspend"]


def test_an_expired_suspension_is_no_suspension(api, make_thread, learner, coordinator) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(coordinator)
    user = db.session.get(User, learner.id)
    user.suspended_until = utcnow() - timedelta(minutes=1)
    user.suspension_reason = "Old"
    db.session.commit()
    assert (
        api(learner).post(f"/api/v1/threads/{thread.id}/posts", json={"body": "Fine."}).status_code
        == 201
    )


def test_suspend_and_lift_from_the_member_page(make_browser, learner, coordinator) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(coordinator)
    page = browser.get(f"/moderation/users/{learner.handle}").get_data(as_text=True)
    assert f'action="/moderation/users/{learner.handle}/suspend"' in page
    bad = browser.post(f"/moderation/users/{learner.handle}/suspend", {"days": "0", "reason": ""})
    assert bad.status_code == 422
    done = browser.post(
        f"/moderation/users/{learner.handle}/suspend", {"days": "2", "reason": REASON}
    )
    assert done.status_code == 302
    page = browser.get(f"/moderation/users/{learner.handle}").get_data(as_text=True)
    assert "Suspended until" in page and REASON in page and "user.suspend" in page
    assert (
        browser.post(f"/moderation/users/{learner.handle}/unsuspend", {"reason": "ok"}).status_code
        == 302
    )
    assert db.session.get(User, learner.id).suspended_until is None
    assert make_browser(learner).get(f"/moderation/users/{coordinator.handle}").status_code == 403
    assert browser.get("/moderation/users/nobody-here").status_code == 404


def test_a_suspended_coordinator_cannot_moderate(
    api, make_thread, learner, coordinator, admin
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    assert (
        suspend_over_api(api, admin, coordinator, days=1, reason="Holiday lock").status_code == 201
    )
    refused = api(coordinator).patch(f"/api/v1/threads/{thread.id}", json={"locked": True})
    assert refused.status_code == 403 and "Holiday lock" in refused.get_json()["error"]["message"]
