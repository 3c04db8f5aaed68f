"""Who may add, edit or withdraw a reviewer note, and who may read one: the rules in one place.

Built on the card's offer (forum.answers.permissions.offers_reviewer_note: a reviewer in good
standing, on someone else's published answer) and the reviewer profile an admin verified
(forum.summaries.permissions.has_verified_profile): readers trust a note's byline because it was
checked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from forum.accounts.standing import Standing, is_reviewer, standing_refusal
from forum.answers.permissions import can_read_answer, is_author, offers_reviewer_note
from forum.summaries.permissions import has_verified_profile

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.answers.models import Answer
    from forum.summaries.models import ReviewerProfile


def can_write_note(user: User, profile: ReviewerProfile | None, answer: Answer) -> bool:
    """Add, edit or withdraw the note on ANSWER: what the card offers, signed with a verified
    profile. PROFILE is the user's reviewer profile, if they have one."""
    return offers_reviewer_note(user, answer) and has_verified_profile(user, profile)


def note_refusal(user: User, profile: ReviewerProfile | None, answer: Answer) -> str | None:
    """Why USER may not add, edit or withdraw the note on ANSWER (can_write_note), in words, or
    None."""
    if can_write_note(user, profile, answer):
        return None
    if not is_reviewer(user):
        return "Only medical reviewers write notes on members' answers."
    if reason := standing_refusal(user, "write reviewer notes"):
        return reason
    if is_author(user, answer):
        return "You can't write a reviewer note on your own answer."
    if not answer.is_published:
        return "Reviewer notes go under published answers only."
    return (
        "Your reviewer profile needs an admin's verification before you can sign a note: "
        "readers trust the byline because it was checked."
    )


def can_read_note(user: User | Standing, answer: Answer) -> bool:
    """Read the note on ANSWER and its history: whoever may read the answer's text, as a note
    on a members-only answer says something about what it holds."""
    return can_read_answer(user, answer)
