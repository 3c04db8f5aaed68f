"""A community with members, a moderator and an admin, and ways to post and decide answers."""

from __future__ import annotations

import html
import itertools

import pytest
from sqlalchemy import func, select

from forum.accounts.models import Role, User
from forum.answers.models import Answer, AnswerStatus
from forum.answers.services import AnswerDraft, submit_answer
from forum.audit.models import ModerationAction
from forum.conditions.models import Perspective
from forum.database import db
from forum.moderation import decisions
from forum.questions.models import Question

BODY = "Baclofen at night eased the spasms; a warm bath before bed helped me sleep through."


class Community:
    """One condition with a few questions; members join it, post, and get approved."""

    def __init__(self, make) -> None:
        self.make = make
        self.condition = make.condition("Stiff Person Syndrome")
        self.questions = [make.question(self.condition) for _ in range(4)]
        self.question = self.questions[0]
        self.treatment = make.treatment(self.condition, "Baclofen")
        self.moderator = make.user(role=Role.MODERATOR, display_name="ModMaple")
        self.admin = make.user(role=Role.ADMIN, display_name="AdminAsh")
        self._next_question = itertools.count()

    def member(self, **fields) -> User:
        user = self.make.user(**fields)
        self.make.membership(user, self.condition)
        return user

    def submit(self, author: User, body: str = BODY, question: Question | None = None) -> Answer:
        """Through the one door every answer takes; a new member's answer waits."""
        question = question or self.questions[next(self._next_question) % len(self.questions)]
        answer = submit_answer(
            question, author, AnswerDraft(body=body, perspective=Perspective.PATIENT)
        )
        db.session.commit()
        return answer

    def published(self, author: User | None = None, body: str = BODY, question=None) -> Answer:
        """An answer that went through the queue: submitted, then approved if it waited."""
        answer = self.submit(author or self.member(), body, question)
        if answer.status is AnswerStatus.PENDING:
            decisions.approve(answer, self.moderator)
            db.session.commit()
        return answer

    def established_member(self) -> User:
        """A member past pre-moderation: two answers already published."""
        user = self.member()
        for question in self.questions[-2:]:
            self.published(user, question=question)
        return user


@pytest.fixture
def community(app, make) -> Community:
    return Community(make)


def published_count(**where) -> int:
    query = select(func.count()).select_from(Answer).where(Answer.status == AnswerStatus.PUBLISHED)
    for column, value in where.items():
        query = query.where(getattr(Answer, column) == value)
    return db.session.scalar(query)


def assert_counts_match_the_rows() -> None:
    """Every denormalised count equals a recount of published answers."""
    db.session.expire_all()
    for question in db.session.scalars(select(Question)):
        assert question.answer_count == published_count(question_id=question.id), question
    for user in db.session.scalars(select(User)):
        assert user.approved_answer_count == published_count(author_id=user.id), user


def log_entries(action: str | None = None) -> list[ModerationAction]:
    query = select(ModerationAction).order_by(ModerationAction.id)
    if action:
        query = query.where(ModerationAction.action == action)
    return list(db.session.scalars(query))


def text_of(response) -> str:
    """The page as a person reads it: entities such as &#39; turned back into characters."""
    return html.unescape(response.get_data(as_text=True))
