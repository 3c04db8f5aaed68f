"""Posting, editing, deleting and restoring answers. submit_answer is the only way in."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from forum.accounts.models import User
from forum.answers.models import (
    Access,
    Answer,
    AnswerRevision,
    AnswerStatus,
    Month,
    Outcome,
    ReportedSideEffect,
    Severity,
    StopReason,
    TimeSinceDiagnosis,
    TimeToHelp,
    TreatmentReport,
    Visibility,
)
from forum.answers.permissions import (
    answer_refusal,
    can_delete_answer,
    can_edit_answer,
    can_restore_answer,
)
from forum.answers.screening import Hold, screen_edit, screen_new_answer
from forum.audit.actions import Action
from forum.audit.log import digest_of, record_action
from forum.audit.models import NoticeKind
from forum.audit.notices import notify
from forum.conditions.models import Membership, Perspective, SideEffect, Treatment, TreatmentKind
from forum.content import render_markdown
from forum.core import events
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.questions.models import Question

BODY_MIN, BODY_MAX = 20, 10_000
MAX_TREATMENTS = 12
DOSE_MAX = 120


@dataclass(frozen=True)
class TreatmentEntry:
    """One treatment in an answer: from the vocabulary (treatment_id) or typed (other_name).
    Everything after still_using is optional detail; side_effect_severities pairs side effects
    of the condition's vocabulary (by id) with how bad they were."""

    outcome: Outcome
    treatment_id: int | None = None
    other_name: str | None = None
    side_effects: str = ""
    still_using: bool | None = None
    started: Month | None = None
    stopped: Month | None = None
    stop_reason: StopReason | None = None
    time_to_help: TimeToHelp | None = None
    access: Access | None = None
    dose: str = ""
    side_effect_severities: tuple[tuple[int, Severity], ...] = ()


@dataclass(frozen=True)
class AnswerDraft:
    body: str
    perspective: Perspective
    time_since_diagnosis: TimeSinceDiagnosis | None = None
    treatments: list[TreatmentEntry] = field(default_factory=list)
    is_anonymous: bool = False
    visibility: Visibility = Visibility.EVERYONE
    wants_check_ins: bool = False


class AlreadyAnsweredError(ForumError):
    """One answer per member per question: the caller should lead to editing it."""

    def __init__(self) -> None:
        super().__init__("You have already answered this question; you can edit your answer.")


def membership_for(user: User, question: Question) -> Membership | None:
    if not user.is_authenticated:
        return None
    return db.session.scalar(
        select(Membership).where(
            Membership.user_id == user.id, Membership.condition_id == question.condition_id
        )
    )


def existing_answer(user: User, question: Question) -> Answer | None:
    if not user.is_authenticated:
        return None
    return db.session.scalar(
        select(Answer).where(Answer.question_id == question.id, Answer.author_id == user.id)
    )


def submit_answer(question: Question, author: User, draft: AnswerDraft) -> Answer:
    """Add a member's answer and decide its status. Every new answer comes through here."""
    refusal = answer_refusal(author, question, membership_for(author, question))
    if refusal is not None:
        raise ForumError(refusal.message)
    if existing_answer(author, question) is not None:
        raise AlreadyAnsweredError()
    _check_draft(question, draft)
    status, hold = decide_status(author, draft)
    answer = Answer(question=question, author=author, status=status)
    _apply_fields(answer, draft)
    db.session.add(answer)
    try:
        db.session.flush()
    except IntegrityError:
        # Two tabs posted at the same moment: the unique constraint let only one in.
        # The session must be rolled back by the caller before it is used again.
        raise AlreadyAnsweredError() from None
    _replace_reports(answer, draft)
    events.answer_posted(answer)
    if answer.is_published:
        _first_published(answer)
        _count_published(answer, +1)
    else:
        _log_hold(answer, hold, before=None)
    return answer


def decide_status(author: User, draft: AnswerDraft) -> tuple[AnswerStatus, Hold | None]:
    """Pre-moderation: the status a new answer starts in, and why it waits if it does.

    Raises ForumError when a watched phrase refuses the answer (see moderation.screening).
    """
    hold = screen_new_answer(author, draft.body)
    return (AnswerStatus.PENDING if hold else AnswerStatus.PUBLISHED), hold


