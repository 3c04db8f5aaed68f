"""Reports from readers and the append-only record of what moderators did."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
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
    subject: Mapped[User | None] = relationship(foreign_keys=[subject_user_id])


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


class SiteSetting(db.Model):
    """A piece of site text admins edit on a page, such as the support resources."""

    __tablename__ = "site_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class NoticeKind(enum.Enum):
    APPROVED = "approved"
    REJECTED = "rejected"
    HIDDEN = "hidden"
    RESTORED = "restored"
    EDITED = "edited"
    SUPPORT = "support"  # support resources, after a "someone may be at risk" report
    SUSPENDED = "suspended"
    REINSTATED = "reinstated"


class MemberNotice(db.Model):
    """What a member is told on their account page about moderation of their posts or account."""

    __tablename__ = "member_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[NoticeKind]
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="SET NULL"))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]

    answer: Mapped[Answer | None] = relationship()

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
