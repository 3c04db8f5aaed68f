"""How a signed-in session finds its member again."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from flask import Flask, current_app, g, request, session
from flask_login import login_user, logout_user
from flask_login.config import COOKIE_NAME
from sqlalchemy import ColumnElement, select

from forum.accounts.models import User
from forum.auth.services import end_all_sessions
from forum.database import db
from forum.extensions import login_manager

EXTENSION = "account_session"


def load_user(session_token: str) -> User | None:
    """Sessions carry the member's session token, not their id: a new token ends them all.

    Banned and deleted accounts lose their sessions at once.
    """
    # What the app asked to load with the member (the header's unread count, which every
    # signed-in page shows) comes in the same query.
    loaded_with = current_app.extensions[EXTENSION]
    columns = [sql() for sql in loaded_with.values()]
    row = db.session.execute(
        select(User, *columns).where(User.session_token == session_token)
    ).first()
    if row is None or not row[0].is_active:
        return None
    user, *values = row
    for name, value in zip(loaded_with, values, strict=True):
        setattr(user, name, value)
    return user


def init_app(app: Flask, loaded_with: Mapping[str, Callable[[], ColumnElement]]) -> None:
    """Find the signed-in member on every request, with LOADED_WITH: attribute names and the
    SQL (a scalar subquery on User) of a value to set on the member, read in the same query."""
    app.extensions[EXTENSION] = dict(loaded_with)
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
