"""Domain events reach listeners only after the commit holds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from forum import events
from forum.extensions import db
from forum.models import Thread
from forum.services import posting
from forum.services.errors import Invalid


@pytest.fixture
def heard() -> Iterator[list[events.Event]]:
    got: list[events.Event] = []
    listener = got.append
    events.listen(events.Event, listener)
    yield got
    events._listeners[events.Event].remove(listener)


def test_a_committed_reply_is_announced_after_the_commit(
    learner, mentor, make_thread, heard
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    heard.clear()
    post = posting.reply(mentor, thread, "Start with an ECG within 10 minutes.")
    created = [e for e in heard if isinstance(e, events.PostCreated)]
    assert [(e.thread_id, e.post_id, e.actor_id) for e in created] == [
        (thread.id, post.id, mentor.id)
    ]


def test_a_rolled_back_write_announces_nothing(learner, heard) -> None:  # type: ignore[no-untyped-def]
    events.announce(
        db.session, events.ThreadCreated(actor_id=learner.id, thread_id=1, specialty_id=None)
    )
    db.session.rollback()
    db.session.commit()
    assert heard == []


def test_a_failed_service_call_announces_nothing(learner, make_thread, heard) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    heard.clear()
    with pytest.raises(Invalid):
        posting.reply(learner, thread, "   ")
    db.session.commit()
    assert heard == []
    assert db.session.get(Thread, thread.id).reply_count == 0


def test_mentions_of_members_are_carried_by_the_event(learner, mentor, make_thread, heard) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    heard.clear()
    posting.reply(learner, thread, f"What do you think, @{mentor.handle}? And @nobody-here?")
    created = next(e for e in heard if isinstance(e, events.PostCreated))
    assert created.mentioned_user_ids == (mentor.id,)


def test_preparers_write_in_the_transaction_and_deferred_work_waits_for_the_commit(
    learner, mentor, make_thread
) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def prepare(session, event) -> None:  # type: ignore[no-untyped-def]
        seen.append(f"prepare {event.post_id}")
        events.defer(session, lambda: seen.append("after commit"))

    events.prepare(events.PostCreated, prepare)
    try:
        thread = make_thread(learner)
        seen.clear()
        with pytest.raises(Invalid):
            posting.reply(mentor, thread, "")
        assert seen == []
        post = posting.reply(mentor, thread, "Repeat the troponin at 3 hours.")
        assert seen == [f"prepare {post.id}", "after commit"]
    finally:
        events._preparers[events.PostCreated].remove(prepare)
