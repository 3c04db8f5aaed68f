"""Everything the question page shows, gathered in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from forum.answers.models import Answer
from forum.answers.queries import published_answers
from forum.database import db
from forum.questions.models import Question
from forum.summaries.models import RevisionStatus, Summary, SummaryRevision


@dataclass(frozen=True)
class QuestionPage:
    question: Question
    summary: SummaryRevision | None  # the latest published revision, if any
    answers: list[Answer]


def find_visible_question(question_id: int) -> Question | None:
    """The question with its condition, unless it does not exist or was taken down."""
    question = db.session.scalar(
        select(Question).where(Question.id == question_id).options(joinedload(Question.condition))
    )
    if question is None or not question.is_visible:
        return None
    return question


def current_summary(question_id: int) -> SummaryRevision | None:
    """The most recently published revision of the question's summary: what readers see."""
    query = (
        select(SummaryRevision)
        .join(Summary)
        .where(
            Summary.question_id == question_id,
            SummaryRevision.status == RevisionStatus.PUBLISHED,
        )
        .options(
            selectinload(SummaryRevision.references),
            joinedload(SummaryRevision.reviewer_profile),
            joinedload(SummaryRevision.summary),
        )
        .order_by(SummaryRevision.published_at.desc(), SummaryRevision.number.desc())
        .limit(1)
    )
    return db.session.scalar(query)


def question_page(question: Question) -> QuestionPage:
    return QuestionPage(
        question=question,
        summary=current_summary(question.id),
        answers=list(db.session.scalars(published_answers(question.id)).unique()),
    )
