"""Members reporting answers. Enough reports from different members hide an answer until a
moderator decides; a "someone may be at risk" report goes to the top of the queue at once."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from forum.accounts.models import User
from forum.accounts.standing import standing_refusal
from forum.answers.models import Answer, AnswerStatus
from forum.answers.permissions import can_flag_answer, is_author
from forum.answers.services import change_status
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.audit.models import MemberNotice, NoticeKind
from forum.audit.notices import notify
from forum.core import events
from forum.core.errors import ForumError
from forum.database import db
from forum.flags.models import Flag, FlagReason, FlagStatus
from forum.moderation import site_text

# What a member can say is wrong with an answer, in the order the form offers it.
ANSWER_REASONS = {
    FlagReason.SPAM: "Spam or advertising",
    FlagReason.MISINFORMATION: "Medical misinformation or unsafe advice",
    FlagReason.HARASSMENT: "Harassment or hate",
    FlagReason.PERSONAL_INFORMATION: "Personal information",
    FlagReason.OFF_TOPIC: "Off-topic",
    FlagReason.AT_RISK: "Someone may be at risk",
}
NOTE_MAX = 1000


class AlreadyReportedError(ForumError):
    def __init__(self) -> None:
        super().__init__(
            "You have already reported this answer. Thank you: a moderator will look at it."
        )


def reporting_refusal(user: User, answer: Answer) -> str | None:
    """Why this member can't report this answer (can_flag_answer), in their words, or None."""
    if can_flag_answer(user, answer):
        return None
    if is_author(user, answer):
        return "This is your own answer. You can edit or delete it instead."
    if reason := standing_refusal(user, "report answers"):
        return reason
    return "This answer can't be reported: it is not published."


def already_reported(answer: Answer, reporter: User) -> bool:
    return (
        db.session.scalar(
            select(Flag.id).where(Flag.answer_id == answer.id, Flag.reporter_id == reporter.id)
        )
        is not None
    )


def report_answer(answer: Answer, reporter: User, reason: FlagReason, note: str = "") -> Flag:
    """File a member's report. On ForumError the caller rolls back (a duplicate may be flushed)."""
    if (refusal := reporting_refusal(reporter, answer)) is not None:
        raise ForumError(refusal)
    if reason not in ANSWER_REASONS:
        raise ForumError("Please choose what is wrong with the answer.", field="reason")
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ForumError(f"Please keep the note under {NOTE_MAX} characters.", field="note")
    _lock(answer)  # reports arriving together are counted one after the other
    if already_reported(answer, reporter):
        raise AlreadyReportedError()
    flag = Flag(answer=answer, reporter=reporter, reason=reason, note=note)
    db.session.add(flag)
    try:
        db.session.flush()
    except IntegrityError:
        raise AlreadyReportedError() from None
    if reason.is_crisis:
        _offer_support(answer)
        events.someone_at_risk(flag)
    _hide_when_reported_enough(answer)
    return flag


def _lock(answer: Answer) -> None:
    # FOR UPDATE on PostgreSQL; SQLite has no row locks and runs one writer at a time anyway.
    db.session.execute(select(Answer.id).where(Answer.id == answer.id).with_for_update())


def _offer_support(answer: Answer) -> None:
    """Show the author the support resources, once per answer while the notice is unread."""
    if answer.author is None:
        return
    waiting = db.session.scalar(
        select(MemberNotice.id).where(
            MemberNotice.user_id == answer.author_id,
            MemberNotice.answer_id == answer.id,
            MemberNotice.kind == NoticeKind.SUPPORT,
            MemberNotice.read_at.is_(None),
        )
    )
    if waiting is None:
        notify(answer.author, NoticeKind.SUPPORT, site_text.support_resources(), answer=answer)


def reporters_of(answer: Answer) -> int:
    """How many different members have an open report about the answer."""
    return db.session.scalar(
        select(func.count(func.distinct(Flag.reporter_id))).where(
            Flag.answer_id == answer.id, Flag.status == FlagStatus.OPEN
        )
    )


def _hide_when_reported_enough(answer: Answer) -> None:
    threshold = current_app.config["FLAG_HIDE_THRESHOLD"]
    reporters = reporters_of(answer)
    if reporters < threshold or not answer.is_published:
        return
    if not change_status(answer, AnswerStatus.PUBLISHED, AnswerStatus.HIDDEN):
        return
    reason = f"{reporters} members reported it; it stays hidden until a moderator decides."
    record_action(
        None,
        Action.ANSWER_HIDDEN_BY_REPORTS,
        "answer",
        answer.id,
        reason=reason,
        before={"status": AnswerStatus.PUBLISHED.value, "open_reports": reporters},
        after={"status": AnswerStatus.HIDDEN.value, "open_reports": reporters},
        subject=answer.author,
    )
    notify(
        answer.author,
        NoticeKind.HIDDEN,
        f"Your answer to “{answer.question.title}” is hidden for now, because several members "
        "reported it. A moderator will look at it and either show it again or tell you why not.",
        answer=answer,
        mail="answer_hidden",
        reason="Several members reported it. A moderator will decide whether it is shown again.",
    )
