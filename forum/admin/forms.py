"""Admin forms: shape only. Uniqueness and the rest are the services' business."""

from __future__ import annotations

from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from forum.admin.services import ConditionInput, QuestionInput, TreatmentInput
from forum.conditions.models import TreatmentKind
from forum.questions.models import QuestionStatus
from forum.web.request_input import ForumForm

SLUG_HINT = "The readable part of the address. Leave it empty to make one from the name."
QUESTION_STATUS_LABELS = {
    QuestionStatus.OPEN: "Open: shown, members may answer",
    QuestionStatus.CLOSED: "Closed: shown, no new answers",
    QuestionStatus.HIDDEN: "Hidden: taken down, not shown to readers",
}


class ConditionForm(ForumForm):
    name = StringField("Name", validators=[DataRequired("Please give a name."), Length(max=120)])
    slug = StringField("Address (slug)", description=SLUG_HINT, validators=[Length(max=120)])
    description = TextAreaField(
        "Description",
        description="One or two sentences for the home page.",
        validators=[Length(max=2000)],
    )

    def details(self) -> ConditionInput:
        return ConditionInput(
            name=self.name.data or "",
            slug=self.slug.data or "",
            description=self.description.data or "",
        )


class QuestionForm(ForumForm):
    title = StringField(
        "Question", validators=[DataRequired("Please write the question."), Length(max=200)]
    )
    slug = StringField("Address (slug)", description=SLUG_HINT, validators=[Length(max=200)])
    status = SelectField(
        "Status",
        choices=[
            SelectChoice(status.value, label) for status, label in QUESTION_STATUS_LABELS.items()
        ],
        coerce=QuestionStatus,
    )

    def details(self) -> QuestionInput:
        return QuestionInput(
            title=self.title.data or "", slug=self.slug.data or "", status=self.status.data
        )


class TreatmentForm(ForumForm):
    name = StringField("Name", validators=[DataRequired("Please give a name."), Length(max=120)])
    slug = StringField("Address (slug)", description=SLUG_HINT, validators=[Length(max=120)])
    kind = SelectField(
        "Kind",
        choices=[SelectChoice(kind.value, kind.label) for kind in TreatmentKind],
        coerce=TreatmentKind,
    )
    synonyms = TextAreaField(
        "Other names",
        description="Brand names and other spellings, separated by commas.",
        validators=[Length(max=2000)],
    )

    def details(self) -> TreatmentInput:
        return TreatmentInput(
            name=self.name.data or "",
            slug=self.slug.data or "",
            kind=self.kind.data,
            synonyms=self.synonyms.data or "",
        )


class MoveForm(ForumForm):
    direction = SelectField(
        "Direction", choices=[SelectChoice("up", "Up"), SelectChoice("down", "Down")]
    )


class WithdrawVerificationForm(ForumForm):
    reason = TextAreaField(
        "Why is the verification withdrawn?",
        validators=[DataRequired("Please give a reason."), Length(max=1000)],
    )


class SideEffectForm(ForumForm):
    name = StringField("Name", validators=[DataRequired("Please give a name."), Length(max=120)])
    slug = StringField("Address (slug)", description=SLUG_HINT, validators=[Length(max=120)])
