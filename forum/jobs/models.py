"""What the queue keeps in the database: the jobs that failed for good, for admins to read."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from forum.database import db, utcnow


class JobFailure(db.Model):
    """A job whose every try failed (a mail the server kept refusing, say). No address in it."""

    __tablename__ = "job_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(100))
    error: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
