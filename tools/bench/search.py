"""How long a search takes over many answers: `make bench`, or `flask bench search`.

The content goes into a database of the benchmark's own, never the forum's: a temporary SQLite
file by default, or a schema of its own (forum_bench, dropped afterwards) in the PostgreSQL
database named by BENCH_DATABASE_URL. Each case runs the real search service (count, ranked
page, highlights, questions) `repeat` times; the table shows the median and the fastest run.
The table is printed and written to bench-search-results.txt.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from flask import Flask
from flask_login import AnonymousUserMixin

from config import TestingConfig
from forum import create_app
from forum.database import db
from forum.search import index
from forum.search.models import SearchKind
from forum.search.services import SearchRequest, search
from tools.bench import RESULTS_FILE
from tools.bench.generate import PHRASE, Generated, Plan, generate

BENCH_SCHEMA = "forum_bench"


class SignedIn:
    """Just enough of a signed-in, confirmed reader for the search service (members-only text
    too)."""

    is_authenticated = True
    is_email_verified = True


@dataclass(frozen=True)
class Case:
    name: str
    request: SearchRequest
    viewer: object


@dataclass(frozen=True)
class Timing:
    case: Case
    results: str  # "1,103+" when there were more matches than were ranked
    median_ms: float
    fastest_ms: float


def cases(made: Generated) -> list[Case]:
    """Words by how many answers hold them (the vocabulary is drawn most common first)."""
    everywhere, frequent, rare = made.words[0], made.words[20], made.rare_word(200)
    anyone, member = AnonymousUserMixin(), SignedIn()
    busy = made.condition_ids[-1]  # the first (measured) condition keeps a fixed, small size
    return [
        Case("word in most answers", SearchRequest(everywhere), anyone),
        Case("  signed in (members-only too)", SearchRequest(everywhere), member),
        Case("  page 5", SearchRequest(everywhere, page=5), anyone),
        Case("  one condition", SearchRequest(everywhere, condition_id=busy), anyone),
        Case("  answers only", SearchRequest(everywhere, kind=SearchKind.ANSWER), anyone),
        Case("word in 1 answer in 3", SearchRequest(frequent), anyone),
        Case("word in 1 answer in 20", SearchRequest(rare), anyone),
        Case("two words", SearchRequest(f"{made.words[1]} {made.words[2]}"), anyone),
        Case("phrase", SearchRequest(f'"{PHRASE}"'), anyone),
        Case("either of two words", SearchRequest(f"{rare} or {made.rare_word(150)}"), anyone),
        Case("no match", SearchRequest("xylophone"), anyone),
    ]


def time_case(app: Flask, case: Case, repeat: int) -> Timing:
    durations, results = [], "0"
    for _ in range(repeat):
        with app.test_request_context():
            started = time.perf_counter()
            page = search(case.request, case.viewer)
            durations.append((time.perf_counter() - started) * 1000)
            if page is not None:
                results = f"{page.total:,}{'+' if page.more else ''}"
            db.session.remove()
    return Timing(case, results, statistics.median(durations), min(durations))


def table(timings: list[Timing], heading: list[str]) -> str:
    rows = [("case", "query", "results", "median ms", "fastest ms")]
    for timing in timings:
        request = timing.case.request
        rows.append(
            (
                timing.case.name,
                request.text,
                timing.results,
                f"{timing.median_ms:.1f}",
                f"{timing.fastest_ms:.1f}",
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [*heading, ""]
    for number, row in enumerate(rows):
        cells = [
            cell.ljust(width) if column < 2 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def bench_config(url: str) -> type[TestingConfig]:
    class BenchConfig(TestingConfig):
        TESTING = False
        RATELIMIT_ENABLED = False

        def __init__(self) -> None:
            super().__init__()
            self.SQLALCHEMY_DATABASE_URI = url
            if url.startswith("postgresql"):
                options = {"options": f"-csearch_path={BENCH_SCHEMA}"}
                self.SQLALCHEMY_ENGINE_OPTIONS = {"connect_args": options}

    return BenchConfig


@contextmanager
def bench_database() -> Iterator[str]:
    """A throwaway database URL: BENCH_DATABASE_URL's own schema, or a temporary SQLite file."""
    configured = os.environ.get("BENCH_DATABASE_URL")
    if not configured:
        with tempfile.TemporaryDirectory(prefix="forum-bench-") as folder:
            yield f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        return
    parsed = sa.make_url(configured)
    if parsed.get_backend_name() in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # the driver we install
    url = parsed.render_as_string(hide_password=False)
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text(f"DROP SCHEMA IF EXISTS {BENCH_SCHEMA} CASCADE"))
        connection.execute(sa.text(f"CREATE SCHEMA {BENCH_SCHEMA}"))
    try:
        yield url
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f"DROP SCHEMA IF EXISTS {BENCH_SCHEMA} CASCADE"))
        engine.dispose()


def run(
    answers: int,
    repeat: int = 15,
    output: Path | None = Path(RESULTS_FILE),
    echo: Callable[[str], None] = print,
) -> list[Timing]:
    """Generate ANSWERS answers, index them, time every case; print and save the table."""
    with bench_database() as url:
        app = create_app(bench_config(url))
        with app.app_context():
            db.create_all()
            started = time.perf_counter()
            with db.engine.begin() as connection:
                made = generate(connection, Plan.for_answers(answers))
            generated = time.perf_counter() - started
            started = time.perf_counter()
            counts = index.rebuild()
            db.session.commit()
            indexed = time.perf_counter() - started
            if db.engine.dialect.name == "postgresql":
                # As autovacuum would soon: the planner needs the new rows' statistics.
                db.session.execute(sa.text("ANALYZE"))
                db.session.commit()
            timings = [time_case(app, case, repeat) for case in cases(made)]
            dialect = db.engine.dialect.name
            db.session.remove()
            db.engine.dispose()
    heading = [
        f"Search over {made.answers:,} answers ({made.published:,} published) on {dialect}; "
        f"median of {repeat} runs per case.",
        f"Generated in {generated:.1f} s; index rebuilt in {indexed:.1f} s "
        f"({counts.get(SearchKind.ANSWER, 0):,} answer documents).",
    ]
    report = table(timings, heading)
    echo(report)
    if output is not None:
        output.write_text(report + "\n", encoding="utf-8")
        echo(f"\nWritten to {output}.")
    return timings
