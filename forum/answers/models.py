"""Members' first-person answers, their edit history, treatment reports and helpful votes."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.conditions.models import Perspective
from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.conditions.models import Treatment
    from forum.questions.models import Question


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
    """What one member said about one treatment: how it went, side effects, still using it."""

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

    answer: Mapped[Answer] = relationship(back_populates="treatment_reports")
    treatment: Mapped[Treatment | None] = relationship()

    @property
    def name(self) -> str:
        return self.treatment.name if self.treatment is not None else (self.other_name or "")


class HelpfulVote(db.Model):
    __tablename__ = "helpful_votes"
    __table_args__ = (UniqueConstraint("user_id", "answer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
