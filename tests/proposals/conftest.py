"""A community with questions, a member who may propose, a moderator and an admin; proposals made
through the service the proposing page calls."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import select

from forum.accounts.models import Role, User
from forum.audit.models import ModerationAction
from forum.database import db
from forum.notifications.models import Notification, NotificationKind
from forum.proposals import services
from forum.proposals.models import QuestionProposal

QUESTION_TITLES = (
    "What are the primary treatments for Stiff Person Syndrome?",
    "How long did it take to get a diagnosis?",
    "How do you manage everyday life with the muscle spasms?",
)


class Community:
    """One condition and its questions; members join it and propose questions."""

    def __init__(self, make) -> None:
        self.make = make
        self.condition = make.condition("Stiff Person Syndrome")
        self.questions = [make.question(self.condition, title=title) for title in QUESTION_TITLES]
        self.member = self.new_member(display_name="HopefulHeron")
        self.moderator = make.user(role=Role.MODERATOR, display_name="ModMaple")
        self.admin = make.user(role=Role.ADMIN, display_name="AdminAsh")

    def new_member(self, **fields) -> User:
        user = self.make.user(**fields)
        self.make.membership(user, self.condition)
        return user

    def propose(
        self, title: str = "Does cold weather make the stiffness worse?", member=None, **fields
    ) -> QuestionProposal:
        proposal = services.propose_question(
            self.condition, member or self.member, title, similar_seen=True, **fields
        )
        db.session.commit()
        return proposal


@pytest.fixture
def community(app, make) -> Community:
    return Community(make)


@pytest.fixture
def in_a_request(app):
    """Search results carry links, so looking for similar questions needs a request."""
    with app.test_request_context():
        yield


def text_of(response) -> str:
    """The page as a person reads it: entities such as &#39; turned back into characters."""
    return html.unescape(response.get_data(as_text=True))


def log_entries(action: str) -> list[ModerationAction]:
    query = select(ModerationAction).where(ModerationAction.action == action)
    return list(db.session.scalars(query.order_by(ModerationAction.id)))


def told(user: User) -> list[Notification]:
    """What USER was told about their proposals."""
    query = select(Notification).where(
        Notification.user_id == user.id, Notification.kind == NotificationKind.PROPOSAL_DECIDED
    )
    return list(db.session.scalars(query.order_by(Notification.id)))


def all_proposals() -> list[QuestionProposal]:
    return list(db.session.scalars(select(QuestionProposal).order_by(QuestionProposal.id)))
