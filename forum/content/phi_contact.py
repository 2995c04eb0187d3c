"""PHI finders for contact details: e-mail, URLs, IP addresses, phones, addresses, ZIPs.

These identifiers have recognisable shapes, so the rules are mostly patterns; context
is used only where a shape alone would cry wolf on clinical text (a 5-digit number is
a ZIP only next to a state or an address, a bare digit run is a phone only after a
"tel"/"fax"-style label).  Repetition is bounded and unambiguous (a repeated group
always ends with a delimiter its body cannot match), so a scan is linear in the size of
the post.  Where they can, patterns start with a literal or a character class, checking
the preceding character with a look-behind placed after it, so that ``re`` can skip
quickly to the places where a match may start.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from .phi_common import Candidate, after_labels, alternatives, count_digits, starts_word

# An e-mail is found from its "@" (rare in clinical text); the local part is then looked
# for just before it.  Letters may be non-ASCII ("josé@example.com", "info@müller.de").
EMAIL_DOMAIN_RE = re.compile(r"@[\w-]{1,63}(?:\.[\w-]{1,63}){0,6}\.[^\W\d_]{2,24}(?![\w-])")
EMAIL_LOCAL_RE = re.compile(r"[^\W_][\w.%+-]{0,63}$")
_EMAIL_LOCAL_CHARS = frozenset("._%+-")
# Runs on the lowered copy; find_web rejects URLs glued to a preceding word or path.
URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"'`\x00-\x1f\x7f]{2,2000}")
_URL_GLUE = frozenset(".@/+-_")
_URL_TRAILING = ".,:;!?*_~\"'"
# Four dot-separated numbers; octets up to 255 are checked in find_web.
IPV4_RE = re.compile(r"\d(?<![\w.]\d)\d{0,2}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![\w]|\.\d)")
# "version 2.4.1.8" is a version number, not a host.
_VERSION_BEFORE_RE = re.compile(r"\b(?:version|ver\.?|v|release|build|firmware)[ \t]*$")
# IPv6 addresses contain "::" or have eight groups.  Candidates come from the text around
# each "::" and from this colon-first pattern for the last seven groups (the first group
# is found by walking back); the ipaddress module has the last word.
IPV6_FULL_RE = re.compile(r"(?::[0-9a-f]{1,4}){7}(?![\w:])")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_IPV6_CHARS = _HEX_DIGITS | {":", "."}

# North American numbers: (555) 123-4567, 555-123-4567, 555.123.4567, +1 555 123 4567.
NANP_RE = re.compile(
    r"(?<![\w+./-])(?:\+?1[ \t.-]?)?"
    r"(?:\(\d{3}\)[ \t]?\d{3}[ \t.-]\d{4}|\d{3}([.-]|[ \t])\d{3}\1\d{4})"
    r"(?:[ \t]*(?:x|ext\.?)[ \t]*\d{1,5})?(?![\w-]|\.\d)"
)
# International with a "+": +44 20 7946 0958, +44 (0)20 7946 0958, +61-2-9876-5432.
INTL_RE = re.compile(
    r"\+(?<![\w+]\+)\d{1,3}[ \t.-]?(?:\(\d{1,4}\)[ \t.-]?)?\d{1,5}(?:[ \t.-]\d{1,5}){1,4}"
    r"(?![\w]|[.-]\d)"
)
# Trunk-prefixed national numbers with separators: 020 7946 0958, 07700 900123.
TRUNK_RE = re.compile(
    r"0(?<![\w+./-]0)\d{2,4}(?:[ \t-]\d{3,4}[ \t-]?\d{3,4}|\d{0,2}[ \t-]\d{6})(?![\w-]|\.\d)"
)
PHONE_LABEL_RE = re.compile(
    "(?:"
    + alternatives("tel telephone phone ph fax facsimile mobile mob cell cellphone landline")
    + "|"
    + alternatives("contact_number contact_no whatsapp whats_app text call")
    + r")(?![a-z])\.?(?:[ \t]*(?:no|number|num|#)(?![a-z])\.?)?[ \t]*[:#]?[ \t]*"
)
PHONE_VALUE_RE = re.compile(r"\+?\(?\d[\d \t().-]{5,20}\d(?![\w-])")

_STREET_SUFFIX = (
    r"(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Place|Terrace|Way|Circle|Parkway"
    r"|Highway|Close|Crescent|Square|Row|Walk|Gardens|Grove|Mews|Trail|Alley|Plaza|Loop"
    r"|Pike|Hill|(?:Ave|Rd|Blvd|Ln|Ct|Pl|Cir|Pkwy|Hwy|Sq)\b\.?"
    r"|(?:St|Dr)\b(?!\.?[ \t]+[A-Z][a-z])\.?)"  # "St"/"Dr" before a name: Saint/Doctor
)
_STREET_WORD = r"(?:[A-Z][a-z'\u2019]+|\d{1,3}(?:st|nd|rd|th)|[NSEW]\.?)"
_UNIT = r"(?:,?[ \t]*(?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\.?[ \t]*#?[ \t]*[A-Za-z0-9-]{1,6}\b)?"
STREET_RE = re.compile(
    rf"\d(?<![\w/.,-]\d)\d{{0,5}}[A-Za-z]?(?:-\d{{1,4}})?[ \t]+(?:{_STREET_WORD}[ \t]+){{1,4}}"
    rf"{_STREET_SUFFIX}(?![\w-]){_UNIT}"
)
# On the lowered copy.
PO_BOX_RE = re.compile(
    r"(?:p\.?[ \t]?o\.?[ \t]*box|post[ \t]+office[ \t]+box)[ \t]*#?[ \t]*\d{1,6}\b"
)
ADDRESS_LABEL_RE = re.compile(
    "(?:"
    + alternatives("lives_at living_at resides_at residing_at home_address address")
    + r")(?![a-z])[ \t]*:?[ \t]*"
)
# "12 Kingfisher Close", "7 Rue de Rivoli": capitalised words and a few particles.
ADDRESS_VALUE_RE = re.compile(
    r"\d{1,5}[A-Za-z]?[ \t]+[A-Z][\w'\u2019.-]{0,30}"
    r"(?:[ \t]+(?:[A-Z][\w'\u2019.-]{0,30}|(?:de|la|le|du|des|del|da|di|van|von|der|den)\b)){0,4}"
)

_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH"
    "|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|Alabama|Alaska|Arizona"
    "|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois"
    "|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota"
    "|Mississippi|Missouri|Montana|Nebraska|Nevada|New[ \t]Hampshire|New[ \t]Jersey"
    "|New[ \t]Mexico|New[ \t]York|North[ \t]Carolina|North[ \t]Dakota|Ohio|Oklahoma|Oregon"
    "|Pennsylvania|Rhode[ \t]Island|South[ \t]Carolina|South[ \t]Dakota|Tennessee|Texas|Utah"
    "|Vermont|Virginia|Washington|West[ \t]Virginia|Wisconsin|Wyoming"
)
_ZIP = r"\d{5}(?:-\d{4})?(?![\w-])"
# "Springfield, IL 62704": the city and state go with the ZIP (all three narrow the place).
CITY_STATE_ZIP_RE = re.compile(
    rf"[A-Z](?<![\w-][A-Z])[a-z]+(?:[ \t][A-Z][a-z]+){{0,2}},[ \t]*(?:{_STATES}),?[ \t]+{_ZIP}"
)
ZIP_LABEL_RE = re.compile(  # on the lowered copy
    "(?:" + alternatives("zip_code zipcode zip postal_code postcode post_code") + r")(?![a-z])"
    r"[ \t]*[:#]?[ \t]*"
)
ZIP_VALUE_RE = re.compile(rf"{_ZIP}|[A-Z]{{1,2}}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}}\b")
# "12 Elm Road, Portland OR 97205": a ZIP after an address and a few capitalised words.
ZIP_AFTER_ADDRESS_RE = re.compile(rf"[ \t]*,?[ \t]*(?:[A-Z][A-Za-z.'-]*[ \t,]+){{0,4}}({_ZIP})")


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
    """Reject a bare prefix ("https://", "www.") or a host without a dot."""
    rest = url.split("//", 1)[-1].removeprefix("www.")
    host = re.split(r"[/?#:]", rest, maxsplit=1)[0]
    return "." in host.strip(".") or host == "localhost"


def _ipv6_candidates(text: str, low: str) -> Iterator[tuple[int, int]]:
    """Runs of hex digits, colons and dots around each "::", and full 8-group addresses."""
    covered = 0
    pos = text.find("::")
    while pos != -1:
        if pos >= covered:
            start, end = pos, pos + 2
            while start > 0 and text[start - 1] in _IPV6_CHARS:
                start -= 1
            while end < len(text) and text[end] in _IPV6_CHARS:
                end += 1
            covered = end
            if end - start <= 45 and starts_word(text, start):
                yield start, end
        pos = text.find("::", max(pos + 2, covered))
    for m in IPV6_FULL_RE.finditer(low):
        start = m.start()
        while start > m.start() - 4 and start > 0 and low[start - 1] in _HEX_DIGITS:
            start -= 1
        if start < m.start() and starts_word(low, start):
            yield start, m.end()


def find_web(text: str, low: str) -> Iterator[Candidate]:
    """E-mail addresses, URLs and IPv4/IPv6 addresses."""
    for m in URL_RE.finditer(low):
        if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] in _URL_GLUE):
            continue
        url = _trim_url(m.group())
        if _has_host(url):
            yield Candidate(m.start(), m.start() + len(url), "url", 90)
    for m in EMAIL_DOMAIN_RE.finditer(text):
        local = EMAIL_LOCAL_RE.search(text, max(0, m.start() - 64), m.start())
        if local is None:
            continue
        before = text[local.start() - 1] if local.start() else " "
        if not (before.isalnum() or before == "_" or before in _EMAIL_LOCAL_CHARS):
            yield Candidate(local.start(), m.end(), "email", 85)
    for m in IPV4_RE.finditer(text):
        octets = m.group().split(":", 1)[0].split(".")
        if all(int(o) <= 255 and (o == "0" or o[0] != "0") for o in octets) and not (
            _VERSION_BEFORE_RE.search(low, max(0, m.start() - 16), m.start())
        ):
            yield Candidate(m.start(), m.end(), "ip", 50)
    for start, end in _ipv6_candidates(text, low):
        value = text[start:end].rstrip(".")
        try:
            ipaddress.IPv6Address(value)
        except ValueError:
            continue
        yield Candidate(start, start + len(value), "ip", 50)


def find_phones(text: str, low: str) -> Iterator[Candidate]:
    """Phone and fax numbers: shaped numbers anywhere, loose digit runs after a label."""
    for m in after_labels(PHONE_LABEL_RE, PHONE_VALUE_RE, text, low):
        if 7 <= count_digits(m.group()) <= 15:
            yield Candidate(m.start(), m.end(), "phone", 75)
    for m in NANP_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "phone", 55)
    for m in INTL_RE.finditer(text):
        if 8 <= count_digits(m.group()) <= 15:
            yield Candidate(m.start(), m.end(), "phone", 55)
    for m in TRUNK_RE.finditer(text):
        if 10 <= count_digits(m.group()) <= 11:
            yield Candidate(m.start(), m.end(), "phone", 45)


def find_places(text: str, low: str) -> Iterator[Candidate]:
    """Street addresses, PO boxes and ZIP codes (ZIPs only in an address context)."""
    address_ends: list[int] = []
    for m in STREET_RE.finditer(text):
        address_ends.append(m.end())
        yield Candidate(m.start(), m.end(), "address", 50)
    for m in PO_BOX_RE.finditer(low):
        if starts_word(low, m.start()):
            address_ends.append(m.end())
            yield Candidate(m.start(), m.end(), "address", 50)
    for m in after_labels(ADDRESS_LABEL_RE, ADDRESS_VALUE_RE, text, low):
        end = m.start() + len(m.group().rstrip(".,;:"))
        address_ends.append(end)
        yield Candidate(m.start(), end, "address", 45)
    for m in CITY_STATE_ZIP_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "zip", 55)
    for m in after_labels(ZIP_LABEL_RE, ZIP_VALUE_RE, text, low):
        yield Candidate(m.start(), m.end(), "zip", 75)
    for end in address_ends:
        near = ZIP_AFTER_ADDRESS_RE.match(text, end)
        if near is not None:
            yield Candidate(near.start(1), near.end(1), "zip", 50)
