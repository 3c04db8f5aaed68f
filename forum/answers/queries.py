"""Which answers a reader sees, loaded with all their cards show in a fixed number of queries."""

from __future__ import annotations

from sqlalchemy import Select, and_, or_, select, true
from sqlalchemy.orm import joinedload, selectinload

from forum.accounts.models import User
from forum.answers.models import Answer, AnswerStatus, TreatmentReport
from forum.database import db
from forum.permissions import is_moderator
from forum.questions.models import Question


def card_loading() -> tuple:
    """Eager loads for an answer card: author and treatment reports with their treatments."""
    return (
        joinedload(Answer.author),
        selectinload(Answer.treatment_reports).joinedload(TreatmentReport.treatment),
    )


def visible_answers(question_id: int, viewer: User) -> Select[tuple[Answer]]:
    """What the viewer may see of a question's answers, most helpful first, with their authors.

    Everyone sees published answers; authors also see their own in any other state (but a
    deleted one); moderators see everything, so nothing a member wrote is out of their reach.
    """
    shown = Answer.status == AnswerStatus.PUBLISHED
    if is_moderator(viewer):
        shown = true()
    elif viewer.is_authenticated:
        own = and_(Answer.author_id == viewer.id, Answer.status != AnswerStatus.DELETED)
        shown = or_(shown, own)
    # Treatment reports are loaded only for cards not kept already (forum/answers/cards.py).
    return (
        select(Answer)
        .where(Answer.question_id == question_id, shown)
        .options(joinedload(Answer.author))
        .order_by(Answer.helpful_count.desc(), Answer.published_at, Answer.id)
    )


def find_answer(answer_id: int) -> Answer | None:
    """Any answer on a visible question, whatever its status; callers check who may see it."""
    answer = db.session.scalar(
        select(Answer)
        .where(Answer.id == answer_id)
        .options(*card_loading(), joinedload(Answer.question).joinedload(Question.condition))
    )
    if answer is None or not answer.question.is_visible:
        return None
    return answer
