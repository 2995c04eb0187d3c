"""forum.content: Markdown cooking, sanitising, mentions and text helpers (no app)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest

from forum.content import cook, excerpt, find_mentions, plain_text, slugify

REL = "nofollow ugc noopener"
MENTIONS = {"asha-patel": "/u/asha-patel", "bob": "/u/bob"}
ALLOWED_TAGS = {"p", "br", "hr", "h3", "h4", "h5", "h6", "strong", "em", "del", "s", "code"}
ALLOWED_TAGS |= {"pre", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th"}
ALLOWED_TAGS |= {"td", "a", "img", "sup", "sub", "span"}
URL_JUNK = re.compile(r"[\x00-\x20\x7f-\xa0\s]+")


class Doc(HTMLParser):
    """The tags (with attributes) and text of an HTML fragment, as a browser sees them."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text = ""
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.text += data

    def all(self, name: str) -> list[dict[str, str]]:
        return [attrs for tag, attrs in self.tags if tag == name]


def normalised_url(value: str) -> str:
    return URL_JUNK.sub("", unquote(html.unescape(value))).lower()


def assert_inert(markup: str) -> Doc:
    """Everything a hostile post could use to run code or leave the site is gone."""
    assert "<script" not in markup.lower()
    doc = Doc(markup)
    for tag, attrs in doc.tags:
        assert tag in ALLOWED_TAGS, (tag, markup)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, markup)
            assert name not in ("style", "srcdoc", "action", "formaction", "xlink:href")
            if name in ("href", "src"):
                url = normalised_url(value)
                for scheme in ("javascript:", "vbscript:", "data:", "file:"):
                    assert scheme not in url, (tag, value, markup)
    for attrs in doc.all("a"):
        assert attrs.get("rel") == REL, markup
        scheme = re.match(r"([a-z][a-z0-9+.-]*):", normalised_url(attrs.get("href", "")))
        assert scheme is None or scheme.group(1) in ("http", "https", "mailto"), markup
    for attrs in doc.all("img"):
        src = attrs.get("src", "")
        assert src.startswith("/") and src[1:2] not in ("/", "\\"), markup
    return doc


# --- basic Markdown -------------------------------------------------------------------


def test_inline_and_block_markdown() -> None:
    out = cook("Hello *em* **strong** ~~gone~~ `x<y`\n\n> quoted\n\n- one\n- two\n\n---")
    assert "<em>em</em>" in out and "<strong>strong</strong>" in out
    assert "<s>gone</s>" in out and "<code>x&lt;y</code>" in out
    assert "<blockquote>\n<p>quoted</p>\n</blockquote>" in out
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in out and "<hr>" in out


def test_ordered_list_keeps_start_and_hard_break() -> None:
    out = cook("3. three\n4. four\n\nline  \nbreak")
    assert '<ol start="3">' in out and "line<br>" in out


def test_fenced_code_block_is_escaped_and_not_linked() -> None:
    out = cook("```python\nif a < b: print('https://example.com @bob')\n```", MENTIONS)
    assert '<pre><code class="language-python">if a &lt; b:' in out
    assert "<a" not in out


def test_table_with_alignment_uses_align_attribute() -> None:
    doc = assert_inert(cook("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |"))
    assert [attrs.get("align") for attrs in doc.all("td")] == ["left", "center", "right"]
    assert [tag for tag, _ in doc.tags][:3] == ["table", "thead", "tr"]


HEADINGS = {"# a": "h3", "## a": "h4", "### a": "h5", "#### a": "h6", "###### a": "h6"}


@pytest.mark.parametrize(("source", "tag"), [*HEADINGS.items(), ("a\n===", "h3"), ("a\n-", "h4")])
def test_headings_are_shifted_below_page_headings(source: str, tag: str) -> None:
    assert cook(source) == f"<{tag}>a</{tag}>\n"


def test_raw_html_is_shown_as_text() -> None:
    out = cook("<b>bold?</b> <div>x</div>")
    assert "<b>" not in out and "&lt;b&gt;bold?&lt;/b&gt;" in out


