"""`flask bench search --answers 100000`: the search benchmark from the flask command."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from forum.bench import RESULTS_FILE

bench_cli = AppGroup("bench", help="Measure performance on synthetic content (never the forum's).")


@bench_cli.command("search", with_appcontext=False)  # it makes its own app
@click.option("--answers", default=100_000, show_default=True, help="Answers to generate.")
@click.option("--repeat", default=15, show_default=True, help="Runs of each query.")
@click.option("--output", default=RESULTS_FILE, show_default=True, type=click.Path(dir_okay=False))
def search_command(answers: int, repeat: int, output: str) -> None:
    """Time searches over ANSWERS synthetic answers, in a database of the benchmark's own
    (a temporary SQLite file, or BENCH_DATABASE_URL's forum_bench schema)."""
    from forum.bench import search  # it builds an app: not at import time, inside create_app

    search.run(answers, repeat, Path(output), click.echo)
