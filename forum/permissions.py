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
