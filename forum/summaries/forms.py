"""Forms check shape only; the rules (who may, in which state) live in the services."""

from __future__ import annotations

from wtforms import (
    DateField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from forum.flags.models import FlagReason, FlagStatus
from forum.summaries.reports import PROBLEM_REASONS, RESOLUTIONS
from forum.summaries.services import ReferenceInput, SummaryInput
from forum.web.request_input import ForumForm

# Blank reference rows offered below the filled ones, so nobody needs JavaScript to add one.
SPARE_REFERENCE_ROWS = 2
MAX_REFERENCES = 30


class ReportProblemForm(ForumForm):
    reason = RadioField(
        "What kind of problem is it?",
        choices=[SelectChoice(reason.value, label) for reason, label in PROBLEM_REASONS.items()],
        default=FlagReason.SUMMARY_ERROR.value,
        validators=[DataRequired("Please choose what kind of problem it is.")],
    )
    note = TextAreaField(
        "What is wrong or out of date?",
        description="For example a claim you think is wrong, or a link that no longer works.",
        validators=[DataRequired("Please describe the problem."), Length(min=10, max=2000)],
    )

    @property
    def chosen_reason(self) -> FlagReason:
        return FlagReason(self.reason.data)


class ReferenceForm(Form):
    """One numbered source; a row left blank is ignored."""

    title = StringField("Title", validators=[Optional(), Length(max=300)])
    url = StringField(
        "Link", description="Starts with https://", validators=[Optional(), Length(max=500)]
    )
    publisher = StringField("Publisher", validators=[Optional(), Length(max=200)])
    year = IntegerField(
        "Year", validators=[Optional(), NumberRange(min=1800, max=2200, message="Not a year.")]
    )

    @property
    def is_blank(self) -> bool:
        texts = (self.title.data, self.url.data, self.publisher.data)
        return not any((text or "").strip() for text in texts) and self.year.data is None


class SummaryForm(ForumForm):
    short_answer = TextAreaField(
        "Short answer",
        description="One or two plain sentences that answer the question directly.",
        validators=[DataRequired("Please write the short answer."), Length(max=500)],
    )
    body = TextAreaField(
        "Summary",
        description="Markdown: **bold**, *italic*, lists and links. Headings start at ###.",
        validators=[DataRequired("Please write the summary."), Length(max=20_000)],
    )
    key_points = TextAreaField(
        "Key points", description="One point per line.", validators=[Length(max=3000)]
    )
    change_note = TextAreaField(
        "What changed in this draft",
        description="For the reviewer; they confirm or rewrite it when they publish.",
        validators=[Length(max=1000)],
    )
    references = FieldList(FormField(ReferenceForm), max_entries=MAX_REFERENCES)

    def add_spare_references(self) -> None:
        for _ in range(SPARE_REFERENCE_ROWS):
            if len(self.references) < MAX_REFERENCES:
                self.references.append_entry()

    def content(self) -> SummaryInput:
        return SummaryInput(
            short_answer=self.short_answer.data or "",
            body=self.body.data or "",
            key_points=self.key_points.data or "",
            change_note=self.change_note.data or "",
            references=tuple(
                ReferenceInput(
                    title=entry.title.data or "",
                    url=entry.url.data or "",
                    publisher=entry.publisher.data or "",
                    year=entry.year.data,
                )
                for entry in (row.form for row in self.references)
                if not entry.is_blank
            ),
        )


class ActionForm(ForumForm):
    """A button that changes something: only the CSRF token to check."""


class ReturnForm(ForumForm):
    comments = TextAreaField(
        "Comments for the writer",
        description="What needs to change before this can be published.",
        validators=[DataRequired("Please tell the writer what to change."), Length(max=5000)],
    )


class PublishForm(ForumForm):
    change_note = TextAreaField(
        "What changed at this review",
        description="Shown to readers in the summary's history, for example "
        "“Added the 2026 treatment guideline.”",
        validators=[DataRequired("Please say what changed."), Length(max=1000)],
    )
    next_review_due = DateField(
        "Next review due",
        description="Leave empty for the usual interval.",
        validators=[Optional()],
    )


class ResolveReportForm(ForumForm):
    outcome = SelectField(
        "Outcome",
        choices=[SelectChoice(status.value, label) for status, label in RESOLUTIONS.items()],
        validators=[DataRequired()],
    )
    note = TextAreaField(
        "Reply to the reader",
        description="The reader who reported the problem sees this reply.",
        validators=[DataRequired("Please write a reply."), Length(max=2000)],
    )

    @property
    def chosen_outcome(self) -> FlagStatus:
        return FlagStatus(self.outcome.data)


class ReviewerProfileForm(ForumForm):
    full_name = StringField(
        "Full name", validators=[DataRequired("Please give your full name."), Length(max=120)]
    )
    credentials = StringField(
        "Credentials",
        description="For example MD, PharmD or RN.",
        validators=[DataRequired("Please give your credentials."), Length(max=120)],
    )
    specialty = StringField(
        "Specialty", description="For example neurology.", validators=[Length(max=120)]
    )
    conflict_of_interest = TextAreaField(
        "Conflicts of interest",
        description="Payments, grants or roles that readers should know about, or “None”.",
        validators=[
            DataRequired("Please write a statement, even if it is “None”."),
            Length(max=2000),
        ],
    )


class ClaimForm(ForumForm):
    """A passage of the published summary and the treatments it names; the view sets the
    treatments' choices from the condition's vocabulary."""

    passage = TextAreaField(
        "Passage",
        description="Copy it from the published summary, word for word, as readers see it.",
        validators=[DataRequired("Please copy the passage from the summary."), Length(max=2000)],
    )
    treatments = SelectMultipleField(
        "Treatments it names",
        coerce=int,
        # InputRequired, not DataRequired: that one would hide why a sent value was refused.
        validators=[InputRequired("Please choose at least one treatment the passage names.")],
        invalid_value_message="Please choose treatments from the list.",
        invalid_choice_message="Please choose treatments from the list (not “%(value)s”).",
    )


class ResolveTaskForm(ForumForm):
    note = TextAreaField(
        "Your note",
        description="What you checked and what you decided. Other reviewers read it in the "
        "moderation log. Needed unless you start a new draft.",
        validators=[Length(max=2000)],
    )
    # The second button: resolve by starting (or opening) the summary's working draft.
    start_draft = SubmitField("Start a new draft")
