"""Moderators' decisions: each transition and who may make it, counts, one log entry each with
its snapshot, what the author is told, the double decision, and that nothing is ever lost."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from forum.answers.models import Answer, AnswerRevision, AnswerStatus
from forum.answers.services import delete_answer
from forum.audit.log import digest_of
from forum.audit.models import MemberNotice, NoticeKind
from forum.core.errors import ForumError
from forum.database import db
from forum.moderation import decisions
from forum.questions.models import QuestionStatus
from tests.moderation.conftest import assert_counts_match_the_rows, log_entries, text_of

PENDING, PUBLISHED = AnswerStatus.PENDING, AnswerStatus.PUBLISHED
HIDDEN, REJECTED, DELETED = AnswerStatus.HIDDEN, AnswerStatus.REJECTED, AnswerStatus.DELETED


def answer_in(community, status: AnswerStatus) -> Answer:
    """A member's answer brought to `status` the way the forum would get it there."""
    member = community.member()
    answer = community.submit(member)
    moderator = community.moderator
    if status in (PUBLISHED, HIDDEN, DELETED):
        decisions.approve(answer, moderator)
    if status is HIDDEN:
        decisions.hide(answer, moderator, "Unsafe dosing advice")
    if status is REJECTED:
        decisions.reject(answer, moderator, "Not about this question")
    if status is DELETED:
        delete_answer(answer, member)
    db.session.commit()
    return answer


def decide(community, answer: Answer, decision: str, expected=None) -> None:
    moderator, expected = community.moderator, expected or answer.status
    actions = {
        "approve": lambda: decisions.approve(answer, moderator, expected),
        "reject": lambda: decisions.reject(answer, moderator, "A reason", expected),
        "hide": lambda: decisions.hide(answer, moderator, "A reason", expected),
        "restore": lambda: decisions.restore(answer, moderator, "", expected),
    }
    actions[decision]()
    db.session.commit()


# Which decisions each status allows, and where each leads.
TRANSITIONS = {
    (PENDING, "approve"): PUBLISHED,
    (PENDING, "reject"): REJECTED,
    (PUBLISHED, "hide"): HIDDEN,
    (HIDDEN, "restore"): PUBLISHED,
    (HIDDEN, "reject"): REJECTED,
    (REJECTED, "restore"): PUBLISHED,
    (DELETED, "restore"): PUBLISHED,
}


@pytest.mark.parametrize("start", [PENDING, PUBLISHED, HIDDEN, REJECTED, DELETED])
@pytest.mark.parametrize("decision", ["approve", "reject", "hide", "restore"])
def test_every_transition_is_allowed_or_refused_and_counts_follow(community, start, decision):
    answer = answer_in(community, start)
    entries_before = len(log_entries())
    goal = TRANSITIONS.get((start, decision))
    if goal is None:
        with pytest.raises(ForumError):
            decide(community, answer, decision)
        db.session.rollback()
        assert answer.status is start
        assert len(log_entries()) == entries_before
    else:
        decide(community, answer, decision)
        assert answer.status is goal
        entry = log_entries()[-1]
        assert len(log_entries()) == entries_before + 1
        assert entry.actor_id == community.moderator.id and entry.target_id == answer.id
        assert entry.before["status"] == start.value and entry.after["status"] == goal.value
        # What was decided on, told by a digest: the log keeps no copy of a member's words.
        assert entry.before["body_digest"] == digest_of(answer.body)
        assert answer.body not in json.dumps([entry.before, entry.after])
    assert_counts_match_the_rows()


@pytest.mark.parametrize("decision", ["approve", "reject", "hide", "restore"])
def test_members_cannot_make_decisions(community, decision):
    answer = answer_in(community, PENDING)
    outsider = community.member()
    action = getattr(decisions, decision)
    with pytest.raises(ForumError, match="Only moderators"):
        if decision in ("reject", "hide"):
            action(answer, outsider, "A reason", answer.status)
        else:
            action(answer, outsider, expected=answer.status)


