"""What members report over time, through the real treatment and condition pages, against a
community counted by hand; the filters; and the attack that reads the page with every filter,
and the question pages, and subtracts.

The community (condition "Slow Thing", treatment Lumora; months are counted back from this
month, so "24" started two years ago; "-" is not given; answers 1-10, 15 and 16 are on the first
question, 11-14 on the second; 16 is shared with members only):

     # persp.    diagnosed  how it went  started stopped still reason        helped in access
     1 patient   3-5 years  a lot          24      -     yes   -              weeks     easy
     2 patient   3-5 years  a lot          18      -     yes   -              weeks     easy
     3 patient   3-5 years  a lot          14      -     yes   -              months    effort
     4 patient   3-5 years  a lot          10      -     yes   -              days      easy
     5 patient   3-5 years  somewhat        8      2     no    side effects   weeks     hard
     6 patient   3-5 years  somewhat        9      6     no    stopped helping never    effort
     7 patient   3-5 years  somewhat        5      3     no    stopped helping never    easy
     8 caregiver -          a lot          30      -     yes   -              weeks     hard
     9 caregiver -          a lot          20      8     no    cost or access months    very hard
    10 caregiver -          a lot          13      -     yes   -              weeks     easy
    11 patient   1-2 years  no change       7      1     no    side effects   never     effort
    12 patient   1-2 years  no change       4      3     no    side effects   never     easy
    13 patient   1-2 years  no change       3      -     yes   -              days      easy
    14 patient   1-2 years  worse           -      -     -     -              -         -
    15 patient   3-5 years  a lot           -      -     -     -              -         -
    16 caregiver 3-5 years  a lot          16      -     yes   -              weeks     easy

Side effects from the vocabulary: nausea (1 mild, 2 moderate, 4 mild, 5 severe, 10 mild,
11 moderate, 12 severe, 16 mild), dizziness (3 mild, 12 moderate), fatigue (7 mild,
9 moderate). Answers 1-6 also name Restwell: a lot for 1-3, no change for 4-6.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from fractions import Fraction

import pytest

from forum.answers.models import (
    Access,
    Month,
    Outcome,
    Severity,
    StopReason,
    TimeSinceDiagnosis,
    TimeToHelp,
    Visibility,
)
from forum.answers.services import AnswerDraft, TreatmentEntry, submit_answer
from forum.comparing.over_time import this_month
from forum.conditions.models import Perspective, SideEffect, TreatmentKind
from forum.database import db
from tests.comparing.conftest import table_rows
from tests.html_checks import assert_well_structured

P, C = Perspective.PATIENT, Perspective.CAREGIVER
Y1, Y3, Y6 = (
    TimeSinceDiagnosis.YEARS_1_TO_2,
    TimeSinceDiagnosis.YEARS_3_TO_5,
    TimeSinceDiagnosis.YEARS_6_TO_10,
)
A_LOT, SOMEWHAT = Outcome.HELPED_A_LOT, Outcome.HELPED_SOMEWHAT
NO_CHANGE, WORSE = Outcome.NO_CHANGE, Outcome.MADE_IT_WORSE
SIDE, HELPING, COST = StopReason.SIDE_EFFECTS, StopReason.STOPPED_HELPING, StopReason.COST_OR_ACCESS
DAYS, WEEKS, MONTHS, NEVER = TimeToHelp.DAYS, TimeToHelp.WEEKS, TimeToHelp.MONTHS, TimeToHelp.NEVER
EASY, EFFORT, HARD, VERY_HARD = Access.EASY, Access.SOME_EFFORT, Access.HARD, Access.VERY_HARD
MILD, MODERATE, SEVERE = Severity.MILD, Severity.MODERATE, Severity.SEVERE


@dataclass(frozen=True)
class Row:
    number: int
    perspective: Perspective
    diagnosis: TimeSinceDiagnosis | None
    outcome: Outcome
    started: int | None = None  # months ago
    stopped: int | None = None
    still: bool | None = None
    reason: StopReason | None = None
    helped_in: TimeToHelp | None = None
    access: Access | None = None
    side_effects: tuple = ()  # (name, severity)
    members_only: bool = False
    restwell: Outcome | None = None

    @property
    def question(self) -> int:
        return 1 if self.number in (11, 12, 13, 14) else 0


COMMUNITY = (
    Row(1, P, Y3, A_LOT, 24, None, True, None, WEEKS, EASY, (("Nausea", MILD),), restwell=A_LOT),
    Row(2, P, Y3, A_LOT, 18, None, True, None, WEEKS, EASY, (("Nausea", MODERATE),),
        restwell=A_LOT),
    Row(3, P, Y3, A_LOT, 14, None, True, None, MONTHS, EFFORT, (("Dizziness", MILD),),
        restwell=A_LOT),
    Row(4, P, Y3, A_LOT, 10, None, True, None, DAYS, EASY, (("Nausea", MILD),),
        restwell=NO_CHANGE),
    Row(5, P, Y3, SOMEWHAT, 8, 2, False, SIDE, WEEKS, HARD, (("Nausea", SEVERE),),
        restwell=NO_CHANGE),
    Row(6, P, Y3, SOMEWHAT, 9, 6, False, HELPING, NEVER, EFFORT, restwell=NO_CHANGE),
    Row(7, P, Y3, SOMEWHAT, 5, 3, False, HELPING, NEVER, EASY, (("Fatigue", MILD),)),
    Row(8, C, None, A_LOT, 30, None, True, None, WEEKS, HARD),
    Row(9, C, None, A_LOT, 20, 8, False, COST, MONTHS, VERY_HARD, (("Fatigue", MODERATE),)),
    Row(10, C, None, A_LOT, 13, None, True, None, WEEKS, EASY, (("Nausea", MILD),)),
    Row(11, P, Y1, NO_CHANGE, 7, 1, False, SIDE, NEVER, EFFORT, (("Nausea", MODERATE),)),
    Row(12, P, Y1, NO_CHANGE, 4, 3, False, SIDE, NEVER, EASY,
        (("Nausea", SEVERE), ("Dizziness", MODERATE))),
    Row(13, P, Y1, NO_CHANGE, 3, None, True, None, DAYS, EASY),
    Row(14, P, Y1, WORSE),
    Row(15, P, Y3, A_LOT),
    Row(16, C, Y3, A_LOT, 16, None, True, None, WEEKS, EASY, (("Nausea", MILD),),
        members_only=True),
)  # fmt: skip
SIDE_EFFECTS = ("Nausea", "Dizziness", "Fatigue")


@dataclass
class Community:
    condition: object
    lumora: object
    restwell: object
    questions: list
    answers: dict = field(default_factory=dict)


def months_ago(months: int | None) -> Month | None:
    return None if months is None else Month.from_number(this_month() - months)


def member_of(make, condition, **fields):
    user = make.user(approved_answer_count=5, **fields)  # past pre-moderation
    make.membership(user, condition)
    return user


def post(make, condition, question, entries, **draft) -> object:
    answer = submit_answer(
        question,
        member_of(make, condition),
        AnswerDraft(
            body="What happened to me, in enough words to count.", **draft, treatments=entries
        ),
    )
    db.session.commit()
    assert answer.is_published
    return answer


@pytest.fixture
def slow_thing(make) -> Community:
    condition = make.condition("Slow Thing")
    lumora = make.treatment(condition, "Lumora")
    restwell = make.treatment(condition, "Restwell", kind=TreatmentKind.THERAPY)
    effects = {}
    for position, name in enumerate(SIDE_EFFECTS):
        effects[name] = SideEffect(
            condition=condition, name=name, slug=name.lower(), position=position
        )
        db.session.add(effects[name])
    db.session.commit()
    questions = [make.question(condition, title=f"Question {n}") for n in (1, 2)]
    community = Community(condition, lumora, restwell, questions)
    for row in COMMUNITY:
        entries = [
            TreatmentEntry(
                outcome=row.outcome,
                treatment_id=lumora.id,
                still_using=row.still,
                started=months_ago(row.started),
                stopped=months_ago(row.stopped),
                stop_reason=row.reason,
                time_to_help=row.helped_in,
                access=row.access,
                side_effect_severities=tuple(
                    (effects[name].id, severity) for name, severity in row.side_effects
                ),
            )
        ]
        if row.restwell:
            entries.append(TreatmentEntry(outcome=row.restwell, treatment_id=restwell.id))
        community.answers[row.number] = post(
            make,
            condition,
            questions[row.question],
            entries,
            perspective=row.perspective,
            time_since_diagnosis=row.diagnosis,
            visibility=Visibility.MEMBERS if row.members_only else Visibility.EVERYONE,
        )
    return community


def treatment_path(treatment, **query) -> str:
    path = f"/conditions/{treatment.condition_id}/treatments/{treatment.id}-{treatment.slug}"
    if query:
        path += "?" + "&".join(f"{name}={value}" for name, value in query.items())
    return path


def page(client, treatment, **query) -> str:
    response = client.get(treatment_path(treatment, **query))
    assert response.status_code == 200
    return response.get_data(as_text=True)


# Reading a page the way a person does: the numbers in its tables and sentences -------------

STILL = re.compile(r'<li id="over-time-still-(\d+)">(.*?)</li>')
SHARE = re.compile(r" \(\d+%\)$")


def figure_text(cell: str) -> str:
    return SHARE.sub("", cell)


def still_texts(sentence: str) -> tuple[str, str]:
    """(still took it, answers that say) as the sentence gives them."""
    if sentence.startswith("No answer says yet"):
        return "0", "0"
    if found := re.match(r"Fewer than (\d+) answers say", sentence):
        return f"fewer than {found[1]}", f"fewer than {found[1]}"
    if re.match(r"How many still took it .* is not shown\.", sentence):
        return "not shown", "not shown"
    if found := re.match(r"How many of ([\d,]+) still took it .* is not shown\.", sentence):
        return "not shown", found[1]
    if found := re.match(r"(.+) still took it at \d+ months; how many answers say", sentence):
        return found[1].lower(), "not shown"
    found = re.match(r"(.+) of ([\d,]+)(?: \(\d+%\))? still took it at \d+ months\.", sentence)
    assert found, sentence
    return found[1].lower(), found[2]


CODED = (
    ("stop_reason", StopReason, "over-time-stop-reasons"),
    ("time_to_help", TimeToHelp, "over-time-time-to-help"),
    ("access", Access, "over-time-access"),
)


def read_figures(html: str) -> dict[tuple, str]:
    """Every figure of the treatment page, by (figure, measure) -> its text."""
    figures: dict[tuple, str] = {}
    report = table_rows(html, "treatment-report-table")
    measures = ("tried", *Outcome)
    texts = [figure_text(cell) for cell in report[1][1:]] if report else ["0"] * 5
    figures.update({("outcome", m): t for m, t in zip(measures, texts, strict=True)})
    for months, sentence in STILL.findall(html):
        still, known = still_texts(sentence)
        figures[(f"still_{months}", "reached")] = still
        figures[(f"still_{months}", "total")] = known
    for kind, values, table in CODED:
        rows = table_rows(html, table)
        by_label = {cells[0]: figure_text(cells[1]) for cells in rows[1:]}
        for value in values:
            figures[(kind, value)] = by_label.get(value.label, "0")
        figures[(kind, "total")] = rows[-1][1] if rows else "0"
    effects = table_rows(html, "over-time-side-effects")
    for cells in effects[1:]:
        for severity, text in zip((*Severity, "total"), cells[1:], strict=True):
            figures[(f"side_effect:{cells[0]}", severity)] = text
    return figures


# Counting by hand, from COMMUNITY ------------------------------------------------------------


def in_scope(rows, signed_in: bool):
    return [row for row in rows if signed_in or not row.members_only]


def reached(row: Row, months: int) -> str | None:
    if row.started is None:
        return None
    if row.stopped is not None:
        return "reached" if row.started - row.stopped >= months else "stopped_before"
    return "reached" if row.still and row.started >= months else None


def true_counts(rows) -> dict[tuple, int]:
    """The figures for ROWS, by (figure, measure), counted in Python from the table above."""
    counts: dict[tuple, int] = {}

    def add(figure, measure):
        counts[(figure, measure)] = counts.get((figure, measure), 0) + 1

    for row in rows:
        add("outcome", "tried")
        add("outcome", row.outcome)
        for months in (6, 12):
            if standing := reached(row, months):
                add(f"still_{months}", standing)
                add(f"still_{months}", "total")
        for kind, value in (("stop_reason", row.reason), ("time_to_help", row.helped_in),
                            ("access", row.access)):  # fmt: skip
            if value is not None:
                add(kind, value)
                add(kind, "total")
        for name, severity in row.side_effects:
            add(f"side_effect:{name}", severity)
            add(f"side_effect:{name}", "total")
    return counts


def groups() -> dict[str, tuple]:
    """Each figure's parts; its total is "tried" or "total"."""
    found = {
        "outcome": (tuple(Outcome), "tried"),
        "still_6": (("reached", "stopped_before"), "total"),
        "still_12": (("reached", "stopped_before"), "total"),
        "stop_reason": (tuple(StopReason), "total"),
        "time_to_help": (tuple(TimeToHelp), "total"),
        "access": (tuple(Access), "total"),
    }
    for name in SIDE_EFFECTS:
        found[f"side_effect:{name}"] = (tuple(Severity), "total")
    return found


