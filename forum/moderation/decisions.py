"""Moderators' decisions about answers: approve, reject, hide, restore, dismiss reports.

Every decision is a status change, never a deletion: a moderator can always open the answer
and restore it. Each one is compare-and-set on the status the moderator saw (`expected`), so of
two moderators deciding at once the second is told it was already handled and nothing changes
twice. Each writes exactly one log entry, with the answer as it was before and after.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import update

from forum.accounts.models import User
from forum.accounts.standing import is_moderator
from forum.answers.models import Answer, AnswerStatus
from forum.answers.services import change_status, snapshot_of
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.audit.models import NoticeKind
from forum.audit.notices import notify
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.flags.models import Flag, FlagStatus

PENDING, PUBLISHED = AnswerStatus.PENDING, AnswerStatus.PUBLISHED
HIDDEN, REJECTED, DELETED = AnswerStatus.HIDDEN, AnswerStatus.REJECTED, AnswerStatus.DELETED

# The statuses each decision may start from.
APPROVE_FROM = {PENDING}
REJECT_FROM = {PENDING, HIDDEN}
HIDE_FROM = {PUBLISHED}
RESTORE_FROM = {HIDDEN, REJECTED, DELETED}
REASON_MAX = 1000


class AlreadyHandledError(ForumError):
    """Someone else decided about this item between the moderator's page load and their click."""

    def __init__(self) -> None:
        super().__init__(
            "Another moderator has already handled this answer, so nothing was changed. "
            "This is where it stands now."
        )


def require_moderator(user: User) -> None:
    if not is_moderator(user):
        raise ForumError("Only moderators can do that.")


def required_reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ForumError(message, field="reason")
    if len(reason) > REASON_MAX:
        raise ForumError(f"Please keep the reason under {REASON_MAX} characters.", field="reason")
    return reason


def approve(answer: Answer, moderator: User, expected: AnswerStatus | None = None) -> None:
    """Publish a waiting answer; it counts from now on."""
    _decide(answer, moderator, expected, PUBLISHED, APPROVE_FROM, Action.ANSWER_APPROVED, "")
    notify(
        answer.author,
        NoticeKind.APPROVED,
        f"Your answer to “{answer.question.title}” is published. Thank you for sharing it.",
        answer=answer,
        mail="answer_approved",
    )


def reject(
    answer: Answer, moderator: User, reason: str, expected: AnswerStatus | None = None
) -> None:
    """Decline to publish a waiting (or report-hidden) answer, telling the author why."""
    reason = required_reason(reason, "Please tell the member why their answer is not published.")
    _decide(answer, moderator, expected, REJECTED, REJECT_FROM, Action.ANSWER_REJECTED, reason)
    notify(
        answer.author,
        NoticeKind.REJECTED,
        f"A moderator did not publish your answer to “{answer.question.title}”. "
        f"The reason given: {reason}",
        answer=answer,
        mail="answer_rejected",
        reason=reason,
    )


def hide(
    answer: Answer, moderator: User, reason: str, expected: AnswerStatus | None = None
) -> None:
    """Take a published answer out of view; the author still sees it, and why."""
    reason = required_reason(reason, "Please tell the member why their answer is hidden.")
    _decide(answer, moderator, expected, HIDDEN, HIDE_FROM, Action.ANSWER_HIDDEN, reason)
    notify(
        answer.author,
        NoticeKind.HIDDEN,
        f"A moderator hid your answer to “{answer.question.title}”. The reason given: {reason}",
        answer=answer,
        mail="answer_hidden",
        reason=reason,
    )


def restore(
    answer: Answer, moderator: User, reason: str = "", expected: AnswerStatus | None = None
) -> None:
    """Publish again an answer that was hidden, rejected or deleted; open reports are dismissed."""
    reason = (reason or "").strip()[:REASON_MAX]
    _decide(answer, moderator, expected, PUBLISHED, RESTORE_FROM, Action.ANSWER_RESTORED, reason)
    notify(
        answer.author,
        NoticeKind.RESTORED,
        f"Your answer to “{answer.question.title}” is published again.",
        answer=answer,
        mail="answer_restored",
    )


