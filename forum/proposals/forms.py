"""Proposal forms: shape only. Whether a title repeats a question, whether a reason is given,
and who may decide are the services' business, so they hold from tests and the command line."""

from __future__ import annotations

from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from forum.proposals.models import QuestionProposal
from forum.proposals.services import DETAILS_MAX, REASON_MAX, TITLE_MAX
from forum.questions.models import Question
from forum.web.request_input import ForumForm, is_database_id

TITLE_TOO_LONG = f"Please keep the question under {TITLE_MAX} characters."


class ProposalForm(ForumForm):
    title = StringField(
        "Your question",
        description="As you would ask it of others with the condition, in one sentence.",
        validators=[
            DataRequired("Please write the question."),
            Length(max=TITLE_MAX, message=TITLE_TOO_LONG),
        ],
    )
    details = TextAreaField(
        "Why it matters to you (optional)",
        description="Only moderators read this. Please don't include anyone's contact details.",
        validators=[Optional(), Length(max=DETAILS_MAX)],
    )
    # The title the similar questions were shown for: sending it again unchanged means "I have
    # looked, propose it anyway"; a changed title is looked up again.
    shown_similar_for = HiddenField()

    @property
    def similar_seen(self) -> bool:
        return bool(self.title.data) and self.shown_similar_for.data == self.title.data


class PublishForm(ForumForm):
    title = StringField(
        "Question as it will be published",
        description="Correct the spelling or wording lightly if needed.",
        validators=[Optional(), Length(max=TITLE_MAX, message=TITLE_TOO_LONG)],
    )


class MergeForm(ForumForm):
    # Not validated against a list: the service says when the choice is not a question of the
    # proposal's condition, in words.
    question = SelectField("The existing question it asks the same as", validate_choice=False)

    @property
    def chosen_question_id(self) -> int | None:
        value = self.question.data
        return int(value) if is_database_id(value) else None


class DeclineForm(ForumForm):
    reason = TextAreaField(
        "Why it is not published",
        description="The member reads this.",
        validators=[Optional(), Length(max=REASON_MAX)],
    )


DECISION_FORMS: dict[str, type[ForumForm]] = {
    "publish": PublishForm,
    "merge": MergeForm,
    "decline": DeclineForm,
}


def decision_forms(
    proposal: QuestionProposal, questions: list[Question], submitted: str | None = None
) -> dict[str, ForumForm]:
    """The three decision forms of one proposal, by decision. Prefixed with the proposal, so a
    queue of many has unique field ids; only the SUBMITTED one reads the request."""
    forms = {}
    for decision, form_class in DECISION_FORMS.items():
        prefix = f"{decision}-{proposal.id}"
        if decision == submitted:
            forms[decision] = form_class(prefix=prefix)
        else:
            forms[decision] = form_class(prefix=prefix, formdata=None, title=proposal.title)
    forms["merge"].question.choices = [("", "Choose a question")] + [
        (str(question.id), question.title) for question in questions
    ]
    return forms
