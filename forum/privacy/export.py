"""Everything the forum holds about one member, as plain data for a JSON download."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload, selectinload

from forum.accounts.models import User
from forum.answers.models import Answer, HelpfulVote, ReportedSideEffect, TreatmentReport
from forum.answers.services import report_details
from forum.audit.models import MemberNotice, ModerationAction
from forum.conditions.models import Membership
from forum.database import db, utcnow
from forum.flags.models import Flag
from forum.notifications.models import Follow, Notification
from forum.notifications.services import settings_of
from forum.outcomes.models import CheckIn
from forum.outcomes.schedule import check_ins_by_answer
from forum.proposals.models import QuestionProposal
from forum.proposals.services import proposals_of
from forum.reviewer_notes.models import ReviewerNote, ReviewerNoteRevision
from forum.suggestions.models import SummarySuggestion
from forum.summaries.claims import claims_marked_by
from forum.summaries.models import ReviewTask, SummaryClaim
from forum.summaries.tasks import tasks_resolved_by


def export_member_data(user: User) -> dict[str, Any]:
    answers = _answers(user)
    check_ins = check_ins_by_answer([answer.id for answer in answers])
    notes = _notes_on([answer.id for answer in answers])
    return {
        "exported_at": _iso(utcnow()),
        "account": _account(user),
        "memberships": [_membership(m) for m in _rows(Membership, Membership.user_id == user.id)],
        "answers": [
            _answer(answer, check_ins[answer.id], notes.get(answer.id)) for answer in answers
        ],
        "helpful_votes": [
            {"answer_id": vote.answer_id, "created_at": _iso(vote.created_at)}
            for vote in _rows(HelpfulVote, HelpfulVote.user_id == user.id)
        ],
        "flags": [_flag(flag) for flag in _rows(Flag, Flag.reporter_id == user.id)],
        "summary_suggestions": [
            _suggestion(suggestion)
            for suggestion in _rows(SummarySuggestion, SummarySuggestion.proposer_id == user.id)
        ],
        "moderation_decisions": [_decision(entry) for entry in _decisions_about(user)],
        "notices": [
            {"kind": n.kind.value, "message": n.message, "created_at": _iso(n.created_at)}
            for n in _rows(MemberNotice, MemberNotice.user_id == user.id)
        ],
        "follows": [_follow(f) for f in _rows(Follow, Follow.user_id == user.id)],
        "notifications": [
            {
                "kind": n.kind.value,
                "message": n.message,
                "link": n.link,
                "count": n.count,
                "created_at": _iso(n.created_at),
                "read_at": _iso(n.read_at),
                "emailed_at": _iso(n.emailed_at),
            }
            for n in _rows(Notification, Notification.user_id == user.id)
        ],
        "notification_settings": _notification_settings(user),
        "question_proposals": [_proposal(proposal) for proposal in proposals_of(user)],
        # A reviewer's work on summaries: passages linked to members' reports, tasks resolved.
        "summary_claims": [_claim(claim) for claim in claims_marked_by(user)],
        "review_tasks_resolved": [_review_task(task) for task in tasks_resolved_by(user)],
        "reviewer_notes_written": [_note_version(v) for v in _note_versions_by(user)],
    }


def _proposal(proposal: QuestionProposal) -> dict[str, Any]:
    return {
        "condition": proposal.condition.name,
        "title": proposal.title,
        "details": proposal.details,
        "status": proposal.status.value,
        "created_at": _iso(proposal.created_at),
        "decided_at": _iso(proposal.decided_at),
        "decision_note": proposal.decision_note,
        "question_id": proposal.question_id,
    }


def _claim(claim: SummaryClaim) -> dict[str, Any]:
    return {
        "question": claim.summary.question.title,
        "passage": claim.passage,
        "treatments": [treatment.name for treatment in claim.treatments_by_name()],
        "created_at": _iso(claim.created_at),
    }


def _review_task(task: ReviewTask) -> dict[str, Any]:
    return {
        "question": task.summary.question.title,
        "kind": task.kind.value,
        "resolution_note": task.resolution_note,
        "draft_revision_id": task.draft_revision_id,
        "resolved_at": _iso(task.resolved_at),
    }


def _follow(follow: Follow) -> dict[str, Any]:
    return {
        "question_id": follow.question_id,
        "condition_id": follow.condition_id,
        "level": follow.level.value,
        "created_at": _iso(follow.created_at),
    }


def _notification_settings(user: User) -> dict[str, Any]:
    settings = settings_of(user)
    return {
        "email": settings.email.value,
        "crisis_alerts": settings.crisis_alerts,
        "last_digest_at": _iso(settings.last_digest_at),
    }


def _rows(model, condition) -> list:
    return list(db.session.scalars(select(model).where(condition).order_by(model.id)))


def _account(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "pending_email": user.pending_email,
        "display_name": user.display_name,
        "role": user.role.value,
        "status": user.status.value,
        "suspended_until": _iso(user.suspended_until),
        "status_reason": user.status_reason,
        "email_verified_at": _iso(user.email_verified_at),
        "created_at": _iso(user.created_at),
        "display_name_changed_at": _iso(user.display_name_changed_at),
        "bio": user.bio,
        "bio_visibility": user.bio_visibility.value,
        "communities_visibility": user.communities_visibility.value,
        "profile_hidden": user.profile_hidden,
        "approved_answer_count": user.approved_answer_count,
    }


def _membership(membership: Membership) -> dict[str, Any]:
    return {
        "condition": membership.condition.name,
        "relation": membership.relation.value,
        "diagnosed_year": membership.diagnosed_year,
        "joined_at": _iso(membership.joined_at),
    }


def _answers(user: User) -> list[Answer]:
    query = (
        select(Answer)
        .where(Answer.author_id == user.id)
        .options(
            selectinload(Answer.revisions),
            selectinload(Answer.treatment_reports).joinedload(TreatmentReport.treatment),
            selectinload(Answer.treatment_reports)
            .selectinload(TreatmentReport.side_effect_reports)
            .joinedload(ReportedSideEffect.side_effect),
            selectinload(Answer.question),
        )
        .order_by(Answer.id)
    )
    return list(db.session.scalars(query))


def _notes_on(answer_ids: list[int]) -> dict[int, ReviewerNote]:
    """The reviewer notes on these answers, shown or withdrawn, by answer id."""
    query = (
        select(ReviewerNote)
        .where(ReviewerNote.answer_id.in_(answer_ids))
        .options(joinedload(ReviewerNote.author_profile))
    )
    return {note.answer_id: note for note in db.session.scalars(query)}


def _reviewer_note(note: ReviewerNote | None) -> dict[str, Any] | None:
    """The note under one of the member's answers, as it stands (withdrawn ones too)."""
    if note is None:
        return None
    signer = note.signer
    return {
        "body": note.body,
        "source_title": note.source_title,
        "source_url": note.source_url,
        "signed_by": signer.byline if signer is not None else None,
        "created_at": _iso(note.created_at),
        "updated_at": _iso(note.updated_at),
        "withdrawn_at": _iso(note.withdrawn_at),
    }


