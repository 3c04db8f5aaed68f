"""Moderators' decisions about members: suspend, ban, reinstate, and remove a spammer's content.

A suspended member can still sign in and read; a banned one can't sign in at all, and their
sessions end at once. Both are told until when (for a suspension) and why.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, update

from forum.accounts.models import AccountStatus, User, new_session_token
from forum.answers.models import Answer, AnswerStatus
from forum.answers.services import change_status, snapshot_of
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.audit.models import NoticeKind
from forum.audit.notices import mail_member, notify
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.flags.models import FlagStatus
from forum.moderation.decisions import (
    AlreadyHandledError,
    close_reports,
    require_moderator,
    required_reason,
)
from forum.moderation.permissions import can_moderate_member

SUSPENSION_DAYS = (1, 7, 30)
LONGEST_SUSPENSION = timedelta(days=3 * 365)
# What "remove all their content" takes down; deleted answers are already out of view.
REMOVABLE = (AnswerStatus.PUBLISHED, AnswerStatus.PENDING, AnswerStatus.HIDDEN)


def suspension_end(days: int | None = None, until: date | None = None) -> datetime:
    """A suspension lasts 1, 7 or 30 days from now, or until the start of a chosen day (UTC)."""
    if days is not None:
        if days not in SUSPENSION_DAYS:
            raise ForumError("Please choose 1, 7 or 30 days, or a date.", field="length")
        return utcnow() + timedelta(days=days)
    if until is None:
        raise ForumError("Please choose how long the suspension lasts.", field="length")
    end = datetime(until.year, until.month, until.day, tzinfo=UTC)
    if end <= utcnow():
        raise ForumError("Please choose a date after today.", field="until")
    if end - utcnow() > LONGEST_SUSPENSION:
        raise ForumError("For longer than three years, please ban the member.", field="until")
    return end


def _standing(member: User) -> dict:
    until = member.suspended_until.isoformat() if member.suspended_until else None
    return {"status": member.status.value, "suspended_until": until, "reason": member.status_reason}


def _check(moderator: User, member: User) -> None:
    require_moderator(moderator)
    if not can_moderate_member(moderator, member):
        raise ForumError(
            "Moderators act on members' accounts only: not on their own, and not on staff "
            "accounts (an admin can change a staff member's role first)."
        )


def _change_standing(
    member: User,
    moderator: User,
    action: Action,
    status: AccountStatus,
    *,
    until: datetime | None = None,
    reason: str = "",
    shown_reason: str = "",
) -> None:
    """Compare-and-set the account status, then log it with the standing before and after.

    The status is compared with the one loaded with the page's request: of two moderators
    acting at once, the second changes nothing and is told so.
    """
    before = _standing(member)
    values = {"status": status, "suspended_until": until, "status_reason": shown_reason}
    if status is AccountStatus.BANNED:
        values["session_token"] = new_session_token()  # every session ends now
    result = db.session.execute(
        update(User)
        .where(User.id == member.id, User.status == member.status)
        .values(values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise AlreadyHandledError()
    db.session.expire(member)
    record_action(
        moderator,
        action,
        "user",
        member.id,
        reason=reason,
        before=before,
        after=_standing(member),
        subject=member,
    )


def suspend_member(member: User, moderator: User, reason: str, until: datetime) -> None:
    """Stop the member posting, editing, voting and reporting until `until`."""
    _check(moderator, member)
    reason = required_reason(reason, "Please tell the member why they are suspended.")
    if member.status not in (AccountStatus.ACTIVE, AccountStatus.SUSPENDED):
        raise ForumError("Only an active or suspended account can be suspended.")
    _change_standing(
        member,
        moderator,
        Action.MEMBER_SUSPENDED,
        AccountStatus.SUSPENDED,
        until=until,
        reason=reason,
        shown_reason=reason,
    )
    when = f"{until.day} {until:%B %Y}"
    notify(
        member,
        NoticeKind.SUSPENDED,
        f"Your account is suspended until {when}. Until then you can read but not post, edit, "
        f"vote or report. The reason given: {reason}",
        mail="account_suspended",
        until=when,
        reason=reason,
    )


def ban_member(member: User, moderator: User, reason: str) -> None:
    """Close the member's account to sign-in for good (a moderator can reinstate it)."""
    _check(moderator, member)
    reason = required_reason(reason, "Please tell the member why they are banned.")
    if member.status is AccountStatus.BANNED:
        raise AlreadyHandledError()
    if member.status not in (AccountStatus.ACTIVE, AccountStatus.SUSPENDED):
        raise ForumError("This account can't be banned.")
    _change_standing(
        member,
        moderator,
        Action.MEMBER_BANNED,
        AccountStatus.BANNED,
        reason=reason,
        shown_reason=reason,
    )
    # No notice on the account page: they can't sign in to read it. The email and the
    # sign-in page say why.
    mail_member(member, "account_banned", reason=reason)


def reinstate_member(member: User, moderator: User, reason: str = "") -> None:
    """Lift a suspension or a ban."""
    _check(moderator, member)
    if member.status not in (AccountStatus.SUSPENDED, AccountStatus.BANNED):
        raise ForumError("This account is not suspended or banned.")
    reason = (reason or "").strip()[:1000]
    _change_standing(
        member, moderator, Action.MEMBER_REINSTATED, AccountStatus.ACTIVE, reason=reason
    )
    notify(
        member,
        NoticeKind.REINSTATED,
        "Your account is in good standing again: you can post, edit, vote and report.",
        mail="account_reinstated",
    )


def remove_all_content(member: User, moderator: User, reason: str) -> int:
    """For spammers: reject every answer still up or waiting, and ban the member, at once.

    One log entry per answer (each keeps its own before/after, so each can be restored on its
    own) and one for the ban. Nothing is deleted: every answer stays, rejected, for moderators.
    Returns how many answers were taken down.
    """
    _check(moderator, member)
    reason = required_reason(reason, "Please say why all of this member's content is removed.")
    answers = db.session.scalars(
        select(Answer).where(Answer.author_id == member.id, Answer.status.in_(REMOVABLE))
    ).all()
    removed = 0
    for answer in answers:
        removed += _reject_quietly(answer, moderator, f"Removed with all their content: {reason}")
    if member.status is not AccountStatus.BANNED:
        ban_member(member, moderator, reason)
    return removed


def _reject_quietly(answer: Answer, moderator: User, reason: str) -> int:
    """Reject without a message per answer: the member gets one email, about the ban."""
    before = snapshot_of(answer)
    if not change_status(answer, answer.status, AnswerStatus.REJECTED):
        return 0
    close_reports(answer, moderator, FlagStatus.UPHELD, reason)
    record_action(
        moderator,
        Action.ANSWER_REJECTED,
        "answer",
        answer.id,
        reason=reason,
        before=before,
        after=snapshot_of(answer),
        subject=answer.author,
    )
    return 1
