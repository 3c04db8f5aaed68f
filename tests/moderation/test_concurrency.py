"""Two moderators deciding about one answer in two real, overlapping transactions (PostgreSQL):
the second waits on the first's row lock, then finds the answer already handled."""

from __future__ import annotations

import threading
import time

import pytest
import sqlalchemy as sa

from forum.accounts.models import User
from forum.answers.models import Answer, AnswerStatus
from forum.database import db
from forum.moderation import decisions
from tests.conftest import on_postgres
from tests.moderation.conftest import assert_counts_match_the_rows, log_entries

pytestmark = pytest.mark.skipif(not on_postgres(), reason="needs PostgreSQL's row locks")
WAIT = 10  # seconds; a test that hangs longer than this has failed


def waiting_on_a_lock() -> bool:
    with db.engine.connect() as connection:
        return bool(
            connection.execute(
                sa.text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                )
            ).scalar()
        )


def test_overlapping_approvals_publish_once_and_tell_the_second_moderator(app, community, make):
    answer_id = community.submit(community.member()).id
    moderators = [community.moderator.id, make.user(role=community.moderator.role).id]
    first_has_decided, first_may_commit = threading.Event(), threading.Event()
    outcomes: dict[str, object] = {}

    def moderate(name: str, moderator_id: int, before_commit=None) -> None:
        with app.app_context():
            try:
                answer = db.session.get(Answer, answer_id)
                moderator = db.session.get(User, moderator_id)
                decisions.approve(answer, moderator, AnswerStatus.PENDING)
                if before_commit:
                    before_commit()
                db.session.commit()
                outcomes[name] = "approved"
            except decisions.AlreadyHandledError as error:
                db.session.rollback()
                outcomes[name] = error
            finally:
                db.session.remove()

    def hold_the_lock() -> None:
        first_has_decided.set()
        first_may_commit.wait(WAIT)

    first = threading.Thread(target=moderate, args=("first", moderators[0], hold_the_lock))
    second = threading.Thread(target=moderate, args=("second", moderators[1]))
    first.start()
    assert first_has_decided.wait(WAIT)
    second.start()
    deadline = time.monotonic() + WAIT
    while not waiting_on_a_lock():  # the second is blocked behind the first's transaction
        assert time.monotonic() < deadline, "the second moderator never waited for the first"
        time.sleep(0.05)  # polling, not timing: the loop ends when PostgreSQL reports the wait
    first_may_commit.set()
    first.join(WAIT)
    second.join(WAIT)

    assert outcomes["first"] == "approved"
    assert isinstance(outcomes["second"], decisions.AlreadyHandledError)
    db.session.expire_all()
    assert db.session.get(Answer, answer_id).status is AnswerStatus.PUBLISHED
    assert len(log_entries("answer_approved")) == 1
    assert_counts_match_the_rows()
