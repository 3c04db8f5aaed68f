"""The sitemap: every page search engines should index, with when it last changed.

That is the home page, the information pages, every condition, and every visible question with
a published summary (a question still waiting for its summary is `noindex`). Answers are read on
their question's page, so their permalinks stay out. Past SITEMAP_PAGE_SIZE addresses, sitemap.xml
becomes an index of numbered pages. Each page costs a fixed number of queries.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import and_, func, select

from forum.conditions.models import Condition
from forum.database import db
from forum.questions.models import Question, QuestionStatus
from forum.summaries.models import RevisionStatus, Summary, SummaryRevision
from forum.web.urls import absolute_url

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
INFORMATION_PAGES = ("pages.about", "pages.guidelines", "pages.medical_review")


@dataclass(frozen=True)
class Entry:
    location: str
    last_modified: datetime | None = None


def page_size() -> int:
    return current_app.config["SITEMAP_PAGE_SIZE"]


def _published_summaries():
    """Each question's latest summary publication, for questions that have one."""
    return (
        select(
            Summary.question_id.label("question_id"),
            func.max(SummaryRevision.published_at).label("published_at"),
        )
        .join(SummaryRevision, SummaryRevision.summary_id == Summary.id)
        .where(SummaryRevision.status == RevisionStatus.PUBLISHED)
        .group_by(Summary.question_id)
        .subquery()
    )


def _indexable_questions():
    summaries = _published_summaries()
    query = (
        select(Question.id, Question.slug, Question.last_activity_at, summaries.c.published_at)
        .join(summaries, summaries.c.question_id == Question.id)
        .where(Question.status != QuestionStatus.HIDDEN)
    )
    return query


def question_count() -> int:
    return db.session.scalar(select(func.count()).select_from(_indexable_questions().subquery()))


def fixed_entries() -> list[Entry]:
    """The home page, the information pages and the conditions: few, and always first."""
    visible = and_(Question.condition_id == Condition.id, Question.status != QuestionStatus.HIDDEN)
    rows = db.session.execute(
        select(
            Condition.id,
            Condition.slug,
            Condition.created_at,
            func.max(Question.last_activity_at).label("last_activity_at"),
        )
        .outerjoin(Question, visible)
        .group_by(Condition.id, Condition.slug, Condition.created_at)
        .order_by(Condition.position, Condition.id)
    ).all()
    conditions = [
        Entry(
            absolute_url("pages.condition", condition_id=row.id, slug=row.slug),
            _latest(row.created_at, row.last_activity_at),
        )
        for row in rows
    ]
    home = Entry(
        absolute_url("conditions.home"),
        max((entry.last_modified for entry in conditions), default=None),
    )
    pages = [Entry(absolute_url(endpoint)) for endpoint in INFORMATION_PAGES]
    return [home, *pages, *conditions]


def entries(number: int) -> list[Entry] | None:
    """The addresses on sitemap page NUMBER (from 1), or None past the last page."""
    fixed = fixed_entries()
    total = len(fixed) + question_count()
    if not 1 <= number <= max(1, math.ceil(total / page_size())):
        return None
    start, stop = (number - 1) * page_size(), number * page_size()
    chosen = fixed[start:stop]
    wanted = stop - start - len(chosen)
    if wanted > 0:
        offset = max(0, start - len(fixed))
        rows = db.session.execute(
            _indexable_questions().order_by(Question.id).offset(offset).limit(wanted)
        )
        chosen += [
            Entry(
                absolute_url("pages.question", question_id=row.id, slug=row.slug),
                _latest(row.last_activity_at, row.published_at),
            )
            for row in rows
        ]
    return chosen


def page_count() -> int:
    total = len(INFORMATION_PAGES) + 1 + _condition_count() + question_count()
    return max(1, math.ceil(total / page_size()))


def _condition_count() -> int:
    return db.session.scalar(select(func.count(Condition.id)))


def _latest(*moments: datetime | None) -> datetime | None:
    return max((moment for moment in moments if moment is not None), default=None)


def _w3c(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def urlset(page_entries: list[Entry]) -> bytes:
    root = ET.Element("urlset", xmlns=NAMESPACE)
    for entry in page_entries:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = entry.location
        if entry.last_modified is not None:
            ET.SubElement(url, "lastmod").text = _w3c(entry.last_modified)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def sitemap_index(pages: int) -> bytes:
    root = ET.Element("sitemapindex", xmlns=NAMESPACE)
    for number in range(1, pages + 1):
        sitemap = ET.SubElement(root, "sitemap")
        location = absolute_url("discovery.sitemap_page", number=number)
        ET.SubElement(sitemap, "loc").text = location
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
