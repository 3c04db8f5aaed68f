"""A real queue in tests: jobs wait until the test runs them, as a worker would."""

from __future__ import annotations

from datetime import datetime

import pytest
import redis

from forum.jobs.queue import huey
from tests.workers import redis_url

REDIS_URL = redis_url(13)


@pytest.fixture(params=["sqlite", "redis"])
def queued(request, app, tmp_path):
    """The app with a real queue: jobs wait until the test runs them, as a worker would."""
    app.config["JOBS_IMMEDIATE"] = False
    if request.param == "redis":
        redis.Redis.from_url(REDIS_URL).flushdb()
        app.config["JOBS_REDIS_URL"] = REDIS_URL
    else:
        app.config["JOBS_SQLITE_PATH"] = str(tmp_path / "jobs.sqlite")
    from forum.jobs import queue

    queue.init_app(app)
    yield app
    huey.flush()
    app.config["JOBS_IMMEDIATE"] = True
    queue.init_app(app)


def run_waiting_jobs(until: datetime | None = None) -> int:
    """Do what the worker does: run every job that is due, now or (for retries) by UNTIL."""
    ran = 0
    while True:
        for task in huey.read_schedule(until) if until else ():
            huey.enqueue(task)
        task = huey.dequeue()
        if task is None:
            return ran
        huey.execute(task, timestamp=until)
        ran += 1
