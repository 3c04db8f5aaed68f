"""Following questions and conditions, reading notifications, and the member's choices."""

from __future__ import annotations

from sqlalchemy import func, select, update

from forum.accounts.models import User
from forum.answers.models import Answer
from forum.conditions.models import Condition
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.notifications.models import (
    EmailChoice,
    Follow,
    FollowLevel,
    Notification,
    NotificationSettings,
)
from forum.questions.models import Question

# Past this the bell says "99+": a badge has room for two digits.
UNREAD_CAP = 99
PAGE_SIZE = 20


def follow_of(user: User, target: Question | Condition) -> Follow | None:
    return db.session.scalar(select(Follow).where(Follow.user_id == user.id, _on(target)))


def level_of(user: User, target: Question | Condition) -> FollowLevel:
    """How the member follows TARGET: OFF when they do not."""
    if not user.is_authenticated:
        return FollowLevel.OFF
    follow = follow_of(user, target)
    return follow.level if follow is not None else FollowLevel.OFF


def set_follow(user: User, target: Question | Condition, level: FollowLevel) -> Follow:
    """Follow TARGET at LEVEL (OFF stops following, and is remembered)."""
    if not user.is_authenticated:
        raise ForumError("Please sign in to follow questions and conditions.")
    follow = follow_of(user, target)
    if follow is None:
        follow = Follow(user_id=user.id, level=level, **_target_ids(target))
        db.session.add(follow)
    follow.level = level
    db.session.flush()
    return follow


def follow_answered_question(answer: Answer) -> None:
    """Authors follow the question they answered, unless they once chose not to."""
    author, question = answer.author, answer.question
    if follow_of(author, question) is None:
        db.session.add(
            Follow(user_id=author.id, question_id=question.id, level=FollowLevel.EVERY_ANSWER)
        )


def follows_of(user: User) -> list[Follow]:
    """What the member follows (at any level but off), questions first, newest first."""
    return list(
        db.session.scalars(
            select(Follow)
            .where(Follow.user_id == user.id, Follow.level != FollowLevel.OFF)
            .order_by(Follow.question_id.is_(None), Follow.created_at.desc(), Follow.id.desc())
        )
    )


def _on(target: Question | Condition):
    if isinstance(target, Question):
        return Follow.question_id == target.id
    return Follow.condition_id == target.id


def _target_ids(target: Question | Condition) -> dict[str, int]:
    if isinstance(target, Question):
        return {"question_id": target.id}
    return {"condition_id": target.id}


def settings_of(user: User) -> NotificationSettings:
    """The member's choices; the defaults (not saved) when they never changed them."""
    found = db.session.get(NotificationSettings, user.id)
    return found or NotificationSettings.defaults(user.id)


def save_settings(user: User, email: EmailChoice, crisis_alerts: bool) -> NotificationSettings:
    return _save(user.id, email=email, crisis_alerts=crisis_alerts)


def stop_all_email(user_id: int) -> None:
    """Unsubscribe: no more notification email (notifications stay on the site)."""
    _save(user_id, email=EmailChoice.NEVER)


def _save(user_id: int, **choices) -> NotificationSettings:
    settings = db.session.get(NotificationSettings, user_id)
    if settings is None:
        settings = NotificationSettings.defaults(user_id)
        db.session.add(settings)
    for name, value in choices.items():
        setattr(settings, name, value)
    db.session.flush()
    return settings


def unread_count_sql():
    """SQL: the member's (User's) unread notifications, for the header (from the index on
    user and read_at alone)."""
    return (
        select(func.count(Notification.id))
        .where(Notification.user_id == User.id, Notification.read_at.is_(None))
        .scalar_subquery()
    )


def unread_count(user: User) -> int:
    """The member's unread notifications: counted when they were signed in (the session's
    first query), again only after this request marked some read."""
    if getattr(user, "unread_notifications", None) is None:
        user.unread_notifications = db.session.scalar(
            select(func.count(Notification.id)).where(
                Notification.user_id == user.id, Notification.read_at.is_(None)
            )
        )
    return user.unread_notifications


def notifications_page(user: User, page: int):
    """The member's notifications, newest first, PAGE_SIZE at a time."""
    query = (
        select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    return db.paginate(query, page=page, per_page=PAGE_SIZE, error_out=False)


def mark_read(user: User, notifications: list[Notification] | None = None) -> int:
    """Mark NOTIFICATIONS (all of the member's when None) read; returns how many changed."""
    statement = update(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    if notifications is not None:
        statement = statement.where(Notification.id.in_([n.id for n in notifications]))
    result = db.session.execute(
        statement.values(read_at=utcnow()).execution_options(synchronize_session=False)
    )
    user.unread_notifications = None  # counted again when next shown
    return result.rowcount
