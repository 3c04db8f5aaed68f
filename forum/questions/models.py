"""Questions asked about a condition; each pins a reviewed summary above members' answers."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.answers.models import Answer
    from forum.conditions.models import Condition
    from forum.summaries.models import Summary


class QuestionStatus(enum.Enum):
    OPEN = "open"  # shown, and members may answer
    CLOSED = "closed"  # shown, but no new answers
    HIDDEN = "hidden"  # taken down by an admin


class Question(db.Model):
    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("condition_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    condition_id: Mapped[int] = mapped_column(ForeignKey("conditions.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(200))
    status: Mapped[QuestionStatus] = mapped_column(default=QuestionStatus.OPEN)
    position: Mapped[int] = mapped_column(default=0)
    # Published answers only; moved in the same transaction as the answer's status.
    answer_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(default=utcnow)

    condition: Mapped[Condition] = relationship(back_populates="questions")
    summary: Mapped[Summary | None] = relationship(back_populates="question")
    answers: Mapped[list[Answer]] = relationship(back_populates="question")

    @property
    def is_visible(self) -> bool:
        return self.status is not QuestionStatus.HIDDEN

    @property
    def is_closed(self) -> bool:
        return self.status is QuestionStatus.CLOSED

    def __repr__(self) -> str:
        return f"<Question {self.id} {self.slug}>"
