"""Side by side: two to four answers of one question, one column each, rows aligned by treatment.

The page reads `?a=12&a=40`: the GET form of the question page, or a shared link. Anything else
is explained on a page of its own, never a server error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from forum.accounts.models import User
from forum.answers.models import Answer, TreatmentReport
from forum.answers.permissions import can_read_answer, can_see_answer
from forum.answers.queries import card_loading
from forum.conditions.models import Treatment
from forum.core.errors import ForumError
from forum.database import db
from forum.questions.models import Question
from forum.web.request_input import is_database_id

COMPARE_MIN, COMPARE_MAX = 2, 4


class ComparisonError(ForumError):
    """The answers asked for can't be compared; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class TreatmentRow:
    name: str
    treatment: Treatment | None  # None: a treatment members named themselves
    reports: tuple[TreatmentReport | None, ...]  # one per answer, None where it isn't mentioned


@dataclass(frozen=True)
class Comparison:
    question: Question
    answers: list[Answer]
    treatments: list[TreatmentRow]


def read_answer_ids(values: Iterable[str]) -> list[int]:
    """The answer ids of the query string, in the order given, each once."""
    ids: list[int] = []
    for value in values:
        value = value.strip()
        if not is_database_id(value):
            raise ComparisonError("That link to a comparison is damaged: it names no answer.")
        if int(value) not in ids:
            ids.append(int(value))
    if len(ids) < COMPARE_MIN:
        raise ComparisonError(
            f"Please tick “Compare” on at least {COMPARE_MIN} answers, then choose "
            "“Compare selected answers”."
        )
    if len(ids) > COMPARE_MAX:
        raise ComparisonError(
            f"You can compare up to {COMPARE_MAX} answers at a time; you picked {len(ids)}. "
            "Please untick some and try again."
        )
    return ids


def compare_answers(question: Question, viewer: User, answer_ids: list[int]) -> Comparison:
    """The answers in the order asked for, if all of them belong to the question and the viewer
    may see each one; otherwise a ComparisonError that says so."""
    found = db.session.scalars(
        select(Answer)
        .where(Answer.id.in_(answer_ids), Answer.question_id == question.id)
        .options(*card_loading())
    ).all()
    seen = {answer.id: answer for answer in found if can_see_answer(viewer, answer)}
    if len(seen) != len(answer_ids):
        raise ComparisonError(
            "At least one of these answers is no longer available on this question, "
            "so they can't be shown side by side.",
            status=404,
        )
    if not all(can_read_answer(viewer, answer) for answer in seen.values()):
        # Not even its treatments and outcomes: they are the member's health as much as its text.
        raise ComparisonError(
            "At least one of these answers is shared with signed-in members only. "
            "Please sign in (with a confirmed email address) to compare it.",
            status=403,
        )
    answers = [seen[answer_id] for answer_id in answer_ids]
    return Comparison(question=question, answers=answers, treatments=_align(answers))


def _align(answers: list[Answer]) -> list[TreatmentRow]:
    """One row per treatment any of the answers names: the most shared first, then in the
    vocabulary's order, then treatments members named themselves, alphabetically."""
    rows: dict[tuple, list[TreatmentReport | None]] = {}
    for column, answer in enumerate(answers):
        for report in answer.treatment_reports:
            key = _key(report)
            rows.setdefault(key, [None] * len(answers))[column] = report

    def first(key: tuple) -> TreatmentReport:
        return next(report for report in rows[key] if report is not None)

    def order(key: tuple) -> tuple:
        treatment = first(key).treatment
        position = treatment.position if treatment is not None else float("inf")
        mentioned = sum(report is not None for report in rows[key])
        return (-mentioned, position, first(key).name.casefold())

    return [
        TreatmentRow(name=first(key).name.strip(), treatment=first(key).treatment,
                     reports=tuple(rows[key]))
        for key in sorted(rows, key=order)
    ]  # fmt: skip


def _key(report: TreatmentReport) -> tuple:
    if report.treatment_id is not None:
        return ("vocabulary", report.treatment_id)
    return ("other", (report.other_name or "").strip().casefold())
