"""Configuration: production refuses to run insecurely; DATABASE_URL wins everywhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from config import database_url
from forum import create_app


@pytest.fixture
def clean_environment(monkeypatch):
    for name in ("SECRET_KEY", "DATABASE_URL", "FORUM_CONFIG", "SITE_URL", "TRUSTED_HOSTS"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_production_refuses_to_start_without_a_secret_key(clean_environment):
    clean_environment.setenv("DATABASE_URL", "postgresql://db.internal/forum")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production")


def test_production_refuses_to_start_without_a_database_url(clean_environment):
    clean_environment.setenv("SECRET_KEY", "s" * 40)
    with pytest.raises(RuntimeError, match="DATABASE_URL"):
        create_app("production")


def test_production_refuses_a_development_database(clean_environment):
    clean_environment.setenv("SECRET_KEY", "s" * 40)
    clean_environment.setenv("SITE_URL", "https://forum.example.org")
    clean_environment.setenv("DATABASE_URL", "sqlite:///forum.sqlite")
    with pytest.raises(RuntimeError, match="PostgreSQL"):
        create_app("production")


def test_production_refuses_to_start_without_its_site_url(clean_environment):
    clean_environment.setenv("SECRET_KEY", "s" * 40)
    clean_environment.setenv("DATABASE_URL", "postgres://db.internal/forum")
    with pytest.raises(RuntimeError, match="SITE_URL"):
        create_app("production")


def test_production_starts_with_its_settings_and_secure_cookies(clean_environment):
    clean_environment.setenv("SECRET_KEY", "s" * 40)
    clean_environment.setenv("DATABASE_URL", "postgres://db.internal/forum")
    clean_environment.setenv("SITE_URL", "https://forum.example.org/")
    app = create_app("production")
    assert app.config["SITE_URL"] == "https://forum.example.org"
    assert app.config["TRUSTED_HOSTS"] == ["forum.example.org"]
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://db.internal/forum"
    assert not app.debug and not app.testing


@pytest.mark.parametrize("name", ["development", "testing"])
def test_database_url_overrides_every_configuration(clean_environment, name, tmp_path):
    url = f"sqlite:///{tmp_path / 'chosen.sqlite'}"
    clean_environment.setenv("DATABASE_URL", url)
    assert create_app(name).config["SQLALCHEMY_DATABASE_URI"] == url


def test_development_needs_no_setup_and_uses_sqlite_in_the_instance_folder(clean_environment):
    app = create_app("development")
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///forum.sqlite"
    assert app.config["SECRET_KEY"]


def test_an_unknown_configuration_name_is_refused(clean_environment):
    with pytest.raises(RuntimeError, match="not one of"):
        create_app("staging")


def test_postgres_urls_are_spelled_for_psycopg(clean_environment):
    clean_environment.setenv("DATABASE_URL", "postgresql://u@h/db")
    assert database_url("sqlite://") == "postgresql+psycopg://u@h/db"


def test_the_wsgi_entry_point_defaults_to_production(clean_environment):
    """gunicorn loads wsgi.py (and the flask command manage.py, which loads it): with nothing
    set it must not start."""
    result = subprocess.run(
        [sys.executable, "-c", "import wsgi"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode != 0
    assert "Refusing to start" in result.stderr


def test_the_tooling_commands_are_the_flask_commands_not_the_served_apps():
    """Demo seeding, the benchmark and backups come with manage.py (the flask command's app);
    the app gunicorn serves is built without them."""
    environment = {"PATH": "/usr/bin:/bin", "FORUM_CONFIG": "testing", "FLASK_APP": "manage"}
    listed = subprocess.run(
        [sys.executable, "-m", "flask", "--help"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
    ).stdout
    for command in ("seed-demo", "bench", "db-backup", "jobs", "search"):
        assert f"  {command} " in listed, command
    served = create_app("testing")
    assert {"seed-demo", "bench", "db-backup"}.isdisjoint(served.cli.list_commands(None))
