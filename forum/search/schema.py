"""The full-text index beside `search_documents`, which the models cannot describe.

SQLite: an FTS5 table over the documents' title, keywords and body ("external content": the text
lives once, in search_documents), kept in step by triggers, so every write to the table reaches
the index whoever makes it. PostgreSQL: a generated tsvector column with a GIN index.

Both are made whenever the table is: by metadata.create_all (tests, the benchmark) through the
table's after_create event, and by migration 0007_search, which holds its own frozen copy.
Alembic's autogenerate is told to look past them (include_name), so `flask db check` stays clean.
"""

from __future__ import annotations

from sqlalchemy import event, text
from sqlalchemy.engine import Connection

from forum.search.models import SearchDocument

FTS_TABLE = "search_fts"
VECTOR_COLUMN = "search_vector"
VECTOR_INDEX = "ix_search_documents_search_vector"
TITLED_VECTOR_INDEX = "ix_search_documents_titled_vector"
# The FTS5 table's columns, in order (bm25() and snippet() address them by position): three of
# text, then three of filters. A filter is a column too, so FTS5 narrows by kind, audience or
# condition while it walks the index (`kind : "answer"`) instead of row by row afterwards.
FTS_COLUMNS = ("title", "keywords", "body", "kind", "members_only", "condition_id")
_COLUMNS = ", ".join(FTS_COLUMNS)
_NEW = ", ".join(f"new.{column}" for column in FTS_COLUMNS)
_OLD = ", ".join(f"old.{column}" for column in FTS_COLUMNS)

SQLITE_DDL = (
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        {_COLUMNS},
        content='search_documents', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
        INSERT INTO {FTS_TABLE}(rowid, {_COLUMNS}) VALUES (new.id, {_NEW});
    END""",
    f"""CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLUMNS}) VALUES ('delete', old.id, {_OLD});
    END""",
    f"""CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLUMNS}) VALUES ('delete', old.id, {_OLD});
        INSERT INTO {FTS_TABLE}(rowid, {_COLUMNS}) VALUES (new.id, {_NEW});
    END""",
)

POSTGRES_DDL = (
    f"""ALTER TABLE search_documents ADD COLUMN {VECTOR_COLUMN} tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('english', coalesce(title, '')), 'A')
            || setweight(to_tsvector('english', coalesce(keywords, '')), 'B')
            || setweight(to_tsvector('english', coalesce(body, '')), 'C')
        ) STORED""",
    f"CREATE INDEX {VECTOR_INDEX} ON search_documents USING gin ({VECTOR_COLUMN})",
    # Questions and summaries are few beside the answers: their own small index finds them
    # without walking every answer that shares a common word.
    f"""CREATE INDEX {TITLED_VECTOR_INDEX} ON search_documents USING gin ({VECTOR_COLUMN})
        WHERE kind <> 'answer'""",
)


def create_full_text_index(connection: Connection) -> None:
    statements = {"sqlite": SQLITE_DDL, "postgresql": POSTGRES_DDL}.get(connection.dialect.name, ())
    for statement in statements:
        connection.execute(text(statement))


def drop_full_text_index(connection: Connection) -> None:
    """Before the table goes: the FTS5 table would otherwise outlive its content (SQLite)."""
    if connection.dialect.name == "sqlite":
        connection.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))


@event.listens_for(SearchDocument.__table__, "after_create")
def _after_create(_table, connection: Connection, **_kwargs) -> None:
    create_full_text_index(connection)


@event.listens_for(SearchDocument.__table__, "before_drop")
def _before_drop(_table, connection: Connection, **_kwargs) -> None:
    drop_full_text_index(connection)


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """For Alembic: leave the full-text objects out of autogenerate's comparison."""
    if type_ == "table":
        return not (name or "").startswith(FTS_TABLE)
    if parent_names.get("table_name") == SearchDocument.__tablename__:
        return not (type_ == "column" and name == VECTOR_COLUMN) and name not in (
            VECTOR_INDEX,
            TITLED_VECTOR_INDEX,
        )
    return True
