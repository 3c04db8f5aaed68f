from wtforms import (
    BooleanField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from forum.accounts.models import ProfileVisibility, Role
from forum.accounts.names import MAX_LENGTH as NAME_MAX
from forum.accounts.services import BIO_MAX_LENGTH
from forum.auth.forms import email_field, new_password_field
from forum.web.request_input import ForumForm

VISIBILITY_CHOICES = [SelectChoice(choice.value, choice.label) for choice in ProfileVisibility]


def current_password_field(label: str = "Your current password") -> PasswordField:
    return PasswordField(
        label,
        validators=[DataRequired("Please enter your password.")],
        render_kw={"autocomplete": "current-password"},
    )


class DisplayNameForm(ForumForm):
    display_name = StringField(
        "Display name",
        description="Your public pseudonym. You can change it once a month.",
        validators=[DataRequired("Please enter a display name."), Length(max=NAME_MAX)],
    )


class ProfileForm(ForumForm):
    bio = TextAreaField(
        "About you",
        description="A few words others may read. Optional.",
        validators=[Optional(), Length(max=BIO_MAX_LENGTH)],
    )
    bio_visibility = RadioField("Who can read “About you”", choices=VISIBILITY_CHOICES)
    communities_visibility = RadioField(
        "Who can see which communities you joined", choices=VISIBILITY_CHOICES
    )
    profile_hidden = BooleanField("Hide my whole profile page from everyone else")


class EmailChangeForm(ForumForm):
    email = email_field("New email address")
    password = current_password_field()


class PasswordChangeForm(ForumForm):
    current_password = current_password_field()
    new_password = new_password_field("New password")


class RoleForm(ForumForm):
    role = SelectField(
        "Role", choices=[SelectChoice(role.value, role.value.capitalize()) for role in Role]
    )
    reason = StringField("Reason", validators=[Optional(), Length(max=300)])