ANY = "any"
NOT_GIVEN = "not given"  # answers without a time since diagnosis: no filter picks them
PERSPECTIVE_SLICES = (P, C, ANY)
DIAGNOSIS_SLICES = (*TimeSinceDiagnosis, NOT_GIVEN, ANY)


def matches(row: Row, perspective, diagnosis) -> bool:
    return (perspective in (ANY, row.perspective)) and (
        diagnosis == ANY or (row.diagnosis or NOT_GIVEN) == diagnosis
    )


# The hand-counted plain page -----------------------------------------------------------------


def test_the_treatment_page_shows_what_members_report_over_time(client, slow_thing):
    html = page(client, slow_thing.lumora)
    assert_well_structured(html)
    assert 'style="' not in html and "<script>" not in html
    figures = read_figures(html)
    # 15 answers for everyone (16 is for members): 9 of 12 that can tell reached 6 months
    # (1-5 and 8-11; 6, 7 and 12 stopped sooner; 13 started 3 months ago, 14 and 15 say nothing).
    assert "9 of 12 (75%) still took it at 6 months." in html
    # 12 months: 1, 2, 3, 8, 9 and 10 did; 5, 6, 7, 11 and 12 stopped sooner; 4 is too recent.
    assert "6 of 11 (55%) still took it at 12 months." in html
    hand = {
        ("outcome", "tried"): "15",
        # Side effects made 5, 11 and 12 stop, of the 6 who gave a reason (5-7, 9, 11, 12).
        ("stop_reason", SIDE): "3", ("stop_reason", "total"): "6",
        ("time_to_help", "total"): "13",  # all but 14 and 15
        ("access", EASY): "7", ("access", "total"): "13",  # 1, 2, 4, 7, 10, 12, 13
        ("side_effect:Nausea", "total"): "7",  # 1, 2, 4, 5, 10, 11, 12
    }  # fmt: skip
    assert {key: figures[key] for key in hand} == hand
    # Small ones never show: 2 stopped because it stopped helping (6, 7), 1 for cost (9);
    # 14 alone said it made things worse; 3 had nausea badly (5, 12) and 2 moderately (2, 11).
    for key in [("stop_reason", HELPING), ("stop_reason", COST), ("outcome", WORSE),
                ("side_effect:Nausea", SEVERE), ("side_effect:Nausea", MODERATE)]:  # fmt: skip
        assert figures[key] == "fewer than 3", key
    # ...nor may they be worked out: with 8, 3 and 3 shown, 15 less them gives 14's answer; and
    # the chart's "11 helped" (8 + 3) is shown, so a third cell goes too.
    assert [figures[("outcome", o)] for o in (A_LOT, SOMEWHAT, NO_CHANGE)] == ["not shown"] * 3
    # Nausea: 3 mild would make 7 - 3 = 4 for two "fewer than 3": both 2.
    assert figures[("side_effect:Nausea", MILD)] == "not shown"
    assert "no hidden count can\n    be worked out from the totals" in html


