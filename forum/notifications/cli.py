"""`flask notifications digest daily|weekly`: start a digest run by hand (the worker starts
them on schedule)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from forum.notifications.digests import RUNS, start_run

notifications_cli = AppGroup("notifications", help="Notification digests.")


@notifications_cli.command("digest")
@click.argument("run", type=click.Choice(sorted(RUNS)))
def digest(run: str) -> None:
    """Queue the daily or weekly digest run now."""
    start_run(run)
    click.echo(f"The {run} digest run is queued.")
