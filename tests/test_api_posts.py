"""API posts: read, edit with revisions, soft delete, helpful votes, mentor endorsements."""

from __future__ import annotations

from forum.extensions import db
from forum.models import Post
from forum.services import posting, queries, reactions


def error(response) -> dict:  # type: ignore[no-untyped-def]
    body = response.get_json()
    assert set(body) == {"error"}, body
    return body["error"]


# --- read, edit, delete -------------------------------------------------------------------


def test_a_post_is_read_by_id(client, learner, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    reply = make_reply(learner, make_thread(learner), "Chewed, *300 mg*.")
    response = client.get(f"/api/v1/posts/{reply.id}")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["id"], body["number"]) == (reply.id, 2)
    assert "<em>300 mg</em>" in body["html"]
    assert client.get("/api/v1/posts/999999").status_code == 404


def test_the_author_edits_and_the_history_is_kept(api, learner, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    reply = make_reply(learner, make_thread(learner), "First version.")
    response = api(learner).patch(
        f"/api/v1/posts/{reply.id}", json={"body": "Second version.", "reason": "typo"}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert "Second version." in body["html"]
    assert body["edited_at"] is not None and body["edit_count"] == 1
    history = api(learner).get(f"/api/v1/posts/{reply.id}/revisions")
    assert history.status_code == 200
    items = history.get_json()["items"]
    assert [r["number"] for r in items] == [2, 1]
    assert items[0]["reason"] == "typo" and items[0]["source"] == "Second version."
    assert items[1]["source"] == "First version."
    assert items[0]["editor"]["id"] == learner.id
    assert {"created_at", "html"} <= set(items[0])


def test_an_unedited_post_has_no_revisions_yet(client, learner, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    reply = make_reply(learner, make_thread(learner))
    assert client.get(f"/api/v1/posts/{reply.id}/revisions").get_json() == {"items": []}


def test_only_the_author_or_staff_edit(
    api, learner, other_learner, coordinator, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    reply = make_reply(learner, make_thread(learner))
    url = f"/api/v1/posts/{reply.id}"
    refused = api(other_learner).patch(url, json={"body": "Mine now."})
    assert refused.status_code == 403 and error(refused)["code"] == "forbidden"
    assert api(coordinator).patch(url, json={"body": "Moderated."}).status_code == 200
    invalid = api(learner).patch(url, json={"body": ""})
    assert invalid.status_code == 422 and "body" in error(invalid)["fields"]
    typed = api(learner).patch(url, json={"body": "ok", "reason": 5})
    assert typed.status_code == 422 and "reason" in error(typed)["fields"]


def test_a_post_is_soft_deleted(
    api, client, learner, other_learner, coordinator, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = make_reply(learner, thread, "Oops.")
    assert api(other_learner).delete(f"/api/v1/posts/{reply.id}").status_code == 403
    response = api(learner).delete(f"/api/v1/posts/{reply.id}", json={"reason": "wrong thread"})
    assert response.status_code == 204 and response.data == b""
    assert db.session.get(Post, reply.id).deleted_at is not None
    seen = client.get(f"/api/v1/posts/{reply.id}").get_json()
    assert seen["deleted"] is True and seen["html"] == ""
    assert client.get(f"/api/v1/posts/{reply.id}/revisions").status_code == 404
    assert api(coordinator).get(f"/api/v1/posts/{reply.id}/revisions").status_code == 200
    again = api(learner).delete(f"/api/v1/posts/{reply.id}")
    assert again.status_code == 403


# --- votes --------------------------------------------------------------------------------


def test_a_helpful_vote_is_set_and_withdrawn(
    api, learner, other_learner, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    reply = make_reply(learner, make_thread(learner))
    url = f"/api/v1/posts/{reply.id}/vote"
    assert api(other_learner).put(url, json={"value": 1}).get_json() == {"score": 1, "voted": True}
    assert api(other_learner).put(url, json={"value": 1}).get_json()["score"] == 1  # idempotent
    assert api(other_learner).put(url, json={"value": 0}).get_json() == {"score": 0, "voted": False}


def test_voting_on_ones_own_post_is_403(api, learner, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    reply = make_reply(learner, make_thread(learner))
    response = api(learner).put(f"/api/v1/posts/{reply.id}/vote", json={"value": 1})
    assert response.status_code == 403 and error(response)["code"] == "forbidden"


def test_a_vote_must_be_1_or_0(api, learner, other_learner, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    reply = make_reply(learner, make_thread(learner))
    url = f"/api/v1/posts/{reply.id}/vote"
    for value in (2, -1, "1", True, None, 1.0):
        response = api(other_learner).put(url, json={"value": value})
        assert response.status_code == 422, value
        assert "value" in error(response)["fields"], value
    assert api(other_learner).put(url, json={}).status_code == 422
    assert api(other_learner).put("/api/v1/posts/999999/vote", json={"value": 1}).status_code == 404


# --- endorsements -------------------------------------------------------------------------


def test_a_mentor_endorses_with_a_note_and_withdraws(
    api, learner, mentor, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = make_reply(learner, thread)
    url = f"/api/v1/posts/{reply.id}/endorsements"
    response = api(mentor).post(url, json={"note": "Models the reasoning well."})
    assert response.status_code == 201
    body = response.get_json()
    assert body["mentor"]["id"] == mentor.id and body["post_id"] == reply.id
    assert body["note"] == "Models the reasoning well." and body["created_at"]
    assert queries.all_posts(thread)[1].endorsements[0].mentor_id == mentor.id
    withdrawn = api(mentor).delete(url)
    assert withdrawn.status_code == 204
    assert queries.all_posts(thread)[1].endorsements == []
    assert api(mentor).delete(url).status_code == 404


def test_an_endorsement_note_is_optional(api, learner, mentor, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    reply = make_reply(learner, make_thread(learner))
    response = api(mentor).post(f"/api/v1/posts/{reply.id}/endorsements")
    assert response.status_code == 201 and response.get_json()["note"] == ""


def test_endorsing_twice_is_409(api, learner, mentor, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    reply = make_reply(learner, make_thread(learner))
    reactions.endorse(mentor, reply, "Once.")
    response = api(mentor).post(f"/api/v1/posts/{reply.id}/endorsements", json={"note": "Twice"})
    assert response.status_code == 409 and error(response)["code"] == "conflict"


def test_a_learner_cannot_endorse(api, learner, other_learner, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    reply = make_reply(learner, make_thread(learner))
    response = api(other_learner).post(f"/api/v1/posts/{reply.id}/endorsements", json={})
    assert response.status_code == 403 and error(response)["code"] == "forbidden"


def test_an_endorsement_note_is_checked(api, learner, mentor, make_thread, make_reply) -> None:  # type: ignore[no-untyped-def]
    reply = make_reply(learner, make_thread(learner))
    url = f"/api/v1/posts/{reply.id}/endorsements"
    typed = api(mentor).post(url, json={"note": 12})
    assert typed.status_code == 422 and "note" in error(typed)["fields"]
    long = api(mentor).post(url, json={"note": "x" * 501})
    assert long.status_code == 422 and "note" in error(long)["fields"]
    assert api(mentor).post("/api/v1/posts/999999/endorsements", json={}).status_code == 404


def test_posts_of_a_deleted_thread_are_hidden(
    client, learner, coordinator, make_thread, make_reply
) -> None:  # type: ignore[no-untyped-def]
    thread = make_thread(learner)
    reply = make_reply(learner, thread)
    posting.delete_post(coordinator, queries.all_posts(thread)[0])
    assert client.get(f"/api/v1/posts/{reply.id}").status_code == 404
