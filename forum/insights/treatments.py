"""Treatment pages: what members report about each treatment across a condition's questions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, joinedload

from forum.accounts.models import User
from forum.answers.models import Answer, AnswerStatus, TreatmentReport
from forum.conditions.models import Treatment
from forum.database import db
from forum.insights.aggregates import MembersReport, readable_by, treatment_report
from forum.insights.paging import OneQueryPagination, paginate
from forum.questions.models import Question, QuestionStatus


@dataclass(frozen=True)
class TreatmentPage:
    treatment: Treatment
    report: MembersReport
    pager: OneQueryPagination  # .items are treatment reports, each with its answer and question


def find_treatment(condition_id: int, treatment_id: int) -> Treatment | None:
    """The treatment, with its condition, if it belongs to that condition's vocabulary."""
    return db.session.scalar(
        select(Treatment)
        .where(Treatment.id == treatment_id, Treatment.condition_id == condition_id)
        .options(joinedload(Treatment.condition))
    )


def treatment_page(
    treatment: Treatment, viewer: User, page: int, per_page: int, threshold: int
) -> TreatmentPage:
    """The treatment's figures, and one page of the published answers that name it, newest
    first, each with how it went for that member."""
    shared_at = func.coalesce(Answer.published_at, Answer.created_at)
    query = (
        select(TreatmentReport)
        .join(Answer, Answer.id == TreatmentReport.answer_id)
        .join(Question, Question.id == Answer.question_id)
        .where(
            TreatmentReport.treatment_id == treatment.id,
            Answer.status == AnswerStatus.PUBLISHED,
            Question.condition_id == treatment.condition_id,
            Question.status != QuestionStatus.HIDDEN,
            *readable_by(viewer),
        )
        .options(
            contains_eager(TreatmentReport.answer).contains_eager(Answer.question),
            contains_eager(TreatmentReport.answer).joinedload(Answer.author),
        )
        .order_by(shared_at.desc(), Answer.id.desc())
    )
    return TreatmentPage(
        treatment=treatment,
        report=treatment_report(treatment, viewer, threshold),
        pager=paginate(query, page, per_page),
    )
