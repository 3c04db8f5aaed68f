"""The medically reviewed summary pinned to each question, kept as a chain of revisions."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
    inspect,
    text,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from forum.database import db, listen_on_every_session, utcnow

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.conditions.models import Treatment
    from forum.questions.models import Question


class RevisionStatus(enum.Enum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    RETURNED = "returned"  # back with its writer, with the reviewer's comments
    PUBLISHED = "published"  # immutable from here on

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    RevisionStatus.DRAFT: "Draft",
    RevisionStatus.IN_REVIEW: "Waiting for review",
    RevisionStatus.RETURNED: "Returned to writer",
    RevisionStatus.PUBLISHED: "Published",
}
# The writer may still change these; a reviewer holds IN_REVIEW; PUBLISHED never changes.
EDITABLE_STATUSES = (RevisionStatus.DRAFT, RevisionStatus.RETURNED)
OPEN_STATUSES = (*EDITABLE_STATUSES, RevisionStatus.IN_REVIEW)


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
    def is_verified(self) -> bool:
        return self.verified_at is not None

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
    # Read only, so the readers' panel can load them with the revision in one query; a claim is
    # written as a row of its own (forum/summaries/claims.py).
    claims: Mapped[list[SummaryClaim]] = relationship(
        viewonly=True, order_by=lambda: (SummaryClaim.position, SummaryClaim.id)
    )

    @property
    def is_review_overdue(self) -> bool:
        """Past its next-review date: readers get a calm note that a check is due."""
        return self.next_review_due is not None and self.next_review_due < utcnow().date()


class SummaryRevision(db.Model):
    """One version of a summary: written, reviewed, and once published never changed again."""

    __tablename__ = "summary_revisions"
    __table_args__ = (
        UniqueConstraint("summary_id", "number"),
        Index("ix_summary_revisions_current", "summary_id", "status", "published_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    summary_id: Mapped[int] = mapped_column(ForeignKey("summaries.id"))
    number: Mapped[int]
    # active_history: the immutability guard must know the status a change started from.
    status: Mapped[RevisionStatus] = mapped_column(
        default=RevisionStatus.DRAFT, active_history=True
    )
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
        back_populates="revision",
        order_by="SummaryReference.position",
        cascade="all, delete-orphan",
    )

    @property
    def is_published(self) -> bool:
        return self.status is RevisionStatus.PUBLISHED

    @property
    def is_in_review(self) -> bool:
        return self.status is RevisionStatus.IN_REVIEW

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def key_point_list(self) -> list[str]:
        return [line.strip() for line in self.key_points.splitlines() if line.strip()]


class SummaryReference(db.Model):
    """A numbered source the summary cites."""

    __tablename__ = "summary_references"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("summary_revisions.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(500), default="")
    publisher: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[int | None]

    revision: Mapped[SummaryRevision] = relationship(back_populates="references")


# Which vocabulary treatments a claim names.
summary_claim_treatments = Table(
    "summary_claim_treatments",
    db.metadata,
    Column("claim_id", ForeignKey("summary_claims.id", ondelete="CASCADE"), primary_key=True),
    Column("treatment_id", ForeignKey("treatments.id", ondelete="CASCADE"), primary_key=True),
)


class SummaryClaim(db.Model):
    """A passage of a summary that a reviewer marked as naming treatments of the condition's
    vocabulary, so that readers see beside it what members report about those treatments.

    A claim belongs to the summary, not to one revision: it is shown while the current
    published revision still holds its passage, word for word."""

    __tablename__ = "summary_claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    summary_id: Mapped[int] = mapped_column(ForeignKey("summaries.id"), index=True)
    passage: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    summary: Mapped[Summary] = relationship()
    created_by: Mapped[User | None] = relationship()
    # Written through `treatments`, read through `named` (claims.WITH_TREATMENTS loads it): a
    # joined load through a secondary table nests a join that SQLite answers by reading every
    # claim's treatments on the site; through the link rows the joins stay flat on the key.
    treatments: Mapped[list[Treatment]] = relationship(
        secondary=summary_claim_treatments, order_by="Treatment.name"
    )
    named: Mapped[list[ClaimTreatment]] = relationship(viewonly=True)

    def treatments_by_name(self) -> list[Treatment]:
        """The treatments of `named` in the order of `treatments`."""
        return sorted((link.treatment for link in self.named), key=lambda t: t.name)


class ClaimTreatment(db.Model):
    """A row of summary_claim_treatments: one treatment a claim names."""

    __table__ = summary_claim_treatments

    treatment: Mapped[Treatment] = relationship(viewonly=True)


class ReviewTaskKind(enum.Enum):
    """How members' reports can diverge from what a summary says."""

    UNMENTIONED_TREATMENT = "unmentioned_treatment"  # many report one the summary never names
    MOSTLY_WORSE = "mostly_worse"  # most who tried one the summary names say it made it worse
    OVERDUE_WITH_NEW_REPORTS = "overdue_with_new_reports"  # past its review date, reports coming


