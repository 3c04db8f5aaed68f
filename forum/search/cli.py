"""`flask search reindex`: write the whole search index again from the database."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from forum.database import db
from forum.search import index
from forum.search.models import SearchDocument, SearchKind
from forum.web.templating import pluralize

search_cli = AppGroup("search", help="Maintain the search index.")

NOUNS = {
    SearchKind.QUESTION: ("question", "questions"),
    SearchKind.SUMMARY: ("summary", "summaries"),
    SearchKind.ANSWER: ("answer", "answers"),
}


@search_cli.command("reindex")
@click.option(
    "--if-empty", is_flag=True, help="Only when the index holds nothing yet (after upgrading)."
)
def reindex(if_empty: bool) -> None:
    """Rebuild the search index from every question, summary and answer."""
    if if_empty and db.session.scalar(select(SearchDocument.id).limit(1)) is not None:
        click.echo("The search index is already filled; nothing to do.")
        return
    counts = index.rebuild()
    db.session.commit()
    written = ", ".join(pluralize(counts.get(kind, 0), *NOUNS[kind]) for kind in SearchKind)
    click.echo(f"Search index rebuilt: {written}.")
