"""The check-in page's rules: where an answer's check-ins stand, and saving what the member says.

A check-in is the author's own edit of their treatment reports: it keeps the answer as it stood
as a revision (its reason says which check-in), moves the answer's version so kept cards are
drawn again, and writes nothing to the moderation log.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from forum.accounts.models import User
from forum.answers.models import Answer, Month, Outcome, StopReason, TreatmentReport
from forum.answers.services import bump_version, keep_revision
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.outcomes.models import CheckIn
from forum.outcomes.permissions import can_check_in


class AnswerChangedError(ForumError):
    """The answer changed since the member opened the page: the caller shows the current
    answer with the member's choices kept."""

    def __init__(self) -> None:
        super().__init__(
            "This answer changed since you opened it (perhaps in another tab). Your choices are "
            "still below: check them against your answer as it is now, then save again."
        )


@dataclass(frozen=True)
class ReportUpdate:
    """What the member said of one treatment report at a check-in. STOPPED and STOP_REASON
    count only when they no longer take it."""

    still_using: bool
    outcome: Outcome
    stopped: Month | None = None
    stop_reason: StopReason | None = None


@dataclass(frozen=True)
class CheckInState:
    """An answer's check-ins, soonest first, and what they mean for the page."""

    check_ins: list[CheckIn]

    @property
    def waiting(self) -> list[CheckIn]:
        """Asked, and not answered yet."""
        return [c for c in self.check_ins if c.sent_at is not None and c.answered_at is None]

    @property
    def asking(self) -> CheckIn | None:
        """The check-in the page answers: the latest one asked (it answers the others too)."""
        return max(self.waiting, key=lambda c: c.months, default=None)

    @property
    def next_due(self) -> CheckIn | None:
        return next((c for c in self.check_ins if c.sent_at is None), None)

    @property
    def answered(self) -> list[CheckIn]:
        return [c for c in self.check_ins if c.answered_at is not None]


def check_in_state(answer: Answer) -> CheckInState:
    return CheckInState(
        list(
            db.session.scalars(
                select(CheckIn)
                .where(CheckIn.answer_id == answer.id)
                .order_by(CheckIn.months, CheckIn.id)
            )
        )
    )


def report_key(report: TreatmentReport) -> str:
    """What names a report across edits: an edit replaces the report rows (new ids), but keeps
    each treatment once, from the vocabulary or typed."""
    if report.treatment_id is not None:
        return f"treatment:{report.treatment_id}"
    return f"other:{(report.other_name or '').casefold()}"


def reason_for(check_in: CheckIn) -> str:
    """The revision's reason, as the edit history shows it."""
    return f"Check-in after {check_in.months} months"


def record_check_in(
    answer: Answer, member: User, updates: dict[str, ReportUpdate], expected_version: int
) -> CheckIn:
    """Write what MEMBER said of each treatment report (UPDATES, by report_key) and answer
    every check-in asked and not answered yet. Returns the one the page asked about."""
    if not can_check_in(member, answer):
        raise ForumError("You can't update this answer.")
    state = check_in_state(answer)
    asking = state.asking
    if asking is None:
        raise ForumError("There is no check-in waiting for an answer here.")
    if expected_version != answer.version:
        raise AnswerChangedError()
    reports = {report_key(report): report for report in answer.treatment_reports}
    if set(updates) != set(reports):
        # Same version, different treatments: the form was damaged on the way.
        raise ForumError("Something in the form was lost. Please reload the page and try again.")
    for key, update in updates.items():
        _check(update, reports[key])
    now = utcnow()
    db.session.add(keep_revision(answer, member, reason_for(asking)))
    for key, report in reports.items():
        _apply(updates[key], report, asking.months)
    for check_in in state.waiting:
        check_in.answered_at = now
    answer.edited_at = now
    bump_version(answer, expected_version)
    return asking


def _check(update: ReportUpdate, report: TreatmentReport) -> None:
    """The same rules as the answer form's (answers.services._check_details), for the fields a
    check-in changes."""
    if update.still_using or update.stopped is None:
        return
    if update.stopped.number > Month.of(utcnow()).number:
        raise ForumError(f"{report.name}: please choose a month that has already begun.")
    if report.started_in is not None and update.stopped.number < report.started_in:
        raise ForumError(f"{report.name}: the month you stopped is before the month you started.")


def _apply(update: ReportUpdate, report: TreatmentReport, months: int) -> None:
    # Only what a check-in asks about changes; the rest of the report (the side effects picked
    # among them) stays as it is, rows and all, where answers.services.apply_entry rebuilds it.
    report.still_using = update.still_using
    report.outcome = update.outcome
    stopped = None if update.still_using else update.stopped
    report.stopped_in = stopped.number if stopped else None
    report.stop_reason = None if update.still_using else update.stop_reason
    report.checked_after_months = months
