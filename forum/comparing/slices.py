"""Whose answers a treatment page counts (its perspective and time-since-diagnosis filters),
and the slices of a figure that those filters pick: the figures are protected across every
slice at once, so that no two views can be subtracted to reveal a small count."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement

from forum.answers.models import Answer, TimeSinceDiagnosis
from forum.comparing.disclosure import TOTAL
from forum.conditions.models import Perspective

# The slices of the figures a treatment page's filters pick: each perspective, and each time
# since diagnosis, including answers that gave none (they count in the unfiltered figures).
PERSPECTIVES = tuple(Perspective)
NOT_GIVEN = "not_given"
DIAGNOSES: tuple[TimeSinceDiagnosis | str, ...] = (*TimeSinceDiagnosis, NOT_GIVEN)
HELPED = "helped"  # helped a lot or somewhat


@dataclass(frozen=True)
class Filters:
    """Whose answers a treatment page's figures and list count: ?perspective=caregiver
    &diagnosis=3_to_5_years. None is everyone."""

    perspective: Perspective | None = None
    diagnosis: TimeSinceDiagnosis | None = None

    @property
    def is_filtered(self) -> bool:
        return self.perspective is not None or self.diagnosis is not None

    @property
    def slice(self) -> tuple:
        """The coordinates of these answers in a table crossed by perspective and diagnosis."""
        return (self.perspective or TOTAL, self.diagnosis or TOTAL)

    def query_args(self) -> dict[str, str]:
        values = {
            "perspective": self.perspective and self.perspective.value,
            "diagnosis": self.diagnosis and self.diagnosis.value,
        }
        return {name: value for name, value in values.items() if value}

    def form_values(self) -> dict[str, str]:
        """What the filter form shows as chosen, "" for "any"."""
        return {
            "perspective": self.perspective.value if self.perspective else "",
            "diagnosis": self.diagnosis.value if self.diagnosis else "",
        }

    @property
    def description(self) -> str:
        """Whose answers, in words: "caregivers, diagnosed 3 to 5 years ago" ("" for all)."""
        parts = []
        if self.perspective is not None:
            parts.append(self.perspective.label.lower() + "s")
        if self.diagnosis is not None:
            label = self.diagnosis.label
            parts.append(label[0].lower() + label[1:])
        return ", ".join(parts)

    def clauses(self) -> tuple[ColumnElement[bool], ...]:
        """The same choice as a WHERE clause on answers, for the lists of answers."""
        clauses = []
        if self.perspective is not None:
            clauses.append(Answer.perspective == self.perspective)
        if self.diagnosis is not None:
            clauses.append(Answer.time_since_diagnosis == self.diagnosis)
        return tuple(clauses)


EVERYONE = Filters()  # no filter: every answer counts
