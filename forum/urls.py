"""Canonical URLs carry an id and a slug; the id finds the page, the slug is for people."""

from __future__ import annotations

from flask import url_for

from forum.answers.models import Answer
from forum.conditions.models import Condition
from forum.questions.models import Question


def condition_url(condition: Condition, **query) -> str:
    return url_for("conditions.detail", condition_id=condition.id, slug=condition.slug, **query)


def question_url(question: Question, **query) -> str:
    return url_for("questions.detail", question_id=question.id, slug=question.slug, **query)


def answer_url(answer: Answer, **query) -> str:
    return url_for("answers.permalink", answer_id=answer.id, **query)
