"""The reader's own page: their suggestions, what became of each, and where it led."""

from __future__ import annotations

import html

from forum.database import db
from forum.suggestions.services import accept_suggestion, decline_suggestion
from forum.summaries import services as summary_services
from tests.suggestions.conftest import PROPOSAL, suggest


def my_page(app, user) -> str:
    response = app.test_client(user=user).get("/account/suggestions")
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def test_an_open_suggestion_waits_for_a_reviewer(app, question, published, reader):
    suggestion = suggest(question, reader)
    page = my_page(app, reader)
    assert f'id="suggestion-{suggestion.id}"' in page
    assert question.title in page
    assert f"You wrote: {PROPOSAL.reason}" in page
    assert PROPOSAL.source_title in page
    assert "Waiting for a reviewer" in page
    assert '<meta name="robots" content="noindex">' in page


def test_a_declined_suggestion_shows_the_reviewers_reason(
    app, question, published, reader, reviewer
):
    suggestion = suggest(question, reader)
    decline_suggestion(suggestion, reviewer, "The 2025 guideline does not recommend it.")
    db.session.commit()
    page = my_page(app, reader)
    assert "Not taken up" in page
    assert "with this note: The 2025 guideline does not recommend it." in page
    assert reviewer.display_name not in page  # the decision is the reviewers', not a name's


def test_an_accepted_suggestion_links_to_the_history_once_published(
    app, make, question, published, reader, reviewer
):
    suggestion = suggest(question, reader)
    draft = accept_suggestion(suggestion, reviewer)
    db.session.commit()
    history = f'href="/questions/{question.id}/summary/history"'
    page = my_page(app, reader)
    assert "Taken into a new draft" in page
    assert "a second medical reviewer signs it off" in page
    assert history not in page

    summary_services.submit_for_review(draft, reviewer)
    summary_services.publish_revision(draft, make.reviewer(), "Added physiotherapy.")
    db.session.commit()
    page = my_page(app, reader)
    assert "The corrected summary was published on" in page
    assert f"{history}>See the summary's revision history</a>" in page


def test_an_accepted_suggestion_whose_draft_was_discarded_says_so(
    app, question, published, reader, reviewer
):
    suggestion = suggest(question, reader)
    draft = accept_suggestion(suggestion, reviewer)
    db.session.commit()
    summary_services.discard_draft(draft, reviewer)
    db.session.commit()
    assert "the published summary did not change" in my_page(app, reader)


def test_each_reader_sees_only_their_own(app, make, question, published, reader):
    suggest(question, make.user())
    page = my_page(app, reader)
    assert PROPOSAL.reason not in page
    assert "You have not suggested any corrections." in page


def test_the_account_navigation_leads_to_the_page(app, reader):
    page = my_page(app, reader)
    assert '<a href="/account/suggestions" aria-current="page">Suggested corrections</a>' in page
    overview = app.test_client(user=reader).get("/account").get_data(as_text=True)
    assert '<a href="/account/suggestions">Suggested corrections</a>' in overview


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/account/suggestions")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/sign-in")
