"""The check-in form: for each treatment report, still taking it, how it is going, and when
and why they stopped."""

from __future__ import annotations

from wtforms import FieldList, Form, FormField, HiddenField, RadioField, SelectChoice, SelectField
from wtforms.validators import InputRequired, Optional, Regexp

from forum.answers.forms import MONTH_CHOICES, year_choices
from forum.answers.models import Month, Outcome, StopReason, TreatmentReport
from forum.answers.services import MAX_TREATMENTS
from forum.database import utcnow
from forum.outcomes.services import ReportUpdate, report_key
from forum.web.request_input import ForumForm

YES, NO = "yes", "no"


class ReportCheckInForm(Form):
    """One treatment report. Without JavaScript every question is on the page, so what is
    said about stopping is simply ignored for a treatment they still take."""

    key = HiddenField()  # services.report_key of the report this row is about
    still_using = RadioField(
        "Are you still taking it?",
        choices=[SelectChoice(YES, "Yes"), SelectChoice(NO, "No")],
        validate_choice=False,  # checked in validate(), with words for people
        validators=[InputRequired("Please say whether you are still taking it.")],
    )
    outcome = RadioField(
        "How is it going now?",
        choices=[SelectChoice(outcome.value, outcome.label) for outcome in Outcome],
        validate_choice=False,
        validators=[InputRequired("Please say how it is going now.")],
    )
    stopped_month = SelectField(
        "Month", choices=MONTH_CHOICES, default="", invalid_choice_message="Please choose a month."
    )
    stopped_year = SelectField(
        "Year", default="", invalid_choice_message="Please choose a year from the list."
    )
    stop_reason = RadioField(
        "Why did you stop?",
        choices=[SelectChoice("", "I'd rather not say")]
        + [SelectChoice(reason.value, reason.label) for reason in StopReason],
        default="",
        invalid_choice_message="Please choose one of the reasons.",
    )
    # The report this row is about, set by CheckInForm.describe; None when the answer no
    # longer has it (an edit in another tab).
    report: TreatmentReport | None = None

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not self.still_using.errors and self.still_using.data not in (YES, NO):
            self.still_using.errors = ["Please choose Yes or No."]
            valid = False
        if not self.outcome.errors and self.outcome.data not in {o.value for o in Outcome}:
            self.outcome.errors = ["Please choose how it is going now."]
            valid = False
        if self.still_using.data == NO and not self._validate_stop_month():
            valid = False
        return valid

    def _validate_stop_month(self) -> bool:
        if self.stopped_month.errors or self.stopped_year.errors:
            return False
        if bool(self.stopped_month.data) != bool(self.stopped_year.data):
            self.stopped_year.errors = ["Please choose both the month and the year."]
            return False
        stopped = self.stopped
        if stopped is None:
            return True
        if stopped.number > Month.of(utcnow()).number:
            self.stopped_year.errors = ["Please choose a month that has already begun."]
            return False
        started = self.report.started_in if self.report is not None else None
        if started is not None and stopped.number < started:
            self.stopped_year.errors = ["The month you stopped is before the month you started."]
            return False
        return True

    @property
    def stopped(self) -> Month | None:
        """The month chosen (the selects hold only the numbers offered, once validated)."""
        month, year = self.stopped_month.data, self.stopped_year.data
        if not (month and year):
            return None
        return Month(int(year), int(month))

    def to_update(self) -> ReportUpdate:
        still_using = self.still_using.data == YES
        return ReportUpdate(
            still_using=still_using,
            outcome=Outcome(self.outcome.data),
            stopped=None if still_using else self.stopped,
            stop_reason=(
                StopReason(self.stop_reason.data)
                if self.stop_reason.data and not still_using
                else None
            ),
        )


class CheckInForm(ForumForm):
    reports = FieldList(FormField(ReportCheckInForm), max_entries=MAX_TREATMENTS)
    # The version of the answer the member saw, for compare-and-set.
    version = HiddenField(
        validators=[
            Optional(),
            Regexp(r"^\d{1,9}$", message="Please reload the page and try again."),
        ]
    )

    @classmethod
    def for_answer(cls, answer, chosen: dict[str, dict] | None = None) -> CheckInForm:
        """The form for ANSWER's reports as they stand; CHOSEN (by report key) keeps what the
        member already picked for a report the answer still has."""
        chosen = chosen or {}
        rows = [
            {**_values_of(report), **chosen.get(report_key(report), {})}
            for report in answer.treatment_reports
        ]
        form = cls(formdata=None, data={"reports": rows, "version": str(answer.version)})
        form.describe(answer.treatment_reports)
        return form

    def describe(self, reports: list[TreatmentReport]) -> None:
        """Tie each row to its report (for its name, and its start month), and offer the years."""
        by_key = {report_key(report): report for report in reports}
        years = year_choices()
        for row in self.reports:
            row.form.report = by_key.get(row.form.key.data)
            row.form.stopped_year.choices = years

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        keys = [row.form.key.data for row in self.reports]
        if len(set(keys)) != len(keys):
            self.version.errors = [
                *self.version.errors,
                "Something in the form was damaged. Please reload the page and try again.",
            ]
            valid = False
        return valid

    def updates(self) -> dict[str, ReportUpdate]:
        return {row.form.key.data: row.form.to_update() for row in self.reports}

    def chosen(self) -> dict[str, dict]:
        """What the member picked, by report key, to keep when the form is drawn again."""
        return {row.form.key.data: _picked(row.form) for row in self.reports}


def _values_of(report: TreatmentReport) -> dict[str, str]:
    stopped = report.stopped
    return {
        "key": report_key(report),
        "still_using": {True: YES, False: NO}.get(report.still_using, ""),
        "outcome": report.outcome.value,
        "stopped_month": str(stopped.month) if stopped else "",
        "stopped_year": str(stopped.year) if stopped else "",
        "stop_reason": report.stop_reason.value if report.stop_reason else "",
    }


def _picked(row: ReportCheckInForm) -> dict[str, str]:
    names = ("still_using", "outcome", "stopped_month", "stopped_year", "stop_reason")
    return {name: getattr(row, name).data or "" for name in names}
