"""The reviewers' dashboard lists the suggestions waiting for a decision, in a fixed number of
queries whatever their number."""

from __future__ import annotations

from forum.database import db
from forum.questions.models import QuestionStatus
from forum.suggestions.services import decline_suggestion
from tests.suggestions.conftest import PUBLISHED_BODY, PUBLISHED_SHORT_ANSWER, suggest


def suggestions_on_new_questions(make, count: int) -> list:
    """COUNT open suggestions, each on a question of its own condition, by readers of their own."""
    made = []
    for _ in range(count):
        question = make.question()
        make.published_summary(question, short_answer=PUBLISHED_SHORT_ANSWER, body=PUBLISHED_BODY)
        made.append(suggest(question, make.user()))
    return made


def test_open_suggestions_are_listed_with_a_link_to_decide(app, make, reviewer):
    waiting, declined, on_hidden = suggestions_on_new_questions(make, 3)
    decline_suggestion(declined, reviewer, "Not supported by the source.")
    on_hidden.summary.question.status = QuestionStatus.HIDDEN
    db.session.commit()
    page = app.test_client(user=reviewer).get("/review/").get_data(as_text=True)
    assert 'Readers&#39; suggested corrections <span class="dashboard__count">(1)</span>' in page
    assert f'href="/review/suggestions/{waiting.id}">Read and decide' in page
    assert waiting.summary.question.title in page
    assert f"/review/suggestions/{declined.id}" not in page
    assert f"/review/suggestions/{on_hidden.id}" not in page


def test_no_open_suggestions_says_none(app, reviewer):
    page = app.test_client(user=reviewer).get("/review/").get_data(as_text=True)
    assert 'Readers&#39; suggested corrections <span class="dashboard__count">(0)</span>' in page


def test_the_dashboard_costs_the_same_for_3_and_30_open_suggestions(
    app, make, reviewer, count_queries
):
    client = app.test_client(user=reviewer)
    counts = []
    for more in (3, 27):
        suggestions_on_new_questions(make, more)
        with count_queries() as counter:
            response = client.get("/review/")
        assert response.status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
    assert response.get_data(as_text=True).count("Read and decide<span") == 30
