"""The editorial workflow: draft -> in review -> published, or returned to the writer.

Readers keep seeing the latest published revision while a new one is drafted and reviewed.
Every decision (submit, return, publish, discard) is written to the moderation log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from forum.accounts.models import AccountStatus, Role, User
from forum.accounts.standing import is_reviewer
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.content import is_web_address, render_markdown
from forum.core import events
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.questions.models import Question
from forum.summaries import permissions
from forum.summaries.models import (
    OPEN_STATUSES,
    ReviewerProfile,
    RevisionStatus,
    Summary,
    SummaryReference,
    SummaryRevision,
)

MAX_SHORT_ANSWER_SENTENCES = 2
# A sentence ends at . ! or ? followed by a capital letter or the end: "e.g. baclofen" is one.
SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[A-Z0-9]|\s*$)")
EARLIEST_REFERENCE_YEAR = 1800


@dataclass(frozen=True)
class ReviewSettings:
    allow_self_review: bool
    review_interval: timedelta
    due_soon: timedelta


def current_summary(question_id: int, *also: ORMOption) -> SummaryRevision | None:
    """The most recently published revision of the question's summary: what readers see; ALSO
    loads more with it, in the same query."""
    query = (
        select(SummaryRevision)
        .join(Summary)
        .where(
            Summary.question_id == question_id,
            SummaryRevision.status == RevisionStatus.PUBLISHED,
        )
        .options(
            joinedload(SummaryRevision.references),
            joinedload(SummaryRevision.reviewer_profile),
            joinedload(SummaryRevision.summary),
            *also,
        )
        .order_by(SummaryRevision.published_at.desc(), SummaryRevision.number.desc())
        .limit(1)
    )
    return db.session.scalars(query).unique().first()


def review_settings() -> ReviewSettings:
    """The site's review rules, from config.py (see README, Configuration)."""
    config = current_app.config
    return ReviewSettings(
        allow_self_review=bool(config["ALLOW_SELF_REVIEW"]),
        review_interval=timedelta(days=config["REVIEW_INTERVAL_DAYS"]),
        due_soon=timedelta(days=config["DUE_SOON_DAYS"]),
    )


@dataclass(frozen=True)
class ReferenceInput:
    title: str
    url: str = ""
    publisher: str = ""
    year: int | None = None


@dataclass(frozen=True)
class SummaryInput:
    short_answer: str
    body: str
    key_points: str = ""
    change_note: str = ""
    references: tuple[ReferenceInput, ...] = ()


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def published_history(question: Question) -> list[SummaryRevision]:
    """Every published revision of the question's summary, newest first."""
    query = (
        select(SummaryRevision)
        .join(Summary)
        .where(
            Summary.question_id == question.id,
            SummaryRevision.status == RevisionStatus.PUBLISHED,
        )
        .options(
            joinedload(SummaryRevision.reviewer_profile),
            selectinload(SummaryRevision.references),
        )
        .order_by(SummaryRevision.published_at.desc(), SummaryRevision.number.desc())
    )
    return list(db.session.scalars(query))


def pick_comparison(
    history: list[SummaryRevision], old_number: int | None, new_number: int | None
) -> tuple[SummaryRevision | None, SummaryRevision] | None:
    """Two published revisions to compare, by number; by default the latest and the one before.

    None when a number names no published revision. The old side is None for a first version.
    """
    by_number = {revision.number: revision for revision in history}
    if not history or (new_number is not None and new_number not in by_number):
        return None
    new = by_number[new_number] if new_number is not None else history[0]
    if old_number is None:
        older = [revision for revision in history if revision.number < new.number]
        return (older[0] if older else None), new
    if old_number not in by_number:
        return None
    return by_number[old_number], new


def starting_content(question: Question, working: SummaryRevision | None) -> SummaryInput:
    """What the editing form starts from: the open draft, else the published text, else nothing."""
    source = working or current_summary(question.id)
    if source is None:
        return SummaryInput(short_answer="", body="")
    return SummaryInput(
        short_answer=source.short_answer,
        body=source.body,
        key_points=source.key_points,
        change_note=source.change_note if working is not None else "",
        references=tuple(
            ReferenceInput(ref.title, ref.url, ref.publisher, ref.year) for ref in source.references
        ),
    )


def find_revision(revision_id: int, lock: bool = False) -> SummaryRevision | None:
    """A revision of any status with its question, writer and references, for the editors.

    `lock` holds the row until commit, so two reviewers deciding at once cannot both win.
    """
    query = (
        select(SummaryRevision)
        .where(SummaryRevision.id == revision_id)
        .options(
            joinedload(SummaryRevision.summary)
            .joinedload(Summary.question)
            .joinedload(Question.condition),
            joinedload(SummaryRevision.writer),
            selectinload(SummaryRevision.references),
        )
    )
    if lock:
        query = query.with_for_update(of=SummaryRevision).execution_options(populate_existing=True)
    return db.session.scalar(query)


