"""The header's unread count, and the follow control pages include."""

from __future__ import annotations

from flask import Flask
from flask_login import current_user

from forum.notifications import services
from forum.notifications.models import FollowLevel


def unread_notifications() -> int:
    """For the header: signed-in members only."""
    if not current_user.is_authenticated:
        return 0
    return services.unread_count(current_user)


def follow_level(target) -> FollowLevel:
    return services.level_of(current_user, target)


def init_app(app: Flask) -> None:
    app.add_template_global(unread_notifications)
    app.add_template_global(follow_level)
    app.add_template_global(services.UNREAD_CAP, "UNREAD_CAP")
