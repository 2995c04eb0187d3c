"""PHI finders for numbers that identify a person or a thing they own.

Social security numbers have a distinctive 3-2-4 shape and are found bare; record,
plan, account and licence numbers look like any other code ("E11.9", "CPT 93000",
"NG12"), so they are flagged only after a label that names them ("MRN", "member ID",
"policy number", "DEA").  Vehicle and device identifiers are the same: a VIN has a
recognisable 17-character shape, a plate or serial number needs its label.

Labels are matched on the lowered copy of the text, values on the original (see
:func:`.phi_common.after_labels`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .phi_common import Candidate, after_labels, alternatives, count_digits

# Separators between a label and its value: "MRN 123", "MRN: 123", "MRN#: 123", "MRN is 123".
_SEP = r"(?![a-z])[ \t]*[:#]{0,2}[ \t]*(?:is[ \t]+)?"
_NUMBER = r"(?:[ \t]+(?:number|num|no\b\.?|#|id\b|identifier))"
_NO = r"[ \t]+(?:number|no\b\.?|#)"

SSN_RE = re.compile(r"\d(?<![\w-]\d)\d\d(?<!000)(?<!666)-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])")
SSN_LABEL_RE = re.compile(rf"(?:ssn|ss#|soc\.?[ \t]+sec\.?|social[ \t]+security){_NUMBER}?{_SEP}")
SSN_VALUE_RE = re.compile(r"\d{3}[ -]?\d{2}[ -]?\d{4}(?![\w-])")

ID_LABEL_RE = re.compile(
    "(?:"
    + "|".join(
        (
            r"mrn|mr#",
            rf"medical[ \t]+record{_NUMBER}?|medical[ \t]+records{_NUMBER}",
            alternatives(r"hospital hosp\.? chart record unit", _NO),
            alternatives("nhs chi ihi", r"[ \t]+(?:number|no\b\.?)"),
            alternatives("patient pt", r"[ \t]+id"),
            alternatives("member subscriber beneficiary enrollee", _NUMBER),
            alternatives(
                "health_plan insurance insurer policy group medicare medicaid claim",
                rf"(?:[ \t]+id)?{_NUMBER}",
            ),
            rf"account{_NUMBER}|acct\.?{_NUMBER}?|a/c[ \t]+no\b\.?",
            alternatives("encounter visit admission episode", r"[ \t]+(?:number|no\b\.?|id)"),
            rf"driver'?s[ \t]+licen[cs]e(?:{_NO})?|licen[cs]e(?![ \t]+plate)(?:{_NO})?",
            alternatives("birth death marriage", rf"[ \t]+certificate{_NUMBER}"),
            rf"certificate{_NUMBER}|cert\.?[ \t]+no\b\.?",
            alternatives("dea npi passport", f"{_NUMBER}?"),
            r"id[ \t]*(?:number|no\b\.?)|id(?=[ \t]*[:#])",
        )
    )
    + f"){_SEP}"
)
# Letters then digits, with inner dashes/slashes, or NHS-style digit groups "943 476 5919".
ID_VALUE_RE = re.compile(
    r"[A-Z]{0,4}-?\d(?:[A-Z\d]|[-/](?=[A-Z\d])|[ ](?=\d{3,4}\b)){3,24}(?![\w-])"
)

VIN_RE = re.compile(r"[A-HJ-NPR-Z0-9](?<![\w-][A-HJ-NPR-Z0-9])[A-HJ-NPR-Z0-9]{16}(?![\w-])")
VIN_LABEL_RE = re.compile(rf"(?:vin|vehicle[ \t]+identification[ \t]+(?:number|no\b\.?)){_SEP}")
VIN_VALUE_RE = re.compile(r"[A-HJ-NPR-Z0-9]{11,17}(?![\w-])")
PLATE_LABEL_RE = re.compile(
    "(?:"
    + alternatives(r"licen[cs]e number registration reg\.? vehicle car", rf"[ \t]+plate(?:{_NO})?")
    + rf"|vehicle[ \t]+registration(?:{_NO})?|plate{_NO}|tag{_NO}|plate"
    + f"){_SEP}"
)
PLATE_VALUE_RE = re.compile(r"[A-Z0-9]{1,8}(?:[- ][A-Z0-9]{1,4}){0,2}(?![\w-])")
SERIAL_LABEL_RE = re.compile(
    rf"(?:serial(?:{_NO})?|s/n|sn|imei|udi|device[ \t]+(?:id|identifier|serial)){_SEP}"
    r"(?:sn[ \t]*[:#]?[ \t]*)?"
)
# "4G7-22891", "PZM445112S", "SJM 7741902" (a space only before a run of digits).
SERIAL_VALUE_RE = re.compile(
    r"[A-Z0-9(](?:[A-Z0-9()]|[-/.](?=[A-Z0-9])|[ ](?=\d{3})){3,40}(?![\w-])"
)


def find_numbers(text: str, low: str) -> Iterator[Candidate]:
    """SSNs, and record/plan/account/licence numbers that follow a label."""
    for m in after_labels(SSN_LABEL_RE, SSN_VALUE_RE, text, low):
        yield Candidate(m.start(), m.end(), "ssn", 80)
    for m in SSN_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "ssn", 70)
    for m in after_labels(ID_LABEL_RE, ID_VALUE_RE, text, low):
        value = m.group().rstrip()
        if count_digits(value) >= 4:
            yield Candidate(m.start(), m.start() + len(value), "mrn", 80)


def _looks_like_vin(value: str) -> bool:
    digits = count_digits(value)
    return digits >= 3 and len(value) - digits >= 2


def find_devices(text: str, low: str) -> Iterator[Candidate]:
    """VINs, licence plates and device serial numbers."""
    for m in after_labels(VIN_LABEL_RE, VIN_VALUE_RE, text, low):
        yield Candidate(m.start(), m.end(), "device", 80)
    for m in VIN_RE.finditer(text):
        if _looks_like_vin(m.group()):
            yield Candidate(m.start(), m.end(), "device", 65)
    for m in after_labels(PLATE_LABEL_RE, PLATE_VALUE_RE, text, low):
        if count_digits(m.group()) and any(ch.isalpha() for ch in m.group()):
            yield Candidate(m.start(), m.end(), "device", 80)
    for m in after_labels(SERIAL_LABEL_RE, SERIAL_VALUE_RE, text, low):
        if count_digits(m.group()) >= 3:
            yield Candidate(m.start(), m.end(), "device", 80)
