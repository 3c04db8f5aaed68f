"""How a signed-in session finds its member again."""

from __future__ import annotations

from flask import Flask, current_app, g, request, session
from flask_login import login_user, logout_user
from flask_login.config import COOKIE_NAME
from sqlalchemy import select

from forum.accounts.models import User
from forum.auth.services import end_all_sessions
from forum.database import db
from forum.extensions import login_manager
from forum.notifications.services import unread_count_sql


def load_user(session_token: str) -> User | None:
    """Sessions carry the member's session token, not their id: a new token ends them all.

    Banned and deleted accounts lose their sessions at once.
    """
    # The header's unread count comes in the same query: every signed-in page shows it.
    row = db.session.execute(
        select(User, unread_count_sql()).where(User.session_token == session_token)
    ).first()
    if row is None or not row[0].is_active:
        return None
    user, user.unread_notifications = row
    return user


def init_app(app: Flask) -> None:
    login_manager.user_loader(load_user)


def begin_session(user: User, *, remember: bool = False) -> None:
    """Sign USER in with a CSRF token of their own: none made before sign-in is kept."""
    _forget_csrf_token()
    login_user(user, remember=remember)


def end_session(user: User) -> None:
    """Sign out for good: a new session token ends this session and any copy of its cookie
    (or of the remember-me cookie), everywhere. The caller commits."""
    end_all_sessions(user)
    logout_user()
    _forget_csrf_token()


def _forget_csrf_token() -> None:
    session.pop("csrf_token", None)  # Flask-WTF's names for the raw and the signed token
    g.pop("csrf_token", None)


def stay_signed_in(user: User) -> None:
    """After the session token changed (ending all other sessions), keep this one going.

    Pass the User itself, not the current_user proxy: Flask-Login would store the proxy as the
    signed-in user, and reading it back would then recurse forever.
    """
    cookie_name = current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME)
    remembered = cookie_name in request.cookies
    login_user(user, remember=remembered)
