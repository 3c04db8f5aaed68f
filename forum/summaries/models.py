"""The medically reviewed summary pinned to each question, kept as a chain of revisions."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.questions.models import Question


class RevisionStatus(enum.Enum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"  # immutable from here on


class ReviewerProfile(db.Model):
    """The public, verified identity of a medical reviewer ("Dr A. Example, MD, neurology")."""

    __tablename__ = "reviewer_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    credentials: Mapped[str] = mapped_column(String(120))  # "MD", "PharmD", "RN"
    specialty: Mapped[str] = mapped_column(String(120), default="")
    conflict_of_interest: Mapped[str] = mapped_column(Text, default="")
    verified_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()

    @property
    def byline(self) -> str:
        qualifiers = ", ".join(part for part in (self.credentials, self.specialty) if part)
        return f"{self.full_name}, {qualifiers}" if qualifiers else self.full_name


class Summary(db.Model):
    """One per question. What readers see is its latest published revision."""

    __tablename__ = "summaries"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    next_review_due: Mapped[date | None]

    question: Mapped[Question] = relationship(back_populates="summary")
    revisions: Mapped[list[SummaryRevision]] = relationship(
        back_populates="summary", order_by="SummaryRevision.number"
    )


class SummaryRevision(db.Model):
    __tablename__ = "summary_revisions"
    __table_args__ = (
        UniqueConstraint("summary_id", "number"),
        Index("ix_summary_revisions_current", "summary_id", "status", "published_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    summary_id: Mapped[int] = mapped_column(ForeignKey("summaries.id"))
    number: Mapped[int]
    status: Mapped[RevisionStatus] = mapped_column(default=RevisionStatus.DRAFT)
    short_answer: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)  # the writer's Markdown
    body_html: Mapped[str] = mapped_column(Text)  # made once, on save, by content.render_markdown
    key_points: Mapped[str] = mapped_column(Text, default="")  # one per line
    change_note: Mapped[str] = mapped_column(Text, default="")
    review_comments: Mapped[str] = mapped_column(Text, default="")
    writer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    reviewed_at: Mapped[datetime | None]
    published_at: Mapped[datetime | None]

    summary: Mapped[Summary] = relationship(back_populates="revisions")
    writer: Mapped[User | None] = relationship(foreign_keys=[writer_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])
    reviewer_profile: Mapped[ReviewerProfile | None] = relationship(
        primaryjoin="foreign(SummaryRevision.reviewer_id) == ReviewerProfile.user_id",
        viewonly=True,
    )
    references: Mapped[list[SummaryReference]] = relationship(
        back_populates="revision", order_by="SummaryReference.position"
    )

    @property
    def is_published(self) -> bool:
        return self.status is RevisionStatus.PUBLISHED

    @property
    def key_point_list(self) -> list[str]:
        return [line.strip() for line in self.key_points.splitlines() if line.strip()]


class SummaryReference(db.Model):
    __tablename__ = "summary_references"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("summary_revisions.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(500), default="")
    publisher: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[int | None]

    revision: Mapped[SummaryRevision] = relationship(back_populates="references")
