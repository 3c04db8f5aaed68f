"""Passages of a summary linked to what members report about the treatments they name.

A reviewer marks a passage of the published summary (text that occurs in it word for word,
compared as plain text with whitespace collapsed) as naming treatments of the condition's
vocabulary. Beside the summary, readers then see what members report about those treatments:
the figures each treatment's page shows, counted and protected by forum/comparing, never
counted anew here.

A claim belongs to the summary, not to one revision: it is shown while the current published
revision holds its passage, and shown again if a later one holds it again. Whether a passage
names its treatments is the reviewer's judgement ("muscle relaxants" can name two), so its
words are not checked against the treatments' names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.accounts.models import User
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.comparing.aggregates import TreatmentTally, condition_report
from forum.conditions.models import Treatment
from forum.content import text_of_html
from forum.core.errors import ForumError
from forum.database import db
from forum.questions.models import Question
from forum.summaries import permissions
from forum.summaries.models import ClaimTreatment, Summary, SummaryClaim, SummaryRevision
from forum.summaries.services import current_summary
from forum.web.request_input import MAX_ID

# How every read loads a claim's treatments (SummaryClaim.named): flat joins on the link rows.
WITH_TREATMENTS = joinedload(SummaryClaim.named).joinedload(ClaimTreatment.treatment)

# A panel beside a summary can show a handful; past this, a reviewer unlinks one first.
MAX_CLAIMS = 30


@dataclass(frozen=True)
class ClaimRow:
    """A claim as the reviewers' page lists it."""

    claim: SummaryClaim
    is_current: bool  # its passage is in the current published revision


@dataclass(frozen=True)
class TreatmentFigures:
    treatment: Treatment
    tally: TreatmentTally | None  # None: no answer this reader's figures count names it


@dataclass(frozen=True)
class ShownClaim:
    """A claim as readers see it: the passage, and each treatment's figures."""

    passage: str
    treatments: tuple[TreatmentFigures, ...]


def collapsed(text: str) -> str:
    return " ".join(text.split())


def summary_texts(revision: SummaryRevision) -> tuple[str, ...]:
    """What a revision says, as the plain texts a passage is looked for in: its short answer,
    its body (from the stored HTML: the words readers see, without Markdown's marks) and each
    key point."""
    return (
        collapsed(revision.short_answer),
        text_of_html(revision.body_html),
        *(collapsed(point) for point in revision.key_point_list),
    )


def passage_in(passage: str, texts: Iterable[str]) -> bool:
    """Whether PASSAGE occurs word for word, whitespace aside, in one of TEXTS."""
    wanted = collapsed(passage)
    return bool(wanted) and any(wanted in text for text in texts)


def claims_of(summary_id: int) -> list[SummaryClaim]:
    """The summary's claims with their treatments and marker, in the order they were marked:
    one query."""
    query = (
        select(SummaryClaim)
        .where(SummaryClaim.summary_id == summary_id)
        .options(WITH_TREATMENTS, joinedload(SummaryClaim.created_by))
        .order_by(SummaryClaim.position, SummaryClaim.id)
    )
    return list(db.session.scalars(query).unique())


def claim_rows(revision: SummaryRevision) -> list[ClaimRow]:
    """Every claim of the revision's summary, each marked as in this revision or not."""
    texts = summary_texts(revision)
    return [
        ClaimRow(claim, passage_in(claim.passage, texts))
        for claim in claims_of(revision.summary_id)
    ]


def find_claim(question: Question, claim_id: int) -> SummaryClaim | None:
    """The claim, if it belongs to the question's summary."""
    return db.session.scalar(
        select(SummaryClaim)
        .join(Summary, Summary.id == SummaryClaim.summary_id)
        .where(SummaryClaim.id == claim_id, Summary.question_id == question.id)
        .options(WITH_TREATMENTS)
    )


