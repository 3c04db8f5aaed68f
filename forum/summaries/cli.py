"""`flask summaries check`: look for divergences between summaries and members' reports now
(the worker does it every hour)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from forum.database import db
from forum.summaries.divergence import open_divergence_tasks
from forum.summaries.tasks import KIND_LABELS

summaries_cli = AppGroup("summaries", help="Medically reviewed summaries.")


@summaries_cli.command("check")
def check() -> None:
    """Open review tasks where members' reports diverge from a summary."""
    opened = open_divergence_tasks()
    db.session.commit()
    for task in opened:
        click.echo(f"Task {task.id}: {KIND_LABELS[task.kind]} (summary {task.summary_id}).")
    click.echo(f"{len(opened)} review task{'' if len(opened) == 1 else 's'} opened.")
