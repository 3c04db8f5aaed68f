"""Suggested corrections: a reader proposes a change to a published summary, with a source; a
medical reviewer takes it into a new draft or declines it with a reason.

A suggestion holds the whole short answer and body as the reader would have them read, and the
published revision they read (its base). Accepting saves a draft through the summaries service,
so the draft obeys every rule a reviewer's own draft does and then goes through the usual
four-eyes review. Each decision is logged with the proposer as its subject, and announced
(events.suggestion_decided) so that they are told.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from forum.accounts.models import User
from forum.accounts.standing import is_reviewer
from forum.audit.actions import Action
from forum.audit.log import digest_of, record_action
from forum.content import is_web_address
from forum.core import events
from forum.core.errors import ForumError
from forum.core.textdiff import diff_html
from forum.database import db, utcnow
from forum.questions.models import Question, QuestionStatus
from forum.suggestions import permissions
from forum.suggestions.models import SuggestionStatus, SummarySuggestion
from forum.summaries.dashboard import ROWS_PER_TABLE
from forum.summaries.diff import FieldDiff
from forum.summaries.models import Summary, SummaryRevision
from forum.summaries.services import (
    ReferenceInput,
    SummaryInput,
    check_content,
    current_summary,
    save_draft,
    starting_content,
    working_revision,
)

NOTHING_TO_CORRECT = "This question has no published summary to correct yet."
ALREADY_SUGGESTED = (
    "You already have a suggestion about this summary waiting for a reviewer. You can follow it "
    "on your suggestions page, in your account."
)
CHANGES_NOTHING = (
    "Your suggestion leaves the short answer and the summary exactly as they are. Please change "
    "the words you think are wrong, or add what is missing."
)
ALREADY_DECIDED = "Another reviewer has already decided about this suggestion: {outcome}."
DRAFT_OPEN = (
    "This summary already has a draft in progress (version {number}). It needs to be published "
    "or discarded before a suggestion can be taken into a new draft."
)
# The draft's change note. Readers see it in the history once the draft is published, so it
# credits the suggestion without quoting the reader, whose words may say more about them than
# they meant to publish.
CREDIT = "Corrected after a reader's suggestion, with the source they gave: {source}."


@dataclass(frozen=True)
class SuggestionInput:
    short_answer: str
    body: str  # Markdown, as the summary's own body
    reason: str  # what is wrong or missing, in the reader's words
    source_title: str
    source_url: str = ""


@dataclass(frozen=True)
class SuggestionReview:
    """What a reviewer reads before deciding about a suggestion."""

    suggestion: SummarySuggestion
    current: SummaryRevision  # the summary's latest published revision
    against_base: list[FieldDiff]  # the suggestion against the revision the reader read
    against_current: list[FieldDiff] | None  # and against the current one, if published since
    open_draft: SummaryRevision | None  # a draft in progress, which stops accepting

    @property
    def published_since(self) -> bool:
        return self.against_current is not None


# ---------------------------------------------------------------------------------------------
# Suggesting
# ---------------------------------------------------------------------------------------------


def suggest_correction(
    question: Question, proposer: User, proposal: SuggestionInput
) -> SummarySuggestion:
    """File a reader's correction to the question's published summary, for the reviewers."""
    if refusal := permissions.suggesting_refusal(proposer):
        raise ForumError(refusal)
    base = current_summary(question.id)
    if base is None:
        raise ForumError(NOTHING_TO_CORRECT)
    _one_send_at_a_time(proposer)
    if open_suggestion_by(proposer, base.summary) is not None:
        raise ForumError(ALREADY_SUGGESTED)
    proposal = _tidied(proposal)
    _check_proposal(proposal, base)
    suggestion = SummarySuggestion(
        summary=base.summary,
        base_revision=base,
        proposer=proposer,
        short_answer=proposal.short_answer,
        body=proposal.body,
        reason=proposal.reason,
        source_title=proposal.source_title,
        source_url=proposal.source_url,
        status=SuggestionStatus.OPEN,
    )
    db.session.add(suggestion)
    return suggestion


def open_suggestion_by(proposer: User, summary: Summary) -> SummarySuggestion | None:
    """The proposer's suggestion about SUMMARY that still waits for a reviewer, if any."""
    return db.session.scalar(
        select(SummarySuggestion).where(
            SummarySuggestion.summary_id == summary.id,
            SummarySuggestion.proposer_id == proposer.id,
            SummarySuggestion.status == SuggestionStatus.OPEN,
        )
    )


