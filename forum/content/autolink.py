"""Core rule that turns bare URLs and known @mentions in plain text into links.

It runs on markdown-it tokens rather than on HTML, so code spans, code blocks and
existing links are skipped structurally (they are not ``text`` tokens, or they sit
between ``link_open`` and ``link_close``).  Both regular expressions only start a
match at a literal prefix ("http", "www.", "@") and are bounded, so the pass is
linear in the size of the post (bleach's LinkifyFilter is quadratic on long runs
of word characters, which is why it is not used).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

ENV_MENTIONS = "rounds_mentions"
ENV_FOUND = "rounds_found_mentions"

# A handle is [a-z0-9][a-z0-9_-]{1,38}; in running text it must not end with "-" or
# "_" so that "@asha-patel," or "@asha-patel_" mention "asha-patel".  It must not be
# glued to a preceding word/URL/e-mail character ("bob@x.org", "/x/@y", "?u=@y"), nor
# be followed by more handle characters (too long) or by "@" ("@a@host").
MENTION_RE = re.compile(
    r"(?<![\w.+\-/\\@=%&#$~^`|'*!?{}])"
    r"@([a-z0-9][a-z0-9_-]{0,37}[a-z0-9])"
    r"(?![a-z0-9@]|[_-]+[a-z0-9@])",
    re.IGNORECASE,
)

# GFM-style extended autolinks: http(s):// or www. up to whitespace or markup chars.
URL_RE = re.compile(r"(?<![\w.@/+\-])(?:https?://|www\.)[^\s<>\"'`\x00-\x1f\x7f]+", re.IGNORECASE)
_URL_TRAILING = ".,:;!?*_~\"'"
_URL_PREFIXES = ("https://", "http://", "www.")


def _trim_url(url: str) -> str:
    """Drop trailing punctuation and unbalanced ")" the way GFM autolinks do."""
    unbalanced = url.count(")") - url.count("(")
    end = len(url)
    while end:
        last = url[end - 1]
        if last in _URL_TRAILING:
            end -= 1
        elif last == ")" and unbalanced > 0:
            end -= 1
            unbalanced -= 1
        else:
            break
    return url[:end]


def _has_host(url: str) -> bool:
    """Reject matches that are only a prefix, e.g. "https://" or "www.)"."""
    lowered = url.lower()
    for prefix in _URL_PREFIXES:
        if lowered.startswith(prefix):
            host = re.split(r"[/?#]", url[len(prefix) :], maxsplit=1)[0]
            return any(char.isalnum() for char in host)
    return False


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)


def _link(href: str, content: str, css_class: str | None = None) -> list[Token]:
    link_open = Token("link_open", "a", 1)
    link_open.attrSet("href", href)
    if css_class:
        link_open.attrSet("class", css_class)
    return [link_open, _text(content), Token("link_close", "a", -1)]


def _split_urls(text: str) -> Iterator[tuple[bool, str]]:
    """Yield (is_url, piece) pairs covering ``text``."""
    position = 0
    for match in URL_RE.finditer(text):
        url = _trim_url(match.group(0))
        if not _has_host(url):
            continue
        if match.start() > position:
            yield False, text[position : match.start()]
        yield True, url
        position = match.start() + len(url)
    if position < len(text):
        yield False, text[position:]


def _split_mentions(
    text: str, known: Mapping[str, str], found: set[str]
) -> Iterator[tuple[str | None, str]]:
    """Yield (profile path or None, piece) pairs covering ``text``; record handles."""
    position = 0
    for match in MENTION_RE.finditer(text):
        handle = match.group(1).lower()
        found.add(handle)
        path = known.get(handle)
        if path is None:
            continue
        if match.start() > position:
            yield None, text[position : match.start()]
        yield path, match.group(0)
        position = match.end()
    if position < len(text):
        yield None, text[position:]


def _link_text_token(state: StateCore, token: Token, known: Mapping[str, str]) -> list[Token]:
    found: set[str] = state.env[ENV_FOUND]
    out: list[Token] = []
    for is_url, piece in _split_urls(token.content):
        if is_url:
            target = piece if "://" in piece else f"https://{piece}"
            href = state.md.normalizeLink(target)
            if state.md.validateLink(href):
                out.extend(_link(href, piece))
                continue
        if "@" not in piece:
            out.append(_text(piece))
            continue
        for path, part in _split_mentions(piece, known, found):
            out.extend(_link(path, part, "mention") if path else [_text(part)])
    return out


def link_text(state: StateCore) -> None:
    """markdown-it core rule: link bare URLs and known @mentions in plain text."""
    known: Mapping[str, str] = state.env.get(ENV_MENTIONS) or {}
    state.env.setdefault(ENV_FOUND, set())
    for inline in state.tokens:
        if inline.type != "inline" or not inline.children:
            continue
        new_children: list[Token] = []
        link_depth = 0
        for child in inline.children:
            if child.type == "link_open":
                link_depth += 1
            elif child.type == "link_close":
                link_depth = max(link_depth - 1, 0)
            if child.type == "text" and link_depth == 0:
                new_children.extend(_link_text_token(state, child, known))
            else:
                new_children.append(child)
        inline.children = new_children
