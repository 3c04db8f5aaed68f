"""Moderation forms: shape only. Whether a reason is needed, or a decision allowed, is the
services' business, so the same rules hold from the command line and in tests."""

from __future__ import annotations

from wtforms import (
    DateField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from forum.answers.models import AnswerStatus, WatchAction
from forum.flags.models import FlagReason
from forum.moderation.flags import ANSWER_REASONS, NOTE_MAX
from forum.moderation.members import SUSPENSION_DAYS
from forum.moderation.site_text import TEXT_MAX
from forum.moderation.watchlist import MESSAGE_MAX, PHRASE_MAX
from forum.web.request_input import ForumForm

UNTIL_DATE = "date"


class DecisionForm(ForumForm):
    """Approve, reject, hide, restore or dismiss: the status the moderator saw, and a reason."""

    expected = HiddenField()
    reason = TextAreaField("Reason", validators=[Optional(), Length(max=1000)])
    next = HiddenField()

    def expected_status(self, current: AnswerStatus) -> AnswerStatus:
        """What the page showed; an old form without it falls back to the status now."""
        try:
            return AnswerStatus(self.expected.data)
        except ValueError:
            return current


class BulkDecisionForm(ForumForm):
    decision = RadioField(
        "With the selected answers",
        choices=[SelectChoice("approve", "Approve them"), SelectChoice("reject", "Reject them")],
        validators=[DataRequired("Please choose to approve or to reject.")],
    )
    reason = TextAreaField(
        "Reason for rejecting",
        description="Sent to each member whose answer is rejected.",
        validators=[Optional(), Length(max=1000)],
    )


class ReportAnswerForm(ForumForm):
    reason = RadioField(
        "What is wrong with this answer?",
        choices=[SelectChoice(reason.value, label) for reason, label in ANSWER_REASONS.items()],
        validators=[DataRequired("Please choose what is wrong with the answer.")],
    )
    note = TextAreaField(
        "Anything the moderators should know? (optional)",
        description="Only moderators read this. Please don't include anyone's contact details.",
        validators=[Optional(), Length(max=NOTE_MAX)],
    )

    @property
    def chosen_reason(self) -> FlagReason:
        return FlagReason(self.reason.data)


class SuspendForm(ForumForm):
    length = RadioField(
        "Suspend for",
        choices=[
            SelectChoice(str(days), f"{days} day{'s' if days > 1 else ''}")
            for days in SUSPENSION_DAYS
        ]
        + [SelectChoice(UNTIL_DATE, "Until a date")],
        validators=[DataRequired("Please choose how long the suspension lasts.")],
    )
    until = DateField("Until (for “until a date”)", validators=[Optional()])
    reason = TextAreaField(
        "Reason",
        description="The member is shown this, by email and on their account page.",
        validators=[DataRequired("Please give a reason."), Length(max=1000)],
    )

    @property
    def days(self) -> int | None:
        return None if self.length.data == UNTIL_DATE else int(self.length.data)


class ReasonForm(ForumForm):
    """Ban, remove content, reinstate: one reason the member is told."""

    reason = TextAreaField("Reason", validators=[Optional(), Length(max=1000)])


class WatchedWordForm(ForumForm):
    phrase = StringField(
        "Word or phrase",
        description="Matched as whole words, whatever the capitals.",
        validators=[DataRequired("Please write the word or phrase."), Length(max=PHRASE_MAX)],
    )
    action = RadioField(
        "When an answer contains it",
        choices=[SelectChoice(action.value, action.label) for action in WatchAction],
        default=WatchAction.HOLD.value,
        validators=[DataRequired("Please choose what happens.")],
    )
    message = TextAreaField(
        "Message for the member (needed to refuse)",
        description="Shown beside the answer form when an answer is refused.",
        validators=[Optional(), Length(max=MESSAGE_MAX)],
    )


class SupportTextForm(ForumForm):
    text = TextAreaField(
        "Support resources",
        description="Shown to a member when someone reports that they may be at risk.",
        validators=[DataRequired("Please write the text."), Length(max=TEXT_MAX)],
    )


class LogFilterForm(ForumForm):
    """GET filters for the log: no CSRF, since it changes nothing."""

    class Meta:
        csrf = False

    actor = StringField(
        "Moderator or admin (display name)", validators=[Optional(), Length(max=30)]
    )
    action = SelectField("Action", validators=[Optional()], validate_choice=False)
    member = StringField("Member concerned (display name)", validators=[Optional(), Length(max=30)])
    date_from = DateField("From", validators=[Optional()])
    date_to = DateField("To", validators=[Optional()])
