"""The search form: read from the query string, so a results page is a link anyone can share."""

from __future__ import annotations

from wtforms import SearchField, SelectChoice, SelectField
from wtforms.validators import Length, Optional

from forum.conditions.models import Condition
from forum.search.models import SearchKind
from forum.search.query import MAX_LENGTH
from forum.search.services import SearchRequest
from forum.web.request_input import ForumForm

KIND_CHOICES = [
    SelectChoice("", "Everything"),
    SelectChoice(SearchKind.QUESTION.value, "Questions"),
    SelectChoice(SearchKind.SUMMARY.value, "Reviewed summaries"),
    SelectChoice(SearchKind.ANSWER.value, "Members' answers"),
]


class SearchForm(ForumForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    q = SearchField("Search for", validators=[Optional(), Length(max=MAX_LENGTH)])
    condition = SelectField("Condition", validate_choice=False)
    kind = SelectField("Show", choices=KIND_CHOICES, validate_choice=False)

    def offer_conditions(self, conditions: list[Condition]) -> None:
        self.condition.choices = [SelectChoice("", "All conditions")] + [
            SelectChoice(str(condition.id), condition.name) for condition in conditions
        ]

    def to_request(self, page: int, known_condition_ids: set[int]) -> SearchRequest:
        """What to look for; an unknown condition or kind in a hand-edited URL is ignored."""
        condition = self.condition.data or ""
        condition_id = int(condition) if condition.isdigit() else None
        kinds = {kind.value: kind for kind in SearchKind}
        return SearchRequest(
            text=(self.q.data or "").strip()[:MAX_LENGTH],
            condition_id=condition_id if condition_id in known_condition_ids else None,
            kind=kinds.get(self.kind.data or ""),
            page=page,
        )
