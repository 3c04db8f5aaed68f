"""Which answers a reader sees, loaded with all their cards show in a fixed number of queries."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from forum.answers.models import Answer, AnswerStatus, TreatmentReport
from forum.database import db
from forum.questions.models import Question


def card_loading() -> tuple:
    """Eager loads for an answer card: author and treatment reports with their treatments."""
    return (
        joinedload(Answer.author),
        selectinload(Answer.treatment_reports).joinedload(TreatmentReport.treatment),
    )


def published_answers(question_id: int) -> Select[tuple[Answer]]:
    """Published answers of a question, most helpful first, with authors and treatments."""
    return (
        select(Answer)
        .where(Answer.question_id == question_id, Answer.status == AnswerStatus.PUBLISHED)
        .options(*card_loading())
        .order_by(Answer.helpful_count.desc(), Answer.published_at, Answer.id)
    )


def find_published_answer(answer_id: int) -> Answer | None:
    """One published answer on a visible question, with its card and question loaded."""
    answer = db.session.scalar(
        select(Answer)
        .where(Answer.id == answer_id)
        .options(*card_loading(), joinedload(Answer.question).joinedload(Question.condition))
    )
    if answer is None or not answer.is_published or not answer.question.is_visible:
        return None
    return answer
