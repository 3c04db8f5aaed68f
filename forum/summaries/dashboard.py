"""What the reviewers' dashboard lists: reviews falling due, drafts, readers' reports, the
tasks opened where members' reports diverge from a summary, and the tables that features
above summaries add to it (registered by create_app, see init_app)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from flask import Flask, current_app
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from forum.database import db, utcnow
from forum.flags.models import Flag, FlagStatus
from forum.questions.models import Question, QuestionStatus
from forum.summaries.models import EDITABLE_STATUSES, RevisionStatus, Summary, SummaryRevision
from forum.summaries.services import review_settings
from forum.summaries.tasks import Evidence, open_tasks

# The dashboard is a to-do list, not an archive: each table shows this many at most.
ROWS_PER_TABLE = 100
EXTENSION = "review_dashboard_parts"


@dataclass(frozen=True)
class DashboardPart:
    """A table that a feature above summaries adds to the dashboard: TEMPLATE draws it from
    `rows`, which LOAD_ROWS reads (in one query, whatever the number of rows)."""

    template: str
    load_rows: Callable[[], list]


def init_app(app: Flask, parts: Sequence[DashboardPart]) -> None:
    """The tables features above summaries add to APP's dashboard, in the order shown: they
    cannot be imported from here, so create_app hands them over."""
    app.extensions[EXTENSION] = tuple(parts)


@dataclass(frozen=True)
class Dashboard:
    today: date
    overdue: list[Summary]
    due_soon: list[Summary]
    waiting_for_review: list[SummaryRevision]
    in_progress: list[SummaryRevision]
    open_reports: list[Flag]
    without_summary: list[Question]
    parts: list[tuple[str, list]]  # (template, rows) of each registered DashboardPart
    review_tasks: list[Evidence]  # open, with their evidence in words (summaries/_tasks.html)


def reviewer_dashboard() -> Dashboard:
    """Everything a medical reviewer may need to act on today, each table in one query."""
    today = utcnow().date()
    horizon = today + review_settings().due_soon
    return Dashboard(
        today=today,
        overdue=_summaries_due(Summary.next_review_due < today),
        due_soon=_summaries_due(Summary.next_review_due.between(today, horizon)),
        waiting_for_review=_revisions((RevisionStatus.IN_REVIEW,)),
        in_progress=_revisions(EDITABLE_STATUSES),
        open_reports=_open_reports(),
        without_summary=_questions_without_summary(),
        parts=[
            (part.template, part.load_rows()) for part in current_app.extensions.get(EXTENSION, ())
        ],
        review_tasks=open_tasks(current_app.config["SMALL_NUMBER_THRESHOLD"], ROWS_PER_TABLE),
    )


def _visible(query: Select) -> Select:
    return query.join(Summary.question).where(Question.status != QuestionStatus.HIDDEN)


def _summaries_due(condition) -> list[Summary]:
    query = _visible(select(Summary)).where(condition)
    query = query.options(joinedload(Summary.question).joinedload(Question.condition))
    query = query.order_by(Summary.next_review_due, Summary.id).limit(ROWS_PER_TABLE)
    return list(db.session.scalars(query))


def _revisions(statuses) -> list[SummaryRevision]:
    query = (
        _visible(select(SummaryRevision).join(SummaryRevision.summary))
        .where(SummaryRevision.status.in_(statuses))
        .options(
            joinedload(SummaryRevision.summary)
            .joinedload(Summary.question)
            .joinedload(Question.condition),
            joinedload(SummaryRevision.writer),
        )
        .order_by(SummaryRevision.created_at, SummaryRevision.id)
        .limit(ROWS_PER_TABLE)
    )
    return list(db.session.scalars(query))


def _open_reports() -> list[Flag]:
    query = (
        _visible(select(Flag).join(Flag.summary))
        .where(Flag.status == FlagStatus.OPEN)
        .options(
            joinedload(Flag.summary).joinedload(Summary.question).joinedload(Question.condition),
            joinedload(Flag.reporter),
        )
        .order_by(Flag.created_at, Flag.id)
        .limit(ROWS_PER_TABLE)
    )
    return list(db.session.scalars(query))


def _questions_without_summary() -> list[Question]:
    """Visible questions with no published revision yet: the next summaries to write."""
    published = (
        select(Summary.question_id)
        .join(SummaryRevision)
        .where(SummaryRevision.status == RevisionStatus.PUBLISHED)
    )
    query = (
        select(Question)
        .where(Question.status != QuestionStatus.HIDDEN, Question.id.not_in(published))
        .options(joinedload(Question.condition))
        .order_by(Question.created_at, Question.id)
        .limit(ROWS_PER_TABLE)
    )
    return list(db.session.scalars(query))
