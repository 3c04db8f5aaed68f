"""`flask content rerender`: rebuild every stored HTML copy after the sanitising policy changed."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from forum.answers.models import Answer
from forum.content import render_markdown
from forum.database import db
from forum.summaries.models import SummaryRevision

content_cli = AppGroup("content", help="Maintain stored, sanitised HTML.")

BATCH_SIZE = 500


def rerender_all() -> int:
    """Render every answer and summary revision from its Markdown source; return how many changed.

    Published summary revisions are immutable in their source; their HTML is a derived copy
    and follows the current policy like everything else.
    """
    changed = 0
    for model in (Answer, SummaryRevision):
        rows = db.session.scalars(select(model).execution_options(yield_per=BATCH_SIZE))
        for row in rows:
            html = render_markdown(row.body)
            if html != row.body_html:
                row.body_html = html
                changed += 1
    return changed


@content_cli.command("rerender")
def rerender() -> None:
    """Render all stored Markdown to HTML again with the current sanitising policy."""
    changed = rerender_all()
    db.session.commit()
    click.echo(f"Re-rendered {changed} posts whose HTML differed from the current policy.")
