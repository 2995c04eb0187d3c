"""PHI guard: find identifiers in a case post before it is published.

Rounds is for de-identified cases, so a draft that still contains something on HIPAA's
safe-harbour list should be caught.  :func:`detect_phi` returns the suspicious spans;
what to do with them (warn, block, redact) is up to the caller.

Why rules and not a model: the guard has to be cheap enough to run on every save,
explain itself ("this looks like an MRN"), and stay quiet on clinical text, where most
of the numbers are doses, labs, vitals and scores.  Each kind has a finder in a
sibling module; the finders over-generate a little and this module keeps the strongest
span wherever two overlap:

* :mod:`.phi_contact` - email, url, ip, phone, address, zip
* :mod:`.phi_ids` - ssn, mrn (record/plan/account/licence numbers), device
* :mod:`.phi_dates` - date (tied to the patient), age (over 89)
* :mod:`.phi_names` - name (patients and relatives only, never clinicians)

Every pattern is bounded and unambiguous (no catastrophic backtracking), keyword
patterns run on a lowered copy so that ``re`` can skip ahead to their first letter,
and context checks look at a few dozen characters around a match: a 60 KB post takes
about 30 ms.  tests/test_phi.py measures recall and false positives on a labelled
corpus (tests/phi_corpus/).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .phi_common import Candidate, lowered
from .phi_contact import find_phones, find_places, find_web
from .phi_dates import find_ages, find_dates
from .phi_ids import find_devices, find_numbers
from .phi_names import find_names

KINDS = (
    "name",
    "date",
    "age",
    "phone",
    "email",
    "ssn",
    "mrn",
    "device",
    "url",
    "ip",
    "address",
    "zip",
)

_FINDERS: tuple[Callable[[str, str], Iterator[Candidate]], ...] = (
    find_web,
    find_phones,
    find_places,
    find_numbers,
    find_devices,
    find_dates,
    find_ages,
    find_names,
)


@dataclass(frozen=True, slots=True)
class PhiSpan:
    """One suspected identifier: ``text == source[start:end]`` (str indices, end exclusive)."""

    start: int
    end: int
    kind: str
    text: str


def _merge_same_kind(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Union overlapping candidates of one kind ("3 March" inside "3 March 2024")."""
    merged: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.kind, c.start, -c.end)):
        last = merged[-1] if merged else None
        if last is not None and last.kind == cand.kind and cand.start < last.end:
            merged[-1] = Candidate(
                last.start, max(last.end, cand.end), last.kind, max(last.priority, cand.priority)
            )
        else:
            merged.append(cand)
    return merged


def _resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the stronger candidate wherever kinds overlap: priority first, then length."""
    starts: list[int] = []  # the chosen spans, kept sorted and disjoint
    chosen: list[Candidate] = []
    ranked = sorted(
        _merge_same_kind(candidates), key=lambda c: (-c.priority, c.start - c.end, c.start)
    )
    for cand in ranked:
        i = bisect.bisect_right(starts, cand.start)
        if i and chosen[i - 1].end > cand.start:
            continue
        if i < len(chosen) and chosen[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        chosen.insert(i, cand)
    return chosen


def detect_phi(text: str) -> list[PhiSpan]:
    """Likely PHI in ``text``: sorted by start, non-overlapping, one kind per span.

    Kinds are the strings in :data:`KINDS`.  The guard prefers silence on ordinary
    clinical text (doses, labs, vitals, scores, eponyms, years, clinicians' names) to
    completeness, but every kind it reports comes from HIPAA's safe-harbour list.
    """
    if not text:
        return []
    low = lowered(text)
    candidates: list[Candidate] = []
    for finder in _FINDERS:
        candidates.extend(c for c in finder(text, low) if c.end > c.start)
    return [PhiSpan(c.start, c.end, c.kind, text[c.start : c.end]) for c in _resolve(candidates)]
