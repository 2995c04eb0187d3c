"""PHI finders for dates tied to a person and for ages over 89.

Dates.  A year alone is never PHI ("in 2019", "ACC/AHA 2021"), and neither are
relative times ("day 3", "two weeks ago").  Anything more precise is judged by how
likely it is to be a date at all and by the words before it in the same sentence:

* day-precision dates ("12 March 2024", "03/14/1961", "March 3rd", "1961-03-14")
  are flagged unless the sentence says the date belongs to a publication, meeting or
  guideline ("NICE updated the guideline on 12 March 2024") - in a case post such a
  date is almost always a step in the patient's story;
* coarser or ambiguous dates ("March 2024", "3/4/24", "03/2019") are flagged only
  when a trigger word ties them to the patient ("admitted", "DOB", "died", "on");
* a bare month/day ("6/15") looks like a ratio or a score, so it is flagged only right
  after an event word ("died 6/15", "DOB: 3/14").

When both a trigger and a non-person cue precede a date, the nearer one decides.

Ages.  HIPAA's safe harbour removes ages over 89 and leaves younger ages alone, so the
rules only accept 90-129: stated ("92-year-old", "aged 95", "she is 91", "a gentleman
of 94"), spelled ("ninety-two years old") or implied ("in her 90s", "nonagenarian").
Ages of a population ("patients in their 90s were excluded", "survival at 90 years of
age") are not somebody's age and are left alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .phi_common import (
    Candidate,
    alternatives,
    sentence_end,
    sentence_start,
    starts_word,
)

# "March", "Mar", "Mar." and "MAR"; a dot belongs to the month only after an abbreviation.
_MONTH = (
    "(?:"
    + "|".join(
        rf"{abbr}(?:{rest}\b|\.|\b)" if rest is not None else rf"{abbr}\b"
        for abbr, rest in (
            ("Jan", "uary"),
            ("Feb", "ruary"),
            ("Mar", "ch"),
            ("Apr", "il"),
            ("May", None),
            ("Jun", "e"),
            ("Jul", "y"),
            ("Aug", "ust"),
            ("Sept", "ember"),
            ("Sep", ""),
            ("Oct", "ober"),
            ("Nov", "ember"),
            ("Dec", "ember"),
        )
    )
    + "|"
    + alternatives("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC", r"\b")
    + ")"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
# A number followed by a unit is a quantity, not a date ("May 3 doses", "6-8-10 units").
_QUANTITY = (
    r"[ \t]*(?:%|mg|mcg|ml|mmol|mm|cm|kg|units?|hours?|hrs?|h\b|days?|weeks?|months?"
    r"|years?|times|x\b|doses?|tablets?|puffs?|L\b)"
)
_QUANTITY_RE = re.compile(_QUANTITY)
# "12 March 2024", "3rd of March", "14-Mar-24"; the day is checked in find_dates.
DMY_RE = re.compile(
    rf"(\d(?<![\w.,/-]\d)\d?)(?:st|nd|rd|th)?(?:[ \t]+of)?(?:[ \t]+|-){_MONTH}"
    rf"(?:(?:,?[ \t]+|[-/]){_YEAR}|-\d\d(?!\d)|[ \t]+'\d\d(?!\d))?"
)
# "March 3rd", "Jan 9, 2024" (group "day" set) and "March 2024" (month and year only).
MONTH_FIRST_RE = re.compile(
    rf"{_MONTH}(?:[ \t]+(?P<day>{_DAY})(?![\d:]|{_QUANTITY})(?:,?[ \t]+{_YEAR}|[ \t]+'\d\d(?!\d))?"
    rf"|(?:[ \t]+of)?,?[ \t]+{_YEAR})"
)
# Numbers joined by one repeated separator; _numeric_date tells "1961-03-14", "03/14/1961",
# "3/4/24", "03/2019" and "6/15" from versions, ratios and scores.
NUMERIC_RE = re.compile(
    r"(\d(?<![\w./-]\d)\d{0,3})([/.-])(\d{1,4})(?:\2(\d{1,4}))?(?![\w/]|[.-]\d)"
)
# "died 6/15": a month/day pair is a date only right after a strong event word ("2/3",
# "8/9" and "1/2 strength" elsewhere are fractions and scores).
_EVENT_RIGHT_BEFORE_RE = re.compile(
    r"\b(?:died|born|admitted|discharged|seen|dob|d\.o\.b\.?|dod|dated|deceased|expired"
    r"|passed[ \t]+away)[ \t]*:?[ \t]*$"
)
_OF_RE = re.compile(r"[ \t]+of\b")

# Trigger and cue words are found once per text on the lowered copy (literal-first,
# so fast); find_dates keeps those that start a word.
TRIGGER_RE = re.compile(
    r"(?:dob|d\.o\.b|date[ \t]+of[ \t]+(?:birth|death|admission|discharge|service|visit|surgery"
    r"|procedure|injury|onset|delivery|presentation|diagnosis)|born|birth\w*|b\.|admit\w*"
    r"|admission|adm|discharg\w*|d/c|died|death|deceased|passed[ \t]+away|expired|dod|dos|seen"
    r"|visit\w*|present\w*|attend\w*|reviewed|transferr?ed|diagnos\w*|operated|surgery|underwent"
    r"|deliver\w*|edd|lmp|onset|since|started|began|appointment|follow[ -]?up|f/u|readmit\w*"
    r"|arrived|injur\w*|fell|collapsed|consulted|dated|last)(?![\w/])"
)
CUE_RE = re.compile(
    r"(?:publish\w*|publication|updat\w*|guidelines?|releas\w*|approv\w*|issued|conference"
    r"|congress|meeting|symposium|webinar|journal|deadline|course|effective|version|accessed"
    r"|retrieved|posted|edited|registration|lecture|summit|workshop|launch\w*|announc\w*"
    r"|expiry|expires|apgar|consensus|statement|cme|seminar|vol|doi|revis\w*|amend\w*"
    r"|grand[ \t]+rounds|journal[ \t]+club)\b"
)
# "on 3/4/24", "until 04/2019": a bare preposition right before an ambiguous date.
_ON_RE = re.compile(r"\b(?:on|until|till)[ \t]+$")

# "92-year-old", "94 y/o", "96 years of age", "100th birthday"; 90-129 checked in code.
AGE_NUMBER_RE = re.compile(
    r"(\d(?<![\w.]\d)\d{1,2})(?:(?:[ \t]*-[ \t]*|[ \t]+)?(?:years?|yrs?|y)[ \t]*-?[ \t]*old\b"
    r"|[ \t]*-?[ \t]*(?:y/o|y\.o\.?|yo\b)|[ \t]+years?[ \t]+of[ \t]+age\b"
    r"|(?:st|nd|rd|th)[ \t]+birthday\b)"
)
_UNITS_DIGIT = r"(?:[ \t-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
_SPELLED_HEADS = ("ninety", r"one[ \t-]+hundred(?:[ \t-]+and)?")
_SPELLED = "(?:" + "|".join(_SPELLED_HEADS) + ")" + _UNITS_DIGIT
_NOT_AN_AGE = (
    r"(?!\d|\.\d|st|nd|rd|th"
    r"|[ \t]*(?:%|°|degrees|days?|weeks?|months?|hours?|mg|kg|cm|mm|\+|or[ \t]+older))"
)
_AGE_VALUE = rf"(\d{{2,3}}){_NOT_AN_AGE}"
# On the lowered copy: "aged 95", "age: 101", "in her 90s", "ninety-two years old",
# "nonagenarian".  Every branch starts with a literal (see phi_common.alternatives); the
# number, if any, is checked in find_ages.
AGE_WORD_RE = re.compile(
    "|".join(
        (
            rf"age[ds]?(?![a-z])[ \t]*:?[ \t]*(?:of[ \t]+)?(?:{_AGE_VALUE}|{_SPELLED}\b)",
            *(
                rf"{head}{_UNITS_DIGIT}(?:[ \t-]+years?[ \t-]+old|[ \t-]+years?[ \t]+of[ \t]+age)\b"
                for head in _SPELLED_HEADS
            ),
            r"in[ \t]+(?:his|her|their)[ \t]+(?:(?:early|mid|late)[ \t-]*)?"
            r"(?:(\d{2,3})['\u2019]?s(?![a-z])|nineties(?![a-z]))",
            alternatives("nonagenarian centenarian supercentenarian", r"s?(?![a-z])"),
        )
    )
)
# On the lowered copy: a bare number that the words before make an age ("she is now 91",
# "he turned 97", "a gentleman of 94"); the span is the number alone.
AGE_AFTER_WORDS_RE = re.compile(
    "(?:"
    + alternatives(r"he she", r"(?:['\u2019]s|[ \t]+(?:is|was|turned|turns))")
    + "|turned|"
    + alternatives("man woman gentleman gent lady male female", r"[ \t]+of")
    + rf")(?:[ \t]+(?:now|just|over))?[ \t]+{_AGE_VALUE}"
)
# "patients in their 90s were excluded": an age band of a population, not a person.
_GROUP_RE = re.compile(
    r"\b(?:patients|people|adults|those|individuals|women|men|subjects|participants|cohort"
    r"|population|residents|groups?|anyone|everyone)\b[^.;:]*$"
)

# "survival at 90 years of age": a generic age, not somebody's.
_AT_AGE_RE = re.compile(r"\bat[ \t]+$")


def _day_month_ok(first: str, second: str) -> bool:
    """Day/month or month/day: both at least 1, one of them at most 12, both at most 31."""
    a, b = int(first), int(second)
    return 1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12


class _Words:
    """Where the matches of a word pattern start and end, for bisecting."""

    def __init__(self, pattern: re.Pattern[str], low: str) -> None:
        found = [m for m in pattern.finditer(low) if starts_word(low, m.start())]
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]

    def last_end(self, lo: int, hi: int) -> int:
        """End of the last match inside low[lo:hi], or -1."""
        i = bisect.bisect_right(self.ends, hi) - 1
        return self.ends[i] if i >= 0 and self.starts[i] >= lo else -1

    def any_start(self, lo: int, hi: int) -> bool:
        """Whether a match starts inside low[lo:hi]."""
        i = bisect.bisect_left(self.starts, lo)
        return i < len(self.starts) and self.starts[i] < hi


def _decide(
    text: str, low: str, span: tuple[int, int], strong: bool, triggers: _Words, cues: _Words
) -> bool:
    """Whether the date at text[start:end] belongs to the patient (see module docstring)."""
    start, end = span
    lo = sentence_start(text, start)
    trigger = triggers.last_end(lo, start)
    cue = cues.last_end(lo, start)
    if not strong:
        return trigger > cue or (cue < 0 and _ON_RE.search(low, lo, start) is not None)
    if cue > trigger:
        return False
    # No trigger either way: a cue just after ("12 March 2024 guideline update") decides.
    return trigger >= 0 or not cues.any_start(end, sentence_end(text, end))


def _numeric_date(m: re.Match[str], text: str, low: str) -> bool | None:
    """Strength of a numeric date (True: day precision, False: ambiguous), None if no date."""
    first, sep, second, third = m.groups()
    if third is None:
        if sep != "/" or len(first) > 2:
            return None
        if len(second) == 4:  # "03/2019"
            return False if 1 <= int(first) <= 12 and second[:2] in ("18", "19", "20") else None
        if len(second) > 2 or not _day_month_ok(first, second) or _OF_RE.match(text, m.end()):
            return None
        found = _EVENT_RIGHT_BEFORE_RE.search(low, max(0, m.start() - 30), m.start())
        return True if found else None  # "died 6/15"
    if len(first) == 4:  # "1961-03-14"
        ok = first[:2] in ("18", "19", "20") and len(second) <= 2 and len(third) <= 2
        return True if ok and 1 <= int(second) <= 12 and 1 <= int(third) <= 31 else None
    if len(first) > 2 or len(second) > 2 or len(third) not in (2, 4):
        return None
    if not _day_month_ok(first, second) or (sep == "." and len(third) == 2):
        return None
    if len(third) == 2 and _QUANTITY_RE.match(text, m.end()):
        return None  # "insulin 6-8-10 units"
    return len(third) == 4


def find_dates(text: str, low: str) -> Iterator[Candidate]:
    """Dates more precise than a year that belong to the patient."""
    found: list[tuple[int, int, bool]] = []
    for m in DMY_RE.finditer(text):
        if 1 <= int(m.group(1)) <= 31:
            found.append((m.start(), m.end(), True))
    for m in MONTH_FIRST_RE.finditer(text):
        if starts_word(text, m.start()):
            found.append((m.start(), m.end(), m.group("day") is not None))
    for m in NUMERIC_RE.finditer(text):
        strong = _numeric_date(m, text, low)
        if strong is not None:
            found.append((m.start(), m.end(), strong))
    if not found:
        return
    triggers, cues = _Words(TRIGGER_RE, low), _Words(CUE_RE, low)
    for start, end, strong in found:
        if _decide(text, low, (start, end), strong, triggers, cues):
            yield Candidate(start, end, "date", 60 if strong else 50)


def _is_old(value: str | None) -> bool:
    return value is None or 90 <= int(value) <= 129


def find_ages(text: str, low: str) -> Iterator[Candidate]:
    """Ages of 90 and over of one person ("in her 90s"), not of a group of patients."""
    spans = [(m.start(), m.end()) for m in AGE_NUMBER_RE.finditer(text) if _is_old(m.group(1))]
    for m in AGE_WORD_RE.finditer(low):
        number = next((g for g in m.groups() if g is not None), None)
        if starts_word(low, m.start()) and _is_old(number):
            spans.append((m.start(), m.end()))
    for m in AGE_AFTER_WORDS_RE.finditer(low):
        if starts_word(low, m.start()) and _is_old(m.group(1)):
            spans.append((m.start(1), m.end(1)))
    for start, end in spans:
        before = low[sentence_start(text, start, 40) : start]
        if not _GROUP_RE.search(before) and not _AT_AGE_RE.search(before):
            yield Candidate(start, end, "age", 60)
