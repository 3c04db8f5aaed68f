"""What members report: treatments, how they went and their side effects, counted by the database.

All the figures of one page come from a single query: grouped SELECTs (GROUP BY treatment and
outcome, GROUP BY treatment and side effect) joined by UNION ALL. Its cost follows the number of
treatments, and Python only arranges the few grouped rows it returns.

What counts:
- Published answers only, whoever reads: pending, hidden, rejected and deleted answers never
  count, not even for their authors or for moderators.
- Answers shared with members only count for signed-in readers. A signed-out reader does not get
  their text, so their figures leave those answers out as well.
- Treatments from the condition's vocabulary are grouped by their id. Treatments a member typed
  as "other" are grouped by name, ignoring case and spaces at either end; of the spellings
  members used, one in mixed case such as "Yoga" is shown rather than "YOGA" or "yoga". Counts
  are of distinct answers, so one member counts once per treatment and outcome (the answer
  service also refuses naming one treatment twice, ignoring case and spaces).
- Side effects are grouped per treatment in the same way (lower case, trimmed). A list typed into
  one field ("drowsiness, dizziness") stays one entry: splitting free text is guesswork.

Small numbers: in a rare disease, "1 member found it made things worse" can point at a person.
A count from 1 to threshold - 1 is shown as "fewer than <threshold>", without a percentage or a
bar; when fewer than the threshold tried a treatment, none of its outcomes is shown either.
Zero is shown as it is: it identifies nobody. A shown row total would give away its one hidden
cell by subtraction, so forum/comparing/disclosure.py withholds more cells where needed; those
read "not shown" (no percentage or bar either):
- on a question page, each treatment's outcomes and its "tried" total form one line;
- across a condition (its treatments page, and each treatment's page, which show the same
  figures), a treatment's figures are protected together with every slice the treatment page's
  filters show (perspective, time since diagnosis, both: one GROUP BY, then every margin), with
  "helped" (a lot or somewhat, the condition page's chart) and with the question pages' figures
  for it (each question's total and the condition's add up; the question pages' own choices are
  taken as they are). So no reader works a hidden figure out by subtracting one page or one
  filter from another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    cast,
    func,
    literal,
    not_,
    null,
    select,
    type_coerce,
    union_all,
)

from forum.accounts.models import User
from forum.accounts.standing import can_read_members_only
from forum.answers.models import (
    Answer,
    AnswerStatus,
    Outcome,
    TimeSinceDiagnosis,
    TreatmentReport,
    Visibility,
)
from forum.comparing.disclosure import TOTAL, crossed, fewer_than, withheld
from forum.comparing.slices import DIAGNOSES, EVERYONE, HELPED, NOT_GIVEN, PERSPECTIVES, Filters
from forum.conditions.models import Perspective, Treatment
from forum.database import db
from forum.questions.models import Question, QuestionStatus

TOP_SIDE_EFFECTS = 5


@dataclass(frozen=True)
class Figure:
    """A count as readers see it: exact; "fewer than N" when it is small enough to point at
    someone (or is part of a total that is); "not shown" when it was withheld so that a hidden
    count can't be worked out from it. Templates use `text`, `share` and `bar`, never the raw
    value."""

    value: int
    threshold: int
    of: int | None = None  # the total this is a part of, for percentages
    not_shown: bool = False  # withheld to protect another figure (forum/comparing/disclosure.py)
    few: bool = False  # part of a total that reads "fewer than N", so fewer than N too
    of_not_shown: bool = False  # its total is withheld: a percentage would give the total away

    @property
    def is_few(self) -> bool:
        """Whether it reads "fewer than N"."""
        small_total = self.of is not None and self._small(self.of)
        return self.few or self._small(self.value) or small_total

    @property
    def is_hidden(self) -> bool:
        return self.is_few or self.not_shown

    @property
    def text(self) -> str:
        if self.is_few:
            return f"fewer than {self.threshold}"
        if self.not_shown:
            return "not shown"
        return f"{self.value:,}"

    @property
    def share(self) -> int | None:
        """Whole percent of `of`, when both numbers may be shown (and there is something)."""
        if self.is_hidden or self.of_not_shown or not self.of or not self.value:
            return None
        return round(100 * self.value / self.of)

    @property
    def bar(self) -> int:
        """The bar's length out of 100: nothing at all for a hidden figure."""
        return self.share or 0

    def _small(self, count: int) -> bool:
        return 0 < count < self.threshold


