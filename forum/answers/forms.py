"""The structured answer form: text, perspective, time since diagnosis, treatments, privacy."""

from __future__ import annotations

from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp

from forum.answers.models import Outcome, TimeSinceDiagnosis, Visibility
from forum.answers.services import BODY_MAX, BODY_MIN, AnswerDraft, TreatmentEntry
from forum.conditions.models import Perspective, Treatment
from forum.request_input import ForumForm, is_database_id

OTHER = "other"
OUTCOME_VALUES = {outcome.value for outcome in Outcome}
TREATMENT_ROWS = 3


class TreatmentRowForm(Form):
    """One treatment tried. A row left on "Choose a treatment" is simply ignored."""

    treatment = SelectField("Treatment", validate_choice=False)
    other_name = StringField("If other, its name", validators=[Optional(), Length(max=120)])
    # Blank rows are skipped, so choices are checked in validate() only for rows in use.
    outcome = SelectField(
        "How did it go?",
        validate_choice=False,
        choices=[SelectChoice("", "Choose…")]
        + [SelectChoice(outcome.value, outcome.label) for outcome in Outcome],
    )
    side_effects = StringField("Side effects, if any", validators=[Optional(), Length(max=300)])
    still_using = SelectField(
        "Still using it?",
        validate_choice=False,
        choices=[
            SelectChoice("", "Prefer not to say"),
            SelectChoice("yes", "Yes"),
            SelectChoice("no", "No"),
        ],
    )

    @property
    def is_blank(self) -> bool:
        return not self.treatment.data

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if self.is_blank:
            return True
        if self.outcome.data not in OUTCOME_VALUES:
            self.outcome.errors = [*self.outcome.errors, "Please say how it went."]
            return False
        if self.treatment.data == OTHER and not (self.other_name.data or "").strip():
            self.other_name.errors = [*self.other_name.errors, "Please name the treatment."]
            return False
        if self.treatment.data != OTHER and not is_database_id(self.treatment.data):
            self.treatment.errors = [*self.treatment.errors, "Please choose a treatment."]
            return False
        return True

    def to_entry(self) -> TreatmentEntry:
        chosen = self.treatment.data
        return TreatmentEntry(
            outcome=Outcome(self.outcome.data),
            treatment_id=None if chosen == OTHER else int(chosen),
            other_name=self.other_name.data if chosen == OTHER else None,
            side_effects=self.side_effects.data or "",
            still_using={"yes": True, "no": False}.get(self.still_using.data),
        )


class AnswerForm(ForumForm):
    body = TextAreaField(
        "Your experience",
        description=(
            "In your own words: what you tried, what helped, what didn't, and what you wish you "
            f"had known. {BODY_MIN} to {BODY_MAX:,} characters. You can use Markdown: "
            "*italic*, **bold**, lists and links."
        ),
        validators=[
            DataRequired("Please write about your experience."),
            Length(min=BODY_MIN, max=BODY_MAX),
        ],
    )
    perspective = RadioField(
        "You are writing as",
        choices=[
            SelectChoice(Perspective.PATIENT.value, "Someone who has the condition"),
            SelectChoice(Perspective.CAREGIVER.value, "A caregiver"),
        ],
        validators=[DataRequired("Please choose one.")],
    )
    time_since_diagnosis = SelectField(
        "Time since diagnosis",
        choices=[SelectChoice("", "Prefer not to say")]
        + [SelectChoice(bucket.value, bucket.label) for bucket in TimeSinceDiagnosis],
        validators=[Optional()],
    )
    treatments = FieldList(FormField(TreatmentRowForm), min_entries=TREATMENT_ROWS, max_entries=12)
    is_anonymous = BooleanField(
        "Post anonymously",
        description="Readers see “A member with this condition” instead of your display name. "
        "Moderators can still see who wrote it.",
    )
    visibility = RadioField(
        "Who can read the text",
        choices=[
            SelectChoice(Visibility.EVERYONE.value, "Everyone"),
            SelectChoice(Visibility.MEMBERS.value, "Signed-in members only"),
        ],
        default=Visibility.EVERYONE.value,
    )
    reason = StringField(
        "What did you change? (optional)", validators=[Optional(), Length(max=300)]
    )
    # The version the member edited, for compare-and-set; any other value is a damaged form.
    version = HiddenField(
        validators=[
            Optional(),
            Regexp(r"^\d{1,9}$", message="Please reload the page and try again."),
        ]
    )
    privacy_checked = HiddenField()

    def offer_treatments(self, treatments: list[Treatment]) -> None:
        """The condition's vocabulary, then "other", for every treatment row."""
        choices = [SelectChoice("", "Choose a treatment")]
        choices += [SelectChoice(str(t.id), t.name) for t in treatments]
        choices.append(SelectChoice(OTHER, "Other (type its name)"))
        for row in self.treatments:
            row.form.treatment.choices = choices

    def to_draft(self) -> AnswerDraft:
        return AnswerDraft(
            body=self.body.data or "",
            perspective=Perspective(self.perspective.data),
            time_since_diagnosis=(
                TimeSinceDiagnosis(self.time_since_diagnosis.data)
                if self.time_since_diagnosis.data
                else None
            ),
            treatments=[row.form.to_entry() for row in self.treatments if not row.form.is_blank],
            is_anonymous=self.is_anonymous.data,
            visibility=Visibility(self.visibility.data or Visibility.EVERYONE.value),
        )


def form_data_for(answer) -> dict:
    """The answer's current values, to fill the edit form."""
    rows = [
        {
            "treatment": str(report.treatment_id) if report.treatment_id else OTHER,
            "other_name": report.other_name or "",
            "outcome": report.outcome.value,
            "side_effects": report.side_effects,
            "still_using": {True: "yes", False: "no"}.get(report.still_using, ""),
        }
        for report in answer.treatment_reports
    ]
    return {
        "body": answer.body,
        "perspective": answer.perspective.value,
        "time_since_diagnosis": (
            answer.time_since_diagnosis.value if answer.time_since_diagnosis else ""
        ),
        "treatments": rows + [{}] * max(0, TREATMENT_ROWS - len(rows) + 1),
        "is_anonymous": answer.is_anonymous,
        "visibility": answer.visibility.value,
        "version": str(answer.version),
    }
