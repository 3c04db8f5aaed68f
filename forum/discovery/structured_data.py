"""JSON-LD for question pages, in schema.org's words: a MedicalWebPage about a condition, last
reviewed on a date by a named reviewer, whose main entity is the question with the members'
answers as suggested answers.

Only answers any signed-out reader can read go in; an anonymous answer's author is "A member
with <condition>", as on the page.

The question also *mentions* the treatments members name in those answers (published, shared
with everyone), as a Drug (a medicine) or a MedicalTherapy: vocabulary treatments only, never a
name a member typed (it may hold anything), and only those named by at least the small-number
threshold of answers, so the data never tells of a count the page would hide. They come from
the page's "what members report" figures, drawn for signed-out readers; only the kinds of the
condition's treatments take a query of their own.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from flask import current_app
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import Select, bindparam, select

from forum.accounts.standing import audience
from forum.answers.authors import author_label
from forum.answers.models import Answer
from forum.comparing.aggregates import MembersReport
from forum.conditions.models import Condition, Treatment, TreatmentKind
from forum.database import db
from forum.search.index import html_to_text
from forum.summaries.models import SummaryReference, SummaryRevision
from forum.web.urls import absolute_url, condition_url, question_url

if TYPE_CHECKING:
    from forum.pages.question_page import QuestionPage

MAX_ANSWERS = 20  # the most helpful first, as the page lists them
# Characters that could end the <script> element or confuse an HTML parser, as JSON escapes.
SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_ld(data: dict[str, Any]) -> Markup:
    """A <script type="application/ld+json"> block. Browsers never run it (CSP allows it), and
    nothing in the JSON can close the element early: <, > and & travel as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_SAFE)
    return Markup(f'<script type="application/ld+json">{text}</script>')


def is_public(answer: Answer) -> bool:
    return answer.is_published and not answer.is_members_only


def question_page_data(page: QuestionPage) -> dict[str, Any]:
    question = page.question
    condition = question.condition
    url = question_url(question, absolute=True)
    answers = [answer for answer in page.answers if is_public(answer)]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": question.title,
        "inLanguage": "en",
        "isPartOf": {
            "@type": "WebSite",
            "name": current_app.config["SITE_NAME"],
            "url": absolute_url("conditions.home"),
        },
        "about": {
            "@type": "MedicalCondition",
            "name": condition.name,
            "url": condition_url(condition, absolute=True),
        },
        "mainEntity": {
            "@type": "Question",
            "name": question.title,
            "text": question.title,
            "dateCreated": question.created_at.isoformat(timespec="seconds"),
            "answerCount": len(answers),
            "suggestedAnswer": [_answer(answer, condition) for answer in answers[:MAX_ANSWERS]],
        },
    }
    mentions = _mentions(page.report, condition)
    if mentions:
        data["mainEntity"]["mentions"] = mentions
    if page.summary is not None:
        data.update(_summary(page.summary))
    return data


@functools.cache
def _treatment_kinds() -> Select:
    return select(Treatment.id, Treatment.kind).where(
        Treatment.condition_id == bindparam("condition_id")
    )


def _mentions(report: MembersReport, condition: Condition) -> list[dict[str, Any]]:
    """The vocabulary treatments at least the threshold of public answers name, the most named
    first (the report's order). REPORT must be the one drawn for signed-out readers; for anyone
    else (who counts members-only answers) there are none. One query, however many answers."""
    if audience(current_user) != "everyone":
        return []
    rows = db.session.execute(_treatment_kinds(), {"condition_id": condition.id})
    kinds = {treatment_id: kind for treatment_id, kind in rows}
    return [
        {
            "@type": _SCHEMA_TYPES.get(kinds[tally.treatment_id], "MedicalTherapy"),
            "name": tally.name,
            "url": absolute_url(
                "comparing.treatment",
                condition_id=condition.id,
                treatment_id=tally.treatment_id,
                slug=tally.slug,
            ),
        }
        for tally in report.treatments
        if tally.treatment_id in kinds and tally.tried.value >= report.threshold
    ]


_SCHEMA_TYPES = {TreatmentKind.MEDICATION: "Drug"}  # every other kind is a MedicalTherapy


def _summary(revision: SummaryRevision) -> dict[str, Any]:
    """The reviewed summary is the page's main content; its publication is its last review."""
    reviewed = revision.reviewed_at or revision.published_at
    data: dict[str, Any] = {
        "description": revision.short_answer,
        "abstract": revision.short_answer,
        "text": html_to_text(revision.body_html).strip(),
        "mainContentOfPage": {"@type": "WebPageElement", "cssSelector": ".summary"},
        "lastReviewed": reviewed.date().isoformat(),
        "dateModified": revision.published_at.isoformat(timespec="seconds"),
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
    }
    profile = revision.reviewer_profile
    if profile is not None and profile.is_verified:
        reviewer = {"@type": "Person", "name": profile.full_name}
        if profile.credentials:
            reviewer["honorificSuffix"] = profile.credentials
        if profile.specialty:
            reviewer["jobTitle"] = profile.specialty
        reviewer["url"] = absolute_url("summaries.reviewer", profile_id=profile.id)
        data["reviewedBy"] = reviewer
    if revision.references:
        data["citation"] = [_citation(reference) for reference in revision.references]
    return data


def _citation(reference: SummaryReference) -> dict[str, Any]:
    citation = {"@type": "CreativeWork", "name": reference.title}
    if reference.url:
        citation["url"] = reference.url
    if reference.publisher:
        citation["publisher"] = {"@type": "Organization", "name": reference.publisher}
    if reference.year:
        citation["datePublished"] = str(reference.year)
    return citation


def _answer(answer: Answer, condition: Condition) -> dict[str, Any]:
    shared = answer.published_at or answer.created_at
    data = {
        "@type": "Answer",
        "text": html_to_text(answer.body_html).strip(),
        "dateCreated": shared.isoformat(timespec="seconds"),
        "upvoteCount": answer.helpful_count,
        "url": absolute_url("answers.permalink", answer_id=answer.id),
        "author": {"@type": "Person", "name": author_label(answer, condition)},
    }
    if answer.edited_at:
        data["dateModified"] = answer.edited_at.isoformat(timespec="seconds")
    return data


def question_json_ld(page: QuestionPage) -> Markup:
    """For the question template: {{ question_json_ld(page) }} in its head."""
    return json_ld(question_page_data(page))
