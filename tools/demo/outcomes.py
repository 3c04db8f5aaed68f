"""Demo outcomes over time: each condition's side-effect vocabulary, the optional details of
demo treatment reports (when started and stopped, why, how soon it helped, how hard it was to
get; never a dose: the demo gives no medical figures), and answers that asked for check-ins.

Each answer's details come from a random stream of their own, so the rest of the demo content
is the same as before these details existed.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select

from forum.accounts.models import User
from forum.answers.models import (
    Access,
    Answer,
    Month,
    Outcome,
    ReportedSideEffect,
    Severity,
    StopReason,
    TimeToHelp,
    TreatmentReport,
)
from forum.conditions.models import Condition, SideEffect, TreatmentKind
from forum.core.slugs import slugify
from forum.database import db
from forum.outcomes import sending
from forum.outcomes.models import CHECK_IN_MONTHS, CheckIn
from forum.outcomes.schedule import months_after
from tools.demo.data.side_effects import SIDE_EFFECT_NAMES
from tools.demo.data.specs import ConditionSpec

DETAILS_SHARE = 0.65  # of reports that give a start month and the rest
CHECK_INS_SHARE = 0.35  # of answers whose author asked for check-ins
ANSWERED_SHARE = 0.7  # of check-ins sent, answered
SEVERITY_WEIGHTS = {Severity.MILD: 5, Severity.MODERATE: 3, Severity.SEVERE: 1}
ACCESS_WEIGHTS = {Access.EASY: 4, Access.SOME_EFFORT: 3, Access.HARD: 2, Access.VERY_HARD: 1}
HELPED = (Outcome.HELPED_A_LOT, Outcome.HELPED_SOMEWHAT)
TIME_TO_HELP_WEIGHTS = {
    TimeToHelp.DAYS: 2,
    TimeToHelp.WEEKS: 4,
    TimeToHelp.MONTHS: 3,
    TimeToHelp.LONGER: 1,
}
STOP_REASON_WEIGHTS = {
    Outcome.HELPED_A_LOT: {StopReason.COURSE_FINISHED: 4, StopReason.COST_OR_ACCESS: 2,
                           StopReason.DOCTORS_ADVICE: 2, StopReason.SIDE_EFFECTS: 1},
    Outcome.HELPED_SOMEWHAT: {StopReason.SIDE_EFFECTS: 3, StopReason.STOPPED_HELPING: 3,
                              StopReason.COST_OR_ACCESS: 2, StopReason.DOCTORS_ADVICE: 2},
    Outcome.NO_CHANGE: {StopReason.STOPPED_HELPING: 5, StopReason.DOCTORS_ADVICE: 2,
                        StopReason.OTHER: 1},
    Outcome.MADE_IT_WORSE: {StopReason.SIDE_EFFECTS: 6, StopReason.DOCTORS_ADVICE: 2},
}  # fmt: skip


def ensure_side_effects(condition: Condition, spec: ConditionSpec) -> dict[str, SideEffect]:
    """The condition's side-effect vocabulary, by name, from the phrases its answers use."""
    existing = {side_effect.slug: side_effect for side_effect in condition.side_effects}
    names = dict.fromkeys(
        SIDE_EFFECT_NAMES[phrase]
        for treatment in spec.treatments
        for phrase in treatment.side_effects
        if phrase in SIDE_EFFECT_NAMES
    )
    vocabulary = {}
    for position, name in enumerate(names):
        side_effect = existing.get(slugify(name))
        if side_effect is None:
            side_effect = SideEffect(
                condition=condition, name=name, slug=slugify(name), position=position
            )
            db.session.add(side_effect)
        vocabulary[name] = side_effect
    return vocabulary


def add_details(
    report: TreatmentReport,
    kind: TreatmentKind,
    vocabulary: dict[str, SideEffect],
    published_at: datetime,
    rng: random.Random,
) -> None:
    """What a member might add behind "More about this treatment"."""
    if report.side_effects in SIDE_EFFECT_NAMES:
        severity = _weighted(rng, SEVERITY_WEIGHTS)
        picked = vocabulary[SIDE_EFFECT_NAMES[report.side_effects]]
        report.side_effect_reports.append(ReportedSideEffect(side_effect=picked, severity=severity))
    if rng.random() >= DETAILS_SHARE:
        return
    written = Month(published_at.year, published_at.month).number
    report.started_in = written - rng.randint(2, 60)
    if report.still_using is False:
        report.stopped_in = min(written, report.started_in + rng.randint(1, 18))
        report.stop_reason = _weighted(rng, STOP_REASON_WEIGHTS[report.outcome])
    if report.outcome in HELPED:
        report.time_to_help = _weighted(rng, TIME_TO_HELP_WEIGHTS)
    elif rng.random() < 0.6:
        report.time_to_help = TimeToHelp.NEVER
    if rng.random() < 0.5 or kind is TreatmentKind.PROCEDURE:
        report.access = _weighted(rng, ACCESS_WEIGHTS)


def add_check_ins(answer: Answer, now: datetime, rng: random.Random) -> None:
    """Some authors asked "ask me later"; the check-ins already due were sent, and most were
    answered, confirming the reports as they stand."""
    if rng.random() >= CHECK_INS_SHARE:
        return
    answer.wants_check_ins = True
    for months in CHECK_IN_MONTHS:
        due_at = months_after(answer.created_at, months)
        check_in = CheckIn(answer=answer, months=months, due_at=due_at)
        if due_at <= now:
            check_in.sent_at = due_at
            if rng.random() < ANSWERED_SHARE:
                check_in.answered_at = min(now, due_at + timedelta(days=rng.randint(1, 9)))
                for report in answer.treatment_reports:
                    report.checked_after_months = months
        db.session.add(check_in)


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def ensure_waiting_check_in(email: str, now: datetime) -> None:
    """The demo account EMAIL has a check-in waiting on its answer that names the most
    treatments, with a notification in its bell, so a newcomer can try the check-in page at once
    (README says how). The earlier check-ins of that answer were answered."""
    answers = db.session.scalars(
        select(Answer).join(User, User.id == Answer.author_id).where(User.email == email)
    )
    answer = max(answers, key=lambda found: len(found.treatment_reports), default=None)
    if answer is None or not answer.treatment_reports:
        return
    planned = {check_in.months: check_in for check_in in _check_ins_of(answer)}
    if any(c.sent_at and not c.answered_at for c in planned.values()):
        return  # seeded already, and not yet answered
    answer.wants_check_ins = True
    due = [months for months in CHECK_IN_MONTHS if months_after(answer.created_at, months) <= now]
    waiting = due[-1] if due else CHECK_IN_MONTHS[0]
    for months in CHECK_IN_MONTHS:
        check_in = planned.get(months) or CheckIn(answer=answer, months=months)
        check_in.due_at = min(now, months_after(answer.created_at, months))
        if months < waiting:
            check_in.sent_at = check_in.sent_at or check_in.due_at
            check_in.answered_at = check_in.answered_at or check_in.due_at
        elif months == waiting:
            check_in.sent_at, check_in.answered_at = now, None
        else:
            check_in.due_at = months_after(answer.created_at, months)
            check_in.sent_at = check_in.answered_at = None
        db.session.add(check_in)
    db.session.flush()
    sending.ask(answer, waiting)


def _check_ins_of(answer: Answer) -> list[CheckIn]:
    return list(db.session.scalars(select(CheckIn).where(CheckIn.answer_id == answer.id)))
