"""Reading conditions for the home and condition pages."""

from __future__ import annotations

from sqlalchemy import select

from forum.conditions.models import Condition
from forum.database import db
from forum.questions.models import Question, QuestionStatus


def find_condition(condition_id: int) -> Condition | None:
    return db.session.get(Condition, condition_id)


def find_condition_by_slug(slug: str) -> Condition | None:
    return db.session.scalar(select(Condition).where(Condition.slug == slug))


def list_conditions() -> list[Condition]:
    return list(db.session.scalars(select(Condition).order_by(Condition.position, Condition.name)))


def visible_questions(condition: Condition) -> list[Question]:
    """The condition's questions readers may see, in the editors' order."""
    query = (
        select(Question)
        .where(Question.condition_id == condition.id, Question.status != QuestionStatus.HIDDEN)
        .order_by(Question.position, Question.id)
    )
    return list(db.session.scalars(query))
