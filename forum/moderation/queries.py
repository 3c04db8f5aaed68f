"""What moderators read: the queue, an answer's or a member's record, and the log.

Each page loads in a fixed number of queries whatever the number of items on it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import aliased, joinedload

from forum.accounts.models import User, display_name_key
from forum.answers.models import Answer, AnswerStatus
from forum.answers.queries import card_loading
from forum.audit.actions import Action
from forum.audit.models import ModerationAction
from forum.database import db, utcnow
from forum.flags.models import Flag, FlagReason, FlagStatus
from forum.questions.models import Question


def answer_loading() -> tuple:
    return (*card_loading(), joinedload(Answer.question).joinedload(Question.condition))


def find_any_answer(answer_id: int) -> Answer | None:
    """Any answer in any state, on any question: moderators can always reach what was written."""
    return db.session.scalar(
        select(Answer).where(Answer.id == answer_id).options(*answer_loading())
    )


@dataclass
class QueueItem:
    answer: Answer
    reports: list[Flag] = field(default_factory=list)
    held_because: str = ""
    author_record: Counter = field(default_factory=Counter)

    @property
    def is_crisis(self) -> bool:
        return any(flag.reason is FlagReason.AT_RISK for flag in self.reports)

    @property
    def waiting_since(self) -> datetime:
        return min((flag.created_at for flag in self.reports), default=self.answer.created_at)


def _open_report_totals():
    crisis = case((Flag.reason == FlagReason.AT_RISK, 1), else_=0)
    return (
        select(
            Flag.answer_id.label("answer_id"),
            func.count().label("reports"),
            func.min(Flag.created_at).label("first_report"),
            func.max(crisis).label("crisis"),
        )
        .where(Flag.status == FlagStatus.OPEN, Flag.answer_id.is_not(None))
        .group_by(Flag.answer_id)
        .subquery()
    )


def queue_query() -> Select[tuple[Answer]]:
    """Waiting answers and answers with open reports: crisis reports first, then oldest first."""
    totals = _open_report_totals()
    return (
        select(Answer)
        .outerjoin(totals, totals.c.answer_id == Answer.id)
        .where(or_(Answer.status == AnswerStatus.PENDING, totals.c.reports > 0))
        .options(*answer_loading())
        .order_by(
            func.coalesce(totals.c.crisis, 0).desc(),
            func.coalesce(totals.c.first_report, Answer.created_at),
            Answer.id,
        )
    )


def queue_items(answers: list[Answer]) -> list[QueueItem]:
    """Everything the queue shows beside each answer, in three queries for the whole page."""
    items = {answer.id: QueueItem(answer) for answer in answers}
    if not items:
        return []
    for flag in open_reports(list(items)):
        items[flag.answer_id].reports.append(flag)
    for entry in db.session.scalars(
        select(ModerationAction)
        .where(
            ModerationAction.action == Action.ANSWER_HELD,
            ModerationAction.target_type == "answer",
            ModerationAction.target_id.in_(list(items)),
        )
        .order_by(ModerationAction.created_at, ModerationAction.id)
    ):
        items[entry.target_id].held_because = entry.reason  # the latest hold wins
    records = moderation_records([a.author_id for a in answers if a.author_id is not None])
    for item in items.values():
        item.author_record = records.get(item.answer.author_id, Counter())
    return list(items.values())


def open_reports(answer_ids: list[int]) -> list[Flag]:
    return list(
        db.session.scalars(
            select(Flag)
            .where(Flag.answer_id.in_(answer_ids), Flag.status == FlagStatus.OPEN)
            .options(joinedload(Flag.reporter))
            .order_by(Flag.created_at, Flag.id)
        )
    )


def moderation_records(member_ids: list[int]) -> dict[int, Counter]:
    """For each member, how many times moderators (not the automatic rules) acted on them."""
    rows = db.session.execute(
        select(ModerationAction.subject_user_id, ModerationAction.action, func.count())
        .where(
            ModerationAction.subject_user_id.in_(set(member_ids)),
            ModerationAction.actor_id.is_not(None),
        )
        .group_by(ModerationAction.subject_user_id, ModerationAction.action)
    ).all()
    records: dict[int, Counter] = defaultdict(Counter)
    for member_id, action, count in rows:
        records[member_id][action] = count
    return records


def waiting_count() -> int:
    """How many items the queue holds, for the moderators' link in the navigation."""
    return db.session.scalar(select(func.count()).select_from(queue_query().subquery()))