@dataclass(frozen=True)
class TreatmentTally:
    name: str
    treatment_id: int | None  # None: a treatment members named themselves
    slug: str | None
    tried: Figure  # a share of the answers that name any treatment
    outcomes: tuple[tuple[Outcome, Figure], ...]  # in Outcome's order, best first
    # Helped a lot or somewhat, a share of `tried`: across a condition, unfiltered, only.
    helped: Figure | None = None

    @property
    def is_other(self) -> bool:
        return self.treatment_id is None


@dataclass(frozen=True)
class SideEffectTally:
    text: str
    treatment_name: str
    count: Figure


@dataclass(frozen=True)
class MembersReport:
    threshold: int
    treatments: list[TreatmentTally]
    side_effects: list[SideEffectTally]
    published_answers: int  # every published answer in scope, members-only ones included
    reporting_answers: int  # the answers the figures come from: those that name a treatment
    unreadable_answers: int = 0  # published answers this reader may not read (members-only)
    filters: Filters = field(default_factory=Filters)
    # One treatment's report: how many answers (from these filters) name it, as its own
    # "tried" figure reads, so that the sentence above the table does not give it away.
    named_by: Figure | None = None

    @property
    def has_not_shown(self) -> bool:
        """Whether any figure reads "not shown" (withheld to protect another)."""
        return any(
            figure.not_shown and not figure.is_few
            for tally in self.treatments
            for figure in (tally.tried, *(figure for _, figure in tally.outcomes))
        )


@dataclass(frozen=True)
class _Scope:
    answers: tuple[ColumnElement[bool], ...]  # which answers are in scope at all
    readable: tuple[ColumnElement[bool], ...]  # which of them this reader's figures count
    reports: tuple[ColumnElement[bool], ...] = ()  # which treatment reports count


def question_report(question_id: int, viewer: User, threshold: int) -> MembersReport:
    """The figures for one question's answers."""
    return _report(_scope(viewer, Answer.question_id == question_id), threshold, across=False)


def condition_report(condition_id: int, viewer: User, threshold: int) -> MembersReport:
    """The figures across all the questions of a condition that readers may see."""
    scope = _scope(viewer, _on_visible_questions(condition_id))
    return _report(scope, threshold, across=True)


def treatment_report(
    treatment: Treatment, viewer: User, threshold: int, filters: Filters | None = None
) -> MembersReport:
    """The figures for one treatment, across its condition's visible questions, for the
    answers FILTERS choose (all of them by default)."""
    scope = _scope(viewer, *treatment_scope(treatment))
    return _report(scope, threshold, across=True, filters=filters or EVERYONE, one=True)


def treatment_scope(treatment: Treatment) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """Which answers and reports count for one treatment, before the reader's rule."""
    return (
        _on_visible_questions(treatment.condition_id),
        TreatmentReport.treatment_id == treatment.id,
    )


def _on_visible_questions(condition_id: int) -> ColumnElement[bool]:
    visible = select(Question.id).where(
        Question.condition_id == condition_id, Question.status != QuestionStatus.HIDDEN
    )
    return Answer.question_id.in_(visible)


def readable_by(viewer: User) -> tuple[ColumnElement[bool], ...]:
    """Which published answers count for this reader across answers: members-only ones for
    signed-in readers only."""
    if can_read_members_only(viewer):
        return ()
    return (Answer.visibility == Visibility.EVERYONE,)


def _scope(viewer: User, on: ColumnElement[bool], *reports: ColumnElement[bool]) -> _Scope:
    published = (on, Answer.status == AnswerStatus.PUBLISHED)
    return _Scope(answers=published, readable=readable_by(viewer), reports=reports)


# Every branch of the UNION has these columns, in this order.
_COLUMNS = (
    "kind", "treatment_id", "other_key", "name", "slug", "label",
    "perspective", "diagnosis", "question_id", "n",
)  # fmt: skip
_OTHER_KEY = func.lower(func.trim(TreatmentReport.other_name))
_SIDE_EFFECT = func.lower(func.trim(TreatmentReport.side_effects))
_TREATMENT_NAME = func.coalesce(Treatment.name, func.min(TreatmentReport.other_name))
_TREATMENT_GROUP = (TreatmentReport.treatment_id, _OTHER_KEY, Treatment.name, Treatment.slug)
# Stored strings, not enums: the same columns hold nulls in other branches.
_PERSPECTIVE = type_coerce(Answer.perspective, String)
_DIAGNOSIS = type_coerce(Answer.time_since_diagnosis, String)


