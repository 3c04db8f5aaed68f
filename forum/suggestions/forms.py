"""Forms check shape only; the rules (who may, whether anything changed) live in the services."""

from __future__ import annotations

from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from forum.suggestions.services import SuggestionInput
from forum.web.request_input import ForumForm


class SuggestionForm(ForumForm):
    short_answer = TextAreaField(
        "Short answer",
        description="One or two plain sentences, as you think they should read.",
        validators=[DataRequired("Please keep a short answer."), Length(max=500)],
    )
    body = TextAreaField(
        "Summary",
        description="Change only what you think is wrong or missing and leave the rest as it "
        "is. Markdown: **bold**, *italic*, lists and links.",
        validators=[DataRequired("Please keep the summary."), Length(max=20_000)],
    )
    reason = TextAreaField(
        "What is wrong or missing?",
        description="For the reviewers: what you changed, and why.",
        validators=[
            DataRequired("Please tell the reviewers what is wrong or missing."),
            Length(max=2000),
        ],
    )
    source_title = StringField(
        "Your source",
        description="The title of a guideline, study or leaflet that supports your correction.",
        validators=[DataRequired("Please name your source."), Length(max=300)],
    )
    source_url = StringField(
        "Link to the source",
        description="Optional. Starts with https://",
        validators=[Optional(), Length(max=500)],
    )

    def proposal(self) -> SuggestionInput:
        return SuggestionInput(
            short_answer=self.short_answer.data or "",
            body=self.body.data or "",
            reason=self.reason.data or "",
            source_title=self.source_title.data or "",
            source_url=self.source_url.data or "",
        )


class AcceptForm(ForumForm):
    note = TextAreaField(
        "Note for the reader",
        description="Optional. The reader sees it on their suggestions page.",
        validators=[Optional(), Length(max=2000)],
    )


class DeclineForm(ForumForm):
    note = TextAreaField(
        "Why it is not taken up",
        description="The reader sees this on their suggestions page.",
        validators=[
            DataRequired("Please tell the reader why their suggestion is not taken up."),
            Length(max=2000),
        ],
    )
