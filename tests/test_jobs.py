"""The job queue for real: SQLite storage (development) and Redis (production), a failing mail
server, the worker command, and mail that only leaves once its transaction commits."""

from __future__ import annotations

import functools
import logging
import os
import smtplib
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import redis
from sqlalchemy import select

from forum.accounts.models import Role, User
from forum.core.mail import send_mail
from forum.database import db
from forum.jobs.models import JobFailure
from forum.jobs.queue import huey
from tests.factories import Factory
from tests.jobqueue import REDIS_URL, run_waiting_jobs


def test_a_reset_request_does_the_same_work_known_or_not(queued, outbox, count_queries):
    """The request only queues the reset; whether the address has an account is the job's
    business, so the page comes back alike either way."""
    Factory().user(email="known@example.com")
    client = queued.test_client()
    statements = {}
    for email in ("known@example.com", "nobody@example.com"):
        with count_queries() as counter:
            response = client.post("/auth/forgot-password", data={"email": email})
        assert response.status_code in (302, 303)
        statements[email] = counter.statements
    assert statements["known@example.com"] == statements["nobody@example.com"]
    assert outbox.messages() == []
    assert huey.pending_count() == 2
    run_waiting_jobs()  # the two reset jobs, then the one mail they wrote
    assert [m["To"] for m in outbox.messages()] == ["known@example.com"]


def test_mail_leaves_only_when_its_transaction_commits(queued, outbox):
    with queued.test_request_context():
        db.session.scalar(select(User.id))  # a transaction in progress
        send_mail("first@example.com", "email_in_use")
        db.session.rollback()
        db.session.scalar(select(User.id))
        send_mail("second@example.com", "email_in_use")
        assert huey.pending_count() == 0  # not before the commit
        db.session.commit()
    run_waiting_jobs()
    assert [m["To"] for m in outbox.messages()] == ["second@example.com"]


class RefusingSMTP:
    def __init__(self, *args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"reader@example.com": (550, b"mailbox full")})


def test_a_failing_mail_server_is_retried_with_back_off_then_recorded_without_the_address(
    queued, monkeypatch, caplog
):
    monkeypatch.setattr("smtplib.SMTP", RefusingSMTP)
    queued.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="smtp.example.com", MAIL_PORT=25)
    with queued.test_request_context():
        send_mail("reader@example.com", "email_in_use")
    delays = []
    with caplog.at_level(logging.INFO):
        assert run_waiting_jobs() == 1
        while huey.scheduled_count() and len(delays) < 10:
            (task,) = huey.scheduled()
            delays.append(round((task.eta - huey._get_timestamp()).total_seconds() / 60))
            run_waiting_jobs(until=task.eta)
    assert delays == [1, 2, 4, 8, 16]  # minutes after the first try
    (failure,) = db.session.scalars(select(JobFailure)).all()
    assert failure.job == "deliver" and "SMTPRecipientsRefused" in failure.error
    assert "reader@example.com" not in failure.error
    assert "reader@example.com" not in caplog.text
    admin = queued.test_client(user=Factory().user(role=Role.ADMIN))
    page = admin.get("/admin/").get_data(as_text=True)
    assert "SMTPRecipientsRefused" in page and "reader@example.com" not in page


def run_worker_until_mail(environment: dict, root: Path, outbox: Path) -> str:
    """Run `flask jobs worker` until a message is in OUTBOX (30 s at most); its output."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "flask", "jobs", "worker", "--workers", "1"],
        env=environment, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not list(outbox.glob("*.eml")):
            time.sleep(0.2)
    finally:
        worker.terminate()
        output = worker.communicate(timeout=20)[0].decode()
    return output


def test_the_worker_command_sends_queued_mail(tmp_path):
    """`flask jobs worker`, as `make run` starts it, takes a queued message and sends it."""
    environment = {
        **os.environ,
        "FLASK_APP": "manage",
        "FORUM_CONFIG": "development",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'forum.sqlite'}",
        "SITE_URL": "http://127.0.0.1:5000",
        "JOBS_SQLITE_PATH": str(tmp_path / "jobs.sqlite"),
        "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
    }
    environment.pop("REDIS_URL", None)
    root = Path(__file__).resolve().parent.parent
    queue_one = (
        "from forum import create_app; from forum.core.mail import send_mail; "
        "app = create_app('development'); "
        "ctx = app.test_request_context(); ctx.push(); "
        "send_mail('reader@example.com', 'email_in_use')"
    )
    subprocess.run([sys.executable, "-c", queue_one], env=environment, cwd=root, check=True)
    output = run_worker_until_mail(environment, root, tmp_path / "outbox")
    sent = list((tmp_path / "outbox").glob("*.eml"))
    assert len(sent) == 1, output
    assert "To: reader@example.com" in sent[0].read_text()
    assert "reader@example.com" not in output


def test_the_worker_refuses_settings_that_run_jobs_at_once(runner):
    result = runner.invoke(args=["jobs", "worker"])
    assert result.exit_code != 0 and "no queue" in result.output


FAN_OUT_SCRIPT = """
from forum import create_app
from forum.accounts.models import User
from forum.answers.services import AnswerDraft, submit_answer
from forum.conditions.models import Condition, Membership, Perspective
from forum.database import db, utcnow
from forum.notifications.models import Follow
from forum.questions.models import Question

app = create_app("development")
with app.test_request_context():
    def member(n):
        return User(email=f"member{n}@example.com", display_name=f"Member {n}",
                    display_name_key=f"member {n}", password_hash="x",
                    email_verified_at=utcnow(), approved_answer_count=5)
    condition = Condition(name="Stiff Person Syndrome", slug="sps")
    question = Question(condition=condition, title="What eased your spasms?", slug="spasms")
    follower, author = member(1), member(2)
    db.session.add_all([condition, question, follower, author])
    db.session.flush()
    db.session.add(Follow(user_id=follower.id, question_id=question.id))
    db.session.add(Membership(user=author, condition=condition))
    db.session.commit()
    draft = AnswerDraft(body="Warm baths in the evening eased the spasms.",
                        perspective=Perspective.PATIENT)
    submit_answer(question, author, draft)
    db.session.commit()
"""


def test_the_worker_on_redis_tells_a_follower_about_a_new_answer(tmp_path):
    """Production's arrangement: the queue in Redis, the worker a process of its own. Posting
    only queues the fan-out; the worker writes the notification and the mail."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    database = tmp_path / "forum.sqlite"
    environment = {
        **os.environ,
        "FLASK_APP": "manage",
        "FORUM_CONFIG": "development",
        "DATABASE_URL": f"sqlite:///{database}",
        "SITE_URL": "http://127.0.0.1:5000",
        "REDIS_URL": REDIS_URL,
        "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
    }
    root = Path(__file__).resolve().parent.parent
    run = functools.partial(subprocess.run, env=environment, cwd=root, check=True)
    run([sys.executable, "-m", "flask", "db", "upgrade"], capture_output=True)
    run([sys.executable, "-c", FAN_OUT_SCRIPT])
    assert redis.Redis.from_url(REDIS_URL).llen("huey.redis.forum") == 1  # the fan-out, waiting
    output = run_worker_until_mail(environment, root, tmp_path / "outbox")
    sent = [path.read_text() for path in (tmp_path / "outbox").glob("*.eml")]
    assert len(sent) == 1, output
    assert "To: member1@example.com" in sent[0] and "List-Unsubscribe-Post" in sent[0]
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT user_id, kind FROM notifications").fetchall()
    assert rows == [(1, "new_answer")]
