"""Finding questions: one by id for its pages, and a condition's questions in order."""

from __future__ import annotations

from functools import cache

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import joinedload

from forum.conditions.models import Condition
from forum.database import db
from forum.questions.models import Question, QuestionStatus


@cache
def _question_with_condition() -> Select[tuple[Question]]:
    # Built once, with a bound parameter: the question pages are the busiest.
    return (
        select(Question)
        .where(Question.id == bindparam("question_id"))
        .options(joinedload(Question.condition))
    )


def find_visible_question(question_id: int) -> Question | None:
    """The question with its condition, unless it does not exist or was taken down."""
    question = db.session.scalar(_question_with_condition(), {"question_id": question_id})
    if question is None or not question.is_visible:
        return None
    return question


def visible_questions(condition: Condition) -> list[Question]:
    """The condition's questions readers may see, in the editors' order."""
    query = (
        select(Question)
        .where(Question.condition_id == condition.id, Question.status != QuestionStatus.HIDDEN)
        .order_by(Question.position, Question.id)
    )
    return list(db.session.scalars(query))
