"""Live updates through Flask-SocketIO's test client: who may connect and subscribe, what
each room hears (after the commit, and only then), and what a reconnecting client gets."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from forum import events
from forum.extensions import db
from forum.models import LiveEvent, Notification, utcnow
from forum.realtime import log
from forum.services import accounts, posting, queries, reactions
from forum.services.errors import Invalid
from tests.conftest import PASSWORD
from tests.realtime import SocketClient

THREAD_EVENTS = {
    "post_created",
    "post_updated",
    "post_hidden",
    "vote_changed",
    "endorsement_added",
    "endorsement_withdrawn",
    "answer_accepted",
    "thread_updated",
}


@pytest.fixture(autouse=True)
def _hang_up() -> Iterator[None]:
    yield
    SocketClient.close_all()


def thread_events(client: SocketClient) -> list[tuple[str, dict[str, Any]]]:
    return [(name, data) for name, data in client.everything() if name in THREAD_EVENTS]


def test_a_reply_posted_over_http_reaches_an_anonymous_reader_as_the_api_shows_it(
    app, learner, mentor, make_thread, make_browser, client
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reader = SocketClient(app)
    ack = reader.subscribe(thread.id)
    assert ack["ok"] is True and ack["missed"] == [] and ack["reading"] == 1
    make_browser(mentor).post(f"/threads/{thread.id}/reply", {"body": "Give 300 mg aspirin."})
    [event] = reader.received("post_created")
    assert event["thread_id"] == thread.id
    assert event["post"] == client.get(f"/api/v1/posts/{event['post']['id']}").get_json()
    assert event["event_id"] > ack["last_event_id"]


def test_every_kind_of_thread_event_reaches_the_room_numbered_in_order(
    app, learner, other_learner, mentor, coordinator, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = make_reply(other_learner, thread, "Check the right-sided leads.")
    reader = SocketClient(app)
    reader.subscribe(thread.id)
    posting.edit_post(other_learner, reply, "Check V4R first.")
    reactions.vote(learner, reply, 1)
    endorsement = reactions.endorse(mentor, reply, "Right priority.")
    reactions.withdraw_endorsement(mentor, reply)
    reactions.accept_answer(learner, thread, reply)
    # Moderation (another module) announces these; the live layer only listens.
    events.announce(db.session, events.PostHidden(coordinator.id, thread.id, reply.id, "spam"))
    events.announce(db.session, events.PostUnhidden(coordinator.id, thread.id, reply.id))
    db.session.commit()
    posting.delete_post(other_learner, reply)

    got = thread_events(reader)
    names = [name for name, _ in got]
    assert names == [
        "post_updated",
        "vote_changed",
        "endorsement_added",
        "endorsement_withdrawn",
        "answer_accepted",
        "post_hidden",
        "post_updated",
        "post_hidden",
    ]
    ids = [data.pop("event_id") for _, data in got]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    data = [d for _, d in got]
    assert data[0]["thread_id"] == thread.id and "V4R" in data[0]["post"]["html"]
    assert data[1] == {"post_id": reply.id, "score": 1}
    assert data[2]["post_id"] == reply.id and data[2]["endorsement"]["id"] == endorsement.id
    assert data[2]["endorsement"]["note"] == "Right priority."
    assert data[3] == {"post_id": reply.id}
    assert data[4] == {"thread_id": thread.id, "post_id": reply.id}
    assert data[5] == data[7] == {"thread_id": thread.id, "post_id": reply.id}


def test_a_new_thread_reaches_its_specialty_feed(app, learner, make_thread) -> None:  # type: ignore[no-untyped-def]
    feed = SocketClient(app)
    assert feed.call("subscribe_feed", {"specialty": "cardiology"})["ok"] is True
    assert feed.call("subscribe_feed", {"specialty": "no-such"})["ok"] is False
    thread = make_thread(learner, specialty="cardiology")
    make_thread(learner, specialty="emergency-medicine")
    make_thread(learner)
    [event] = feed.received("thread_created")
    assert event["thread"]["id"] == thread.id and event["thread"]["specialty"] == "cardiology"
    assert feed.received("post_created") == []


def test_a_rolled_back_write_emits_and_logs_nothing(app, learner, mentor, make_thread) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reader = SocketClient(app)
    reader.subscribe(thread.id)
    before = db.session.query(LiveEvent).count()
    post = posting.reply(mentor, thread, "A reply that stays.")
    reader.everything()
    events.announce(db.session, events.VoteChanged(learner.id, thread.id, post.id, 7))
    db.session.rollback()
    with pytest.raises(Invalid):
        posting.reply(mentor, thread, "   ")
    db.session.rollback()
    db.session.commit()
    assert reader.everything() == []
    assert db.session.query(LiveEvent).count() == before + 1


def test_a_client_that_was_away_gets_every_missed_reply_on_resubscribing(
    app, learner, mentor, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    first = SocketClient(app)
    last_seen = first.subscribe(thread.id)["last_event_id"]
    first.disconnect()
    posts = [make_reply(mentor, thread, f"Point number {n}.") for n in (1, 2, 3)]
    again = SocketClient(app)
    ack = again.subscribe(thread.id, after=last_seen)
    assert ack["ok"] and ack["complete"] is True
    assert [m["event"] for m in ack["missed"]] == ["post_created"] * 3
    assert [m["data"]["post"]["id"] for m in ack["missed"]] == [p.id for p in posts]
    assert ack["last_event_id"] == ack["missed"][-1]["data"]["event_id"]
    # Resuming from the newest id misses nothing more.
    assert again.subscribe(thread.id, after=ack["last_event_id"])["missed"] == []


def test_a_learner_cannot_follow_a_deleted_thread_and_hears_nothing_of_it(
    app, learner, other_learner, coordinator, make_thread, make_browser
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(other_learner)
    watcher = SocketClient(app, make_browser(learner).client)
    assert watcher.subscribe(thread.id)["ok"] is True
    staff = SocketClient(app, make_browser(coordinator).client)
    posting.delete_post(coordinator, queries.all_posts(thread)[0])
    [gone] = watcher.received("post_hidden")
    assert gone["thread_deleted"] is True  # the room is closed behind this event
    refused = watcher.subscribe(thread.id)
    assert refused == {"ok": False, "error": "That thread does not exist."}
    assert watcher.subscribe(thread.id, after=0)["ok"] is False  # no replay either
    assert staff.subscribe(thread.id, after=0)["ok"] is True  # staff may still read it
    posting.reply(coordinator, posting.get_thread(thread.id, coordinator), "Staff note.")
    assert [n for n, _ in staff.everything() if n == "post_created"] == ["post_created"]
    assert thread_events(watcher) == []


def test_bad_subscriptions_are_refused_with_a_reason(app, learner, make_thread) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reader = SocketClient(app)
    for data in (None, {}, {"thread_id": "1"}, {"thread_id": True}, {"thread_id": 0}):
        ack = reader.call("subscribe", data)
        assert ack["ok"] is False and ack["error"]
    assert reader.subscribe(999_999)["ok"] is False
    assert reader.call("subscribe", {"thread_id": thread.id, "after": -1})["ok"] is False
    assert reader.call("unsubscribe", {"thread_id": thread.id}) == {"ok": True}


def test_locking_a_thread_tells_its_readers_and_is_replayed_to_a_returning_one(
    app, api, learner, coordinator, make_thread
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner, specialty="cardiology")
    reader = SocketClient(app)
    before = reader.subscribe(thread.id)["last_event_id"]
    response = api(coordinator).patch(f"/api/v1/threads/{thread.id}", json={"locked": True})
    assert response.status_code == 200
    [event] = reader.received("thread_updated")
    event_id = event.pop("event_id")
    assert event_id > before
    assert event == {
        "thread_id": thread.id,
        "locked": True,
        "pinned": False,
        "specialty": "cardiology",
        "changes": ["locked"],
    }
    # Pinning and moving together: one event naming both changes.
    api(coordinator).patch(f"/api/v1/threads/{thread.id}", json={"pinned": True, "specialty": None})
    [moved] = reader.received("thread_updated")
    assert moved["changes"] == ["pinned", "specialty"]
    assert moved["pinned"] is True and moved["specialty"] is None and moved["locked"] is True
    # Repeating the same state changes nothing and announces nothing.
    api(coordinator).patch(f"/api/v1/threads/{thread.id}", json={"locked": True})
    assert reader.received("thread_updated") == []

    again = SocketClient(app)
    ack = again.subscribe(thread.id, after=before)
    assert [m["event"] for m in ack["missed"]] == ["thread_updated", "thread_updated"]
    assert ack["missed"][0]["data"] == {**event, "event_id": event_id}
    assert ack["missed"][1]["data"]["event_id"] == moved["event_id"]


def test_a_refused_or_rolled_back_thread_change_emits_nothing(
    app, api, learner, coordinator, make_thread
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reader = SocketClient(app)
    reader.subscribe(thread.id)
    before = db.session.query(LiveEvent).count()
    refused = api(learner).patch(f"/api/v1/threads/{thread.id}", json={"locked": True})
    assert refused.status_code == 403
    # Locked, then an unknown specialty: the whole request is refused and rolled back.
    invalid = api(coordinator).patch(
        f"/api/v1/threads/{thread.id}", json={"locked": True, "specialty": "nope"}
    )
    assert invalid.status_code == 422
    events.announce(db.session, events.ThreadUpdated(coordinator.id, thread.id, ("locked",)))
    db.session.rollback()
    db.session.commit()
    assert thread_events(reader) == []
    assert db.session.query(LiveEvent).count() == before


def test_a_bearer_token_in_auth_identifies_an_api_client(app, learner, mentor, make_thread) -> None:  # type: ignore[no-untyped-def]
    token = accounts.issue_token(learner.email, PASSWORD)
    me = SocketClient(app, auth={"token": token})
    assert me.connected
    thread = make_thread(learner)
    posting.reply(mentor, thread, "Here is my view.")
    [note] = me.received("notification")
    assert note["kind"] == "reply" and note["unread"] == 1
    assert note["thread"] == {"id": thread.id, "title": thread.title}


def test_an_invalid_token_is_refused(app) -> None:  # type: ignore[no-untyped-def]
    assert not SocketClient(app, auth={"token": "not-a-token"}).connected
    assert not SocketClient(app, auth={"token": 42}).connected
    assert SocketClient(app, auth={}).connected  # no token at all: anonymous


def test_the_session_cookie_identifies_a_browser_and_only_its_own_notifications_arrive(
    app, learner, other_learner, mentor, make_thread, make_browser
) -> None:  # type: ignore[no-untyped-def]
    mine = SocketClient(app, make_browser(learner).client)
    theirs = SocketClient(app, make_browser(other_learner).client)
    anonymous = SocketClient(app)
    posting.reply(mentor, make_thread(learner), "A reply for Lena.")
    assert [n["kind"] for n in mine.received("notification")] == ["reply"]
    assert theirs.received("notification") == [] and anonymous.received("notification") == []


def test_presence_counts_readers_and_typing_reaches_the_others(
    app, learner, mentor, make_thread, make_browser
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    lena = SocketClient(app, make_browser(learner).client)
    maya = SocketClient(app, make_browser(mentor).client)
    visitor = SocketClient(app)
    assert lena.subscribe(thread.id)["reading"] == 1
    assert maya.subscribe(thread.id)["reading"] == 2
    assert visitor.subscribe(thread.id)["reading"] == 3
    assert lena.received("presence")[-1] == {"thread_id": thread.id, "reading": 3}
    assert maya.call("typing", {"thread_id": thread.id}) == {"ok": True}
    assert lena.received("typing") == [
        {"thread_id": thread.id, "user": {"id": mentor.id, "name": mentor.name}}
    ]
    assert maya.received("typing") == []  # not echoed to the sender
    assert maya.call("typing", {"thread_id": thread.id})["ok"] is False  # throttled
    assert visitor.call("typing", {"thread_id": thread.id})["ok"] is False  # anonymous
    assert lena.received("typing") == []
    visitor.disconnect()
    assert lena.received("presence")[-1] == {"thread_id": thread.id, "reading": 2}
    maya.call("unsubscribe", {"thread_id": thread.id})
    assert lena.received("presence")[-1] == {"thread_id": thread.id, "reading": 1}


def test_the_thread_page_hands_live_js_the_newest_event_id(
    app, learner, mentor, make_thread, make_reply, client
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    make_reply(mentor, thread)
    newest = log.last_event_id(log.thread_room(thread.id))
    assert newest > 0
    page = client.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert f'data-live-thread="{thread.id}"' in page
    assert f'data-last-event-id="{newest}"' in page
    assert "/static/js/live.js" in page and "/static/vendor/socket.io.min.js" in page


def test_the_log_is_pruned_by_age(app, learner, mentor, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    old, recent = make_reply(mentor, thread), make_reply(mentor, thread)
    rows = db.session.query(LiveEvent).order_by(LiveEvent.id).all()
    rows[0].created_at = utcnow() - timedelta(days=30)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["live", "prune", "--days", "7"])
    assert result.exit_code == 0 and "Removed 1 live event." in result.output
    left = [r.payload["post"]["id"] for r in db.session.query(LiveEvent).all()]
    assert left == [recent.id] and old.id not in left


def test_the_log_prunes_itself_every_so_many_events(
    app, learner, mentor, make_thread, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    posting.reply(mentor, thread, "Old news.")
    db.session.query(LiveEvent).update({"created_at": utcnow() - timedelta(days=30)})
    db.session.commit()
    monkeypatch.setattr(log, "PRUNE_EVERY", 1)
    posting.reply(mentor, thread, "Fresh news.")
    assert [r.payload["post"]["html"] for r in db.session.query(LiveEvent).all()] == [
        "<p>Fresh news.</p>\n"
    ]


def test_pushed_unread_counts_cost_one_query_however_many_watch(
    app, learner, mentor, make_user, make_thread, make_browser, count_queries
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    watchers = [make_user() for _ in range(5)]
    for member in watchers:
        posting.reply(member, thread, "Watching this one.")
    sockets = [SocketClient(app, make_browser(m).client) for m in watchers]
    with count_queries() as statements:
        posting.reply(mentor, thread, "News for everyone.")
    counts = [s for s in statements if "count(" in s.lower() and "notifications" in s.lower()]
    assert len(counts) == 1
    for member, socket in zip(watchers, sockets, strict=True):
        [note] = socket.received("notification")
        unread = db.session.query(Notification).filter_by(user_id=member.id, read_at=None).count()
        assert note["kind"] == "watched" and note["unread"] == unread


def test_presence_is_batched_so_a_crowd_arriving_costs_one_message_each(
    app, learner, make_thread
) -> None:  # type: ignore[no-untyped-def]
    """1000 readers arriving must not make 500,000 emits (bench/live_fanout.py)."""
    thread = make_thread(learner)
    app.config["PRESENCE_INTERVAL"] = 0.2
    try:
        first = SocketClient(app)
        first.subscribe(thread.id)
        others = [SocketClient(app) for _ in range(4)]
        for other in others:
            other.subscribe(thread.id)
        time.sleep(0.6)
        assert first.received("presence") == [{"thread_id": thread.id, "reading": 5}]
    finally:
        app.config["PRESENCE_INTERVAL"] = 0
