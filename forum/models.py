"""Every model in one import, so migrations and create_all see the whole schema."""

from forum.accounts.models import AccountStatus, Role, User
from forum.answers.models import (
    Answer,
    AnswerRevision,
    AnswerStatus,
    HelpfulVote,
    Outcome,
    ReportedSideEffect,
    TimeSinceDiagnosis,
    TreatmentReport,
    Visibility,
    WatchAction,
    WatchedWord,
)
from forum.audit.models import MemberNotice, ModerationAction, NoticeKind
from forum.conditions.models import (
    Condition,
    Membership,
    Perspective,
    SideEffect,
    Treatment,
    TreatmentKind,
)
from forum.database import db, never_reuse_ids
from forum.flags.models import Flag, FlagReason, FlagStatus
from forum.jobs.models import JobFailure
from forum.moderation.models import SiteSetting
from forum.notifications.models import (
    EmailChoice,
    Follow,
    FollowLevel,
    Notification,
    NotificationKind,
    NotificationSettings,
)
from forum.outcomes.models import CheckIn
from forum.proposals.models import ProposalStatus, QuestionProposal
from forum.questions.models import Question, QuestionStatus
from forum.reviewer_notes.models import ReviewerNote, ReviewerNoteRevision
from forum.search.models import SearchDocument, SearchKind
from forum.suggestions.models import SuggestionStatus, SummarySuggestion
from forum.summaries.models import (
    ReviewerProfile,
    ReviewTask,
    ReviewTaskKind,
    ReviewTaskStatus,
    RevisionStatus,
    Summary,
    SummaryClaim,
    SummaryReference,
    SummaryRevision,
)

# The search documents are rebuilt from the rest at will; their ids name nothing elsewhere.
never_reuse_ids(db.metadata, except_tables=["search_documents"])

EVERY_COLUMN = None
# The tables public pages read, with the columns that show (EVERY_COLUMN: any of them): a write
# to one of them ends the kept pages and panels (forum.web.public_changes). A member's row holds
# much that no page shows (email, password, session token, counts); a new member shows nowhere
# until they join or post.
SHOWN_TO_READERS: dict[type, frozenset[str] | None] = {
    Answer: EVERY_COLUMN,
    TreatmentReport: EVERY_COLUMN,
    HelpfulVote: EVERY_COLUMN,
    Question: EVERY_COLUMN,
    Condition: EVERY_COLUMN,
    Treatment: EVERY_COLUMN,
    Membership: EVERY_COLUMN,
    Summary: EVERY_COLUMN,
    SummaryRevision: EVERY_COLUMN,
    SummaryReference: EVERY_COLUMN,
    ReviewerProfile: EVERY_COLUMN,
    SummaryClaim: EVERY_COLUMN,
    ReviewerNote: EVERY_COLUMN,
    User: frozenset({"display_name", "status", "role"}),
}

__all__ = [
    "AccountStatus",
    "Answer",
    "AnswerRevision",
    "AnswerStatus",
    "CheckIn",
    "Condition",
    "EmailChoice",
    "Flag",
    "FlagReason",
    "FlagStatus",
    "Follow",
    "FollowLevel",
    "HelpfulVote",
    "JobFailure",
    "MemberNotice",
    "Membership",
    "ModerationAction",
    "NoticeKind",
    "Notification",
    "NotificationKind",
    "NotificationSettings",
    "Outcome",
    "Perspective",
    "ProposalStatus",
    "Question",
    "QuestionProposal",
    "QuestionStatus",
    "ReportedSideEffect",
    "ReviewTask",
    "ReviewTaskKind",
    "ReviewTaskStatus",
    "ReviewerNote",
    "ReviewerNoteRevision",
    "ReviewerProfile",
    "RevisionStatus",
    "Role",
    "SearchDocument",
    "SearchKind",
    "SideEffect",
    "SiteSetting",
    "SuggestionStatus",
    "Summary",
    "SummaryClaim",
    "SummaryReference",
    "SummaryRevision",
    "SummarySuggestion",
    "TimeSinceDiagnosis",
    "Treatment",
    "TreatmentKind",
    "TreatmentReport",
    "User",
    "Visibility",
    "WatchAction",
    "WatchedWord",
]
