"""Notifications in the pages: the bell and its count (one query, no writes), the list,
marking read, the watch/mute control, and the post fragment live.js inserts."""

from __future__ import annotations

import re

from forum.extensions import db
from forum.models import Notification, ThreadWatch
from forum.services import posting, queries, reactions

BELL = re.compile(r'<span class="bell-count" data-unread-count( hidden)?>(\d+)</span>')


def bell(page: str) -> int | None:
    found = BELL.search(page)
    return int(found.group(2)) if found else None


def test_the_bell_shows_the_unread_count_with_one_count_query_and_no_writes(
    learner, mentor, make_thread, make_reply, make_browser, count_queries
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    for n in range(3):
        make_reply(mentor, thread, f"Reply {n}.")
    me = make_browser(learner)
    with count_queries() as statements:
        page = me.get("/").get_data(as_text=True)
    assert bell(page) == 3
    about = [s for s in statements if "notifications" in s.lower()]
    assert len(about) == 1 and "count(" in about[0].lower()
    writes = [
        s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert 'href="/notifications"' in page
    assert bell(make_browser().get("/").get_data(as_text=True)) is None  # visitors: no bell


def test_the_notifications_page_lists_newest_first_and_highlights_unread(
    learner, mentor, make_thread, make_reply, make_browser
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner, title="Aspirin loading dose in suspected ACS")
    first = make_reply(mentor, thread, "First.")
    second = make_reply(mentor, thread, f"Second, @{learner.handle}.")
    me = make_browser(learner)
    page = me.get("/notifications").get_data(as_text=True)
    assert page.index(f"#post-{second.id}") < page.index(f"#post-{first.id}")
    assert page.count('class="notification is-unread"') == 2
    assert "mentioned you in" in page and "replied to your thread" in page
    assert f'href="/threads/{thread.id}#post-{first.id}"' in page
    assert "Mark all as read" in page
    assert me.get("/notifications?unread=1").status_code == 200
    assert make_browser().get("/notifications").status_code in (302, 401)


def test_marking_one_then_all_as_read(
    learner, mentor, make_thread, make_reply, make_browser
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    make_reply(mentor, thread, "One.")
    make_reply(mentor, thread, "Two.")
    newest = db.session.query(Notification).order_by(Notification.id.desc()).first()
    me = make_browser(learner)
    done = me.post(f"/notifications/{newest.id}/read", {"next": "/notifications?unread=1"})
    assert done.status_code == 302 and done.headers["Location"] == "/notifications?unread=1"
    assert bell(me.get("/").get_data(as_text=True)) == 1
    evil = me.post("/notifications/read", {"next": "//evil.example/"})
    assert evil.headers["Location"] == "/notifications"
    page = me.get("/notifications").get_data(as_text=True)
    assert "is-unread" not in page and "Mark all as read" not in page
    assert bell(page) == 0
    # Without the CSRF token nothing changes.
    assert me.client.post("/notifications/read").status_code == 400


def test_the_thread_page_offers_watch_and_mute(learner, mentor, make_thread, make_browser) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    me = make_browser(mentor)
    page = me.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert 'data-watch=""' in page and 'value="watching"' in page
    me.post(f"/threads/{thread.id}/watch", {"level": "watching"})
    assert db.session.get(ThreadWatch, (mentor.id, thread.id)).level == "watching"
    page = me.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert 'data-watch="watching"' in page and "Unwatch" in page
    me.post(f"/threads/{thread.id}/watch", {"level": "muted"})
    assert 'data-watch="muted"' in me.get(f"/threads/{thread.id}").get_data(as_text=True)
    me.post(f"/threads/{thread.id}/watch", {"level": ""})
    assert db.session.get(ThreadWatch, (mentor.id, thread.id)) is None
    assert me.post(f"/threads/{thread.id}/watch", {"level": "loud"}).status_code == 422
    assert "data-watch" not in make_browser().get(f"/threads/{thread.id}").get_data(as_text=True)


def test_the_post_fragment_renders_for_the_reader_and_hides_what_they_may_not_read(
    learner, other_learner, mentor, coordinator, make_thread, make_reply, make_browser
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = make_reply(other_learner, thread, "Check **V4R**.")
    reactions.vote(learner, reply, 1)
    as_mentor = make_browser(mentor).get(f"/posts/{reply.id}/fragment")
    html = as_mentor.get_data(as_text=True)
    assert as_mentor.status_code == 200 and as_mentor.headers["Cache-Control"] == "no-store"
    assert html.lstrip().startswith(f'<article class="post" id="post-{reply.id}"')
    assert "<strong>V4R</strong>" in html and "Endorse this reply" in html
    assert "<html" not in html
    mine = make_browser(learner).get(f"/posts/{reply.id}/fragment").get_data(as_text=True)
    assert 'aria-pressed="true"' in mine and "Endorse this reply" not in mine
    visitor = make_browser().get(f"/posts/{reply.id}/fragment").get_data(as_text=True)
    assert "<form" not in visitor
    posting.delete_post(coordinator, queries.all_posts(thread)[0])
    assert make_browser(mentor).get(f"/posts/{reply.id}/fragment").status_code == 404
    assert make_browser(coordinator).get(f"/posts/{reply.id}/fragment").status_code == 200
