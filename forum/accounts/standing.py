"""Who may take part, and as what: the one good-standing rule (with the reason when it says
no), the roles, the view decorators that check them, and the same rules as SQL for jobs that
decide for thousands of members at once. Object checks (may this member edit this answer?) live
beside each feature, in its permissions.py, and build on these."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import NamedTuple

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import and_, or_

from forum.accounts.models import AccountStatus, User
from forum.database import utcnow


def standing_refusal(user: User, doing: str) -> str | None:
    """Why USER may not DOING ("post", "report answers") for who they are, or None. The one
    good-standing rule: signed in, email address confirmed, not suspended, not banned."""
    if not user.is_authenticated:
        return f"Please sign in to {doing}."
    if not user.is_email_verified:
        return f"Please confirm your email address before you {doing}."
    if user.is_suspended:
        return suspension_message(user, doing)
    if not user.is_active:
        return f"Your account can't {doing}."
    return None


def can_participate(user: User | Standing) -> bool:
    """Post, vote, flag or report: what standing_refusal allows, asked as a yes or no."""
    return (
        user.is_authenticated
        and user.is_email_verified
        and not user.is_suspended
        and user.is_active
    )


def suspension_message(user: User, doing: str) -> str:
    """Until when, and why: a suspended member is never left guessing."""
    end = user.suspended_until
    until = f" until {end.day} {end:%B %Y}" if end else ""
    why = f" The reason given: {user.status_reason}" if user.status_reason else ""
    return f"Your account is suspended{until}, so you can't {doing} right now.{why}"


def is_moderator(user: User | Standing) -> bool:
    return user.is_authenticated and user.is_moderator


def is_reviewer(user: User | Standing) -> bool:
    return user.is_authenticated and user.is_reviewer


def is_admin(user: User) -> bool:
    return user.is_authenticated and user.is_admin


def can_read_members_only(user: User | Standing) -> bool:
    """Answers shared with members only reach signed-in readers who confirmed their address (a
    throwaway account must not be a key to them): their text, their treatments and outcomes,
    and their part in counts, comparisons and search results."""
    return user.is_authenticated and user.is_email_verified


def audience(viewer: User | Standing) -> str:
    """Who a kept figure or panel is drawn for: answers shared with members count for some."""
    return "members" if can_read_members_only(viewer) else "everyone"


class Standing(NamedTuple):
    """What the permission checks read of a user, read once: a page of answers asks them for
    every card, and reading a model's attributes (and properties built on them) costs far more.
    The checks take it in place of the user."""

    id: int | None
    is_authenticated: bool
    is_moderator: bool
    is_email_verified: bool
    is_active: bool
    is_suspended: bool
    is_reviewer: bool

    @classmethod
    def of(cls, user: User) -> Standing:
        if not user.is_authenticated:
            return cls(None, False, False, False, False, False, False)
        return cls(
            user.id,
            True,
            user.is_moderator,
            user.is_email_verified,
            user.is_active,
            user.is_suspended,
            user.is_reviewer,
        )


def _requiring(check: Callable[[User], bool]) -> Callable:
    """A view decorator: signed-out visitors go to sign-in; others failing `check` get 403."""

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not check(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


moderator_required = _requiring(is_moderator)
reviewer_required = _requiring(is_reviewer)
admin_required = _requiring(is_admin)


# The same rules for many members at once, as SQL conditions on User, for the notification
# fan-out and the digests (which decide for thousands of members in one statement).


def may_be_notified_sql():
    """Members who still have an account to be told things in: not banned, not deleted."""
    return User.status.in_([AccountStatus.ACTIVE, AccountStatus.SUSPENDED])


def reads_members_only_sql():
    """The SQL form of can_read_members_only."""
    return User.email_verified_at.is_not(None)


def may_be_emailed_sql():
    """Whom the forum mails about activity: a confirmed address, in good standing (a lapsed
    suspension no longer counts). Mail about their own account reaches members regardless."""
    lapsed = and_(
        User.status == AccountStatus.SUSPENDED,
        User.suspended_until.is_not(None),
        User.suspended_until <= utcnow(),
    )
    return and_(
        User.email_verified_at.is_not(None), or_(User.status == AccountStatus.ACTIVE, lapsed)
    )


TEMPLATE_CHECKS = (can_participate, is_moderator, is_reviewer, is_admin, can_read_members_only)
