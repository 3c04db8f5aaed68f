"""Who may propose a question, and who reviews proposals. Services, views and templates ask
these same functions, so a rule never lives in two places."""

from __future__ import annotations

from typing import TYPE_CHECKING

from forum.accounts.models import User
from forum.accounts.standing import Standing, can_participate, is_moderator
from forum.answers.permissions import Refusal, community_refusal

if TYPE_CHECKING:
    from forum.conditions.models import Condition, Membership

DOING = "propose a question"


def proposal_refusal(
    user: User, condition: Condition, membership: Membership | None
) -> Refusal | None:
    """Who may propose: members of the condition's community, in good standing."""
    return community_refusal(
        user,
        condition,
        membership,
        DOING,
        invitation=f"Members of the {condition.name} community can propose questions here.",
        members_only=f"Questions here are proposed by members of the {condition.name} community.",
    )


def can_propose_question(user: User | Standing, membership: Membership | None) -> bool:
    """What proposal_refusal allows, as a yes or no: for the link on the condition page."""
    return membership is not None and can_participate(user)


def can_review_proposals(user: User | Standing) -> bool:
    """Moderators and admins publish, merge or decline proposals."""
    return is_moderator(user)


TEMPLATE_CHECKS = (can_propose_question, can_review_proposals)
