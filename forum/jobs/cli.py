"""`flask jobs worker`: take jobs off the queue and run them, until stopped."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from forum.jobs.queue import huey, serve_as_worker

jobs_cli = AppGroup("jobs", help="Run the job queue's worker.")


@jobs_cli.command("worker")
@click.option("--workers", default=2, show_default=True, help="Jobs run at once (threads).")
def worker(workers: int) -> None:
    """Run queued jobs (mail, above all) until stopped with Ctrl-C or SIGTERM."""
    if huey.immediate:
        raise click.ClickException("These settings run jobs at once; there is no queue to serve.")
    serve_as_worker(current_app._get_current_object())
    click.echo(f"Running jobs from the queue with {workers} worker threads.")
    # periodic: this worker also starts the scheduled jobs (the digests). Run one worker
    # process per site; more threads (--workers) when it falls behind.
    huey.create_consumer(workers=workers, worker_type="thread", periodic=True).run()
