"""The list pages, profiles, health check, and the thread page's query budget."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from forum.services import health


def test_home_lists_latest_activity(browser, make_thread, make_reply, learner, other_learner):
    case = make_thread(learner, kind="case", title="A case about syncope in clinic", tags="syncope")
    question = make_thread(learner, title="A question about warfarin reversal")
    make_reply(other_learner, question)
    page = browser.get("/").get_data(as_text=True)
    assert case.title in page and question.title in page
    assert page.index(question.title) < page.index(case.title)  # latest activity first
    assert "Welcome to Rounds" in page and 'href="/signup"' in page
    assert "A patient in their 60s presents" in page  # excerpt of the opening post
    assert 'href="/t/syncope"' in page and learner.name in page


def test_home_welcome_is_for_visitors_only(make_browser, learner):
    page = make_browser(learner).get("/").get_data(as_text=True)
    assert "Welcome to Rounds" not in page
    assert "Present a case" in page


def test_kind_and_filter_tabs(browser, make_thread, make_reply, learner, other_learner, mentor):
    case = make_thread(learner, kind="case", title="Only a case in this list")
    asked = make_thread(learner, title="A question nobody answered yet")
    answered = make_thread(learner, title="A question with an endorsed reply")
    reply = make_reply(other_learner, answered)
    from forum.services import reactions

    reactions.endorse(mentor, reply, "Good.")

    def titles(url: str) -> set[str]:
        page = browser.get(url).get_data(as_text=True)
        return {t.title for t in (case, asked, answered) if t.title in page}

    assert titles("/?kind=case") == {case.title}
    assert titles("/?kind=question") == {asked.title, answered.title}
    assert titles("/?filter=unanswered") == {case.title, asked.title}
    assert titles("/?filter=endorsed") == {answered.title}
    assert 'aria-current="page">Endorsed<' in browser.get("/?filter=endorsed").get_data(
        as_text=True
    )
    assert browser.get("/?kind=poem").status_code == 422


def test_specialty_and_tag_pages(browser, make_thread, learner):
    cardio = make_thread(learner, title="Cardiology thread here", specialty="cardiology")
    em = make_thread(
        learner, title="Emergency thread here", specialty="emergency-medicine", tags="triage"
    )
    page = browser.get("/s/cardiology").get_data(as_text=True)
    assert cardio.title in page and em.title not in page
    assert "Cardiology" in page
    tagged = browser.get("/t/triage").get_data(as_text=True)
    assert em.title in tagged and cardio.title not in tagged
    filtered = browser.get("/?specialty=emergency-medicine").get_data(as_text=True)
    assert em.title in filtered and cardio.title not in filtered
    assert browser.get("/s/no-such-thing").status_code == 404
    listing = browser.get("/specialties").get_data(as_text=True)
    assert "Emergency Medicine" in listing and 'href="/s/cardiology"' in listing


def test_specialty_page_shows_its_description(browser, app):
    from forum.services import taxonomy

    taxonomy.create_specialty(None, "Nephrology", description="Kidneys, fluids & electrolytes.")
    page = browser.get("/s/nephrology").get_data(as_text=True)
    assert "Kidneys, fluids &amp; electrolytes." in page


def test_pagination(browser, make_thread, learner, app):
    per_page = app.config["THREADS_PER_PAGE"]
    threads = [
        make_thread(learner, title=f"Paginated thread number {n:03}") for n in range(per_page + 2)
    ]
    first = browser.get("/?kind=question").get_data(as_text=True)
    assert threads[-1].title in first and threads[0].title not in first
    assert 'href="/?page=2&amp;kind=question"' in first or "kind=question&amp;page=2" in first
    second = browser.get("/?kind=question&page=2").get_data(as_text=True)
    assert threads[0].title in second and threads[-1].title not in second
    assert browser.get("/?page=abc").status_code == 422


def test_profile_page(browser, make_thread, make_reply, learner, other_learner, mentor):
    from forum.services import reactions

    thread = make_thread(learner, title="My first question on Rounds")
    reply = make_reply(other_learner, thread, "Other learner's thoughtful reply.")
    reactions.endorse(mentor, reply, "Nice.")
    page = browser.get(f"/u/{learner.handle}").get_data(as_text=True)
    assert learner.name in page and "Learner" in page and "My first question on Rounds" in page
    theirs = browser.get(f"/u/{other_learner.handle}").get_data(as_text=True)
    assert "Other learner&#39;s thoughtful reply." in theirs and "Endorsed" in theirs
    mentor_page = browser.get(f"/u/{mentor.handle}").get_data(as_text=True)
    assert "Verified mentor" in mentor_page and "Mentor" in mentor_page
    assert browser.get("/u/nobody-here").status_code == 404


def test_healthz(client, monkeypatch):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError("SELECT 1", {}, Exception("down"))

    monkeypatch.setattr(health.db.session, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.get_json() == {"status": "unavailable"}


def test_styleguide_renders(browser):
    assert browser.get("/styleguide").status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_thread_page_query_count_does_not_grow(
    who, make_browser, make_thread, make_reply, learner, other_learner, mentor, count_queries
):
    from forum.services import reactions

    browser = make_browser(None if who == "anonymous" else other_learner)
    counts = []
    for size in (3, 30):
        thread = make_thread(learner, title=f"A thread with {size} replies in it")
        for n in range(size):
            author = other_learner if n % 2 else mentor
            post = make_reply(author, thread, f"Reply {n} mentioning @{learner.handle}.")
            if author is other_learner:
                reactions.endorse(mentor, post, "Good reasoning.")
                reactions.vote(learner, post, 1)
        reactions.accept_answer(learner, thread, post)
        browser.get(f"/threads/{thread.id}")  # warm up
        with count_queries() as queries:
            response = browser.get(f"/threads/{thread.id}")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_list_pages_query_count_does_not_grow(
    who, make_browser, make_thread, make_reply, learner, other_learner, count_queries
):
    browser = make_browser(None if who == "anonymous" else other_learner)

    def add_threads(n: int) -> None:
        for i in range(n):
            thread = make_thread(learner, kind="case" if i % 2 else "question", tags=f"t{i}, all")
            make_reply(other_learner, thread)

    counts: dict[str, list[int]] = {}
    for n in (2, 12):
        add_threads(n if n == 2 else n - 2)
        for url in ("/", "/t/all", f"/u/{learner.handle}", f"/u/{other_learner.handle}"):
            with count_queries() as queries:
                assert browser.get(url).status_code == 200
            counts.setdefault(url, []).append(len(queries))
    for url, (few, many) in counts.items():
        assert few == many, (url, few, many)
