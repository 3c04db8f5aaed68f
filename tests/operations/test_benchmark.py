"""The benchmarks work end to end on tiny forums, and the generator they share builds a forum
whose every count is true. Figures are never asserted: the benchmark is a command, not a timed
test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select

from forum.accounts.models import User
from forum.answers.models import Answer, AnswerStatus, HelpfulVote, Visibility
from forum.conditions.models import Condition, Membership
from forum.database import db
from forum.questions.models import Question
from forum.search import index
from forum.search.models import SearchDocument, SearchKind
from tools.bench.cli import bench_cli
from tools.bench.generate import LARGE, SMALL, Plan, generate

PROJECT = Path(__file__).resolve().parents[2]


def count(query) -> int:
    return db.session.scalar(select(func.count()).select_from(query.subquery()))


def test_the_generator_builds_a_consistent_forum(app):
    with db.engine.begin() as connection:
        made = generate(connection, Plan.for_answers(3_000))
    assert count(select(Answer)) == made.answers == 3_000
    published = select(Answer).where(Answer.status == AnswerStatus.PUBLISHED)
    assert count(published) == made.published
    assert db.session.get(Question, made.small_question_id).answer_count == SMALL
    assert db.session.get(Question, made.large_question_id).answer_count == LARGE
    for question in db.session.scalars(select(Question)):
        shown = published.where(Answer.question_id == question.id)
        assert question.answer_count == count(shown)
    for condition in db.session.scalars(select(Condition)):
        members = count(select(Membership).where(Membership.condition_id == condition.id))
        questions = count(select(Question).where(Question.condition_id == condition.id))
        assert (condition.member_count, condition.question_count) == (members, questions)
    assert db.session.scalar(select(func.sum(Answer.helpful_count))) == count(select(HelpfulVote))
    approved = db.session.scalar(select(func.sum(User.approved_answer_count)))
    assert approved == made.published


def test_the_generated_forum_has_a_real_forum_s_variety_outside_the_measured_condition(app):
    with db.engine.begin() as connection:
        made = generate(connection, Plan.for_answers(3_000))
    others = select(Answer).join(Question).where(Question.condition_id != made.condition_id)
    assert count(others.where(Answer.status != AnswerStatus.PUBLISHED)) > 0
    assert count(others.where(Answer.visibility == Visibility.MEMBERS)) > 0
    assert count(others.where(Answer.is_anonymous)) > 0
    measured = select(Answer).join(Question).where(Question.condition_id == made.condition_id)
    assert count(measured.where(Answer.status != AnswerStatus.PUBLISHED)) == 0
    assert count(measured.where(Answer.visibility != Visibility.EVERYONE)) == 0
    counts = index.rebuild()
    db.session.commit()
    assert counts[SearchKind.ANSWER] == made.published
    questions = count(select(Question))
    assert counts[SearchKind.QUESTION] == counts[SearchKind.SUMMARY] == questions
    assert count(select(SearchDocument)) == made.published + 2 * questions


def test_the_measured_pages_read_the_same_at_every_size(tmp_path):
    def measured_bodies(answers: int) -> list[str]:
        engine = sa.create_engine(f"sqlite:///{tmp_path / f'{answers}.sqlite'}")
        db.metadata.create_all(engine)
        with engine.begin() as connection:
            made = generate(connection, Plan.for_answers(answers))
            rows = connection.execute(
                sa.select(Answer.body, Answer.helpful_count, Question.title)
                .join(Question)
                .where(Answer.question_id == made.small_question_id)
                .order_by(Answer.id)
            )
            bodies = [tuple(row) for row in rows]
        engine.dispose()
        return bodies

    small, large = measured_bodies(600), measured_bodies(4_000)
    assert len(small) == SMALL
    assert small == large


def test_flask_bench_generate_fills_an_empty_forum_that_can_be_searched(app, runner):
    result = runner.invoke(bench_cli, ["generate", "--answers", "500"])
    assert result.exit_code == 0, result.output
    assert "500 answers" in result.output and "Search index built" in result.output
    assert count(select(Answer)) == 500
    assert count(select(SearchDocument).where(SearchDocument.kind == SearchKind.ANSWER)) > 0
    admin = db.session.scalar(select(User).where(User.email == "bench1@bench.example"))
    assert admin is not None and admin.is_admin


def test_flask_bench_generate_refuses_a_forum_that_has_content(app, runner, make):
    make.user()
    result = runner.invoke(bench_cli, ["generate", "--answers", "500", "--no-index"])
    assert result.exit_code != 0
    assert "needs an empty database" in result.output
    assert count(select(Answer)) == 0


@pytest.mark.slow
def test_the_page_benchmark_prints_one_table_with_its_targets(tmp_path):
    result = _run_benchmark(["pages"], tmp_path, BENCH_SIZES="300,400", BENCH_SKIP_LOAD="1")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "question page, 20 answers, signed in" in result.stdout
    assert "Query plans of the question page" in result.stdout
    assert "Targets:" in result.stdout and "FULL SCAN" not in result.stdout
    assert (tmp_path / "bench-results.txt").exists()


@pytest.mark.slow
def test_the_search_benchmark_prints_and_saves_a_table(tmp_path):
    result = _run_benchmark(["search", "--answers", "400", "--repeat", "2"], tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Search over 400 answers" in result.stdout
    header = next(line for line in result.stdout.splitlines() if line.startswith("case"))
    assert header.split() == ["case", "query", "results", "median", "ms", "fastest", "ms"]
    assert "word in most answers" in result.stdout and "no match" in result.stdout
    saved = (tmp_path / "bench-search-results.txt").read_text()
    assert saved.startswith("Search over 400 answers")


def _run_benchmark(arguments: list[str], folder: Path, **settings: str):
    env = {**os.environ, "PYTHONPATH": str(PROJECT), **settings}
    for name in ("DATABASE_URL", "BENCH_DATABASE_URL"):
        env.pop(name, None)  # databases of the benchmark's own: temporary SQLite files
    return subprocess.run(
        [sys.executable, "-m", "tools.bench", *arguments],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