def test_members_only_answers_count_for_signed_in_readers_only(app, make, slow_thing):
    member = app.test_client(user=make.user())
    html = page(member, slow_thing.lumora)
    # Answer 16 (a caregiver, started 16 months ago, still on it, weeks, easy, mild nausea).
    assert "How many of 13 still took it at 6 months is not shown." in html  # 13: 12 and 16
    assert "7 of 12 (58%) still took it at 12 months." in html
    figures = read_figures(html)
    assert figures[("outcome", "tried")] == "16"
    assert figures[("access", EASY)] == "8" and figures[("access", "total")] == "14"
    assert figures[("time_to_help", "total")] == "14"
    signed_out = page(app.test_client(), slow_thing.lumora)
    assert "9 of 12 (75%) still took it at 6 months." in signed_out
    assert str(slow_thing.answers[16].id) not in re.findall(r'href="/answers/(\d+)"', signed_out)


def test_filters_pick_the_figures_and_the_answers(client, slow_thing):
    html = page(client, slow_thing.lumora, perspective="caregiver")
    assert "Counting only the answers by caregivers." in html
    assert '<option value="caregiver" selected>Caregivers</option>' in html
    listed = re.findall(r'<a href="/answers/(\d+)">Read this answer', html)
    expected = [slow_thing.answers[n].id for n in (10, 9, 8)]  # newest first
    assert list(map(int, listed)) == expected
    figures = read_figures(html)
    truth = true_counts([r for r in in_scope(COMMUNITY, False) if r.perspective is C])
    for key, text in figures.items():
        assert text in (str(truth.get(key, 0)), "fewer than 3", "not shown"), key
    both = page(client, slow_thing.lumora, perspective="patient", diagnosis="3_to_5_years")
    listed = sorted(map(int, re.findall(r'<a href="/answers/(\d+)">Read this answer', both)))
    assert listed == sorted(slow_thing.answers[n].id for n in (1, 2, 3, 4, 5, 6, 7, 15))
    assert "by patients, diagnosed 3 to 5 years ago" in both
    assert '<meta name="robots" content="noindex">' in both


