"""The two search engines behind one interface: SQLite FTS5 and PostgreSQL full-text search.

Each answers two questions. `candidates`: of the documents matching the criteria in one group
(questions and summaries, or answers), the newest `limit`, each with its relevance score.
`highlights`: the titles and snippets of a few documents, the matched words marked. Fetching the
newest matches first keeps the cost of a query about a word in every answer to a few
milliseconds: the database stops after `limit` rows instead of scoring all of them.

User text only ever travels as a bound parameter, already rewritten by query.py; everything
else in the SQL below is fixed text. Highlights come back wrapped in two control characters that
stored text never contains (index.html_to_text removes them); `marked_html` escapes everything
else and turns only those into <mark> elements.
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
TITLED = (SearchKind.QUESTION, SearchKind.SUMMARY)


@dataclass(frozen=True)
class Criteria:
    query: ParsedQuery
    members: bool  # may the reader see members-only documents?
    condition_id: int | None = None
    kind: SearchKind | None = None

    def kinds(self, answers: bool) -> tuple[SearchKind, ...]:
        """The kinds wanted from one group: answers, or questions and summaries."""
        group = (SearchKind.ANSWER,) if answers else TITLED
        return tuple(kind for kind in group if self.kind in (None, kind))


@dataclass(frozen=True)
class Candidate:
    document_id: int
    kind: SearchKind
    source_id: int
    question_id: int
    condition_id: int
    updated_at: datetime
    score: float  # higher is more relevant


@dataclass(frozen=True)
class Highlight:
    title: Markup
    snippet: Markup


class Backend(Protocol):
    def candidates(self, criteria: Criteria, answers: bool, limit: int) -> list[Candidate]: ...

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


def _candidates(statement: TextClause, values: dict, sign: float = 1.0) -> list[Candidate]:
    typed = statement.columns(updated_at=UTCDateTime())  # aware datetimes, from either database
    return [
        Candidate(
            document_id=row.id,
            kind=SearchKind(row.kind),
            source_id=row.source_id,
            question_id=row.question_id,
            condition_id=row.condition_id,
            updated_at=row.updated_at,
            score=sign * row.score,
        )
        for row in db.session.execute(typed, values)
    ]


def _highlights(statement: TextClause, values: dict) -> dict[int, Highlight]:
    statement = statement.bindparams(bindparam("ids", expanding=True))
    rows = db.session.execute(statement, values)
    return {row.id: Highlight(marked_html(row.title), marked_html(row.snippet)) for row in rows}


DOCUMENT_COLUMNS = "d.id, d.kind, d.source_id, d.question_id, d.condition_id, d.updated_at"


class SqliteBackend:
    """FTS5: bm25() ranks (a title word counts five times a body word), highlight() and
    snippet() mark the words. The filters are columns of the FTS5 table, so they go into the
    MATCH expression, and FTS5 walks only the documents that pass them."""

    TEXT_COLUMNS = "{title keywords body}"
    BM25 = "bm25(search_fts, 5.0, 2.0, 1.0, 0.0, 0.0, 0.0)"  # the filters weigh nothing

    def match(self, criteria: Criteria, kinds: tuple[SearchKind, ...] = ()) -> str:
        """The reader's words in the text columns, AND each filter in its own column."""
        parts = [f"{self.TEXT_COLUMNS} : ({criteria.query.fts5()})"]
        if kinds:
            parts.append("kind : (" + " OR ".join(f'"{kind.value}"' for kind in kinds) + ")")
        if not criteria.members:
            parts.append('members_only : "0"')
        if criteria.condition_id is not None:
            parts.append(f'condition_id : "{int(criteria.condition_id)}"')
        return " AND ".join(parts)

    def candidates(self, criteria: Criteria, answers: bool, limit: int) -> list[Candidate]:
        kinds = criteria.kinds(answers)
        if not kinds:
            return []
        statement = text(
            f"SELECT {DOCUMENT_COLUMNS}, c.score FROM ("
            f"  SELECT rowid, {self.BM25} AS score FROM search_fts"
            "   WHERE search_fts MATCH :match ORDER BY rowid DESC LIMIT :limit"
            ") AS c JOIN search_documents AS d ON d.id = c.rowid"
        )
        values = {"match": self.match(criteria, kinds), "limit": limit}
        return _candidates(statement, values, sign=-1.0)  # bm25: lower is better

    def highlights(self, criteria: Criteria, document_ids: list[int]) -> dict[int, Highlight]:
        if not document_ids:
            return {}
        # Driven from the documents, so FTS5 looks up these rows, not every match.
        statement = text(
            "SELECT d.id, highlight(search_fts, 0, :start, :stop) AS title, "
            f"snippet(search_fts, 2, :start, :stop, '…', {SNIPPET_WORDS}) AS snippet "
            "FROM search_documents AS d JOIN search_fts ON search_fts.rowid = d.id "
            "WHERE d.id IN :ids AND search_fts MATCH :match"
        )
        values = {"match": self.match(criteria), "ids": document_ids, "start": START, "stop": STOP}
        return _highlights(statement, values)


