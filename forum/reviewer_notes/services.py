"""Adding, editing and withdrawing a reviewer note. Every change is a new version of the note
(kept as a ReviewerNoteRevision), an entry in the moderation log, a new version of the answer
(so its kept cards are drawn again) and an event, after which the answer's author is told."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from forum.accounts.models import User
from forum.answers.models import Answer
from forum.audit.actions import Action
from forum.audit.log import digest_of, record_action
from forum.content import is_web_address
from forum.core import events
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.reviewer_notes.models import NOTE_MAX, ReviewerNote, ReviewerNoteRevision
from forum.reviewer_notes.permissions import note_refusal
from forum.summaries.services import reviewer_profile_of

SOURCE_TITLE_MAX = 300
SOURCE_URL_MAX = 500
REASON_MAX = 500


@dataclass(frozen=True)
class NoteInput:
    body: str
    source_title: str
    source_url: str = ""


class NoteChangedError(ForumError):
    """The note changed since the form was opened: the caller shows it as it is now, beside
    what the reviewer typed."""

    def __init__(self) -> None:
        super().__init__(
            "Someone changed this note since you opened it. What you wrote is still below, and "
            "the note as it is now is shown with the answer: compare them, then save again."
        )


def note_on(answer: Answer) -> ReviewerNote | None:
    """The note on ANSWER in any state, a withdrawn one too."""
    return db.session.scalar(select(ReviewerNote).where(ReviewerNote.answer_id == answer.id))


def note_with_history(answer: Answer) -> ReviewerNote | None:
    """The note on ANSWER with every version and the profile that signed each, in two queries."""
    return db.session.scalar(
        select(ReviewerNote)
        .where(ReviewerNote.answer_id == answer.id)
        .options(
            selectinload(ReviewerNote.revisions).joinedload(ReviewerNoteRevision.editor_profile)
        )
    )


def note_refusal_for(user: User, answer: Answer) -> str | None:
    """Why USER may not add, edit or withdraw the note on ANSWER, in words, or None."""
    return note_refusal(user, reviewer_profile_of(user), answer)


def save_note(
    answer: Answer, reviewer: User, content: NoteInput, expected_version: int, reason: str = ""
) -> Action | None:
    """Add the note under ANSWER, or change it: a new version, signed by REVIEWER from now on.
    EXPECTED_VERSION is the note's version the form showed (0: none shown). Returns what was
    done, or None when the note already said this, signed by them."""
    _require_right(reviewer, answer)
    content = _cleaned(content)
    reason = _cleaned_reason(reason)
    note = note_on(answer)
    shown = note is not None and note.is_shown
    _require_version(note, expected_version)
    if shown and _says(note, content) and note.author_id == reviewer.id:
        return None
    before = _snapshot(note) if note is not None else None
    if note is None:
        note = _new_note(answer, reviewer, content)
    else:
        _next_version(note, expected_version)
        _sign(note, reviewer, content)
    action = Action.REVIEWER_NOTE_EDITED if shown else Action.REVIEWER_NOTE_ADDED
    _keep_version(answer, note, reviewer, action, before, reason)
    return action


def withdraw_note(answer: Answer, reviewer: User, reason: str, expected_version: int) -> None:
    """Take the note under ANSWER down, saying why: readers no longer see it, its history keeps
    it (marked withdrawn, with the reason) and the answer's author is told."""
    _require_right(reviewer, answer)
    reason = _cleaned_reason(reason)
    if not reason:
        raise ForumError(
            "Please say why the note is withdrawn: its history shows the reason to readers, "
            "and the member is told.",
            field="reason",
        )
    note = note_on(answer)
    if note is None or not note.is_shown:
        raise ForumError("There is no note to withdraw: someone may have withdrawn it already.")
    _require_version(note, expected_version)
    before = _snapshot(note)
    _next_version(note, expected_version)
    note.withdrawn_at = note.updated_at = utcnow()
    _keep_version(answer, note, reviewer, Action.REVIEWER_NOTE_WITHDRAWN, before, reason)


def _require_right(reviewer: User, answer: Answer) -> None:
    if refusal := note_refusal_for(reviewer, answer):
        raise ForumError(refusal)


