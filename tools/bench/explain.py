"""Do the question page's queries use indexes? The database's own query plans say."""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask import Flask

from forum.accounts.models import User
from forum.database import db
from tools.bench.generate import Generated
from tools.clients import RequestClient

# "SCAN answers" (SQLite) or "Seq Scan on answers" (PostgreSQL); a scan of a subquery's rows
# ("SCAN anon_1") reads only what the subquery already found.
SCANNED = re.compile(r"(?:\bSCAN|Seq Scan on) (\w+)")
SMALL_TABLES = ("conditions", "treatments", "reviewer_profiles")


def explain_question_page(app: Flask, made: Generated) -> list[str]:
    """One line a query: the table it reads first and whether it scans the whole table."""
    captured: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, *_rest):
        if statement.lstrip().upper().startswith("SELECT"):
            captured.append((statement, parameters))

    app.test_client_class = RequestClient
    member = db.session.get(User, made.member_ids[-1])
    client = app.test_client(user=member)
    path = f"/questions/{made.large_question_id}/bench-question-{made.large_question_id}"
    app.config["PAGE_CACHE_ENABLED"] = False
    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        client.get(path)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)
    return [_plan_line(statement, parameters) for statement, parameters in captured]


def _plan_line(statement: str, parameters) -> str:
    prefix = "EXPLAIN QUERY PLAN " if db.engine.dialect.name == "sqlite" else "EXPLAIN "
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(prefix + statement, parameters).all()
    plan = " | ".join(str(row[-1]) for row in rows)
    table = statement.split("FROM", 1)[1].split()[0].strip('"') if "FROM" in statement else "?"
    scanned = [name for name in SCANNED.findall(plan) if not name.startswith("anon_")]
    if not scanned:
        verdict = "index"
    elif all(name in SMALL_TABLES for name in scanned):
        verdict = "scan (small table)"
    else:
        verdict = "FULL SCAN"
    return f"{table:<22} {verdict:<20} {plan[:110]}"
