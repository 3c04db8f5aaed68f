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
Zero is shown as it is: it identifies nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    func,
    literal,
    not_,
    null,
    select,
    type_coerce,
    union_all,
)

from forum.accounts.models import User
from forum.answers.models import Answer, AnswerStatus, Outcome, TreatmentReport, Visibility
from forum.conditions.models import Treatment
from forum.database import db
from forum.permissions import can_read_members_only
from forum.questions.models import Question, QuestionStatus

TOP_SIDE_EFFECTS = 5


@dataclass(frozen=True)
class Figure:
    """A count as readers see it: exact, or "fewer than N" when it is small enough to point at
    someone. Templates use `text`, `share` and `bar`, never the raw value."""

    value: int
    threshold: int
    of: int | None = None  # the total this is a part of, for percentages

    @property
    def is_hidden(self) -> bool:
        return self._small(self.value) or (self.of is not None and self._small(self.of))

    @property
    def text(self) -> str:
        return f"fewer than {self.threshold}" if self.is_hidden else f"{self.value:,}"

    @property
    def share(self) -> int | None:
        """Whole percent of `of`, when both numbers may be shown (and there is something)."""
        if self.is_hidden or not self.of or not self.value:
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


@dataclass(frozen=True)
class _Scope:
    answers: tuple[ColumnElement[bool], ...]  # which answers are in scope at all
    readable: tuple[ColumnElement[bool], ...]  # which of them this reader's figures count
    reports: tuple[ColumnElement[bool], ...] = ()  # which treatment reports count


def question_report(question_id: int, viewer: User, threshold: int) -> MembersReport:
    """The figures for one question's answers."""
    return _report(_scope(viewer, Answer.question_id == question_id), threshold)


def condition_report(condition_id: int, viewer: User, threshold: int) -> MembersReport:
    """The figures across all the questions of a condition that readers may see."""
    return _report(_scope(viewer, _on_visible_questions(condition_id)), threshold)


def treatment_report(treatment: Treatment, viewer: User, threshold: int) -> MembersReport:
    """The figures for one treatment, across its condition's visible questions."""
    scope = _scope(
        viewer,
        _on_visible_questions(treatment.condition_id),
        TreatmentReport.treatment_id == treatment.id,
    )
    return _report(scope, threshold)


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
_COLUMNS = ("kind", "treatment_id", "other_key", "name", "slug", "label", "n")
_OTHER_KEY = func.lower(func.trim(TreatmentReport.other_name))
_SIDE_EFFECT = func.lower(func.trim(TreatmentReport.side_effects))
_TREATMENT_NAME = func.coalesce(Treatment.name, func.min(TreatmentReport.other_name))
_TREATMENT_GROUP = (TreatmentReport.treatment_id, _OTHER_KEY, Treatment.name, Treatment.slug)


def _report(scope: _Scope, threshold: int) -> MembersReport:
    counts = [
        _outcome_counts(scope),
        select(_top_side_effects(scope)),
        _answer_count("published", scope.answers),
        _reporting_count(scope),
    ]
    if scope.readable:  # a reader who may not read every answer: how many they may not
        unreadable = not_(and_(*scope.readable))
        counts.append(_answer_count("unreadable", (*scope.answers, unreadable)))
    query = union_all(*counts)
    rows = db.session.execute(query).all()
    return _arrange(rows, threshold)


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


def _outcome_counts(scope: _Scope):
    """How many reports of each treatment had each outcome."""
    # The outcome comes back as its stored string: the same column holds side effects below.
    outcome = type_coerce(TreatmentReport.outcome, String)
    # Distinct answers: one member is one count, even if old data names a treatment twice.
    members = func.count(func.distinct(TreatmentReport.answer_id))
    return _counted_reports(
        scope, *_treatment_columns("outcome"), outcome.label("label"), members.label("n")
    ).group_by(*_TREATMENT_GROUP, TreatmentReport.outcome)


def _top_side_effects(scope: _Scope):
    """The side effects named most often, each with its treatment."""
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
        literal(kind, String), null(), null(), null(), null(), null(), func.count()
    ).where(*where)


def _reporting_count(scope: _Scope):
    return _counted_reports(
        scope,
        literal("reporting", String),
        null(),
        null(),
        null(),
        null(),
        null(),
        func.count(func.distinct(TreatmentReport.answer_id)),
    )


def _arrange(rows, threshold: int) -> MembersReport:
    """Turn the grouped rows into tallies, in a fixed order: the most tried first."""
    counts = {"published": 0, "reporting": 0, "unreadable": 0}
    names: dict[tuple, str] = {}
    identities: dict[tuple, tuple[int | None, str | None]] = {}
    outcomes: dict[tuple, dict[Outcome, int]] = {}
    side_effects: list[tuple[str, tuple, int]] = []
    for kind, treatment_id, other_key, name, slug, label, n in rows:
        if kind in counts:
            counts[kind] = n
            continue
        key = (treatment_id, other_key)
        names[key] = min(names.get(key, name.strip()), name.strip(), key=_spelling_order)
        identities[key] = (treatment_id, slug)
        if kind == "outcome":
            outcomes.setdefault(key, {})[Outcome(label)] = n
        else:
            side_effects.append((label, key, n))
    tallies = [
        _tally(names[key], *identities[key], by_outcome, counts["reporting"], threshold)
        for key, by_outcome in outcomes.items()
    ]
    tallies.sort(key=lambda tally: _most_first(tally.tried, tally.name))
    effects = [
        SideEffectTally(text, names[key], Figure(n, threshold)) for text, key, n in side_effects
    ]
    effects.sort(key=lambda effect: _most_first(effect.count, effect.text, effect.treatment_name))
    return MembersReport(
        threshold=threshold,
        treatments=tallies,
        side_effects=effects,
        published_answers=counts["published"],
        reporting_answers=counts["reporting"],
        unreadable_answers=counts["unreadable"],
    )


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
    by_outcome: dict[Outcome, int],
    reporting: int,
    threshold: int,
) -> TreatmentTally:
    tried = sum(by_outcome.values())
    return TreatmentTally(
        name=name,
        treatment_id=treatment_id,
        slug=slug,
        tried=Figure(tried, threshold, of=reporting),
        outcomes=tuple(
            (outcome, Figure(by_outcome.get(outcome, 0), threshold, of=tried))
            for outcome in Outcome
        ),
    )
