"""How readers name an answer's author: the one wording for cards, the compare page, feeds,
structured data and notifications. An anonymous answer's author is "A member with <condition>"
to everyone but moderators (and the author); an author whose account is gone is "Former
member"; anyone else is their pseudonym."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forum.answers.models import Answer
    from forum.conditions.models import Condition


def author_label(answer: Answer, condition: Condition | None = None, in_sentence=False) -> str:
    """The author as readers see them. CONDITION is the answer's (its question's condition when
    not given); IN_SENTENCE gives the words for running text ("by a member with Lupus")."""
    if answer.is_anonymous:
        condition = condition or answer.question.condition
        return f"{'a' if in_sentence else 'A'} member with {condition.name}"
    if answer.author is None:
        return "a former member" if in_sentence else "Former member"
    return answer.author.display_name
