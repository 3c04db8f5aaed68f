"""Reading a summary's history and taking readers' problem reports."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.accounts.models import User
from forum.database import db
from forum.errors import ForumError
from forum.moderation.models import Flag, FlagReason
from forum.questions.models import Question
from forum.summaries.models import RevisionStatus, Summary, SummaryRevision


def published_history(question: Question) -> list[SummaryRevision]:
    """Every published revision of the question's summary, newest first."""
    query = (
        select(SummaryRevision)
        .join(Summary)
        .where(
            Summary.question_id == question.id,
            SummaryRevision.status == RevisionStatus.PUBLISHED,
        )
        .options(joinedload(SummaryRevision.reviewer_profile))
        .order_by(SummaryRevision.published_at.desc(), SummaryRevision.number.desc())
    )
    return list(db.session.scalars(query))


def report_problem(question: Question, reporter: User, note: str) -> Flag:
    """File a reader's report about the question's summary for the reviewers."""
    summary = db.session.scalar(select(Summary).where(Summary.question_id == question.id))
    if summary is None:
        raise ForumError("This question has no summary to report yet.")
    note = note.strip()
    if not note:
        raise ForumError("Please tell the reviewers what the problem is.")
    flag = Flag(summary=summary, reporter=reporter, reason=FlagReason.SUMMARY_ERROR, note=note)
    db.session.add(flag)
    return flag