def test_approving_publishes_counts_and_tells_the_author(community, outbox):
    answer = answer_in(community, PENDING)
    author, question = answer.author, answer.question

    decisions.approve(answer, community.moderator)
    db.session.commit()

    assert answer.published_at is not None
    assert question.answer_count == 1 and author.approved_answer_count == 1
    message = outbox.last(author.email)
    assert "is published" in message["Subject"] and question.title in message.get_content()
    notice = db.session.scalar(select(MemberNotice).where(MemberNotice.user_id == author.id))
    assert notice.kind is NoticeKind.APPROVED and notice.answer_id == answer.id


@pytest.mark.parametrize("decision", ["reject", "hide"])
def test_rejecting_and_hiding_need_a_reason_that_the_author_is_sent(community, outbox, decision):
    answer = answer_in(community, PENDING if decision == "reject" else PUBLISHED)
    action = getattr(decisions, decision)
    with pytest.raises(ForumError, match="why"):
        action(answer, community.moderator, "   ", answer.status)

    action(answer, community.moderator, "It gives doses as if they were advice.", answer.status)
    db.session.commit()

    body = outbox.last(answer.author.email).get_content()
    assert "It gives doses as if they were advice." in body
    notice = db.session.scalar(select(MemberNotice).order_by(MemberNotice.id.desc()))
    assert "It gives doses as if they were advice." in notice.message
    assert log_entries()[-1].reason == "It gives doses as if they were advice."


def test_the_author_still_sees_a_hidden_answer_and_can_read_why(app, community):
    answer = answer_in(community, HIDDEN)
    question = answer.question
    author = app.test_client(user=answer.author)
    page = text_of(author.get(f"/questions/{question.id}/{question.slug}"))
    assert "Hidden by a moderator" in page and "warm bath" in page and "Read why" in page
    own_log = text_of(author.get("/account/moderation"))
    assert "Unsafe dosing advice" in own_log and "Answer hidden" in own_log
    overview = text_of(author.get("/account"))
    assert "Unsafe dosing advice" in overview


def test_the_second_of_two_moderators_is_told_it_was_already_handled(app, community, make, outbox):
    answer = answer_in(community, PENDING)
    first = app.test_client(user=community.moderator)
    second = app.test_client(user=make.user(role=community.moderator.role))
    # Both opened the queue while the answer was waiting.
    for client in (first, second):
        assert "Waiting answer" in text_of(client.get("/moderation/"))

    first.post(f"/moderation/answers/{answer.id}/approve", data={"expected": "pending"})
    response = second.post(
        f"/moderation/answers/{answer.id}/approve",
        data={"expected": "pending"},
        follow_redirects=True,
    )

    assert "Another moderator has already handled this answer" in text_of(response)
    assert len(log_entries("answer_approved")) == 1
    assert answer.question.answer_count == 1 and answer.author.approved_answer_count == 1
    assert len(outbox.messages(answer.author.email)) == 1


def test_a_decision_made_on_a_stale_page_changes_nothing(app, community):
    answer = answer_in(community, PENDING)
    decisions.approve(answer, community.moderator)
    db.session.commit()
    # A second moderator still has the page showing it waiting, and rejects it.
    response = app.test_client(user=community.moderator).post(
        f"/moderation/answers/{answer.id}/reject",
        data={"expected": "pending", "reason": "Looks like spam"},
        follow_redirects=True,
    )
    assert "already handled" in text_of(response)
    assert answer.status is PUBLISHED and not log_entries("answer_rejected")


def test_compare_and_set_lets_exactly_one_of_two_identical_decisions_through(community):
    answer = answer_in(community, PENDING)
    decisions.approve(answer, community.moderator, PENDING)
    with pytest.raises(decisions.AlreadyHandledError):
        decisions.approve(answer, community.moderator, PENDING)
    db.session.commit()
    assert len(log_entries("answer_approved")) == 1
    assert_counts_match_the_rows()


