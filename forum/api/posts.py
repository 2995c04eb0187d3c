"""Posts over the API: read, edit, delete, revisions, helpful votes, mentor endorsements."""

from __future__ import annotations

from flask.typing import ResponseReturnValue

from .. import limits
from ..services import posting, queries, reactions
from . import serializers as s
from .auth import signed_in, viewer
from .blueprint import bp
from .inputs import fields, json_body

NO_CONTENT: ResponseReturnValue = ("", 204)


@bp.get("/posts/<id:post_id>")
def show_post(post_id: int) -> ResponseReturnValue:
    """One post, e.g. to refresh it after a live update names it."""
    who = viewer()
    return s.post(posting.get_post(post_id, who), who)


@bp.patch("/posts/<id:post_id>")
def edit_post(post_id: int) -> ResponseReturnValue:
    """Change a post's text; the old text stays as a revision."""
    actor = signed_in()
    body = fields(
        json_body(),
        required={"body": "string"},
        optional={"reason": "string", "confirm_no_phi": "boolean"},
    )
    post = posting.edit_post(
        actor,
        posting.get_post(post_id, actor),
        body["body"],
        body.get("reason", ""),
        confirm_no_phi=bool(body.get("confirm_no_phi")),
    )
    return s.post(post, actor)


@bp.delete("/posts/<id:post_id>")
def delete_post(post_id: int) -> ResponseReturnValue:
    """Soft-delete a post (its history stays for staff); an optional `reason` is audited."""
    actor = signed_in()
    body = fields(json_body(), optional={"reason": "string"})
    posting.delete_post(actor, posting.get_post(post_id, actor), body.get("reason", ""))
    return NO_CONTENT


@bp.get("/posts/<id:post_id>/revisions")
def list_revisions(post_id: int) -> ResponseReturnValue:
    """A post's edit history, newest first (empty until its first edit)."""
    who = viewer()
    return s.items(queries.revisions(posting.get_post(post_id, who), who), s.revision)


@bp.put("/posts/<id:post_id>/vote")
@limits.voting
def vote(post_id: int) -> ResponseReturnValue:
    """Set (1) or withdraw (0) one's helpful vote; PUT because repeating it changes nothing."""
    actor = signed_in()
    body = fields(json_body(), required={"value": "integer"})
    score = reactions.vote(actor, posting.get_post(post_id, actor), body["value"])
    return {"score": score, "voted": body["value"] == 1}


@bp.post("/posts/<id:post_id>/endorsements")
@limits.endorsing
def endorse(post_id: int) -> ResponseReturnValue:
    """A mentor endorses a reply, with an optional note saying why."""
    actor = signed_in()
    body = fields(json_body(), optional={"note": "string|null"})
    endorsement = reactions.endorse(actor, posting.get_post(post_id, actor), body.get("note"))
    return s.endorsement(endorsement), 201


@bp.delete("/posts/<id:post_id>/endorsements")
def withdraw_endorsement(post_id: int) -> ResponseReturnValue:
    """A mentor takes back their own endorsement of a reply."""
    actor = signed_in()
    reactions.withdraw_endorsement(actor, posting.get_post(post_id, actor))
    return NO_CONTENT