def _no_text():
    return cast(null(), String)


def _no_number():
    return cast(null(), Integer)


def _report(
    scope: _Scope,
    threshold: int,
    *,
    across: bool,
    filters: Filters = EVERYONE,
    one: bool = False,
) -> MembersReport:
    counts = [
        _outcome_counts(scope, by_filters=across),
        _answer_count("published", scope.answers),
        _reporting_count(scope),
    ]
    if across:  # the question pages' figures, which the condition's must not give away
        counts.append(_question_counts(scope))
    if not filters.is_filtered:
        # Typed side effects are free text, counted for the plain page only: a list for each
        # filter would let one be subtracted from another.
        counts.append(_side_effect_counts(scope))
    if scope.readable:  # a reader who may not read every answer: how many they may not
        unreadable = not_(and_(*scope.readable))
        counts.append(_answer_count("unreadable", (*scope.answers, unreadable)))
    rows = db.session.execute(union_all(*counts)).all()
    return _arrange(rows, threshold, across=across, filters=filters, one=one)


def _counted_reports(scope: _Scope, *columns: Any):
    return (
        select(*columns)
        .select_from(TreatmentReport)
        .join(Answer, Answer.id == TreatmentReport.answer_id)
        .outerjoin(Treatment, Treatment.id == TreatmentReport.treatment_id)
        .where(*scope.answers, *scope.readable, *scope.reports)
    )


def _treatment_columns(kind: str) -> tuple:
    return (
        literal(kind, String).label("kind"),
        TreatmentReport.treatment_id.label("treatment_id"),
        _OTHER_KEY.label("other_key"),
        _TREATMENT_NAME.label("name"),
        Treatment.slug.label("slug"),
    )


# The outcome comes back as its stored string: the same column holds side effects below.
_OUTCOME = type_coerce(TreatmentReport.outcome, String)
# Distinct answers: one member is one count, even if old data names a treatment twice.
_MEMBERS = func.count(func.distinct(TreatmentReport.answer_id))


def _outcome_counts(scope: _Scope, *, by_filters: bool):
    """How many reports of each treatment had each outcome (for each perspective and time since
    diagnosis, BY_FILTERS)."""
    if by_filters:
        slices, group = (
            (_PERSPECTIVE, _DIAGNOSIS),
            (Answer.perspective, Answer.time_since_diagnosis),
        )
    else:
        slices, group = (_no_text(), _no_text()), ()
    return _counted_reports(
        scope,
        *_treatment_columns("outcome"),
        _OUTCOME.label("label"),
        *slices,
        _no_number(),
        _MEMBERS.label("n"),
    ).group_by(*_TREATMENT_GROUP, TreatmentReport.outcome, *group)


def _question_counts(scope: _Scope):
    """The same, for each question: what each question page shows."""
    return _counted_reports(
        scope,
        *_treatment_columns("question"),
        _OUTCOME,
        _no_text(),
        _no_text(),
        Answer.question_id,
        _MEMBERS,
    ).group_by(*_TREATMENT_GROUP, TreatmentReport.outcome, Answer.question_id)


def _side_effect_counts(scope: _Scope):
    """The side effects named most often, each with its treatment."""
    top = _top_side_effects(scope)
    return select(
        *(top.c[name] for name in _COLUMNS[:6]), _no_text(), _no_text(), _no_number(), top.c.n
    )


def _top_side_effects(scope: _Scope):
    count = func.count()
    return (
        _counted_reports(
            scope, *_treatment_columns("side_effect"), _SIDE_EFFECT.label("label"), count.label("n")
        )
        .where(_SIDE_EFFECT != "")
        .group_by(*_TREATMENT_GROUP, _SIDE_EFFECT)
        .order_by(count.desc(), _SIDE_EFFECT, _TREATMENT_NAME)
        .limit(TOP_SIDE_EFFECTS)
        .subquery()
    )


def _answer_count(kind: str, where: tuple[ColumnElement[bool], ...]):
    return select(
        literal(kind, String),
        *(_no_number(), _no_text(), _no_text(), _no_text(), _no_text()),
        *(_no_text(), _no_text(), _no_number()),
        func.count(),
    ).where(*where)


