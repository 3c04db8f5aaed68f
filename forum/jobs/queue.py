"""The queue, the `job` decorator features use, and how a job finds its app."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_app_context
from huey import Huey
from huey.signals import SIGNAL_ERROR
from huey.storage import MemoryStorage, RedisStorage, SqliteStorage
from sqlalchemy import select
from sqlalchemy.orm import Session

from forum.core.logs import redact
from forum.database import db, listen_on_every_session
from forum.jobs.models import JobFailure

log = logging.getLogger(__name__)
EXTENSION = "jobs"
PENDING_KEY = "jobs_after_commit"
READY_KEY = "jobs_committed"

# Made at import, as tasks are declared against it; its storage is chosen by init_app.
huey = Huey("forum", results=False, immediate=True, storage_class=MemoryStorage)
_worker_app: Flask | None = None


def job(*, retries: int = 0, retry_delay: int = 0, retry_backoff: float = 0) -> Callable:
    """Declare a function as a job: calling `.enqueue(...)` on it puts it on the queue.

    The function runs inside the app, with a request context on SITE_URL; its arguments must
    be plain data (ids, strings, bytes), never models."""

    def declare(function: Callable) -> Callable:
        task = huey.task(retries=retries, retry_delay=retry_delay, retry_backoff=retry_backoff,
                         name=function.__name__)(_in_the_app(function))  # fmt: skip
        function.enqueue = task  # calling the task wrapper enqueues it
        return function

    return declare


def every(schedule: Callable) -> Callable:
    """Declare a job the worker runs on SCHEDULE (a huey crontab), with no arguments."""

    def declare(function: Callable) -> Callable:
        huey.periodic_task(schedule, name=function.__name__)(_in_the_app(function))
        return function

    return declare


# In immediate mode, the jobs a job queues wait in this list until it ends, then run one after
# the other: a fan-out of 10,000 in batches is a loop, not 20 jobs nested inside each other.
_queued_by_running_job: ContextVar[list | None] = ContextVar("queued_by_running_job", default=None)


def _in_the_app(function: Callable) -> Callable:
    @functools.wraps(function)
    def in_the_app(*args: Any, **kwargs: Any) -> Any:
        waiting = _queued_by_running_job.get()
        if waiting is not None:
            waiting.append((function, args, kwargs))
            return None
        app = current_app._get_current_object() if has_app_context() else _worker_app
        if app is None:
            raise RuntimeError("A job ran outside the app: start it with `flask jobs`.")
        queued: list = []
        token = _queued_by_running_job.set(queued) if huey.immediate else None
        try:
            result = _run_in_the_app(app, function, *args, **kwargs)
            while queued:
                later, later_args, later_kwargs = queued.pop(0)
                _run_in_the_app(app, later, *later_args, **later_kwargs)
        finally:
            if token is not None:
                _queued_by_running_job.reset(token)
        return result

    return in_the_app


def _run_in_the_app(app: Flask, function: Callable, *args: Any, **kwargs: Any) -> Any:
    # Its own app and request contexts, even when it runs at once (tests): its own database
    # session, which it commits; the app's teardown ends that session and sends the mail it
    # wrote; links are built on SITE_URL. A POST, because jobs write: on SQLite that makes the
    # job take the write lock when it begins (forum.database._begin_sqlite), so a job that reads,
    # then writes, waits for another writer instead of failing with "database is locked".
    site = app.config["SITE_URL"] or None
    with app.app_context(), app.test_request_context("/", base_url=site, method="POST"):
        return function(*args, **kwargs)


BATCH_SIZE = 500


def batch_size() -> int:
    """How many rows one job of a batched run (fan-outs, digests, check-ins) takes on."""
    return current_app.config.get("NOTIFICATION_BATCH_SIZE", BATCH_SIZE)


def after_commit(task: Callable, *args: Any) -> None:
    """Queue TASK(*ARGS) once the current transaction commits (at once when none is open):
    a job must see what the request wrote, and a rolled-back request queues nothing."""
    if db.session().in_transaction():
        db.session.info.setdefault(PENDING_KEY, []).append((task, args))
    else:
        task.enqueue(*args)


def _ready_after_commit(session: Session) -> None:
    session.info.setdefault(READY_KEY, []).extend(session.info.pop(PENDING_KEY, ()))


def _enqueue_once_released(session: Session, transaction) -> None:
    # After the commit has given its connection back: a job run at once (tests) opens a
    # connection of its own, and must not hold two per request.
    if transaction.parent is None:
        for task, args in session.info.pop(READY_KEY, ()):
            task.enqueue(*args)


def _forget_after_rollback(session: Session) -> None:
    session.info.pop(PENDING_KEY, None)


def _enqueue_at_teardown(error: BaseException | None) -> None:
    # A request that wrote nothing never commits (asking for the confirmation link again, say):
    # its jobs go when it ends well. One that failed queues nothing.
    if not db.session.registry.has():  # this context never opened a session
        return
    pending = db.session.info.pop(PENDING_KEY, ())
    if error is None:
        for task, args in pending:
            task.enqueue(*args)


def init_app(app: Flask) -> None:
    """Use the storage the settings choose: immediate in tests, Redis, or a SQLite file; and
    queue what a transaction asked for once it commits."""
    listen_on_every_session(
        (
            ("after_commit", _ready_after_commit),
            ("after_transaction_end", _enqueue_once_released),
            ("after_rollback", _forget_after_rollback),
        )
    )
    if EXTENSION not in app.extensions:
        app.teardown_appcontext(_enqueue_at_teardown)
    if app.config.get("JOBS_IMMEDIATE"):
        huey.immediate = True
    else:
        huey.immediate = False
        huey.storage = _storage(app)
    app.extensions[EXTENSION] = huey


def _storage(app: Flask):
    if url := app.config.get("JOBS_REDIS_URL"):
        return RedisStorage(huey.name, url=url)
    path = app.config.get("JOBS_SQLITE_PATH") or str(Path(app.instance_path) / "jobs.sqlite")
    return SqliteStorage(huey.name, filename=path)


def serve_as_worker(app: Flask) -> None:
    """Jobs this process runs belong to APP (the worker's threads have no app context)."""
    global _worker_app
    _worker_app = app


@huey.signal(SIGNAL_ERROR)
def _record_failure(signal: str, task, exc: BaseException | None = None) -> None:
    """A job's last try failed: keep a trace admins can read, with no address in it."""
    if task.retries:
        return  # it will be tried again
    error = redact(f"{type(exc).__name__}: {exc}")[:500] if exc else "unknown error"
    log.error("job %s failed for good: %s", task.name, error)
    app = current_app._get_current_object() if has_app_context() else _worker_app
    if app is None:
        return
    with app.app_context():
        db.session.add(JobFailure(job=task.name, error=error))
        db.session.commit()


def recent_failures(limit: int = 20) -> list[JobFailure]:
    """The jobs that failed for good, newest first, for the admin page."""
    return list(
        db.session.scalars(
            select(JobFailure)
            .order_by(JobFailure.failed_at.desc(), JobFailure.id.desc())
            .limit(limit)
        )
    )


def waiting_jobs() -> int | None:
    """How many jobs wait on the queue now; None when jobs run at once (no queue)."""
    return None if huey.immediate else huey.pending_count() + huey.scheduled_count()
