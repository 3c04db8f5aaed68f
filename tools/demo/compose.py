"""What a demo answer says: its treatment reports, its text and its time since diagnosis."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime

from forum.answers.models import Outcome, TimeSinceDiagnosis
from forum.conditions.models import Perspective
from tools.demo import data
from tools.demo.data import ConditionSpec, MembershipSpec, Topic

MAX_SENTENCES = 5
CLOSER_SHARE = 0.4
SIDE_EFFECT_SHARE = 0.4
UNSAID_STILL_USING_SHARE = 0.25
STILL_USING_SHARE = {
    Outcome.HELPED_A_LOT: 0.85,
    Outcome.HELPED_SOMEWHAT: 0.6,
    Outcome.NO_CHANGE: 0.15,
    Outcome.MADE_IT_WORSE: 0.0,
}
REPORTS_ON_TREATMENT_QUESTIONS = (1, 4, 4, 3, 2)  # weights for 0..4 treatments reported
REPORT_SHARE_ON_OTHER_QUESTIONS = 0.3


@dataclass(frozen=True)
class PlannedReport:
    treatment: data.TreatmentSpec
    outcome: Outcome
    side_effects: str
    still_using: bool | None


def time_since_diagnosis(diagnosed_year: int | None, on: datetime) -> TimeSinceDiagnosis:
    """The answer's "diagnosed N years ago" bucket, as of the day it was written."""
    years = None if diagnosed_year is None else on.year - diagnosed_year
    if years is None or years < 0:
        return TimeSinceDiagnosis.NOT_DIAGNOSED
    if years < 1:
        return TimeSinceDiagnosis.UNDER_1_YEAR
    if years <= 2:
        return TimeSinceDiagnosis.YEARS_1_TO_2
    if years <= 5:
        return TimeSinceDiagnosis.YEARS_3_TO_5
    if years <= 10:
        return TimeSinceDiagnosis.YEARS_6_TO_10
    return TimeSinceDiagnosis.OVER_10_YEARS


def plan_reports(
    rng: random.Random, topic: Topic, treatments: tuple[data.TreatmentSpec, ...]
) -> list[PlannedReport]:
    if topic is Topic.TREATMENTS:
        weights = REPORTS_ON_TREATMENT_QUESTIONS
        count = rng.choices(range(len(weights)), weights=weights)[0]
    else:
        count = 1 if rng.random() < REPORT_SHARE_ON_OTHER_QUESTIONS else 0
    return [_plan_report(rng, treatment) for treatment in rng.sample(treatments, count)]


def _plan_report(rng: random.Random, treatment: data.TreatmentSpec) -> PlannedReport:
    weights = data.OUTCOME_WEIGHTS[treatment.tendency]
    outcome = rng.choices(list(weights), weights=list(weights.values()))[0]
    side_effects = ""
    if treatment.side_effects and rng.random() < SIDE_EFFECT_SHARE:
        side_effects = rng.choice(treatment.side_effects)
    still_using = None
    if outcome is Outcome.MADE_IT_WORSE or rng.random() >= UNSAID_STILL_USING_SHARE:
        still_using = rng.random() < STILL_USING_SHARE[outcome]
    return PlannedReport(treatment, outcome, side_effects, still_using)


# ---------------------------------------------------------------------------------------------
# Composing an answer's text from the condition's fragments
# ---------------------------------------------------------------------------------------------


def compose_answer(
    rng: random.Random,
    condition: ConditionSpec,
    topic: Topic,
    membership: MembershipSpec,
    reports: list[PlannedReport],
) -> str:
    """A first-person answer of two to five sentences, consistent with its treatment reports."""
    opening, details = _topic_sentences(rng, condition.fragments[topic], membership.relation)
    experiences = _report_sentences(rng, reports, membership.relation)
    closer = rng.choice(data.CLOSERS) if rng.random() < CLOSER_SHARE else None
    if topic is Topic.TREATMENTS:
        first = [opening]
        room = MAX_SENTENCES - 1 - len(experiences)
        for main, follow_up in experiences:
            first.append(main)
            if follow_up and room > 0:
                first.append(follow_up)
                room -= 1
        second = details[: min(room, 1 if experiences else 2)]
    else:
        first = [opening, *details]
        second = [main for main, _ in experiences]
    if closer and len(first) + len(second) < MAX_SENTENCES:
        second.append(closer)
    values = _sentence_values(condition, membership)
    paragraphs = [" ".join(part).format(**values) for part in (first, second) if part]
    return "\n\n".join(paragraphs)


def _topic_sentences(
    rng: random.Random, fragments: data.Fragments, relation: Perspective
) -> tuple[str, list[str]]:
    if relation is Perspective.CAREGIVER:
        # Kept in data order: a caregiver's first line introduces who they care for.
        first, second = sorted(rng.sample(range(len(fragments.caregiver_lines)), 2))
        return fragments.caregiver_lines[first], [fragments.caregiver_lines[second]]
    opening = rng.choice(fragments.patient_openers)
    return opening, rng.sample(fragments.patient_details, rng.randint(1, 2))


def _report_sentences(
    rng: random.Random, reports: list[PlannedReport], relation: Perspective
) -> list[tuple[str, str | None]]:
    """Per report, the sentence naming the treatment and its outcome, and an optional follow-up.

    No template is used twice in one answer while another is left, so it never repeats itself.
    """
    used: set[str] = set()
    sentences = []
    for report in reports:
        main = _unused_choice(rng, data.TREATMENT_SENTENCES[relation][report.outcome], used)
        follow_up = _follow_up_template(rng, report, relation, used)
        sentences.append((_fill_treatment(main, report), follow_up))
    return sentences


def _follow_up_template(
    rng: random.Random, report: PlannedReport, relation: Perspective, used: set[str]
) -> str | None:
    if report.side_effects:
        template = _unused_choice(rng, data.SIDE_EFFECT_SENTENCES, used)
        return template.replace("{side_effects}", report.side_effects)
    # "No change, but I still use it" reads as a contradiction, so that pairing goes unsaid.
    if report.still_using is None or report.outcome is Outcome.MADE_IT_WORSE:
        return None
    if report.still_using and report.outcome is Outcome.NO_CHANGE:
        return None
    choices = data.STILL_USING_SENTENCES[relation][report.still_using]
    if all(choice in used for choice in choices):
        return None
    return _unused_choice(rng, choices, used)


def _unused_choice(rng: random.Random, choices: tuple[str, ...], used: set[str]) -> str:
    fresh = [choice for choice in choices if choice not in used] or list(choices)
    choice = rng.choice(fresh)
    used.add(choice)
    return choice


def _fill_treatment(template: str, report: PlannedReport) -> str:
    name = report.treatment.in_sentence
    return template.replace("{treatment}", name).replace("{Treatment}", _capitalised(name))


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def _sentence_values(condition: ConditionSpec, membership: MembershipSpec) -> dict[str, str]:
    return {"symptom": condition.symptom, "relative": membership.cares_for or "family member"}


SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def sentence_count(text: str) -> int:
    """How many sentences a composed answer has (our fragments use no abbreviations)."""
    return len(SENTENCE_END.findall(text))