def mark_claim(
    question: Question, reviewer: User, passage: str, treatment_ids: Sequence[int]
) -> SummaryClaim:
    """Link a passage of the question's published summary to what members report about the
    treatments it names."""
    if not permissions.can_mark_claims(reviewer):
        raise ForumError("Only medical reviewers can link a summary to members' reports.")
    revision = current_summary(question.id)
    if revision is None:
        raise ForumError(
            "This question has no published summary yet. Once one is published, its "
            "passages can be linked to members' reports."
        )
    passage = collapsed(passage)
    if not passage:
        raise ForumError("Please copy the passage from the summary.", field="passage")
    if not passage_in(passage, summary_texts(revision)):
        raise ForumError(
            "That passage is not in the published summary, word for word. Please copy it from "
            "the summary as readers see it, within the short answer, the body or one key point.",
            field="passage",
        )
    treatments = _vocabulary_treatments(question, treatment_ids)
    existing = claims_of(revision.summary_id)
    if any(claim.passage == passage for claim in existing):
        raise ForumError(
            "That passage is already linked. Unlink it first to change the treatments it names.",
            field="passage",
        )
    if len(existing) >= MAX_CLAIMS:
        raise ForumError(
            f"A summary can have at most {MAX_CLAIMS} linked passages. Unlink one first."
        )
    claim = SummaryClaim(
        summary=revision.summary,
        passage=passage,
        position=max((claim.position for claim in existing), default=-1) + 1,
        created_by=reviewer,
        treatments=treatments,
    )
    db.session.add(claim)
    db.session.flush()  # the log names the claim by its id
    record_action(reviewer, Action.CLAIM_MARKED, "summary_claim", claim.id, after=_snapshot(claim))
    return claim


def remove_claim(claim: SummaryClaim, reviewer: User) -> None:
    """Unlink a passage: readers no longer see members' figures beside it."""
    if not permissions.can_mark_claims(reviewer):
        raise ForumError("Only medical reviewers can unlink a summary from members' reports.")
    before = _snapshot(claim)
    db.session.delete(claim)
    record_action(reviewer, Action.CLAIM_REMOVED, "summary_claim", claim.id, before=before)


def published_with_claims(question_id: int) -> SummaryRevision | None:
    """What readers see of the question's summary (services.current_summary), with its claims
    and their treatments loaded in the same query."""
    return current_summary(
        question_id,
        joinedload(SummaryRevision.summary).joinedload(Summary.claims).options(WITH_TREATMENTS),
    )


def claims_for_readers(
    question: Question, revision: SummaryRevision, viewer: User, threshold: int
) -> list[ShownClaim]:
    """The claims whose passage the revision holds, each treatment with the figures its own
    page shows VIEWER (members-only answers count for members only): one grouped query however
    many claims and treatments, and only when there is a claim to show (a revision from
    published_with_claims holds its claims already)."""
    texts = summary_texts(revision)
    current = [claim for claim in revision.summary.claims if passage_in(claim.passage, texts)]
    if not current:
        return []
    # The condition's figures are each treatment's page's figures, protected the same way:
    # one grouped query for every treatment named, instead of one per treatment.
    report = condition_report(question.condition_id, viewer, threshold)
    tallies = {tally.treatment_id: tally for tally in report.treatments if not tally.is_other}
    return [
        ShownClaim(
            claim.passage,
            tuple(TreatmentFigures(t, tallies.get(t.id)) for t in claim.treatments_by_name()),
        )
        for claim in current
    ]


def claims_marked_by(user: User) -> list[SummaryClaim]:
    """The claims USER marked, oldest first, with their treatments and question: for their
    data export."""
    query = (
        select(SummaryClaim)
        .where(SummaryClaim.created_by_id == user.id)
        .options(
            WITH_TREATMENTS,
            joinedload(SummaryClaim.summary).joinedload(Summary.question),
        )
        .order_by(SummaryClaim.id)
    )
    return list(db.session.scalars(query).unique())


def _vocabulary_treatments(question: Question, treatment_ids: Sequence[int]) -> list[Treatment]:
    wanted = set(treatment_ids)
    if not wanted:
        raise ForumError(
            "Please choose at least one treatment the passage names.", field="treatments"
        )
    refusal = f"Please choose treatments from the {question.condition.name} list."
    if not all(0 < treatment_id <= MAX_ID for treatment_id in wanted):
        raise ForumError(refusal, field="treatments")
    found = db.session.scalars(
        select(Treatment)
        .where(Treatment.id.in_(wanted), Treatment.condition_id == question.condition_id)
        .order_by(Treatment.name)
    ).all()
    if len(found) != len(wanted):
        raise ForumError(refusal, field="treatments")
    return list(found)


def _snapshot(claim: SummaryClaim) -> dict[str, Any]:
    return {
        "summary_id": claim.summary_id,
        "passage": claim.passage,
        "treatments": [
            {"id": treatment.id, "name": treatment.name} for treatment in claim.treatments_by_name()
        ],
    }
