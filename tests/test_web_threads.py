"""Threads through the HTML pages: posting, reading, replying, editing, deleting."""

from __future__ import annotations

import re

from sqlalchemy import select

from forum.extensions import db
from forum.models import Post, Revision, Thread

from .conftest import CASE


def location_path(response) -> str:  # type: ignore[no-untyped-def]
    return response.headers["Location"]


def case_form(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Inferior STEMI with a tricky right ventricle",
        "specialty": "cardiology",
        "tags": "stemi, ecg",
        **CASE,
        "learning_points": "Right-sided leads in every inferior MI.",
    }
    data.update(overrides)
    return data


def test_post_a_case_from_the_template(make_browser, learner):
    browser = make_browser(learner)
    form = browser.get("/new/case").get_data(as_text=True)
    assert "de-identify" in form.lower()
    for heading in ("Presentation", "History", "Question for the group"):
        assert heading in form
    response = browser.post("/new/case", case_form())
    assert response.status_code == 302
    thread = db.session.scalars(select(Thread)).one()
    assert location_path(response) == f"/threads/{thread.id}"
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "Inferior STEMI with a tricky right ventricle" in page
    for heading in ("Presentation", "Examination", "Investigations", "Learning points"):
        assert re.search(rf"<h\d[^>]*>{heading}</h\d>", page), heading
    assert "case-section-question" in page
    assert "2 mm ST elevation" in page
    assert 'href="/t/stemi"' in page and 'href="/s/cardiology"' in page
    assert "Your case is live." in page


