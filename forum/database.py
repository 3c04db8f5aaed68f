"""The SQLAlchemy base every model shares: naming convention, aware datetimes, enums as strings."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import sqlalchemy as sa
from flask import has_request_context, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event, orm
from sqlalchemy.engine import Engine

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(sa.TypeDecorator):
    """Stores naive UTC; always hands back timezone-aware datetimes."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return value.astimezone(UTC).replace(tzinfo=None) if value else value

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=UTC) if value else value


def enum_values(enum_class: type[enum.Enum]) -> list[str]:
    """Store an enum's values ("published"), not its Python names ("PUBLISHED")."""
    return [member.value for member in enum_class]


class Base(orm.DeclarativeBase):
    # On an explicit registry: Flask-SQLAlchemy 3.1 rejects a type map on Base (#1361).
    registry = orm.registry(
        metadata=sa.MetaData(naming_convention=NAMING_CONVENTION),
        type_annotation_map={
            datetime: UTCDateTime(),
            enum.Enum: sa.Enum(
                enum.Enum, native_enum=False, length=32, values_callable=enum_values
            ),
        },
    )


db = SQLAlchemy(model_class=Base)


def never_reuse_ids(metadata: sa.MetaData, *, except_tables: Iterable[str] = ()) -> None:
    """On SQLite, a table without AUTOINCREMENT hands a deleted row's id to the next row: a new
    member would inherit a deleted member's log entries and notices, which name ids. (PostgreSQL's
    sequences never hand one out twice.) Migration 0008 rebuilt the existing tables so."""
    skipped = set(except_tables)
    for table in metadata.tables.values():
        if table.name not in skipped and [column.name for column in table.primary_key] == ["id"]:
            table.dialect_kwargs["sqlite_autoincrement"] = True


def utcnow() -> datetime:
    return datetime.now(UTC)


def columns_set_by(state: orm.ORMExecuteState) -> set[str] | None:
    """The column names a bulk UPDATE sets; None when the statement does not say."""
    values = getattr(state.statement, "_values", None)
    if values:
        return {getattr(column, "key", str(column)) for column in values}
    parameters = state.parameters
    if isinstance(parameters, list) and parameters:  # bulk UPDATE by primary key
        return {key for row in parameters for key in row}
    return None


def listen_on_every_session(listeners: Iterable[tuple[str, Callable]]) -> None:
    """Register (event name, listener) pairs on every session, once however often it is asked
    (each app the tests make calls this again)."""
    for name, listener in listeners:
        if not event.contains(orm.Session, name, listener):
            event.listen(orm.Session, name, listener)


@event.listens_for(Engine, "connect")
def _tune_sqlite(dbapi_connection, connection_record) -> None:
    """WAL for concurrent readers, a busy timeout instead of instant lock errors, real FKs."""
    if type(dbapi_connection).__module__ != "sqlite3":
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    on_file = any(row[2] for row in cursor.execute("PRAGMA database_list"))
    cursor.close()
    if on_file:
        # We issue BEGIN ourselves (see _begin_sqlite), so pysqlite must not. In-memory test
        # databases share one connection between sessions and keep pysqlite's lazy BEGIN.
        dbapi_connection.isolation_level = None
        connection_record.info["explicit_begin"] = True


@event.listens_for(Engine, "begin")
def _begin_sqlite(connection) -> None:
    """Writers take SQLite's write lock when they begin, not half way through.

    A deferred transaction that reads and then writes can fail at once with "database is
    locked" (the busy timeout does not apply to that upgrade). A request that may write
    (POST and friends) therefore begins IMMEDIATE and waits its turn; reads stay deferred.
    """
    if not connection.info.get("explicit_begin"):
        return
    writing = has_request_context() and request.method not in ("GET", "HEAD", "OPTIONS")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")