def test_every_figure_on_every_filtered_page_is_true_or_withheld(client, slow_thing):
    """The whole cube, read through the pages: a number shown is the number counted by hand;
    a small count never shows; only a count above zero says "not shown"."""
    for perspective, diagnosis in itertools.product(PERSPECTIVE_SLICES, DIAGNOSIS_SLICES):
        if diagnosis == NOT_GIVEN:
            continue  # no filter shows these answers alone
        query = {}
        if perspective != ANY:
            query["perspective"] = perspective.value
        if diagnosis != ANY:
            query["diagnosis"] = diagnosis.value
        figures = read_figures(page(client, slow_thing.lumora, **query))
        rows = [r for r in in_scope(COMMUNITY, False) if matches(r, perspective, diagnosis)]
        truth = true_counts(rows)
        for key, text in figures.items():
            count = truth.get(key, 0)
            if text == "fewer than 3":
                continue  # small, or part of a small total: checked by the attack below
            if text == "not shown":
                assert count > 0, (query, key)
            else:
                assert text == f"{count:,}", (query, key, text, count)
                assert not 0 < count < 3, (query, key)


# The differencing attack ---------------------------------------------------------------------


def _known(text: str) -> int | None:
    return int(text.replace(",", "")) if text.replace(",", "").isdigit() else None


