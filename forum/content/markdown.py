"""Markdown -> safe HTML for posts, with @mentions.

The markdown-it instance is configured so that raw HTML in the source is escaped
(``html=False``); a few core rules then adjust the token stream before rendering:

* external images become their alt text (only same-site ``/paths`` may be embedded),
* headings are shifted down two levels (user content never produces h1/h2),
* table alignment is expressed with the ``align`` attribute (no inline styles),
* ``@handle`` in ordinary text becomes a profile link when the handle is known.

The rendered HTML is then passed through :func:`forum.content.sanitize.sanitize`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .autolink import ENV_FOUND, ENV_MENTIONS, link_text
from .sanitize import is_local_path, is_safe_href, sanitize

MAX_INLINE_DEPTH = 12


def _alt_text(tokens: Iterable[Token] | None) -> str:
    """The plain text of an image's alt tokens (what the renderer puts in alt=)."""
    parts: list[str] = []
    for token in tokens or ():
        if token.type in ("text", "code_inline", "text_special"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(_alt_text(token.children))
    return "".join(parts)


def _inline_tokens(state: StateCore) -> Iterable[Token]:
    for token in state.tokens:
        if token.type == "inline" and token.children:
            yield token


def _drop_external_images(state: StateCore) -> None:
    """Replace images whose src is not a same-site path with their alt text."""
    for inline in _inline_tokens(state):
        children = inline.children or []
        for index, child in enumerate(children):
            if child.type != "image":
                continue
            src = child.attrGet("src")
            if isinstance(src, str) and is_local_path(src):
                continue
            children[index] = Token("text", "", 0, content=_alt_text(child.children))


def _limit_inline_nesting(state: StateCore) -> None:
    """Flatten inline markup nested deeper than MAX_INLINE_DEPTH.

    "****...a...****" otherwise renders thousands of nested <strong>, which is
    useless to readers and quadratic for html5lib (and browsers) to process.
    Flattened emphasis shows its markup as text; flattened links keep their text.
    """
    for inline in _inline_tokens(state):
        children = inline.children or []
        flattened: list[bool] = []
        depth = 0
        for index, child in enumerate(children):
            if child.nesting == 1:
                too_deep = depth >= MAX_INLINE_DEPTH
                flattened.append(too_deep)
                if not too_deep:
                    depth += 1
                    continue
            elif child.nesting == -1 and flattened:
                if not flattened.pop():
                    depth -= 1
                    continue
            else:
                continue
            markup = "" if child.type.startswith("link_") else child.markup
            children[index] = Token("text", "", 0, content=markup)


def _shift_headings(state: StateCore) -> None:
    """h1->h3, h2->h4, h3->h5, h4+->h6: the page owns the top two heading levels."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1:])
            token.tag = f"h{min(level + 2, 6)}"


def _align_table_cells(state: StateCore) -> None:
    """Turn markdown-it's ``style="text-align:x"`` into ``align="x"``."""
    for token in state.tokens:
        if token.type not in ("th_open", "td_open"):
            continue
        style = token.attrs.pop("style", None)
        if isinstance(style, str) and style.startswith("text-align:"):
            token.attrSet("align", style.removeprefix("text-align:"))


class _Markdown(MarkdownIt):
    """markdown-it with a stricter link validator.

    The default only blocks javascript:/vbscript:/file:/data:; ours also sees through
    entity/percent-encoded control characters and allows only http, https, mailto
    and relative URLs.  Rejected links stay literal text, e.g. "[x](javascript:..)".
    """

    def validateLink(self, url: str) -> bool:
        return super().validateLink(url) and is_safe_href(url)


def _build_parser() -> MarkdownIt:
    md = _Markdown("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    # markdown-it's linkify needs linkify-it-py; autolink.link_text does bare URLs.
    md.core.ruler.push("rounds_images", _drop_external_images)
    md.core.ruler.push("rounds_inline_depth", _limit_inline_nesting)
    md.core.ruler.push("rounds_headings", _shift_headings)
    md.core.ruler.push("rounds_table_align", _align_table_cells)
    md.core.ruler.push("rounds_autolink", link_text)
    return md


# MarkdownIt instances are safe to share: all per-document state lives in `env`.
_MD = _build_parser()


def _env(mentions: Mapping[str, str] | None) -> dict[str, Any]:
    known = {handle.lower(): path for handle, path in (mentions or {}).items()}
    return {ENV_MENTIONS: known, ENV_FOUND: set()}


def cook(source: str, mentions: Mapping[str, str] | None = None) -> str:
    """Render user Markdown to HTML that is safe to emit unescaped in a page.

    This is the only way user-written text should become HTML: raw HTML is escaped,
    the result is reduced to an allow-list, every link gets
    ``rel="nofollow ugc noopener"`` and ``@handle`` becomes a profile link when
    ``mentions`` (lowercase handle -> profile path) contains the handle.
    """
    html = _MD.render(source, _env(mentions))
    return sanitize(str(html))


def find_mentions(source: str) -> set[str]:
    """Lowercase handles @mentioned in ``source`` (ignoring code, links and e-mails).

    Services call this to look the handles up before :func:`cook`, so both use the
    same parser and rule and therefore agree on what counts as a mention.
    """
    env = _env(None)
    _MD.parse(source, env)
    found: set[str] = env[ENV_FOUND]
    return found