def _reporting_count(scope: _Scope):
    return _counted_reports(
        scope,
        literal("reporting", String),
        *(_no_number(), _no_text(), _no_text(), _no_text(), _no_text()),
        *(_no_text(), _no_text(), _no_number()),
        func.count(func.distinct(TreatmentReport.answer_id)),
    )


def diagnosis_of(stored: str | None) -> TimeSinceDiagnosis | str:
    """A stored time since diagnosis as a slice of the figures (NOT_GIVEN for none)."""
    return NOT_GIVEN if stored is None else TimeSinceDiagnosis(stored)


def _arrange(rows, threshold: int, *, across: bool, filters: Filters, one: bool) -> MembersReport:
    """Turn the grouped rows into tallies, in a fixed order: the most tried first."""
    counts = {"published": 0, "reporting": 0, "unreadable": 0}
    names: dict[tuple, str] = {}
    identities: dict[tuple, tuple[int | None, str | None]] = {}
    outcomes: dict[tuple, dict[tuple, int]] = {}
    by_question: dict[tuple, dict[int, dict[Outcome, int]]] = {}
    side_effects: list[tuple[str, tuple, int]] = []
    for (
        kind,
        treatment_id,
        other_key,
        name,
        slug,
        label,
        perspective,
        diagnosis,
        question,
        n,
    ) in rows:
        if kind in counts:
            counts[kind] = n
            continue
        key = (treatment_id, other_key)
        names[key] = min(names.get(key, name.strip()), name.strip(), key=_spelling_order)
        identities[key] = (treatment_id, slug)
        if kind == "outcome":
            cell = (
                (Outcome(label), Perspective(perspective), diagnosis_of(diagnosis))
                if across
                else (Outcome(label),)
            )
            found = outcomes.setdefault(key, {})
            found[cell] = found.get(cell, 0) + n
        elif kind == "question":
            by_outcome = by_question.setdefault(key, {}).setdefault(question, {})
            by_outcome[Outcome(label)] = n
        else:
            side_effects.append((label, key, n))
    tallies = []
    at = _slice_of(filters) if across else _plain
    for key, finest in outcomes.items():
        if across:
            table = protect_across(finest, by_question.get(key, {}), threshold)
        else:
            table = protect_row({cell[0]: n for cell, n in finest.items()}, threshold)
        if table.cells[at(TOTAL)] or not filters.is_filtered:
            reporting = table.cells[at(TOTAL)] if one else counts["reporting"]
            tallies.append(_tally(names[key], *identities[key], table, at, reporting))
    tallies.sort(key=lambda tally: _most_first(tally.tried, tally.name))
    effects = [
        SideEffectTally(text, names[key], Figure(n, threshold)) for text, key, n in side_effects
    ]
    effects.sort(key=lambda effect: _most_first(effect.count, effect.text, effect.treatment_name))
    named_by = None
    if one:
        named_by = tallies[0].tried if tallies else Figure(0, threshold)
    return MembersReport(
        threshold=threshold,
        treatments=tallies,
        side_effects=effects,
        published_answers=counts["published"],
        reporting_answers=named_by.value if named_by else counts["reporting"],
        unreadable_answers=counts["unreadable"],
        filters=filters,
        named_by=named_by,
    )


@dataclass(frozen=True)
class Protected:
    """A table of counts with the cells to withhold and those that read "fewer than"."""

    cells: dict
    hidden: set
    few: set
    threshold: int

    @classmethod
    def of(cls, cells: dict, lines: list, threshold: int, **rules) -> Protected:
        hidden = withheld(cells, lines, threshold, **rules)
        return cls(cells, hidden, fewer_than(cells, lines, threshold), threshold)

    def figure(self, key, of=None) -> Figure:
        """The cell KEY as readers see it, as a share of the cell OF."""
        return Figure(
            self.cells[key],
            self.threshold,
            of=None if of is None else self.cells[of],
            not_shown=key in self.hidden,
            few=key in self.few,
            of_not_shown=of in self.hidden,
        )