def read_everything(client, community) -> dict[tuple, int | None]:
    """What a reader learns by reading the treatment page with no filter, each filter and
    each pair, and each question page: every cell by (figure, measure, perspective, diagnosis),
    or (figure, measure, "question", n); None where it is withheld."""
    cells: dict[tuple, int | None] = {}
    for perspective, diagnosis in itertools.product(PERSPECTIVE_SLICES, DIAGNOSIS_SLICES):
        query = {}
        if perspective != ANY:
            query["perspective"] = perspective.value
        if diagnosis not in (ANY, NOT_GIVEN):
            query["diagnosis"] = diagnosis.value
        figures = (
            read_figures(page(client, community.lumora, **query)) if diagnosis != NOT_GIVEN else {}
        )
        for name, (parts, total) in groups().items():
            for measure in (*parts, total):
                text = figures.get((name, measure))
                if name.startswith("side_effect") and text is None and diagnosis != NOT_GIVEN:
                    text = "0"
                value = None if text is None else _known(text)
                cells[(name, measure, perspective, diagnosis)] = value
    condition = community.condition
    html = client.get(f"/conditions/{condition.id}/{condition.slug}/treatments").get_data(
        as_text=True
    )
    chart = next(r for r in table_rows(html, "popularity-table")[1:] if r[0] == "Lumora")
    cells[("helped", "helped", ANY, ANY)] = _known(figure_text(chart[2]))
    for number, question in enumerate(community.questions):
        html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
        row = next(r for r in table_rows(html, "members-report-table")[1:] if r[0] == "Lumora")
        for measure, text in zip(("tried", *Outcome), row[1:], strict=True):
            cells[("outcome", measure, "question", number)] = _known(figure_text(text))
    return cells


