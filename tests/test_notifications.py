"""Notification rules, through the pages and the API: who hears of what, once, and never
of their own doing; watching and muting; the stored rows that wait for a member."""

from __future__ import annotations

from forum.extensions import db
from forum.models import Notification, ThreadWatch
from forum.services import notifications, posting, queries, reactions
from tests.test_api_openapi import check


def kinds(user) -> list[str]:  # type: ignore[no-untyped-def]
    """The user's notifications, oldest first, as their kinds."""
    rows = db.session.query(Notification).filter_by(user_id=user.id).order_by(Notification.id)
    return [n.kind for n in rows]


def watch(user, thread) -> str | None:  # type: ignore[no-untyped-def]
    row = db.session.get(ThreadWatch, (user.id, thread.id))
    return row.level if row else None


def test_a_reply_notifies_the_threads_author_but_never_the_one_who_posted(
    learner, mentor, make_thread, make_browser
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    make_browser(mentor).post(f"/threads/{thread.id}/reply", {"body": "Load with 300 mg."})
    make_browser(learner).post(f"/threads/{thread.id}/reply", {"body": "Thanks!"})
    assert kinds(learner) == ["reply"]
    assert kinds(mentor) == ["watched"]  # the mentor watches what they posted in
    note = db.session.query(Notification).filter_by(user_id=learner.id).one()
    assert (note.actor_id, note.thread_id, note.read_at) == (mentor.id, thread.id, None)


def test_a_mention_notifies_once_even_when_the_member_also_watches_or_wrote_the_thread(
    learner, other_learner, mentor, make_thread, make_browser
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    posting.reply(other_learner, thread, "Following.")
    body = f"@{learner.handle} @{other_learner.handle} @{mentor.handle} and @{mentor.handle} again"
    make_browser(mentor).post(f"/threads/{thread.id}/reply", {"body": body})
    assert kinds(learner) == ["reply", "mention"]
    assert kinds(other_learner) == ["mention"]
    assert kinds(mentor) == []  # mentioning yourself notifies nobody


def test_a_mention_in_an_opening_post_notifies(learner, mentor, make_thread) -> None:  # type: ignore[no-untyped-def]
    make_thread(learner, body=f"What do you think, @{mentor.handle}?")
    assert kinds(mentor) == ["mention"]


def test_watchers_hear_of_replies_and_posting_watches_without_undoing_a_mute(
    learner, other_learner, mentor, coordinator, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    assert watch(learner, thread) == "watching"  # the asker watches their thread
    notifications.set_watch(coordinator, thread, "watching")
    notifications.set_watch(other_learner, thread, "muted")
    make_reply(other_learner, thread, "A muted member still posts.")
    assert watch(other_learner, thread) == "muted"
    make_reply(mentor, thread, "Here is the mentor.")
    assert kinds(coordinator) == ["watched", "watched"]
    assert kinds(other_learner) == []  # muted: no watched
    assert kinds(learner) == ["reply", "reply"]


def test_muting_silences_replies_but_not_mentions(learner, mentor, make_thread) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    notifications.set_watch(learner, thread, "muted")
    posting.reply(mentor, thread, "A plain reply.")
    posting.reply(mentor, thread, f"But @{learner.handle}, look at this.")
    assert kinds(learner) == ["mention"]


def test_an_endorsement_and_an_accepted_answer_notify_the_replys_author_once(
    learner, other_learner, mentor, make_thread, make_reply, make_browser
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = make_reply(other_learner, thread)
    as_mentor = make_browser(mentor)
    as_mentor.post(f"/posts/{reply.id}/endorse", {"note": "Clear reasoning."})
    as_mentor.post(f"/posts/{reply.id}/endorse/withdraw", {})
    as_mentor.post(f"/posts/{reply.id}/endorse", {"note": "Still clear."})
    make_browser(learner).post(f"/threads/{thread.id}/accept", {"post_id": str(reply.id)})
    reactions.accept_answer(learner, thread, None)  # clearing tells nobody
    assert kinds(other_learner) == ["endorsement", "accepted"]


def test_nobody_hears_of_a_deleted_thread_they_cannot_read(
    learner, other_learner, mentor, coordinator, make_thread, make_reply, api
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(other_learner)
    make_reply(learner, thread)  # the learner now watches it
    make_reply(mentor, thread)
    assert kinds(learner) == ["watched"]
    assert api(learner).get("/api/v1/notifications").get_json()["total"] == 1
    posting.delete_post(coordinator, queries.all_posts(thread)[0])
    posting.reply(coordinator, thread, f"@{learner.handle}: staff note on a deleted thread.")
    assert kinds(learner) == ["watched"]  # nothing new, and the old one is hidden:
    assert api(learner).get("/api/v1/notifications").get_json() | {"items": []} == {
        "items": [],
        "page": 1,
        "pages": 0,
        "per_page": 20,
        "total": 0,
        "unread": 0,
    }
    assert kinds(other_learner) == ["reply", "reply", "reply"]  # the author may still read it
    assert api(other_learner).get("/api/v1/notifications").get_json()["unread"] == 3


def test_the_api_lists_newest_first_and_marks_read(
    learner, mentor, make_thread, make_reply, api
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    posts = [make_reply(mentor, thread, f"Reply {n}.") for n in (1, 2, 3)]
    me = api(learner)
    body = me.get("/api/v1/notifications").get_json()
    assert [n["post_id"] for n in body["items"]] == [p.id for p in reversed(posts)]
    assert (body["total"], body["unread"], body["page"], body["pages"]) == (3, 3, 1, 1)
    first = body["items"][0]
    assert first["kind"] == "reply" and first["read"] is False
    assert first["actor"]["id"] == mentor.id
    assert first["url"] == f"/threads/{thread.id}#post-{posts[-1].id}"
    ids = [body["items"][0]["id"]]
    assert me.post("/api/v1/notifications/read", json={"ids": ids}).get_json() == {"unread": 2}
    assert me.post("/api/v1/notifications/read", json={"ids": ids}).get_json() == {"unread": 2}
    unread = me.get("/api/v1/notifications?unread=1").get_json()
    assert unread["total"] == 2 and all(not n["read"] for n in unread["items"])
    paged = me.get("/api/v1/notifications?per_page=2&page=2").get_json()
    assert (paged["pages"], len(paged["items"])) == (2, 1)
    assert me.post("/api/v1/notifications/read", json={"all": True}).get_json() == {"unread": 0}


def test_the_api_refuses_what_it_cannot_use(
    learner, other_learner, mentor, make_thread, api
) -> None:  # type: ignore[no-untyped-def]
    posting.reply(mentor, make_thread(learner), "Hello.")
    theirs = db.session.query(Notification).filter_by(user_id=learner.id).one()
    assert api().get("/api/v1/notifications").status_code == 401
    other = api(other_learner)
    assert other.post("/api/v1/notifications/read", json={}).status_code == 422
    assert other.post("/api/v1/notifications/read", json={"ids": ["x"]}).status_code == 422
    assert other.post("/api/v1/notifications/read", json={"ids": [theirs.id]}).get_json() == {
        "unread": 0
    }
    assert db.session.get(Notification, theirs.id).read_at is None  # not theirs to mark
    assert other.get("/api/v1/notifications?page=x").status_code == 422


def test_watch_levels_through_the_api(learner, mentor, make_thread, api) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    me = api(mentor)
    url = f"/api/v1/threads/{thread.id}/watch"
    assert me.put(url, json={"level": "watching"}).get_json() == {
        "thread_id": thread.id,
        "level": "watching",
    }
    assert watch(mentor, thread) == "watching"
    assert me.put(url, json={"level": "muted"}).get_json()["level"] == "muted"
    assert me.put(url, json={"level": None}).get_json()["level"] is None
    assert watch(mentor, thread) is None
    assert me.put(url, json={"level": "loud"}).status_code == 422
    assert me.put(url, json={}).status_code == 422
    assert me.put("/api/v1/threads/999999/watch", json={"level": None}).status_code == 404
    assert api().put(url, json={"level": "watching"}).status_code == 401


def test_the_responses_match_the_openapi_document(
    learner, mentor, make_thread, api, client
) -> None:  # type: ignore[no-untyped-def]
    doc = client.get("/api/v1/openapi.json").get_json()
    thread = make_thread(learner)
    posting.reply(mentor, thread, f"Hello @{learner.handle}.")
    me = api(learner)
    check(doc, "/notifications", "get", me.get("/api/v1/notifications"))
    check(doc, "/notifications", "get", me.get("/api/v1/notifications?page=0"))
    check(doc, "/notifications", "get", api().get("/api/v1/notifications"))
    read = "/api/v1/notifications/read"
    check(doc, "/notifications/read", "post", me.post(read, json={"all": True}))
    check(doc, "/notifications/read", "post", me.post(read, json={"ids": "x"}))
    watch_url = f"/api/v1/threads/{thread.id}/watch"
    check(doc, "/threads/{thread_id}/watch", "put", me.put(watch_url, json={"level": "muted"}))
    check(doc, "/threads/{thread_id}/watch", "put", me.put(watch_url, json={"level": 1}))
