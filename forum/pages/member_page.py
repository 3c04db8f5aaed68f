"""A member's public profile page: their bio and communities as far as they share them, and
the answers they signed with their name."""

from __future__ import annotations

from dataclasses import dataclass

from forum.accounts.models import User
from forum.accounts.services import may_see
from forum.answers.models import Answer
from forum.answers.queries import signed_answers
from forum.conditions.models import Membership
from forum.conditions.services import memberships_of

PROFILE_ANSWERS = 50


@dataclass(frozen=True)
class PublicProfile:
    """What one viewer may see of one member."""

    member: User
    bio: str | None
    communities: list[Membership] | None
    answers: list[Answer]


def public_profile(member: User, viewer: User) -> PublicProfile | None:
    """The profile as `viewer` may see it, or None when the member hid it from them."""
    is_self = viewer.is_authenticated and viewer.id == member.id
    if not member.is_active or (member.profile_hidden and not is_self):
        return None
    shares_communities = may_see(member.communities_visibility, viewer, member)
    return PublicProfile(
        member=member,
        bio=member.bio if may_see(member.bio_visibility, viewer, member) else None,
        communities=memberships_of(member) if shares_communities else None,
        answers=signed_answers(member, viewer, PROFILE_ANSWERS),
    )
