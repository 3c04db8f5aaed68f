"""The note form (adding and editing are one form) and the withdrawal form. They check shape
only; what a note must be, and who may write it, the services say."""

from __future__ import annotations

from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from forum.reviewer_notes.models import NOTE_MAX, ReviewerNote
from forum.reviewer_notes.services import (
    REASON_MAX,
    SOURCE_TITLE_MAX,
    SOURCE_URL_MAX,
    NoteInput,
)
from forum.web.request_input import ForumForm


def _version_field() -> HiddenField:
    # The note's version the form showed, for compare-and-set (0: no note was shown); any other
    # value is a damaged form.
    return HiddenField(
        validators=[Regexp(r"^\d{1,9}$", message="Please reload the page and try again.")]
    )


class ReviewerNoteForm(ForumForm):
    body = TextAreaField(
        "Your note",
        description=f"Plain text, at most {NOTE_MAX} characters. Readers see it under the "
        "member's answer, signed with your byline.",
        validators=[DataRequired("Please write the note.")],
    )
    source_title = StringField(
        "Source",
        description="The guideline, paper or patient information your note rests on.",
        validators=[
            DataRequired("Please name the source your note rests on."),
            Length(max=SOURCE_TITLE_MAX),
        ],
    )
    source_url = StringField(
        "Link to the source (optional)",
        description="Starts with https://",
        validators=[Optional(), Length(max=SOURCE_URL_MAX)],
    )
    reason = StringField(
        "What changed? (optional)",
        description="Shown in the note's history.",
        validators=[Optional(), Length(max=REASON_MAX)],
    )
    version = _version_field()

    @classmethod
    def for_note(cls, note: ReviewerNote | None) -> ReviewerNoteForm:
        """The form as a reviewer first sees it: the shown note's words, or empty (a withdrawn
        note is not offered again by accident)."""
        if note is None or not note.is_shown:
            data = {"version": str(note.version if note is not None else 0)}
        else:
            data = {
                "body": note.body,
                "source_title": note.source_title,
                "source_url": note.source_url,
                "version": str(note.version),
            }
        return cls(formdata=None, data=data)

    def content(self) -> NoteInput:
        return NoteInput(
            body=self.body.data or "",
            source_title=self.source_title.data or "",
            source_url=self.source_url.data or "",
        )

    @property
    def expected_version(self) -> int:
        return int(self.version.data)


class WithdrawNoteForm(ForumForm):
    reason = TextAreaField(
        "Why are you withdrawing the note?",
        description="Readers see the reason in the note's history, and the member is told.",
        validators=[
            DataRequired("Please say why the note is withdrawn."),
            Length(max=REASON_MAX),
        ],
    )
    version = _version_field()

    @property
    def expected_version(self) -> int:
        return int(self.version.data)
