"""Demo content for reviewers and readers working on the knowledge together: passages of the
Stiff Person Syndrome treatments summary linked to what members report, a reviewer's note under
a member's answer, a reader's suggested correction waiting for a reviewer, and the review tasks
the divergence check opens on the demo community.

Everything goes through the real services (mark_claim, save_note, suggest_correction,
open_divergence_tasks), so the log entries and notifications are what the forum itself would
make. Idempotent: a claim is found by its passage, the note by its answer, the suggestion by its
proposer; the divergence check opens no task twice.
"""

from __future__ import annotations

from sqlalchemy import select

from forum.accounts.models import User
from forum.answers.models import Answer, AnswerStatus
from forum.database import db
from forum.questions.models import Question
from forum.reviewer_notes.services import NoteInput, note_on, save_note
from forum.suggestions.services import SuggestionInput, open_suggestion_by, suggest_correction
from forum.summaries.claims import claims_of, mark_claim
from forum.summaries.divergence import open_divergence_tasks
from forum.summaries.services import current_summary
from tools.demo import data
from tools.demo.data.references import MEDLINEPLUS

KIND = "knowledge examples"
QUESTION_TITLE = "What are the primary treatments for Stiff Person Syndrome?"

# Key points of that summary, each with the treatments it names.
CLAIMS = (
    ("Benzodiazepines and baclofen are common first options.", ("Diazepam", "Baclofen")),
    ("IVIG may be considered when symptoms remain troublesome.", ("IVIG",)),
    ("Physical therapy and trigger management support the medicines.", ("Physical therapy",)),
)

# A community member no browser test signs in as: the note tells them, and their bell changes.
NOTED_AUTHOR_EMAIL = "northwind.nell@demo.example"
NOTE = NoteInput(
    body=(
        "Demo note: finding the right mix of treatments often takes time. Change a dose only "
        "with the doctor who prescribes it, and ask early how approval for infusions works "
        "where you live."
    ),
    source_title=MEDLINEPLUS.title,
    source_url=MEDLINEPLUS.url,
)

SUGGESTER_EMAIL = "meadow.march@demo.example"
SUGGESTION_ADDS = (
    "Demo suggestion: many members say pacing the day and resting before outings helped as "
    "much as any single medicine."
)
SUGGESTION_REASON = (
    "Demo content: a sample suggestion for trying out the reviewers' dashboard. The summary "
    "says little about pacing, which comes up in many answers."
)


def seed_knowledge_examples(report) -> None:
    """Add the claims, note and suggestion that are missing, then run the divergence check.
    Flushes, never commits."""
    question = db.session.scalar(select(Question).where(Question.title == QUESTION_TITLE))
    reviewer = db.session.scalar(select(User).where(User.email == data.REVIEWER_EMAIL))
    if question is None or reviewer is None or current_summary(question.id) is None:
        return
    _ensure_claims(question, reviewer, report)
    _ensure_note(question, reviewer, report)
    _ensure_suggestion(question, report)
    open_divergence_tasks()
    db.session.flush()


def _ensure_claims(question: Question, reviewer: User, report) -> None:
    linked = {claim.passage for claim in claims_of(current_summary(question.id).summary_id)}
    treatments = {t.name: t.id for t in question.condition.treatments}
    for passage, names in CLAIMS:
        report.tally(KIND, passage not in linked)
        if passage not in linked:
            mark_claim(question, reviewer, passage, [treatments[name] for name in names])


def _ensure_note(question: Question, reviewer: User, report) -> None:
    answer = db.session.scalar(
        select(Answer)
        .join(User, User.id == Answer.author_id)
        .where(
            Answer.question_id == question.id,
            Answer.status == AnswerStatus.PUBLISHED,
            User.email == NOTED_AUTHOR_EMAIL,
        )
    )
    if answer is None:
        return
    missing = note_on(answer) is None
    report.tally(KIND, missing)
    if missing:
        save_note(answer, reviewer, NOTE, expected_version=0)


def _ensure_suggestion(question: Question, report) -> None:
    proposer = db.session.scalar(select(User).where(User.email == SUGGESTER_EMAIL))
    revision = current_summary(question.id)
    if proposer is None:
        return
    waiting = open_suggestion_by(proposer, revision.summary)
    report.tally(KIND, waiting is None)
    if waiting is None:
        body = f"{revision.body}\n\n{SUGGESTION_ADDS}"
        source = SuggestionInput(
            revision.short_answer, body, SUGGESTION_REASON, MEDLINEPLUS.title, MEDLINEPLUS.url
        )
        suggest_correction(question, proposer, source)
