"""A reader's suggested correction to a summary."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.summaries.models import Summary, SummaryRevision


class SuggestionStatus(enum.Enum):
    OPEN = "open"  # waiting for a reviewer
    ACCEPTED = "accepted"  # taken into a draft, which then goes through the four-eyes review
    DECLINED = "declined"  # with the reviewer's reason

    @property
    def label(self) -> str:
        return {"open": "Waiting for a reviewer", "accepted": "Taken into a new draft",
                "declined": "Not taken up"}[self.value]  # fmt: skip


class SummarySuggestion(db.Model):
    """A signed-in reader's proposed change to a summary: the whole short answer and body as
    they would have them read, with a source. Reviewers read it as a diff against the published
    revision it was written on (base_revision), and accept it into a draft or decline it."""

    __tablename__ = "summary_suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    summary_id: Mapped[int] = mapped_column(ForeignKey("summaries.id"), index=True)
    base_revision_id: Mapped[int] = mapped_column(ForeignKey("summary_revisions.id"))
    proposer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    short_answer: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)  # Markdown, as the summary's own body
    reason: Mapped[str] = mapped_column(Text)  # what is wrong or missing, in the reader's words
    source_title: Mapped[str] = mapped_column(String(300))
    source_url: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[SuggestionStatus] = mapped_column(default=SuggestionStatus.OPEN, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_note: Mapped[str] = mapped_column(Text, default="")
    draft_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("summary_revisions.id", ondelete="SET NULL")
    )

    summary: Mapped[Summary] = relationship()
    base_revision: Mapped[SummaryRevision] = relationship(foreign_keys=[base_revision_id])
    draft_revision: Mapped[SummaryRevision | None] = relationship(foreign_keys=[draft_revision_id])
    proposer: Mapped[User | None] = relationship(foreign_keys=[proposer_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