def test_same_site_image_is_kept_and_external_image_becomes_alt_text() -> None:
    doc = assert_inert(cook("![CT scan](/uploads/ct.png) ![tracker](https://evil.example/t.png)"))
    assert doc.all("img") == [{"src": "/uploads/ct.png", "alt": "CT scan"}]
    assert "tracker" in doc.text


# --- links ----------------------------------------------------------------------------


def test_links_get_rel_and_keep_title() -> None:
    doc = assert_inert(cook('[guideline](https://example.org/g "NICE") [rel](/t/1) <a@b.co>'))
    assert [a["href"] for a in doc.all("a")] == ["https://example.org/g", "/t/1", "mailto:a@b.co"]
    assert doc.all("a")[0]["title"] == "NICE"


WIKI = "https://en.wikipedia.org/wiki/Sepsis_(disease)"


@pytest.mark.parametrize(
    ("source", "href"),
    [
        ("see https://example.org/a?b=1&c=2 now", "https://example.org/a?b=1&c=2"),
        ("see https://example.org/x.", "https://example.org/x"),
        (f"(see {WIKI})", WIKI),
        ("(https://example.org/x)", "https://example.org/x"),
        ("visit www.example.org, then", "https://www.example.org"),
        ("<https://example.org/auto>", "https://example.org/auto"),
    ],
)
def test_bare_urls_are_linked(source: str, href: str) -> None:
    doc = assert_inert(cook(source))
    (link,) = doc.all("a")
    assert link["href"] == href
    assert href.removeprefix("https://" if "www." in source else "") in doc.text


@pytest.mark.parametrize("source", ["`https://example.org`", "https:// nothing", "www. no"])
def test_bare_url_lookalikes_are_not_linked(source: str) -> None:
    assert "<a" not in cook(source)


# --- mentions -------------------------------------------------------------------------


def test_known_mention_is_linked_unknown_stays_text() -> None:
    doc = assert_inert(cook("thanks @asha-patel and @nobody", MENTIONS))
    assert doc.all("a") == [{"href": "/u/asha-patel", "class": "mention", "rel": REL}]
    assert doc.text.strip() == "thanks @asha-patel and @nobody"


@pytest.mark.parametrize(
    "source",
    ["@asha-patel, hi", "@asha-patel.", "(@asha-patel)", "@asha-patel_ ok", "@Asha-Patel!"],
)
def test_mention_with_trailing_punctuation(source: str) -> None:
    doc = assert_inert(cook(source, MENTIONS))
    assert [a["href"] for a in doc.all("a")] == ["/u/asha-patel"]
    assert find_mentions(source) == {"asha-patel"}


@pytest.mark.parametrize(
    "source",
    [
        "`@asha-patel`",
        "```\n@asha-patel\n```",
        "    @asha-patel indented code",
        "mail asha@asha-patel.org or bob@bob.example",
        "[ask @asha-patel](/t/1)",
        "https://example.org/@asha-patel",
        "@asha-patel-and-a-handle-that-is-far-too-long-to-be-real",
        "@asha-patel@mastodon.example",
    ],
)
def test_mentions_ignored_in_code_links_emails(source: str) -> None:
    assert 'class="mention"' not in cook(source, MENTIONS)
    assert "asha-patel" not in find_mentions(source)


def test_find_mentions_returns_lowercase_handles() -> None:
    assert find_mentions("@Bob @asha-patel @bob `@carol` x@dave @e") == {"bob", "asha-patel"}


def test_mention_paths_are_still_sanitised() -> None:
    assert_inert(cook("@bob", {"bob": "javascript:alert(1)"}))


