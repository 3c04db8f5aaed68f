"""A community where members follow things, and the routes people use to act in it."""

from __future__ import annotations

from sqlalchemy import select

from forum.accounts.models import Role
from forum.answers.models import Answer
from forum.database import db
from forum.notifications.models import Notification
from tests.answers.helpers import answer_form


class Community:
    def __init__(self, app, make) -> None:
        self.app, self.make = app, make
        self.condition = make.condition("Stiff Person Syndrome", slug="sps")
        self.treatment = make.treatment(self.condition, "Baclofen")
        self.question = make.question(self.condition, title="What eased your spasms?")
        self.moderator = make.user(role=Role.MODERATOR, display_name="ModMaple")

    def member(self, **fields):
        user = self.make.user(**fields)
        self.make.membership(user, self.condition)
        return user

    def client_of(self, user):
        return self.app.test_client(user=user)

    def follow(self, user, level: str = "every_answer", target=None):
        target = target or self.question
        kind = "questions" if target is self.question or hasattr(target, "title") else "conditions"
        response = self.client_of(user).post(f"/{kind}/{target.id}/follow", data={"level": level})
        assert response.status_code in (302, 303)
        return response

    def answer(self, author, question=None, **fields) -> Answer:
        """Post through the answer form, as the author's browser does."""
        question = question or self.question
        form = answer_form(treatments=[(self.treatment.id, "helped_a_lot", {})], **fields)
        response = self.client_of(author).post(f"/questions/{question.id}/answer", data=form)
        assert response.status_code in (302, 303), response.get_data(as_text=True)[:2000]
        return db.session.scalar(
            select(Answer).where(Answer.author_id == author.id, Answer.question_id == question.id)
        )

    def approve(self, answer) -> None:
        response = self.client_of(self.moderator).post(
            f"/moderation/answers/{answer.id}/approve", data={}
        )
        assert response.status_code in (302, 303)


def notifications_of(user) -> list[Notification]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
        )
    )


def trusted(make, user):
    """A member whose answers publish at once (past pre-moderation)."""
    user.approved_answer_count = 10
    db.session.commit()
    return user
