"""A check-in due on one answer: asked once, at its time, answered at most once."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.answers.models import Answer

CHECK_IN_MONTHS = (3, 6, 12)


class CheckIn(db.Model):
    """ "Is it still working?", due MONTHS after the answer was posted."""

    __tablename__ = "check_ins"
    __table_args__ = (
        UniqueConstraint("answer_id", "months"),
        # The job's question: which check-ins are due and not yet sent.
        Index("ix_check_ins_sent_due", "sent_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    months: Mapped[int]
    due_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    answer: Mapped[Answer] = relationship()
