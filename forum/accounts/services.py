"""A member's own account: pseudonym, email address, password and profile."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app

from forum.accounts.models import ProfileVisibility, User, display_name_key
from forum.auth import services as auth
from forum.auth.passwords import verify_password
from forum.auth.tokens import make_token, read_token
from forum.core.errors import ForumError
from forum.core.mail import send_mail
from forum.database import db, utcnow
from forum.web.urls import absolute_url

CHANGE_EMAIL = "change-email"
BIO_MAX_LENGTH = 600


def change_display_name(user: User, new_name: str) -> None:
    """Rename the member, at most once per DISPLAY_NAME_CHANGE_DAYS: names stay recognisable."""
    if new_name.strip() == user.display_name:
        return
    days = current_app.config["DISPLAY_NAME_CHANGE_DAYS"]
    if user.display_name_changed_at and utcnow() - user.display_name_changed_at < timedelta(
        days=days
    ):
        next_change = user.display_name_changed_at + timedelta(days=days)
        raise ForumError(
            f"You can change your display name once every {days} days. "
            f"Your next change is possible on {next_change:%d %B %Y}.",
            field="display_name",
        )
    name = auth.check_display_name(new_name, except_user=user)
    user.display_name = name
    user.display_name_key = display_name_key(name)
    user.display_name_changed_at = utcnow()


def request_email_change(user: User, new_email: str, password: str) -> None:
    """Send a confirmation link to the new address; the change waits until it is followed."""
    if not verify_password(user.password_hash, password):
        raise ForumError("Your password is not right.", field="password")
    new_email = auth.normalise_email(new_email)
    if new_email == user.email:
        raise ForumError("That is already your email address.", field="email")
    if auth.find_by_email(new_email) is not None:
        # Tell the owner of that address, not the person asking: it reveals nothing here.
        send_mail(new_email, "email_in_use")
        return
    user.pending_email = new_email
    # The new address stays in the database, not in the link: links end up in logs.
    token = make_token(
        CHANGE_EMAIL, {"user": user.id, "stamp": auth.account_stamp(user, new_email)}
    )
    confirm_url = absolute_url("accounts.confirm_new_email", token=token)
    send_mail(new_email, "confirm_new_email", user=user, confirm_url=confirm_url)


def confirm_email_change(token: str) -> User:
    payload = read_token(CHANGE_EMAIL, token, current_app.config["EMAIL_CONFIRMATION_MAX_AGE"])
    user = db.session.get(User, payload["user"]) if payload else None
    if (
        user is None
        or not user.pending_email
        or payload.get("stamp") != auth.account_stamp(user, user.pending_email)
    ):
        raise ForumError("That link is not valid any more. Please ask for the change again.")
    if auth.find_by_email(user.pending_email) is not None:
        raise ForumError("That address now belongs to another account.")
    old_email = user.email
    user.email = user.pending_email
    user.pending_email = None
    user.email_verified_at = utcnow()
    send_mail(old_email, "email_changed", user=user)
    return user


def change_password(user: User, current_password: str, new_password: str) -> None:
    auth.change_password(user, current_password, new_password)


@dataclass(frozen=True)
class ProfileSettings:
    bio: str
    bio_visibility: ProfileVisibility
    communities_visibility: ProfileVisibility
    profile_hidden: bool


def update_profile(user: User, settings: ProfileSettings) -> None:
    bio = settings.bio.strip()
    if len(bio) > BIO_MAX_LENGTH:
        raise ForumError(f"Please keep your bio under {BIO_MAX_LENGTH} characters.", field="bio")
    user.bio = bio
    user.bio_visibility = settings.bio_visibility
    user.communities_visibility = settings.communities_visibility
    user.profile_hidden = settings.profile_hidden


def may_see(visibility: ProfileVisibility, viewer: User, member: User) -> bool:
    """Whether VIEWER may see a part of MEMBER's profile they shared with VISIBILITY."""
    if viewer.is_authenticated and viewer.id == member.id:
        return True
    if visibility is ProfileVisibility.EVERYONE:
        return True
    return visibility is ProfileVisibility.MEMBERS and viewer.is_authenticated


def find_member_by_name(name: str) -> User | None:
    return db.session.scalar(db.select(User).where(User.display_name_key == display_name_key(name)))