def _note_versions_by(user: User) -> list[ReviewerNoteRevision]:
    """Every version of a reviewer note the member wrote or withdrew, as a reviewer."""
    query = (
        select(ReviewerNoteRevision)
        .where(ReviewerNoteRevision.editor_id == user.id)
        .options(joinedload(ReviewerNoteRevision.note))
        .order_by(ReviewerNoteRevision.id)
    )
    return list(db.session.scalars(query))


def _note_version(version: ReviewerNoteRevision) -> dict[str, Any]:
    return {
        "answer_id": version.note.answer_id,
        "version": version.number,
        "body": version.body,
        "source_title": version.source_title,
        "source_url": version.source_url,
        "withdrawn": version.withdrawn,
        "reason": version.reason,
        "created_at": _iso(version.created_at),
    }


def _answer(answer: Answer, check_ins: list[CheckIn], note: ReviewerNote | None) -> dict[str, Any]:
    return {
        "id": answer.id,
        "question": answer.question.title,
        "status": answer.status.value,
        "body": answer.body,
        "anonymous": answer.is_anonymous,
        "visibility": answer.visibility.value,
        "perspective": answer.perspective.value,
        "time_since_diagnosis": (
            answer.time_since_diagnosis.value if answer.time_since_diagnosis else None
        ),
        "treatments": [_treatment_report(report) for report in answer.treatment_reports],
        "check_ins_wanted": answer.wants_check_ins,
        "check_ins": [
            {
                "months": check_in.months,
                "due_at": _iso(check_in.due_at),
                "sent_at": _iso(check_in.sent_at),
                "answered_at": _iso(check_in.answered_at),
            }
            for check_in in check_ins
        ],
        "created_at": _iso(answer.created_at),
        "edited_at": _iso(answer.edited_at),
        "reviewer_note": _reviewer_note(note),
        "revisions": [
            {
                "number": revision.number,
                "body": revision.body,
                "details": revision.details,
                "created_at": _iso(revision.created_at),
            }
            for revision in answer.revisions
        ],
    }


def _flag(flag: Flag) -> dict[str, Any]:
    return {
        "answer_id": flag.answer_id,
        "summary_id": flag.summary_id,
        "reason": flag.reason.value,
        "note": flag.note,
        "status": flag.status.value,
        "resolution_note": flag.resolution_note,
        "created_at": _iso(flag.created_at),
    }


def _suggestion(suggestion: SummarySuggestion) -> dict[str, Any]:
    """A suggested correction and what became of it; never which reviewer decided."""
    return {
        "question": suggestion.summary.question.title,
        "short_answer": suggestion.short_answer,
        "body": suggestion.body,
        "reason": suggestion.reason,
        "source_title": suggestion.source_title,
        "source_url": suggestion.source_url,
        "status": suggestion.status.value,
        "decision_note": suggestion.decision_note,
        "created_at": _iso(suggestion.created_at),
        "decided_at": _iso(suggestion.decided_at),
    }


def _decisions_about(user: User) -> list[ModerationAction]:
    """Decisions about the member or their content; never who among the moderators made them."""
    query = select(ModerationAction).where(
        or_(
            ModerationAction.subject_user_id == user.id,
            (ModerationAction.target_type == "user") & (ModerationAction.target_id == user.id),
        )
    )
    return list(db.session.scalars(query.order_by(ModerationAction.id)))


def _decision(entry: ModerationAction) -> dict[str, Any]:
    return {
        "action": entry.action,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "reason": entry.reason,
        "created_at": _iso(entry.created_at),
    }


def _treatment_report(report: TreatmentReport) -> dict[str, Any]:
    details = report_details(report)
    return {"treatment": details.pop("name"), **details}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