def _cleaned(content: NoteInput) -> NoteInput:
    """The note as it is kept, or a refusal naming the field: plain text on one paragraph (a
    note is short), a named source and, if linked, a web address."""
    body = " ".join(content.body.split())
    title = " ".join(content.source_title.split())
    url = content.source_url.strip()
    if not body:
        raise ForumError("Please write the note.", field="body")
    if len(body) > NOTE_MAX:
        raise ForumError(
            f"Please keep the note to {NOTE_MAX} characters; it has {len(body)}.", field="body"
        )
    if not title:
        raise ForumError("Please name the source your note rests on.", field="source_title")
    if len(title) > SOURCE_TITLE_MAX:
        raise ForumError(
            f"Please keep the source's name to {SOURCE_TITLE_MAX} characters.",
            field="source_title",
        )
    if url and not is_web_address(url):
        raise ForumError(
            "The link must be a web address that starts with https:// or http://.",
            field="source_url",
        )
    if len(url) > SOURCE_URL_MAX:
        raise ForumError(
            f"Please keep the link to {SOURCE_URL_MAX} characters.", field="source_url"
        )
    return NoteInput(body, title, url)


def _cleaned_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if len(reason) > REASON_MAX:
        raise ForumError(f"Please keep the reason to {REASON_MAX} characters.", field="reason")
    return reason


def _require_version(note: ReviewerNote | None, expected: int) -> None:
    if expected != (note.version if note is not None else 0):
        raise NoteChangedError()


def _says(note: ReviewerNote, content: NoteInput) -> bool:
    return (note.body, note.source_title, note.source_url) == (
        content.body,
        content.source_title,
        content.source_url,
    )


def _sign(note: ReviewerNote, reviewer: User, content: NoteInput) -> None:
    """The note says CONTENT from now on, shown and signed by REVIEWER."""
    note.body = content.body
    note.source_title = content.source_title
    note.source_url = content.source_url
    note.author = reviewer
    note.withdrawn_at = None
    note.updated_at = utcnow()


def _new_note(answer: Answer, reviewer: User, content: NoteInput) -> ReviewerNote:
    note = ReviewerNote(answer=answer, version=1)
    _sign(note, reviewer, content)
    db.session.add(note)
    try:
        db.session.flush()
    except IntegrityError:
        # Two reviewers added a note at the same moment: the unique answer_id let one in. The
        # caller rolls the session back before using it again.
        raise NoteChangedError() from None
    return note


def _next_version(note: ReviewerNote, expected: int) -> None:
    """Compare-and-set in SQL: of two reviewers saving one version at once, only one wins."""
    result = db.session.execute(
        update(ReviewerNote)
        .where(ReviewerNote.id == note.id, ReviewerNote.version == expected)
        .values(version=expected + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise NoteChangedError()
    note.version = expected + 1


def _keep_version(
    answer: Answer,
    note: ReviewerNote,
    editor: User,
    action: Action,
    before: dict | None,
    reason: str,
) -> None:
    """What follows every change: the version kept, the answer's cards drawn again, the log
    entry, and the event that tells the answer's author."""
    note.revisions.append(
        ReviewerNoteRevision(
            number=note.version,
            body=note.body,
            source_title=note.source_title,
            source_url=note.source_url,
            withdrawn=not note.is_shown,
            reason=reason,
            editor=editor,
        )
    )
    _redraw_cards(answer)
    record_action(
        editor,
        action,
        "answer",
        answer.id,
        reason=reason,
        before=before,
        after=_snapshot(note),
        subject=answer.author,
    )
    events.reviewer_note_changed(note)


def _redraw_cards(answer: Answer) -> None:
    """A new version of the answer, so that its kept cards are drawn again with the note.
    Not answers.services.bump_version: its compare-and-set would refuse the reviewer with a
    message about the member's own edits."""
    db.session.execute(
        update(Answer)
        .where(Answer.id == answer.id)
        .values(version=Answer.version + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(answer, ["version"])


def _snapshot(note: ReviewerNote) -> dict:
    """The note as the log records it: a digest of its words, not the words. A note speaks of a
    member's answer, and when the member deletes their answers the note goes with them; a log
    entry outlives both."""
    return {
        "version": note.version,
        "shown": note.is_shown,
        "body_digest": digest_of(note.body),
        "source_title": note.source_title,
        "source_url": note.source_url,
    }
