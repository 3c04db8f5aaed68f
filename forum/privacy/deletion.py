"""Deleting an account: nothing personal stays behind, and every count stays right."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update

from forum.accounts.models import User
from forum.answers.models import Answer, AnswerRevision, AnswerStatus, HelpfulVote
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.auth.passwords import verify_password
from forum.conditions.models import Condition, Membership
from forum.core.errors import ForumError
from forum.database import db
from forum.flags.models import Flag
from forum.outcomes.models import CheckIn
from forum.questions.models import Question
from forum.reviewer_notes.models import ReviewerNote, ReviewerNoteRevision
from forum.suggestions.models import SummarySuggestion


def delete_account(user: User, password: str, *, keep_answers: bool) -> None:
    """Remove the member. Their answers are deleted, or kept as "Former member" if they chose.

    The user row itself goes, so the email address and display name are free again; foreign
    keys elsewhere are set to NULL or cascade (see the models' ondelete rules).
    """
    if not verify_password(user.password_hash, password):
        raise ForumError("That password is not right.", field="password")
    user_id = user.id
    _withdraw_votes(user_id)
    _leave_every_community(user_id)
    _detach_suggestions(user_id)
    _unsign_reviewer_notes(user_id)
    if keep_answers:
        _detach_answers(user_id)
    else:
        _delete_answers(user_id)
    db.session.delete(user)
    db.session.flush()
    record_action(
        None,
        Action.ACCOUNT_DELETED,
        "user",
        user_id,
        after={"answers": "kept as former member" if keep_answers else "deleted"},
    )


def _withdraw_votes(user_id: int) -> None:
    _remove_links(HelpfulVote, HelpfulVote.answer_id, Answer, Answer.helpful_count, user_id)


def _leave_every_community(user_id: int) -> None:
    _remove_links(Membership, Membership.condition_id, Condition, Condition.member_count, user_id)


def _remove_links(link_model, link_target, counted_model, counter, user_id: int) -> None:
    """Delete the member's rows of `link_model` and take one off the counter each pointed at."""
    targets = select(link_target).where(link_model.user_id == user_id)
    db.session.execute(
        update(counted_model)
        .where(counted_model.id.in_(targets))
        .values({counter: counter - 1})
        .execution_options(synchronize_session=False)
    )
    db.session.execute(delete(link_model).where(link_model.user_id == user_id))


def _detach_suggestions(user_id: int) -> None:
    """Suggested corrections stay with the reviewers, linked to any draft made from them, with
    nobody named as their proposer. (The proposer column's ON DELETE SET NULL would do it too;
    it is said here, beside everything else deletion does to what a member wrote.)"""
    db.session.execute(
        update(SummarySuggestion)
        .where(SummarySuggestion.proposer_id == user_id)
        .values(proposer_id=None)
        .execution_options(synchronize_session=False)
    )


def _unsign_reviewer_notes(user_id: int) -> None:
    """A reviewer's notes stay under the answers they give context to, signed "a former
    reviewer"; the versions they wrote or withdrew lose their editor."""
    db.session.execute(
        update(ReviewerNote)
        .where(ReviewerNote.author_id == user_id)
        .values(author_id=None)
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        update(ReviewerNoteRevision)
        .where(ReviewerNoteRevision.editor_id == user_id)
        .values(editor_id=None)
        .execution_options(synchronize_session=False)
    )


def _detach_answers(user_id: int) -> None:
    """Keep the words, drop the link to the person: revisions they edited lose the editor too.
    Nobody is left to ask "still working?", so the check-ins go."""
    owned = select(Answer.id).where(Answer.author_id == user_id)
    db.session.execute(delete(CheckIn).where(CheckIn.answer_id.in_(owned)))
    db.session.execute(
        update(Answer)
        .where(Answer.author_id == user_id)
        .values(author_id=None, wants_check_ins=False)
        .execution_options(synchronize_session=False)
    )


def _delete_answers(user_id: int) -> None:
    owned = select(Answer.id).where(Answer.author_id == user_id)
    published_per_question = db.session.execute(
        select(Answer.question_id, func.count())
        .where(Answer.author_id == user_id, Answer.status == AnswerStatus.PUBLISHED)
        .group_by(Answer.question_id)
    ).all()
    for question_id, count in published_per_question:
        db.session.execute(
            update(Question)
            .where(Question.id == question_id)
            .values(answer_count=Question.answer_count - count)
            .execution_options(synchronize_session=False)
        )
    for model in (HelpfulVote, Flag, AnswerRevision):
        db.session.execute(delete(model).where(model.answer_id.in_(owned)))
    # Treatment reports (and the side effects they name), check-ins and reviewer notes (with
    # their versions) go with their answer (ON DELETE CASCADE).
    db.session.execute(delete(Answer).where(Answer.author_id == user_id))
