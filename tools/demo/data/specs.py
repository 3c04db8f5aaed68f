"""Shapes of the demo data: enums, dataclasses, outcome weights and small helpers."""

from __future__ import annotations

import enum
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from forum.accounts.models import Role
from forum.answers.models import Outcome
from forum.conditions.models import Perspective, TreatmentKind

# ---------------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------------


class Topic(enum.Enum):
    """What a question is about; answers draw their sentences from the matching fragments."""

    TREATMENTS = "treatments"
    FIRST_SYMPTOMS = "first_symptoms"
    DIAGNOSIS = "diagnosis"
    DAILY_LIFE = "daily_life"
    WORK_OR_SCHOOL = "work_or_school"


class Tendency(enum.Enum):
    """How members' reports about a treatment tend to go, as weights in OUTCOME_WEIGHTS."""

    OFTEN_HELPFUL = "often_helpful"
    MIXED = "mixed"
    MODEST = "modest"


# Weights for (helped a lot, helped somewhat, no change, made it worse).
OUTCOME_WEIGHTS: Mapping[Tendency, Mapping[Outcome, int]] = {
    Tendency.OFTEN_HELPFUL: {
        Outcome.HELPED_A_LOT: 40,
        Outcome.HELPED_SOMEWHAT: 38,
        Outcome.NO_CHANGE: 15,
        Outcome.MADE_IT_WORSE: 7,
    },
    Tendency.MIXED: {
        Outcome.HELPED_A_LOT: 18,
        Outcome.HELPED_SOMEWHAT: 37,
        Outcome.NO_CHANGE: 30,
        Outcome.MADE_IT_WORSE: 15,
    },
    Tendency.MODEST: {
        Outcome.HELPED_A_LOT: 10,
        Outcome.HELPED_SOMEWHAT: 40,
        Outcome.NO_CHANGE: 40,
        Outcome.MADE_IT_WORSE: 10,
    },
}


@dataclass(frozen=True)
class TreatmentSpec:
    name: str
    kind: TreatmentKind
    synonyms: tuple[str, ...]
    tendency: Tendency
    side_effects: tuple[str, ...] = ()

    @property
    def in_sentence(self) -> str:
        """The name as it reads mid-sentence: 'physical therapy', but 'IVIG' stays as it is."""
        if self.name[:2].isupper():
            return self.name
        return self.name[0].lower() + self.name[1:]


@dataclass(frozen=True)
class ReferenceSpec:
    title: str
    url: str
    publisher: str
    year: int


@dataclass(frozen=True)
class SummarySpec:
    short_answer: str
    body: str  # Markdown
    key_points: tuple[str, ...]
    references: tuple[ReferenceSpec, ...]


@dataclass(frozen=True)
class QuestionSpec:
    title: str
    topic: Topic
    summary: SummarySpec
    # Demo accounts that get no seeded answer here, so a person trying the demo can post one.
    left_open_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fragments:
    """Single sentences for one topic; answers are composed from a few of them."""

    patient_openers: tuple[str, ...]
    patient_details: tuple[str, ...]
    caregiver_lines: tuple[str, ...]  # may use {relative}


@dataclass(frozen=True)
class ConditionSpec:
    name: str
    slug: str
    description: str
    symptom: str  # as it reads mid-sentence: "the stiffness and spasms"
    treatments: tuple[TreatmentSpec, ...]
    questions: tuple[QuestionSpec, ...]
    fragments: Mapping[Topic, Fragments]


@dataclass(frozen=True)
class MembershipSpec:
    condition_slug: str
    relation: Perspective = Perspective.PATIENT
    diagnosed_year: int | None = None
    cares_for: str = ""  # caregivers: "daughter", "husband" ...


@dataclass(frozen=True)
class MemberSpec:
    display_name: str
    email: str
    memberships: tuple[MembershipSpec, ...]
    role: Role = Role.MEMBER


@dataclass(frozen=True)
class ReviewerProfileSpec:
    full_name: str
    credentials: str
    specialty: str
    conflict_of_interest: str


def _markdown(text: str) -> str:
    return textwrap.dedent(text).strip()


DEMO_NOTICE = (
    "*Demo content:* this summary is sample text written for trying out the forum. "
    "It is not medical advice; talk to your own doctor about your situation."
)
