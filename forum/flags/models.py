"""Reports readers make: about an answer (for moderators) or a summary (for reviewers)."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.answers.models import Answer
    from forum.summaries.models import Summary


class FlagReason(enum.Enum):
    SPAM = "spam"
    MISINFORMATION = "misinformation"
    HARASSMENT = "harassment"
    PERSONAL_INFORMATION = "personal_information"
    OFF_TOPIC = "off_topic"
    AT_RISK = "at_risk"  # someone may be at risk: goes to the top of the queue
    # Problems readers report with a reviewed summary; these go to the reviewers.
    SUMMARY_ERROR = "summary_error"
    SUMMARY_OUTDATED = "summary_outdated"
    SUMMARY_BROKEN_REFERENCE = "summary_broken_reference"
    SUMMARY_UNCLEAR = "summary_unclear"
    SUMMARY_OTHER = "summary_other"

    @property
    def is_crisis(self) -> bool:
        return self is FlagReason.AT_RISK


class FlagStatus(enum.Enum):
    OPEN = "open"
    UPHELD = "upheld"
    DISMISSED = "dismissed"


OPEN_SUMMARY_REPORT = text("status = 'open' AND summary_id IS NOT NULL")


class Flag(db.Model):
    """A report about an answer (for moderators) or a summary (for reviewers)."""

    __tablename__ = "flags"
    __table_args__ = (
        CheckConstraint("(answer_id IS NULL) <> (summary_id IS NULL)", name="exactly_one_target"),
        # A member reports an answer once. Summary reports have no answer, so NULLs never clash.
        UniqueConstraint("answer_id", "reporter_id"),
        # One open report per reader and summary, even when a form is sent twice at once.
        Index(
            "uq_flags_open_summary_report",
            "summary_id",
            "reporter_id",
            unique=True,
            sqlite_where=OPEN_SUMMARY_REPORT,
            postgresql_where=OPEN_SUMMARY_REPORT,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id"), index=True)
    summary_id: Mapped[int | None] = mapped_column(ForeignKey("summaries.id"), index=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[FlagReason]
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[FlagStatus] = mapped_column(default=FlagStatus.OPEN, index=True)
    resolver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolution_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]

    answer: Mapped[Answer | None] = relationship()
    summary: Mapped[Summary | None] = relationship()
    reporter: Mapped[User | None] = relationship(foreign_keys=[reporter_id])
    resolver: Mapped[User | None] = relationship(foreign_keys=[resolver_id])
