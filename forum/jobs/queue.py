"""The queue, the `job` decorator features use, and how a job finds its app."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_app_context, has_request_context
from huey import Huey
from huey.signals import SIGNAL_ERROR
from huey.storage import MemoryStorage, RedisStorage, SqliteStorage
from sqlalchemy import select

from forum.database import db
from forum.jobs.models import JobFailure
from forum.logs import redact

log = logging.getLogger(__name__)
EXTENSION = "jobs"

# Made at import, as tasks are declared against it; its storage is chosen by init_app.
huey = Huey("forum", results=False, immediate=True, storage_class=MemoryStorage)
_worker_app: Flask | None = None


def job(*, retries: int = 0, retry_delay: int = 0, retry_backoff: float = 0) -> Callable:
    """Declare a function as a job: calling `.enqueue(...)` on it puts it on the queue.

    The function runs inside the app, with a request context on SITE_URL; its arguments must
    be plain data (ids, strings, bytes), never models."""

    def declare(function: Callable) -> Callable:
        @functools.wraps(function)
        def in_the_app(*args: Any, **kwargs: Any) -> Any:
            if has_request_context():  # run at once, in a request (tests, immediate mode)
                return function(*args, **kwargs)
            app = current_app._get_current_object() if has_app_context() else _worker_app
            if app is None:
                raise RuntimeError("A job ran outside the app: start it with `flask jobs`.")
            # Its own app and request contexts: the app's teardown ends its session and sends
            # the mail it wrote; links are built on SITE_URL.
            site = app.config["SITE_URL"] or None
            with app.app_context(), app.test_request_context("/", base_url=site):
                return function(*args, **kwargs)

        task = huey.task(retries=retries, retry_delay=retry_delay, retry_backoff=retry_backoff,
                         name=function.__name__)(in_the_app)  # fmt: skip
        function.enqueue = task  # calling the task wrapper enqueues it
        return function

    return declare


def init_app(app: Flask) -> None:
    """Use the storage the settings choose: immediate in tests, Redis, or a SQLite file."""
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
