"""Property-based run of the OpenAPI document: whatever a client sends, never a 5xx.

Schemathesis reads /api/v1/openapi.json from the app (through WSGI, no server) and
generates requests for every operation: valid ones (positive) and ones that break the
schema on purpose (negative: wrong types, missing fields, out-of-range numbers). Each
is sent with the bearer token of a seeded member (or none), chosen per example, so
permission paths run too. Bounded: a few dozen examples per operation (FUZZ_EXAMPLES).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable

from forum.services import accounts, reactions
from tests.conftest import PASSWORD

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
MODES = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)


@pytest.fixture
def community(learner, other_learner, mentor, coordinator, make_thread, make_reply) -> Community:
    """A few threads, posts and members, and one bearer token per role (or none)."""
    question = make_thread(learner)
    case = make_thread(other_learner, "case")
    replies = [make_reply(other_learner, question), make_reply(mentor, case, "Right-sided ECG?")]
    reactions.endorse(mentor, replies[0], "Good reasoning.")
    members = (learner, other_learner, mentor, coordinator)
    return Community(
        tokens=[*(accounts.issue_token(m.email, PASSWORD) for m in members), ""],
        ids={
            "thread_id": [question.id, case.id],
            "post_id": [p.id for p in replies] + [1],
            "user_id": [m.id for m in members],
            "handle": [m.handle for m in members],
        },
    )


@dataclass
class Community:
    tokens: list[str]
    ids: dict[str, list[Any]]

    def aim(self, case: Any, choice: int) -> None:
        """Point a generated case's path at real records (random ids are almost all 404s)."""
        for name in list(case.path_parameters or {}):
            known = self.ids.get(name)
            if known:
                case.path_parameters[name] = known[choice % len(known)]


def operations(app: Flask) -> list[Any]:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_the_document_is_read_whole(app) -> None:
    labels = {op.label for op in operations(app)}
    assert {"POST /api/v1/threads", "PUT /api/v1/posts/{post_id}/vote"} <= labels


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
def test_no_request_gets_a_server_error(app, community, mode) -> None:
    failures: list[str] = []
    started = time.monotonic()
    for operation in operations(app):

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,  # nothing written into the work tree
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(
            case=operation.as_strategy(generation_mode=mode),
            who=st.sampled_from(community.tokens),
            aim=st.one_of(st.none(), st.integers(min_value=0, max_value=7)),
        )
        def run(case: Any, who: str, aim: int | None) -> None:
            if aim is not None:
                community.aim(case, aim)
            headers = {"Authorization": f"Bearer {who}"} if who else {}
            with app.app_context():  # a fresh context per request, as in production
                response = case.call(headers=headers)
            if response.status_code >= 500:
                failures.append(f"{response.status_code}: {case.as_curl_command(headers)}")

        try:
            run()
        except Unsatisfiable:
            assert mode.is_negative, operation.label  # nothing to break in a bare GET
    assert not failures, "\n".join(failures[:10])
    assert time.monotonic() - started < 120, "keep the fuzz run bounded"