def _log_hold(answer: Answer, hold: Hold | None, before: dict | None) -> None:
    """The forum itself (no actor) held the answer: the queue shows moderators why."""
    record_action(
        None,
        Action.ANSWER_HELD,
        "answer",
        answer.id,
        reason=hold.reason if hold else "",
        before=before,
        after={"status": AnswerStatus.PENDING.value},
        subject=answer.author,
    )


def edit_answer(
    answer: Answer, editor: User, draft: AnswerDraft, expected_version: int, reason: str = ""
) -> Answer:
    """Replace the answer's text and details, keeping what it said before as a revision."""
    if not can_edit_answer(editor, answer):
        raise ForumError("You can't edit this answer.")
    if expected_version != answer.version:
        raise ForumError(
            "This answer changed since you opened it (perhaps in another tab). "
            "Your text is still below: compare it with the current version, then save again."
        )
    by_someone_else = editor.id != answer.author_id
    reason = reason.strip()
    if by_someone_else and not reason:
        raise ForumError(
            "Please say why you are changing this member's answer; they will be told.",
            field="reason",
        )
    _check_draft(answer.question, draft)
    hold = screen_edit(editor, answer, draft.body)
    before = snapshot_of(answer)
    db.session.add(keep_revision(answer, editor, reason))
    _apply_fields(answer, draft)
    _replace_reports(answer, draft)
    events.answer_edited(answer)
    answer.edited_at = utcnow()
    bump_version(answer, expected_version)
    if (
        hold
        and answer.is_published
        and change_status(answer, AnswerStatus.PUBLISHED, AnswerStatus.PENDING)
    ):
        _log_hold(answer, hold, before={"status": AnswerStatus.PUBLISHED.value})
    if by_someone_else:
        record_action(
            editor,
            Action.ANSWER_EDITED,
            "answer",
            answer.id,
            reason=reason,
            before=before,
            after=snapshot_of(answer),
            subject=answer.author,
        )
        notify(
            answer.author,
            NoticeKind.EDITED,
            f"A moderator edited your answer to “{answer.question.title}”: {reason}",
            answer=answer,
        )
    return answer


def delete_answer(answer: Answer, actor: User) -> None:
    """The author removes their answer. Soft: a moderator can bring it back."""
    if not can_delete_answer(actor, answer):
        raise ForumError("You can't delete this answer.")
    if answer.is_published:
        _count_published(answer, -1)
    answer.status = AnswerStatus.DELETED
    bump_version(answer, answer.version)


def restore_answer(answer: Answer, moderator: User, reason: str = "") -> None:
    if not can_restore_answer(moderator, answer):
        raise ForumError("Only moderators can restore a deleted answer.")
    answer.status = AnswerStatus.PUBLISHED
    answer.published_at = answer.published_at or utcnow()
    _count_published(answer, +1)
    bump_version(answer, answer.version)
    record_action(
        moderator,
        Action.ANSWER_RESTORED,
        "answer",
        answer.id,
        reason=reason,
        before={"status": "deleted"},
        after={"status": "published"},
        subject=answer.author,
    )


