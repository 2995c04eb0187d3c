"""The pages are fit for a strict CSP: no inline <script> or <style>, no style="" and no
on*= handlers, no javascript: URLs, even where members typed hostile markup.

Every GET page in the URL map is rendered (so new pages are checked the day they appear),
as a coordinator, who sees the most buttons, and as a visitor.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from flask import Flask

from forum.services import reactions
from tests.test_security_csrf import argument

HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> <span style='color:red'>red</span>"
    " [click](javascript:alert(3)) <a href='#' onclick='alert(4)'>x</a> <style>*{}</style>"
)


URL_ATTRIBUTES = ("href", "src", "action", "formaction")


class InlineFinder(HTMLParser):
    """Collects what a strict CSP would block (or what would need 'unsafe-inline')."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name.lower(): value or "" for name, value in attrs}
        if tag == "script":
            self._in_script = True
            if "src" not in names:
                self.problems.append("<script> without src")
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in names.items():
            if name == "style":
                self.problems.append(f'<{tag} style="{value}">')
            elif name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            elif name in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.problems.append("inline script content")


def inline_problems(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    finder.close()
    return finder.problems


@pytest.fixture
def world(learner, other_learner, mentor, make_thread, make_reply) -> dict[str, Any]:
    """A case and a question with hostile text, a reply, an endorsement, an accepted answer."""
    case = make_thread(learner, "case", title="A case with hostile markup inside")
    question = make_thread(learner, body=f"Question text. {HOSTILE}")
    reply = make_reply(other_learner, question, f"A reply. {HOSTILE}")
    make_reply(learner, case, f"Follow-up. {HOSTILE}")
    reactions.endorse(mentor, reply, "Clear reasoning.")
    reactions.accept_answer(learner, question, reply)
    return {"thread": question, "reply": reply, "member": other_learner, "case": case}


def pages(app: Flask, world: dict[str, Any]) -> list[str]:
    """Every GET route of the app, built with real records (static files and JSON aside)."""
    out = []
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or ()) or rule.endpoint == "static":
            continue
        if rule.rule.startswith(("/api/", "/healthz")):
            continue
        built = rule.build({name: argument(name, world) for name in rule.arguments})
        if built is not None:
            out.append(built[1])
    return [*sorted(set(out)), f"/threads/{world['case'].id}", "/no/such/page"]


def check(client: Any, urls: list[str]) -> dict[str, list[str]]:
    found = {}
    for url in urls:
        response = client.get(url)
        if response.mimetype != "text/html":
            continue
        assert response.status_code < 500, url
        problems = inline_problems(response.get_data(as_text=True))
        if problems:
            found[url] = problems
    return found


def test_no_page_needs_unsafe_inline(app, make_browser, coordinator, world) -> None:
    urls = pages(app, world)
    assert len(urls) >= 12, urls
    assert check(make_browser(coordinator).client, urls) == {}
    assert check(make_browser().client, urls) == {}


def test_the_hostile_text_is_shown_as_text(make_browser, world) -> None:
    html = make_browser().get(f"/threads/{world['thread'].id}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert inline_problems(html) == []


def test_the_finder_finds_what_it_should() -> None:
    found = inline_problems(
        '<script>x()</script><p style="a"></p><a onclick="x">y</a><a href=" JavaScript:x">z</a>'
    )
    assert len(found) == 5, found  # the script counts twice: no src, and content
    assert inline_problems('<script src="/static/js/rounds.js" defer></script>') == []