def _one_send_at_a_time(proposer: User) -> None:
    """Hold the proposer's row until commit (on PostgreSQL): the same form sent twice at once
    waits here, and the second send then finds the first suggestion. The schema has no unique
    index for "one open suggestion per reader and summary", so this lock keeps the rule."""
    db.session.execute(select(User.id).where(User.id == proposer.id).with_for_update())


def _tidied(proposal: SuggestionInput) -> SuggestionInput:
    return SuggestionInput(
        short_answer=_one_line(proposal.short_answer),
        body=_plain_lines(proposal.body),
        reason=_plain_lines(proposal.reason),
        source_title=_one_line(proposal.source_title),
        source_url=proposal.source_url.strip(),
    )


def _one_line(text: str) -> str:
    """TEXT with every run of blank space made one space, as drafts store a short answer."""
    return " ".join(text.split())


def _plain_lines(text: str) -> str:
    """TEXT trimmed, its line breaks "\\n" whatever the browser sent (forms send "\\r\\n"), so
    that words left as they were compare equal."""
    return "\n".join(text.strip().splitlines())


def _check_proposal(proposal: SuggestionInput, base: SummaryRevision) -> None:
    # The rules a reviewer's draft obeys, asked now: accepting must not fail on them later.
    check_content(SummaryInput(short_answer=proposal.short_answer, body=proposal.body))
    if not proposal.reason:
        raise ForumError("Please tell the reviewers what is wrong or missing.", field="reason")
    if not proposal.source_title:
        raise ForumError(
            "Please name the source that supports your correction.", field="source_title"
        )
    if proposal.source_url and not is_web_address(proposal.source_url):
        raise ForumError(
            "The link to your source must start with https:// or http://.", field="source_url"
        )
    if (proposal.short_answer, proposal.body) == _words_of(base):
        raise ForumError(CHANGES_NOTHING)


def _words_of(revision: SummaryRevision) -> tuple[str, str]:
    """A revision's short answer and body, tidied as a suggestion's are."""
    return _one_line(revision.short_answer), _plain_lines(revision.body)


# ---------------------------------------------------------------------------------------------
# Deciding
# ---------------------------------------------------------------------------------------------


def accept_suggestion(
    suggestion: SummarySuggestion, reviewer: User, note: str = ""
) -> SummaryRevision:
    """Take the suggestion into a new draft written by REVIEWER, with the reader's source among
    its references; the draft then goes through the usual four-eyes review."""
    _check_decidable(suggestion, reviewer)
    question = suggestion.summary.question
    if (open_draft := working_revision(question)) is not None:
        raise ForumError(DRAFT_OPEN.format(number=open_draft.number))
    before = _snapshot(suggestion)
    draft = _draft_from(suggestion, reviewer)
    suggestion.draft_revision = draft
    _decide(suggestion, reviewer, SuggestionStatus.ACCEPTED, note.strip())
    _log_and_announce(reviewer, Action.SUGGESTION_ACCEPTED, suggestion, before)
    return draft


def decline_suggestion(suggestion: SummarySuggestion, reviewer: User, note: str) -> None:
    """Decline the suggestion with a reason, which the reader reads on their suggestions page."""
    _check_decidable(suggestion, reviewer)
    note = note.strip()
    if not note:
        raise ForumError(
            "Please tell the reader why their suggestion is not taken up.", field="note"
        )
    before = _snapshot(suggestion)
    _decide(suggestion, reviewer, SuggestionStatus.DECLINED, note)
    _log_and_announce(reviewer, Action.SUGGESTION_DECLINED, suggestion, before)


def _check_decidable(suggestion: SummarySuggestion, reviewer: User) -> None:
    if permissions.can_decide(reviewer, suggestion):
        return
    if not is_reviewer(reviewer):
        raise ForumError("Only medical reviewers can decide about suggested corrections.")
    raise ForumError(ALREADY_DECIDED.format(outcome=suggestion.status.label.lower()))


def _draft_from(suggestion: SummarySuggestion, reviewer: User) -> SummaryRevision:
    """A new draft: the published summary with the suggested words, the source added."""
    question = suggestion.summary.question
    published = starting_content(question, None)
    content = replace(
        published,
        short_answer=suggestion.short_answer,
        body=suggestion.body,
        change_note=CREDIT.format(source=suggestion.source_title),
        references=_with_source(published.references, suggestion),
    )
    try:
        # Another reviewer may be starting a draft of this summary at this very moment: the
        # revision numbers' unique constraint decides, and the loser is told in words.
        with db.session.begin_nested():
            draft = save_draft(question, reviewer, content)
    except IntegrityError:
        raise ForumError(
            "Another reviewer has just started a draft of this summary. Please look at it first."
        ) from None
    return draft