def working_revision(question: Question) -> SummaryRevision | None:
    """The one revision being drafted or reviewed for this question, if there is one."""
    return db.session.scalar(
        select(SummaryRevision)
        .join(Summary)
        .where(Summary.question_id == question.id, SummaryRevision.status.in_(OPEN_STATUSES))
        .order_by(SummaryRevision.number.desc())
        .limit(1)
    )


# ---------------------------------------------------------------------------------------------
# Writing drafts
# ---------------------------------------------------------------------------------------------


def save_draft(question: Question, writer: User, content: SummaryInput) -> SummaryRevision:
    """Save the writer's draft, starting one if needed. Readers keep the published revision."""
    if not is_reviewer(writer):
        raise ForumError("Only medical reviewers and admins can write summaries.")
    check_content(content)
    revision = working_revision(question)
    if revision is None:
        revision = _start_revision(question, writer)
    elif refusal := editing_refusal(revision, writer):
        raise ForumError(refusal)
    _apply(revision, content)
    return revision


def open_working_draft(question: Question, writer: User) -> SummaryRevision:
    """The revision being drafted or reviewed, whoever writes it; else a new draft for WRITER
    that starts from the published text."""
    working = working_revision(question)
    if working is not None:
        return working
    return save_draft(question, writer, starting_content(question, None))


def editing_refusal(revision: SummaryRevision, user: User) -> str | None:
    """Why `user` cannot change this open revision now, or None when they can."""
    if revision.is_in_review:
        return "This draft is waiting for review. It can be edited again if a reviewer returns it."
    if not permissions.can_edit_revision(user, revision):
        return (
            f"{_name(revision.writer)} is already writing a draft of this summary. "
            "Ask them to finish it, or an admin to discard it."
        )
    return None


def _start_revision(question: Question, writer: User) -> SummaryRevision:
    summary = question.summary or Summary(question=question)
    db.session.add(summary)
    last = db.session.scalar(
        select(func.max(SummaryRevision.number)).where(SummaryRevision.summary_id == summary.id)
    )
    revision = SummaryRevision(
        summary=summary, number=(last or 0) + 1, status=RevisionStatus.DRAFT, writer=writer
    )
    db.session.add(revision)
    return revision


def _apply(revision: SummaryRevision, content: SummaryInput) -> None:
    revision.short_answer = " ".join(content.short_answer.split())
    revision.body = content.body.strip()
    revision.body_html = render_markdown(revision.body)
    revision.key_points = "\n".join(_lines(content.key_points))
    revision.change_note = content.change_note.strip()
    revision.references = [
        SummaryReference(
            position=position,
            title=reference.title.strip(),
            url=reference.url.strip(),
            publisher=reference.publisher.strip(),
            year=reference.year,
        )
        for position, reference in enumerate(content.references)
    ]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def check_content(content: SummaryInput) -> None:
    """Refuse content no summary may have: the draft form's rules, asked by suggestions too."""
    short_answer = content.short_answer.strip()
    if not short_answer or not content.body.strip():
        raise ForumError("A summary needs both a short answer and a body.")
    if len(SENTENCE_END.findall(short_answer)) > MAX_SHORT_ANSWER_SENTENCES:
        raise ForumError("Please keep the short answer to one or two sentences.")
    for number, reference in enumerate(content.references, start=1):
        _check_reference(number, reference)


def _check_reference(number: int, reference: ReferenceInput) -> None:
    if not reference.title.strip():
        raise ForumError(f"Reference {number} needs a title.")
    if reference.url.strip() and not is_web_address(reference.url.strip()):
        raise ForumError(f"The link of reference {number} must start with https:// or http://.")
    latest = utcnow().year + 1
    if reference.year is not None and not EARLIEST_REFERENCE_YEAR <= reference.year <= latest:
        raise ForumError(
            f"The year of reference {number} must be between {EARLIEST_REFERENCE_YEAR} "
            f"and {latest}."
        )


# ---------------------------------------------------------------------------------------------
# Decisions
# ---------------------------------------------------------------------------------------------


def submit_for_review(revision: SummaryRevision, writer: User) -> None:
    """Hand the writer's draft to the reviewers; it is locked until they decide."""
    if not permissions.can_edit_revision(writer, revision):
        raise ForumError("Only the writer of a draft can submit it, and only once.")
    before = _snapshot(revision)
    revision.status = RevisionStatus.IN_REVIEW
    _log(writer, Action.SUMMARY_SUBMITTED, revision, before)


