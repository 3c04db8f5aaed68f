"""The pinned summary as the question page shows it, drawn once and kept in the shared cache
until public content next changes (or the day changes: a summary falls due for review on a
date, with no write)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import get_template_attribute
from markupsafe import Markup

from forum.accounts.models import User
from forum.accounts.standing import is_reviewer
from forum.questions.models import Question
from forum.summaries.services import current_summary
from forum.web.fragments import content_fragment_key, kept


@dataclass(frozen=True)
class SummaryPanel:
    html: Markup
    short_answer: str | None  # None: no summary published yet


def summary_panel(question: Question, viewer: User) -> SummaryPanel:
    """The pinned summary as HTML, and its short answer for the page's description."""
    reviewer = is_reviewer(viewer)
    key = content_fragment_key("summary-panel", question.id, reviewer, date.today())

    def draw() -> SummaryPanel:
        revision = current_summary(question.id)
        panel = get_template_attribute("summaries/_panel.html", "summary_panel")
        html = panel(question, revision, reviewer)
        return SummaryPanel(Markup(html), revision.short_answer if revision else None)

    return kept(key, draw)
