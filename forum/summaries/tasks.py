"""Review tasks as reviewers meet them: listed on the dashboard, read with their evidence, and
resolved with a note or by starting a new draft (forum/summaries/divergence.py opens them).

The evidence holds the raw counts; what a page shows of them goes through the question page's
protection (comparing.aggregates.protect_row), so an outcome reported by one or two members
reads "fewer than 3" here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import contains_eager, joinedload

from forum.accounts.models import User
from forum.answers.models import Outcome
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.comparing.aggregates import Figure, protect_row
from forum.comparing.disclosure import TOTAL
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.questions.models import Question, QuestionStatus
from forum.summaries import permissions
from forum.summaries.models import (
    ReviewTask,
    ReviewTaskKind,
    ReviewTaskStatus,
    Summary,
    SummaryRevision,
)
from forum.summaries.services import open_working_draft

KIND_LABELS = {
    ReviewTaskKind.UNMENTIONED_TREATMENT: "A treatment many members report is not in the summary",
    ReviewTaskKind.MOSTLY_WORSE: "Most members say a treatment the summary names made it worse",
    ReviewTaskKind.OVERDUE_WITH_NEW_REPORTS: "Overdue for review, with new answers since",
}
ALREADY_RESOLVED = "Another reviewer has already resolved this task."


@dataclass(frozen=True)
class Evidence:
    """A task's evidence as pages show it: counts protected like the question page's."""

    task: ReviewTask
    count: int  # what triggered it; never below the small-number threshold
    revision_number: int
    revision_published_at: datetime
    treatment_name: str | None = None
    tried: Figure | None = None  # members who named the treatment on the question
    outcomes: tuple[tuple[Outcome, Figure], ...] = ()
    review_due: date | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.task.kind]

    @property
    def worse(self) -> Figure | None:
        return dict(self.outcomes).get(Outcome.MADE_IT_WORSE)


def evidence_of(task: ReviewTask, threshold: int) -> Evidence:
    """What TASK found, ready to be put in words."""
    found = task.evidence
    common = {
        "task": task,
        "count": found["count"],
        "revision_number": found["revision_number"],
        "revision_published_at": datetime.fromisoformat(found["published_at"]),
    }
    if "outcomes" not in found:
        return Evidence(**common, review_due=date.fromisoformat(found["review_due"]))
    row = protect_row({Outcome(key): n for key, n in found["outcomes"].items()}, threshold)
    return Evidence(
        **common,
        treatment_name=found["treatment"],
        tried=row.figure(TOTAL),
        outcomes=tuple((outcome, row.figure(outcome, of=TOTAL)) for outcome in Outcome),
    )


def open_tasks(threshold: int, limit: int) -> list[Evidence]:
    """The LIMIT oldest open tasks on visible questions, with their evidence: one query."""
    query = (
        select(ReviewTask)
        .join(ReviewTask.summary)
        .join(Summary.question)
        .where(ReviewTask.status == ReviewTaskStatus.OPEN, Question.status != QuestionStatus.HIDDEN)
        .options(
            contains_eager(ReviewTask.summary)
            .contains_eager(Summary.question)
            .joinedload(Question.condition)
        )
        .order_by(ReviewTask.created_at, ReviewTask.id)
        .limit(limit)
    )
    return [evidence_of(task, threshold) for task in db.session.scalars(query)]


def find_task(task_id: int) -> ReviewTask | None:
    """The task with its question, condition, treatment, resolver and draft, if its question is
    visible."""
    return db.session.scalar(
        select(ReviewTask)
        .join(ReviewTask.summary)
        .join(Summary.question)
        .where(ReviewTask.id == task_id, Question.status != QuestionStatus.HIDDEN)
        .options(
            contains_eager(ReviewTask.summary)
            .contains_eager(Summary.question)
            .joinedload(Question.condition),
            joinedload(ReviewTask.treatment),
            joinedload(ReviewTask.resolved_by),
        )
    )


def draft_of(task: ReviewTask) -> SummaryRevision | None:
    """The draft a task was resolved with, if it still exists (a discarded one does not)."""
    if task.draft_revision_id is None:
        return None
    return db.session.get(SummaryRevision, task.draft_revision_id)


def resolve_task(
    task: ReviewTask, reviewer: User, note: str, *, start_draft: bool = False
) -> SummaryRevision | None:
    """Close an open task with the reviewer's note, or by starting a new draft of the summary
    (the one already being written, if there is one), recorded on the task; the draft.

    Compare-and-set on the task's status: of two reviewers resolving it at once, the second
    changes nothing (no draft either) and is told so."""
    if not task.is_open:
        raise ForumError(ALREADY_RESOLVED)
    if not permissions.can_resolve_task(reviewer, task):
        raise ForumError("Only medical reviewers can resolve review tasks.")
    note = note.strip()
    if not note and not start_draft:
        raise ForumError(
            "Please write a note: what you checked, and what you decided.", field="note"
        )
    before = _snapshot(task)
    with db.session.begin_nested():  # a refusal below leaves no draft behind
        draft = open_working_draft(task.summary.question, reviewer) if start_draft else None
        if draft is not None:
            db.session.flush()  # the task records the draft by its id
            note = note or f"Taken up in draft version {draft.number}."
        _close(task, reviewer, note, draft)
    db.session.expire(task)
    record_action(
        reviewer,
        Action.REVIEW_TASK_RESOLVED,
        "review_task",
        task.id,
        reason=note,
        before=before,
        after=_snapshot(task),
    )
    return draft


def _close(task: ReviewTask, reviewer: User, note: str, draft: SummaryRevision | None) -> None:
    closed = db.session.execute(
        update(ReviewTask)
        .where(ReviewTask.id == task.id, ReviewTask.status == ReviewTaskStatus.OPEN)
        .values(
            status=ReviewTaskStatus.RESOLVED,
            resolved_by_id=reviewer.id,
            resolved_at=utcnow(),
            resolution_note=note,
            draft_revision_id=draft.id if draft is not None else None,
        )
        .execution_options(synchronize_session=False)
    )
    if closed.rowcount != 1:
        raise ForumError(ALREADY_RESOLVED)


def tasks_resolved_by(user: User) -> list[ReviewTask]:
    """The tasks USER resolved, oldest first, with their question: for their data export."""
    query = (
        select(ReviewTask)
        .where(ReviewTask.resolved_by_id == user.id)
        .options(joinedload(ReviewTask.summary).joinedload(Summary.question))
        .order_by(ReviewTask.id)
    )
    return list(db.session.scalars(query))


def _snapshot(task: ReviewTask) -> dict[str, Any]:
    return {
        "summary_id": task.summary_id,
        "kind": task.kind.value,
        "subject": task.subject,
        "status": task.status.value,
        "resolution_note": task.resolution_note,
        "draft_revision_id": task.draft_revision_id,
    }
