"""What members report on a question, as figures and as the page's panel, kept in the shared
cache until public content next changes: the figures are the same for every reader of one
audience, and their grouped query is the question page's dearest."""

from __future__ import annotations

from flask import get_template_attribute
from markupsafe import Markup

from forum.accounts.models import User
from forum.accounts.standing import audience
from forum.comparing.aggregates import MembersReport, question_report
from forum.conditions.models import Condition
from forum.web.fragments import content_fragment_key, kept


def members_report(question_id: int, viewer: User, threshold: int) -> MembersReport:
    """What members report, kept per audience."""
    key = content_fragment_key("members-report", question_id, audience(viewer), threshold)
    return kept(key, lambda: question_report(question_id, viewer, threshold))


def report_panel(report: MembersReport, condition: Condition, question_id: int, viewer: User):
    """The "what members report" panel, as HTML."""
    key = content_fragment_key(
        "members-report-panel", question_id, audience(viewer), report.threshold
    )
    draw = get_template_attribute("comparing/_macros.html", "members_report")
    return Markup(kept(key, lambda: str(draw(report, condition))))
