"""Flagging through the page and the API: one flag per member, never your own, reasons and
notes, and the automatic hide at the threshold with its placeholder for other readers."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum import config as settings
from forum.extensions import db
from forum.models import AuditEntry, Flag, Post
from forum.services import moderation, posting, queries

PLACEHOLDER = "This reply is hidden while coordinators review it."
SECRET = "Amiodarone first; the zebra here is cardiac sarcoidosis."


def flags_on(post: Post) -> list[Flag]:
    return list(db.session.scalars(select(Flag).where(Flag.post_id == post.id)))


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


@pytest.fixture
def reply(make_thread, make_reply, learner, other_learner) -> Post:  # type: ignore[no-untyped-def]
    return make_reply(other_learner, make_thread(learner), SECRET)


def test_a_member_flags_a_post_from_the_thread_page(make_browser, reply, learner) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(learner)
    page = browser.get(f"/threads/{reply.thread_id}").get_data(as_text=True)
    assert f'action="/posts/{reply.id}/flag"' in page
    assert 'name="reason" value="phi"' in page and 'name="note"' in page
    response = browser.post(f"/posts/{reply.id}/flag", {"reason": "phi", "note": "A name."})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#post-{reply.id}")
    [flag] = flags_on(reply)
    assert (flag.user_id, flag.reason, flag.note) == (learner.id, "phi", "A name.")
    assert db.session.get(Post, reply.id).open_flag_count == 1
    page = browser.get(f"/threads/{reply.thread_id}").get_data(as_text=True)
    assert "You flagged this" in page and f'action="/posts/{reply.id}/flag"' not in page
    assert actions()[-1] == "flag.raise"


def test_a_second_flag_from_the_same_member_is_a_conflict(
    make_browser, api, reply, learner
) -> None:  # type: ignore[no-untyped-def]
    assert (
        api(learner).post(f"/api/v1/posts/{reply.id}/flags", json={"reason": "spam"}).status_code
        == 201
    )
    again = api(learner).post(f"/api/v1/posts/{reply.id}/flags", json={"reason": "phi"})
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "conflict"
    web = make_browser(learner).post(f"/posts/{reply.id}/flag", {"reason": "phi"})
    assert web.status_code == 409 and "already flagged" in web.get_data(as_text=True)
    assert len(flags_on(reply)) == 1


def test_nobody_flags_their_own_post(make_browser, api, reply, other_learner) -> None:  # type: ignore[no-untyped-def]
    page = make_browser(other_learner).get(f"/threads/{reply.thread_id}").get_data(as_text=True)
    assert f'action="/posts/{reply.id}/flag"' not in page
    refused = api(other_learner).post(f"/api/v1/posts/{reply.id}/flags", json={"reason": "spam"})
    assert refused.status_code == 403
    assert "your own post" in refused.get_json()["error"]["message"]
    web = make_browser(other_learner).post(f"/posts/{reply.id}/flag", {"reason": "spam"})
    assert web.status_code == 403
    assert flags_on(reply) == []


def test_the_reason_must_be_known_and_other_needs_a_note(
    make_browser, api, reply, learner, mentor
) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/posts/{reply.id}/flags"
    bad = api(learner).post(url, json={"reason": "boring"})
    assert bad.status_code == 422 and "reason" in bad.get_json()["error"]["fields"]
    assert api(learner).post(url, json={}).status_code == 422
    assert api(learner).post(url, json={"reason": 3}).status_code == 422
    other = api(learner).post(url, json={"reason": "other"})
    assert other.status_code == 422 and "note" in other.get_json()["error"]["fields"]
    long = api(learner).post(url, json={"reason": "other", "note": "x" * 501})
    assert long.status_code == 422
    ok = api(learner).post(url, json={"reason": "other", "note": "Copied from a textbook."})
    assert ok.status_code == 201
    body = ok.get_json()
    assert (body["reason"], body["note"], body["post_hidden"]) == (
        "other",
        "Copied from a textbook.",
        False,
    )
    assert body["label"] == "Other" and body["user"]["id"] == learner.id
    # The page shows the form again, open, with the message.
    page = make_browser(mentor).post(f"/posts/{reply.id}/flag", {"reason": "other", "note": ""})
    assert page.status_code == 422
    text = page.get_data(as_text=True)
    assert "a note is required for “Other”" in text and '<details class="flag-panel" open>' in text


@pytest.mark.parametrize("reason", ["phi", "unprofessional", "misinformation", "spam", "other"])
def test_every_reason_is_accepted(api, reply, learner, reason) -> None:  # type: ignore[no-untyped-def]
    response = api(learner).post(
        f"/api/v1/posts/{reply.id}/flags", json={"reason": reason, "note": "Why."}
    )
    assert response.status_code == 201 and response.get_json()["reason"] == reason


def test_anonymous_and_suspended_members_cannot_flag(
    client, make_browser, api, reply, make_user, coordinator
) -> None:  # type: ignore[no-untyped-def]
    assert (
        client.post(f"/api/v1/posts/{reply.id}/flags", json={"reason": "spam"}).status_code == 401
    )
    anonymous = make_browser().post(f"/posts/{reply.id}/flag", {"reason": "spam"})
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    banned = make_user()
    moderation.suspend(coordinator, banned, 3, "Repeated spam")
    refused = api(banned).post(f"/api/v1/posts/{reply.id}/flags", json={"reason": "spam"})
    assert refused.status_code == 403
    assert "suspended until" in refused.get_json()["error"]["message"]


def flag_three_times(api, post, make_user, reason: str = "phi") -> list:  # type: ignore[no-untyped-def]
    flaggers = [make_user() for _ in range(3)]
    responses = [
        api(u).post(f"/api/v1/posts/{post.id}/flags", json={"reason": reason}) for u in flaggers
    ]
    assert [r.status_code for r in responses] == [201, 201, 201]
    return responses


def test_the_third_distinct_flag_hides_the_post(api, client, reply, make_user) -> None:  # type: ignore[no-untyped-def]
    first, second, third = flag_three_times(api, reply, make_user)
    assert [r.get_json()["post_hidden"] for r in (first, second, third)] == [False, False, True]
    post = db.session.get(Post, reply.id)
    assert post.is_hidden and post.hidden_by_id is None
    assert post.hidden_reason == "Hidden automatically after 3 flags; awaiting review"
    assert post.open_flag_count == 3
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "post.auto_hide")
    ).one()
    assert entry.actor_id is None and entry.target_id == reply.id
    assert entry.data["flags"] == 3 and entry.data["flag_reasons"] == ["phi"]
    # The post is still there, never deleted.
    assert client.get(f"/api/v1/posts/{reply.id}").status_code == 200


def test_the_threshold_is_configurable(app, api, reply, make_user, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(app.config, "FLAG_HIDE_THRESHOLD", 2)
    users = [make_user(), make_user()]
    api(users[0]).post(f"/api/v1/posts/{reply.id}/flags", json={"reason": "spam"})
    assert not db.session.get(Post, reply.id).is_hidden
    hidden = api(users[1]).post(f"/api/v1/posts/{reply.id}/flags", json={"reason": "spam"})
    assert hidden.get_json()["post_hidden"] is True
    assert "after 2 flags" in db.session.get(Post, reply.id).hidden_reason


def test_the_threshold_reads_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SECRET_KEY", "k")
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("FLAG_HIDE_THRESHOLD", "5")
    assert settings.from_environment()["FLAG_HIDE_THRESHOLD"] == 5
    monkeypatch.delenv("FLAG_HIDE_THRESHOLD")
    assert settings.from_environment()["FLAG_HIDE_THRESHOLD"] == 3
    assert settings.DEFAULTS["FLAG_HIDE_THRESHOLD"] == 3
    monkeypatch.setenv("FLAG_HIDE_THRESHOLD", "0")
    with pytest.raises(ValueError):
        settings.from_environment()


def test_others_see_a_placeholder_the_author_and_staff_the_text(
    make_browser, api, client, reply, make_user, learner, other_learner, mentor, coordinator
) -> None:  # type: ignore[no-untyped-def]
    flag_three_times(api, reply, make_user)
    url = f"/threads/{reply.thread_id}"
    for reader in (None, learner, mentor):
        page = make_browser(reader).get(url).get_data(as_text=True)
        assert PLACEHOLDER in page and "cardiac sarcoidosis" not in page, reader
    for reader in (other_learner, coordinator):
        page = make_browser(reader).get(url).get_data(as_text=True)
        assert "cardiac sarcoidosis" in page and PLACEHOLDER not in page, reader
        assert "Hidden:</strong> Hidden automatically after 3 flags; awaiting review" in page
    api_url = f"/api/v1/posts/{reply.id}"
    for who in (client, api(learner), api(mentor)):
        body = who.get(api_url).get_json()
        assert body["hidden"] is True and body["html"] == "" and body["source"] == ""
        assert "hidden_reason" not in body
    for reader in (other_learner, coordinator):
        body = api(reader).get(api_url).get_json()
        assert body["hidden"] is True and "cardiac sarcoidosis" in body["html"]
        assert body["hidden_reason"].startswith("Hidden automatically")
    thread = client.get(f"/api/v1/threads/{reply.thread_id}").get_json()
    assert "cardiac sarcoidosis" not in str(thread)
    assert [p["hidden"] for p in thread["posts"]] == [False, True]


def test_a_hidden_posts_history_and_excerpts_do_not_leak(
    make_browser, api, client, make_thread, learner, other_learner, make_user
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(other_learner, body=SECRET)
    post = queries.all_posts(thread)[0]
    posting.edit_post(other_learner, post, SECRET + " Edited.", "typo")
    flag_three_times(api, post, make_user)
    assert client.get(f"/posts/{post.id}/history").status_code == 404
    assert client.get(f"/api/v1/posts/{post.id}/revisions").status_code == 404
    assert make_browser(other_learner).get(f"/posts/{post.id}/history").status_code == 200
    for url in ("/", f"/u/{other_learner.handle}"):
        assert "cardiac sarcoidosis" not in make_browser(learner).get(url).get_data(as_text=True), (
            url
        )
    page = make_browser(learner).get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "This post is hidden while coordinators review it." in page
    assert "cardiac sarcoidosis" not in page


def test_flags_are_counted_per_distinct_member_after_a_dismissal(
    api, reply, make_user, coordinator
) -> None:  # type: ignore[no-untyped-def]
    first = [make_user(), make_user()]
    for u in first:
        api(u).post(f"/api/v1/posts/{reply.id}/flags", json={"reason": "spam"})
    moderation.dismiss_flags(coordinator, db.session.get(Post, reply.id), "Not spam.")
    assert db.session.get(Post, reply.id).open_flag_count == 0
    # Those two cannot flag again; one new flag does not reach three open ones.
    assert (
        api(first[0]).post(f"/api/v1/posts/{reply.id}/flags", json={"reason": "spam"}).status_code
        == 409
    )
    api(make_user()).post(f"/api/v1/posts/{reply.id}/flags", json={"reason": "spam"})
    post = db.session.get(Post, reply.id)
    assert post.open_flag_count == 1 and not post.is_hidden
