"""Which parallel worker runs this process (pytest-xdist sets PYTEST_XDIST_WORKER: gw0, gw1 …),
so that shared services (a PostgreSQL database, Redis databases) are never shared by two."""

from __future__ import annotations

import os

REDIS_DATABASES_PER_WORKER = 3  # the suite uses three: jobs, the page cache, rate limits


def worker_name() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "gw0")


def worker_number() -> int:
    return int(worker_name().removeprefix("gw") or 0)


def redis_url(database: int) -> str:
    """Redis DATABASE (13, 14 or 15) for the first worker; lower numbers for the others."""
    number = database - REDIS_DATABASES_PER_WORKER * worker_number()
    if number < 1:  # database 0 is the one a developer's own Redis most likely holds data in
        raise RuntimeError(
            "Too many test workers for the Redis databases: use TEST_WORKERS=4 or fewer."
        )
    return f"redis://127.0.0.1:6379/{number}"
