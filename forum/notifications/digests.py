"""Daily and weekly digests: one email per member with what happened since their last one.

A run walks the members whose digest is due in batches of BATCH_SIZE, one job per batch, each
with the same handful of statements whatever the batch holds. A digest gathers the member's
notifications not mailed yet (helpful marks, and everything for those who chose a digest) and
the new answers on what they follow at the "weekly digest" level. Who got this run's digest
is kept (last_digest_at), so a run that is started twice mails nobody twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from huey import crontab
from sqlalchemy import and_, exists, func, or_, select, union_all, update
from sqlalchemy.orm import aliased

from forum.accounts.models import User
from forum.accounts.standing import may_be_emailed_sql
from forum.answers.models import Answer, AnswerStatus
from forum.core.mail import send_mail
from forum.database import db, utcnow
from forum.jobs.queue import after_commit, batch_size, every, job
from forum.notifications.delivery import absolute_link, mark_emailed
from forum.notifications.models import (
    EmailChoice,
    Follow,
    FollowLevel,
    Notification,
    NotificationSettings,
)
from forum.notifications.unsubscribe import mail_parts
from forum.questions.models import Question
from forum.web.urls import absolute_url

PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
# The daily run is for those who chose it; the weekly one for those who chose it, and for those
# who get each notification as it happens (their "weekly digest" follows and helpful marks).
RUNS = {"daily": (EmailChoice.DAILY,), "weekly": (EmailChoice.WEEKLY, EmailChoice.EACH)}
# A digest sent less than this before a run's period ends still counts for that run (runs
# start on the hour, not to the second).
SLACK = timedelta(hours=2)
MAX_LINES = 20  # notifications listed in full; the rest are counted


@dataclass
class Digest:
    member: User
    notifications: list[Notification] = field(default_factory=list)
    new_answers: list[tuple[Question, int]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.notifications and not self.new_answers


def start_run(run: str) -> None:
    """Queue a digest run ("daily" or "weekly") now."""
    if run not in RUNS:
        raise ValueError(f"No such digest run: {run!r}")
    send_digests.enqueue(run, 0)


@job(retries=3, retry_delay=60, retry_backoff=2)
def send_digests(run: str, after: int) -> None:
    """Send the digests of the next batch of members (ids above AFTER); queue the next batch."""
    now = utcnow()
    members = _due_members(run, after, now)
    if not members:
        return
    digests = _gather(members, now - PERIODS[run])
    for digest in digests.values():
        if not digest.is_empty:
            _mail(digest, run)
    _mark_sent(digests, now)
    if len(members) == batch_size():
        after_commit(send_digests, run, members[-1].id)
    db.session.commit()


def _due_members(run: str, after: int, now) -> list[User]:
    chose = NotificationSettings.email_chosen_sql(RUNS[run])
    last = NotificationSettings.last_digest_at
    due = or_(last.is_(None), last < now - PERIODS[run] + SLACK)
    query = (
        select(User)
        .outerjoin(NotificationSettings, NotificationSettings.user_id == User.id)
        .where(User.id > after, may_be_emailed_sql(), chose, due)
        .order_by(User.id)
        .limit(batch_size())
    )
    return list(db.session.scalars(query))


def _gather(members: list[User], default_since) -> dict[int, Digest]:
    digests = {member.id: Digest(member) for member in members}
    ids = list(digests)
    unsent = db.session.scalars(
        select(Notification)
        .where(Notification.user_id.in_(ids), Notification.emailed_at.is_(None))
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    for notification in unsent:
        digests[notification.user_id].notifications.append(notification)
    counts = db.session.execute(_new_answer_counts(ids, default_since)).all()
    titles = _questions({question_id for _, question_id, _ in counts})
    for user_id, question_id, count in counts:
        digests[user_id].new_answers.append((titles[question_id], count))
    return digests


def _new_answer_counts(ids: list[int], default_since):
    """SQL: (member, question, new answers) for what the members follow at digest level,
    published since their last digest, not their own."""
    on_question = aliased(Follow)
    since = func.coalesce(NotificationSettings.last_digest_at, default_since)
    with_settings = (NotificationSettings, NotificationSettings.user_id == Follow.user_id)
    shown = and_(
        Answer.status == AnswerStatus.PUBLISHED,
        Answer.published_at > since,
        or_(Answer.author_id.is_(None), Answer.author_id != Follow.user_id),
    )
    direct = (
        select(Follow.user_id, Answer.question_id)
        .join(Answer, Answer.question_id == Follow.question_id)
        .outerjoin(*with_settings)
        .where(Follow.user_id.in_(ids), Follow.level == FollowLevel.DIGEST, shown)
    )
    via_condition = (
        select(Follow.user_id, Answer.question_id)
        .join(Question, Question.condition_id == Follow.condition_id)
        .join(Answer, Answer.question_id == Question.id)
        .outerjoin(*with_settings)
        .where(
            Follow.user_id.in_(ids),
            Follow.level == FollowLevel.DIGEST,
            shown,
            ~exists().where(
                on_question.user_id == Follow.user_id, on_question.question_id == Question.id
            ),
        )
    )
    rows = union_all(direct, via_condition).subquery()
    return (
        select(rows.c.user_id, rows.c.question_id, func.count())
        .group_by(rows.c.user_id, rows.c.question_id)
        .order_by(rows.c.user_id, func.count().desc(), rows.c.question_id)
    )


def _questions(ids: set[int]) -> dict[int, Question]:
    if not ids:
        return {}
    return {q.id: q for q in db.session.scalars(select(Question).where(Question.id.in_(ids)))}


def _mail(digest: Digest, run: str) -> None:
    member = digest.member
    send_mail(
        member.email,
        "digest",
        member=member,
        run=run,
        notifications=[(n, absolute_link(n.link)) for n in digest.notifications[:MAX_LINES]],
        more=max(0, len(digest.notifications) - MAX_LINES),
        new_answers=[
            (
                question,
                count,
                absolute_url("pages.question", question_id=question.id, slug=question.slug),
            )
            for question, count in digest.new_answers[:MAX_LINES]
        ],
        notifications_url=absolute_url("notifications.index"),
        **mail_parts(member.id),
    )


def _mark_sent(digests: dict[int, Digest], now) -> None:
    mark_emailed([n.id for digest in digests.values() for n in digest.notifications], now)
    ids = list(digests)
    have_row = set(
        db.session.scalars(
            select(NotificationSettings.user_id).where(NotificationSettings.user_id.in_(ids))
        )
    )
    if have_row:
        db.session.execute(
            update(NotificationSettings)
            .where(NotificationSettings.user_id.in_(have_row))
            .values(last_digest_at=now)
            .execution_options(synchronize_session=False)
        )
    db.session.add_all(
        NotificationSettings.defaults(i, last_digest_at=now) for i in ids if i not in have_row
    )


@every(crontab(minute="0", hour="7"))
def daily_digests() -> None:
    """Every morning at 07:00 UTC (the worker's clock)."""
    start_run("daily")


@every(crontab(minute="0", hour="7", day_of_week="1"))
def weekly_digests() -> None:
    """Monday mornings at 07:00 UTC."""
    start_run("weekly")