def protect_row(counts: Mapping[Outcome, int], threshold: int) -> Protected:
    """One treatment's figures on a question page: its outcomes and their total (TOTAL) form
    one line."""
    cells: dict = {outcome: counts.get(outcome, 0) for outcome in Outcome}
    cells[TOTAL] = sum(cells.values())
    return Protected.of(cells, [tuple(cells)], threshold)


def protect_slices(finest: Mapping[tuple, int], measures: tuple, threshold: int) -> Protected:
    """Counts by (measure, perspective, time since diagnosis), crossed into every slice the
    filters show and protected together, so that a page's figures for one filter can't be
    subtracted from another's. Each slice's MEASURES add up to its (TOTAL, ...) cell."""
    cells, lines = crossed(finest, [measures, PERSPECTIVES, DIAGNOSES])
    return Protected.of(cells, lines, threshold, cost=_finest_first(cells))


def protect_across(
    finest: Mapping[tuple, int],
    by_question: Mapping[int, Mapping[Outcome, int]],
    threshold: int,
) -> Protected:
    """One treatment's figures across a condition, protected together: FINEST counts by
    (outcome, perspective, time since diagnosis), crossed into every margin a filter can show;
    "helped" (a lot + somewhat) for the chart; and BY_QUESTION, the question pages' figures,
    settled as those pages protect them, tied to the condition's by one line per outcome (and
    one for the totals). Cells are keyed (outcome or TOTAL, perspective or TOTAL, diagnosis or
    TOTAL), (HELPED, TOTAL, TOTAL) and ("question", question id, outcome or TOTAL)."""
    cells, lines = crossed(finest, [tuple(Outcome), PERSPECTIVES, DIAGNOSES])
    everyone = (TOTAL, TOTAL)
    a_lot, somewhat = (Outcome.HELPED_A_LOT, *everyone), (Outcome.HELPED_SOMEWHAT, *everyone)
    cells[(HELPED, *everyone)] = cells[a_lot] + cells[somewhat]
    lines.append((a_lot, somewhat, (HELPED, *everyone)))
    settled: dict = {}
    for question_id, counts in by_question.items():
        row = protect_row(counts, threshold)
        keys = tuple(("question", question_id, measure) for measure in row.cells)
        for cell, (measure, n) in zip(keys, row.cells.items(), strict=True):
            cells[cell] = n
            settled[cell] = measure in row.hidden
        lines.append(keys)
    if by_question:
        for measure in (*Outcome, TOTAL):
            parts = tuple(("question", question_id, measure) for question_id in by_question)
            lines.append((*parts, (measure, *everyone)))
    return Protected.of(cells, lines, threshold, settled=settled, cost=_finest_first(cells))


def _finest_first(cells: Mapping) -> Callable[[tuple], tuple]:
    """Which cells to give up first to protect others: those of the narrowest filters, then
    the smallest. The page without a filter, which most readers see, keeps most."""

    def cost(key: tuple) -> tuple:
        return (sum(part is TOTAL for part in key), cells[key])

    return cost


def _plain(measure) -> Any:
    return measure


def _slice_of(filters: Filters) -> Callable[[Any], tuple]:
    def at(measure) -> tuple:
        return (measure, *filters.slice)

    return at


def _spelling_order(name: str) -> tuple:
    """Of the ways members spelled one treatment, "Yoga" reads better than "YOGA" or "yoga"."""
    return (name.isupper(), name.islower(), name)


def _most_first(figure: Figure, *names: str) -> tuple:
    """Largest first, then by name; hidden counts must not leak through the order either, so
    those come last, by name alone."""
    hidden = figure.is_hidden
    return (hidden, 0 if hidden else -figure.value, *(name.casefold() for name in names))


def _tally(
    name: str,
    treatment_id: int | None,
    slug: str | None,
    table: Protected,
    at: Callable[[Any], Any],
    reporting: int,
) -> TreatmentTally:
    """One treatment's row, as the slice AT picks it from its protected TABLE."""
    tried, helped = at(TOTAL), at(HELPED)
    cells, hidden = table.cells, table.hidden
    return TreatmentTally(
        name=name,
        treatment_id=treatment_id,
        slug=slug,
        tried=Figure(cells[tried], table.threshold, of=reporting, not_shown=tried in hidden),
        outcomes=tuple((outcome, table.figure(at(outcome), of=tried)) for outcome in Outcome),
        # The chart's figure exists for the unfiltered slice only.
        helped=table.figure(helped, of=tried) if helped in cells else None,
    )
