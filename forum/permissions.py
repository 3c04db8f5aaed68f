"""The one home of permission checks: who may do what.

Role-level checks are decorators for views; object-level checks are `can_*` functions that
services and templates both call, so a rule never lives in two places.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from flask import abort
from flask_login import current_user, login_required

from forum.accounts.models import User
from forum.moderation.models import Flag, FlagStatus
from forum.summaries.models import ReviewerProfile, RevisionStatus, SummaryRevision


def can_participate(user: User) -> bool:
    """Post, vote, flag or report: signed in, email confirmed, and in good standing."""
    return (
        user.is_authenticated
        and user.is_email_verified
        and user.is_active
        and not user.is_suspended
    )


def is_moderator(user: User) -> bool:
    return user.is_authenticated and user.is_moderator


def is_reviewer(user: User) -> bool:
    return user.is_authenticated and user.is_reviewer


def is_admin(user: User) -> bool:
    return user.is_authenticated and user.is_admin


def can_edit_revision(user: User, revision: SummaryRevision) -> bool:
    """Only its writer changes a draft, so "who wrote it" stays true for the self-review rule."""
    return is_reviewer(user) and revision.is_editable and revision.writer_id == user.id


def can_submit(user: User, revision: SummaryRevision) -> bool:
    return can_edit_revision(user, revision)


def _is_second_pair_of_eyes(user: User, revision: SummaryRevision, allow_self_review: bool) -> bool:
    return allow_self_review or revision.writer_id != user.id


def can_return(user: User, revision: SummaryRevision, allow_self_review: bool) -> bool:
    """Send a submitted draft back with comments: a reviewer other than its writer."""
    return (
        is_reviewer(user)
        and revision.status is RevisionStatus.IN_REVIEW
        and _is_second_pair_of_eyes(user, revision, allow_self_review)
    )


def can_publish(user: User, revision: SummaryRevision, allow_self_review: bool) -> bool:
    """Sign off a submitted draft: a reviewer who did not write it (unless the site allows it).

    The service also needs the reviewer's profile to be verified; it says so in its own words.
    """
    return can_return(user, revision, allow_self_review)


def can_discard(user: User, revision: SummaryRevision) -> bool:
    """Throw away an unsubmitted draft: its writer, or an admin clearing an abandoned one."""
    return revision.is_editable and (
        is_admin(user) or (is_reviewer(user) and revision.writer_id == user.id)
    )


def can_resolve_report(user: User, flag: Flag) -> bool:
    return is_reviewer(user) and flag.summary is not None and flag.status is FlagStatus.OPEN


def can_verify_reviewer(user: User, profile: ReviewerProfile, allow_self_review: bool) -> bool:
    """Admins vouch for reviewers; vouching for yourself needs the small-site setting."""
    return is_admin(user) and (allow_self_review or profile.user_id != user.id)


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
