"""Readers' problem reports about a summary, and the reviewers' replies to them.

Reports are moderation flags aimed at a summary rather than an answer, so one queue model
serves moderators and reviewers alike.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from forum.accounts.models import User
from forum.accounts.standing import standing_refusal
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.core import events
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.flags.models import Flag, FlagReason, FlagStatus
from forum.questions.models import Question
from forum.summaries import permissions
from forum.summaries.models import Summary

# What a reader can say is wrong, in the order the form offers it.
PROBLEM_REASONS = {
    FlagReason.SUMMARY_ERROR: "Something in it is wrong or misleading",
    FlagReason.SUMMARY_OUTDATED: "It is out of date",
    FlagReason.SUMMARY_BROKEN_REFERENCE: "A reference or link does not work",
    FlagReason.SUMMARY_UNCLEAR: "It is hard to understand",
    FlagReason.SUMMARY_OTHER: "Something else",
}

ALREADY_REPORTED = (
    "You already have an open report about this summary. A reviewer will reply to it."
)
# How a reviewer can close a report, in words the reporter will read.
RESOLUTIONS = {
    FlagStatus.UPHELD: "Corrected, or a correction is on its way",
    FlagStatus.DISMISSED: "Checked; no change needed",
}


def report_problem(question: Question, reporter: User, reason: FlagReason, note: str) -> Flag:
    """File a reader's report about the question's summary for the reviewers."""
    if refusal := standing_refusal(reporter, "report problems"):
        raise ForumError(refusal)
    if reason not in PROBLEM_REASONS:
        raise ForumError("Please choose what kind of problem it is.")
    note = note.strip()
    if not note:
        raise ForumError("Please tell the reviewers what the problem is.")
    summary = db.session.scalar(select(Summary).where(Summary.question_id == question.id))
    if summary is None:
        raise ForumError("This question has no summary to report yet.")
    if _open_report_by(reporter, summary) is not None:
        raise ForumError(ALREADY_REPORTED)
    flag = Flag(
        summary=summary, reporter=reporter, reason=reason, note=note, status=FlagStatus.OPEN
    )
    try:
        with db.session.begin_nested():  # a form sent twice at once: the database decides
            db.session.add(flag)
    except IntegrityError:
        raise ForumError(ALREADY_REPORTED) from None
    return flag


def _open_report_by(reporter: User, summary: Summary) -> Flag | None:
    return db.session.scalar(
        select(Flag).where(
            Flag.summary_id == summary.id,
            Flag.reporter_id == reporter.id,
            Flag.status == FlagStatus.OPEN,
        )
    )


def resolve_report(flag: Flag, reviewer: User, outcome: FlagStatus, note: str) -> None:
    """Close a report with a note the reporter will see on their reports page."""
    if flag.summary is None:
        raise ForumError("That report is about an answer; moderators handle it.")
    if flag.status is not FlagStatus.OPEN:
        raise ForumError("Another reviewer has already replied to this report.")
    if not permissions.can_resolve_report(reviewer, flag):
        raise ForumError("Only medical reviewers can reply to reports about summaries.")
    if outcome not in RESOLUTIONS:
        raise ForumError("Please choose how the report was resolved.")
    note = note.strip()
    if not note:
        raise ForumError("Please write a short reply for the reader who reported it.")
    before = _snapshot(flag)
    flag.status = outcome
    flag.resolution_note = note
    flag.resolver = reviewer
    flag.resolved_at = utcnow()
    db.session.flush()
    events.summary_report_answered(flag)
    record_action(
        reviewer,
        Action.SUMMARY_REPORT_ANSWERED,
        "flag",
        flag.id,
        reason=note,
        before=before,
        after=_snapshot(flag),
        subject=flag.reporter,
    )


def _snapshot(flag: Flag) -> dict:
    return {
        "summary_id": flag.summary_id,
        "reason": flag.reason.value,
        "status": flag.status.value,
        "resolver_id": flag.resolver_id,
        "resolution_note": flag.resolution_note,
    }


def find_summary_report(flag_id: int, lock: bool = False) -> Flag | None:
    """A report about a summary, with its question; None for unknown ids and answer flags."""
    query = (
        select(Flag)
        .where(Flag.id == flag_id, Flag.summary_id.is_not(None))
        .options(
            joinedload(Flag.summary).joinedload(Summary.question).joinedload(Question.condition),
            joinedload(Flag.reporter),
        )
    )
    if lock:
        query = query.with_for_update(of=Flag).execution_options(populate_existing=True)
    return db.session.scalar(query)


def reports_by(reporter: User) -> list[Flag]:
    """The reader's own reports about summaries, newest first, with any reply."""
    return list(
        db.session.scalars(
            select(Flag)
            .where(Flag.reporter_id == reporter.id, Flag.summary_id.is_not(None))
            .options(
                joinedload(Flag.summary).joinedload(Summary.question).joinedload(Question.condition)
            )
            .order_by(Flag.created_at.desc(), Flag.id.desc())
        )
    )
