"""`flask bench …`: synthetic content and measurements, never the forum's own figures."""

from __future__ import annotations

import time
from pathlib import Path

import click
from flask.cli import AppGroup

from tools.bench import RESULTS_FILE

bench_cli = AppGroup("bench", help="Measure performance on synthetic content (never the forum's).")


@bench_cli.command("generate")
@click.option("--answers", default=1_000_000, show_default=True, help="Answers to generate.")
@click.option("--index/--no-index", default=True, show_default=True, help="Build search index.")
def generate_command(answers: int, index: bool) -> None:
    """Fill the forum's database (it must be empty: run `flask db upgrade` first) with a large
    synthetic forum, for trying the forum at scale. Bench members sign in as benchN@bench.example
    with the password printed at the end; bench member 1 is an admin."""
    from forum.database import db
    from forum.search import index as search_index
    from tools.bench.generate import BENCH_PASSWORD, Plan, generate

    started = time.perf_counter()
    try:
        with db.engine.begin() as connection:
            made = generate(connection, Plan.for_answers(answers))
    except RuntimeError as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"{made.answers:,} answers ({made.published:,} published) in "
        f"{len(made.condition_ids)} conditions, made in {time.perf_counter() - started:.1f} s."
    )
    if index:
        started = time.perf_counter()
        search_index.rebuild()
        db.session.commit()
        click.echo(f"Search index built in {time.perf_counter() - started:.1f} s.")
    click.echo(f"Sign in as bench1@bench.example (an admin) with the password {BENCH_PASSWORD}.")


@bench_cli.command("pages", with_appcontext=False)  # it makes its own apps
def pages_command() -> None:
    """Time the question, condition and home pages against a trivial page, at each of
    BENCH_SIZES answers (default 1000,1000000), then under gunicorn with wrk; in databases of
    the benchmark's own."""
    from tools.bench import pages  # it builds apps: not at import time, inside create_app

    pages.run()


@bench_cli.command("search", with_appcontext=False)  # it makes its own app
@click.option("--answers", default=100_000, show_default=True, help="Answers to generate.")
@click.option("--repeat", default=15, show_default=True, help="Runs of each query.")
@click.option("--output", default=RESULTS_FILE, show_default=True, type=click.Path(dir_okay=False))
def search_command(answers: int, repeat: int, output: str) -> None:
    """Time searches over ANSWERS synthetic answers, in a database of the benchmark's own
    (a temporary SQLite file, or BENCH_DATABASE_URL's forum_bench schema)."""
    from tools.bench import search  # it builds an app: not at import time, inside create_app

    search.run(answers, repeat, Path(output), click.echo)


@bench_cli.command("notifications", with_appcontext=False)  # it makes its own app
def notifications_command() -> None:
    """Time posting an answer with 10,000 followers against none, the fan-out jobs, and a
    weekly digest run for 100,000 members, in a database of the benchmark's own."""
    from tools.bench import notifications  # it builds an app: not at import time

    notifications.run()
