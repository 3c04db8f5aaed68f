"""Where members' reports diverge from what a summary says: review tasks for the reviewers.

For each summary with a published revision, on a visible question, a task is opened when
1. UNMENTIONED_TREATMENT: a treatment of the condition's vocabulary is named in the question's
   published answers by at least DIVERGENCE_MIN_REPORTS members, and the summary names it
   nowhere: in no claim whose passage its current revision holds, and not in its text (the
   treatment's name or a synonym, as whole words, ignoring case);
2. MOSTLY_WORSE: a treatment the summary names (the same way) has at least
   DIVERGENCE_MIN_REPORTS reports on the question, and more than half say it made things worse;
3. OVERDUE_WITH_NEW_REPORTS: the summary is past its review date, and at least
   DIVERGENCE_MIN_REPORTS answers were published since its current revision was.

Reports count as the question page counts them for a signed-in member: published answers only
(members-only ones too: the evidence goes to reviewers alone), one per member and treatment.
DIVERGENCE_MIN_REPORTS is never taken below SMALL_NUMBER_THRESHOLD, so a task never rests on
fewer members than a page would name.

Once: there is one open task per summary, kind and subject (a partial unique index holds that
even against two runs at once). A resolved task stands for the evidence it was resolved on: the
same divergence opens a new task only on fresh evidence, when the summary's current revision is
not the one the resolved task judged, or when the count that triggered it has grown by
DIVERGENCE_MIN_REPORTS since. So a reviewer who checked and kept the summary as it is is asked
again once as many members again have reported, not at the next hourly run. The job never
closes a task whose divergence has gone (a claim now names the treatment, say): its evidence was
true when it was opened, and a reviewer closes it with a note.

The job runs every hour at :45; `flask summaries check` runs it by hand. A run costs six grouped
queries whatever the number of summaries and answers, and one insert for each new task.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import current_app
from huey import crontab
from sqlalchemy import Select, and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager

from forum.answers.models import Answer, AnswerStatus, Outcome, TreatmentReport
from forum.conditions.models import Treatment
from forum.database import db, utcnow
from forum.jobs.queue import every
from forum.questions.models import Question, QuestionStatus
from forum.summaries.claims import collapsed, passage_in, summary_texts
from forum.summaries.models import (
    ReviewTask,
    ReviewTaskKind,
    RevisionStatus,
    Summary,
    SummaryClaim,
    SummaryRevision,
    summary_claim_treatments,
)


@dataclass(frozen=True)
class Divergence:
    """One way a summary's current revision and members' reports disagree, with the counts."""

    revision: SummaryRevision
    kind: ReviewTaskKind
    count: int  # what triggered it: members who named the treatment, or answers since
    treatment: Treatment | None = None
    outcomes: Mapping[Outcome, int] | None = None

    @property
    def subject(self) -> str:
        return f"treatment:{self.treatment.id}" if self.treatment else ""

    def evidence(self, minimum: int) -> dict[str, Any]:
        """The counts as found, and the revision they were judged against, for the task."""
        revision = self.revision
        found: dict[str, Any] = {
            "revision_id": revision.id,
            "revision_number": revision.number,
            "published_at": revision.published_at.isoformat(),
            "count": self.count,
            "minimum": minimum,
        }
        if self.treatment is not None:
            found["treatment"] = self.treatment.name
            found["outcomes"] = {
                outcome.value: self.outcomes.get(outcome, 0) for outcome in Outcome
            }
        else:
            found["review_due"] = revision.summary.next_review_due.isoformat()
        return found


def minimum_reports() -> int:
    """DIVERGENCE_MIN_REPORTS, never below the small-number threshold."""
    config = current_app.config
    return max(int(config["DIVERGENCE_MIN_REPORTS"]), int(config["SMALL_NUMBER_THRESHOLD"]))


@every(crontab(minute="45"))  # the check-ins go at :30, the digests on the hour
def check_summaries() -> None:
    """Every hour: open review tasks where members' reports diverge from a summary."""
    open_divergence_tasks()
    db.session.commit()


