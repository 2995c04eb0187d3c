"""Lay a case's cooked HTML out as the case template's sections.

A case is stored as one Markdown document whose sections are `## Presentation`,
`## History`, ... (see `posting.compose_case`), cooked to `<h4>Presentation</h4>...`.
The page shows each section as its own block, the question highlighted. We only cut the
stored, already-sanitized HTML between *top-level* elements (never inside a blockquote or
a list), so every piece stays balanced, and the only markup we add is our own wrapper with
headings taken from CASE_SECTIONS, escaped. Nothing the author typed is interpreted.
"""

from __future__ import annotations

from html.parser import HTMLParser

from markupsafe import Markup, escape

from ..models import CASE_SECTIONS

HEADING_TAG = "h4"  # "## Heading" after the content module shifts headings down two levels
VOID = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link", "source", "area", "col"})
KEYS_BY_HEADING = {heading: key for key, heading in CASE_SECTIONS.items()}
MODIFIERS = {"question": "case-section-question", "learning_points": "case-section-learning"}


class _TopLevelHeadings(HTMLParser):
    """Finds top-level <h4> elements and their text, as character offsets."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0]
        for index, char in enumerate(source):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.depth = 0
        self.current: tuple[int, list[str]] | None = None
        self.found: list[tuple[int, int, str]] = []  # (start, end, text)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        if self.depth == 0 and tag == HEADING_TAG:
            self.current = (self._offset(), [])
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self.depth = max(self.depth - 1, 0)
        if self.depth == 0 and self.current is not None and tag == HEADING_TAG:
            start, parts = self.current
            end = self.source.find(">", self._offset()) + 1
            self.found.append((start, end, " ".join("".join(parts).split())))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current[1].append(data)


def case_sections(html: str) -> list[tuple[str | None, str, Markup]]:
    """[(section key or None, heading, html)] for a cooked case; one untitled part if the
    document does not follow the template."""
    parser = _TopLevelHeadings(html)
    parser.feed(html)
    parser.close()
    marks = [(s, e, KEYS_BY_HEADING[t]) for s, e, t in parser.found if t in KEYS_BY_HEADING]
    if not marks:
        return [(None, "", Markup(html))]  # noqa: S704 - stored cooked HTML, sanitized on write
    parts: list[tuple[str | None, str, Markup]] = []
    if html[: marks[0][0]].strip():
        parts.append((None, "", Markup(html[: marks[0][0]])))  # noqa: S704 - as above
    for index, (_, end, key) in enumerate(marks):
        stop = marks[index + 1][0] if index + 1 < len(marks) else len(html)
        parts.append((key, CASE_SECTIONS[key], Markup(html[end:stop])))  # noqa: S704 - as above
    return parts


def render_case(html: str) -> Markup:
    """The case as <section class="case-section"> blocks (a Jinja filter: `|case_html`)."""
    out = []
    for key, heading, body in case_sections(html):
        if key is None:
            out.append(Markup('<div class="post-body">{}</div>').format(body))
            continue
        classes = " ".join(filter(None, ["case-section", MODIFIERS.get(key)]))
        out.append(
            Markup(
                '<section class="{}"><h2 class="case-section-title">{}</h2>'
                '<div class="post-body">{}</div></section>'
            ).format(classes, escape(heading), body)
        )
    return Markup("").join(out)
