"""Asking the search service the way the page does, and reading what it found."""

from __future__ import annotations

from flask import current_app
from flask_login import AnonymousUserMixin
from sqlalchemy import select

from forum.database import db
from forum.search.models import SearchDocument, SearchKind
from forum.search.services import ResultPage, SearchRequest, search

SIGNED_OUT = AnonymousUserMixin()


def results(text: str, viewer=SIGNED_OUT, **criteria) -> ResultPage:
    with current_app.test_request_context():  # results carry links
        page = search(SearchRequest(text=text, **criteria), viewer)
    assert page is not None, f"{text!r} holds no word to search for"
    return page


def found(text: str, viewer=SIGNED_OUT, **criteria) -> list[tuple[SearchKind, int]]:
    """(kind, source id) of every hit on the first page, best first."""
    return [(hit.kind, hit_source_id(hit)) for hit in results(text, viewer, **criteria).hits]


def hit_source_id(hit) -> int:
    if hit.kind is SearchKind.ANSWER:
        return int(hit.url.rsplit("/", 1)[1])
    if hit.kind is SearchKind.SUMMARY:
        return hit.question.summary.id
    return hit.question.id


def document(kind: SearchKind, source_id: int) -> SearchDocument | None:
    db.session.expire_all()
    return db.session.scalar(
        select(SearchDocument).where(
            SearchDocument.kind == kind, SearchDocument.source_id == source_id
        )
    )


def answer_key(answer) -> tuple[SearchKind, int]:
    return SearchKind.ANSWER, answer.id
