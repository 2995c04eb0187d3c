"""The PHI guard in the publishing path: nothing with a suspected identifier goes out unseen.

Before a case, question or reply is published (or edited), its text is scanned with
`content.detect_phi`. If something looks like a patient identifier, the write is refused
with `PhiSuspected`, which carries every suspect span per field so the author can see them
in their own text. The author either edits them out or confirms "this contains no patient
identifiers"; a confirmed post is published and stamped `phi_confirmed_at`, which puts it
in the coordinators' queue for a look.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..content import PhiSpan, detect_phi
from .errors import Invalid

KIND_LABELS = {
    "name": "a person's name",
    "date": "a precise date",
    "age": "an age over 89",
    "phone": "a phone or fax number",
    "email": "an email address",
    "ssn": "a social security number",
    "mrn": "a record, plan, account or licence number",
    "device": "a vehicle or device identifier",
    "url": "a web address",
    "ip": "an IP address",
    "address": "a street address",
    "zip": "a ZIP code",
}


class PhiSuspected(Invalid):
    """422 `phi_suspected`: the text may identify a patient; edit it or confirm it does not."""

    code = "phi_suspected"

    def __init__(self, texts: Mapping[str, str], spans: Mapping[str, list[PhiSpan]]) -> None:
        kinds = sorted({KIND_LABELS.get(s.kind, s.kind) for found in spans.values() for s in found})
        super().__init__(
            "This may identify a patient (" + ", ".join(kinds) + "). Edit the highlighted "
            "text, or confirm that it contains no patient identifiers.",
            {field: _field_message(found) for field, found in spans.items()},
        )
        self.texts = dict(texts)
        self.spans = {field: list(found) for field, found in spans.items()}

    def extra(self) -> dict[str, object]:
        """The API's addition to the error body: each span with its offsets and kind."""
        return {
            "spans": [
                {"start": s.start, "end": s.end, "kind": s.kind, "field": field, "text": s.text}
                for field, found in self.spans.items()
                for s in found
            ]
        }


def _field_message(found: list[PhiSpan]) -> str:
    kinds = sorted({KIND_LABELS.get(s.kind, s.kind) for s in found})
    return "Looks like " + ", ".join(kinds) + "."


def screen(texts: Mapping[str, object], confirmed: bool) -> bool:
    """Scan each field's text; raise PhiSuspected unless the author confirmed.

    Returns True when something was found and the author confirmed it anyway: the caller
    stamps the post so coordinators review it.
    """
    strings = {field: text for field, text in texts.items() if isinstance(text, str) and text}
    spans = {field: found for field, text in strings.items() if (found := detect_phi(text))}
    if not spans:
        return False
    if confirmed:
        return True
    raise PhiSuspected({field: strings[field] for field in spans}, spans)
