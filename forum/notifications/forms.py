from __future__ import annotations

from wtforms import BooleanField, RadioField, SelectChoice, SelectField
from wtforms.validators import InputRequired

from forum.notifications.models import EmailChoice, FollowLevel
from forum.web.request_input import ForumForm

LEVEL_CHOICES = [SelectChoice(level.value, level.label) for level in FollowLevel]


class SettingsForm(ForumForm):
    email = RadioField(
        "How should we email you about notifications?",
        choices=[SelectChoice(choice.value, choice.label) for choice in EmailChoice],
        validators=[InputRequired("Please choose how we should email you.")],
    )
    crisis_alerts = BooleanField(
        "Alert me at once, by email and here, when a member may be at risk (moderators on duty)"
    )


class FollowForm(ForumForm):
    """Follow at a level; the page's toggle sends `every_answer` or `off`."""

    level = SelectField(
        "Notify me about",
        choices=LEVEL_CHOICES,
        validators=[InputRequired("Please choose how to follow it.")],
    )