def reports_on(answer: Answer) -> list[Flag]:
    """Every report about the answer, open and closed, oldest first."""
    return list(
        db.session.scalars(
            select(Flag)
            .where(Flag.answer_id == answer.id)
            .options(joinedload(Flag.reporter), joinedload(Flag.resolver))
            .order_by(Flag.created_at, Flag.id)
        )
    )


def history_of(target_type: str, target_id: int) -> list[ModerationAction]:
    return list(
        db.session.scalars(
            select(ModerationAction)
            .where(
                ModerationAction.target_type == target_type,
                ModerationAction.target_id == target_id,
            )
            .options(joinedload(ModerationAction.actor))
            .order_by(ModerationAction.created_at, ModerationAction.id)
        )
    )


def answers_by(member: User) -> list[Answer]:
    """All of a member's answers, in every state, newest first."""
    return list(
        db.session.scalars(
            select(Answer)
            .where(Answer.author_id == member.id)
            .options(joinedload(Answer.question))
            .order_by(Answer.created_at.desc(), Answer.id.desc())
        )
    )


def actions_about(member: User) -> Select[tuple[ModerationAction]]:
    """Entries whose subject is the member, newest first: their own page and the member page."""
    return (
        select(ModerationAction)
        .where(ModerationAction.subject_user_id == member.id)
        .options(joinedload(ModerationAction.actor))
        .order_by(ModerationAction.created_at.desc(), ModerationAction.id.desc())
    )


@dataclass(frozen=True)
class LogFilters:
    actor: str = ""
    action: str = ""
    member: str = ""
    date_from: date | None = None
    date_to: date | None = None

    @property
    def as_query(self) -> dict[str, str]:
        """The filters as URL parameters, for the pagination links."""
        values = {
            "actor": self.actor,
            "action": self.action,
            "member": self.member,
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
        }
        return {key: value for key, value in values.items() if value}


def _start_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def log_query(filters: LogFilters) -> Select[tuple[ModerationAction]]:
    """The log, newest first, narrowed by who acted, what they did, to whom, and when."""
    actor = aliased(User)
    subject = aliased(User)
    query = (
        select(ModerationAction)
        .options(joinedload(ModerationAction.actor), joinedload(ModerationAction.subject))
        .order_by(ModerationAction.created_at.desc(), ModerationAction.id.desc())
    )
    if filters.actor:
        query = query.join(ModerationAction.actor.of_type(actor)).where(
            actor.display_name_key == display_name_key(filters.actor)
        )
    if filters.member:
        query = query.join(ModerationAction.subject.of_type(subject)).where(
            subject.display_name_key == display_name_key(filters.member)
        )
    if filters.action:
        query = query.where(ModerationAction.action == filters.action)
    if filters.date_from:
        query = query.where(ModerationAction.created_at >= _start_of(filters.date_from))
    if filters.date_to:
        next_day = _start_of(filters.date_to) + timedelta(days=1)
        query = query.where(ModerationAction.created_at < next_day)
    return query


def logged_actions() -> list[str]:
    """Every kind of action the log holds, for the filter's list."""
    return list(
        db.session.scalars(
            select(ModerationAction.action).distinct().order_by(ModerationAction.action)
        )
    )


def account_age_days(member: User) -> int:
    return max(0, (utcnow() - member.created_at).days)
