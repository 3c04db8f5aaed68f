"""An app per test, on SQLite in memory, or on PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from config import TestingConfig
from forum import create_app
from forum.clients import RequestClient
from forum.database import db
from tests.factories import Factory
from tests.jobqueue import queued  # noqa: F401 (a fixture: the app with a real queue)
from tests.mailbox import Outbox

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")


def on_postgres() -> bool:
    return TEST_DATABASE_URL.startswith("postgresql")


@pytest.fixture(scope="session")
def database_url() -> str:
    """A shared PostgreSQL schema made once per run, or a fresh SQLite memory database per test."""
    if not on_postgres():
        return "sqlite://"
    engine = sa.create_engine(TEST_DATABASE_URL)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
        db.metadata.create_all(connection)
    engine.dispose()
    return TEST_DATABASE_URL


@contextlib.contextmanager
def running_app(config: type[TestingConfig], outbox: Path):
    """An app on the test database, with its tables, inside an app context."""
    app = create_app(config)
    app.config["MAIL_OUTBOX_DIR"] = str(outbox)
    app.test_client_class = RequestClient
    with app.app_context():
        if not on_postgres():
            db.create_all()
        yield app
        db.session.remove()
        if on_postgres():
            _empty_every_table()
        db.engine.dispose()


@pytest.fixture
def app(database_url, monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("REDIS_URL", raising=False)
    with running_app(TestingConfig, tmp_path / "outbox") as app:
        yield app


def _empty_every_table() -> None:
    tables = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
    with db.engine.begin() as connection:
        connection.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


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
