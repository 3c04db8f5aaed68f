"""The benchmark is a command, not a timed test: these only check that it runs and reports."""

from __future__ import annotations

from sqlalchemy import func, select

from forum.answers.models import Answer, AnswerStatus
from forum.bench.generate import generate
from forum.database import db
from forum.questions.models import Question
from forum.search import index
from forum.search.models import SearchDocument, SearchKind


def test_the_search_benchmark_prints_and_saves_a_table(runner, tmp_path, monkeypatch):
    monkeypatch.delenv("BENCH_DATABASE_URL", raising=False)  # a temporary SQLite file
    output = tmp_path / "bench-search-results.txt"
    result = runner.invoke(
        args=["bench", "search", "--answers", "200", "--repeat", "2", "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    assert "Search over 200 answers" in result.output
    header = next(line for line in result.output.splitlines() if line.startswith("case"))
    assert header.split() == ["case", "query", "results", "median", "ms", "fastest", "ms"]
    assert "word in most answers" in result.output and "no match" in result.output
    assert output.read_text().splitlines()[0].startswith("Search over 200 answers")


def test_the_generator_makes_consistent_content_in_any_database(app):
    made = generate(120, conditions=2, questions_per_condition=3, batch=50)
    assert db.session.scalar(select(func.count(Answer.id))) == 120
    published = db.session.scalar(
        select(func.count(Answer.id)).where(Answer.status == AnswerStatus.PUBLISHED)
    )
    assert published == made.published
    assert db.session.scalar(select(func.sum(Question.answer_count))) == published
    assert len(made.questions) == 6 and len(made.conditions) == 2

    counts = index.rebuild()
    db.session.commit()
    assert counts[SearchKind.ANSWER] == published
    assert counts[SearchKind.QUESTION] == counts[SearchKind.SUMMARY] == 6
    assert db.session.scalar(select(func.count(SearchDocument.id))) == published + 12