class ReviewTaskStatus(enum.Enum):
    OPEN = "open"
    RESOLVED = "resolved"


OPEN_REVIEW_TASK = text("status = 'open'")


class ReviewTask(db.Model):
    """A to-do on the reviewers' dashboard: members' reports diverge from a summary. It holds
    the evidence as counted when it was opened; a reviewer resolves it with a note, or by
    starting a new draft."""

    __tablename__ = "review_tasks"
    __table_args__ = (
        # One open task per summary, kind and subject (a treatment, or "" for the summary).
        Index(
            "uq_review_tasks_open",
            "summary_id",
            "kind",
            "subject",
            unique=True,
            sqlite_where=OPEN_REVIEW_TASK,
            postgresql_where=OPEN_REVIEW_TASK,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    summary_id: Mapped[int] = mapped_column(ForeignKey("summaries.id"), index=True)
    kind: Mapped[ReviewTaskKind]
    subject: Mapped[str] = mapped_column(String(40), default="")  # "treatment:12", or ""
    treatment_id: Mapped[int | None] = mapped_column(
        ForeignKey("treatments.id", ondelete="SET NULL")
    )
    evidence: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[ReviewTaskStatus] = mapped_column(default=ReviewTaskStatus.OPEN, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolution_note: Mapped[str] = mapped_column(Text, default="")
    draft_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("summary_revisions.id", ondelete="SET NULL")
    )

    summary: Mapped[Summary] = relationship()
    treatment: Mapped[Treatment | None] = relationship()
    resolved_by: Mapped[User | None] = relationship()

    @property
    def is_open(self) -> bool:
        return self.status is ReviewTaskStatus.OPEN


class PublishedRevisionError(RuntimeError):
    """Code tried to change a published revision; readers must always see what was reviewed."""


# body_html is derived from body; `flask content rerender` refreshes it when the policy changes.
DERIVED_COLUMNS = frozenset({"body_html"})


def _was_published(revision: SummaryRevision) -> bool:
    """Published before this flush (a revision being published right now is still free)."""
    state = inspect(revision)
    if state.pending:
        return False
    history = state.attrs.status.history
    before = history.deleted[0] if history.deleted else revision.status
    return before is RevisionStatus.PUBLISHED


def _changed_columns(revision: SummaryRevision) -> set[str]:
    state = inspect(revision)
    return {
        column.key
        for column in state.mapper.column_attrs
        if state.attrs[column.key].history.has_changes()
    }


def _revision_of(session: Session, reference: SummaryReference) -> SummaryRevision | None:
    if reference.revision is not None:
        return reference.revision
    return session.get(SummaryRevision, reference.revision_id) if reference.revision_id else None


def guard_published_revisions() -> None:
    """Refuse, on every session, a write to a published revision: registered by create_app."""
    listen_on_every_session((("before_flush", _keep_published_revisions_unchanged),))


def _keep_published_revisions_unchanged(session: Session, _context, _instances) -> None:
    """The last line of defence behind the services: refuse any write to a published revision."""
    with session.no_autoflush:
        for row in (*session.dirty, *session.deleted):
            if isinstance(row, SummaryRevision) and _was_published(row):
                changed = _changed_columns(row) - DERIVED_COLUMNS
                if row in session.deleted or changed:
                    raise PublishedRevisionError(
                        f"Summary revision {row.id} is published and cannot change "
                        f"({', '.join(sorted(changed)) or 'deleted'})."
                    )
        for row in (*session.new, *session.dirty, *session.deleted):
            if isinstance(row, SummaryReference):
                revision = _revision_of(session, row)
                if revision is not None and _was_published(revision):
                    raise PublishedRevisionError(
                        f"The references of published summary revision {revision.id} are fixed."
                    )
