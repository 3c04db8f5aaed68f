"""The migrations build the whole schema on a fresh database of each kind, and match the models."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from forum import create_app
from tests.conftest import TEST_DATABASE_URL, on_postgres


def upgrade_then_check(database_url: str, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    app = create_app("testing")
    runner = app.test_cli_runner()
    upgrade = runner.invoke(args=["db", "upgrade"])
    assert upgrade.exit_code == 0, upgrade.output
    check = runner.invoke(args=["db", "check"])
    assert check.exit_code == 0, check.output
    with app.app_context():
        from forum.database import db

        tables = set(sa.inspect(db.engine).get_table_names())
        db.engine.dispose()
    assert tables >= {table.name for table in db.metadata.sorted_tables}


def test_migrations_build_the_schema_on_sqlite(tmp_path, monkeypatch):
    upgrade_then_check(f"sqlite:///{tmp_path / 'fresh.sqlite'}", monkeypatch)


@pytest.mark.skipif(not on_postgres(), reason="TEST_DATABASE_URL is not PostgreSQL")
def test_migrations_build_the_schema_on_postgresql(monkeypatch):
    name = f"forum_migrations_{uuid.uuid4().hex[:12]}"
    server = sa.create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        fresh = make_url(TEST_DATABASE_URL).set(database=name)
        upgrade_then_check(fresh.render_as_string(hide_password=False), monkeypatch)
    finally:
        with server.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()