def test_several_waiting_answers_are_approved_at_once_skipping_one_already_handled(app, community):
    answers = [answer_in(community, PENDING) for _ in range(3)]
    decisions.reject(answers[1], community.moderator, "Spam")
    db.session.commit()

    response = app.test_client(user=community.moderator).post(
        "/moderation/queue",
        data={"decision": "approve", "answer_ids": [str(a.id) for a in answers]},
        follow_redirects=True,
    )

    page = text_of(response)
    assert "2 answers approved" in page and "1 had already been handled" in page
    assert [a.status for a in answers] == [PUBLISHED, REJECTED, PUBLISHED]
    assert len(log_entries("answer_approved")) == 2
    assert_counts_match_the_rows()


def test_rejecting_several_at_once_needs_one_reason_sent_to_each(app, community, outbox):
    answers = [answer_in(community, PENDING) for _ in range(2)]
    client = app.test_client(user=community.moderator)
    ids = [str(a.id) for a in answers]
    refused = client.post("/moderation/queue", data={"decision": "reject", "answer_ids": ids})
    assert refused.status_code == 302 and all(a.status is PENDING for a in answers)

    client.post(
        "/moderation/queue",
        data={"decision": "reject", "answer_ids": ids, "reason": "Advertising a product"},
    )
    assert all(a.status is REJECTED for a in answers)
    for answer in answers:
        assert "Advertising a product" in outbox.last(answer.author.email).get_content()


def test_counts_stay_right_through_hide_restore_reject_and_removal(community):
    members = [community.member() for _ in range(3)]
    answers = [community.published(member, question=community.question) for member in members]
    question = community.question
    assert question.answer_count == 3

    decisions.hide(answers[0], community.moderator, "Rude")
    db.session.commit()
    assert question.answer_count == 2 and members[0].approved_answer_count == 0
    decisions.reject(answers[0], community.moderator, "Rude, and not changed")
    db.session.commit()
    assert question.answer_count == 2
    decisions.restore(answers[0], community.moderator, "Author apologised", REJECTED)
    db.session.commit()
    assert question.answer_count == 3 and members[0].approved_answer_count == 1
    delete_answer(answers[1], members[1])
    db.session.commit()
    assert question.answer_count == 2
    assert_counts_match_the_rows()


def test_nothing_a_member_wrote_is_destroyed_and_a_moderator_can_always_restore_it(app, community):
    member = community.member()
    answer = community.submit(member, question=community.question)
    moderator = community.moderator
    client = app.test_client(user=moderator)
    journey = [
        (lambda: decisions.reject(answer, moderator, "Needs rewording"), REJECTED),
        (lambda: decisions.restore(answer, moderator, "", REJECTED), PUBLISHED),
        (lambda: decisions.hide(answer, moderator, "Reported for dosing"), HIDDEN),
        (lambda: decisions.restore(answer, moderator, "", HIDDEN), PUBLISHED),
        (lambda: delete_answer(answer, member), DELETED),
        (lambda: decisions.restore(answer, moderator, "", DELETED), PUBLISHED),
    ]
    for step, status in journey:
        step()
        db.session.commit()
        assert answer.status is status
        page = text_of(client.get(f"/moderation/answers/{answer.id}"))
        assert "warm bath before bed" in page
        if status is not PUBLISHED:
            assert "Restore" in page
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 1
    assert answer.body.startswith("Baclofen at night")
    assert db.session.scalar(select(func.count()).select_from(AnswerRevision)) == 0
    assert_counts_match_the_rows()


def test_a_moderator_opens_any_answer_even_on_a_hidden_question(app, community):
    answer = answer_in(community, REJECTED)
    answer.question.status = QuestionStatus.HIDDEN
    db.session.commit()
    response = app.test_client(user=community.moderator).get(f"/moderation/answers/{answer.id}")
    assert response.status_code == 200


def test_unknown_answers_and_decisions_are_not_found(app, community):
    client = app.test_client(user=community.moderator)
    assert client.get("/moderation/answers/9999").status_code == 404
    assert client.post("/moderation/answers/9999/approve").status_code == 404
    answer = answer_in(community, PENDING)
    assert client.post(f"/moderation/answers/{answer.id}/delete").status_code == 404
