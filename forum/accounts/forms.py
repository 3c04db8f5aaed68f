from wtforms import (
    BooleanField,
    IntegerField,
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
from forum.conditions.models import Perspective
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


class RoleForm(ForumForm):
    role = SelectField(
        "Role", choices=[SelectChoice(role.value, role.value.capitalize()) for role in Role]
    )
    reason = StringField("Reason", validators=[Optional(), Length(max=300)])
