"""Who may answer a "still working?" check-in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from forum.answers.permissions import can_edit_answer, is_author

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.answers.models import Answer


def can_check_in(user: User, answer: Answer) -> bool:
    """Answer "still working?": an edit of the author's own reports, so the author alone, and
    only while they may edit it themselves (a moderator's edit rights do not reach it)."""
    # is_author first: can_edit_answer lets every moderator through.
    return is_author(user, answer) and can_edit_answer(user, answer)
