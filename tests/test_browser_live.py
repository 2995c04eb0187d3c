"""Two clinicians on one case, in two browser contexts (Debian's chromium via Playwright):
one types and replies; the other sees "is replying...", then the reply slide in (or a
"new replies" bar when reading higher up), the bell count rise and a helpful vote land, all
without reloading."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask

from forum.extensions import db
from forum.services import accounts, posting, taxonomy
from tests.browser import LiveServer, browser_context, require_chromium
from tests.conftest import PASSWORD, make_app
from tests.realtime import bind

pytestmark = pytest.mark.browser
playwright_sync = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    require_chromium()
    app: Flask = make_app(f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.db'}")
    with app.app_context():
        db.create_all()
        taxonomy.create_specialty(None, "Cardiology")
        accounts.create_user("asker@example.com", PASSWORD, "Dr Ana Asker", "learner")
        accounts.create_user("mentor@example.com", PASSWORD, "Dr Maya Mentor", "mentor")
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


def signed_in(chromium, site: LiveServer, email: str):  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{site.url}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")
    page.wait_for_url(re.compile(r"^(?!.*/login).*$"))
    return page, errors


def test_a_reply_appears_for_the_other_reader_without_a_reload(site, chromium) -> None:  # type: ignore[no-untyped-def]
    bind(site.app)
    with site.app.app_context():
        asker = accounts.authenticate("asker@example.com", PASSWORD)
        thread = posting.create_thread(
            asker, "question", "Aspirin before the ECG?", "Chewed, before or after the ECG?"
        )
        url = f"{site.url}/threads/{thread.id}"
        db.session.remove()

    ana, ana_errors = signed_in(chromium, site, "asker@example.com")
    maya, maya_errors = signed_in(chromium, site, "mentor@example.com")
    ana.goto(url)
    maya.goto(url)
    ana.wait_for_selector("text=2 reading now")
    ana.evaluate("window.__noReload = true")
    assert ana.inner_text("[data-unread-count]") == "0"

    # Maya types: Ana sees who is replying.
    maya.locator("textarea[name=body]").press_sequentially("Before: chew 300 mg", delay=20)
    ana.wait_for_selector("text=Dr Maya Mentor is replying…")

    # Maya posts: the reply slides into Ana's page, and Ana's bell counts it.
    maya.locator("textarea[name=body]").fill("Before: chew 300 mg as soon as ACS is suspected.")
    maya.click("button:has-text('Post reply')")
    maya.wait_for_selector("text=Your reply is posted.")
    reply = ana.locator(".post-list .live-new .post", has_text="chew 300 mg as soon as")
    reply.wait_for()
    ana.wait_for_selector("[data-unread-count]:has-text('1')")
    assert ana.evaluate("window.__noReload") is True
    # The fragment is rendered for Ana: she may mark it helpful, and does.
    reply.locator("button:has-text('Helpful')").click()

    # Maya (on her reloaded page) sees the vote arrive in place.
    maya.evaluate("window.__noReload = true")
    post_id = reply.get_attribute("id")
    maya.wait_for_selector(f"#{post_id} .vote-score:has-text('1')")
    assert maya.evaluate("window.__noReload") is True

    # Mid-page (the end of the replies off screen), Ana gets a bar instead, and a click.
    ana.set_viewport_size({"width": 1280, "height": 320})
    ana.evaluate("window.scrollTo(0, 0)")
    maya.locator("textarea[name=body]").fill(
        "Also: a second ECG in 15 minutes if the first is normal."
    )
    maya.click("button:has-text('Post reply')")
    ana.locator("[data-live-banner] button", has_text="1 new reply").click()
    ana.locator(".post", has_text="a second ECG in 15 minutes").wait_for()
    assert ana.locator("[data-live-banner]").is_hidden()
    assert ana.evaluate("window.__noReload") is True
    assert ana_errors == [] and maya_errors == []
