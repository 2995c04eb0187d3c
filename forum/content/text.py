"""Plain-text helpers: previews, search text and URL slugs."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

# Elements whose boundaries separate words ("<p>a</p><p>b</p>" -> "a b").
_BREAKING_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
# Elements whose content is never visible text.
_HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript"})
_ELLIPSIS = "\u2026"
_SLUG_JUNK_RE = re.compile(r"[^a-z0-9]+")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden_depth += 1
        elif tag in _BREAKING_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKING_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden_depth = max(self._hidden_depth - 1, 0)
        elif tag in _BREAKING_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """The readable text of cooked HTML, for list previews and the search index.

    Tags are removed (block boundaries become spaces), entities are unescaped and
    whitespace is collapsed.  The result is plain text, not HTML: let the template
    autoescape it.
    """
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return " ".join("".join(extractor.parts).split())


def excerpt(html: str, length: int = 220) -> str:
    """A preview of cooked HTML at most ``length`` characters long.

    Cut at a word boundary and marked with "…" when shortened, so list pages never
    show half a word or unbalanced markup.
    """
    text = plain_text(html)
    if len(text) <= length:
        return text
    if length < 1:
        return ""
    limit = length - 1  # Leave room for the ellipsis.
    cut = text[:limit]
    if text[limit : limit + 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    cut = cut.rstrip(" ,;:-\u2013\u2014")
    return f"{cut}{_ELLIPSIS}"


def slugify(text: str, max_length: int = 60) -> str:
    """An ASCII, lowercase, hyphenated slug for readable URLs ("" if nothing is left).

    Accents are dropped after NFKD ("Déjà" -> "deja", "ß" -> "ss"); any other
    character that is not an ASCII letter or digit separates words, so a title in a
    non-Latin script gives "" and callers should fall back to an id.
    """
    if max_length < 1:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    slug = _SLUG_JUNK_RE.sub("-", folded).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        if slug[max_length] != "-" and "-" in cut:
            cut = cut.rsplit("-", 1)[0]
        slug = cut.strip("-")
    return slug
