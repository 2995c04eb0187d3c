"""The bleach allow-list that every piece of cooked user HTML passes through.

Markdown rendering (``markdown.py``) already refuses raw HTML, but this pass is the
actual security boundary: whatever the renderer produced, only the tags and
attributes listed here survive and every link carries ``rel="nofollow ugc noopener"``.

bleach's LinkifyFilter is deliberately not used: it is quadratic on long runs of
word characters or entities (a 200 KB post took minutes).  Bare URLs are linked by
``autolink.py`` on the markdown-it token stream instead.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import bleach
from bleach.html5lib_shim import Filter, getTreeWalker

LINK_REL = "nofollow ugc noopener"
LINK_PROTOCOLS = frozenset({"http", "https", "mailto"})

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        # h1/h2 belong to the page chrome; the renderer shifts user headings down.
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "em",
        "del",
        "s",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
        "img",
        "sup",
        "sub",
        "span",
    }
)

_ALIGNMENTS = frozenset({"left", "right", "center"})
_LANGUAGE_CLASS_RE = re.compile(r"language-[A-Za-z0-9_+#.-]{1,40}")
_OL_START_RE = re.compile(r"[0-9]{1,9}")
# Characters browsers ignore or strip inside URLs: C0 controls, space, DEL, C1, NBSP.
_URL_JUNK_RE = re.compile(r"[\x00-\x20\x7f-\xa0\s]+")
_PATH_START_RE = re.compile(r"[/?#]")


def _normalise_url(value: str) -> str:
    """Undo the encodings a browser (or an attacker) may use to hide a scheme."""
    decoded = html.unescape(value)
    decoded = unquote(decoded)
    return _URL_JUNK_RE.sub("", decoded).lower()


def is_safe_href(value: str) -> bool:
    """True for relative URLs and http/https/mailto; rejects javascript:, data: etc.

    Checked after entity- and percent-decoding with control characters removed, so
    ``java&#x09;script:`` or ``java%09script:`` count as ``javascript:``.  Like a
    browser, any colon before the first "/", "?" or "#" is read as ending a scheme,
    so odd prefixes (``<javascript:...``) are rejected rather than guessed at.
    """
    normalised = _normalise_url(value)
    head = _PATH_START_RE.split(normalised, maxsplit=1)[0]
    if ":" not in head:
        return True
    return head.split(":", 1)[0] in LINK_PROTOCOLS


def is_local_path(value: str) -> bool:
    """True only for same-site absolute paths such as ``/uploads/x.png``.

    Rejects protocol-relative ``//host`` and ``/\\host`` (which browsers treat the
    same way) and anything containing whitespace or control characters.
    """
    for candidate in (html.unescape(value), _normalise_url(value)):
        if not candidate.startswith("/") or candidate[1:2] in ("/", "\\"):
            return False
    unescaped = html.unescape(value)
    return "\\" not in unescaped and _URL_JUNK_RE.search(unescaped) is None


def _allow_attribute(tag: str, name: str, value: str) -> bool:
    """Per-tag attribute allow-list (bleach calls this for every attribute)."""
    if tag == "a":
        if name == "href":
            return is_safe_href(value)
        if name == "class":
            return value == "mention"
        return name in ("title", "rel")
    if tag == "img":
        if name == "src":
            return is_local_path(value)
        return name in ("alt", "title")
    if tag == "span":
        return name == "class" and value == "mention"
    if tag in ("th", "td"):
        return name == "align" and value in _ALIGNMENTS
    if tag == "ol":
        return name == "start" and _OL_START_RE.fullmatch(value) is not None
    if tag == "code":
        return name == "class" and _LANGUAGE_CLASS_RE.fullmatch(value) is not None
    return False


class _LinkRelFilter(Filter):
    """html5lib filter: force our rel on every <a>, whatever produced it."""

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for token in super().__iter__():
            if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "a":
                attrs = dict(token["data"] or {})
                attrs[(None, "rel")] = LINK_REL
                token["data"] = attrs
            yield token


_EtreeWalker = getTreeWalker("etree")


class _LinearEtreeWalker(_EtreeWalker):  # type: ignore[misc,valid-type]
    """html5lib's etree walker with an O(1) getParentNode.

    Upstream finds a parent's position with ``list(grandparent).index(parent)``,
    which makes walking quadratic in the number of siblings: a 200 KB post made of
    one long table or list took over half a minute.  Positions are cached per
    parent instead (the tree is not modified while it is walked).
    """

    def __init__(self, tree: Any) -> None:
        super().__init__(tree)
        self._positions: dict[int, dict[int, int]] = {}

    def getParentNode(self, node: Any) -> Any:
        if not isinstance(node, tuple):
            return None
        element, key, parents, flag = node
        if flag == "text":
            return (element, key, parents, None) if parents else element
        parent = parents.pop()
        if not parents:
            return parent
        grandparent = parents[-1]
        positions = self._positions.get(id(grandparent))
        if positions is None:
            positions = {id(child): index for index, child in enumerate(grandparent)}
            self._positions[id(grandparent)] = positions
        return parent, positions[id(parent)], parents, None


class _Cleaner(bleach.Cleaner):
    """bleach.Cleaner using the linear-time tree walker."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.walker = _LinearEtreeWalker


_local = threading.local()


def _cleaner() -> _Cleaner:
    """One Cleaner per thread: bleach's parser keeps internal state."""
    cleaner: _Cleaner | None = getattr(_local, "cleaner", None)
    if cleaner is None:
        cleaner = _Cleaner(
            tags=ALLOWED_TAGS,
            attributes=_allow_attribute,
            protocols=LINK_PROTOCOLS,
            strip=True,
            strip_comments=True,
            filters=[_LinkRelFilter],
        )
        _local.cleaner = cleaner
    return cleaner


def sanitize(html_fragment: str) -> str:
    """Reduce an HTML fragment to the allow-list and give every link our rel."""
    return str(_cleaner().clean(html_fragment))
