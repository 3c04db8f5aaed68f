"""A verified reviewer's note under a member's answer, and its history."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.database import db, utcnow

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.answers.models import Answer
    from forum.summaries.models import ReviewerProfile

NOTE_MAX = 600


class ReviewerNote(db.Model):
    """Context from a verified medical reviewer, shown under an answer to everyone who can see
    the answer: a lived experience keeps its place, with what a reader should know beside it.
    Signed (the reviewer's byline) and cited (a source). One per answer; it can be edited or
    withdrawn, and each version is kept."""

    __tablename__ = "reviewer_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), unique=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)  # plain text, at most NOTE_MAX characters
    source_title: Mapped[str] = mapped_column(String(300))
    source_url: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)  # refuses edits made on a stale copy

    answer: Mapped[Answer] = relationship()
    author: Mapped[User | None] = relationship()
    author_profile: Mapped[ReviewerProfile | None] = relationship(
        primaryjoin="foreign(ReviewerNote.author_id) == ReviewerProfile.user_id",
        viewonly=True,
    )
    revisions: Mapped[list[ReviewerNoteRevision]] = relationship(
        back_populates="note",
        order_by="ReviewerNoteRevision.number",
        cascade="all, delete-orphan",
    )

    @property
    def is_shown(self) -> bool:
        return self.withdrawn_at is None

    @property
    def signer(self) -> ReviewerProfile | None:
        """The profile the note is signed with: its reviewer's, while verified. None once the
        reviewer has left, or while their profile waits to be verified (again)."""
        return _verified(self.author_profile)


class ReviewerNoteRevision(db.Model):
    """One version of a reviewer note, as it read after an edit (or its withdrawal)."""

    __tablename__ = "reviewer_note_revisions"
    __table_args__ = (UniqueConstraint("note_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("reviewer_notes.id", ondelete="CASCADE"))
    number: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    source_title: Mapped[str] = mapped_column(String(300))
    source_url: Mapped[str] = mapped_column(String(500), default="")
    withdrawn: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    note: Mapped[ReviewerNote] = relationship(back_populates="revisions")
    editor: Mapped[User | None] = relationship()
    editor_profile: Mapped[ReviewerProfile | None] = relationship(
        primaryjoin="foreign(ReviewerNoteRevision.editor_id) == ReviewerProfile.user_id",
        viewonly=True,
    )

    @property
    def signer(self) -> ReviewerProfile | None:
        """The profile this version was signed with: its editor's, while verified."""
        return _verified(self.editor_profile)


def _verified(profile: ReviewerProfile | None) -> ReviewerProfile | None:
    # Readers trust a byline because an admin checked it; an unchecked one signs nothing.
    return profile if profile is not None and profile.is_verified else None
