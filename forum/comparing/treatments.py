"""Treatment pages: what members report about each treatment across a condition's questions,
for everyone or for the answers a filter picks (perspective, time since diagnosis); and the
condition's chart of how often each treatment was tried against how often it helped."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, joinedload

from forum.accounts.models import User
from forum.answers.models import Answer, AnswerStatus, TimeSinceDiagnosis, TreatmentReport
from forum.comparing.aggregates import (
    MembersReport,
    TreatmentTally,
    readable_by,
    treatment_report,
)
from forum.comparing.over_time import OverTime, over_time
from forum.comparing.paging import OneQueryPagination, paginate
from forum.comparing.slices import Filters
from forum.conditions.models import Perspective, Treatment
from forum.database import db
from forum.questions.models import Question, QuestionStatus

# What each filter's query parameter is called in a message about a value we could not use.
FILTER_PARAMETERS = {"perspective": "perspective", "diagnosis": "time since diagnosis"}


@dataclass(frozen=True)
class TreatmentPage:
    treatment: Treatment
    report: MembersReport
    over_time: OverTime
    pager: OneQueryPagination  # .items are treatment reports, each with its answer and question
    filters: Filters


def find_treatment(condition_id: int, treatment_id: int) -> Treatment | None:
    """The treatment, with its condition, if it belongs to that condition's vocabulary."""
    return db.session.scalar(
        select(Treatment)
        .where(Treatment.id == treatment_id, Treatment.condition_id == condition_id)
        .options(joinedload(Treatment.condition))
    )


def read_filters(args: Mapping[str, str]) -> tuple[Filters, list[str]]:
    """The filters a query string asks for, and a message for each value we could not use:
    an unknown value is left out (the page shows everyone's figures for it), never an error."""
    problems: list[str] = []

    def choice(name: str, options: Mapping[str, object]):
        value = (args.get(name) or "").strip()
        if not value:
            return None
        if value in options:
            return options[value]
        shown = value if len(value) <= 40 else value[:39] + "…"
        problems.append(
            f"We left out the {FILTER_PARAMETERS[name]} “{shown}”: it isn't one we know."
        )
        return None

    filters = Filters(
        perspective=choice("perspective", {p.value: p for p in Perspective}),
        diagnosis=choice("diagnosis", {d.value: d for d in TimeSinceDiagnosis}),
    )
    return filters, problems


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    """The options of each field of the filter form, "" for "any"."""
    return {
        "perspective": [("", "Any perspective"), *((p.value, p.label + "s") for p in Perspective)],
        "diagnosis": [("", "Any time"), *((d.value, d.label) for d in TimeSinceDiagnosis)],
    }


def treatment_page(
    treatment: Treatment,
    viewer: User,
    page: int,
    per_page: int,
    threshold: int,
    filters: Filters | None = None,
) -> TreatmentPage:
    """The treatment's figures, and one page of the published answers that name it, newest
    first, each with how it went for that member; all of them for the answers FILTERS pick."""
    filters = filters or Filters()
    shared_at = func.coalesce(Answer.published_at, Answer.created_at)
    query = (
        select(TreatmentReport)
        .join(Answer, Answer.id == TreatmentReport.answer_id)
        .join(Question, Question.id == Answer.question_id)
        .where(
            TreatmentReport.treatment_id == treatment.id,
            Answer.status == AnswerStatus.PUBLISHED,
            Question.condition_id == treatment.condition_id,
            Question.status != QuestionStatus.HIDDEN,
            *readable_by(viewer),
            *filters.clauses(),
        )
        .options(
            contains_eager(TreatmentReport.answer).contains_eager(Answer.question),
            contains_eager(TreatmentReport.answer).joinedload(Answer.author),
        )
        .order_by(shared_at.desc(), Answer.id.desc())
    )
    return TreatmentPage(
        treatment=treatment,
        report=treatment_report(treatment, viewer, threshold, filters),
        over_time=over_time(treatment, viewer, threshold, filters),
        pager=paginate(query, page, per_page),
        filters=filters,
    )


# The popularity chart: an SVG drawn from these numbers (no styles in it: static/css does).
CHART_WIDTH, CHART_HEIGHT = 640, 360
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 64, 600, 24, 300


@dataclass(frozen=True)
class ChartPoint:
    tally: TreatmentTally
    percent: int  # of the answers that name it, those where it helped a lot or somewhat
    x: float
    y: float

    @property
    def label_anchor(self) -> str:
        """Names near the right edge are written leftwards, so they stay inside the chart."""
        return "end" if self.x > (PLOT_LEFT + PLOT_RIGHT) / 2 else "start"


@dataclass(frozen=True)
class PopularityChart:
    points: tuple[ChartPoint, ...]
    left_out: tuple[TreatmentTally, ...]  # their figures are withheld: no point for them
    x_ticks: tuple[tuple[int, float], ...]  # (answers, x)
    y_ticks: tuple[tuple[int, float], ...]  # (percent, y)
    rows: tuple[TreatmentTally, ...]  # every treatment, for the table beside the chart

    width = CHART_WIDTH
    height = CHART_HEIGHT
    left, right, top, bottom = PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM


def helped_percent(tally: TreatmentTally) -> int | None:
    """The share of the answers naming it that say it helped, when every number behind it may
    be shown; None otherwise (such a treatment gets no point)."""
    helped = tally.helped
    if helped is None or tally.tried.is_hidden or helped.is_hidden or helped.of_not_shown:
        return None
    return round(100 * helped.value / tally.tried.value) if tally.tried.value else None


def popularity_chart(report: MembersReport) -> PopularityChart:
    """How many tried each treatment against how many of them it helped."""
    plotted = [(tally, helped_percent(tally)) for tally in report.treatments]
    shown = [(tally, percent) for tally, percent in plotted if percent is not None]
    most = max((tally.tried.value for tally, _ in shown), default=0)
    top = _round_up(most)
    step = _step(top)

    def x_of(value: float) -> float:
        return round(PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * value / top, 1)

    def y_of(percent: float) -> float:
        return round(PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * percent / 100, 1)

    return PopularityChart(
        points=tuple(
            ChartPoint(tally, percent, x_of(tally.tried.value), y_of(percent))
            for tally, percent in shown
        ),
        left_out=tuple(tally for tally, percent in plotted if percent is None),
        x_ticks=tuple((value, x_of(value)) for value in range(0, top + 1, step)),
        y_ticks=tuple((percent, y_of(percent)) for percent in range(0, 101, 25)),
        rows=tuple(report.treatments),
    )


def _round_up(value: int) -> int:
    """A round number for the end of the axis, at least VALUE (and at least 5)."""
    if value <= 5:
        return 5
    power = 10 ** int(math.log10(value))
    for multiple in (1, 2, 5, 10):
        if multiple * power >= value:
            return multiple * power
    return 10 * power


def _step(top: int) -> int:
    """Five marks along the axis, or six, at round numbers."""
    return max(1, top // 5)