def attack_lines() -> list[tuple]:
    lines = []
    for name, (parts, total) in groups().items():
        measures = (*parts, total)
        for p, d in itertools.product(PERSPECTIVE_SLICES, DIAGNOSIS_SLICES):
            lines.append(tuple((name, m, p, d) for m in measures))
        for m, d in itertools.product(measures, DIAGNOSIS_SLICES):
            lines.append(tuple((name, m, p, d) for p in PERSPECTIVE_SLICES))
        for m, p in itertools.product(measures, PERSPECTIVE_SLICES):
            lines.append(tuple((name, m, p, d) for d in DIAGNOSIS_SLICES))
    a_lot, somewhat = (("outcome", o, ANY, ANY) for o in (A_LOT, SOMEWHAT))
    lines.append((a_lot, somewhat, ("helped", "helped", ANY, ANY)))  # the condition's chart
    for m in ("tried", *Outcome):  # the condition's figure is the questions' added up
        lines.append((*(("outcome", m, "question", n) for n in (0, 1)), ("outcome", m, ANY, ANY)))
        # and each question page's row adds up too
    for n in (0, 1):
        lines.append(
            (*(("outcome", o, "question", n) for o in Outcome), ("outcome", "tried", "question", n))
        )
    return lines


def subtract(known: dict[tuple, int | None], lines: list[tuple]) -> dict[tuple, int]:
    """Solve lines with one unknown, again and again; then every cell the equations fix."""
    values = {key: value for key, value in known.items() if value is not None}
    moved = True
    while moved:
        moved = False
        for line in lines:
            unknown = [key for key in line if key not in values]
            if len(unknown) == 1:
                (key,) = unknown
                parts = sum(values[k] for k in line[:-1] if k != key)
                values[key] = parts if key == line[-1] else values[line[-1]] - parts
                moved = True
    unknown = [key for key in known if key not in values]
    index = {key: i for i, key in enumerate(unknown)}
    equations = []
    for line in lines:
        equation = {}
        constant = Fraction(0)
        for position, key in enumerate(line):
            sign = -1 if position == len(line) - 1 else 1
            if key in index:
                equation[index[key]] = equation.get(index[key], 0) + sign
            else:
                constant -= sign * values[key]
        if equation:
            equations.append((equation, constant))
    solved = _solve(equations)
    values.update({unknown[i]: int(v) for i, v in solved.items()})
    return values


