"""Canonical URLs carry an id and a slug; the id finds the page, the slug is for people.

Absolute URLs (mail, feeds, sitemaps, canonical and Open Graph links, JSON-LD) start with the
configured SITE_URL and nothing a request says: a forged Host or X-Forwarded-Host header must
never put an attacker's host into a password-reset link or a cached page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import current_app, url_for

if TYPE_CHECKING:
    from forum.answers.models import Answer
    from forum.conditions.models import Condition
    from forum.questions.models import Question


def absolute_url(endpoint: str, **values) -> str:
    """The URL of ENDPOINT on the site readers know: SITE_URL, then the path."""
    return current_app.config["SITE_URL"] + url_for(endpoint, **values)


def path_for(endpoint: str, **values) -> str:
    """The path of ENDPOINT on this site, with or without a request (a service run from the
    command line): what a stored link keeps, the site's address left to whoever shows it."""
    return current_app.url_map.bind("localhost").build(endpoint, values)


def _url(endpoint: str, absolute: bool, **values) -> str:
    return absolute_url(endpoint, **values) if absolute else url_for(endpoint, **values)


def condition_url(condition: Condition, *, absolute: bool = False, **query) -> str:
    values = {"condition_id": condition.id, "slug": condition.slug, **query}
    return _url("pages.condition", absolute, **values)


def question_url(question: Question, *, absolute: bool = False, **query) -> str:
    values = {"question_id": question.id, "slug": question.slug, **query}
    return _url("pages.question", absolute, **values)


def answer_url(answer: Answer, *, absolute: bool = False, **query) -> str:
    return _url("answers.permalink", absolute, answer_id=answer.id, **query)
