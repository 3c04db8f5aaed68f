"""How a signed-in session finds its member again."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from forum.accounts.models import User
from forum.database import db
from forum.extensions import login_manager


def load_user(session_token: str) -> User | None:
    """Sessions carry the member's session token, not their id: a new token ends them all."""
    return db.session.scalar(select(User).where(User.session_token == session_token))


def init_app(app: Flask) -> None:
    login_manager.user_loader(load_user)
