"""Nothing is lost under concurrency: 8 writers at once, on SQLite (WAL) and on PostgreSQL.

Threads drive the app in-process; separate processes drive a real gunicorn server. Every write
must persist, every denormalised count must equal a recount, and no request may fail.
"""

from __future__ import annotations

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select

from config import TestingConfig as SuiteSettings
from forum import create_app
from forum.accounts.models import User
from forum.answers.models import Answer, AnswerRevision, AnswerStatus
from forum.database import db
from forum.jobs.queue import job
from tests.answers.helpers import answer_form
from tests.conftest import RequestClient, on_postgres
from tests.factories import PASSWORD, Factory

WRITERS = 8
EDITS_EACH = 3
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shared_app(app, tmp_path, monkeypatch):
    """On PostgreSQL the suite's own database; on SQLite a file (memory has one connection).

    Pre-moderation is off: these writers' answers should publish, so counts move."""
    monkeypatch.setenv("PREMODERATE_FIRST_ANSWERS", "0")
    if on_postgres():
        app.config["PREMODERATE_FIRST_ANSWERS"] = 0
        yield app
        return
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'shared.sqlite'}")
    file_app = create_app(SuiteSettings)
    file_app.test_client_class = RequestClient
    with file_app.app_context():
        db.create_all()
        yield file_app
        db.session.remove()
        db.engine.dispose()


def a_community(make: Factory, writers: int):
    condition = make.condition()
    question = make.question(condition)
    members = [make.user(email=f"writer{n}@example.com") for n in range(writers)]
    for member in members:
        make.membership(member, condition)
    return question, members


def assert_nothing_lost(question_id: int, writers: int) -> None:
    db.session.rollback()  # a fresh snapshot: everything the writers committed
    answers = db.session.scalars(select(Answer).where(Answer.question_id == question_id)).all()
    assert len(answers) == writers
    for answer in answers:
        assert answer.body.endswith(f"edit {EDITS_EACH}.")
        revisions = db.session.scalar(
            select(func.count()).where(AnswerRevision.answer_id == answer.id)
        )
        assert revisions == EDITS_EACH
        assert answer.version == EDITS_EACH + 1
    from forum.questions.models import Question

    question = db.session.get(Question, question_id)
    published = sum(1 for answer in answers if answer.status is AnswerStatus.PUBLISHED)
    assert question.answer_count == published == writers
    for user in db.session.scalars(select(User).where(User.email.like("writer%"))):
        own = db.session.scalar(
            select(func.count()).where(
                Answer.author_id == user.id, Answer.status == AnswerStatus.PUBLISHED
            )
        )
        assert user.approved_answer_count == own == 1


def write_as(post, question_id: int, answer_path) -> list[int]:
    """One member's session: post an answer, then edit it EDITS_EACH times."""
    codes = [
        post(
            f"/questions/{question_id}/answer",
            answer_form(body="My first words on this, written at the same time."),
        )
    ]
    for edit in range(1, EDITS_EACH + 1):
        path, version = answer_path()
        codes.append(
            post(
                f"{path}/edit",
                answer_form(
                    body=f"Rewritten while others write too: edit {edit}.", version=str(version)
                ),
            )
        )
    return codes


@job()
def count_members_then_touch_one(member_id: int) -> None:
    """A job that reads, then writes, as most jobs do."""
    db.session.scalar(select(func.count(User.id)))
    db.session.get(User, member_id).bio = "Touched by a job."
    db.session.commit()


@pytest.mark.skipif(on_postgres(), reason="SQLite's write lock")
def test_a_job_takes_the_write_lock_when_it_begins(shared_app):
    """On SQLite a transaction that reads and then writes fails at once with "database is
    locked" while another writer is busy (the busy timeout does not cover that upgrade), so a
    job begins IMMEDIATE, as a request that may write does."""
    member_id = Factory().user().id
    db.session.rollback()  # the test's own reads are done
    statements: list[str] = []

    def record(_connection, _cursor, statement, *_args) -> None:
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        count_members_then_touch_one.enqueue(member_id)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)
    assert statements[0] == "BEGIN IMMEDIATE", statements[:3]
    assert db.session.get(User, member_id).bio == "Touched by a job."


def test_eight_threads_writing_at_once_lose_nothing(shared_app):
    question, members = a_community(Factory(), WRITERS)
    question_id, member_ids = question.id, [m.id for m in members]

    def one_writer(member_id: int) -> list[int]:
        with shared_app.app_context():
            client = shared_app.test_client(user=db.session.get(User, member_id))

            def post(path, data):
                response = client.post(path, data=data)
                return response.status_code

            def answer_path():
                db.session.rollback()  # end this thread's read snapshot; see what others wrote
                answer = db.session.scalar(select(Answer).where(Answer.author_id == member_id))
                return f"/answers/{answer.id}", answer.version

            try:
                return write_as(post, question_id, answer_path)
            finally:
                db.session.remove()

    with ThreadPoolExecutor(WRITERS) as pool:
        results = list(pool.map(one_writer, member_ids))
    assert all(code == 302 for codes in results for code in codes), results
    assert_nothing_lost(question_id, WRITERS)


# --- processes against a real gunicorn server ------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn_server(database_url: str):
    port = free_port()
    env = {
        **os.environ,
        "FORUM_CONFIG": "testing",
        "DATABASE_URL": database_url,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }
    env.pop("REDIS_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError(server.stderr.read().decode()[-2000:]) from None
            time.sleep(0.2)
    try:
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def process_writer(base: str, email: str, question_id: int) -> list[int]:
    """A separate process: sign in through the real form, then post and edit."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

    def post(path, data):
        body = urllib.parse.urlencode(data).encode()
        try:
            with opener.open(base + path, data=body, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    assert post("/auth/sign-in", {"email": email, "password": PASSWORD}) == 302
    answer_id = None

    def answer_path():
        nonlocal answer_id
        if answer_id is None:
            try:
                opener.open(f"{base}/questions/{question_id}/answer", timeout=30)
            except urllib.error.HTTPError as redirect:  # 302 to the member's edit page
                answer_id = int(redirect.headers["Location"].rsplit("/", 2)[-2])
        with opener.open(f"{base}/answers/{answer_id}/edit", timeout=30) as response:
            html = response.read().decode()
        version = html.split('name="version" type="hidden" value="', 1)[1].split('"', 1)[0]
        return f"/answers/{answer_id}", int(version)

    return write_as(post, question_id, answer_path)


def test_eight_processes_against_a_running_server_lose_nothing(shared_app):
    question, members = a_community(Factory(), WRITERS)
    question_id, emails = question.id, [m.email for m in members]
    db.session.remove()
    url = shared_app.config["SQLALCHEMY_DATABASE_URI"]
    with gunicorn_server(url) as base, ProcessPoolExecutor(WRITERS) as pool:
        results = list(pool.map(process_writer, [base] * WRITERS, emails, [question_id] * WRITERS))
    assert all(code == 302 for codes in results for code in codes), results
    assert_nothing_lost(question_id, WRITERS)
