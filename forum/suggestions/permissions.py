"""Who may suggest a correction to a summary, and who decides about one."""

from __future__ import annotations

from forum.accounts.models import User
from forum.accounts.standing import is_reviewer, standing_refusal
from forum.suggestions.models import SuggestionStatus, SummarySuggestion


def suggesting_refusal(user: User) -> str | None:
    """Why USER may not suggest corrections, or None: the one good-standing rule (signed in,
    address confirmed, neither suspended nor banned)."""
    return standing_refusal(user, "suggest corrections")


def can_decide(user: User, suggestion: SummarySuggestion) -> bool:
    """Accept or decline a suggestion: a medical reviewer (or an admin), while it is open."""
    return is_reviewer(user) and suggestion.status is SuggestionStatus.OPEN
