"""Votes, endorsements and accepted answers through the HTML pages."""

from __future__ import annotations

from sqlalchemy import select

from forum.extensions import db
from forum.models import Endorsement, Post, Thread


def opening_post(thread: Thread) -> Post:
    return db.session.scalars(
        select(Post).where(Post.thread_id == thread.id, Post.number == 1)
    ).one()


def test_vote_toggle(make_browser, make_thread, make_reply, learner, other_learner):
    thread = make_thread(learner)
    post = make_reply(other_learner, thread)
    browser = make_browser(learner)
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert f'action="/posts/{post.id}/vote"' in page and "Helpful" in page
    response = browser.post(f"/posts/{post.id}/vote", {"value": "1"})
    assert response.headers["Location"] == f"/threads/{thread.id}#post-{post.id}"
    assert db.session.get(Post, post.id).score == 1
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert 'aria-pressed="true"' in page
    browser.post(f"/posts/{post.id}/vote", {"value": "0"})
    assert db.session.get(Post, post.id).score == 0


def test_vote_as_json_for_fetch(make_browser, make_thread, make_reply, learner, other_learner):
    thread = make_thread(learner)
    post = make_reply(other_learner, thread)
    browser = make_browser(learner)
    response = browser.post(
        f"/posts/{post.id}/vote", {"value": "1"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.get_json()["score"] == 1 and response.get_json()["voted"] is True


def test_cannot_vote_own_post(make_browser, make_thread, make_reply, learner, other_learner):
    thread = make_thread(learner)
    post = make_reply(other_learner, thread)
    browser = make_browser(other_learner)
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert f'action="/posts/{post.id}/vote"' not in page
    assert browser.post(f"/posts/{post.id}/vote", {"value": "1"}).status_code == 403
    assert browser.post(f"/posts/{post.id}/vote", {"value": "7"}).status_code in (403, 422)


def test_anonymous_vote_goes_to_login(browser, make_thread, make_reply, learner, other_learner):
    thread = make_thread(learner)
    post = make_reply(other_learner, thread)
    response = browser.post(f"/posts/{post.id}/vote", {"value": "1"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_mentor_endorses_with_a_note(make_browser, make_thread, make_reply, learner, mentor):
    thread = make_thread(learner)
    post = make_reply(learner, thread, "Reasoned answer.")
    other = make_reply(mentor, thread, "Mentor's own reply.")
    browser = make_browser(mentor)
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert f'action="/posts/{post.id}/endorse"' in page
    assert f'action="/posts/{other.id}/endorse"' not in page  # never your own
    response = browser.post(
        f"/posts/{post.id}/endorse", {"note": "Starts from the red flags <first>."}
    )
    assert response.headers["Location"] == f"/threads/{thread.id}#post-{post.id}"
    page = make_browser().get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "Endorsed by" in page and mentor.name in page
    assert "Starts from the red flags &lt;first&gt;." in page
    assert "Verified mentor" in page
    mine = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert f'action="/posts/{post.id}/endorse/withdraw"' in mine
    assert f'action="/posts/{post.id}/endorse"' not in mine
    home = make_browser().get("/").get_data(as_text=True)
    assert "Endorsed" in home


def test_endorse_twice_is_a_conflict_and_withdraw(
    make_browser, make_thread, make_reply, learner, mentor
):
    thread = make_thread(learner)
    post = make_reply(learner, thread)
    browser = make_browser(mentor)
    browser.post(f"/posts/{post.id}/endorse", {"note": ""})
    assert browser.post(f"/posts/{post.id}/endorse", {"note": ""}).status_code == 409
    response = browser.post(f"/posts/{post.id}/endorse/withdraw")
    assert response.status_code == 302
    assert db.session.scalar(select(Endorsement.id)) is None


def test_endorse_note_error_keeps_the_note(make_browser, make_thread, make_reply, learner, mentor):
    thread = make_thread(learner)
    post = make_reply(learner, thread)
    note = "Very long note. " * 40
    response = make_browser(mentor).post(f"/posts/{post.id}/endorse", {"note": note})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "At most 500 characters." in page
    assert note.strip() in page
    assert '<details class="endorse-panel" open>' in page


def test_learner_cannot_endorse(make_browser, make_thread, make_reply, learner, other_learner):
    thread = make_thread(learner)
    post = make_reply(other_learner, thread)
    browser = make_browser(learner)
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert f'action="/posts/{post.id}/endorse"' not in page
    assert ">Endorse<" not in page
    assert browser.post(f"/posts/{post.id}/endorse", {"note": "x"}).status_code == 403


def test_asker_accepts_and_it_is_pinned_under_the_question(
    make_browser, make_thread, make_reply, learner, other_learner, app
):
    thread = make_thread(learner)
    answer = make_reply(other_learner, thread, "The accepted answer text.")
    for n in range(app.config["POSTS_PER_PAGE"]):
        make_reply(other_learner, thread, f"Filler {n}.")
    browser = make_browser(learner)
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "Accept this answer" in page
    response = browser.post(f"/threads/{thread.id}/accept", {"post_id": str(answer.id)})
    assert response.headers["Location"] == f"/threads/{thread.id}#post-{answer.id}"
    assert db.session.get(Thread, thread.id).accepted_post_id == answer.id
    second_page = browser.get(f"/threads/{thread.id}?page=2").get_data(as_text=True)
    assert "Accepted answer" in second_page and "The accepted answer text." in second_page
    home = browser.get("/").get_data(as_text=True)
    assert "Answered" in home
    browser.post(f"/threads/{thread.id}/accept", {"post_id": ""})
    assert db.session.get(Thread, thread.id).accepted_post_id is None


def test_coordinator_accepts_another_learner_cannot(
    make_browser, make_thread, make_reply, learner, other_learner, coordinator
):
    thread = make_thread(learner)
    answer = make_reply(other_learner, thread)
    outsider = make_browser(other_learner)
    page = outsider.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "Accept this answer" not in page
    denied = outsider.post(f"/threads/{thread.id}/accept", {"post_id": str(answer.id)})
    assert denied.status_code == 403
    staff = make_browser(coordinator)
    assert "Accept this answer" in staff.get(f"/threads/{thread.id}").get_data(as_text=True)
    staff.post(f"/threads/{thread.id}/accept", {"post_id": str(answer.id)})
    assert db.session.get(Thread, thread.id).accepted_post_id == answer.id


def test_cases_have_no_accepted_answers(make_browser, make_thread, make_reply, learner):
    thread = make_thread(learner, kind="case")
    post = make_reply(learner, thread)
    browser = make_browser(learner)
    assert "Accept this answer" not in browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    response = browser.post(f"/threads/{thread.id}/accept", {"post_id": str(post.id)})
    assert response.status_code == 403
    assert opening_post(thread).number == 1
