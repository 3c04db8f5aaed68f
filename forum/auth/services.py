"""Registering, confirming, signing in and recovering an account.

Nothing here tells a caller whether an email address has an account: registration and reset
requests behave the same either way, and the owner of the address learns the rest by email.
"""

from __future__ import annotations

from flask import current_app
from sqlalchemy import select

from forum.accounts.models import AccountStatus, User, display_name_key, new_session_token
from forum.accounts.names import display_name_problem
from forum.auth.passwords import hash_password, needs_rehash, password_problem, verify_password
from forum.auth.tokens import fingerprint, make_token, read_token
from forum.core.errors import ForumError
from forum.core.mail import send_mail
from forum.database import db, utcnow
from forum.jobs.queue import job
from forum.web.urls import absolute_url

CONFIRM = "confirm-email"
RESET = "reset-password"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def display_name_taken(name: str, *, except_user: User | None = None) -> bool:
    query = select(User.id).where(User.display_name_key == display_name_key(name))
    if except_user is not None:
        query = query.where(User.id != except_user.id)
    return db.session.scalar(query) is not None


def check_display_name(name: str, *, except_user: User | None = None) -> str:
    """The cleaned name, or a ForumError saying why it can't be used."""
    name = name.strip()
    if problem := display_name_problem(name):
        raise ForumError(problem, field="display_name")
    if display_name_taken(name, except_user=except_user):
        raise ForumError(
            "That display name is already taken. Please choose another.", field="display_name"
        )
    return name


def check_new_password(
    password: str, *, email: str, display_name: str, field: str = "password"
) -> None:
    if problem := password_problem(password, email=email, display_name=display_name):
        raise ForumError(problem, field=field)


def register(email: str, display_name: str, password: str) -> User | None:
    """Create an unconfirmed account and email a confirmation link.

    When the address already has an account, nothing is created and its owner is told by email
    instead; the caller shows the same page either way. Returns the new user, if any.
    """
    email = normalise_email(email)
    display_name = check_display_name(display_name)
    check_new_password(password, email=email, display_name=display_name)
    existing = find_by_email(email)
    password_hash = hash_password(password)  # the same work whether or not the address is known
    if existing is not None:
        send_mail(
            email,
            "account_exists",
            user=existing,
            sign_in_url=absolute_url("auth.sign_in"),
            reset_url=absolute_url("auth.forgot_password"),
        )
        return None
    user = User(
        email=email,
        display_name=display_name,
        display_name_key=display_name_key(display_name),
        password_hash=password_hash,
    )
    db.session.add(user)
    db.session.flush()
    send_confirmation(user)
    return user


def send_confirmation(user: User) -> None:
    token = make_token(CONFIRM, {"user": user.id, "stamp": account_stamp(user)})
    send_mail(
        user.email,
        "confirm_email",
        user=user,
        confirm_url=absolute_url("auth.confirm_email", token=token),
    )


def confirm_email(token: str) -> bool:
    """Confirm the address the link was sent to; whether this use is what confirmed it."""
    payload = read_token(CONFIRM, token, current_app.config["EMAIL_CONFIRMATION_MAX_AGE"])
    user = db.session.get(User, payload["user"]) if payload else None
    if user is None or payload.get("stamp") != account_stamp(user):
        raise ForumError(
            "That confirmation link is not valid any more. Sign in and ask for a new one."
        )
    if user.email_verified_at is not None:
        return False
    user.email_verified_at = utcnow()
    return True


def account_stamp(user: User, *more: str | None) -> str:
    """A keyed digest of the address and password (and MORE): a link made with it dies when
    either changes, and carries neither (links end up in browser histories and proxy logs)."""
    return fingerprint(user.email, user.password_hash or "", *(value or "" for value in more))


def authenticate(email: str, password: str) -> User | None:
    """The member these credentials belong to, or None. Upgrades an outdated password hash."""
    user = find_by_email(email)
    if not verify_password(user.password_hash if user else None, password):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def refusal_for(user: User) -> str | None:
    """Why a member with the right password still may not sign in, or None."""
    if user.status is AccountStatus.BANNED:
        why = f" The reason given: {user.status_reason}" if user.status_reason else ""
        return f"This account has been banned for breaking the community guidelines.{why}"
    if user.status is AccountStatus.DELETED:
        return "This account has been deleted."
    return None


def request_password_reset(email: str) -> None:
    """Queue the reset: the request does the same work whether or not the address has an
    account (timing would tell otherwise); the job finds out, and mails a link if it has."""
    send_reset_link.enqueue(normalise_email(email))


@job(retries=3, retry_delay=30, retry_backoff=2)
def send_reset_link(email: str) -> None:
    """Email a reset link when the address has an active account; do nothing otherwise."""
    user = find_by_email(email)
    if user is None or not user.is_active:
        return
    token = make_token(RESET, {"user": user.id, "stamp": account_stamp(user)})
    send_mail(
        user.email,
        "reset_password",
        user=user,
        reset_url=absolute_url("auth.reset_password", token=token),
        minutes=current_app.config["PASSWORD_RESET_MAX_AGE"] // 60,
    )


def user_for_reset_token(token: str) -> User:
    payload = read_token(RESET, token, current_app.config["PASSWORD_RESET_MAX_AGE"])
    user = db.session.get(User, payload["user"]) if payload else None
    # The stamp changes with the password (and the address), so a link works once.
    if user is None or not user.is_active or payload.get("stamp") != account_stamp(user):
        raise ForumError("That reset link has expired or was already used. Please ask again.")
    return user


def reset_password(token: str, new_password: str) -> User:
    user = user_for_reset_token(token)
    set_password(user, new_password)
    # Whoever could read the inbox controls the account now; the address is confirmed.
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    return user


def change_password(user: User, current_password: str, new_password: str) -> None:
    if not verify_password(user.password_hash, current_password):
        raise ForumError("Your current password is not right.", field="current_password")
    set_password(user, new_password)


def set_password(user: User, new_password: str) -> None:
    """Store a new password and end every session, signed in with the old token."""
    check_new_password(new_password, email=user.email, display_name=user.display_name)
    user.password_hash = hash_password(new_password)
    end_all_sessions(user)


def end_all_sessions(user: User) -> None:
    user.session_token = new_session_token()
