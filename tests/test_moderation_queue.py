"""The coordinators' queue and what they do from it, through the pages and the API, each
decision leaving its audit entry."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, Flag, Post, Revision, utcnow
from forum.services import moderation, posting

SECRET = "Amiodarone first; the zebra here is cardiac sarcoidosis."


def last_entry() -> AuditEntry:
    return db.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()


def flag(post: Post, *users, reason: str = "phi", note: str = "") -> None:  # type: ignore[no-untyped-def]
    for user in users:
        moderation.flag_post(user, post, reason, note)


@pytest.fixture
def reply(make_thread, make_reply, learner, other_learner) -> Post:  # type: ignore[no-untyped-def]
    return make_reply(other_learner, make_thread(learner), SECRET)


@pytest.fixture
def flaggers(make_user):  # type: ignore[no-untyped-def]
    return [make_user(name=f"Flagger {n}") for n in range(3)]


def test_the_queue_lists_flagged_phi_confirmed_and_auto_hidden_posts(
    api, make_browser, make_thread, make_reply, learner, other_learner, coordinator, flaggers
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    flagged = make_reply(other_learner, thread, "Flagged once.")
    hidden = make_reply(other_learner, thread, "Flagged three times.")
    confirmed = make_reply(other_learner, thread, "The author overrode the PHI guard.")
    make_reply(other_learner, thread, "Nothing wrong with this one.")
    flag(flagged, flaggers[0], reason="other", note="Looks copied.")
    flag(hidden, *flaggers, reason="spam")
    confirmed.phi_confirmed_at = utcnow()
    db.session.commit()
    body = api(coordinator).get("/api/v1/moderation/queue").get_json()
    by_post = {item["post"]["id"]: item for item in body["items"]}
    assert set(by_post) == {flagged.id, hidden.id, confirmed.id} and body["total"] == 3
    assert body["items"][0]["post"]["id"] == hidden.id  # hidden by flags comes first
    assert by_post[hidden.id]["reasons"] == ["flagged", "auto_hidden"]
    assert by_post[hidden.id]["flag_counts"] == {"spam": 3}
    assert by_post[hidden.id]["post"]["html"]  # staff read the hidden text
    assert by_post[confirmed.id]["reasons"] == ["phi_confirmed"]
    assert by_post[confirmed.id]["phi_confirmed_at"] is not None
    [note] = by_post[flagged.id]["flags"]
    assert (note["reason"], note["note"], note["user"]["name"]) == (
        "other",
        "Looks copied.",
        "Flagger 0",
    )
    assert by_post[flagged.id]["thread"]["id"] == thread.id
    page = make_browser(coordinator).get("/moderation").get_data(as_text=True)
    for text in ("Hidden by flags", "PHI confirmed by author", "Looks copied.", "Flagger 0"):
        assert text in page
    assert 'data-moderation-count="3"' in page


def test_the_nav_shows_the_count_to_staff_only_in_one_query(
    make_browser, reply, learner, coordinator, flaggers, count_queries
) -> None:  # type: ignore[no-untyped-def]
    flag(reply, flaggers[0])
    assert "data-moderation-count" not in make_browser(learner).get("/").get_data(as_text=True)
    browser = make_browser(coordinator)
    browser.get("/specialties")
    with count_queries() as staff_queries:
        page = browser.get("/specialties").get_data(as_text=True)
    assert 'data-moderation-count="1"' in page
    counts = [q for q in staff_queries if "count(" in q.lower() and "posts" in q.lower()]
    assert len(counts) == 1, counts


def test_dismissing_flags_closes_them_and_unhides_an_auto_hidden_post(
    make_browser, api, reply, coordinator, flaggers, learner
) -> None:  # type: ignore[no-untyped-def]
    flag(reply, *flaggers)
    assert db.session.get(Post, reply.id).is_hidden
    response = make_browser(coordinator).post(
        f"/moderation/posts/{reply.id}/dismiss",
        {"reason": "Not PHI: a fictional name.", "next": "/moderation"},
    )
    assert response.status_code == 302 and response.headers["Location"] == "/moderation"
    post = db.session.get(Post, reply.id)
    assert not post.is_hidden and post.open_flag_count == 0
    resolutions = db.session.scalars(select(Flag.resolution).where(Flag.post_id == reply.id)).all()
    assert resolutions == ["dismissed"] * 3
    entry = last_entry()
    assert (entry.action, entry.actor_id, entry.reason) == (
        "flag.dismiss",
        coordinator.id,
        "Not PHI: a fictional name.",
    )
    assert entry.data["unhidden"] is True and len(entry.data["flag_ids"]) == 3
    assert api(coordinator).get("/api/v1/moderation/queue").get_json()["items"] == []
    again = api(coordinator).post(f"/api/v1/posts/{reply.id}/flags/dismiss")
    assert again.status_code == 409
    assert "cardiac sarcoidosis" in make_browser(learner).get(
        f"/threads/{reply.thread_id}"
    ).get_data(as_text=True)


def test_dismissing_over_the_api(api, reply, coordinator, flaggers) -> None:  # type: ignore[no-untyped-def]
    flag(reply, flaggers[0])
    response = api(coordinator).post(
        f"/api/v1/posts/{reply.id}/flags/dismiss", json={"reason": "Fine."}
    )
    assert response.status_code == 200 and response.get_json()["hidden"] is False
    assert last_entry().action == "flag.dismiss"


def test_hide_needs_a_reason_and_unhide_brings_it_back(
    make_browser, api, client, reply, coordinator, other_learner
) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/posts/{reply.id}"
    missing = api(coordinator).post(f"{url}/hide", json={})
    assert missing.status_code == 422 and "reason" in missing.get_json()["error"]["fields"]
    assert api(coordinator).post(f"{url}/hide", json={"reason": "   "}).status_code == 422
    hidden = api(coordinator).post(f"{url}/hide", json={"reason": "Names a patient"})
    assert hidden.status_code == 200
    assert (
        hidden.get_json()["hidden"] is True
        and hidden.get_json()["hidden_reason"] == "Names a patient"
    )
    entry = last_entry()
    assert (entry.action, entry.actor_id, entry.target_type, entry.target_id) == (
        "post.hide",
        coordinator.id,
        "post",
        reply.id,
    )
    assert entry.reason == "Names a patient"
    assert client.get(url).get_json()["html"] == ""
    author_page = (
        make_browser(other_learner).get(f"/threads/{reply.thread_id}").get_data(as_text=True)
    )
    assert (
        "Hidden:</strong> Names a patient" in author_page and "cardiac sarcoidosis" in author_page
    )
    assert api(coordinator).post(f"{url}/hide", json={"reason": "again"}).status_code == 409
    shown = api(coordinator).post(f"{url}/unhide", json={"reason": "Edited by the author"})
    assert shown.status_code == 200 and shown.get_json()["hidden"] is False
    entry = last_entry()
    assert entry.action == "post.unhide" and entry.data["hidden_reason"] == "Names a patient"
    assert "cardiac sarcoidosis" in client.get(url).get_json()["html"]
    assert api(coordinator).post(f"{url}/unhide").status_code == 409


def test_hide_and_unhide_from_the_thread_page(make_browser, reply, coordinator, learner) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(coordinator)
    page = browser.get(f"/threads/{reply.thread_id}").get_data(as_text=True)
    assert f'action="/moderation/posts/{reply.id}/hide"' in page
    assert f'href="/moderation/posts/{reply.id}/redact"' in page
    refused = browser.post(f"/moderation/posts/{reply.id}/hide", {"reason": ""})
    assert refused.status_code == 422
    back = f"/threads/{reply.thread_id}"
    done = browser.post(f"/moderation/posts/{reply.id}/hide", {"reason": "PHI", "next": back})
    assert done.status_code == 302 and done.headers["Location"] == back
    assert "This reply is hidden while coordinators review it." in make_browser(learner).get(
        back
    ).get_data(as_text=True)
    page = browser.get(back).get_data(as_text=True)
    assert f'action="/moderation/posts/{reply.id}/unhide"' in page
    offsite = browser.post(
        f"/moderation/posts/{reply.id}/unhide", {"next": "https://evil.example/"}
    )
    assert offsite.headers["Location"] == "/moderation"  # never redirect off-site
    assert not db.session.get(Post, reply.id).is_hidden


def test_keeping_an_auto_hidden_post_hidden_resolves_its_flags(
    api, reply, coordinator, flaggers
) -> None:  # type: ignore[no-untyped-def]
    flag(reply, *flaggers)
    kept = api(coordinator).post(
        f"/api/v1/posts/{reply.id}/hide", json={"reason": "Contains a name"}
    )
    assert kept.status_code == 200
    post = db.session.get(Post, reply.id)
    assert post.hidden_by_id == coordinator.id and post.hidden_reason == "Contains a name"
    assert last_entry().data["was_auto_hidden"] is True
    assert set(db.session.scalars(select(Flag.resolution).where(Flag.post_id == reply.id))) == {
        "hidden"
    }
    assert api(coordinator).get("/api/v1/moderation/queue").get_json()["total"] == 0


def test_phi_review_is_marked_done(make_browser, api, reply, coordinator) -> None:  # type: ignore[no-untyped-def]
    assert api(coordinator).post(f"/api/v1/posts/{reply.id}/phi-review").status_code == 409
    reply.phi_confirmed_at = utcnow()
    db.session.commit()
    browser = make_browser(coordinator)
    assert f'action="/moderation/posts/{reply.id}/phi-reviewed"' in browser.get(
        "/moderation"
    ).get_data(as_text=True)
    response = browser.post(
        f"/moderation/posts/{reply.id}/phi-reviewed", {"reason": "No identifiers"}
    )
    assert response.status_code == 302
    assert db.session.get(Post, reply.id).phi_reviewed_at is not None
    assert (last_entry().action, last_entry().reason) == ("phi.reviewed", "No identifiers")
    assert api(coordinator).get("/api/v1/moderation/queue").get_json()["total"] == 0


def test_edit_with_a_reason_scrubs_the_history(
    make_browser, api, client, reply, coordinator
) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(coordinator)
    form = browser.get(f"/moderation/posts/{reply.id}/redact").get_data(as_text=True)
    assert "cardiac sarcoidosis" in form and 'name="scrub_history"' in form
    no_reason = browser.post(
        f"/moderation/posts/{reply.id}/redact", {"body": "Seen by a colleague.", "reason": ""}
    )
    assert no_reason.status_code == 422
    done = browser.post(
        f"/moderation/posts/{reply.id}/redact",
        {
            "body": "Seen by a colleague; the patient was admitted.",
            "reason": "Removed a name",
            "scrub_history": "y",
        },
    )
    assert done.status_code == 302
    history = client.get(f"/api/v1/posts/{reply.id}/revisions").get_json()["items"]
    assert [r["number"] for r in history] == [2, 1]
    assert (
        "cardiac sarcoidosis" not in str(history)
        and "Removed by a coordinator" in history[1]["html"]
    )
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-2:] == ["post.edit", "post.scrub_history"]
    assert last_entry().reason == "Removed a name" and last_entry().data["revisions"] == [1]


def test_redact_over_the_api_can_keep_the_history(api, reply, coordinator, learner) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/posts/{reply.id}/redact"
    assert api(learner).post(url, json={"body": "x", "reason": "y"}).status_code == 403
    assert api(coordinator).post(url, json={"body": "Better."}).status_code == 422
    done = api(coordinator).post(
        url, json={"body": "Better.", "reason": "Tone", "scrub_history": False}
    )
    assert done.status_code == 200 and "Better." in done.get_json()["html"]
    assert (
        "cardiac sarcoidosis"
        in db.session.scalars(select(Revision.source).where(Revision.number == 1)).one()
    )
    assert last_entry().action == "post.edit" and last_entry().reason == "Tone"


def test_a_deleted_post_leaves_the_queue(api, reply, coordinator, flaggers, other_learner) -> None:  # type: ignore[no-untyped-def]
    flag(reply, flaggers[0])
    assert api(coordinator).get("/api/v1/moderation/queue").get_json()["total"] == 1
    api(other_learner).delete(f"/api/v1/posts/{reply.id}")
    assert api(coordinator).get("/api/v1/moderation/queue").get_json()["total"] == 0


def test_the_queue_pages(
    api, coordinator, make_thread, make_reply, learner, other_learner, flaggers
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    for n in range(3):
        flag(make_reply(other_learner, thread, f"Reply {n}"), flaggers[0])
    body = api(coordinator).get("/api/v1/moderation/queue?per_page=2&page=2").get_json()
    assert (body["page"], body["pages"], body["total"], len(body["items"])) == (2, 2, 3, 1)
    assert api(coordinator).get("/api/v1/moderation/queue?page=-1").status_code == 422
    assert api(coordinator).get("/api/v1/moderation/queue?per_page=0").status_code == 422


def test_a_redaction_goes_through_the_phi_guard_and_closes_the_review(
    make_browser, api, make_thread, learner, other_learner, coordinator
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    post = posting.reply(other_learner, thread, "Seen with John Smith, MRN 4471882.", True)
    assert post.phi_confirmed_at is not None
    url = f"/api/v1/posts/{post.id}/redact"
    still = api(coordinator).post(
        url, json={"body": "Seen with Jane Doe, MRN 1234567.", "reason": "r"}
    )
    assert still.status_code == 422 and still.get_json()["error"]["code"] == "phi_suspected"
    page = make_browser(coordinator).post(
        f"/moderation/posts/{post.id}/redact",
        {"body": "Seen with Jane Doe, MRN 1234567.", "reason": "Swapped names"},
    )
    assert page.status_code == 422 and "Check for patient identifiers" in page.get_data(
        as_text=True
    )
    done = api(coordinator).post(
        url, json={"body": "Seen with a colleague.", "reason": "Removed PHI"}
    )
    assert done.status_code == 200
    refreshed = db.session.get(Post, post.id)
    assert refreshed.phi_reviewed_at is not None
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-3:] == ["post.edit", "post.scrub_history", "phi.reviewed"]
    assert api(coordinator).get("/api/v1/moderation/queue").get_json()["total"] == 0