def change_status(answer: Answer, expected: AnswerStatus, new: AnswerStatus) -> bool:
    """Compare-and-set the status in SQL, moving the counts when it crosses "published".

    Returns False, changing nothing, when the answer was no longer `expected`: someone else
    decided first. Of two moderators deciding at once, exactly one gets True.
    """
    result = db.session.execute(
        update(Answer)
        .where(Answer.id == answer.id, Answer.status == expected)
        .values(status=new, version=Answer.version + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return False
    set_committed_value(answer, "status", new)
    db.session.expire(answer, ["version"])
    if new is AnswerStatus.PUBLISHED:
        if answer.published_at is None:
            _first_published(answer)
        _count_published(answer, +1)
    elif expected is AnswerStatus.PUBLISHED:
        _count_published(answer, -1)
    return True


def _first_published(answer: Answer) -> None:
    """Readers see the answer for the first time: its followers hear of it."""
    answer.published_at = utcnow()
    events.answer_published(answer)


def snapshot_of(answer: Answer) -> dict:
    """The answer as the moderation log records it before and after a change: its state, and
    digests of what it says. The words and treatments stay with the answer and its revisions,
    which go when the author deletes them; a log that kept copies would outlive them."""
    details = details_of(answer)
    return {
        "status": answer.status.value,
        "visibility": details["visibility"],
        "anonymous": details["anonymous"],
        "body_digest": digest_of(answer.body),
        "treatments_digest": digest_of(details["treatments"]),
        "treatment_count": len(details["treatments"]),
    }


def details_of(answer: Answer) -> dict:
    """The structured fields as plain data, for revisions and diffs."""
    return {
        "perspective": answer.perspective.value,
        "time_since_diagnosis": (
            answer.time_since_diagnosis.value if answer.time_since_diagnosis else None
        ),
        "anonymous": answer.is_anonymous,
        "visibility": answer.visibility.value,
        "check_ins": answer.wants_check_ins,
        "treatments": [report_details(report) for report in answer.treatment_reports],
    }


def report_details(report: TreatmentReport) -> dict:
    """One treatment report as plain data: what revisions keep and the export gives back."""
    return {
        "name": report.name,
        "outcome": report.outcome.value,
        "side_effects": report.side_effects,
        "still_using": report.still_using,
        "started": report.started.label if report.started else None,
        "stopped": report.stopped.label if report.stopped else None,
        "stop_reason": report.stop_reason.value if report.stop_reason else None,
        "time_to_help": report.time_to_help.value if report.time_to_help else None,
        "access": report.access.value if report.access else None,
        "dose": report.dose,
        "side_effect_severities": {
            reported.name: reported.severity.value for reported in report.side_effect_reports
        },
        "checked_after_months": report.checked_after_months,
    }


def keep_revision(answer: Answer, editor: User, reason: str) -> AnswerRevision:
    """The answer as it stands, as a revision to add before changing it."""
    number = len(answer.revisions) + 1
    return AnswerRevision(
        answer=answer,
        number=number,
        body=answer.body,
        details=details_of(answer),
        editor_id=editor.id,
        reason=reason,
    )


def bump_version(answer: Answer, expected: int) -> None:
    """Compare-and-set in SQL: of two concurrent saves of one version, only one wins."""
    result = db.session.execute(
        update(Answer)
        .where(Answer.id == answer.id, Answer.version == expected)
        .values(version=expected + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ForumError("This answer changed since you opened it. Please reload and try again.")
    answer.version = expected + 1
    db.session.flush()


def _count_published(answer: Answer, change: int) -> None:
    """Move the denormalised counts in SQL, so concurrent posts don't overwrite each other."""
    values = {"answer_count": Question.answer_count + change}
    if change > 0:
        values["last_activity_at"] = utcnow()
    db.session.execute(
        update(Question)
        .where(Question.id == answer.question_id)
        .values(values)
        .execution_options(synchronize_session=False)
    )
    if answer.author_id is not None:
        db.session.execute(
            update(User)
            .where(User.id == answer.author_id)
            .values(approved_answer_count=User.approved_answer_count + change)
            .execution_options(synchronize_session=False)
        )
    db.session.expire(answer.question, ["answer_count", "last_activity_at"])


def _check_draft(question: Question, draft: AnswerDraft) -> None:
    body = draft.body.strip()
    if not BODY_MIN <= len(body) <= BODY_MAX:
        raise ForumError(
            f"Please write between {BODY_MIN} and {BODY_MAX:,} characters.", field="body"
        )
    if len(draft.treatments) > MAX_TREATMENTS:
        raise ForumError(f"Please list at most {MAX_TREATMENTS} treatments.", field="treatments")
    kinds = _vocabulary_kinds(question)
    side_effect_ids = _side_effect_ids(question)
    seen: set[str] = set()
    for entry in draft.treatments:
        _check_details(entry, kinds.get(entry.treatment_id), side_effect_ids)
        other = (entry.other_name or "").strip()
        key = f"id:{entry.treatment_id}" if entry.treatment_id else f"other:{other}"
        if entry.treatment_id is not None and entry.treatment_id not in kinds:
            raise ForumError("Please choose treatments from the list.", field="treatments")
        if entry.treatment_id is None and not (entry.other_name or "").strip():
            raise ForumError("Please name the other treatment.", field="treatments")
        if key.lower() in seen:
            raise ForumError("Each treatment can be listed once.", field="treatments")
        seen.add(key.lower())


def _check_details(
    entry: TreatmentEntry, kind: TreatmentKind | None, side_effect_ids: set[int]
) -> None:
    """The optional details must make sense together; the form says the same, field by field."""
    if entry.started and entry.stopped and entry.stopped.number < entry.started.number:
        raise ForumError("A treatment can't stop before it started.", field="treatments")
    this_month = Month.of(utcnow()).number
    if any(month and month.number > this_month for month in (entry.started, entry.stopped)):
        raise ForumError("Please choose a month that has already begun.", field="treatments")
    if (entry.stopped or entry.stop_reason) and entry.still_using:
        raise ForumError(
            "A treatment you still use has no stop date or reason.", field="treatments"
        )
    if entry.dose and kind is not TreatmentKind.MEDICATION:
        raise ForumError("A dose can be given for medicines only.", field="treatments")
    if len(entry.dose) > DOSE_MAX:
        raise ForumError(f"Please keep the dose under {DOSE_MAX} characters.", field="treatments")
    chosen = [side_effect_id for side_effect_id, _ in entry.side_effect_severities]
    if len(set(chosen)) != len(chosen) or not set(chosen) <= side_effect_ids:
        raise ForumError("Please choose side effects from the list.", field="treatments")


def _vocabulary_kinds(question: Question) -> dict[int, TreatmentKind]:
    rows = db.session.execute(
        select(Treatment.id, Treatment.kind).where(Treatment.condition_id == question.condition_id)
    )
    return {treatment_id: kind for treatment_id, kind in rows}


def _side_effect_ids(question: Question) -> set[int]:
    return set(
        db.session.scalars(
            select(SideEffect.id).where(SideEffect.condition_id == question.condition_id)
        )
    )


def _apply_fields(answer: Answer, draft: AnswerDraft) -> None:
    answer.body = draft.body.strip()
    answer.body_html = render_markdown(answer.body)
    answer.perspective = draft.perspective
    answer.time_since_diagnosis = draft.time_since_diagnosis
    answer.is_anonymous = draft.is_anonymous
    answer.visibility = draft.visibility
    answer.wants_check_ins = draft.wants_check_ins


def _replace_reports(answer: Answer, draft: AnswerDraft) -> None:
    # A report the edit keeps (same treatment, same outcome and still-using) keeps the
    # check-in that last confirmed it; a changed one is the member's word of today.
    confirmed = {
        (_report_key(r), r.outcome, r.still_using): r.checked_after_months
        for r in answer.treatment_reports
    }
    if answer.treatment_reports:
        answer.treatment_reports.clear()
        db.session.flush()  # old reports go before new ones take their unique slots
    for position, entry in enumerate(draft.treatments):
        report = report_from(entry, position)
        report.checked_after_months = confirmed.get(
            (_report_key(report), report.outcome, report.still_using)
        )
        answer.treatment_reports.append(report)


def _report_key(report: TreatmentReport) -> tuple:
    return (report.treatment_id, (report.other_name or "").casefold())


def report_from(entry: TreatmentEntry, position: int) -> TreatmentReport:
    """A new treatment report holding ENTRY's values."""
    report = TreatmentReport(
        treatment_id=entry.treatment_id,
        other_name=None if entry.treatment_id else (entry.other_name or "").strip() or None,
        position=position,
    )
    apply_entry(report, entry)
    return report


def apply_entry(report: TreatmentReport, entry: TreatmentEntry) -> None:
    """Write ENTRY's outcome and details onto REPORT (new, or updated by a check-in)."""
    report.outcome = entry.outcome
    report.side_effects = entry.side_effects.strip()[:300]
    report.still_using = entry.still_using
    report.started_in = entry.started.number if entry.started else None
    report.stopped_in = entry.stopped.number if entry.stopped else None
    report.stop_reason = entry.stop_reason
    report.time_to_help = entry.time_to_help
    report.access = entry.access
    report.dose = entry.dose.strip()
    report.side_effect_reports = [
        ReportedSideEffect(side_effect_id=side_effect_id, severity=severity, position=position)
        for position, (side_effect_id, severity) in enumerate(entry.side_effect_severities)
    ]
