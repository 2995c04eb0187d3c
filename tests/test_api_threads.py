"""API threads: listing, opening cases and questions, reading, replying, accepting answers."""

from __future__ import annotations

from forum.extensions import db
from forum.models import Thread
from forum.services import posting, queries, reactions
from tests.conftest import CASE


def error(response) -> dict:  # type: ignore[no-untyped-def]
    body = response.get_json()
    assert set(body) == {"error"}, body
    return body["error"]


def opening(thread: Thread):  # type: ignore[no-untyped-def]
    return queries.all_posts(thread)[0]


# --- listing ------------------------------------------------------------------------------


def test_threads_are_listed_with_summaries_anonymously(client, learner, make_thread) -> None:  # type: ignore[no-untyped-def]
    make_thread(learner, "case", specialty="cardiology", tags=["stemi"])
    make_thread(learner, "question")
    response = client.get("/api/v1/threads")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["page"], body["pages"], body["total"]) == (1, 1, 2)
    first = body["items"][1]
    assert first["kind"] == "case"
    assert first["specialty"] == "cardiology"
    assert first["tags"] == ["stemi"]
    assert first["author"]["id"] == learner.id
    assert first["url"] == f"/threads/{first['id']}"
    for key in ("created_at", "last_activity_at", "reply_count", "endorsed", "accepted_post_id"):
        assert key in first
    assert first["locked"] is False and first["pinned"] is False


