"""The structured answer form: text, perspective, time since diagnosis, treatments, privacy."""

from __future__ import annotations

import enum

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

from forum.answers.models import (
    Access,
    Month,
    Outcome,
    Severity,
    StopReason,
    TimeSinceDiagnosis,
    TimeToHelp,
    Visibility,
)
from forum.answers.services import BODY_MAX, BODY_MIN, DOSE_MAX, AnswerDraft, TreatmentEntry
from forum.conditions.models import Condition, Perspective
from forum.database import utcnow
from forum.web.request_input import ForumForm, is_database_id

OTHER = "other"
OUTCOME_VALUES = {outcome.value for outcome in Outcome}
TREATMENT_ROWS = 3
YEARS_BACK = 60  # how far back "when did you start" reaches
MONTH_CHOICES = [SelectChoice("", "Month")] + [
    SelectChoice(str(number), Month(2000, number).label.split()[0]) for number in range(1, 13)
]


def coded_choices(codes: type[enum.Enum], blank: str = "Prefer not to say") -> list:
    """A select's choices for a coded answer: blank first, then each code's words."""
    return [SelectChoice("", blank)] + [SelectChoice(code.value, code.label) for code in codes]


def coded(codes: type[enum.Enum], value: str | None):
    """The code chosen in a select, or None for the blank choice (or a value we never offered:
    the selects are not checked against their choices, so a damaged form is simply ignored)."""
    try:
        return codes(value) if value else None
    except ValueError:
        return None


def year_choices() -> list:
    this_year = utcnow().year
    years = range(this_year, this_year - YEARS_BACK, -1)
    return [SelectChoice("", "Year")] + [SelectChoice(str(year), str(year)) for year in years]


class SeverityForm(Form):
    """How bad one side effect of the condition's vocabulary was; blank: didn't have it."""

    side_effect = HiddenField()
    severity = SelectField(
        "Side effect",
        validate_choice=False,
        choices=coded_choices(Severity, blank="Didn't have it"),
    )


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
    # The optional details, behind "More about this treatment".
    started_month = SelectField("Month you started", validate_choice=False, choices=MONTH_CHOICES)
    started_year = SelectField("Year you started", validate_choice=False)
    stopped_month = SelectField("Month you stopped", validate_choice=False, choices=MONTH_CHOICES)
    stopped_year = SelectField("Year you stopped", validate_choice=False)
    stop_reason = SelectField(
        "Why did you stop?", validate_choice=False, choices=coded_choices(StopReason)
    )
    time_to_help = SelectField(
        "How long until it helped?", validate_choice=False, choices=coded_choices(TimeToHelp)
    )
    access = SelectField(
        "How hard was it to get?", validate_choice=False, choices=coded_choices(Access)
    )
    dose = StringField(
        "Dose (medicines only)",
        description="What you took, if you want to say. Everyone's dose is set with their own "
        "doctor: please don't take another member's dose as advice.",
        validators=[Optional(), Length(max=DOSE_MAX)],
    )
    severities = FieldList(FormField(SeverityForm), max_entries=40)
    # Which treatments of the vocabulary are medicines: set by AnswerForm.offer_vocabulary.
    medicine_ids: frozenset[int] = frozenset()

    @property
    def is_blank(self) -> bool:
        return not self.treatment.data

    @property
    def has_details(self) -> bool:
        """Whether the "more" part holds anything, so it is shown open."""
        chosen = (
            self.started_year.data,
            self.stopped_year.data,
            self.stop_reason.data,
            self.time_to_help.data,
            self.access.data,
            self.dose.data,
        )
        return any(chosen) or any(entry.form.severity.data for entry in self.severities)

    @property
    def detail_errors(self) -> bool:
        detail_fields = (
            self.started_month,
            self.started_year,
            self.stopped_month,
            self.stopped_year,
            self.stop_reason,
            self.dose,
        )
        return any(f.errors for f in detail_fields)

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
        return self._validate_details()

    def _validate_details(self) -> bool:
        valid = True
        for month, year in (
            (self.started_month, self.started_year),
            (self.stopped_month, self.stopped_year),
        ):
            if not _month_of(month.data, year.data) and (month.data or year.data):
                year.errors = [*year.errors, "Please choose both the month and the year."]
                valid = False
        started = _month_of(self.started_month.data, self.started_year.data)
        stopped = _month_of(self.stopped_month.data, self.stopped_year.data)
        if started and stopped and stopped.number < started.number:
            self.stopped_year.errors = [
                *self.stopped_year.errors,
                "The month you stopped is before the month you started.",
            ]
            valid = False
        this_month = Month.of(utcnow()).number
        for year, when in ((self.started_year, started), (self.stopped_year, stopped)):
            if when and when.number > this_month:
                year.errors = [*year.errors, "Please choose a month that has already begun."]
                valid = False
        if self.still_using.data == "yes" and (stopped or self.stop_reason.data):
            self.still_using.errors = [
                *self.still_using.errors,
                "You said you still use it, and also when or why you stopped: which is it?",
            ]
            valid = False
        if (self.dose.data or "").strip() and not self._is_medicine():
            self.dose.errors = [*self.dose.errors, "A dose can be given for medicines only."]
            valid = False
        return valid

    def _is_medicine(self) -> bool:
        chosen = self.treatment.data
        return is_database_id(chosen) and int(chosen) in self.medicine_ids

    def to_entry(self) -> TreatmentEntry:
        chosen = self.treatment.data
        return TreatmentEntry(
            outcome=Outcome(self.outcome.data),
            treatment_id=None if chosen == OTHER else int(chosen),
            other_name=self.other_name.data if chosen == OTHER else None,
            side_effects=self.side_effects.data or "",
            still_using={"yes": True, "no": False}.get(self.still_using.data),
            started=_month_of(self.started_month.data, self.started_year.data),
            stopped=_month_of(self.stopped_month.data, self.stopped_year.data),
            stop_reason=coded(StopReason, self.stop_reason.data),
            time_to_help=coded(TimeToHelp, self.time_to_help.data),
            access=coded(Access, self.access.data),
            dose=(self.dose.data or "").strip(),
            side_effect_severities=tuple(
                (int(entry.form.side_effect.data), severity)
                for entry in self.severities
                if (severity := coded(Severity, entry.form.severity.data))
            ),
        )

    def offer_side_effects(self, side_effects: list[tuple[int, str]]) -> None:
        """One severity select per side effect of the vocabulary, in its order, keeping what
        was chosen; a side effect we did not offer is dropped."""
        chosen = {
            entry.form.side_effect.data: entry.form.severity.data for entry in self.severities
        }
        while self.severities.entries:
            self.severities.pop_entry()
        for side_effect_id, name in side_effects:
            entry = self.severities.append_entry(
                {"side_effect": str(side_effect_id), "severity": chosen.get(str(side_effect_id))}
            )
            entry.form.severity.label.text = name