def open_divergence_tasks() -> list[ReviewTask]:
    """Open a review task for each divergence that has none yet (nor fresh evidence missing,
    after one was resolved); the tasks opened."""
    minimum = minimum_reports()
    revisions = _current_revisions()
    if not revisions:
        return []
    vocabulary = _vocabulary()
    claimed = _claimed_treatments()
    reports = _report_counts()
    since = _answers_since_revision()
    latest = _latest_tasks()
    opened = []
    for revision in revisions:
        question = revision.summary.question
        found = divergences(
            revision,
            vocabulary.get(question.condition_id, []),
            claimed.get(revision.summary_id, []),
            reports.get(question.id, {}),
            since.get(question.id, 0),
            minimum,
        )
        for divergence in found:
            if task := _open_once(divergence, latest, minimum):
                opened.append(task)
    return opened


def divergences(
    revision: SummaryRevision,
    vocabulary: list[Treatment],
    claims: list[tuple[str, int]],
    reports: Mapping[int, Mapping[Outcome, int]],
    answers_since: int,
    minimum: int,
) -> list[Divergence]:
    """How REVISION (its summary's current one) and the question's reports diverge: REPORTS
    are outcome counts by treatment id, CLAIMS (passage, treatment id) pairs."""
    named = treatments_named(revision, vocabulary, claims)
    found = []
    for treatment in vocabulary:
        outcomes = reports.get(treatment.id, {})
        total = sum(outcomes.values())
        if total < minimum:
            continue
        if treatment.id not in named:
            kind = ReviewTaskKind.UNMENTIONED_TREATMENT
        elif 2 * outcomes.get(Outcome.MADE_IT_WORSE, 0) > total:
            kind = ReviewTaskKind.MOSTLY_WORSE
        else:
            continue
        found.append(Divergence(revision, kind, total, treatment, outcomes))
    if revision.summary.is_review_overdue and answers_since >= minimum:
        found.append(Divergence(revision, ReviewTaskKind.OVERDUE_WITH_NEW_REPORTS, answers_since))
    return found


def treatments_named(
    revision: SummaryRevision, vocabulary: list[Treatment], claims: list[tuple[str, int]]
) -> set[int]:
    """The ids of the treatments REVISION names: by a claim whose passage it holds, or in its
    text (name or synonym, whole words, ignoring case)."""
    texts = summary_texts(revision)
    named = {treatment_id for passage, treatment_id in claims if passage_in(passage, texts)}
    named |= {
        treatment.id
        for treatment in vocabulary
        if any(_name_pattern(treatment).search(text) for text in texts)
    }
    return named


def _name_pattern(treatment: Treatment) -> re.Pattern:
    names = sorted({collapsed(treatment.name), *map(collapsed, treatment.synonym_list)} - {""})
    # Longest first, and no \b: a name may start or end with a sign ("C++", "IVIg (i.v.)").
    spelled = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{spelled})(?!\w)", re.IGNORECASE)


def _open_once(
    divergence: Divergence, latest: Mapping[tuple, ReviewTask], minimum: int
) -> ReviewTask | None:
    summary_id = divergence.revision.summary_id
    last = latest.get((summary_id, divergence.kind, divergence.subject))
    if last is not None and (last.is_open or not _is_fresh(divergence, last, minimum)):
        return None
    task = ReviewTask(
        summary_id=summary_id,
        kind=divergence.kind,
        subject=divergence.subject,
        treatment_id=divergence.treatment.id if divergence.treatment else None,
        evidence=divergence.evidence(minimum),
    )
    try:
        with db.session.begin_nested():  # a run beside this one may have opened it first
            db.session.add(task)
    except IntegrityError:
        return None
    return task


def _is_fresh(divergence: Divergence, resolved: ReviewTask, minimum: int) -> bool:
    """Whether the divergence rests on more than the resolved task's evidence did."""
    judged = resolved.evidence.get("revision_id")
    return judged != divergence.revision.id or divergence.count >= (
        resolved.evidence.get("count", 0) + minimum
    )


# ---------------------------------------------------------------------------------------------
# The grouped queries: each one statement, whatever the number of summaries and answers
# ---------------------------------------------------------------------------------------------


def _current_revision_ids() -> Select:
    """The id of each summary's current revision: its latest published one."""
    rank = (
        func.row_number()
        .over(
            partition_by=SummaryRevision.summary_id,
            order_by=(SummaryRevision.published_at.desc(), SummaryRevision.number.desc()),
        )
        .label("rank")
    )
    ranked = (
        select(SummaryRevision.id, rank)
        .where(SummaryRevision.status == RevisionStatus.PUBLISHED)
        .subquery()
    )
    return select(ranked.c.id).where(ranked.c.rank == 1)


