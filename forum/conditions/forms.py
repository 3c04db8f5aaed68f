"""The form for joining a condition's community."""

from __future__ import annotations

from wtforms import IntegerField, RadioField, SelectChoice
from wtforms.validators import DataRequired, Optional

from forum.conditions.models import Perspective
from forum.web.request_input import ForumForm


class MembershipForm(ForumForm):
    relation = RadioField(
        "How are you connected to this condition?",
        choices=[
            SelectChoice(Perspective.PATIENT.value, "I have it"),
            SelectChoice(Perspective.CAREGIVER.value, "I care for someone who has it"),
        ],
        default=Perspective.PATIENT.value,
        validators=[DataRequired("Please choose one.")],
    )
    diagnosed_year = IntegerField(
        "Year of diagnosis",
        description="Optional. Helps readers compare experiences; shown only as “years since”.",
        validators=[Optional()],
    )
