"""Page cost against database size (`python -m tools.bench pages`, run by `make bench`): one
table, every figure measured in the same run.

BENCH_SIZES   comma-separated answer totals (default 1000,1000000)
BENCH_DATABASE_URL  a PostgreSQL server URL to run on instead of SQLite files (optional)
BENCH_SKIP_LOAD     set to leave out the gunicorn + wrk part
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

import click
import sqlalchemy as sa

from config import DevelopmentConfig
from forum import create_app
from forum.database import db
from tools.bench import load
from tools.bench.explain import explain_question_page
from tools.bench.generate import Plan, generate
from tools.bench.measure import measure_pages
from tools.bench.report import Report

RESULTS = Path("bench-results.txt")  # gitignored (bench*results*.txt)
SECRET = "bench-secret-not-for-production"


class BenchConfig(DevelopmentConfig):
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False


def fresh_database(size: int, folder: Path) -> str:
    server = os.environ.get("BENCH_DATABASE_URL")
    if not server:
        return f"sqlite:///{folder / f'bench-{size}.sqlite'}"
    name = f"forum_bench_{size}"
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return sa.engine.make_url(server).set(database=name).render_as_string(hide_password=False)


def build(size: int, url: str, report: Report):
    os.environ["DATABASE_URL"] = url
    os.environ["SECRET_KEY"] = SECRET
    app = create_app(BenchConfig)
    with app.app_context():
        db.create_all()
        started = time.perf_counter()
        with db.engine.begin() as connection:
            made = generate(connection, Plan.for_answers(size))
        report.note(f"{size:,} answers generated in {time.perf_counter() - started:.1f} s")
        db.engine.dispose()
    return app, made


def run() -> None:
    """Generate a forum of each size, time its pages, then load the last one under gunicorn."""
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,1000000").split(",")]
    report = Report()
    with tempfile.TemporaryDirectory(prefix="forum-bench-") as folder:
        for size in sizes:
            url = fresh_database(size, Path(folder))
            app, made = build(size, url, report)
            report.add(size, measure_pages(app, made))
            if size == sizes[-1]:
                with app.app_context():
                    report.explain = explain_question_page(app, made)
                try:
                    report.load = run_load(url, made)
                except (RuntimeError, OSError, subprocess.CalledProcessError) as error:
                    report.load = f"the load test failed: {error}"
    text = report.render(sizes)
    click.echo(text)
    RESULTS.write_text(text)
    click.echo(f"(also written to {RESULTS})")


def run_load(url: str, made) -> list[load.LoadResult] | str:
    if os.environ.get("BENCH_SKIP_LOAD"):
        return "BENCH_SKIP_LOAD is set"
    if missing := load.wrk_missing():
        return missing
    from tools.bench.sessions import session_cookie

    cookie = session_cookie(SECRET, f"bench-session-{made.member_ids[-1]}")
    question = f"/questions/{made.small_question_id}/bench-question-{made.small_question_id}"
    environment = {"FORUM_CONFIG": "development", "DATABASE_URL": url, "SECRET_KEY": SECRET}
    with load.gunicorn(environment) as base:
        return [
            load.run_wrk("trivial page, signed out", base + "/about"),
            load.run_wrk("question page (20 answers), signed out", base + question),
            load.run_wrk("trivial page, signed in", base + "/about", cookie),
            load.run_wrk("question page (20 answers), signed in", base + question, cookie),
        ]
