"""The form for deleting one's account."""

from __future__ import annotations

from wtforms import RadioField, SelectChoice
from wtforms.validators import DataRequired

from forum.accounts.forms import current_password_field
from forum.web.request_input import ForumForm


class DeleteAccountForm(ForumForm):
    answers = RadioField(
        "What should happen to your answers?",
        choices=[
            SelectChoice("delete", "Delete them with my account"),
            SelectChoice("keep", "Keep them, shown as written by “Former member”"),
        ],
        validators=[DataRequired("Please choose what happens to your answers.")],
    )
    password = current_password_field("Your password, to confirm")