def dismiss_reports(answer: Answer, moderator: User, note: str = "") -> None:
    """The reports don't hold up: close them, and show the answer again if they had hidden it.

    An answer that is hidden while reports are open was hidden by the reports themselves:
    a moderator hiding it closes the reports as upheld at the same moment.
    """
    require_moderator(moderator)
    note = (note or "").strip()[:REASON_MAX]
    before = snapshot_of(answer)
    closed = close_reports(answer, moderator, FlagStatus.DISMISSED, note)
    if not closed:
        raise AlreadyHandledError()
    if answer.status is HIDDEN and not change_status(answer, HIDDEN, PUBLISHED):
        raise AlreadyHandledError()
    after = {**snapshot_of(answer), "reports_closed": closed, "reports_outcome": "dismissed"}
    record_action(
        moderator,
        Action.REPORTS_DISMISSED,
        "answer",
        answer.id,
        reason=note,
        before=before,
        after=after,
        subject=answer.author,
    )
    if before["status"] == HIDDEN.value:
        notify(
            answer.author,
            NoticeKind.RESTORED,
            f"A moderator checked the reports about your answer to “{answer.question.title}” "
            "and it is shown again.",
            answer=answer,
            mail="answer_restored",
        )


@dataclass
class BulkResult:
    done: list[int] = field(default_factory=list)
    already_handled: list[int] = field(default_factory=list)


def decide_many(
    answers: Iterable[Answer], moderator: User, decision: str, reason: str = ""
) -> BulkResult:
    """Approve or reject several waiting answers at once; those someone else handled are skipped.

    A skipped answer has had nothing written for it (its compare-and-set changed no row).
    """
    require_moderator(moderator)
    if decision == "reject":
        reason = required_reason(reason, "Please give the reason the members will be sent.")
    elif decision != "approve":
        raise ForumError("Please choose to approve or to reject.")
    result = BulkResult()
    for answer in answers:
        try:
            if decision == "approve":
                approve(answer, moderator, PENDING)
            else:
                reject(answer, moderator, reason, PENDING)
        except AlreadyHandledError:
            result.already_handled.append(answer.id)
        else:
            result.done.append(answer.id)
    return result


def _decide(
    answer: Answer,
    moderator: User,
    expected: AnswerStatus | None,
    new: AnswerStatus,
    allowed_from: set[AnswerStatus],
    action: Action,
    reason: str,
) -> None:
    require_moderator(moderator)
    # The status the moderator saw; without one, the status as loaded by this request.
    expected = expected or answer.status
    if expected not in allowed_from:
        raise ForumError(f"An answer that is {expected.value} can't be {action.split('_')[1]}.")
    before = {**snapshot_of(answer), "status": expected.value}
    if not change_status(answer, expected, new):
        raise AlreadyHandledError()
    outcome = FlagStatus.DISMISSED if new is PUBLISHED else FlagStatus.UPHELD
    closed = close_reports(answer, moderator, outcome, reason)
    after = snapshot_of(answer)
    if closed:
        after |= {"reports_closed": closed, "reports_outcome": outcome.value}
    record_action(
        moderator,
        action,
        "answer",
        answer.id,
        reason=reason,
        before=before,
        after=after,
        subject=answer.author,
    )


def close_reports(answer: Answer, moderator: User, outcome: FlagStatus, note: str) -> int:
    """Close the answer's open reports in SQL; how many were still open."""
    result = db.session.execute(
        update(Flag)
        .where(Flag.answer_id == answer.id, Flag.status == FlagStatus.OPEN)
        .values(
            status=outcome, resolver_id=moderator.id, resolved_at=utcnow(), resolution_note=note
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount
