"""Members' first-person answers, their edit history, treatment reports and helpful votes."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.conditions.models import Perspective
from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.conditions.models import SideEffect, Treatment
    from forum.questions.models import Question
    from forum.reviewer_notes.models import ReviewerNote


class AnswerStatus(enum.Enum):
    PENDING = "pending"
    PUBLISHED = "published"
    HIDDEN = "hidden"
    REJECTED = "rejected"
    DELETED = "deleted"


class Visibility(enum.Enum):
    EVERYONE = "everyone"
    MEMBERS = "members"  # signed-in readers only


class TimeSinceDiagnosis(enum.Enum):
    UNDER_1_YEAR = "under_1_year"
    YEARS_1_TO_2 = "1_to_2_years"
    YEARS_3_TO_5 = "3_to_5_years"
    YEARS_6_TO_10 = "6_to_10_years"
    OVER_10_YEARS = "over_10_years"
    NOT_DIAGNOSED = "not_diagnosed"

    @property
    def label(self) -> str:
        return _DIAGNOSIS_LABELS[self]


_DIAGNOSIS_LABELS = {
    TimeSinceDiagnosis.UNDER_1_YEAR: "Diagnosed less than a year ago",
    TimeSinceDiagnosis.YEARS_1_TO_2: "Diagnosed 1 to 2 years ago",
    TimeSinceDiagnosis.YEARS_3_TO_5: "Diagnosed 3 to 5 years ago",
    TimeSinceDiagnosis.YEARS_6_TO_10: "Diagnosed 6 to 10 years ago",
    TimeSinceDiagnosis.OVER_10_YEARS: "Diagnosed more than 10 years ago",
    TimeSinceDiagnosis.NOT_DIAGNOSED: "Not formally diagnosed yet",
}


class Outcome(enum.Enum):
    HELPED_A_LOT = "helped_a_lot"
    HELPED_SOMEWHAT = "helped_somewhat"
    NO_CHANGE = "no_change"
    MADE_IT_WORSE = "made_it_worse"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class StopReason(enum.Enum):
    """Why a member stopped a treatment, coded so that reasons can be counted."""

    STOPPED_HELPING = "stopped_helping"
    SIDE_EFFECTS = "side_effects"
    COST_OR_ACCESS = "cost_or_access"
    DOCTORS_ADVICE = "doctors_advice"
    COURSE_FINISHED = "course_finished"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _STOP_REASON_LABELS[self]


_STOP_REASON_LABELS = {
    StopReason.STOPPED_HELPING: "It stopped helping",
    StopReason.SIDE_EFFECTS: "Side effects",
    StopReason.COST_OR_ACCESS: "Cost or access",
    StopReason.DOCTORS_ADVICE: "A doctor's advice",
    StopReason.COURSE_FINISHED: "The course finished",
    StopReason.OTHER: "Another reason",
}


class TimeToHelp(enum.Enum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    LONGER = "longer"
    NEVER = "never"

    @property
    def label(self) -> str:
        return _TIME_TO_HELP_LABELS[self]


_TIME_TO_HELP_LABELS = {
    TimeToHelp.DAYS: "Within a week",
    TimeToHelp.WEEKS: "1 to 4 weeks",
    TimeToHelp.MONTHS: "1 to 3 months",
    TimeToHelp.LONGER: "More than 3 months",
    TimeToHelp.NEVER: "It never helped",
}


class Access(enum.Enum):
    """How hard the treatment was to get: prescriptions, waiting lists, cost, approval."""

    EASY = "easy"
    SOME_EFFORT = "some_effort"
    HARD = "hard"
    VERY_HARD = "very_hard"

    @property
    def label(self) -> str:
        return _ACCESS_LABELS[self]


_ACCESS_LABELS = {
    Access.EASY: "Easy to get",
    Access.SOME_EFFORT: "Took some effort",
    Access.HARD: "Hard to get",
    Access.VERY_HARD: "Very hard to get",
}


class Severity(enum.Enum):
    """In words, never colours alone."""

    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Month(NamedTuple):
    """A calendar month, as members remember when they started or stopped something."""

    year: int
    month: int  # 1 to 12

    @classmethod
    def from_number(cls, number: int | None) -> Month | None:
        """The month stored as NUMBER (see `number`); None stays None."""
        if number is None:
            return None
        year, index = divmod(number, 12)
        return cls(year, index + 1)

    @classmethod
    def of(cls, moment: datetime) -> Month:
        """The month MOMENT falls in."""
        return cls(moment.year, moment.month)

    @property
    def number(self) -> int:
        """Months since the year 0: stored so that SQL can count months by subtracting."""
        return self.year * 12 + self.month - 1

    @property
    def label(self) -> str:
        return f"{_MONTH_NAMES[self.month - 1]} {self.year}"


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class Answer(db.Model):
    """A member's first-person experience on one question."""

    __tablename__ = "answers"
    # One answer per member per question; a second attempt edits the first.
    __table_args__ = (
        UniqueConstraint("question_id", "author_id"),
        Index("ix_answers_question_status_helpful", "question_id", "status", "helpful_count"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"))
    # Null once the author deleted their account and chose to leave the answer as "Former member".
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    body: Mapped[str] = mapped_column(Text)  # the member's Markdown
    body_html: Mapped[str] = mapped_column(Text)  # made once, on save, by content.render_markdown
    status: Mapped[AnswerStatus] = mapped_column(default=AnswerStatus.PUBLISHED, index=True)
    is_anonymous: Mapped[bool] = mapped_column(default=False)
    visibility: Mapped[Visibility] = mapped_column(default=Visibility.EVERYONE)
    perspective: Mapped[Perspective] = mapped_column(default=Perspective.PATIENT)
    time_since_diagnosis: Mapped[TimeSinceDiagnosis | None]
    helpful_count: Mapped[int] = mapped_column(default=0)
    # The author asked to be asked "still working?" 3, 6 and 12 months after posting.
    wants_check_ins: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)  # refuses edits made on a stale copy
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]
    edited_at: Mapped[datetime | None]

    question: Mapped[Question] = relationship(back_populates="answers")
    author: Mapped[User | None] = relationship()
    treatment_reports: Mapped[list[TreatmentReport]] = relationship(
        back_populates="answer", order_by="TreatmentReport.position", cascade="all, delete-orphan"
    )
    revisions: Mapped[list[AnswerRevision]] = relationship(
        back_populates="answer", order_by="AnswerRevision.number"
    )
    # The medical reviewer's note shown under the answer, if there is one (a withdrawn note is
    # not). Named, not imported: reviewer notes sit above answers on the ladder.
    reviewer_note: Mapped[ReviewerNote | None] = relationship(
        primaryjoin=(
            "and_(ReviewerNote.answer_id == Answer.id, ReviewerNote.withdrawn_at.is_(None))"
        ),
        viewonly=True,
        uselist=False,
    )

    @property
    def is_published(self) -> bool:
        return self.status is AnswerStatus.PUBLISHED

    @property
    def is_members_only(self) -> bool:
        return self.visibility is Visibility.MEMBERS


class AnswerRevision(db.Model):
    """The answer as it stood before one edit: nothing a member wrote is lost."""

    __tablename__ = "answer_revisions"
    __table_args__ = (UniqueConstraint("answer_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id"))
    number: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    # Perspective, time since diagnosis and treatment reports as they stood.
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    answer: Mapped[Answer] = relationship(back_populates="revisions")
    editor: Mapped[User | None] = relationship()


class TreatmentReport(db.Model):
    """What one member said about one treatment: how it went, side effects, still using it, and
    (all optional) when they started and stopped, why they stopped, how soon it helped, how hard
    it was to get and, for a medicine, the dose."""

    __tablename__ = "treatment_reports"
    __table_args__ = (
        UniqueConstraint("answer_id", "treatment_id"),
        CheckConstraint(
            "(treatment_id IS NULL) <> (other_name IS NULL)", name="vocabulary_or_other"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    # A treatment from the condition's vocabulary, or one the member typed as "other".
    treatment_id: Mapped[int | None] = mapped_column(ForeignKey("treatments.id"), index=True)
    other_name: Mapped[str | None] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)
    outcome: Mapped[Outcome]
    side_effects: Mapped[str] = mapped_column(String(300), default="")
    still_using: Mapped[bool | None]
    # Months as Month.number: SQL works out durations by subtracting.
    started_in: Mapped[int | None]
    stopped_in: Mapped[int | None]
    stop_reason: Mapped[StopReason | None]
    time_to_help: Mapped[TimeToHelp | None]
    access: Mapped[Access | None]
    dose: Mapped[str] = mapped_column(String(120), default="")  # medicines only
    # The last "still working?" check-in that confirmed this report: 3, 6 or 12 (months).
    checked_after_months: Mapped[int | None]

    answer: Mapped[Answer] = relationship(back_populates="treatment_reports")
    treatment: Mapped[Treatment | None] = relationship()
    side_effect_reports: Mapped[list[ReportedSideEffect]] = relationship(
        back_populates="report",
        order_by="ReportedSideEffect.position",
        cascade="all, delete-orphan",
    )

    @property
    def name(self) -> str:
        return self.treatment.name if self.treatment is not None else (self.other_name or "")

    @property
    def started(self) -> Month | None:
        return Month.from_number(self.started_in)

    @property
    def stopped(self) -> Month | None:
        return Month.from_number(self.stopped_in)

    @property
    def has_details(self) -> bool:
        """Whether anything beyond how it went and the typed side effects was given."""
        return bool(
            self.started_in is not None
            or self.stopped_in is not None
            or self.stop_reason
            or self.time_to_help
            or self.access
            or self.dose
            or self.side_effect_reports
        )


class ReportedSideEffect(db.Model):
    """A side effect from the condition's vocabulary that one report names, with how bad it was."""

    __tablename__ = "reported_side_effects"
    __table_args__ = (UniqueConstraint("report_id", "side_effect_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("treatment_reports.id", ondelete="CASCADE"), index=True
    )
    side_effect_id: Mapped[int] = mapped_column(ForeignKey("side_effects.id"), index=True)
    severity: Mapped[Severity]
    position: Mapped[int] = mapped_column(default=0)

    report: Mapped[TreatmentReport] = relationship(back_populates="side_effect_reports")
    side_effect: Mapped[SideEffect] = relationship()

    @property
    def name(self) -> str:
        return self.side_effect.name


class HelpfulVote(db.Model):
    __tablename__ = "helpful_votes"
    __table_args__ = (UniqueConstraint("user_id", "answer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WatchAction(enum.Enum):
    HOLD = "hold"  # the answer waits for a moderator
    REFUSE = "refuse"  # the answer is not saved; the member reads the message

    @property
    def label(self) -> str:
        return {"hold": "Hold for review", "refuse": "Refuse with a message"}[self.value]


class WatchedWord(db.Model):
    """A word or phrase admins watch for in answers: hold the answer, or refuse it."""

    __tablename__ = "watched_words"

    id: Mapped[int] = mapped_column(primary_key=True)
    phrase: Mapped[str] = mapped_column(String(100))
    # Casefolded with single spaces: what makes two phrases the same.
    phrase_key: Mapped[str] = mapped_column(String(100), unique=True)
    action: Mapped[WatchAction]
    message: Mapped[str] = mapped_column(Text, default="")  # shown to the member when refused
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    created_by: Mapped[User | None] = relationship()
