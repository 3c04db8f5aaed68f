"""Conditions, the communities around them, and each condition's treatment vocabulary."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.questions.models import Question


class Perspective(enum.Enum):
    """Whether someone lives with the condition or cares for a person who does."""

    PATIENT = "patient"
    CAREGIVER = "caregiver"

    @property
    def label(self) -> str:
        return {"patient": "Patient", "caregiver": "Caregiver"}[self.value]


class TreatmentKind(enum.Enum):
    MEDICATION = "medication"
    THERAPY = "therapy"
    PROCEDURE = "procedure"
    LIFESTYLE = "lifestyle"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Condition(db.Model):
    __tablename__ = "conditions"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)
    # Denormalised; moved in the same transaction as the change that moves them.
    member_count: Mapped[int] = mapped_column(default=0)
    question_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    questions: Mapped[list[Question]] = relationship(back_populates="condition")
    treatments: Mapped[list[Treatment]] = relationship(
        back_populates="condition", order_by="Treatment.position"
    )
    side_effects: Mapped[list[SideEffect]] = relationship(
        back_populates="condition", order_by="SideEffect.position"
    )

    def __repr__(self) -> str:
        return f"<Condition {self.slug}>"


class Membership(db.Model):
    """A member belongs to a condition's community, as a patient or as a caregiver."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "condition_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    condition_id: Mapped[int] = mapped_column(ForeignKey("conditions.id"), index=True)
    relation: Mapped[Perspective] = mapped_column(default=Perspective.PATIENT)
    diagnosed_year: Mapped[int | None]
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()
    condition: Mapped[Condition] = relationship()


class Treatment(db.Model):
    """One entry of a condition's vocabulary: what members can say they tried."""

    __tablename__ = "treatments"
    __table_args__ = (UniqueConstraint("condition_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    condition_id: Mapped[int] = mapped_column(ForeignKey("conditions.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(120))
    kind: Mapped[TreatmentKind] = mapped_column(default=TreatmentKind.MEDICATION)
    synonyms: Mapped[str] = mapped_column(Text, default="")  # comma-separated
    position: Mapped[int] = mapped_column(default=0)

    condition: Mapped[Condition] = relationship(back_populates="treatments")

    @property
    def is_medicine(self) -> bool:
        """Only a medicine has a dose worth writing down."""
        return self.kind is TreatmentKind.MEDICATION

    @property
    def synonym_list(self) -> list[str]:
        return [word.strip() for word in self.synonyms.split(",") if word.strip()]


class SideEffect(db.Model):
    """One entry of a condition's side-effect vocabulary: what members can pick, with a
    severity, instead of typing (typed words do not add up across members)."""

    __tablename__ = "side_effects"
    __table_args__ = (UniqueConstraint("condition_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    condition_id: Mapped[int] = mapped_column(ForeignKey("conditions.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)

    condition: Mapped[Condition] = relationship(back_populates="side_effects")
