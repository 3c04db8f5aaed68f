from wtforms import BooleanField, EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from forum.accounts.names import MAX_LENGTH as NAME_MAX
from forum.accounts.names import MIN_LENGTH as NAME_MIN
from forum.auth.passwords import MAX_LENGTH as PASSWORD_MAX
from forum.auth.passwords import MIN_LENGTH as PASSWORD_MIN
from forum.web.request_input import ForumForm


def strip_spaces(value: str | None) -> str | None:
    """People paste addresses with a stray space; it is never part of the address."""
    return value.strip() if isinstance(value, str) else value


EMAIL_FILTERS = [strip_spaces]
EMAIL_VALIDATORS = [
    DataRequired("Please enter your email address."),
    Email("Please enter an email address like name@example.com.", check_deliverability=False),
    Length(max=254),
]


def email_field(label: str = "Email address", hint: str = "") -> EmailField:
    return EmailField(
        label,
        description=hint,
        validators=EMAIL_VALIDATORS,
        filters=EMAIL_FILTERS,
        render_kw={"autocomplete": "email"},
    )


def new_password_field(label: str = "Password") -> PasswordField:
    return PasswordField(
        label,
        description=(
            f"{PASSWORD_MIN} to {PASSWORD_MAX} characters; all of them count. "
            "A few unrelated words work well."
        ),
        validators=[
            DataRequired("Please choose a password."),
            Length(max=PASSWORD_MAX, message=f"Please use at most {PASSWORD_MAX} characters."),
        ],
        # No maxlength in the page: a browser would cut a longer pasted password short without
        # a word, and the member could not sign in with what they think they chose.
        render_kw={"autocomplete": "new-password", "maxlength": False},
    )


class RegistrationForm(ForumForm):
    email = email_field(hint="Only used to sign in and to reach you. Never shown to anyone.")
    display_name = StringField(
        "Display name",
        description=(
            f"Your public pseudonym, {NAME_MIN} to {NAME_MAX} characters. "
            "Avoid your real name if you want to stay private."
        ),
        validators=[DataRequired("Please choose a display name."), Length(max=NAME_MAX)],
        render_kw={"autocomplete": "username"},
    )
    password = new_password_field()
    accept_guidelines = BooleanField(
        "I have read the community guidelines and will follow them",
        validators=[DataRequired("Please agree to the community guidelines to join.")],
    )


class SignInForm(ForumForm):
    email = email_field()
    password = PasswordField(
        "Password",
        validators=[DataRequired("Please enter your password.")],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField("Keep me signed in on this device")
    next = HiddenField()


class ForgotPasswordForm(ForumForm):
    email = email_field()


class ResetPasswordForm(ForumForm):
    password = new_password_field("New password")
    confirm = PasswordField(
        "New password again",
        validators=[DataRequired(), EqualTo("password", "The two passwords don't match.")],
        render_kw={"autocomplete": "new-password"},
    )


class EmptyForm(ForumForm):
    """A form with only its CSRF token: sign out, resend confirmation."""
