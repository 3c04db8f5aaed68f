"""`make bench` works end to end on a tiny forum; its figures are never asserted (no timed test)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from forum.answers.models import Answer, HelpfulVote
from forum.benchmark.generate import LARGE, SMALL, Plan, generate
from forum.conditions.models import Condition, Membership
from forum.database import db
from forum.questions.models import Question

PROJECT = Path(__file__).resolve().parents[2]


def test_the_generator_builds_a_consistent_forum(app):
    with db.engine.begin() as connection:
        landmarks = generate(connection, Plan.for_answers(600))
    count = lambda query: db.session.scalar(select(func.count()).select_from(query.subquery()))  # noqa: E731
    assert count(select(Answer)) == 600
    assert db.session.get(Question, landmarks.small_question_id).answer_count == SMALL
    assert db.session.get(Question, landmarks.large_question_id).answer_count == LARGE
    for question in db.session.scalars(select(Question)):
        assert question.answer_count == count(
            select(Answer).where(Answer.question_id == question.id)
        )
    for condition in db.session.scalars(select(Condition)):
        members = count(select(Membership).where(Membership.condition_id == condition.id))
        questions = count(select(Question).where(Question.condition_id == condition.id))
        assert (condition.member_count, condition.question_count) == (members, questions)
    voted = db.session.scalar(select(func.sum(Answer.helpful_count)))
    assert voted == count(select(HelpfulVote))


def test_make_bench_prints_one_table_with_its_targets(tmp_path):
    env = {
        **os.environ,
        "BENCH_SIZES": "300,400",
        "BENCH_SKIP_LOAD": "1",
        "PYTHONPATH": str(PROJECT),
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "forum.benchmark"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "question page, 20 answers, signed in" in result.stdout
    assert "Query plans of the question page" in result.stdout
    assert "Targets:" in result.stdout and "FULL SCAN" not in result.stdout
    assert (tmp_path / "bench-results.txt").exists()
