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


def test_the_hardening_migration_keeps_every_row_and_reference_on_sqlite(tmp_path, monkeypatch):
    """0008 rebuilds SQLite's tables with AUTOINCREMENT: rows, references and CHECK constraints
    survive; old log snapshots lose the member's words; a deleted row's id is never reused."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'old.sqlite'}")
    app = create_app("testing")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0007_search"]).exit_code == 0
    with app.app_context():
        from forum.database import db

        with db.engine.begin() as connection:
            for statement in OLD_ROWS:
                connection.execute(sa.text(statement))
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["db", "check"]).exit_code == 0
    with app.app_context(), db.engine.begin() as connection:
        run = connection.execute
        assert run(sa.text("SELECT display_name FROM users ORDER BY id")).scalars().all() == [
            "OldMember",
            "OtherMember",
        ]
        assert run(sa.text("SELECT author_id FROM answers")).scalar() == 1
        assert run(sa.text("PRAGMA foreign_key_check")).all() == []
        schema = run(sa.text("SELECT sql FROM sqlite_master WHERE name = 'flags'")).scalar()
        assert "AUTOINCREMENT" in schema and "ck_flags_exactly_one_target" in schema
        reports = "SELECT sql FROM sqlite_master WHERE name = 'treatment_reports'"
        assert "ck_treatment_reports_vocabulary_or_other" in run(sa.text(reports)).scalar()
        snapshot = run(sa.text("SELECT before FROM moderation_actions")).scalar()
        assert "Old words" not in snapshot and "body_digest" in snapshot
        run(sa.text("DELETE FROM users WHERE id = 2"))
        run(sa.text(NEW_USER))
        assert run(sa.text("SELECT max(id) FROM users")).scalar() == 3
    with app.app_context():
        db.engine.dispose()


USER = ("INSERT INTO users (id, email, display_name, display_name_key, password_hash, role, "
        "status, status_reason, session_token, approved_answer_count, created_at, "
        "profile_hidden, bio, bio_visibility, communities_visibility) VALUES ({id}, "
        "'{name}@x.org', '{name}', '{key}', 'x', 'member', 'active', '', '{name}-token', 0, "
        "'2026-01-01', 0, '', "
        "'members', 'members')")  # fmt: skip
OLD_ROWS = (
    "INSERT INTO conditions (id, name, slug, description, position, member_count, "
    "question_count, created_at) VALUES (1, 'SPS', 'sps', '', 0, 0, 1, '2026-01-01')",
    USER.format(id=1, name="OldMember", key="oldmember"),
    USER.format(id=2, name="OtherMember", key="othermember"),
    "INSERT INTO questions (id, condition_id, title, slug, status, position, answer_count, "
    "created_at, last_activity_at) VALUES (1, 1, 'Q?', 'q', 'open', 0, 1, '2026-01-01', "
    "'2026-01-01')",
    "INSERT INTO answers (id, question_id, author_id, body, body_html, status, is_anonymous, "
    "visibility, perspective, helpful_count, version, created_at) VALUES (1, 1, 1, "
    "'Old words about me', '<p>Old words about me</p>', 'published', 0, 'everyone', "
    "'patient', 0, 1, '2026-01-01')",
    "INSERT INTO moderation_actions (id, actor_id, action, target_type, target_id, reason, "
    "before, after, created_at) VALUES (1, 2, 'answer_hidden', 'answer', 1, 'x', "
    """'{"status": "published", "body": "Old words about me", "treatments": []}', """
    """'{"status": "hidden", "body": "Old words about me", "treatments": []}', '2026-01-01')""",
)
NEW_USER = USER.format(id="NULL", name="NewMember", key="newmember")


def test_the_action_names_migration_renames_old_entries_and_nothing_else(tmp_path, monkeypatch):
    """0012 gives every log entry one naming scheme: "summary.publish" is "summary_published"
    afterwards, "answer_hidden" stays, and reasons and snapshots are untouched."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'old.sqlite'}")
    app = create_app("testing")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0011_outcomes"]).exit_code == 0
    entry = ("INSERT INTO moderation_actions (action, target_type, target_id, reason, created_at) "
             "VALUES ('{}', 'x', 1, 'why {}', '2026-01-01 00:00:00')")  # fmt: skip
    old_names = ["summary.publish", "condition.create", "summary_report.resolve", "answer_hidden"]
    with app.app_context():
        from forum.database import db

        with db.engine.begin() as connection:
            for name in old_names:
                connection.execute(sa.text(entry.format(name, name)))
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    with app.app_context(), db.engine.begin() as connection:
        rows = connection.execute(sa.text("SELECT action, reason FROM moderation_actions"))
        assert sorted(rows.all()) == [
            ("answer_hidden", "why answer_hidden"),
            ("condition_created", "why condition.create"),
            ("summary_published", "why summary.publish"),
            ("summary_report_answered", "why summary_report.resolve"),
        ]
    with app.app_context():
        db.engine.dispose()
