"""Who may propose a question, and who reviews proposals. Services, views and templates ask
these same functions, so a rule never lives in two places."""

from __future__ import annotations

from typing import TYPE_CHECKING

from forum.accounts.models import User
from forum.accounts.standing import Standing, can_participate, is_moderator, standing_refusal
from forum.answers.permissions import Refusal

if TYPE_CHECKING:
    from forum.conditions.models import Condition, Membership

DOING = "propose a question"


def proposal_refusal(
    user: User, condition: Condition, membership: Membership | None
) -> Refusal | None:
    """Who may propose: members of the condition's community, in good standing."""
    if not user.is_authenticated:
        return Refusal(
            f"Members of the {condition.name} community can propose questions here.",
            "Sign in or join the forum",
            "auth.sign_in",
        )
    if reason := standing_refusal(user, DOING):
        if not user.is_email_verified:
            return Refusal(reason, "Send the confirmation link again", "pages.account")
        return Refusal(reason)
    if membership is None:
        return Refusal(
            f"Questions here are proposed by members of the {condition.name} community.",
            f"Join the {condition.name} community",
            "conditions.join",
            {"condition_id": condition.id},
        )
    return None


def can_propose_question(user: User | Standing, membership: Membership | None) -> bool:
    """What proposal_refusal allows, as a yes or no: for the link on the condition page."""
    return membership is not None and can_participate(user)


def can_review_proposals(user: User | Standing) -> bool:
    """Moderators and admins publish, merge or decline proposals."""
    return is_moderator(user)


TEMPLATE_CHECKS = (can_propose_question, can_review_proposals)
