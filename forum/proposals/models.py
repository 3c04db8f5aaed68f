"""A member's proposed question for their condition's community."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.conditions.models import Condition
    from forum.questions.models import Question


class ProposalStatus(enum.Enum):
    OPEN = "open"  # waiting in the moderators' and admins' queue
    PUBLISHED = "published"  # it became a question (question_id)
    MERGED = "merged"  # an existing question asks the same (question_id)
    DECLINED = "declined"  # with the reason the proposer reads

    @property
    def label(self) -> str:
        return {"open": "Waiting for review", "published": "Published",
                "merged": "Joined to an existing question", "declined": "Not published"}[
            self.value
        ]  # fmt: skip


class QuestionProposal(db.Model):
    """A question a confirmed member of a community asks to add. Moderators and admins publish
    it, merge it into a question that already asks the same, or decline it with a reason."""

    __tablename__ = "question_proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    condition_id: Mapped[int] = mapped_column(ForeignKey("conditions.id"), index=True)
    proposer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="")  # why it matters, for the reviewers
    status: Mapped[ProposalStatus] = mapped_column(default=ProposalStatus.OPEN, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_note: Mapped[str] = mapped_column(Text, default="")
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))

    condition: Mapped[Condition] = relationship()
    proposer: Mapped[User | None] = relationship(foreign_keys=[proposer_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    question: Mapped[Question | None] = relationship()

    @property
    def is_open(self) -> bool:
        return self.status is ProposalStatus.OPEN