class PostgresBackend:
    """A GIN-indexed tsvector column: websearch_to_tsquery() finds, ts_rank_cd() ranks (over
    the log of the length, so a short, dense document beats a long one that mentions the words
    in passing), ts_headline() marks the words. Questions and summaries have a partial GIN
    index of their own (schema.py)."""

    QUERY = "websearch_to_tsquery('english', :query)"
    TITLE_OPTIONS = f"HighlightAll=true, StartSel={START}, StopSel={STOP}"
    BODY_OPTIONS = (
        f"StartSel={START}, StopSel={STOP}, MaxFragments=2, MaxWords={SNIPPET_WORDS}, "
        'MinWords=12, FragmentDelimiter=" … "'
    )

    def candidates(self, criteria: Criteria, answers: bool, limit: int) -> list[Candidate]:
        kinds = criteria.kinds(answers)
        if not kinds:
            return []
        # Literal kinds, so the planner can tell the partial index applies.
        sql = ["d.kind = 'answer'" if answers else "d.kind <> 'answer'"]
        values: dict = {"query": criteria.query.websearch(), "limit": limit}
        if len(kinds) == 1:
            sql.append("AND d.kind = :kind")
            values["kind"] = kinds[0].value
        if not criteria.members:
            sql.append("AND NOT d.members_only")
        if criteria.condition_id is not None:
            sql.append("AND d.condition_id = :condition_id")
            values["condition_id"] = criteria.condition_id
        statement = text(
            f"SELECT {DOCUMENT_COLUMNS}, ts_rank_cd(d.search_vector, {self.QUERY}, 1) AS score "
            f"FROM search_documents AS d WHERE d.search_vector @@ {self.QUERY} AND {' '.join(sql)} "
            "ORDER BY d.id DESC LIMIT :limit"
        )
        return _candidates(statement, values)

    def highlights(self, criteria: Criteria, document_ids: list[int]) -> dict[int, Highlight]:
        if not document_ids:
            return {}
        statement = text(
            "SELECT d.id, "
            "ts_headline('english', d.title, q.query, :title_options) AS title, "
            "ts_headline('english', d.body, q.query, :body_options) AS snippet "
            f"FROM search_documents AS d, {self.QUERY} AS q(query) WHERE d.id IN :ids"
        )
        values = {
            "query": criteria.query.websearch(),
            "ids": document_ids,
            "title_options": self.TITLE_OPTIONS,
            "body_options": self.BODY_OPTIONS,
        }
        return _highlights(statement, values)


def backend_for(dialect_name: str) -> Backend:
    if dialect_name == "postgresql":
        return PostgresBackend()
    if dialect_name == "sqlite":
        return SqliteBackend()
    raise RuntimeError(f"Search supports SQLite and PostgreSQL, not {dialect_name}.")
