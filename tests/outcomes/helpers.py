"""A community whose members ask to be checked in with, and a clock the tests move."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from forum.answers.models import Answer, Outcome
from forum.answers.services import AnswerDraft, TreatmentEntry, submit_answer
from forum.conditions.models import Perspective
from forum.database import db
from forum.notifications.models import Notification, NotificationKind
from forum.outcomes.models import CheckIn
from forum.outcomes.schedule import months_after
from forum.outcomes.sending import send_due_check_ins

BODY = "Baclofen eased the spasms after a few weeks; heat packs help on bad evenings."


class Scene:
    def __init__(self, app, make) -> None:
        self.app, self.make = app, make
        self.condition = make.condition("Stiff Person Syndrome", slug="sps")
        self.baclofen = make.treatment(self.condition, "Baclofen")
        self.diazepam = make.treatment(self.condition, "Diazepam")
        self.question = make.question(self.condition, title="What eased your spasms?")

    def member(self, **fields):
        user = self.make.user(**fields)
        self.make.membership(user, self.condition)
        return user

    def client_of(self, user):
        return self.app.test_client(user=user)

    def post(
        self, author, *, wants_check_ins: bool = True, treatments=None, published: bool = True
    ) -> Answer:
        """Post through the answer service, as the answer form does."""
        entries = list(treatments) if treatments is not None else [
            TreatmentEntry(outcome=Outcome.HELPED_A_LOT, treatment_id=self.baclofen.id,
                           still_using=True)
        ]  # fmt: skip
        draft = AnswerDraft(
            body=BODY,
            perspective=Perspective.PATIENT,
            treatments=entries,
            wants_check_ins=wants_check_ins,
        )
        answer = submit_answer(self.question, author, draft)
        db.session.commit()
        assert answer.is_published is published
        return answer

    @property
    def question_path(self) -> str:
        return f"/questions/{self.question.id}/{self.question.slug}"


def months_later(answer: Answer, months: int, **extra) -> datetime:
    """The moment MONTHS after ANSWER was posted, give or take EXTRA (a timedelta's keywords)."""
    return months_after(answer.created_at, months) + timedelta(**extra)


def run_at(moment: datetime) -> None:
    """The hourly job, run as if it were MOMENT."""
    send_due_check_ins(now=moment)
    db.session.expire_all()


def ask(answer: Answer, months: int) -> None:
    """Travel to the moment a check-in falls due and run the job then."""
    run_at(months_later(answer, months))


def check_in_notifications(user=None) -> list[Notification]:
    query = select(Notification).where(Notification.kind == NotificationKind.CHECK_IN)
    if user is not None:
        query = query.where(Notification.user_id == user.id)
    return list(db.session.scalars(query.order_by(Notification.id)))


def check_ins_of(answer_id: int) -> dict[int, CheckIn]:
    rows = db.session.scalars(select(CheckIn).where(CheckIn.answer_id == answer_id))
    return {check_in.months: check_in for check_in in rows}
