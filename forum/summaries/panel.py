"""The pinned summary as the question page shows it, drawn once and kept in the shared cache
until public content next changes (or the day changes: a summary falls due for review on a
date, with no write).

Kept per audience: beside the summary, what members report about the treatments it names counts
members-only answers for signed-in members only (forum/summaries/claims.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app, get_template_attribute
from markupsafe import Markup

from forum.accounts.models import User
from forum.accounts.standing import audience, is_reviewer
from forum.questions.models import Question
from forum.summaries.claims import claims_for_readers, published_with_claims
from forum.web.fragments import content_fragment_key, kept


@dataclass(frozen=True)
class SummaryPanel:
    html: Markup
    short_answer: str | None  # None: no summary published yet


def summary_panel(question: Question, viewer: User) -> SummaryPanel:
    """The pinned summary as HTML, and its short answer for the page's description."""
    reviewer = is_reviewer(viewer)
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    key = content_fragment_key(
        "summary-panel", question.id, reviewer, audience(viewer), threshold, date.today()
    )

    def draw() -> SummaryPanel:
        revision = published_with_claims(question.id)
        claims = claims_for_readers(question, revision, viewer, threshold) if revision else []
        panel = get_template_attribute("summaries/_panel.html", "summary_panel")
        html = panel(question, revision, reviewer, claims)
        return SummaryPanel(Markup(html), revision.short_answer if revision else None)

    return kept(key, draw)
