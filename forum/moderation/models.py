"""Reports from readers and the append-only record of what moderators did."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text
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


class FlagStatus(enum.Enum):
    OPEN = "open"
    UPHELD = "upheld"
    DISMISSED = "dismissed"


class Flag(db.Model):
    """A report about an answer (for moderators) or a summary (for reviewers)."""

    __tablename__ = "flags"
    __table_args__ = (
        CheckConstraint("(answer_id IS NULL) <> (summary_id IS NULL)", name="exactly_one_target"),
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


class ModerationAction(db.Model):
    """One entry of the moderation log. Append-only: no code path updates or deletes one."""

    __tablename__ = "moderation_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(64), index=True)
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int | None]
    # The member whose content or account the action concerns, for "actions on my content".
    subject_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
