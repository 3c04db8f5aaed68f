"""The header's unread count, and the follow control pages include."""

from __future__ import annotations

from flask import Flask, g
from flask_login import current_user

from forum.notifications import services
from forum.notifications.forms import FollowForm
from forum.notifications.models import FollowLevel


def unread_notifications() -> int:
    """Counted once per request, and only for signed-in members."""
    if not current_user.is_authenticated:
        return 0
    if "unread_notifications" not in g:
        g.unread_notifications = services.unread_count(current_user)
    return g.unread_notifications


def follow_level(target) -> FollowLevel:
    return services.level_of(current_user, target)


def init_app(app: Flask) -> None:
    app.add_template_global(unread_notifications)
    app.add_template_global(follow_level)
    app.add_template_global(FollowForm, "FollowForm")
    app.add_template_global(services.UNREAD_CAP, "UNREAD_CAP")
