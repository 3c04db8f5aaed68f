"""`flask db-backup`: a consistent copy of a SQLite database while the forum keeps running.

PostgreSQL has its own tools (pg_dump / pg_restore, see the README); this command says so.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from forum.database import db


def backup_sqlite(destination: Path) -> Path:
    """Copy the live SQLite database with SQLite's online backup API (safe during writes)."""
    source_path = db.engine.url.database
    if not source_path or source_path == ":memory:":
        raise click.ClickException("The database is in memory; there is no file to back up.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(destination)
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()
    return destination


def default_destination() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return Path(current_app.instance_path) / "backups" / f"forum-{stamp}.sqlite"


@click.command("db-backup")
@click.argument("destination", required=False, type=click.Path(path_type=Path))
@with_appcontext
def backup_command(destination: Path | None) -> None:
    """Back up the SQLite database to DESTINATION (default: instance/backups/)."""
    if db.engine.dialect.name != "sqlite":
        raise click.ClickException(
            "This database is PostgreSQL: use pg_dump --format=custom (and pg_restore) as the "
            "README describes."
        )
    written = backup_sqlite(destination or default_destination())
    click.echo(f"Backed up the database to {written}")