def _solve(equations) -> dict[int, Fraction]:
    """Gauss-Jordan: the unknowns the equations fix, with their values."""
    basis: dict[int, tuple[dict, Fraction]] = {}
    for equation, constant in equations:
        equation = {k: Fraction(c) for k, c in equation.items() if c}
        for pivot, (row, value) in list(basis.items()):
            factor = equation.get(pivot)
            if factor:
                for k, c in row.items():
                    equation[k] = equation.get(k, 0) - factor * c
                    if not equation[k]:
                        del equation[k]
                constant -= factor * value
        if not equation:
            continue
        pivot = min(equation)
        scale = equation[pivot]
        equation = {k: c / scale for k, c in equation.items()}
        constant /= scale
        for other, (row, value) in list(basis.items()):
            factor = row.get(pivot)
            if factor:
                for k, c in equation.items():
                    row[k] = row.get(k, 0) - factor * c
                    if not row[k]:
                        del row[k]
                basis[other] = (row, value - factor * constant)
        basis[pivot] = (equation, constant)
    return {pivot: value for pivot, (row, value) in basis.items() if len(row) == 1}


def truth_of(cell: tuple) -> int:
    name, measure, where, which = cell
    rows = in_scope(COMMUNITY, False)
    if name == "helped":
        return sum(row.outcome in (A_LOT, SOMEWHAT) for row in rows)
    if where == "question":
        rows = [r for r in rows if r.question == which]
    else:
        rows = [r for r in rows if matches(r, where, which)]
    return true_counts(rows).get((name, measure), 0)


def test_reading_every_filter_and_subtracting_recovers_nothing_hidden(client, slow_thing):
    known = read_everything(client, slow_thing)
    hidden_small = {
        cell for cell, value in known.items() if value is None and 0 < truth_of(cell) < 3
    }
    assert len(hidden_small) > 20  # the attack has something to find
    recovered = subtract(known, attack_lines())
    for cell, value in recovered.items():
        assert value == truth_of(cell), cell  # the attacker reasons soundly
    assert not hidden_small & set(recovered), sorted(map(str, hidden_small & set(recovered)))


def test_the_same_attack_wins_against_small_numbers_alone(client, slow_thing):
    """Without the cells withheld to protect others, the attack finds small counts: the test
    above can fail."""
    known = read_everything(client, slow_thing)
    naive = {cell: (None if 0 < truth_of(cell) < 3 else truth_of(cell)) for cell in known}
    naive.update({cell: None for cell in known if cell[3] == NOT_GIVEN})
    recovered = subtract(naive, attack_lines())
    leaked = {cell for cell in recovered if naive.get(cell) is None and 0 < truth_of(cell) < 3}
    assert leaked


# The condition's chart -------------------------------------------------------------------------


def test_the_condition_page_charts_popularity_against_how_well_it_went(client, slow_thing):
    condition = slow_thing.condition
    html = client.get(f"/conditions/{condition.id}/{condition.slug}/treatments").get_data(
        as_text=True
    )
    assert_well_structured(html)
    assert 'style="' not in html
    assert 'role="img" aria-labelledby="popularity-title popularity-desc"' in html
    rows = table_rows(html, "popularity-table")
    assert rows[0] == [
        "Treatment", "Answers that name it", "Say it helped (a lot or somewhat)", "On the chart",
    ]  # fmt: skip
    by_name = {cells[0]: cells[1:] for cells in rows[1:]}
    # Lumora: 15 named it, 11 say it helped (7 a lot, 4 somewhat). Restwell: 6 and 3.
    assert by_name["Lumora"] == ["15", "11 (73%)", "Yes"]
    assert by_name["Restwell"] == ["6", "3 (50%)", "Yes"]
    assert html.count("<circle ") == 2
    assert "Lumora: 15 answers, 73% say it helped." in html


