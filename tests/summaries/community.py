"""A community built by hand for the claims and divergence tests: a condition's treatments, a
question whose published summary names some of them, and members' answers counted by the test."""

from __future__ import annotations

from dataclasses import dataclass

from forum.answers.models import Answer, Outcome
from forum.conditions.models import Condition, Treatment
from forum.questions.models import Question
from forum.summaries.models import SummaryRevision

SHORT_ANSWER = "Muscle relaxants are the usual first step."
BODY = (
    "Most people start with **baclofen**. Some find that muscle relaxants ease stiffness.\n\n"
    "A few also need immune therapy."
)
KEY_POINTS = "Start low and go slow\nReview every year"


@dataclass(frozen=True)
class Community:
    condition: Condition
    question: Question
    revision: SummaryRevision  # the published summary: names baclofen, nothing else
    baclofen: Treatment
    diazepam: Treatment  # also called Valium
    gabapentin: Treatment

    @property
    def treatments(self) -> tuple[Treatment, ...]:
        return (self.baclofen, self.diazepam, self.gabapentin)


def build_community(make, body: str = BODY, **summary_fields) -> Community:
    condition = make.condition("Stiff Person Syndrome")
    baclofen = make.treatment(condition, "Baclofen")
    diazepam = make.treatment(condition, "Diazepam", synonyms="Valium")
    gabapentin = make.treatment(condition, "Gabapentin")
    question = make.question(condition, title="What helps with muscle stiffness?")
    revision = make.published_summary(
        question,
        short_answer=summary_fields.pop("short_answer", SHORT_ANSWER),
        body=body,
        key_points=summary_fields.pop("key_points", KEY_POINTS),
        **summary_fields,
    )
    return Community(condition, question, revision, baclofen, diazepam, gabapentin)


def answers_naming(make, question, treatment, *outcomes: Outcome, **fields) -> list[Answer]:
    """One published answer by a new member for each of OUTCOMES, each naming TREATMENT."""
    return [
        make.answer(question, treatments=[(treatment, outcome)], **fields) for outcome in outcomes
    ]
