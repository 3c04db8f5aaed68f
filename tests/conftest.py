"""An app per test, on SQLite in memory, or on PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from jinja2 import BytecodeCache

from config import TestingConfig
from forum import create_app
from forum.database import db
from forum.extensions import limiter
from forum.web.caching import cache
from tests.factories import Factory
from tests.jobqueue import queued  # noqa: F401 (a fixture: the app with a real queue)
from tests.mailbox import Outbox
from tests.workers import worker_name, worker_number
from tools.clients import RequestClient

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")


def on_postgres() -> bool:
    return TEST_DATABASE_URL.startswith("postgresql")


@pytest.fixture(scope="session")
def database_url() -> str:
    """A shared PostgreSQL schema made once per run (a database of its own for each parallel
    worker), or a fresh SQLite memory database per test."""
    if not on_postgres():
        return "sqlite://"
    url = worker_database(TEST_DATABASE_URL)
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
        db.metadata.create_all(connection)
    engine.dispose()
    return without_waiting_for_the_disk(url)


def worker_database(url: str) -> str:
    """The first worker (or a run without workers) uses URL's database; each other worker a
    database named after it, made when missing, so no two workers empty each other's tables."""
    if worker_number() == 0:
        return url
    base = sa.make_url(url)
    name = f"{base.database}_{worker_name()}"
    server = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        found = connection.execute(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        ).scalar()
        if not found:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def without_waiting_for_the_disk(url: str) -> str:
    """The test database need not survive a power cut: its commits return before PostgreSQL
    has flushed them to disk (synchronous_commit=off, for these connections only)."""
    faster = sa.make_url(url).update_query_dict({"options": "-c synchronous_commit=off"})
    return faster.render_as_string(hide_password=False)


class SharedBytecode(BytecodeCache):
    """Compiled templates kept in memory for the whole run. Each test builds its own app, and
    compiling every template it renders again was most of the suite's time. Jinja keys each
    entry by the template's name and a checksum of its source, so an edit is never missed."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


SHARED_BYTECODE = SharedBytecode()


def share_compiled_templates(app) -> None:
    app.jinja_env.bytecode_cache = SHARED_BYTECODE


@contextlib.contextmanager
def running_app(config: type[TestingConfig], outbox: Path):
    """An app of its own on the test database, with its tables, inside an app context: for
    tests that need settings read when the app is built, or add routes to it."""
    app = create_app(config)
    share_compiled_templates(app)
    app.config["MAIL_OUTBOX_DIR"] = str(outbox)
    app.test_client_class = RequestClient
    with app.app_context(), fresh_database():
        yield app


@contextlib.contextmanager
def fresh_database():
    """Empty tables for one test: on SQLite a new in-memory database (it lives as long as the
    engine's one connection), on PostgreSQL the run's schema, emptied afterwards."""
    if not on_postgres():
        db.engine.dispose()
        _copy_empty_schema()
    try:
        yield
    finally:
        db.session.remove()
        if on_postgres():
            _empty_every_table()
        db.engine.dispose()


_EMPTY_SCHEMA: sqlite3.Connection | None = None


def _copy_empty_schema() -> None:
    """Every table, index and trigger into the new in-memory database, copied from one made by
    create_all at the first test: a copy costs a millisecond, create_all twenty."""
    global _EMPTY_SCHEMA
    connection = db.engine.raw_connection()
    try:
        if _EMPTY_SCHEMA is None:
            db.create_all()
            _EMPTY_SCHEMA = sqlite3.connect(":memory:", check_same_thread=False)
            connection.driver_connection.backup(_EMPTY_SCHEMA)
        else:
            _EMPTY_SCHEMA.backup(connection.driver_connection)
    finally:
        connection.close()


@pytest.fixture(scope="session")
def run_app(database_url):
    """One app for the whole run, as built for the test settings. Building an app (compiling
    its URL rules above all) cost more than most tests, so `app` lends this one to each test
    and puts back what a test may change: settings, kept pages and counters, tables."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", database_url)
        patch.delenv("REDIS_URL", raising=False)
        app = create_app(TestingConfig)
    share_compiled_templates(app)
    app.test_client_class = RequestClient
    return app, dict(app.config)


@pytest.fixture
def app(request, run_app, database_url, monkeypatch, tmp_path):
    """The app for one test, on empty tables. A test marked `own_app` (it adds routes, say)
    gets an app built for it alone."""
    if request.node.get_closest_marker("own_app"):
        monkeypatch.setenv("DATABASE_URL", database_url)
        monkeypatch.delenv("REDIS_URL", raising=False)
        with running_app(TestingConfig, tmp_path / "outbox") as app:
            yield app
        return
    app, settings = run_app
    app.config["MAIL_OUTBOX_DIR"] = str(tmp_path / "outbox")
    with app.app_context():
        try:
            with fresh_database():
                yield app
        finally:
            app.config.clear()
            app.config.update(settings)
            assert cache.clear(), "the kept pages were not emptied"
            limiter.reset()


def _empty_every_table() -> None:
    """DELETE, children first, and every sequence back to 1, in one round trip: as TRUNCATE …
    RESTART IDENTITY leaves things, at a tenth of its cost on tables this small."""
    global _EMPTYING
    if _EMPTYING is None:
        with db.engine.connect() as connection:
            sequences = connection.exec_driver_sql(
                "SELECT relname FROM pg_class WHERE relkind = 'S' "
                "AND relnamespace = 'public'::regnamespace"
            ).scalars()
            restarts = [f'ALTER SEQUENCE "{name}" RESTART' for name in sequences]
        deletes = [f'DELETE FROM "{table.name}"' for table in reversed(db.metadata.sorted_tables)]
        _EMPTYING = "; ".join(deletes + restarts)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(_EMPTYING)


_EMPTYING: str | None = None


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make(app) -> Factory:
    return Factory()


@pytest.fixture
def outbox(app) -> Outbox:
    return Outbox(Path(app.config["MAIL_OUTBOX_DIR"]))


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, _conn, _cursor, statement, *_args) -> None:
        self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(app):
    """Usage: `with count_queries() as counter: ...; counter.count`."""

    @contextlib.contextmanager
    def counting():
        counter = QueryCounter()
        sa.event.listen(db.engine, "before_cursor_execute", counter)
        try:
            yield counter
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", counter)

    return counting