# --- hostile input --------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](java%09script:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](file:///etc/passwd)",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)" onclick="alert(1)">x</a>',
    "![x](https://evil.example/x.png)",
    "![x](//evil.example/x.png)",
    "![x](/\\evil.example/x.png)",
    "![x](data:image/png;base64,iVBORw0KGgo=)",
    "![x](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="https://evil.example"><input name=x></form>',
    '<object data="javascript:alert(1)"></object><embed src=javascript:alert(1)>',
    "<javascript:alert(1)>",
    "<!-- <script>alert(1)</script> -->",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "{{7*7}}",
    "{% for x in range(3) %}{{7*7}}{% endfor %}",
    "**<script>**alert(1)</script>",
    "[<img src=x onerror=alert(1)>](https://ok.example)",
    '[x](https://ok.example "\\" onmouseover=\\"alert(1)")',
    'https://ok.example/"onmouseover="alert(1)',
    '@bob"><script>alert(1)</script>',
    "<scr<script>ipt>alert(1)</script>",
    "<scr\x00ipt>alert(1)</scr\x00ipt>",
    '<details open ontoggle=alert(1)><base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "> - <svg onload=alert(1)>\n>   [y](javascript:alert(1))",
    "| a |\n|---|\n| <script>alert(1)</script> [z](javascript:alert(1)) |",
    "```html\n<script>alert(1)</script>\n```\n`<img src=x onerror=alert(1)>`",
    "\u202egnp.exe \u200b@bob\u200d <b\u202eo>",
    "javascript:alert(1) and vbscript:msgbox(1) as plain text",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_input_is_inert(payload: str) -> None:
    once = cook(payload, MENTIONS)
    assert_inert(once)
    assert_inert(cook(once, MENTIONS))  # cooking cooked output is still safe
    if "{{7*7}}" in payload:
        assert "{{7*7}}" in plain_text(once) and "49" not in once
    if "{%" in payload:
        assert "{% for x in range(3) %}" in plain_text(once)


def test_cooking_output_again_only_escapes_it() -> None:
    once = cook("[x](https://ok.example) @bob", MENTIONS)
    twice = cook(once, MENTIONS)
    assert "&lt;a href=" in twice
    assert_inert(twice)


@pytest.mark.parametrize(
    "unit",
    [
        "Para *em*, `code`, @bob and https://example.org/x.\n\n| a | b |\n|-|-|\n| 1 | 2 |\n\n",
        "|x|y|\n",
        "*" * 5000 + "a" + "*" * 5000,
        "&amp;",
        "_a_",
        "https://x.example/" + ")" * 50,
    ],
)
def test_long_input_cooks(unit: str) -> None:
    source = (unit * (200_000 // len(unit) + 1))[:200_000]
    if unit.startswith("|x"):
        source = "|a|b|\n|-|-|\n" + source
    out = cook(source, MENTIONS)
    assert out
    assert_inert(out)


# --- text helpers ---------------------------------------------------------------------


def test_plain_text_strips_tags_and_unescapes() -> None:
    out = cook("# Title\n\nA &amp; B <i>  x\n\n- one\n- two\n\n|a|b|\n|-|-|\n|1|2|")
    assert plain_text(out) == "Title A & B <i> x one two a b 1 2"
    assert plain_text("<p>a<script>hidden()</script>b</p><p>c&nbsp;d</p>") == "ab c d"
    assert plain_text("") == ""


def test_excerpt_cuts_at_word_boundary() -> None:
    html_ = cook("word " * 100)
    short = excerpt(html_, 22)
    assert short == "word word word word…" and len(short) <= 22
    assert excerpt(cook("short text")) == "short text"
    assert excerpt(cook("x" * 50), 10) == "x" * 9 + "…"
    assert excerpt(cook("exactly ten"), 11) == "exactly ten"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Hello, World!", "hello-world"),
        ("  Café  Déjà-vu  ", "cafe-deja-vu"),
        ("Straße İstanbul", "strasse-istanbul"),
        ("Sj\u00f6gren\u2019s syndrome: \u00bd dose", "sjogren-s-syndrome-1-2-dose"),
        ("---", ""),
        ("", ""),
        ("日本語", ""),
        ("\uff21\uff22\uff23 \uff11\uff12\uff13", "abc-123"),  # fullwidth
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_truncates_on_a_hyphen() -> None:
    assert slugify("alpha beta gamma delta", max_length=12) == "alpha-beta"
    assert slugify("a" * 80) == "a" * 60
    assert len(slugify("word " * 40)) <= 60