def _current_revisions() -> list[SummaryRevision]:
    """The current revision of every summary on a visible question, with summary and question."""
    query = (
        select(SummaryRevision)
        .join(SummaryRevision.summary)
        .join(Summary.question)
        .where(
            SummaryRevision.id.in_(_current_revision_ids()),
            Question.status != QuestionStatus.HIDDEN,
        )
        .options(contains_eager(SummaryRevision.summary).contains_eager(Summary.question))
        .order_by(Summary.id)
    )
    return list(db.session.scalars(query))


def _vocabulary() -> dict[int, list[Treatment]]:
    """The treatments of every condition with a summary, by condition id."""
    with_summary = select(Question.condition_id).join(Summary, Summary.question_id == Question.id)
    query = (
        select(Treatment)
        .where(Treatment.condition_id.in_(with_summary))
        .order_by(Treatment.position, Treatment.id)
    )
    by_condition: dict[int, list[Treatment]] = defaultdict(list)
    for treatment in db.session.scalars(query):
        by_condition[treatment.condition_id].append(treatment)
    return by_condition


def _claimed_treatments() -> dict[int, list[tuple[str, int]]]:
    """(passage, treatment id) of every claim, by summary id."""
    rows = db.session.execute(
        select(
            SummaryClaim.summary_id,
            SummaryClaim.passage,
            summary_claim_treatments.c.treatment_id,
        ).join(summary_claim_treatments, summary_claim_treatments.c.claim_id == SummaryClaim.id)
    )
    by_summary: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for summary_id, passage, treatment_id in rows:
        by_summary[summary_id].append((passage, treatment_id))
    return by_summary


def _report_counts() -> dict[int, dict[int, dict[Outcome, int]]]:
    """Members reporting each vocabulary treatment with each outcome, in the published answers
    of every question with a summary: by question id, then treatment id."""
    rows = db.session.execute(
        select(
            Answer.question_id,
            TreatmentReport.treatment_id,
            TreatmentReport.outcome,
            func.count(func.distinct(TreatmentReport.answer_id)),
        )
        .join(Answer, Answer.id == TreatmentReport.answer_id)
        .where(
            Answer.status == AnswerStatus.PUBLISHED,
            Answer.question_id.in_(select(Summary.question_id)),
            TreatmentReport.treatment_id.is_not(None),
        )
        .group_by(Answer.question_id, TreatmentReport.treatment_id, TreatmentReport.outcome)
    )
    counts: dict[int, dict[int, dict[Outcome, int]]] = {}
    for question_id, treatment_id, outcome, n in rows:
        counts.setdefault(question_id, {}).setdefault(treatment_id, {})[outcome] = n
    return counts


def _answers_since_revision() -> dict[int, int]:
    """Answers published since the current revision was, for each summary past its review
    date: by question id."""
    shared_at = func.coalesce(Answer.published_at, Answer.created_at)
    current = and_(
        SummaryRevision.summary_id == Summary.id,
        SummaryRevision.id.in_(_current_revision_ids()),
    )
    rows = db.session.execute(
        select(Summary.question_id, func.count(Answer.id))
        .select_from(Summary)
        .join(SummaryRevision, current)
        .join(Answer, Answer.question_id == Summary.question_id)
        .where(
            Summary.next_review_due < utcnow().date(),
            Answer.status == AnswerStatus.PUBLISHED,
            shared_at > SummaryRevision.published_at,
        )
        .group_by(Summary.question_id)
    )
    return {question_id: count for question_id, count in rows}


def _latest_tasks() -> dict[tuple, ReviewTask]:
    """The latest task for each summary, kind and subject: the open one if there is one (a new
    one opens only once the last is resolved)."""
    rank = (
        func.row_number()
        .over(
            partition_by=(ReviewTask.summary_id, ReviewTask.kind, ReviewTask.subject),
            order_by=ReviewTask.id.desc(),
        )
        .label("rank")
    )
    ranked = select(ReviewTask.id, rank).subquery()
    query = select(ReviewTask).join(ranked, ranked.c.id == ReviewTask.id).where(ranked.c.rank == 1)
    return {(task.summary_id, task.kind, task.subject): task for task in db.session.scalars(query)}
