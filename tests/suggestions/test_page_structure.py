"""Every suggestion page has one h1, headings in order and a label for each field, in each of
its states."""

from __future__ import annotations

from datetime import timedelta

import pytest

from forum.database import db, utcnow
from forum.suggestions.services import accept_suggestion
from tests.html_checks import assert_well_structured
from tests.suggestions.conftest import suggest
from tests.summaries.helpers import CONTENT, write_draft


@pytest.fixture
def pages(app, make, question, published, reader, reviewer):
    """(who, path) of each page in each state, and the response status each should get."""
    open_one = suggest(question, reader)
    other_question = make.question()
    make.published_summary(other_question, short_answer="Rest helps.", body="Rest and pacing.")
    published_since = suggest(other_question, reader)
    make.published_summary(other_question, short_answer="Rest helps most.", body="Pacing.")
    write_draft(other_question, make.reviewer(), CONTENT)  # a draft in progress stops accepting
    decided_question = make.question()
    make.published_summary(decided_question, short_answer="Heat helps.", body="Warm baths.")
    decided = suggest(decided_question, reader)
    accept_suggestion(decided, reviewer, "Thank you.")
    published.summary.next_review_due = utcnow().date() + timedelta(days=30)
    db.session.commit()
    return [
        (reader, f"/questions/{question.id}/summary/suggest"),  # "yours is waiting"
        (reader, f"/questions/{decided_question.id}/summary/suggest"),  # the form
        (make.user(), f"/questions/{question.id}/summary/suggest"),
        (reader, "/account/suggestions"),
        (reviewer, f"/review/suggestions/{open_one.id}"),
        (reviewer, f"/review/suggestions/{published_since.id}"),
        (reviewer, f"/review/suggestions/{decided.id}"),
        (reviewer, "/review/"),
        (None, f"/questions/{question.id}/{question.slug}"),
    ]


def test_every_page_is_well_structured(app, pages):
    for who, path in pages:
        client = app.test_client(user=who) if who else app.test_client()
        response = client.get(path)
        assert response.status_code == 200, path
        assert_well_structured(response.get_data(as_text=True))


def test_a_form_sent_back_with_mistakes_is_well_structured(app, question, published, reader):
    response = app.test_client(user=reader).post(
        f"/questions/{question.id}/summary/suggest", data={"short_answer": ""}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert_well_structured(page)
    assert 'aria-invalid="true"' in page and "There is a problem" in page
