"""The two search engines behind one interface: SQLite FTS5 and PostgreSQL full-text search.

Each answers three questions about the same criteria: how many documents match, which ones rank
on a given page, and what their titles and snippets look like with the matched words marked.
User text only ever travels as a bound parameter, already rewritten by query.py.

Highlights come back from the database wrapped in two control characters that stored text can
never contain (index.html_to_text removes them); `marked_html` escapes everything else and turns
only those into <mark> elements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from markupsafe import Markup, escape
from sqlalchemy import TextClause, bindparam, text

from forum.database import UTCDateTime, db
from forum.search.models import SearchKind
from forum.search.query import ParsedQuery

START, STOP = "\x02", "\x03"
MARKERS = re.compile(f"([{START}{STOP}])")
SNIPPET_WORDS = 32
# Weights of title, keywords and body; the title counts most.
SQLITE_WEIGHTS = "5.0, 2.0, 1.0"


@dataclass(frozen=True)
class Criteria:
    query: ParsedQuery
    members: bool  # may the reader see members-only documents?
    condition_id: int | None = None
    kind: SearchKind | None = None


@dataclass(frozen=True)
class Match:
    document_id: int
    kind: SearchKind
    source_id: int
    question_id: int
    condition_id: int
    updated_at: datetime


@dataclass(frozen=True)
class Highlight:
    title: Markup
    snippet: Markup


class Backend(Protocol):
    def count(self, criteria: Criteria) -> int: ...

    def page(self, criteria: Criteria, limit: int, offset: int) -> list[Match]: ...

    def highlights(self, criteria: Criteria, document_ids: list[int]) -> dict[int, Highlight]: ...


def marked_html(marked: str | None) -> Markup:
    """Escaped text in which only the back-end's own markers became <mark>…</mark>."""
    parts: list[str] = []
    inside = False
    for piece in MARKERS.split(marked or ""):
        if piece == START and not inside:
            parts.append("<mark>")
            inside = True
        elif piece == STOP and inside:
            parts.append("</mark>")
            inside = False
        elif piece not in (START, STOP):
            parts.append(str(escape(piece)))
    if inside:
        parts.append("</mark>")
    return Markup("".join(parts))


def _filters(criteria: Criteria) -> tuple[str, dict]:
    """SQL conditions over the documents (alias d) and their parameters. Fixed text only."""
    sql, values = [], {}
    if not criteria.members:
        sql.append("AND d.members_only = :public_only")
        values["public_only"] = False
    if criteria.condition_id is not None:
        sql.append("AND d.condition_id = :condition_id")
        values["condition_id"] = criteria.condition_id
    if criteria.kind is not None:
        sql.append("AND d.kind = :kind")
        values["kind"] = criteria.kind.value
    return " ".join(sql), values


def _matches(statement: TextClause, values: dict) -> list[Match]:
    typed = statement.columns(updated_at=UTCDateTime())  # aware datetimes, from either database
    return [
        Match(
            document_id=row.id,
            kind=SearchKind(row.kind),
            source_id=row.source_id,
            question_id=row.question_id,
            condition_id=row.condition_id,
            updated_at=row.updated_at,
        )
        for row in db.session.execute(typed, values)
    ]


MATCH_COLUMNS = "d.id, d.kind, d.source_id, d.question_id, d.condition_id, d.updated_at"


class SqliteBackend:
    """FTS5 over search_documents: bm25() ranks, highlight() and snippet() mark the words."""

    FROM = "search_fts JOIN search_documents AS d ON d.id = search_fts.rowid"

    def count(self, criteria: Criteria) -> int:
        filters, values = _filters(criteria)
        statement = text(
            f"SELECT count(*) FROM {self.FROM} WHERE search_fts MATCH :match {filters}"
        )
        return db.session.scalar(statement, {"match": criteria.query.fts5(), **values}) or 0

    def page(self, criteria: Criteria, limit: int, offset: int) -> list[Match]:
        filters, values = _filters(criteria)
        statement = text(
            f"SELECT {MATCH_COLUMNS} FROM {self.FROM} WHERE search_fts MATCH :match {filters} "
            f"ORDER BY bm25(search_fts, {SQLITE_WEIGHTS}), d.id LIMIT :limit OFFSET :offset"
        )
        return _matches(
            statement, {"match": criteria.query.fts5(), "limit": limit, "offset": offset, **values}
        )

    def highlights(self, criteria: Criteria, document_ids: list[int]) -> dict[int, Highlight]:
        if not document_ids:
            return {}
        statement = text(
            "SELECT rowid AS id, "
            "highlight(search_fts, 0, :start, :stop) AS title, "
            f"snippet(search_fts, 2, :start, :stop, '…', {SNIPPET_WORDS}) AS snippet "
            "FROM search_fts WHERE search_fts MATCH :match AND rowid IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
        rows = db.session.execute(
            statement,
            {"match": criteria.query.fts5(), "ids": document_ids, "start": START, "stop": STOP},
        )
        return {row.id: Highlight(marked_html(row.title), marked_html(row.snippet)) for row in rows}


class PostgresBackend:
    """A GIN-indexed tsvector column: websearch_to_tsquery() finds, ts_rank_cd() ranks (over
    the log of the length, so a short, dense document beats a long one that mentions the words
    in passing), ts_headline() marks the words."""

    QUERY = "websearch_to_tsquery('english', :query)"
    TITLE_OPTIONS = f"HighlightAll=true, StartSel={START}, StopSel={STOP}"
    BODY_OPTIONS = (
        f"StartSel={START}, StopSel={STOP}, MaxFragments=2, MaxWords={SNIPPET_WORDS}, "
        'MinWords=12, FragmentDelimiter=" … "'
    )

    def count(self, criteria: Criteria) -> int:
        filters, values = _filters(criteria)
        statement = text(
            f"SELECT count(*) FROM search_documents AS d "
            f"WHERE d.search_vector @@ {self.QUERY} {filters}"
        )
        return db.session.scalar(statement, {"query": criteria.query.websearch(), **values}) or 0

    def page(self, criteria: Criteria, limit: int, offset: int) -> list[Match]:
        filters, values = _filters(criteria)
        statement = text(
            f"SELECT {MATCH_COLUMNS} FROM search_documents AS d "
            f"WHERE d.search_vector @@ {self.QUERY} {filters} "
            f"ORDER BY ts_rank_cd(d.search_vector, {self.QUERY}, 1) DESC, d.id "
            "LIMIT :limit OFFSET :offset"
        )
        return _matches(
            statement,
            {"query": criteria.query.websearch(), "limit": limit, "offset": offset, **values},
        )

    def highlights(self, criteria: Criteria, document_ids: list[int]) -> dict[int, Highlight]:
        if not document_ids:
            return {}
        statement = text(
            "SELECT d.id, "
            "ts_headline('english', d.title, q.query, :title_options) AS title, "
            "ts_headline('english', d.body, q.query, :body_options) AS snippet "
            f"FROM search_documents AS d, {self.QUERY} AS q(query) WHERE d.id IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
        rows = db.session.execute(
            statement,
            {
                "query": criteria.query.websearch(),
                "ids": document_ids,
                "title_options": self.TITLE_OPTIONS,
                "body_options": self.BODY_OPTIONS,
            },
        )
        return {row.id: Highlight(marked_html(row.title), marked_html(row.snippet)) for row in rows}


def backend_for(dialect_name: str) -> Backend:
    if dialect_name == "postgresql":
        return PostgresBackend()
    if dialect_name == "sqlite":
        return SqliteBackend()
    raise RuntimeError(f"Search supports SQLite and PostgreSQL, not {dialect_name}.")
