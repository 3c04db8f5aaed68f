"""What following costs (`python -m tools.bench notifications`, run by `make bench`).

1. Posting an answer to a question 10,000 members follow, against posting to one nobody
   follows, timed in turns in one run: the request only queues the fan-out, so the two should
   cost the same (the ratio near 1, the same statements).
2. The fan-out of one answer to those 10,000 followers: the jobs a worker runs (notifications
   in batches, each mail written and handed on; sending it is the mail server's time).
3. A weekly digest run for 100,000 members who follow a condition at the digest level.

On a forum of the benchmark's own (a temporary SQLite file, or BENCH_DATABASE_URL), with a queue
of its own in memory that nothing serves until the benchmark runs it.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import click
import sqlalchemy as sa
from huey.storage import MemoryStorage

from forum.accounts.models import User
from forum.database import db, utcnow
from forum.jobs.queue import huey, serve_as_worker
from tools.bench.generate import START, insert
from tools.bench.measure import count_queries, interleaved_median_ms
from tools.bench.pages import build, fresh_database
from tools.bench.report import Report
from tools.clients import RequestClient

FOLLOWERS = 10_000
DIGEST_MEMBERS = 100_000
RECENT_ANSWERS = 300  # published this week, in the condition the digest members follow
RESULTS = Path("bench-notifications-results.txt")  # gitignored (bench*results*.txt)
BODY = "Gentle stretching every morning eased the stiffness over a few weeks."


def run() -> None:
    logging.getLogger("huey").setLevel(logging.WARNING)  # a line per job would drown the table
    report = Report()
    with tempfile.TemporaryDirectory(prefix="forum-bench-") as folder:
        app, made = build(1000, fresh_database(1000, Path(folder)), report)
        huey.storage = MemoryStorage(huey.name)  # queued jobs wait for the benchmark
        serve_as_worker(app)
        app.test_client_class = RequestClient
        with app.app_context():
            lines = measure(app, made, report)
            db.engine.dispose()
    text = "\n".join([*report.notes, "", *lines])
    click.echo(text)
    RESULTS.write_text(text + "\n")
    click.echo(f"(also written to {RESULTS})")


def measure(app, made, report: Report) -> list[str]:
    started = time.perf_counter()
    followed, quiet = made.empty_question_id, _add_question(made.condition_id)
    first_extra = _add_members(DIGEST_MEMBERS)
    _follow(followed, range(first_extra, first_extra + FOLLOWERS))
    digest_condition = made.condition_ids[1]
    _follow_condition_for_digest(digest_condition, range(first_extra, first_extra + DIGEST_MEMBERS))
    _publish_recent_answers(digest_condition)
    report.note(f"{DIGEST_MEMBERS:,} members and their follows added in "
                f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    authors = iter(_trusted(made.member_ids))
    posts = {"no followers": poster(app, quiet, authors),
             f"{FOLLOWERS:,} followers": poster(app, followed, authors)}  # fmt: skip
    statements = {name: count_queries(post) for name, post in posts.items()}
    timings = interleaved_median_ms(posts)
    base = timings["no followers"]
    lines = ["Posting an answer (the request; the fan-out waits on the queue)",
             f"  {'':<22}{'median ms':>10}{'ratio':>8}{'statements':>12}"]  # fmt: skip
    for name, milliseconds in timings.items():
        lines.append(f"  {name:<22}{milliseconds:>10.1f}{milliseconds / base:>8.2f}"
                     f"{statements[name]:>12}")  # fmt: skip
    huey.flush()
    poster(app, followed, authors)()
    lines.append("")
    lines.append(_run_jobs(f"Fan-out of one answer to {FOLLOWERS:,} followers"))
    huey.flush()
    from forum.notifications.digests import start_run

    start_run("weekly")
    lines.append(_run_jobs(f"Weekly digest run for {DIGEST_MEMBERS:,} members"))
    return lines


def poster(app, question_id: int, authors: Iterator[int]) -> Callable[[], None]:
    """Post through the form, each time as a member who has not answered the question."""

    def post() -> None:
        client = app.test_client(user=db.session.get(User, next(authors)))
        response = client.post(
            f"/questions/{question_id}/answer",
            data={
                "body": BODY,
                "perspective": "patient",
                "action": "post",
                "visibility": "everyone",
            },
        )
        if response.status_code != 302:
            raise RuntimeError(f"posting an answer answered {response.status_code}")

    return post


def _run_jobs(title: str) -> str:
    """Run what the worker would, except the sending of mail (counted, left queued)."""
    started = time.perf_counter()
    ran, mail = Counter(), 0
    while (task := huey.dequeue()) is not None:
        if task.name == "deliver":
            mail += 1
            continue
        huey.execute(task)
        ran[task.name] += 1
    seconds = time.perf_counter() - started
    jobs = ", ".join(f"{count} × {name}" for name, count in sorted(ran.items()))
    return f"{title}: {seconds:.1f} s ({jobs}; {mail:,} mails written)"


def _trusted(user_ids: list[int]) -> list[int]:
    """Members past pre-moderation: their answers publish at once, and are announced."""
    users = _table("users")
    with db.engine.begin() as connection:
        connection.execute(
            users.update().where(users.c.id.in_(user_ids)).values(approved_answer_count=10)
        )
    return user_ids


def _table(name: str) -> sa.Table:
    return db.metadata.tables[name]


def _next_id(name: str) -> int:
    return (db.session.scalar(sa.select(sa.func.max(_table(name).c.id))) or 0) + 1


def _add_question(condition_id: int) -> int:
    question_id = _next_id("questions")
    with db.engine.begin() as connection:
        insert(connection, "questions", [{
            "id": question_id, "condition_id": condition_id, "title": "A quiet question",
            "slug": "a-quiet-question", "status": "open", "position": question_id,
            "answer_count": 0, "created_at": START, "last_activity_at": START,
        }])  # fmt: skip
    return question_id


def _add_members(count: int) -> int:
    first = _next_id("users")
    password_hash = db.session.scalar(sa.select(User.password_hash).limit(1))
    rows = (
        {
            "id": n, "email": f"follower{n}@bench.example", "display_name": f"Follower {n}",
            "display_name_key": f"follower {n}", "password_hash": password_hash,
            "session_token": f"bench-follower-{n}", "role": "member", "status": "active",
            "created_at": START, "email_verified_at": START, "approved_answer_count": 0,
            "bio": "", "bio_visibility": "members", "communities_visibility": "members",
            "profile_hidden": False,
        }
        for n in range(first, first + count)
    )  # fmt: skip
    with db.engine.begin() as connection:
        insert(connection, "users", rows)
    return first


def _follow(question_id: int, user_ids: range) -> None:
    rows = ({"user_id": u, "question_id": question_id, "level": "every_answer",
             "created_at": START} for u in user_ids)  # fmt: skip
    with db.engine.begin() as connection:
        insert(connection, "follows", rows)


def _follow_condition_for_digest(condition_id: int, user_ids: range) -> None:
    rows = ({"user_id": u, "condition_id": condition_id, "level": "digest",
             "created_at": START} for u in user_ids)  # fmt: skip
    with db.engine.begin() as connection:
        insert(connection, "follows", rows)


def _publish_recent_answers(condition_id: int) -> None:
    """Some of the condition's answers were published this week (the digest tells of them)."""
    answers, questions = _table("answers"), _table("questions")
    recent = (
        sa.select(answers.c.id)
        .join(questions, questions.c.id == answers.c.question_id)
        .where(questions.c.condition_id == condition_id, answers.c.status == "published")
        .limit(RECENT_ANSWERS)
    )
    with db.engine.begin() as connection:
        connection.execute(
            answers.update()
            .where(answers.c.id.in_(recent.scalar_subquery()))
            .values(published_at=utcnow() - timedelta(days=1))
        )
