"""Thread controls: lock, pin and move, through the pages and `PATCH /api/v1/threads/{id}`."""

from __future__ import annotations

from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, Thread


def entries() -> list[tuple[str, str, dict]]:  # type: ignore[type-arg]
    rows = db.session.scalars(
        select(AuditEntry).where(AuditEntry.target_type == "thread").order_by(AuditEntry.id)
    )
    return [(e.action, e.reason, e.data) for e in rows]


def test_a_locked_thread_refuses_learners_replies(
    api, make_browser, make_thread, learner, other_learner, coordinator
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    url = f"/api/v1/threads/{thread.id}"
    locked = api(coordinator).patch(url, json={"locked": True, "reason": "Heated"})
    assert locked.status_code == 200
    assert locked.get_json()["locked"] is True and locked.get_json()["posts"]
    refused = api(other_learner).post(f"{url}/posts", json={"body": "One more thing."})
    assert refused.status_code == 403
    web = make_browser(other_learner)
    page = web.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "This thread is locked" in page
    assert f'action="/threads/{thread.id}/reply"' not in page
    assert web.post(f"/threads/{thread.id}/reply", {"body": "Still here."}).status_code == 403
    assert api(coordinator).post(f"{url}/posts", json={"body": "Staff note."}).status_code == 201
    assert api(coordinator).patch(url, json={"locked": False}).get_json()["locked"] is False
    assert api(other_learner).post(f"{url}/posts", json={"body": "Thanks."}).status_code == 201
    assert [a for a, _, _ in entries()] == ["thread.lock", "thread.unlock"]
    assert entries()[0][1] == "Heated"


def test_a_pinned_thread_comes_first(api, client, make_thread, learner, coordinator) -> None:  # type: ignore[no-untyped-def]
    older = make_thread(learner, title="The older thread, to be pinned")
    newer = make_thread(learner, title="The newer thread, unpinned")
    assert [t["id"] for t in client.get("/api/v1/threads").get_json()["items"]][:2] == [
        newer.id,
        older.id,
    ]
    pinned = api(coordinator).patch(f"/api/v1/threads/{older.id}", json={"pinned": True})
    assert pinned.get_json()["pinned"] is True
    assert [t["id"] for t in client.get("/api/v1/threads").get_json()["items"]][:2] == [
        older.id,
        newer.id,
    ]
    assert client.get("/").get_data(as_text=True).index(older.title) < client.get("/").get_data(
        as_text=True
    ).index(newer.title)
    api(coordinator).patch(f"/api/v1/threads/{older.id}", json={"pinned": False})
    assert [a for a, _, _ in entries()] == ["thread.pin", "thread.unpin"]


def test_moving_a_thread_changes_the_specialty_listing(
    api, client, make_thread, learner, coordinator
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner, specialty="cardiology", title="A chest pain question to move")
    assert thread.title in client.get("/s/cardiology").get_data(as_text=True)
    moved = api(coordinator).patch(
        f"/api/v1/threads/{thread.id}",
        json={"specialty": "emergency-medicine", "reason": "ED case"},
    )
    assert moved.status_code == 200 and moved.get_json()["specialty"] == "emergency-medicine"
    assert thread.title not in client.get("/s/cardiology").get_data(as_text=True)
    assert thread.title in client.get("/s/emergency-medicine").get_data(as_text=True)
    assert entries()[-1] == (
        "thread.move",
        "ED case",
        {"from": "cardiology", "to": "emergency-medicine"},
    )
    general = api(coordinator).patch(f"/api/v1/threads/{thread.id}", json={"specialty": None})
    assert general.get_json()["specialty"] is None
    unknown = api(coordinator).patch(f"/api/v1/threads/{thread.id}", json={"specialty": "nope"})
    assert unknown.status_code == 422 and "specialty" in unknown.get_json()["error"]["fields"]


def test_no_change_is_no_entry_and_an_empty_patch_is_invalid(
    api, make_thread, learner, coordinator
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    url = f"/api/v1/threads/{thread.id}"
    assert api(coordinator).patch(url, json={"locked": False, "pinned": False}).status_code == 200
    assert entries() == []
    assert api(coordinator).patch(url, json={}).status_code == 422
    assert api(coordinator).patch(url, json={"locked": "yes"}).status_code == 422
    assert (
        api(coordinator).patch("/api/v1/threads/999999", json={"locked": True}).status_code == 404
    )


def test_thread_controls_on_the_pages(make_browser, make_thread, learner, coordinator) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner, specialty="cardiology")
    assert "/moderation/threads/" not in make_browser(learner).get(
        f"/threads/{thread.id}"
    ).get_data(as_text=True)
    browser = make_browser(coordinator)
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert f'action="/moderation/threads/{thread.id}"' in page and "Move…" in page
    back = f"/threads/{thread.id}"
    assert (
        browser.post(f"/moderation/threads/{thread.id}", {"locked": "1", "next": back}).headers[
            "Location"
        ]
        == back
    )
    assert browser.post(f"/moderation/threads/{thread.id}", {"pinned": "1"}).status_code == 302
    controls = browser.get(f"/moderation/threads/{thread.id}").get_data(as_text=True)
    assert 'name="specialty"' in controls and "Emergency Medicine" in controls
    browser.post(
        f"/moderation/threads/{thread.id}", {"specialty": "emergency-medicine", "reason": "ED"}
    )
    found = db.session.get(Thread, thread.id)
    assert found.locked and found.pinned and found.specialty.slug == "emergency-medicine"
    browser.post(f"/moderation/threads/{thread.id}", {"specialty": ""})
    assert db.session.get(Thread, thread.id).specialty_id is None
    assert [a for a, _, _ in entries()] == [
        "thread.lock",
        "thread.pin",
        "thread.move",
        "thread.move",
    ]
    assert (
        make_browser(learner).post(f"/moderation/threads/{thread.id}", {"locked": "0"}).status_code
        == 403
    )