def test_threads_are_filtered(client, learner, mentor, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    case = make_thread(learner, "case", specialty="cardiology", tags=["stemi"])
    question = make_thread(learner, "question", specialty="emergency-medicine")
    reply = make_reply(learner, question)
    reactions.endorse(mentor, reply, "Good.")

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/v1/threads?{query}")
        assert response.status_code == 200, response.get_json()
        return [t["id"] for t in response.get_json()["items"]]

    assert ids("kind=case") == [case.id]
    assert ids("specialty=emergency-medicine") == [question.id]
    assert ids("tag=stemi") == [case.id]
    assert ids("filter=unanswered") == [case.id]
    assert ids("filter=endorsed") == [question.id]
    assert client.get("/api/v1/threads").get_json()["items"][0]["endorsed"] is True


def test_threads_are_paginated(client, learner, make_thread) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        make_thread(learner)
    body = client.get("/api/v1/threads?per_page=2&page=2").get_json()
    assert (body["page"], body["pages"], body["total"], len(body["items"])) == (2, 2, 3, 1)
    assert client.get("/api/v1/threads?page=9").get_json()["items"] == []


def test_bad_list_parameters_are_422_naming_the_parameter(client) -> None:  # type: ignore[no-untyped-def]
    for query, field in [
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page=1e9", "page"),
        ("per_page=0", "per_page"),
        ("per_page=many", "per_page"),
        ("kind=essay", "kind"),
        ("filter=hot", "filter"),
    ]:
        response = client.get(f"/api/v1/threads?{query}")
        assert response.status_code == 422, query
        assert field in error(response)["fields"], query


def test_specialties_are_listed_with_counts(client, learner, make_thread) -> None:  # type: ignore[no-untyped-def]
    make_thread(learner, specialty="cardiology")
    body = client.get("/api/v1/specialties").get_json()
    counts = {s["slug"]: s["thread_count"] for s in body["items"]}
    assert counts == {"cardiology": 1, "emergency-medicine": 0}


# --- opening threads ----------------------------------------------------------------------


def test_a_question_is_opened(api, learner) -> None:  # type: ignore[no-untyped-def]
    response = api(learner).post(
        "/api/v1/threads",
        json={
            "kind": "question",
            "title": "Aspirin loading dose in suspected ACS?",
            "body": "What do you use, **and why**?",
            "specialty": "cardiology",
            "tags": "acs, aspirin",
        },
    )
    assert response.status_code == 201, response.get_json()
    thread = response.get_json()
    assert thread["kind"] == "question"
    assert thread["tags"] == ["acs", "aspirin"]
    assert thread["url"] == f"/threads/{thread['id']}"
    [post] = thread["posts"]
    assert post["number"] == 1
    assert "<strong>and why</strong>" in post["html"]
    assert post["author"]["id"] == learner.id


def test_a_case_is_opened_from_its_sections(api, learner) -> None:  # type: ignore[no-untyped-def]
    response = api(learner).post(
        "/api/v1/threads",
        json={"kind": "case", "title": "Inferior STEMI in a smoker", "sections": CASE},
    )
    assert response.status_code == 201, response.get_json()
    html = response.get_json()["posts"][0]["html"]
    assert "Presentation" in html and "Question for the group" in html


def test_opening_a_thread_validates_every_field_at_once(api, learner) -> None:  # type: ignore[no-untyped-def]
    response = api(learner).post(
        "/api/v1/threads", json={"kind": "essay", "title": "short", "body": "", "specialty": "x"}
    )
    assert response.status_code == 422
    assert {"kind", "title", "body", "specialty"} <= set(error(response)["fields"])
    case = api(learner).post(
        "/api/v1/threads", json={"kind": "case", "title": "A case title", "sections": {}}
    )
    assert case.status_code == 422
    assert {"presentation", "question"} <= set(error(case)["fields"])


def test_opening_a_thread_with_wrong_types_is_422(api, learner) -> None:  # type: ignore[no-untyped-def]
    response = api(learner).post(
        "/api/v1/threads",
        json={"kind": 1, "title": ["x"], "sections": "text", "tags": [1, 2], "specialty": 3},
    )
    assert response.status_code == 422
    assert set(error(response)["fields"]) == {"kind", "title", "sections", "tags", "specialty"}


# --- reading ------------------------------------------------------------------------------


def test_a_thread_shows_its_posts_in_order(
    client, learner, mentor, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    first = make_reply(mentor, thread, "First reply.")
    second = make_reply(learner, thread, "Second reply.")
    reactions.endorse(mentor, second, "Clear reasoning.")
    response = client.get(f"/api/v1/threads/{thread.id}")
    assert response.status_code == 200
    body = response.get_json()
    for key in ("id", "kind", "title", "specialty", "tags", "author", "created_at"):
        assert key in body
    assert body["url"] == f"/threads/{thread.id}"
    assert [p["number"] for p in body["posts"]] == [1, 2, 3]
    assert [p["id"] for p in body["posts"][1:]] == [first.id, second.id]
    [endorsement] = body["posts"][2]["endorsements"]
    assert endorsement["mentor"]["id"] == mentor.id
    assert endorsement["note"] == "Clear reasoning."
    assert endorsement["mentor"]["badges"][1]["kind"] == "verified_mentor"


def test_reading_a_thread_takes_a_constant_number_of_queries(
    client, learner, mentor, make_user, make_thread, make_reply, count_queries
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    make_reply(mentor, thread)
    with count_queries() as few:
        client.get(f"/api/v1/threads/{thread.id}")
    for _ in range(5):
        reactions.endorse(mentor, make_reply(make_user(), thread), "Yes.")
    with count_queries() as many:
        client.get(f"/api/v1/threads/{thread.id}")
    assert len(many) == len(few)


def test_deleted_posts_keep_their_place_but_hide_their_text(
    api, learner, other_learner, coordinator, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = make_reply(other_learner, thread, "Regrettable.")
    posting.delete_post(other_learner, reply)
    seen = api(learner).get(f"/api/v1/threads/{thread.id}").get_json()["posts"][1]
    assert seen["deleted"] is True and seen["html"] == "" and seen["source"] == ""
    staff = api(coordinator).get(f"/api/v1/threads/{thread.id}").get_json()["posts"][1]
    assert "Regrettable." in staff["html"]


def test_an_unknown_thread_is_404(client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/api/v1/threads/999999", "/api/v1/threads/0", "/api/v1/threads/" + "9" * 30):
        response = client.get(url)
        assert response.status_code == 404, url
        assert error(response)["code"] == "not_found"
    assert client.get("/api/v1/threads/abc").status_code == 404


def test_a_deleted_thread_is_404_to_others_and_visible_to_staff(
    api, client, learner, coordinator, make_thread
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    posting.delete_post(coordinator, opening(thread))
    assert client.get(f"/api/v1/threads/{thread.id}").status_code == 404
    staff = api(coordinator).get(f"/api/v1/threads/{thread.id}")
    assert staff.status_code == 200
    assert staff.get_json()["deleted"] is True


# --- replying -----------------------------------------------------------------------------


def test_a_reply_is_added(api, learner, mentor, make_thread) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    response = api(mentor).post(f"/api/v1/threads/{thread.id}/posts", json={"body": "ECG first."})
    assert response.status_code == 201
    post = response.get_json()
    assert (post["number"], post["score"], post["deleted"]) == (2, 0, False)
    assert post["thread_id"] == thread.id
    assert post["endorsements"] == [] and post["edited_at"] is None
    assert db.session.get(Thread, thread.id).reply_count == 1


def test_replying_validates_and_checks_the_thread(api, learner, coordinator, make_thread) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    empty = api(learner).post(f"/api/v1/threads/{thread.id}/posts", json={"body": "  "})
    assert empty.status_code == 422 and "body" in error(empty)["fields"]
    missing = api(learner).post(f"/api/v1/threads/{thread.id}/posts", json={})
    assert missing.status_code == 422 and "body" in error(missing)["fields"]
    assert api(learner).post("/api/v1/threads/424242/posts", json={"body": "x"}).status_code == 404
    thread.locked = True
    db.session.commit()
    locked = api(learner).post(f"/api/v1/threads/{thread.id}/posts", json={"body": "x"})
    assert locked.status_code == 403 and error(locked)["code"] == "forbidden"


# --- accepted answers ---------------------------------------------------------------------


def test_the_asker_accepts_and_clears_an_answer(
    api, learner, mentor, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = make_reply(mentor, thread)
    url = f"/api/v1/threads/{thread.id}/accepted"
    response = api(learner).put(url, json={"post_id": reply.id})
    assert response.status_code == 200
    assert response.get_json()["accepted_post_id"] == reply.id
    assert len(response.get_json()["posts"]) == 2
    cleared = api(learner).put(url, json={"post_id": None})
    assert cleared.status_code == 200 and cleared.get_json()["accepted_post_id"] is None


def test_a_coordinator_may_accept_but_another_learner_may_not(
    api, learner, other_learner, coordinator, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = make_reply(other_learner, thread)
    url = f"/api/v1/threads/{thread.id}/accepted"
    refused = api(other_learner).put(url, json={"post_id": reply.id})
    assert refused.status_code == 403 and error(refused)["code"] == "forbidden"
    assert api(coordinator).put(url, json={"post_id": reply.id}).status_code == 200


def test_accepting_checks_the_post(api, learner, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    elsewhere = make_reply(learner, make_thread(learner))
    url = f"/api/v1/threads/{thread.id}/accepted"
    for value in (elsewhere.id, 999999, 2**40, "1", True, 1.5):
        response = api(learner).put(url, json={"post_id": value})
        assert response.status_code == 422, value
        assert "post_id" in error(response)["fields"], value
    missing = api(learner).put(url, json={})
    assert missing.status_code == 422 and "post_id" in error(missing)["fields"]
    assert (
        api(learner).put("/api/v1/threads/999999/accepted", json={"post_id": None}).status_code
        == 404
    )
