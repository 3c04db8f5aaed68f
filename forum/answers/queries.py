"""Which answers a reader sees, loaded with all their cards show in a fixed number of queries."""

from __future__ import annotations

import enum

from sqlalchemy import Select, and_, bindparam, or_, select, true
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from forum.accounts.models import User
from forum.accounts.standing import can_read_members_only, is_moderator
from forum.answers.models import (
    Answer,
    AnswerStatus,
    ReportedSideEffect,
    TreatmentReport,
    Visibility,
)
from forum.database import db
from forum.questions.models import Question, QuestionStatus

VIEWER_ID = bindparam("viewer_id")


def report_loading() -> tuple:
    """Eager loads for treatment reports as cards show them, joined into the same statement:
    the treatment, and the side effects picked with their names."""
    return (
        joinedload(TreatmentReport.treatment),
        joinedload(TreatmentReport.side_effect_reports).joinedload(ReportedSideEffect.side_effect),
    )


def card_loading() -> tuple:
    """Eager loads for an answer card: author, treatment reports with their treatments, and the
    reviewer's note."""
    return (
        joinedload(Answer.author),
        selectinload(Answer.treatment_reports).options(*report_loading()),
        card_note(),
    )


def card_note():
    """The reviewer's note a card shows under the answer, with the profile that signs it, joined
    into the same statement. The note's class is reached through the relationship, as reviewer
    notes sit above answers on the ladder."""
    note = Answer.reviewer_note
    return joinedload(note).joinedload(note.property.mapper.class_.author_profile)


def card_author():
    """The author of an answer as its card needs them: their pseudonym, in the same query.
    (Treatment reports are loaded only for cards not kept already: forum/answers/cards.py; a
    page of cards loads the reviewer's note with card_note.)"""
    return joinedload(Answer.author).load_only(User.display_name)


class Reach(enum.Enum):
    """How much of a question's answers a reader may see."""

    PUBLISHED = "published"  # signed-out readers: published answers shared with everyone
    PUBLIC_AND_OWN = "public and own"  # unconfirmed members: those, and their own answers
    OWN_TOO = "own too"  # members: every published answer, and their own in any state but deleted
    EVERYTHING = "everything"  # moderators, so nothing a member wrote is out of their reach


def reach(viewer: User) -> Reach:
    if is_moderator(viewer):
        return Reach.EVERYTHING
    if not viewer.is_authenticated:
        return Reach.PUBLISHED
    return Reach.OWN_TOO if can_read_members_only(viewer) else Reach.PUBLIC_AND_OWN


def visible_answers(reach: Reach) -> Select[tuple[Answer]]:
    """What a reader with REACH sees of the answers to question :question_id (their own being
    those by :viewer_id). Its values are bound parameters (visibility_params), so callers can
    build on it once and run it for any question and reader.

    A members-only answer is not even listed for a reader who may not read it: its treatments,
    outcomes and side effects are the member's health as much as its text is."""
    shown = Answer.status == AnswerStatus.PUBLISHED
    if reach in (Reach.PUBLISHED, Reach.PUBLIC_AND_OWN):
        shown = and_(shown, Answer.visibility == Visibility.EVERYONE)
    if reach is Reach.EVERYTHING:
        shown = true()
    elif reach in (Reach.OWN_TOO, Reach.PUBLIC_AND_OWN):
        own = and_(Answer.author_id == VIEWER_ID, Answer.status != AnswerStatus.DELETED)
        shown = or_(shown, own)
    return select(Answer).where(Answer.question_id == bindparam("question_id"), shown)


def visibility_params(question_id: int, viewer: User) -> dict[str, int | None]:
    """The values of visible_answers' bound parameters."""
    return {"question_id": question_id, "viewer_id": viewer.id if viewer.is_authenticated else None}


def find_answer(answer_id: int) -> Answer | None:
    """Any answer on a visible question, whatever its status; callers check who may see it."""
    answer = db.session.scalar(
        select(Answer)
        .where(Answer.id == answer_id)
        .options(*card_loading(), joinedload(Answer.question).joinedload(Question.condition))
    )
    if answer is None or not answer.question.is_visible:
        return None
    return answer


def signed_answers(member: User, viewer: User, limit: int) -> list[Answer]:
    """Published answers shown under the member's name, on questions still shown: never the
    anonymous ones, and members-only ones for those who may read them."""
    query = (
        db.select(Answer)
        .join(Question, Question.id == Answer.question_id)
        .where(
            Answer.author_id == member.id,
            Answer.status == AnswerStatus.PUBLISHED,
            Answer.is_anonymous.is_(False),
            Question.status != QuestionStatus.HIDDEN,
        )
        .options(contains_eager(Answer.question))
        .order_by(Answer.published_at.desc())
        .limit(limit)
    )
    if not can_read_members_only(viewer):
        query = query.where(Answer.visibility == Visibility.EVERYONE)
    return list(db.session.scalars(query))