def _with_source(
    references: tuple[ReferenceInput, ...], suggestion: SummarySuggestion
) -> tuple[ReferenceInput, ...]:
    """The references with the reader's source added at the end, unless it is cited already."""
    title, url = suggestion.source_title, suggestion.source_url
    for reference in references:
        if (url and reference.url == url) or reference.title.casefold() == title.casefold():
            return references
    return (*references, ReferenceInput(title=title, url=url))


def _decide(
    suggestion: SummarySuggestion, reviewer: User, outcome: SuggestionStatus, note: str
) -> None:
    suggestion.status = outcome
    suggestion.decided_by = reviewer
    suggestion.decided_at = utcnow()
    suggestion.decision_note = note


def _log_and_announce(
    reviewer: User, action: Action, suggestion: SummarySuggestion, before: dict[str, Any]
) -> None:
    db.session.flush()  # the new draft's id, for the log
    record_action(
        reviewer,
        action,
        "summary_suggestion",
        suggestion.id,
        reason=suggestion.decision_note,
        before=before,
        after=_snapshot(suggestion),
        subject=suggestion.proposer,
    )
    events.suggestion_decided(suggestion)


def _snapshot(suggestion: SummarySuggestion) -> dict[str, Any]:
    return {
        "summary_id": suggestion.summary_id,
        "base_revision_id": suggestion.base_revision_id,
        "status": suggestion.status.value,
        "draft_revision_id": suggestion.draft_revision_id,
        # The log outlives the reader's account, so it keeps no words of theirs: a digest
        # still tells which words were decided about.
        "words": digest_of([suggestion.short_answer, suggestion.body, suggestion.reason]),
    }


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def find_suggestion(suggestion_id: int, lock: bool = False) -> SummarySuggestion | None:
    """A suggestion with its question, base revision and proposer, for the reviewers.

    `lock` holds the row until commit, so two reviewers deciding at once cannot both win.
    """
    query = (
        select(SummarySuggestion)
        .where(SummarySuggestion.id == suggestion_id)
        .options(
            joinedload(SummarySuggestion.summary)
            .joinedload(Summary.question)
            .joinedload(Question.condition),
            joinedload(SummarySuggestion.base_revision),
            joinedload(SummarySuggestion.proposer),
        )
    )
    if lock:
        query = query.with_for_update(of=SummarySuggestion).execution_options(
            populate_existing=True
        )
    return db.session.scalar(query)


def review_of(suggestion: SummarySuggestion) -> SuggestionReview:
    """The suggestion as a reviewer weighs it: against the revision the reader read, and
    against the current one when the summary has been published again since."""
    question = suggestion.summary.question
    current = current_summary(question.id)
    base = suggestion.base_revision
    return SuggestionReview(
        suggestion=suggestion,
        current=current,
        against_base=suggested_changes(suggestion, base),
        against_current=None if current.id == base.id else suggested_changes(suggestion, current),
        open_draft=working_revision(question),
    )


def suggested_changes(suggestion: SummarySuggestion, revision: SummaryRevision) -> list[FieldDiff]:
    """The suggested short answer and body, word by word against a published REVISION."""
    short_answer, body = _words_of(revision)
    parts = (
        ("Short answer", short_answer, suggestion.short_answer),
        ("Body", body, suggestion.body),
    )
    return [FieldDiff(label, diff_html(old, new), old != new) for label, old, new in parts]


def open_suggestions() -> list[SummarySuggestion]:
    """Suggestions waiting for a reviewer on visible questions, oldest first: a dashboard table."""
    query = (
        select(SummarySuggestion)
        .join(SummarySuggestion.summary)
        .join(Summary.question)
        .where(
            SummarySuggestion.status == SuggestionStatus.OPEN,
            Question.status != QuestionStatus.HIDDEN,
        )
        .options(
            joinedload(SummarySuggestion.summary)
            .joinedload(Summary.question)
            .joinedload(Question.condition),
            joinedload(SummarySuggestion.base_revision),
        )
        .order_by(SummarySuggestion.created_at, SummarySuggestion.id)
        .limit(ROWS_PER_TABLE)
    )
    return list(db.session.scalars(query))


def suggestions_by(proposer: User) -> list[SummarySuggestion]:
    """The reader's own suggestions, newest first, with what became of each."""
    query = (
        select(SummarySuggestion)
        .where(SummarySuggestion.proposer_id == proposer.id)
        .options(
            joinedload(SummarySuggestion.summary)
            .joinedload(Summary.question)
            .joinedload(Question.condition),
            joinedload(SummarySuggestion.draft_revision),
        )
        .order_by(SummarySuggestion.created_at.desc(), SummarySuggestion.id.desc())
    )
    return list(db.session.scalars(query))
