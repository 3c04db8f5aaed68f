"""Atom feeds (RFC 4287): a condition's new questions and answers, and a question's new answers.

Public content only: visible questions, and answers that are published and shared with everyone.
An anonymous answer's author is "A member with <condition>". Built with ElementTree, which
escapes every text it is given; an answer's content is its stored, sanitised HTML, sent as
escaped text with type="html", as Atom asks.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import contains_eager, joinedload

from forum.answers.authors import author_label
from forum.answers.models import Answer, AnswerStatus, Visibility
from forum.conditions.models import Condition
from forum.database import db
from forum.questions.models import Question, QuestionStatus
from forum.web.urls import absolute_url, condition_url, question_url

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    link: str
    published: datetime
    updated: datetime
    author: str
    content_html: str = ""
    summary: str = ""


@dataclass(frozen=True)
class Feed:
    id: str  # the feed's own address
    title: str
    subtitle: str
    page: str  # the page the feed follows
    updated: datetime
    entries: list[FeedEntry]


def limit() -> int:
    return current_app.config["FEED_ENTRIES"]


def public_answers():
    """Answers any signed-out reader may read, newest first, with what an entry shows."""
    return (
        select(Answer)
        .join(Answer.question)
        .where(
            Answer.status == AnswerStatus.PUBLISHED,
            Answer.visibility == Visibility.EVERYONE,
            Question.status != QuestionStatus.HIDDEN,
        )
        .options(contains_eager(Answer.question), joinedload(Answer.author))
        .order_by(Answer.published_at.desc(), Answer.id.desc())
        .limit(limit())
    )


def answer_entry(answer: Answer, condition: Condition) -> FeedEntry:
    author = author_label(answer, condition)
    published = answer.published_at or answer.created_at
    link = absolute_url("answers.permalink", answer_id=answer.id)
    return FeedEntry(
        id=link,
        title=f"{author} answered “{answer.question.title}”",
        link=link,
        published=published,
        updated=answer.edited_at or published,
        author=author,
        content_html=answer.body_html,
    )


def question_entry(question: Question, condition: Condition) -> FeedEntry:
    link = question_url(question, absolute=True)
    return FeedEntry(
        id=link,
        title=f"New question: {question.title}",
        link=link,
        published=question.created_at,
        updated=question.created_at,
        author=current_app.config["SITE_NAME"],
        summary=f"A new question for the {condition.name} community. Share your experience.",
    )


def condition_feed(condition: Condition) -> Feed:
    questions = db.session.scalars(
        select(Question)
        .where(Question.condition_id == condition.id, Question.status != QuestionStatus.HIDDEN)
        .order_by(Question.created_at.desc(), Question.id.desc())
        .limit(limit())
    )
    answers = db.session.scalars(public_answers().where(Question.condition_id == condition.id))
    entries = [question_entry(question, condition) for question in questions]
    entries += [answer_entry(answer, condition) for answer in answers]
    entries = sorted(entries, key=lambda entry: entry.published, reverse=True)[: limit()]
    return Feed(
        id=absolute_url("discovery.condition_feed", condition_id=condition.id, slug=condition.slug),
        title=f"{condition.name}: new questions and answers",
        subtitle=f"New questions and members' experiences in the {condition.name} community.",
        page=condition_url(condition, absolute=True),
        updated=_newest(entries, condition.created_at),
        entries=entries,
    )  # fmt: skip


def question_feed(question: Question) -> Feed:
    condition = question.condition
    answers = db.session.scalars(public_answers().where(Answer.question_id == question.id))
    entries = [answer_entry(answer, condition) for answer in answers]
    return Feed(
        id=absolute_url("discovery.question_feed", question_id=question.id, slug=question.slug),
        title=f"New answers: {question.title}",
        subtitle=f"Members' first-hand experiences of {condition.name} on this question.",
        page=question_url(question, absolute=True),
        updated=_newest(entries, question.created_at),
        entries=entries,
    )  # fmt: skip


def _newest(entries: list[FeedEntry], otherwise: datetime) -> datetime:
    return max((entry.updated for entry in entries), default=otherwise)


def _date(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def to_xml(feed: Feed) -> bytes:
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    _text(root, "id", feed.id)
    _text(root, "title", feed.title)
    _text(root, "subtitle", feed.subtitle)
    _text(root, "updated", _date(feed.updated))
    _link(root, "self", "application/atom+xml", feed.id)
    _link(root, "alternate", "text/html", feed.page)
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", current_app.config["SITE_NAME"])
    for entry in feed.entries:
        element = ET.SubElement(root, f"{{{ATOM}}}entry")
        _text(element, "id", entry.id)
        _text(element, "title", entry.title)
        _link(element, "alternate", "text/html", entry.link)
        _text(element, "published", _date(entry.published))
        _text(element, "updated", _date(entry.updated))
        entry_author = ET.SubElement(element, f"{{{ATOM}}}author")
        _text(entry_author, "name", entry.author)
        if entry.content_html:
            _text(element, "content", entry.content_html).set("type", "html")
        if entry.summary:
            _text(element, "summary", entry.summary)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = value
    return element


def _link(parent: ET.Element, rel: str, media_type: str, href: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", rel=rel, type=media_type, href=href)
