"""Who moderators may act on."""

from __future__ import annotations

from forum.accounts.models import Role, User
from forum.accounts.standing import is_moderator


def can_moderate_member(actor: User, member: User) -> bool:
    """Suspend, ban or reinstate: moderators act on members, never on staff or themselves.

    A staff account has to lose its role (an admin's decision, logged) before it can be acted on.
    """
    return is_moderator(actor) and member.role is Role.MEMBER and member.id != actor.id


TEMPLATE_CHECKS = (can_moderate_member,)
