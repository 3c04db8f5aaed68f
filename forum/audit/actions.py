"""Every kind of moderation-log entry, named one way: the thing, then what happened to it."""

from __future__ import annotations

import enum


class Action(enum.StrEnum):
    """What a log entry records. The value is what the log stores and its filter uses."""

    ANSWER_HELD = "answer_held"
    ANSWER_APPROVED = "answer_approved"
    ANSWER_REJECTED = "answer_rejected"
    ANSWER_HIDDEN = "answer_hidden"
    ANSWER_HIDDEN_BY_REPORTS = "answer_hidden_by_reports"
    ANSWER_RESTORED = "answer_restored"
    ANSWER_EDITED = "answer_edited"
    REPORTS_DISMISSED = "reports_dismissed"
    MEMBER_SUSPENDED = "member_suspended"
    MEMBER_BANNED = "member_banned"
    MEMBER_REINSTATED = "member_reinstated"
    ROLE_CHANGED = "role_changed"
    ACCOUNT_CREATED = "account_created"
    ACCOUNT_DELETED = "account_deleted"
    WATCHED_WORD_ADDED = "watched_word_added"
    WATCHED_WORD_REMOVED = "watched_word_removed"
    SITE_TEXT_CHANGED = "site_text_changed"
    SUMMARY_SUBMITTED = "summary_submitted"
    SUMMARY_RETURNED = "summary_returned"
    SUMMARY_PUBLISHED = "summary_published"
    SUMMARY_DISCARDED = "summary_discarded"
    SUMMARY_REPORT_ANSWERED = "summary_report_answered"
    REVIEWER_PROFILE_UPDATED = "reviewer_profile_updated"
    REVIEWER_PROFILE_VERIFIED = "reviewer_profile_verified"
    REVIEWER_PROFILE_UNVERIFIED = "reviewer_profile_unverified"
    CONDITION_CREATED = "condition_created"
    CONDITION_UPDATED = "condition_updated"
    CONDITION_MOVED = "condition_moved"
    QUESTION_CREATED = "question_created"
    QUESTION_UPDATED = "question_updated"
    QUESTION_MOVED = "question_moved"
    TREATMENT_CREATED = "treatment_created"
    TREATMENT_UPDATED = "treatment_updated"
    TREATMENT_MOVED = "treatment_moved"
    SIDE_EFFECT_CREATED = "side_effect_created"
    SIDE_EFFECT_UPDATED = "side_effect_updated"
    CLAIM_MARKED = "claim_marked"
    CLAIM_REMOVED = "claim_removed"
    REVIEW_TASK_RESOLVED = "review_task_resolved"
    REVIEWER_NOTE_ADDED = "reviewer_note_added"
    REVIEWER_NOTE_EDITED = "reviewer_note_edited"
    REVIEWER_NOTE_WITHDRAWN = "reviewer_note_withdrawn"
    SUGGESTION_ACCEPTED = "suggestion_accepted"
    SUGGESTION_DECLINED = "suggestion_declined"
    QUESTION_PROPOSAL_PUBLISHED = "question_proposal_published"
    QUESTION_PROPOSAL_MERGED = "question_proposal_merged"
    QUESTION_PROPOSAL_DECLINED = "question_proposal_declined"

    @property
    def label(self) -> str:
        """How the log and the members' own page name it."""
        return _LABELS.get(self, self.value.replace("_", " ").capitalize())


_LABELS = {
    Action.ANSWER_HELD: "Answer held for review",
    Action.ANSWER_REJECTED: "Answer not published",
    Action.ANSWER_HIDDEN_BY_REPORTS: "Answer hidden after reports",
    Action.ANSWER_EDITED: "Answer edited by a moderator",
    Action.ACCOUNT_CREATED: "Staff account created",
    Action.SUMMARY_SUBMITTED: "Summary sent for review",
    Action.SUMMARY_RETURNED: "Summary returned to its writer",
    Action.SUMMARY_DISCARDED: "Summary draft discarded",
    Action.REVIEWER_PROFILE_UPDATED: "Reviewer profile changed",
    Action.REVIEWER_PROFILE_VERIFIED: "Reviewer verified",
    Action.REVIEWER_PROFILE_UNVERIFIED: "Reviewer verification withdrawn",
    Action.CLAIM_MARKED: "Summary passage linked to members' reports",
    Action.CLAIM_REMOVED: "Summary passage unlinked",
    Action.REVIEW_TASK_RESOLVED: "Review task resolved",
    Action.REVIEWER_NOTE_ADDED: "Reviewer note added to an answer",
    Action.REVIEWER_NOTE_EDITED: "Reviewer note edited",
    Action.REVIEWER_NOTE_WITHDRAWN: "Reviewer note withdrawn",
    Action.SUGGESTION_ACCEPTED: "Suggested correction taken into a draft",
    Action.SUGGESTION_DECLINED: "Suggested correction declined",
    Action.QUESTION_PROPOSAL_PUBLISHED: "Proposed question published",
    Action.QUESTION_PROPOSAL_MERGED: "Proposed question joined to an existing one",
    Action.QUESTION_PROPOSAL_DECLINED: "Proposed question declined",
}


def label_of(action: str) -> str:
    """The readable name of a stored action (one no longer known reads as it is stored)."""
    try:
        return Action(action).label
    except ValueError:
        return action.replace("_", " ").capitalize()
