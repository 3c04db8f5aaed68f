"""What members report over time, for one treatment: who still took it 6 and 12 months on, why
people stopped, side effects by how bad they were, how soon it helped and how hard it was to get.

The same answers count as for the treatment's other figures (forum/comparing/aggregates.py):
published answers on the condition's visible questions, members-only ones for signed-in readers
only. All of it comes from one statement, grouped SELECTs joined by UNION ALL, each grouped by
perspective and time since diagnosis as well: its size follows the vocabulary, never the number
of answers.

"Still took it at m months", of the reports that give a start month (months are stored as
numbers, so a duration is a subtraction):
- it *reached* m months when it started at least m months before this month and either is still
  used, or stopped at least m months after it started;
- it *stopped before* when it stopped less than m months after it started;
- otherwise (still used but started recently, or stopped without saying when) nobody knows yet,
  and the report is not counted. "X of Y": X reached, Y reached or stopped before.

Filters: each figure is counted for every perspective and every time since diagnosis (answers
that give none included) and protected as one table with all its margins
(disclosure.withheld through aggregates.protect_slices), so the figures for one filter can't be
subtracted from the plain page's to find a hidden one. "Stopped before" is never printed, but
is the difference of two printed numbers, so it takes part as a cell like any other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Integer,
    String,
    case,
    cast,
    func,
    literal,
    literal_column,
    null,
    select,
    type_coerce,
    union_all,
)

from forum.accounts.models import User
from forum.answers.models import (
    Access,
    Answer,
    AnswerStatus,
    Month,
    ReportedSideEffect,
    Severity,
    StopReason,
    TimeToHelp,
    TreatmentReport,
)
from forum.comparing.aggregates import (
    Figure,
    Protected,
    diagnosis_of,
    protect_slices,
    readable_by,
    treatment_scope,
)
from forum.comparing.disclosure import TOTAL
from forum.comparing.slices import Filters
from forum.conditions.models import Perspective, SideEffect, Treatment
from forum.database import db, utcnow

MONTHS = (6, 12)


class Reached(enum.Enum):
    """Where a report stands m months after it started."""

    YES = "reached"
    STOPPED_BEFORE = "stopped_before"


@dataclass(frozen=True)
class StillTaking:
    """ "X of Y still took it at m months"."""

    months: int
    still: Figure  # reached m months, a share of `known`
    known: Figure  # reached them or stopped before

    @property
    def sentence(self) -> str:
        still, known, months = self.still, self.known, self.months
        at = f"still took it at {months} months"
        if known.value == 0:
            return f"No answer says yet whether they {at}."
        if known.is_few:
            return f"Fewer than {known.threshold} answers say whether they {at}."
        if known.not_shown:
            if still.is_hidden:
                return f"How many {at} is not shown."
            return f"{still.text} {at}; how many answers say is not shown."
        if still.not_shown and not still.is_few:
            return f"How many of {known.text} {at} is not shown."
        share = f" ({still.share}%)" if still.share is not None else ""
        return f"{_capital(still.text)} of {known.text}{share} {at}."


@dataclass(frozen=True)
class CodedTally:
    """Counts for each value of one coded answer (why they stopped, say), and their total."""

    rows: tuple[tuple[Any, Figure], ...]  # (the value, its count as a share of the total)
    total: Figure


@dataclass(frozen=True)
class SideEffectSeverities:
    name: str
    by_severity: tuple[tuple[Severity, Figure], ...]  # mild, moderate, severe
    total: Figure


@dataclass(frozen=True)
class OverTime:
    threshold: int
    filters: Filters
    still: tuple[StillTaking, ...]  # at 6 and at 12 months
    stop_reasons: CodedTally
    time_to_help: CodedTally
    access: CodedTally
    side_effects: tuple[SideEffectSeverities, ...]  # those anyone named, in vocabulary order


# Stored strings, not enums: every branch of the UNION shares these columns.
_PERSPECTIVE = type_coerce(Answer.perspective, String)
_DIAGNOSIS = type_coerce(Answer.time_since_diagnosis, String)
_CODED = {
    "stop_reason": (TreatmentReport.stop_reason, StopReason),
    "time_to_help": (TreatmentReport.time_to_help, TimeToHelp),
    "access": (TreatmentReport.access, Access),
}


def this_month() -> int:
    now = utcnow()
    return Month(now.year, now.month).number


def over_time(
    treatment: Treatment, viewer: User, threshold: int, filters: Filters | None = None
) -> OverTime:
    """The treatment's figures over time, for the answers FILTERS choose, in one query."""
    filters = filters or Filters()
    where = (
        *treatment_scope(treatment),
        Answer.status == AnswerStatus.PUBLISHED,
        *readable_by(viewer),
    )
    branches = [_still_counts(where, months, this_month()) for months in MONTHS]
    branches += [_coded_counts(where, kind, column) for kind, (column, _) in _CODED.items()]
    branches.append(_side_effect_counts(where))
    rows = db.session.execute(union_all(*branches)).all()
    return _arrange(rows, threshold, filters)