def test_case_errors_keep_every_section(make_browser, learner):
    browser = make_browser(learner)
    response = browser.post(
        "/new/case", case_form(presentation="", history="Typed history stays put.")
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "This field is required." in page
    assert "Typed history stays put." in page
    assert 'value="Inferior STEMI with a tricky right ventricle"' in page
    assert 'value="stemi, ecg"' in page
    assert db.session.scalar(select(Thread.id)) is None


def test_case_service_errors_are_placed_on_fields(make_browser, learner):
    browser = make_browser(learner)
    response = browser.post("/new/case", case_form(title="Short", tags="a b c d e f"))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Use at least 8 characters." in page
    assert "At most 5 tags." in page
    assert "2 mm ST elevation" in page


def test_ask_a_question(make_browser, learner):
    browser = make_browser(learner)
    response = browser.post(
        "/new/question",
        {
            "title": "Loading dose of ticagrelor before PCI?",
            "specialty": "",
            "tags": "",
            "body": "Do you load **before** angiography?",
        },
    )
    assert response.status_code == 302
    page = browser.get(location_path(response)).get_data(as_text=True)
    assert "Do you load <strong>before</strong> angiography?" in page
    assert "Question" in page


def test_question_errors_keep_text(make_browser, learner):
    browser = make_browser(learner)
    response = browser.post(
        "/new/question", {"title": "", "specialty": "cardiology", "body": "My typed question"}
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "My typed question" in page
    assert re.search(r'<option selected value="cardiology">', page)


def test_unknown_thread_is_404(browser):
    assert browser.get("/threads/9999").status_code == 404
    assert browser.get("/posts/9999/history").status_code == 404


def test_reply(make_browser, make_thread, learner, other_learner):
    thread = make_thread(learner)
    browser = make_browser(other_learner)
    response = browser.post(f"/threads/{thread.id}/reply", {"body": "Aspirin *300 mg*."})
    post = db.session.scalars(select(Post).where(Post.number == 2)).one()
    assert location_path(response) == f"/threads/{thread.id}#post-{post.id}"
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert f'id="post-{post.id}"' in page
    assert "Aspirin <em>300 mg</em>." in page
    assert "Your reply is posted." in page


def test_reply_error_keeps_typed_text(make_browser, make_thread, learner, app):
    thread = make_thread(learner)
    browser = make_browser(learner)
    blank = browser.post(f"/threads/{thread.id}/reply", {"body": "   "})
    assert blank.status_code == 422
    too_long = "word " * (app.config["POST_MAX_LENGTH"] // 5 + 1)
    response = browser.post(f"/threads/{thread.id}/reply", {"body": too_long})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "At most 60,000 characters." in page
    assert too_long.strip() in page
    assert thread.title in page


def test_anonymous_sees_log_in_to_reply(browser, make_thread, learner):
    thread = make_thread(learner)
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "Log in to reply" in page
    assert f'action="/threads/{thread.id}/reply"' not in page
    assert browser.client.post(f"/threads/{thread.id}/reply").status_code == 400  # no token
    response = browser.post(f"/threads/{thread.id}/reply", {"body": "hi"})
    assert response.status_code == 302 and "/login" in location_path(response)


def test_locked_thread_says_so(make_browser, make_thread, learner):
    thread = make_thread(learner)
    thread.locked = True
    db.session.commit()
    page = make_browser(learner).get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "This thread is locked" in page
    assert f'action="/threads/{thread.id}/reply"' not in page


def test_edit_creates_history(make_browser, make_thread, make_reply, learner, other_learner):
    thread = make_thread(learner)
    post = make_reply(other_learner, thread, "Give 150 mg.")
    browser = make_browser(other_learner)
    form = browser.get(f"/posts/{post.id}/edit").get_data(as_text=True)
    assert "Give 150 mg." in form
    response = browser.post(
        f"/posts/{post.id}/edit", {"body": "Give 300 mg, chewed.", "reason": "dose"}
    )
    assert location_path(response) == f"/threads/{thread.id}#post-{post.id}"
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "Give 300 mg, chewed." in page
    assert f'href="/posts/{post.id}/history"' in page and ">edited<" in page
    history = browser.get(f"/posts/{post.id}/history").get_data(as_text=True)
    assert "Give 150 mg." in history and "Give 300 mg, chewed." in history
    assert "dose" in history and "Version 2" in history
    assert db.session.scalar(select(Revision.id).where(Revision.number == 2)) is not None


def test_edit_errors_keep_text_and_others_cannot_edit(
    make_browser, make_thread, make_reply, learner, other_learner
):
    thread = make_thread(learner)
    post = make_reply(other_learner, thread, "Original.")
    owner = make_browser(other_learner)
    response = owner.post(f"/posts/{post.id}/edit", {"body": "", "reason": "my reason"})
    assert response.status_code == 422
    assert 'value="my reason"' in response.get_data(as_text=True)
    intruder = make_browser(learner)
    assert intruder.get(f"/posts/{post.id}/edit").status_code == 403
    assert intruder.post(f"/posts/{post.id}/edit", {"body": "Hijack"}).status_code == 403


def test_soft_delete_shows_placeholder(
    make_browser, make_thread, make_reply, learner, other_learner, coordinator
):
    thread = make_thread(learner)
    post = make_reply(other_learner, thread, "A regrettable reply text.")
    author = make_browser(other_learner)
    page = author.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert f'action="/posts/{post.id}/delete"' in page and "data-confirm" in page
    response = author.post(f"/posts/{post.id}/delete")
    assert location_path(response) == f"/threads/{thread.id}#post-{post.id}"
    page = author.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "This reply was deleted." in page
    assert "A regrettable reply text." not in page
    staff = make_browser(coordinator).get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "This reply was deleted." in staff and "A regrettable reply text." in staff


def test_only_allowed_people_delete(make_browser, make_thread, make_reply, learner, other_learner):
    thread = make_thread(learner)
    post = make_reply(other_learner, thread)
    page = make_browser(learner).get(f"/threads/{thread.id}").get_data(as_text=True)
    assert f'action="/posts/{post.id}/delete"' not in page
    assert make_browser(learner).post(f"/posts/{post.id}/delete").status_code == 403


def test_staff_delete_the_opening_post_removes_the_thread(
    make_browser, make_thread, learner, coordinator
):
    thread = make_thread(learner)
    opening = db.session.scalars(select(Post).where(Post.thread_id == thread.id)).one()
    response = make_browser(coordinator).post(f"/posts/{opening.id}/delete")
    assert location_path(response) == "/"
    assert make_browser().get(f"/threads/{thread.id}").status_code == 404


def test_hostile_markdown_is_inert(make_browser, make_thread, learner, other_learner):
    thread = make_thread(learner, title="A <b>bold</b> title {{ 7*7 }}")
    browser = make_browser(other_learner)
    hostile = (
        "<script>alert('x')</script> {{7*7}} {% raw %} "
        "[click](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    browser.post(f"/threads/{thread.id}/reply", {"body": hostile})
    page = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert "{{7*7}} {% raw %}" in page  # printed literally, never evaluated
    assert 'href="javascript' not in page
    assert "<img src=x" not in page
    assert "A &lt;b&gt;bold&lt;/b&gt; title {{ 7*7 }}" in page
    # Strict-CSP ready: no inline scripts, no inline event handlers anywhere on the page.
    assert re.search(r"<script(?![^>]*\bsrc=)", page) is None
    assert re.search(r"<[a-z][^>]*\son[a-z]+\s*=", page) is None


def test_replies_paginate_and_redirect_to_the_right_page(
    make_browser, make_thread, make_reply, learner, other_learner, app
):
    per_page = app.config["POSTS_PER_PAGE"]
    thread = make_thread(learner)
    for n in range(per_page):
        make_reply(other_learner, thread, f"Reply number {n}.")
    browser = make_browser(other_learner)
    response = browser.post(f"/threads/{thread.id}/reply", {"body": "The overflow reply."})
    last = db.session.scalars(select(Post).order_by(Post.number.desc()).limit(1)).one()
    assert location_path(response) == f"/threads/{thread.id}?page=2#post-{last.id}"
    first = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "The overflow reply." not in first and 'rel="next"' in first
    second = browser.get(f"/threads/{thread.id}?page=2").get_data(as_text=True)
    assert "The overflow reply." in second
    assert "Reply number 0." not in second


def test_sort_orders(make_browser, make_thread, make_reply, learner, other_learner, mentor):
    thread = make_thread(learner)
    make_reply(other_learner, thread, "First but plain.")
    best = make_reply(other_learner, thread, "Second and endorsed.")
    make_browser(mentor).post(f"/posts/{best.id}/endorse", {"note": "Clear."})
    browser = make_browser()
    oldest = browser.get(f"/threads/{thread.id}").get_data(as_text=True)
    assert oldest.index("First but plain.") < oldest.index("Second and endorsed.")
    endorsed = browser.get(f"/threads/{thread.id}?order=endorsed").get_data(as_text=True)
    assert endorsed.index("Second and endorsed.") < endorsed.index("First but plain.")
    assert browser.get(f"/threads/{thread.id}?order=nonsense").status_code == 200
