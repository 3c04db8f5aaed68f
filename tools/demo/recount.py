"""Recounting the denormalised counts of demo conditions, questions, answers and members."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select, func, select

from forum.accounts.models import User
from forum.answers.models import Answer, AnswerStatus, HelpfulVote
from forum.conditions.models import Condition, Membership
from forum.database import db
from forum.questions.models import Question, QuestionStatus

# ---------------------------------------------------------------------------------------------
# Denormalised counts, recounted from the rows themselves
# ---------------------------------------------------------------------------------------------


def recount(conditions: list[Condition], users: Iterable[User]) -> None:
    condition_ids = [condition.id for condition in conditions]
    questions = db.session.scalars(
        select(Question).where(Question.condition_id.in_(condition_ids))
    ).all()
    question_ids = [question.id for question in questions]
    _recount_conditions(conditions)
    _recount_questions(questions)
    _recount_helpful_votes(question_ids)
    _recount_approved_answers(list(users))


def _counts(query: Select) -> dict:
    return {key: value for key, value in db.session.execute(query).all()}


def _recount_conditions(conditions: list[Condition]) -> None:
    ids = [condition.id for condition in conditions]
    members = _counts(
        select(Membership.condition_id, func.count())
        .where(Membership.condition_id.in_(ids))
        .group_by(Membership.condition_id)
    )
    visible_questions = _counts(
        select(Question.condition_id, func.count())
        .where(Question.condition_id.in_(ids), Question.status != QuestionStatus.HIDDEN)
        .group_by(Question.condition_id)
    )
    for condition in conditions:
        condition.member_count = members.get(condition.id, 0)
        condition.question_count = visible_questions.get(condition.id, 0)


def _recount_questions(questions: list[Question]) -> None:
    rows = db.session.execute(
        select(Answer.question_id, func.count(), func.max(Answer.published_at))
        .where(
            Answer.question_id.in_([question.id for question in questions]),
            Answer.status == AnswerStatus.PUBLISHED,
        )
        .group_by(Answer.question_id)
    ).all()
    published = {question_id: (count, latest) for question_id, count, latest in rows}
    for question in questions:
        count, latest = published.get(question.id, (0, None))
        question.answer_count = count
        question.last_activity_at = latest or question.created_at


def _recount_helpful_votes(question_ids: list[int]) -> None:
    votes = _counts(
        select(HelpfulVote.answer_id, func.count())
        .join(Answer, Answer.id == HelpfulVote.answer_id)
        .where(Answer.question_id.in_(question_ids))
        .group_by(HelpfulVote.answer_id)
    )
    for answer in db.session.scalars(select(Answer).where(Answer.question_id.in_(question_ids))):
        answer.helpful_count = votes.get(answer.id, 0)


def _recount_approved_answers(users: list[User]) -> None:
    approved = _counts(
        select(Answer.author_id, func.count())
        .where(
            Answer.author_id.in_([user.id for user in users]),
            Answer.status == AnswerStatus.PUBLISHED,
        )
        .group_by(Answer.author_id)
    )
    for user in users:
        user.approved_answer_count = approved.get(user.id, 0)
