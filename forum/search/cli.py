"""`flask search reindex`: write the whole search index again from the database."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from forum.database import db
from forum.search import index

search_cli = AppGroup("search", help="Maintain the search index.")


@search_cli.command("reindex")
def reindex() -> None:
    """Rebuild the search index from every question, summary and answer."""
    counts = index.rebuild()
    db.session.commit()
    written = ", ".join(f"{counts.get(kind, 0):,} {kind.value}s" for kind in index.SearchKind)
    click.echo(f"Search index rebuilt: {written}.")