def test_a_withheld_treatment_is_listed_without_a_point(client, make, slow_thing):
    condition = slow_thing.condition
    rare = make.treatment(condition, "Rarely")
    post(make, condition, slow_thing.questions[0],
         [TreatmentEntry(outcome=A_LOT, treatment_id=rare.id)], perspective=P)  # fmt: skip
    html = client.get(f"/conditions/{condition.id}/{condition.slug}/treatments").get_data(
        as_text=True
    )
    rows = {cells[0]: cells[1:] for cells in table_rows(html, "popularity-table")[1:]}
    assert rows["Rarely"] == ["fewer than 3", "fewer than 3", "No, its figures are withheld"]
    assert html.count("<circle ") == 2
    assert "Rarely:" not in html.split("<desc")[1].split("</desc>")[0]


# Bounded queries and odd input ---------------------------------------------------------------


@pytest.mark.parametrize("query", [{}, {"perspective": "caregiver", "diagnosis": "3_to_5_years"}])
def test_the_treatment_page_costs_the_same_for_3_and_30_answers(client, make, count_queries, query):
    counts = []
    for answer_count in (3, 30):
        condition = make.condition()
        treatment = make.treatment(condition)
        effect = SideEffect(condition=condition, name="Nausea", slug="nausea")
        db.session.add(effect)
        db.session.commit()
        questions = [make.question(condition) for _ in range(3)]
        for n in range(answer_count):
            entry = TreatmentEntry(
                outcome=list(Outcome)[n % 4],
                treatment_id=treatment.id,
                still_using=n % 2 == 0,
                started=months_ago(20 - n % 10),
                stopped=None if n % 2 == 0 else months_ago(5),
                stop_reason=None if n % 2 == 0 else list(StopReason)[n % 6],
                time_to_help=list(TimeToHelp)[n % 5],
                access=list(Access)[n % 4],
                side_effect_severities=((effect.id, list(Severity)[n % 3]),),
            )
            diagnosis = list(TimeSinceDiagnosis)[n % 6]
            post(make, condition, questions[n % 3], [entry],
                 perspective=(P, C)[n % 2], time_since_diagnosis=diagnosis)  # fmt: skip
        with count_queries() as counter:
            assert client.get(treatment_path(treatment, **query)).status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1] <= 5, counts


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("perspective=alien", "We left out the perspective “alien”"),
        ("diagnosis=yesterday", "We left out the time since diagnosis “yesterday”"),
        ("diagnosis=%00", "We left out the time since diagnosis “\ufffd”"),
        ("perspective=" + "x" * 5000, "We left out the perspective “" + "x" * 39 + "…”"),
        ("perspective[]=patient&diagnosis=%E2%80%AE", "We left out the time since diagnosis"),
        ("perspective=caregiver&perspective=patient", None),
        ("perspective=&diagnosis=", None),
        ("perspective=%20caregiver%20", None),
        ("page=99999999999999999999999&perspective=caregiver", "isn't a page number"),
    ],
)
def test_odd_filter_values_get_a_message_never_an_error(client, slow_thing, query, message):
    response = client.get(treatment_path(slow_thing.lumora) + "?" + query)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    if message:
        assert message.replace("'", "&#39;") in html
    else:
        assert "We left out" not in html


def test_a_wrong_slug_keeps_the_filters(client, slow_thing):
    lumora = slow_thing.lumora
    response = client.get(
        f"/conditions/{lumora.condition_id}/treatments/{lumora.id}-old?perspective=caregiver"
        "&diagnosis=nonsense&page=2"
    )
    assert response.status_code == 301
    assert response.headers["Location"] == treatment_path(lumora, perspective="caregiver", page=2)