def _month_of(month: str | None, year: str | None) -> Month | None:
    """The month chosen in a month select and a year select, when both are sensible numbers."""
    if not (month and year and month.isdigit() and year.isdigit()):
        return None
    number, year_number = int(month), int(year)
    if not 1 <= number <= 12 or not 1900 <= year_number <= utcnow().year:
        return None
    return Month(year_number, number)


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
    wants_check_ins = BooleanField(
        "Ask me later whether it is still working",
        description="3, 6 and 12 months from now we will ask, on the site and by email as you "
        "chose in your settings, whether anything changed: a one-page update that helps the "
        "next reader. You can stop it any time by editing your answer.",
    )
    privacy_checked = HiddenField()

    def offer_vocabulary(self, condition: Condition) -> None:
        """The condition's treatments, then "other", and its side effects, for every row."""
        treatments = condition.treatments
        choices = [SelectChoice("", "Choose a treatment")]
        choices += [SelectChoice(str(t.id), t.name) for t in treatments]
        choices.append(SelectChoice(OTHER, "Other (type its name)"))
        medicine_ids = frozenset(t.id for t in treatments if t.is_medicine)
        side_effects = [(effect.id, effect.name) for effect in condition.side_effects]
        years = year_choices()
        for row in self.treatments:
            row.form.treatment.choices = choices
            row.form.medicine_ids = medicine_ids
            row.form.started_year.choices = years
            row.form.stopped_year.choices = years
            row.form.offer_side_effects(side_effects)

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
            wants_check_ins=self.wants_check_ins.data,
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
            **_month_data("started", report.started),
            **_month_data("stopped", report.stopped),
            "stop_reason": report.stop_reason.value if report.stop_reason else "",
            "time_to_help": report.time_to_help.value if report.time_to_help else "",
            "access": report.access.value if report.access else "",
            "dose": report.dose,
            "severities": [
                {"side_effect": str(reported.side_effect_id), "severity": reported.severity.value}
                for reported in report.side_effect_reports
            ],
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
        "wants_check_ins": answer.wants_check_ins,
        "version": str(answer.version),
    }


def _month_data(prefix: str, month: Month | None) -> dict[str, str]:
    if month is None:
        return {f"{prefix}_month": "", f"{prefix}_year": ""}
    return {f"{prefix}_month": str(month.month), f"{prefix}_year": str(month.year)}
