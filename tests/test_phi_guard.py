"""The PHI guard in the publishing path: pages highlight, the API answers 422 with spans."""

from __future__ import annotations

from sqlalchemy import select

from forum.extensions import db
from forum.models import Post, Thread

IDENTIFIED = "Mr. John Smith, MRN 00123456, was admitted on 12 March 2024 with chest pain."
CLEAN = "A patient in their 60s with 2 hours of chest pain; troponin 0.04 ng/mL, BP 142/88."


def test_the_api_refuses_suspected_phi_with_the_spans(api, learner) -> None:  # type: ignore[no-untyped-def]
    response = api(learner).post(
        "/api/v1/threads",
        json={"kind": "question", "title": "Chest pain with a raised troponin", "body": IDENTIFIED},
    )
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "phi_suspected"
    kinds = {span["kind"] for span in error["spans"]}
    assert {"name", "mrn", "date"} <= kinds
    for span in error["spans"]:
        if span["field"] == "body":
            assert IDENTIFIED[span["start"] : span["end"]] == span["text"]
    assert db.session.scalar(select(Thread.id)) is None


def test_confirming_publishes_and_queues_for_review(api, learner) -> None:  # type: ignore[no-untyped-def]
    response = api(learner).post(
        "/api/v1/threads",
        json={
            "kind": "question",
            "title": "Chest pain with a raised troponin",
            "body": IDENTIFIED,
            "confirm_no_phi": True,
        },
    )
    assert response.status_code == 201
    opening = db.session.scalar(select(Post).where(Post.number == 1))
    assert opening.phi_confirmed_at is not None and opening.phi_reviewed_at is None


def test_clean_clinical_text_passes_untouched(api, learner, make_thread) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    response = api(learner).post(f"/api/v1/threads/{thread.id}/posts", json={"body": CLEAN})
    assert response.status_code == 201
    post = db.session.get(Post, response.get_json()["id"])
    assert post.phi_confirmed_at is None


def test_replies_and_edits_are_screened_too(api, learner, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = api(learner).post(f"/api/v1/threads/{thread.id}/posts", json={"body": IDENTIFIED})
    assert reply.status_code == 422 and reply.get_json()["error"]["code"] == "phi_suspected"
    post = make_reply(learner, thread, CLEAN)
    edit = api(learner).patch(f"/api/v1/posts/{post.id}", json={"body": IDENTIFIED})
    assert edit.status_code == 422
    confirmed = api(learner).patch(
        f"/api/v1/posts/{post.id}", json={"body": IDENTIFIED, "confirm_no_phi": True}
    )
    assert confirmed.status_code == 200
    assert db.session.get(Post, post.id).phi_confirmed_at is not None


def test_the_page_highlights_suspects_in_the_authors_own_text(make_browser, learner) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(learner)
    form = {
        "title": "Chest pain with a raised troponin",
        "specialty": "",
        "tags": "",
        "body": IDENTIFIED,
    }
    page = browser.post("/new/question", form)
    html = page.get_data(as_text=True)
    assert page.status_code == 422
    assert 'class="phi-mark"' in html and "MRN 00123456" in html
    assert "Check for patient identifiers" in html
    assert "chest pain" in html  # nothing typed is lost
    assert db.session.scalar(select(Thread.id)) is None
    published = browser.post("/new/question", {**form, "confirm_no_phi": "y"})
    assert published.status_code == 302
    assert db.session.scalar(select(Post.phi_confirmed_at)) is not None


def test_a_case_section_is_highlighted_in_its_own_field(make_browser, learner) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser(learner)
    page = browser.post(
        "/new/case",
        {
            "title": "Syncope in a patient on a new beta-blocker",
            "specialty": "",
            "tags": "",
            "presentation": "Collapsed at home. Call his wife on (555) 123-4567 for history.",
            "question": "Would you admit?",
        },
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 422
    assert "(555) 123-4567" in html and "phi-mark" in html