def return_to_writer(revision: SummaryRevision, reviewer: User, comments: str) -> None:
    """Send a submitted draft back with the reviewer's comments for its writer."""
    _check_reviewer(revision, reviewer, "return")
    comments = comments.strip()
    if not comments:
        raise ForumError("Please tell the writer what to change.")
    before = _snapshot(revision)
    revision.status = RevisionStatus.RETURNED
    revision.review_comments = comments
    _log(reviewer, Action.SUMMARY_RETURNED, revision, before, reason=comments)


def publish_revision(
    revision: SummaryRevision,
    reviewer: User,
    change_note: str,
    next_review_due: date | None = None,
) -> None:
    """Sign off and publish: readers see this revision from now on, and it never changes."""
    _check_reviewer(revision, reviewer, "publish")
    if not permissions.has_verified_profile(reviewer, reviewer_profile_of(reviewer)):
        raise ForumError(
            "Your reviewer profile needs to be verified by an admin before you can publish."
        )
    change_note = change_note.strip()
    if not change_note:
        raise ForumError("Please say in a sentence what changed at this review.")
    now = utcnow()
    next_review_due = next_review_due or (now + review_settings().review_interval).date()
    if next_review_due <= now.date():
        raise ForumError("The next review date must be in the future.")
    before = _snapshot(revision)
    revision.change_note = change_note
    revision.reviewer = reviewer
    revision.reviewed_at = now
    revision.published_at = now
    revision.status = RevisionStatus.PUBLISHED
    revision.summary.next_review_due = next_review_due
    _log(reviewer, Action.SUMMARY_PUBLISHED, revision, before, reason=change_note)
    events.summary_published(revision)


def discard_draft(revision: SummaryRevision, user: User) -> None:
    """Throw away a draft nobody will finish. Published revisions are never deleted."""
    if not permissions.can_discard(user, revision):
        raise ForumError("Only the draft's writer or an admin can discard it, before it is sent.")
    _log(user, Action.SUMMARY_DISCARDED, revision, _snapshot(revision))
    db.session.delete(revision)


def _check_reviewer(revision: SummaryRevision, reviewer: User, verb: str) -> None:
    if not is_reviewer(reviewer):
        raise ForumError("Only medical reviewers can review summaries.")
    if revision.status is not RevisionStatus.IN_REVIEW:
        status = revision.status.label.lower()
        raise ForumError(f"Only a draft waiting for review can be reviewed; this one is {status}.")
    if not permissions.can_review(reviewer, revision, review_settings().allow_self_review):
        raise ForumError(f"You wrote this draft, so another reviewer needs to {verb} it.")


def publishers_of(revision: SummaryRevision) -> list[ReviewerProfile]:
    """The verified reviewers who may publish REVISION once it is submitted."""
    profiles = db.session.scalars(
        select(ReviewerProfile)
        .join(User, User.id == ReviewerProfile.user_id)
        .where(
            ReviewerProfile.verified_at.is_not(None),
            User.role.in_((Role.REVIEWER, Role.ADMIN)),
            User.status == AccountStatus.ACTIVE,
        )
        .options(joinedload(ReviewerProfile.user))
        .order_by(ReviewerProfile.full_name)
    )
    allow_self_review = review_settings().allow_self_review
    return [
        profile
        for profile in profiles
        if allow_self_review or profile.user_id != revision.writer_id
    ]


def reviewer_profile_of(user: User) -> ReviewerProfile | None:
    """The user's reviewer profile, verified or not."""
    if not user.is_authenticated:
        return None
    return db.session.scalar(select(ReviewerProfile).where(ReviewerProfile.user_id == user.id))


def _name(user: User | None) -> str:
    return user.display_name if user is not None else "A former reviewer"


def _snapshot(revision: SummaryRevision) -> dict[str, Any]:
    published = revision.published_at.isoformat() if revision.published_at else None
    due = revision.summary.next_review_due if revision.summary else None
    return {
        "question_id": revision.summary.question_id if revision.summary else None,
        "number": revision.number,
        "status": revision.status.value,
        "writer_id": revision.writer_id,
        "reviewer_id": revision.reviewer_id,
        "review_comments": revision.review_comments,
        "change_note": revision.change_note,
        "published_at": published,
        "next_review_due": due.isoformat() if due else None,
    }


def _log(actor: User, action: Action, revision: SummaryRevision, before: dict, **extra) -> None:
    db.session.flush()  # a new draft needs its id for the log
    after = None if action == Action.SUMMARY_DISCARDED else _snapshot(revision)
    record_action(
        actor,
        action,
        "summary_revision",
        revision.id,
        before=before,
        after=after,
        subject=revision.writer,
        **extra,
    )
