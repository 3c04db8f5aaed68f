"""What members follow, what they are told, and how they want to hear about it."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, or_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.conditions.models import Condition
    from forum.questions.models import Question


class FollowLevel(enum.Enum):
    EVERY_ANSWER = "every_answer"  # a notification for each new answer
    DIGEST = "digest"  # new answers gathered in the weekly digest
    OFF = "off"  # kept, so an author who stopped following is not followed again

    @property
    def label(self) -> str:
        return {
            "every_answer": "Every new answer",
            "digest": "Weekly digest",
            "off": "Off",
        }[self.value]


class EmailChoice(enum.Enum):
    EACH = "each"  # one email per notification, as it happens
    DAILY = "daily"
    WEEKLY = "weekly"
    NEVER = "never"  # notifications on the site only

    @property
    def label(self) -> str:
        return {
            "each": "Email me about each one as it happens",
            "daily": "One email a day with what happened",
            "weekly": "One email a week with what happened",
            "never": "No email: I'll read them on the site",
        }[self.value]


class NotificationKind(enum.Enum):
    NEW_ANSWER = "new_answer"
    ANSWER_DECISION = "answer_decision"  # a moderator approved, rejected, hid or restored yours
    REPORT_REPLY = "report_reply"  # a reviewer replied to your report about a summary
    SUMMARY_REVISED = "summary_revised"
    HELPFUL = "helpful"  # batched: one notification counts the votes since it was read
    AT_RISK_REPORT = "at_risk_report"  # for moderators: someone may be at risk
    CHECK_IN = "check_in"  # "still working?", months after the member posted their answer
    REVIEWER_NOTE = "reviewer_note"  # a medical reviewer added or changed a note on your answer
    SUGGESTION_DECIDED = "suggestion_decided"  # what became of your suggested correction
    PROPOSAL_DECIDED = "proposal_decided"  # what became of the question you proposed


# Kinds mailed at once whatever the member's choice: a crisis cannot wait for a digest.
URGENT_KINDS = frozenset({NotificationKind.AT_RISK_REPORT})
# Kinds that are never mailed one by one: a vote is not worth an email of its own.
DIGEST_ONLY_KINDS = frozenset({NotificationKind.HELPFUL})


class Follow(db.Model):
    """A member following a question or a condition, at a level."""

    __tablename__ = "follows"
    __table_args__ = (
        CheckConstraint(
            "(question_id IS NULL) <> (condition_id IS NULL)", name="follows_one_target"
        ),
        UniqueConstraint("user_id", "question_id"),
        UniqueConstraint("user_id", "condition_id"),
        # The fan-out reads followers of one target, in user order, at a level.
        Index("ix_follows_question_level_user", "question_id", "level", "user_id"),
        Index("ix_follows_condition_level_user", "condition_id", "level", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    condition_id: Mapped[int | None] = mapped_column(
        ForeignKey("conditions.id", ondelete="CASCADE")
    )
    level: Mapped[FollowLevel] = mapped_column(default=FollowLevel.EVERY_ANSWER)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    question: Mapped[Question | None] = relationship()
    condition: Mapped[Condition | None] = relationship()


class Notification(db.Model):
    """One thing a member is told. `message` is written for that member alone, when it is
    made, from what they may see: never an anonymous author's name, never members-only words."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_user_created", "user_id", "created_at"),
        # The bell counts these; the mailer looks for the ones still to send.
        Index("ix_notifications_user_read", "user_id", "read_at"),
        Index("ix_notifications_user_emailed", "user_id", "emailed_at"),
        # "Told already?" (a job tried again) and "mail the ones on this topic".
        Index("ix_notifications_topic_user", "topic", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind]
    message: Mapped[str] = mapped_column(Text)
    # Where it leads, as a path on the site ("/answers/12"), so a mail can link it too.
    link: Mapped[str] = mapped_column(String(300), default="")
    # What it is about, so the same event never makes two notifications for one member.
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), index=True
    )
    topic: Mapped[str] = mapped_column(String(64), default="")
    count: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    # Set once it went out by email, alone or in a digest (or needs no email at all).
    emailed_at: Mapped[datetime | None]

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


DEFAULT_EMAIL = EmailChoice.EACH


class NotificationSettings(db.Model):
    """How a member wants to hear from the forum. Members without a row have the defaults
    (a NULL email choice, in an outer join, means DEFAULT_EMAIL)."""

    __tablename__ = "notification_settings"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    email: Mapped[EmailChoice] = mapped_column(default=DEFAULT_EMAIL)
    # Moderators: alert me at once when someone may be at risk ("on duty").
    crisis_alerts: Mapped[bool] = mapped_column(default=True)
    last_digest_at: Mapped[datetime | None]

    @classmethod
    def defaults(cls, user_id: int, **choices) -> NotificationSettings:
        """A row with the defaults (not added to the session), CHOICES changed."""
        return cls(**{"user_id": user_id, "email": DEFAULT_EMAIL, "crisis_alerts": True, **choices})

    @staticmethod
    def email_chosen_sql(choices):
        """SQL: the member (outer-joined) chose one of CHOICES, the default counted."""
        chose = NotificationSettings.email.in_(choices)
        if DEFAULT_EMAIL in choices:
            chose = or_(chose, NotificationSettings.email.is_(None))
        return chose
