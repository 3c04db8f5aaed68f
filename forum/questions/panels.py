"""The question page's panels that read the same for every reader of one kind, kept in the
shared cache until public content next changes (forum/caching.py's content version): the
reviewed summary and what members report. Their queries are the page's dearest, and readers
ask for the same few questions over and over."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import get_template_attribute
from markupsafe import Markup

from forum.accounts.models import User
from forum.accounts.standing import is_reviewer
from forum.comparing.aggregates import MembersReport
from forum.conditions.models import Condition
from forum.questions.models import Question
from forum.questions.services import audience, current_summary, question_fragment_key
from forum.web.fragments import kept


def report_panel(report: MembersReport, condition: Condition, question_id: int, viewer: User):
    """The "what members report" panel, as HTML."""
    key = question_fragment_key(
        "members-report-panel", question_id, audience(viewer), report.threshold
    )
    draw = get_template_attribute("comparing/_macros.html", "members_report")
    return Markup(kept(key, lambda: str(draw(report, condition))))


@dataclass(frozen=True)
class SummaryPanel:
    html: Markup
    short_answer: str | None  # None: no summary published yet


def summary_panel(question: Question, viewer: User) -> SummaryPanel:
    """The pinned summary as HTML, and its short answer for the page's description."""
    reviewer = is_reviewer(viewer)
    # Today is part of the key: a summary becomes due for review on a date, with no write.
    key = question_fragment_key("summary-panel", question.id, reviewer, date.today())

    def draw() -> SummaryPanel:
        revision = current_summary(question.id)
        html = get_template_attribute("macros.html", "summary_panel")(question, revision, reviewer)
        return SummaryPanel(Markup(html), revision.short_answer if revision else None)

    return kept(key, draw)
