"""The new-user path, through the pages, in Debian's chromium driven by Playwright.

A clinician signs up, posts a case from the template and a question; a peer replies; a
mentor endorses the reply with a note; the asker accepts an answer; an edit leaves a
revision in the history. Everything happens by clicking, as a person would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask

from forum.extensions import db
from forum.services import accounts, taxonomy
from tests.browser import LiveServer, browser_context, require_chromium
from tests.conftest import PASSWORD, make_app

pytestmark = pytest.mark.browser
playwright_sync = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    require_chromium()
    app: Flask = make_app(f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.db'}")
    with app.app_context():
        db.create_all()
        taxonomy.create_specialty(None, "Cardiology")
        taxonomy.create_specialty(None, "Emergency Medicine")
        accounts.create_user("peer@example.com", PASSWORD, "Dr Paula Peer", "learner")
        accounts.create_user(
            "mentor@example.com", PASSWORD, "Dr Maya Mentor", "mentor", "cardiology"
        )
        db.session.remove()
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    require_chromium()
    with playwright_sync.sync_playwright() as pw:
        browser, _ = browser_context(pw)
        yield browser
        browser.close()


def new_page(chromium):  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    expected = "the server responded with a status of 422"  # the form we send back on purpose

    def console(msg) -> None:  # type: ignore[no-untyped-def]
        if msg.type == "error" and expected not in msg.text:
            errors.append(msg.text)

    page.on("console", console)
    return page, errors


def log_in(page, site: LiveServer, email: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site.url}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")
    page.wait_for_url(re.compile(r"^(?!.*/login).*$"))


def test_a_new_clinician_discusses_a_case_with_peers_and_a_mentor(site, chromium) -> None:  # type: ignore[no-untyped-def]
    newcomer, newcomer_errors = new_page(chromium)

    # Sign up.
    newcomer.goto(site.url)
    newcomer.click("a:has-text('Sign up')")
    newcomer.fill("input[name=name]", "Dr Nia Newcomer")
    newcomer.fill("input[name=email]", "nia@example.com")
    newcomer.fill("input[name=password]", "a long enough password")
    newcomer.fill("input[name=confirm]", "a long enough password")
    newcomer.select_option("select[name=profession]", "resident")
    newcomer.fill("input[name=training_level]", "PGY-1 internal medicine")
    newcomer.click("button:has-text('Create account')")
    newcomer.wait_for_url(f"{site.url}/")
    assert "Nia Newcomer" in newcomer.inner_text("header")

    # Post a case from the template; a required section left empty keeps the rest typed.
    newcomer.click("a:has-text('New case')")
    newcomer.fill("input[name=title]", "Inferior STEMI with hypotension after nitroglycerin")
    newcomer.select_option("select[name=specialty]", "cardiology")
    newcomer.fill("input[name=tags]", "stemi, rv-infarct")
    newcomer.fill(
        "textarea[name=presentation]",
        "A patient in their 60s with 1 hour of crushing chest pain; BP 92/60 after GTN.",
    )
    newcomer.fill("textarea[name=examination]", "JVP raised, lungs clear.")
    newcomer.click("button:has-text('Publish case')")
    assert newcomer.locator(".field-error").count() >= 1
    assert "JVP raised" in newcomer.input_value("textarea[name=examination]")
    newcomer.fill("textarea[name=question]", "Would you check right-sided leads, and why?")
    newcomer.click("button:has-text('Publish case')")
    newcomer.wait_for_url(re.compile(r"/threads/\d+"))
    case_url = newcomer.url.split("#")[0]
    body = newcomer.inner_text("main").lower()  # headings may be styled in capitals
    assert "presentation" in body and "question for the group" in body
    assert "examination" in body and "jvp raised" in body

    # A peer replies.
    peer, peer_errors = new_page(chromium)
    log_in(peer, site, "peer@example.com")
    peer.goto(case_url)
    peer.fill(
        "textarea[name=body]",
        "Yes: V4R ST elevation predicts **RV involvement**; give fluids, avoid nitrates.",
    )
    peer.click("button:has-text('Post reply')")
    peer.wait_for_selector("text=RV involvement")

    # A mentor endorses that reply with a note.
    mentor, mentor_errors = new_page(chromium)
    log_in(mentor, site, "mentor@example.com")
    mentor.goto(case_url)
    reply = mentor.locator(".post", has_text="RV involvement")
    reply.locator("summary:has-text('Endorse')").click()
    reply.locator(".endorse-form textarea[name=note]").fill(
        "Links the ECG finding to a change in treatment."
    )
    reply.locator("button:has-text('Endorse this reply')").click()
    mentor.wait_for_selector("text=Links the ECG finding to a change in treatment.")

    # Everyone sees the endorsement, with the mentor's name and badge.
    newcomer.goto(case_url)
    endorsed = newcomer.locator(".post.is-endorsed", has_text="RV involvement")
    assert endorsed.count() == 1
    assert "Maya Mentor" in endorsed.inner_text()
    assert "Verified mentor" in endorsed.inner_text()

    # The newcomer asks a question, the peer answers, the newcomer accepts it.
    newcomer.click("a:has-text('Ask a question')")
    newcomer.fill("input[name=title]", "Loading dose of aspirin in suspected ACS?")
    newcomer.fill("textarea[name=body]", "Chewed 300 mg, or is 162 mg enough?")
    newcomer.click("button:has-text('Post question')")
    newcomer.wait_for_url(re.compile(r"/threads/\d+"))
    question_url = newcomer.url.split("#")[0]
    peer.goto(question_url)
    peer.fill("textarea[name=body]", "Either works; chewing matters more than the dose.")
    peer.click("button:has-text('Post reply')")
    peer.wait_for_selector("text=chewing matters more")
    newcomer.goto(question_url)
    answer = newcomer.locator(".post", has_text="chewing matters more").first
    answer.locator("button:has-text('Accept this answer')").click()
    newcomer.wait_for_selector(".accepted-answer, .post.is-accepted")
    assert "chewing matters more" in newcomer.inner_text(".accepted-answer, .post.is-accepted")

    # The newcomer edits the question and finds the old text in the history.
    newcomer.locator(".post.is-op a:has-text('Edit')").first.click()
    newcomer.fill("textarea[name=body]", "Chewed 300 mg, or is 162 mg enough? (No allergy.)")
    newcomer.click("button:has-text('Save changes')")
    newcomer.wait_for_selector("text=(No allergy.)")
    newcomer.locator("a:has-text('edited')").first.click()
    history = newcomer.inner_text("main")
    assert "(No allergy.)" in history and "Chewed 300 mg, or is 162 mg enough?" in history

    # Peers cannot endorse; nobody hit a script error on the way.
    peer.goto(case_url)
    assert peer.locator("summary:has-text('Endorse')").count() == 0
    assert newcomer_errors == [] and peer_errors == [] and mentor_errors == []
