"""Timing pages in-process, every figure against a trivial page of the same app, in one run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from flask import Flask

from forum.accounts.models import User
from forum.database import db
from tools.bench.generate import Generated
from tools.clients import RequestClient

REPEATS = 40
WARM_UP = 3
TRIVIAL = "trivial page (/about)"


@dataclass(frozen=True)
class Measurement:
    name: str
    milliseconds: float
    ratio: float  # to the trivial page
    queries: int


def count_queries(call: Callable[[], object]) -> int:
    statements: list[str] = []

    def record(*args):
        statements.append(args[2])

    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)
    return len(statements)


def getter(client, path: str) -> Callable[[], object]:
    def get():
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        return response

    return get


def pages(made: Generated) -> dict[str, str]:
    return {
        TRIVIAL: "/about",
        f"question page, {20} answers": f"/questions/{made.small_question_id}/x",
        f"question page, {200} answers": f"/questions/{made.large_question_id}/x",
        "condition page": f"/conditions/{made.condition_id}/x",
        "home page": "/",
    }


def canonical(client, path: str) -> str:
    """Follow the slug redirect once, so timings are of the page itself."""
    response = client.get(path)
    return response.headers["Location"] if response.status_code == 301 else path


def measure_pages(app: Flask, made: Generated) -> list[Measurement]:
    """Render each page for a signed-out reader (cache off) and for a signed-in member."""
    app.config["PAGE_CACHE_ENABLED"] = False
    app.test_client_class = RequestClient
    results = []
    with app.app_context():
        member = db.session.get(User, made.member_ids[-1])
        clients = {"signed out": app.test_client(), "signed in": app.test_client(user=member)}
        trivial = {}
        for who, client in clients.items():
            gets = {
                name: getter(client, canonical(client, path)) for name, path in pages(made).items()
            }
            timings = interleaved_median_ms(gets)
            for name, get in gets.items():
                trivial.setdefault(who, timings[name])
                milliseconds = timings[name]
                results.append(
                    Measurement(
                        f"{name}, {who}",
                        milliseconds,
                        milliseconds / trivial[who],
                        count_queries(get),
                    )
                )
        trivial_page = getter(clients["signed in"], pages(made)[TRIVIAL])
        results.append(_submit_answer(app, made, trivial_page))
    return results


def interleaved_median_ms(calls: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The median time of each call, taken in turns (one of each per round), so a slow spell of
    the machine weighs on every page alike instead of on whichever page it fell on."""
    for call in calls.values():
        for _ in range(WARM_UP):
            call()
    timings: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(REPEATS):
        for name, call in calls.items():
            started = time.perf_counter()
            call()
            timings[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(values) for name, values in timings.items()}


def _submit_answer(app: Flask, made: Generated, trivial_page: Callable[[], object]) -> Measurement:
    """Posting an answer through the form, by members who have not answered that question,
    timed in turns with the signed-in trivial page (its ratio is to that page)."""
    question = made.empty_question_id
    members = iter(made.member_ids[: WARM_UP + REPEATS])
    body = "Gentle stretching every morning eased the stiffness over a few weeks."

    def post():
        member = db.session.get(User, next(members))
        client = app.test_client(user=member)
        response = client.post(
            f"/questions/{question}/answer",
            data={
                "body": body,
                "perspective": "patient",
                "action": "post",
                "visibility": "everyone",
                "privacy_checked": "1",
            },
        )
        if response.status_code != 302:
            raise RuntimeError(
                f"posting an answer answered {response.status_code}: "
                + response.get_data(as_text=True)[-1500:]
            )

    timings = interleaved_median_ms({"trivial": trivial_page, "submit": post})
    ratio = timings["submit"] / timings["trivial"]
    return Measurement("submit an answer", timings["submit"], ratio, 0)