def _reports(where, *columns):
    return (
        select(*columns)
        .select_from(TreatmentReport)
        .join(Answer, Answer.id == TreatmentReport.answer_id)
        .where(*where)
    )


def _counted(kind: str, item, name, position, label):
    """The columns of every branch, in this order: kind, item (a side effect's id or the
    months), name, position, label (the coded value), perspective, diagnosis and N, the
    distinct reports."""
    return (
        literal(kind, String).label("kind"),
        item,
        name,
        position,
        label.label("label"),
        _PERSPECTIVE.label("perspective"),
        _DIAGNOSIS.label("diagnosis"),
        func.count(func.distinct(TreatmentReport.id)).label("n"),
    )


_SLICE_GROUP = (Answer.perspective, Answer.time_since_diagnosis)


def _nothing(type_):
    return cast(null(), type_)


def _still_counts(where, months: int, now: int):
    # Constants written into the statement, not bound: PostgreSQL must see the CASE it groups
    # by as the very expression it selects.
    m, started_by = literal_column(str(int(months))), literal_column(str(int(now - months)))
    duration = TreatmentReport.stopped_in - TreatmentReport.started_in
    stopped = TreatmentReport.stopped_in.is_not(None)
    long_ago = TreatmentReport.started_in <= started_by
    still_using = TreatmentReport.still_using.is_(True) & TreatmentReport.stopped_in.is_(None)
    standing = case(
        (stopped & (duration < m), _quoted(Reached.STOPPED_BEFORE.value)),
        (long_ago & (still_using | (stopped & (duration >= m))), _quoted(Reached.YES.value)),
        else_=null(),
    )
    columns = _counted(f"still_{months}", m, _nothing(String), _nothing(Integer), standing)
    return (
        _reports(where, *columns)
        .where(TreatmentReport.started_in.is_not(None), standing.is_not(None))
        .group_by(standing, *_SLICE_GROUP)
    )


def _quoted(word: str):
    return literal_column(f"'{word}'", String)  # our own enum values: letters and underscores


def _coded_counts(where, kind: str, column):
    stored = type_coerce(column, String)
    columns = _counted(kind, _nothing(Integer), _nothing(String), _nothing(Integer), stored)
    return _reports(where, *columns).where(column.is_not(None)).group_by(column, *_SLICE_GROUP)


def _side_effect_counts(where):
    severity = type_coerce(ReportedSideEffect.severity, String)
    columns = _counted("side_effect", SideEffect.id, SideEffect.name, SideEffect.position, severity)
    return (
        _reports(where, *columns)
        .join(ReportedSideEffect, ReportedSideEffect.report_id == TreatmentReport.id)
        .join(SideEffect, SideEffect.id == ReportedSideEffect.side_effect_id)
        .group_by(
            SideEffect.id,
            SideEffect.name,
            SideEffect.position,
            ReportedSideEffect.severity,
            *_SLICE_GROUP,
        )
    )


def _arrange(rows, threshold: int, filters: Filters) -> OverTime:
    tables: dict[Any, dict[tuple, int]] = {}
    effects: dict[int, tuple[int, str]] = {}  # id -> (position, name)
    values = {kind: enum_ for kind, (_, enum_) in _CODED.items()}
    for kind, item, name, position, label, perspective, diagnosis, n in rows:
        if kind == "side_effect":
            table, value = ("side_effect", item), Severity(label)
            effects[item] = (position, name)
        elif kind.startswith("still_"):
            table, value = kind, Reached(label)
        else:
            table, value = kind, values[kind](label)
        cell = (value, Perspective(perspective), diagnosis_of(diagnosis))
        found = tables.setdefault(table, {})
        found[cell] = found.get(cell, 0) + n

    where = filters.slice

    def protected(table, measures: tuple) -> Protected:
        return protect_slices(tables.get(table, {}), measures, threshold)

    def coded(table, measures: tuple) -> CodedTally:
        counts, total = protected(table, measures), (TOTAL, *where)
        return CodedTally(
            rows=tuple((m, counts.figure((m, *where), of=total)) for m in measures),
            total=counts.figure(total),
        )

    still = []
    for months in MONTHS:
        counts, known = protected(f"still_{months}", tuple(Reached)), (TOTAL, *where)
        reached = counts.figure((Reached.YES, *where), of=known)
        still.append(StillTaking(months, reached, counts.figure(known)))
    side_effects = []
    for effect_id, (_, name) in sorted(effects.items(), key=lambda item: (item[1], item[0])):
        tally = coded(("side_effect", effect_id), tuple(Severity))
        side_effects.append(SideEffectSeverities(name, tally.rows, tally.total))
    return OverTime(
        threshold=threshold,
        filters=filters,
        still=tuple(still),
        stop_reasons=coded("stop_reason", tuple(StopReason)),
        time_to_help=coded("time_to_help", tuple(TimeToHelp)),
        access=coded("access", tuple(Access)),
        side_effects=tuple(side_effects),
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
