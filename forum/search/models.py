"""What search can find: one row per question, published summary and readable answer."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from forum.database import db


class SearchKind(enum.Enum):
    QUESTION = "question"
    SUMMARY = "summary"
    ANSWER = "answer"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    SearchKind.QUESTION: "Question",
    SearchKind.SUMMARY: "Reviewed summary",
    SearchKind.ANSWER: "Member's answer",
}


class SearchDocument(db.Model):
    """The searchable text of one source row, written by forum.search.index and nothing else.

    A row exists only while its source is published on a visible question: pending, hidden,
    rejected and deleted content has no row at all. `members_only` rows are for signed-in readers.
    Author names are never stored, so an anonymous answer cannot be found by its author.
    The full-text index over title, keywords and body is not in this model: see schema.py.
    """

    __tablename__ = "search_documents"
    __table_args__ = (
        UniqueConstraint("kind", "source_id"),
        Index("ix_search_documents_question_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)  # also the FTS5 rowid on SQLite
    kind: Mapped[SearchKind]
    source_id: Mapped[int]  # the question, summary or answer id
    condition_id: Mapped[int] = mapped_column(ForeignKey("conditions.id"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"))
    title: Mapped[str] = mapped_column(String(200), default="")
    # Words that should find the row without being shown: treatment and condition names.
    keywords: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")  # plain text, never HTML
    members_only: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime]
