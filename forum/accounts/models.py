"""Member accounts: a private email, a public pseudonym, a role and a standing."""

from __future__ import annotations

import enum
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from forum.database import db, utcnow


class Role(enum.Enum):
    MEMBER = "member"
    MODERATOR = "moderator"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class AccountStatus(enum.Enum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    BANNED = "banned"
    DELETED = "deleted"


class ProfileVisibility(enum.Enum):
    EVERYONE = "everyone"
    MEMBERS = "members"  # signed-in members only
    ONLY_ME = "only_me"

    @property
    def label(self) -> str:
        return {"everyone": "Everyone", "members": "Signed-in members", "only_me": "Only me"}[
            self.value
        ]


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


def display_name_key(display_name: str) -> str:
    """What makes two pseudonyms the same: case and surrounding spaces do not count."""
    return display_name.strip().casefold()


class User(UserMixin, db.Model):
    """A person with an account. The email is private; the display name is their pseudonym."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(30))
    display_name_key: Mapped[str] = mapped_column(String(30), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    # Flask-Login stores this instead of the id, so a password change can end every session.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    role: Mapped[Role] = mapped_column(default=Role.MEMBER)
    status: Mapped[AccountStatus] = mapped_column(default=AccountStatus.ACTIVE)
    suspended_until: Mapped[datetime | None]
    # Why a moderator suspended or banned the account, in words the member is shown.
    status_reason: Mapped[str] = mapped_column(Text, default="")
    email_verified_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_answer_count: Mapped[int] = mapped_column(default=0)
    display_name_changed_at: Mapped[datetime | None]
    # A new address waits here until its owner follows the link we sent to it.
    pending_email: Mapped[str | None] = mapped_column(String(254))
    bio: Mapped[str] = mapped_column(Text, default="")
    bio_visibility: Mapped[ProfileVisibility] = mapped_column(default=ProfileVisibility.MEMBERS)
    communities_visibility: Mapped[ProfileVisibility] = mapped_column(
        default=ProfileVisibility.MEMBERS
    )
    profile_hidden: Mapped[bool] = mapped_column(default=False)

    def get_id(self) -> str:
        return self.session_token

    @property
    def is_active(self) -> bool:
        return self.status not in (AccountStatus.BANNED, AccountStatus.DELETED)

    @property
    def is_suspended(self) -> bool:
        """Suspended until a date still to come (a lapsed suspension no longer counts)."""
        if self.status is not AccountStatus.SUSPENDED:
            return False
        return self.suspended_until is None or self.suspended_until > utcnow()

    @property
    def is_moderator(self) -> bool:
        return self.role in (Role.MODERATOR, Role.ADMIN)

    @property
    def is_reviewer(self) -> bool:
        return self.role in (Role.REVIEWER, Role.ADMIN)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def is_email_verified(self) -> bool:
        return self.email_verified_at is not None

    def __repr__(self) -> str:
        return f"<User {self.id} {self.display_name!r}>"
