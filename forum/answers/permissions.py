"""Who may do what with an answer: answer a question, edit, delete, restore, read its history,
see its author, read it, mark it helpful, report it, be offered a reviewer's note on it; and all
of a card's at once.

Built on the one good-standing rule (forum.accounts.standing). Services, views and templates
ask these same functions, so a rule never lives in two places."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from forum.accounts.models import User
from forum.accounts.standing import (
    Standing,
    can_participate,
    can_read_members_only,
    is_moderator,
    is_reviewer,
    standing_refusal,
)
from forum.answers.models import AnswerStatus

if TYPE_CHECKING:
    from forum.answers.models import Answer
    from forum.conditions.models import Condition, Membership
    from forum.questions.models import Question


@dataclass(frozen=True)
class Refusal:
    """Why someone can't do something yet, and the one step that would let them."""

    message: str
    step_label: str | None = None
    step_endpoint: str | None = None
    step_values: dict | None = None


def answer_refusal(user: User, question: Question, membership: Membership | None) -> Refusal | None:
    """Who may answer: members of the question's community, in good standing."""
    condition = question.condition
    if question.is_closed:
        return Refusal("This question is closed to new answers.")
    return community_refusal(
        user,
        condition,
        membership,
        "post",
        invitation=f"Members of the {condition.name} community can share their experience here.",
        members_only=f"Answers here come from members of the {condition.name} community.",
    )


def community_refusal(
    user: User,
    condition: Condition,
    membership: Membership | None,
    doing: str,
    *,
    invitation: str,
    members_only: str,
) -> Refusal | None:
    """Why USER may not take part in CONDITION's community by DOING (signed in, in good
    standing, a member), with the one step that would let them; None if they may. INVITATION
    is said to the signed out, MEMBERS_ONLY to those who have not joined."""
    if not user.is_authenticated:
        return Refusal(invitation, "Sign in or join the forum", "auth.sign_in")
    if reason := standing_refusal(user, doing):
        if not user.is_email_verified:
            return Refusal(reason, "Send the confirmation link again", "pages.account")
        return Refusal(reason)
    if membership is None:
        return Refusal(
            members_only,
            f"Join the {condition.name} community",
            "conditions.join",
            {"condition_id": condition.id},
        )
    return None


def is_author(user: User | Standing, answer: Answer) -> bool:
    return user.is_authenticated and answer.author_id is not None and user.id == answer.author_id


def can_edit_answer(user: User | Standing, answer: Answer) -> bool:
    """Authors edit their own (unless a moderator rejected or hid it); moderators edit any."""
    if is_moderator(user):
        return True
    editable = answer.status in (AnswerStatus.PUBLISHED, AnswerStatus.PENDING)
    return is_author(user, answer) and can_participate(user) and editable


def can_delete_answer(user: User | Standing, answer: Answer) -> bool:
    return is_author(user, answer) and answer.status is not AnswerStatus.DELETED


def can_restore_answer(user: User | Standing, answer: Answer) -> bool:
    return is_moderator(user) and answer.status is AnswerStatus.DELETED


def can_read_answer_history(user: User | Standing, answer: Answer) -> bool:
    return is_author(user, answer) or is_moderator(user)


def can_see_answer(user: User | Standing, answer: Answer) -> bool:
    """Published answers for everyone; any other state for its author and moderators."""
    return answer.is_published or is_author(user, answer) or is_moderator(user)


def can_see_author(user: User | Standing, answer: Answer) -> bool:
    """Anonymous answers hide their author from everyone but moderators (and the author)."""
    return not answer.is_anonymous or is_author(user, answer) or is_moderator(user)


def can_read_answer(user: User | Standing, answer: Answer) -> bool:
    """See the answer, and read what it says: its author and moderators always may."""
    if not can_see_answer(user, answer):
        return False
    return (
        not answer.is_members_only
        or can_read_members_only(user)
        or is_author(user, answer)
        or is_moderator(user)
    )


def can_vote_helpful(user: User | Standing, answer: Answer) -> bool:
    """Mark an answer helpful: a member in good standing, on someone else's published answer."""
    return _responds_to_others_published(user, answer)


def helpful_vote_refusal(user: User, answer: Answer) -> str | None:
    """Why USER may not mark ANSWER as helpful (can_vote_helpful), in words, or None."""
    if can_vote_helpful(user, answer):
        return None
    if reason := standing_refusal(user, "mark answers as helpful"):
        return reason
    if is_author(user, answer):
        return "You can't mark your own answer as helpful."
    return "Only published answers can be marked as helpful."


def can_flag_answer(user: User | Standing, answer: Answer) -> bool:
    """Report an answer: a member in good standing, about someone else's published answer."""
    return _responds_to_others_published(user, answer)


def _responds_to_others_published(user: User | Standing, answer: Answer) -> bool:
    return can_participate(user) and answer.is_published and not is_author(user, answer)


def offers_report(user: User | Standing, answer: Answer) -> bool:
    """Show "Report" on a card: to readers (signing in comes next), not to its author or staff.

    Whether the reader may really report is for the report page to say, with the reason.
    """
    return answer.is_published and not is_author(user, answer) and not is_moderator(user)


def offers_reviewer_note(user: User | Standing, answer: Answer) -> bool:
    """Show "Add a reviewer note" (or "Edit the reviewer note") on a card: to medical reviewers
    in good standing, on someone else's published answer.

    Whether their reviewer profile is verified (which signing a note needs) is for the note page
    to say, with the reason: a card cannot ask without a query of its own
    (forum.reviewer_notes.permissions builds the whole rule on this one)."""
    return (
        is_reviewer(user)
        and can_participate(user)
        and answer.is_published
        and not is_author(user, answer)
    )


class CardActions(NamedTuple):
    """What one reader may do with one answer card, asked in one call per card."""

    is_author: bool
    sees_author: bool
    vote: bool
    report: bool
    edit: bool
    history: bool
    delete: bool
    moderate: bool
    restore: bool
    review_note: bool


def card_actions(user: User | Standing, answer: Answer) -> CardActions:
    user = getattr(user, "_get_current_object", lambda: user)()  # templates pass a proxy
    return CardActions(
        is_author=is_author(user, answer),
        sees_author=can_see_author(user, answer),
        vote=can_vote_helpful(user, answer),
        report=offers_report(user, answer),
        edit=can_edit_answer(user, answer),
        history=answer.edited_at is not None and can_read_answer_history(user, answer),
        delete=can_delete_answer(user, answer),
        moderate=is_moderator(user),
        restore=can_restore_answer(user, answer),
        review_note=offers_reviewer_note(user, answer),
    )


TEMPLATE_CHECKS = (
    is_author,
    can_edit_answer,
    can_delete_answer,
    can_restore_answer,
    can_read_answer_history,
    can_see_author,
    can_read_answer,
    can_vote_helpful,
    offers_report,
    card_actions,
)
