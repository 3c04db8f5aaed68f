"""Search, as views and commands ask for it: what was typed in, a page of ranked results out.

Ranking looks at the newest SEARCH_CANDIDATES matching questions and summaries and the newest
SEARCH_CANDIDATES matching answers, and orders them by relevance. A search for a word found in
tens of thousands of answers so costs what one for a rare word does; its results say "more
than", and more words or a condition filter bring older matches back in.

A page costs a fixed number of queries whatever the size of the index: two for the candidates,
one for the highlighted titles and snippets, and one for the questions and conditions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from flask import current_app, url_for
from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.accounts.models import User
from forum.accounts.standing import can_read_members_only
from forum.conditions.models import Condition
from forum.database import db
from forum.questions.models import Question
from forum.search.backends import Backend, Candidate, Criteria, Highlight, backend_for
from forum.search.models import SearchKind
from forum.search.query import parse
from forum.web.urls import question_url


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    condition_id: int | None = None
    kind: SearchKind | None = None
    page: int = 1


@dataclass(frozen=True)
class Hit:
    kind: SearchKind
    title: Markup  # escaped, with the matched words in <mark>
    snippet: Markup
    url: str
    question: Question
    condition: Condition
    updated_at: datetime


@dataclass(frozen=True)
class ResultPage:
    """One page of hits; shaped like Flask-SQLAlchemy's Pagination for the pagination macro."""

    hits: list[Hit]
    total: int
    page: int
    per_page: int
    more: bool = False  # `total` is a floor: there were more matches than were ranked

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def first(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.total, self.page * self.per_page)

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def prev_num(self) -> int | None:
        return self.page - 1 if self.has_prev else None

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def next_num(self) -> int | None:
        return self.page + 1 if self.has_next else None


def backend() -> Backend:
    return backend_for(db.session.get_bind().dialect.name)


def search(request: SearchRequest, viewer: User) -> ResultPage | None:
    """Ranked results the viewer may read, or None when the text holds no word to look for."""
    query = parse(request.text)
    if not query:
        return None
    criteria = Criteria(
        query=query,
        members=can_read_members_only(viewer),
        condition_id=request.condition_id,
        kind=request.kind,
    )
    engine = backend()
    per_page = current_app.config["SEARCH_RESULTS_PER_PAGE"]
    ranked, more = _ranked(engine, criteria, current_app.config["SEARCH_CANDIDATES"])
    page = min(max(request.page, 1), max(1, math.ceil(len(ranked) / per_page)))
    matches = ranked[(page - 1) * per_page : page * per_page]
    highlights = engine.highlights(criteria, [match.document_id for match in matches])
    questions = _questions({match.question_id for match in matches})
    hits = [
        _hit(match, questions[match.question_id], highlights.get(match.document_id))
        for match in matches
        if match.question_id in questions
    ]
    return ResultPage(hits=hits, total=len(ranked), page=page, per_page=per_page, more=more)


def _ranked(engine: Backend, criteria: Criteria, limit: int) -> tuple[list[Candidate], bool]:
    """The newest `limit` matches of each group, most relevant first; and whether either group
    had more than that."""
    ranked: list[Candidate] = []
    more = False
    for answers in (False, True):
        group = engine.candidates(criteria, answers, limit + 1)  # one more tells "there's more"
        more = more or len(group) > limit
        ranked += sorted(group, key=lambda found: found.document_id, reverse=True)[:limit]
    ranked.sort(key=lambda found: (found.score, found.document_id), reverse=True)
    return ranked, more


def _hit(match: Candidate, question: Question, marked: Highlight | None) -> Hit:
    # An answer has no title of its own: it is shown under its question's.
    title = marked.title if marked is not None and match.kind is not SearchKind.ANSWER else None
    return Hit(
        kind=match.kind,
        title=title or escape(question.title),
        snippet=marked.snippet if marked is not None else Markup(""),
        url=_url(match.kind, match.source_id, question),
        question=question,
        condition=question.condition,
        updated_at=match.updated_at,
    )


def _questions(ids: set[int]) -> dict[int, Question]:
    if not ids:
        return {}
    query = select(Question).where(Question.id.in_(ids)).options(joinedload(Question.condition))
    return {question.id: question for question in db.session.scalars(query)}


def _url(kind: SearchKind, source_id: int, question: Question) -> str:
    if kind is SearchKind.ANSWER:
        return url_for("answers.permalink", answer_id=source_id)
    if kind is SearchKind.SUMMARY:
        return question_url(question, _anchor="summary-heading")
    return question_url(question)
