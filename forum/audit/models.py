"""The moderation log's entries and the notices members read about moderation."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.answers.models import Answer


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
