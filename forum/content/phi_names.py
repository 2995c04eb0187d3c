"""PHI finder for the names of patients and their family.

Case posts are full of capitalised words that are not patients: eponyms ("Murphy
sign", "Cushing syndrome"), drugs, scores, places and the clinicians discussing the
case ("Dr Okafor suggests", "@amara-okafor").  So a name is flagged only in a patient
or family context:

* after Mr/Mrs/Ms/Miss/Mx (case-sensitive: "MS" is multiple sclerosis);
* after "patient"/"pt"/"baby boy", "named"/"called"/"known as", or a label such as
  "name:", "next of kin:" or "pt: Smith, John";
* after a relation that belongs to someone ("his wife Ngozi", "the son, Peter",
  "Mr Ahmed's daughter Layla"; not "the ward sister, Jane");
* right before the person's details ("Maria Garcia, a 67-year-old", "Jorge Ramírez
  (DOB ...").

No list of first names is needed.  Within the context a name is one to four capitalised
tokens ("O'Brien", "Garcia-Lopez", "McDonald", "J.", "de la Cruz"), cut at the first
token that is a common capitalised non-name ("The", "Dr", "Emergency"), and dropped
when an eponym noun follows ("Kussmaul breathing"), when it is itself a well-known
eponym (except after Mr/Mrs), or when a clinician's title comes first ("his wife,
Dr. Helen Park": clinicians' names are not what the guard looks for).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from .phi_common import Candidate, after_labels, alternatives, starts_word

_U = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_L = "a-z\u00df-\u00f6\u00f8-\u00ff"
# "Okafor", "McDonald", "Garcia-Lopez", "O'Brien", "Núñez" or an initial "J.".
_TOKEN = (
    rf"[{_U}](?:[{_L}]+(?:[{_U}][{_L}]+)?(?:['\u2019-][{_U}{_L}][{_L}]+)*"
    rf"|['\u2019][{_U}][{_L}]+|\.)"
)
# Lower-case particles may come before a token: "Mr de la Cruz", "Anna van der Berg".
_PARTICLES = r"(?:(?:de|da|di|del|della|der|den|du|la|le|van|von|bin|ibn|al|el|ter)[ \t]+){0,2}"
_NAME = rf"{_PARTICLES}{_TOKEN}(?:[ \t]+{_PARTICLES}{_TOKEN}){{0,3}}"
NAME_RE = re.compile(_NAME)
# After a label a name may also be written "Surname, First".
LABELLED_NAME_RE = re.compile(rf"{_TOKEN},[ \t]*{_TOKEN}(?:[ \t]+{_TOKEN})?|{_NAME}")

# Case-sensitive, on the original text: "MS" and "ms" are not titles.
HONORIFIC_RE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Mister|Madam|Mme|Mlle)\b\.?[ \t]+")
# The other contexts are matched on the lowered copy.
_RELATIONS = (
    r"wife|husband|son|daughter|mother|father|mum|mom|dad|brother|sister|partner|spouse"
    r"|fianc[ée]e?|boyfriend|girlfriend|grandson|granddaughter|grandmother|grandfather"
    r"|grandchild|niece|nephew|aunt|uncle|cousin|carer|caregiver|child|baby|twin|sibling"
    r"|stepson|stepdaughter|guardian|widow|widower|friend|neighbour|neighbor|flatmate|roommate"
)
# Relation first (a literal-first pattern); the word before it is checked separately.
FAMILY_RE = re.compile(
    rf"(?:{_RELATIONS})(?![a-z])[ \t]*,?[ \t]*(?:\([ \t]*)?(?:(?:named|called)[ \t]+)?"
)
# "his wife", "the son", "Mr Ahmed's daughter", "the patient's late husband".
_OWNER_BEFORE_RE = re.compile(
    r"\b(?:his|her|their|the|my|our|your|whose|pts?|[a-z]+['\u2019]s?)[ \t]+"
    r"(?:(?:late|ex|elder|older|younger|eldest|youngest|adult|only|twin|step)[ \t-]*)?$"
)
# "Baby boy Johnson", "pt (Greta Lindqvist, 93)".
PATIENT_RE = re.compile(
    r"(?:patient|pt|client|resident|decedent|baby(?:[ \t]+(?:boy|girl))?|infant)(?![\w'\u2019])"
    r"[ \t]*[,(:]?[ \t]*"
)
NAMED_RE = re.compile(
    "(?:" + alternatives("named called name_is goes_by known_as nicknamed aka") + r")[ \t]+"
)
LABEL_RE = re.compile(
    "(?:"
    + alternatives(
        "patient pt full first last given family maiden legal preferred baby",
        r"(?:['\u2019]?s)?[ \t]+name",
    )
    + "|"
    + alternatives(
        "name surname forename next_of_kin nok emergency_contact guardian mother father"
        " spouse parent patient pt client deceased"
    )
    + r")(?![a-z])[ \t]*:[ \t]*"
)
# "Maria Garcia, a 67-year-old", "John Smith is a 54 yo", "Aisha Khan (34 F)",
# "Jorge Ramírez (DOB ...", "Ann Lee, born ...": a name right before its owner's details.
# The details are found first (cheap, literal-first patterns); the name is then looked for
# in the few characters before them.
AGE_DETAILS_RE = re.compile(
    r"\d{1,3}(?:[ \t]*-[ \t]*|[ \t]*)(?:years?\b|yrs?\b|y/o|y\.o\.|yo\b|[MF]\b)"
)
OTHER_DETAILS_RE = re.compile(alternatives(r"DOB D\.O\.B MRN Born born Aged aged Age age", r"\b"))
_DETAILS_SEPARATOR_RE = re.compile(
    r"[A-Za-z\u00e0-\u00ff.][ \t]*(?:[,(]|[ \t]is|[ \t]was)[ \t]*(?:an?[ \t]+)?$"
)
NAME_BEFORE_DETAILS_RE = re.compile(
    rf"({_NAME})(?:[ \t]*,[ \t]*|[ \t]+(?:is|was)[ \t]+|[ \t]*\([ \t]*)(?:an?[ \t]+)?$"
)
# "Drug name: Metoprolol" is not a person's name.
_THING_BEFORE_NAME_RE = re.compile(
    r"\b(?:drug|brand|trade|generic|product|device|trial|study|test|file|user|company|hospital"
    r"|clinic|ward|unit|disease|syndrome|scientific|common|proprietary|chemical|medication"
    r"|medicine|organism|species|gene|score|protocol|course|event|group|team|book|journal)"
    r"[ \t]*$"
)

# Capitalised words that are not names: function words, titles, services, groups.
STOPWORDS = frozenset(
    """a an the he she they his her their it its this that these those we i you our my
    on in at of and or but with without for from to by after before during when while
    today yesterday tomorrow tonight patient patients pt case history exam plan labs
    vitals impression assessment presentation background question update note notes
    was is has had presented admitted denies reports who whom where there here then now
    also no not yes unknown anonymous redacted name male female man woman boy girl baby
    gentleman lady dr dr. doctor prof prof. professor nurse sister mr mrs ms miss mx
    monday tuesday wednesday thursday friday saturday sunday
    jehovah jehovah's witness catholic muslim jewish hindu christian buddhist sikh
    english spanish french arabic mandarin cantonese polish portuguese russian urdu
    hispanic latino latina caucasian black white asian african american british irish
    scottish welsh indian chinese filipino somali ukrainian syrian afghan
    emergency security social services service rapid response code police ambulance
    poison control team hospital clinic ward unit centre center department icu ed gp
    cardiology surgery medicine radiology pharmacy pathology neurology oncology
    haematology hematology nephrology palliative hospice rehab sepsis stroke trauma
    god lord heaven""".split()  # noqa: SIM905 - a word list reads better as prose
)
# Eponyms rejected in the weaker contexts ("known as Graves", "patient, Hodgkin ...").
EPONYMS = frozenset(
    """addison graves hodgkin crohn cushing parkinson alzheimer huntington kawasaki
    raynaud sjögren sjogren guillain brugada wolff mallory osler janeway virchow trousseau
    kussmaul chvostek babinski romberg kernig brudzinski hashimoto ménière meniere
    tourette asperger duchenne wernicke korsakoff marfan kaposi takotsubo glasgow apgar
    barrett whipple hirschsprung cheyne reiter behçet behcet wegener churg henoch paget
    peyronie dupuytren horner charcot wilms ewing burkitt tinel phalen mcburney rovsing
    cullen klinefelter noonan prader angelman patau fallot ebstein eisenmenger heberden
    bouchard killip framingham ranson rockall centor ottawa bell""".split()  # noqa: SIM905
)
_EPONYM_NOUN_RE = re.compile(
    r"(?:['\u2019]s)?[ \t]*-?[ \t]*(?:disease|syndrome|disorder|sign|signs|score|scale|criteria"
    r"|classification|rule|rules|nodes?|lesions?|spots?|triad|pentad|breathing|respiration"
    r"|tear|reflex|law|equation|formula|phenomenon|pattern|type|test|manoeuvre|maneuver"
    r"|procedure|operation|repair|palsy|ulcer|fracture|hernia|cyst|tumou?r|lymphoma|sarcoma"
    r"|cells?|bodies|body|angina|aneurysm|index|method|technique|shunt|valve|murmur|effect"
    r"|encephalopathy|thyroiditis|contracture|space|canal|duct|gland|membrane|line|point"
    r"|plexus|stain|hypothesis|protocol|tool|calculator|grade|stage|staging|regimen|wave"
    r"|waves|curve|block|position|incision|catheter|tube|needle|forceps|ring)\b",
    re.IGNORECASE,
)
# Case-sensitive: "Sister Jones" is a nurse, "her sister Maureen" is family.
_CLINICIAN_BEFORE_RE = re.compile(
    r"(?:\b(?:Dr|DR|Doctor|Prof|Professor|Nurse|Sister|Consultant|Matron)\.?[ \t]+|@)$"
)


def _starts_a_title(text: str, pos: int) -> bool:
    """Whether a capitalised "Patient" inside a sentence starts a title ("the Patient
    Safety Incident report"); "Patient Maria Garcia" opening a sentence is a name."""
    before = text[pos - 2 : pos]
    return (
        text[pos].isupper()
        and len(before) == 2
        and before[1] in " \t"
        and (before[0].islower() or before[0] == ",")
    )


def _is_stop(token: str, eponyms: bool) -> bool:
    word = token.rstrip(".,").lower()
    return word in STOPWORDS or (
        eponyms and re.split(r"[-'\u2019]", word, maxsplit=1)[0] in EPONYMS
    )


def _clean(
    text: str, start: int, end: int, keep_last: bool = False, eponyms: bool = True
) -> tuple[int, int]:
    """Trim text[start:end] to the run of name tokens next to the context; (0, 0) if none.

    With ``eponyms`` (every context but Mr/Mrs) a well-known eponym, or a name followed
    by "disease", "sign" and the like, is rejected."""
    tokens = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    if keep_last:
        tokens.reverse()
    kept: list[tuple[int, int]] = []
    for tok_start, tok_end in tokens:
        if _is_stop(text[tok_start:tok_end], eponyms):
            break
        kept.append((tok_start, tok_end))
    if not kept:
        return 0, 0
    lo, hi = min(s for s, _ in kept), max(e for _, e in kept)
    while hi > lo and text[hi - 1] in ",":
        hi -= 1
    if eponyms and _EPONYM_NOUN_RE.match(text, hi):
        return 0, 0
    if _CLINICIAN_BEFORE_RE.search(text[max(0, lo - 12) : lo]):
        return 0, 0
    return lo, hi


def _has_owner(low: str, pos: int) -> bool:
    """A relation word names a relative only after "his", "the", "Mr Ahmed's" and so on."""
    return _OWNER_BEFORE_RE.search(low, max(0, pos - 40), pos) is not None


def _is_label_of_a_person(low: str, label: re.Match[str]) -> bool:
    """A bare "name:" label names a person unless a thing comes first ("Drug name:")."""
    if not label.group().startswith("name"):
        return True
    return not _THING_BEFORE_NAME_RE.search(low, max(0, label.start() - 20), label.start())


def _contexts(text: str, low: str) -> Iterator[tuple[re.Match[str], int, bool, bool]]:
    """(name match, priority, keep_last, eponyms) for every context rule."""
    for m in HONORIFIC_RE.finditer(text):
        value = NAME_RE.match(text, m.end()) if starts_word(text, m.start()) else None
        if value is not None:
            yield value, 45, False, False
    for value in after_labels(
        LABEL_RE, LABELLED_NAME_RE, text, low, lambda label: _is_label_of_a_person(low, label)
    ):
        yield value, 45, False, True
    for value in after_labels(
        FAMILY_RE, NAME_RE, text, low, lambda rel: _has_owner(low, rel.start())
    ):
        yield value, 40, False, True
    for value in after_labels(NAMED_RE, NAME_RE, text, low):
        yield value, 40, False, True
    for value in after_labels(
        PATIENT_RE, NAME_RE, text, low, lambda label: not _starts_a_title(text, label.start())
    ):
        yield value, 40, False, True
    for details in itertools.chain(AGE_DETAILS_RE.finditer(text), OTHER_DETAILS_RE.finditer(text)):
        pos = details.start()
        if _DETAILS_SEPARATOR_RE.search(text, max(0, pos - 8), pos) is None:
            continue  # cheap test first: most ages and "DOB"s follow no name
        found = NAME_BEFORE_DETAILS_RE.search(text, max(0, pos - 60), pos)
        if found is not None:
            yield found, 40, True, True


def find_names(text: str, low: str) -> Iterator[Candidate]:
    """Names of patients and relatives, found through the contexts listed above."""
    for m, priority, keep_last, eponyms in _contexts(text, low):
        group = 1 if m.re is NAME_BEFORE_DETAILS_RE else 0
        lo, hi = _clean(text, m.start(group), m.end(group), keep_last, eponyms)
        if hi > lo:
            yield Candidate(lo, hi, "name", priority)
