"""Production mode: health checks, proxies, logs without addresses, backups."""

from __future__ import annotations

import logging
import sqlite3

from forum import create_app
from forum.core.logs import JsonFormatter, RedactEmails
from forum.database import db
from tests.workers import redis_url
from tools.backup import backup_command


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {
        "status": "ok",
        "checks": {"database": "ok", "redis": "not configured"},
    }


def test_healthz_checks_redis_when_configured(app, client):
    app.config["CACHE_REDIS_URL"] = redis_url(14)
    assert client.get("/healthz").json["checks"]["redis"] == "ok"
    app.config["CACHE_REDIS_URL"] = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json["checks"]["redis"] == "unreachable"


def test_the_proxy_count_decides_which_forwarded_headers_are_trusted(monkeypatch, database_url):
    monkeypatch.setenv("DATABASE_URL", database_url)
    from config import TestingConfig

    class BehindOneProxy(TestingConfig):
        PROXY_COUNT = 1

    app = create_app(BehindOneProxy)

    @app.get("/whoami")
    def whoami():
        from flask import request

        return f"{request.remote_addr} {request.scheme}"

    client = app.test_client()
    headers = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
    assert client.get("/whoami", headers=headers).get_data(as_text=True) == "203.0.113.9 https"


def test_log_lines_are_json_and_never_hold_an_email_address():
    record = logging.LogRecord(
        "forum.core.mail",
        logging.INFO,
        __file__,
        1,
        "sending to %s",
        ("someone@example.com",),
        None,
    )
    RedactEmails().filter(record)
    line = JsonFormatter().format(record)
    assert "someone@example.com" not in line
    assert '"message": "sending to [email]"' in line


def test_a_backup_restores_every_answer(app, make, tmp_path, monkeypatch):
    live = tmp_path / "live.sqlite"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{live}")
    from config import TestingConfig

    file_app = create_app(TestingConfig)
    with file_app.app_context():
        db.create_all()
        question = make.question()
        for n in range(25):
            make.answer(question, body=f"Answer number {n} with enough words to count.")
        db.session.remove()
        result = file_app.test_cli_runner().invoke(backup_command, [str(tmp_path / "copy.sqlite")])
        assert result.exit_code == 0, result.output
        db.engine.dispose()
    restored = sqlite3.connect(tmp_path / "copy.sqlite")
    bodies = [row[0] for row in restored.execute("SELECT body FROM answers ORDER BY id")]
    restored.close()
    assert bodies == [f"Answer number {n} with enough words to count." for n in range(25)]


def test_backup_explains_what_to_do_on_postgresql(app, runner):
    if db.engine.dialect.name != "postgresql":
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
        result = runner.invoke(backup_command, [])
        assert result.exit_code != 0 and "in memory" in result.output
        return
    result = runner.invoke(backup_command, [])
    assert result.exit_code != 0 and "pg_dump" in result.output


def test_gunicorn_listens_on_loopback_unless_told_otherwise(monkeypatch):
    """Reachable directly, gunicorn would let a client forge X-Forwarded-For past the proxy."""
    import runpy
    from pathlib import Path

    monkeypatch.delenv("BIND", raising=False)
    settings = runpy.run_path(str(Path(__file__).parents[2] / "gunicorn.conf.py"))
    assert settings["bind"].startswith("127.0.0.1:")
    assert settings["forwarded_allow_ips"] == "127.0.0.1"
