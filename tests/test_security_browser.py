"""The strict CSP in a real browser: the pages, their scripts, fetch votes and the live
Socket.IO connection all work with nothing refused (Debian's chromium via Playwright)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from forum.extensions import db
from forum.services import accounts, posting, taxonomy
from tests.browser import LiveServer, browser_context, require_chromium
from tests.conftest import PASSWORD, make_app

pytestmark = pytest.mark.browser
playwright_sync = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, int]]:
    require_chromium()
    app: Flask = make_app(f"sqlite:///{tmp_path_factory.mktemp('csp') / 'csp.db'}")
    with app.app_context():
        db.create_all()
        taxonomy.create_specialty(None, "Cardiology")
        author = accounts.create_user("asker@example.com", PASSWORD, "Dr Ann Asker", "learner")
        reader = accounts.create_user("reader@example.com", PASSWORD, "Dr Rae Reader", "mentor")
        thread = posting.create_thread(
            author, "question", "Which loading dose of aspirin?", "300 mg chewed, or 162?"
        )
        posting.reply(reader, thread, "300 mg, chewed: it acts faster.")
        thread_id = thread.id
        db.session.remove()
    with LiveServer(app) as server:
        yield server, thread_id


def test_pages_scripts_and_live_updates_run_under_the_policy(site) -> None:
    server, thread_id = site
    refused: list[str] = []
    with playwright_sync.sync_playwright() as pw:
        browser, context = browser_context(pw)
        page: Any = context.new_page()
        page.set_default_timeout(10_000)
        page.on("console", lambda msg: refused.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: refused.append(str(exc)))
        response = page.goto(f"{server.url}/login")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.fill("input[name=email]", "asker@example.com")
        page.fill("input[name=password]", PASSWORD)
        page.click("button:has-text('Log in')")
        page.wait_for_url(re.compile(r"^(?!.*/login).*$"))
        page.goto(f"{server.url}/threads/{thread_id}")
        page.click("form[data-vote] button")  # a fetch() with the X-CSRFToken header
        page.wait_for_selector("form[data-vote].is-voted")
        page.wait_for_timeout(500)  # let the Socket.IO client connect (or be refused)
        browser.close()
    assert not refused, refused
