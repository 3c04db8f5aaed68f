"""Making notifications for many members at once, and mailing each one that should go alone.

Everything here runs in jobs. A batch is one INSERT of at most BATCH_SIZE rows; a member who
already has a notification on the same topic gets no second one, so a job that is tried again
tells nobody twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask import current_app
from sqlalchemy import exists, insert, or_, select, update

from forum.accounts.models import User
from forum.accounts.standing import may_be_emailed_sql
from forum.core.mail import send_mail
from forum.database import db, utcnow
from forum.jobs.queue import after_commit, batch_size, job
from forum.notifications.models import (
    DIGEST_ONLY_KINDS,
    URGENT_KINDS,
    EmailChoice,
    Notification,
    NotificationKind,
    NotificationSettings,
)
from forum.notifications.unsubscribe import mail_parts
from forum.web.urls import absolute_url


def not_told_yet(topic: str):
    """SQL: the member (User) has no notification on TOPIC yet."""
    return ~exists().where(Notification.user_id == User.id, Notification.topic == topic)


def notify_users(
    user_ids: Sequence[int],
    kind: NotificationKind,
    message: str,
    link: str,
    *,
    topic: str,
    answer_id: int | None = None,
    emailed: bool = False,
) -> None:
    """Give each member in USER_IDS the same notification, in one statement, and queue the
    mail for those who want each one as it happens. EMAILED: the caller mails it itself."""
    if not user_ids:
        return
    now = utcnow()
    rows = [
        {
            "user_id": user_id,
            "kind": kind,
            "message": message,
            "link": link,
            "topic": topic,
            "answer_id": answer_id,
            "count": 1,
            "created_at": now,
            "emailed_at": now if emailed else None,
        }
        for user_id in user_ids
    ]
    db.session.execute(insert(Notification), rows)
    if not emailed and kind not in DIGEST_ONLY_KINDS:
        after_commit(mail_each, topic, list(user_ids))


@job(retries=3, retry_delay=60, retry_backoff=2)
def mail_each(topic: str, user_ids: list[int]) -> None:
    """Mail the notification on TOPIC to each of USER_IDS who wants each one as it happens
    (everyone, for urgent kinds) and may be mailed; mark it sent."""
    wanted = NotificationSettings.email_chosen_sql((EmailChoice.EACH,))
    rows = db.session.execute(
        select(Notification, User)
        .join(User, User.id == Notification.user_id)
        .outerjoin(NotificationSettings, NotificationSettings.user_id == User.id)
        .where(
            Notification.topic == topic,
            Notification.user_id.in_(user_ids),
            Notification.emailed_at.is_(None),
            may_be_emailed_sql(),
            or_(wanted, Notification.kind.in_(URGENT_KINDS)),
        )
    ).all()
    for notification, user in rows:
        send_mail(
            user.email,
            "notification",
            member=user,
            notification=notification,
            url=absolute_link(notification.link),
            **mail_parts(user.id),
        )
    mark_emailed([notification.id for notification, _ in rows], utcnow())
    db.session.commit()


def mark_emailed(ids: list[int], when) -> None:
    """The notifications went out by email, alone or in a digest."""
    if ids:
        db.session.execute(
            update(Notification)
            .where(Notification.id.in_(ids))
            .values(emailed_at=when)
            .execution_options(synchronize_session=False)
        )


def absolute_link(path: str) -> str:
    """The notification's link (a path on the site) on SITE_URL, for a mail."""
    return current_app.config["SITE_URL"] + path if path else absolute_url("notifications.index")


def next_recipients(candidates, after: int, topic: str) -> list[int]:
    """The next batch of user ids from CANDIDATES (a select of User.id), in id order."""
    query = (
        candidates.where(User.id > after, not_told_yet(topic)).order_by(User.id).limit(batch_size())
    )
    return list(db.session.scalars(query))
