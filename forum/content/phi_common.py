"""Shared pieces of the PHI guard: the candidate record and small context helpers.

Every finder module yields :class:`Candidate` tuples; :mod:`forum.content.phi` turns
them into the public, non-overlapping ``PhiSpan`` list.  The helpers here look at a
bounded window of text around a match (never the whole post), so each finder stays
linear in the size of the post however many matches it finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

# How far back (in characters) context rules look for a trigger word.
CONTEXT_WIDTH = 80

# A sentence ends at a newline, or at ".", "!" or "?" after two lowercase letters or
# digits and before a capital: "Mrs. Okafor", "D.O.B. 03/14" and "Dr. Lee" do not end
# a sentence, "was admitted. On 3 May" does.
_SENTENCE_END_RE = re.compile(r"\n|(?<=[a-z0-9)][a-z0-9)][.!?])[ \t]+(?=[A-Z\d])")


class Candidate(NamedTuple):
    """A possible identifier found by one rule.

    ``priority`` says how much the rule trusts itself: labelled values ("MRN 123")
    beat bare patterns, which beat context guesses about names, when spans overlap.
    """

    start: int
    end: int
    kind: str
    priority: int


def count_digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def sentence_start(text: str, pos: int, width: int = CONTEXT_WIDTH) -> int:
    """Where the sentence holding ``pos`` starts, looking back at most ``width`` chars."""
    lo = max(0, pos - width)
    start = lo
    for boundary in _SENTENCE_END_RE.finditer(text, lo, pos):
        start = boundary.end()
    return start


def sentence_end(text: str, pos: int, width: int = 40) -> int:
    """Where the sentence holding ``pos`` ends, looking ahead at most ``width`` chars."""
    hi = min(len(text), pos + width)
    found = _SENTENCE_END_RE.search(text, pos, hi)
    return hi if found is None else found.start()


def lowered(text: str) -> str:
    """``text`` in lower case with the same length, so offsets carry over.

    Finders match keywords and labels on this copy with case-sensitive, literal-first
    patterns: ``re`` can then skip ahead to a possible first letter, which is several
    times faster than ``re.IGNORECASE`` or a leading ``\\b``.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters lower-case to two ("\u0130" -> "i\u0307"); fold ASCII only.
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def starts_word(text: str, pos: int) -> bool:
    """Whether ``pos`` is not preceded by a letter, digit or underscore."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


def after_labels(
    label_re: re.Pattern[str],
    value_re: re.Pattern[str],
    text: str,
    low: str,
    accept: Callable[[re.Match[str]], bool] | None = None,
) -> Iterator[re.Match[str]]:
    """Values that directly follow a label: ``label_re`` runs on the lowered copy (labels
    are case-insensitive), ``value_re`` is matched on the original text at the label's end
    (values such as "A123456" or "Maria Garcia" are case-sensitive).  ``accept`` can veto
    a label match after looking at its surroundings."""
    for label in label_re.finditer(low):
        if starts_word(low, label.start()) and (accept is None or accept(label)):
            value = value_re.match(text, label.end())
            if value is not None:
                yield value


def alternatives(heads: str, tail: str = "") -> str:
    """``"a b_c", "X"`` -> ``"aX|b[ \\t]+cX"``: a flat alternation whose branches all start
    with a literal, which is what lets ``re`` use its fast first-character scan.  Heads
    are separated by spaces; "_" inside a head stands for spaces or tabs."""
    return "|".join(head.replace("_", r"[ \t]+") + tail for head in heads.split())
