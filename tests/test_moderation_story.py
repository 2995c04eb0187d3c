"""The story from the issue, as people would live it through the pages: an author overrides
the PHI guard, three members flag the reply as PHI, it leaves public view at the third flag,
a coordinator resolves it, and the audit log tells the whole story in order."""

from __future__ import annotations

import re

from forum.services import posting, queries

IDENTIFIER = "John Smith (MRN 4471882)"
PLACEHOLDER = "This reply is hidden while coordinators review it."


def test_flagged_as_phi_hidden_at_the_third_flag_redacted_and_unhidden(
    make_browser, api, make_thread, make_user, learner, other_learner, coordinator
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner, "case")
    author = make_browser(other_learner)
    body = f"I saw {IDENTIFIER} with the same ECG."
    warned = author.post(f"/threads/{thread.id}/reply", {"body": body})
    assert warned.status_code == 422 and "Check for patient identifiers" in warned.get_data(
        as_text=True
    )
    author.post(f"/threads/{thread.id}/reply", {"body": body, "confirm_no_phi": "y"})
    reply = queries.all_posts(thread)[-1]
    assert reply.phi_confirmed_at is not None  # published, and in the coordinators' queue
    url = f"/threads/{thread.id}"
    reader = make_browser()

    flaggers = [make_user(name=f"Careful Reader {n}") for n in range(3)]
    for n, flagger in enumerate(flaggers, start=1):
        response = make_browser(flagger).post(
            f"/posts/{reply.id}/flag", {"reason": "phi", "note": "A name and an MRN."}
        )
        assert response.status_code == 302
        visible = IDENTIFIER in reader.get(url).get_data(as_text=True)
        assert visible == (n < 3), n  # public until the third flag, gone from then on
    public = reader.get(url).get_data(as_text=True)
    assert PLACEHOLDER in public
    assert "Hidden automatically after 3 flags" in author.get(url).get_data(as_text=True)

    staff = make_browser(coordinator)
    queue = staff.get("/moderation").get_data(as_text=True)
    assert "Hidden by flags" in queue and "Possible patient identifiers \u00d7 3" in queue
    assert "PHI confirmed by author" in queue
    assert "A name and an MRN." in queue
    edited = staff.post(
        f"/moderation/posts/{reply.id}/redact",
        {
            "body": "I saw a patient with the same ECG.",
            "reason": "Removed a patient name and MRN",
            "scrub_history": "y",
            "next": "/moderation",
        },
    )
    assert edited.status_code == 302 and edited.headers["Location"] == "/moderation"
    assert PLACEHOLDER in reader.get(url).get_data(as_text=True)  # still hidden until decided
    staff.post(f"/moderation/posts/{reply.id}/unhide", {"reason": "Identifiers removed"})

    public = reader.get(url).get_data(as_text=True)
    assert "I saw a patient with the same ECG." in public and PLACEHOLDER not in public
    history = reader.get(f"/posts/{reply.id}/history").get_data(as_text=True)
    assert "4471882" not in history and "Removed by a coordinator" in history
    assert "Nothing waits for review" in staff.get("/moderation").get_data(as_text=True)

    log = api(coordinator).get(f"/api/v1/audit?target=post:{reply.id}").get_json()["items"]
    story = [(e["action"], (e["actor"] or {}).get("name"), e["reason"]) for e in reversed(log)]
    assert story == [
        ("flag.raise", "Careful Reader 0", "Possible patient identifiers"),
        ("flag.raise", "Careful Reader 1", "Possible patient identifiers"),
        ("flag.raise", "Careful Reader 2", "Possible patient identifiers"),
        ("post.auto_hide", None, "Hidden automatically after 3 flags; awaiting review"),
        ("post.edit", coordinator.name, "Removed a patient name and MRN"),
        ("post.scrub_history", coordinator.name, "Removed a patient name and MRN"),
        ("phi.reviewed", coordinator.name, "Removed a patient name and MRN"),
        ("post.unhide", coordinator.name, "Identifiers removed"),
    ]
    page = staff.get(f"/moderation/audit?target=post:{reply.id}").get_data(as_text=True)
    shown = re.findall(r'data-action="([a-z_.]+)"', page)
    assert shown == [action for action, _, _ in reversed(story)]
    assert "4471882" not in page


def test_a_coordinator_keeps_it_hidden(
    make_browser, api, make_thread, make_reply, make_user, learner, other_learner, coordinator
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = posting.reply(other_learner, thread, f"Her name is {IDENTIFIER}.", confirm_no_phi=True)
    for _ in range(3):
        make_browser(make_user()).post(f"/posts/{reply.id}/flag", {"reason": "phi"})
    staff = make_browser(coordinator)
    staff.post(f"/moderation/posts/{reply.id}/hide", {"reason": "Identifies a patient"})
    reader = make_browser(learner).get(f"/threads/{thread.id}").get_data(as_text=True)
    assert PLACEHOLDER in reader and IDENTIFIER not in reader
    author = make_browser(other_learner).get(f"/threads/{thread.id}").get_data(as_text=True)
    assert "Hidden:</strong> Identifies a patient" in author and IDENTIFIER in author
    assert "Nothing waits for review" in staff.get("/moderation").get_data(as_text=True)
    log = api(coordinator).get(f"/api/v1/audit?target=post:{reply.id}").get_json()["items"]
    assert [e["action"] for e in log][:2] == ["post.hide", "post.auto_hide"]
