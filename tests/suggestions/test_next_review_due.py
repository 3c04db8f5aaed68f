"""Readers see when a summary is next reviewed (the NHS content standard asks for it), and the
date moves on when a new revision is published, kept pages or not."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from forum.database import db, utcnow
from forum.suggestions.models import SummarySuggestion
from forum.web.templating import long_date
from tests.suggestions.conftest import PROPOSAL


def question_page(client, question) -> tuple[str | None, str]:
    """Whether the page came from the kept pages ("hit") or was drawn ("miss"), and its HTML."""
    response = client.get(f"/questions/{question.id}/{question.slug}")
    assert response.status_code == 200
    return response.headers.get("X-Page-Cache"), response.get_data(as_text=True)


def due_line(day: date) -> str:
    return f'Next review due <time datetime="{day.isoformat()}">{long_date(day)}</time>.'


def set_review_due(revision, day: date) -> None:
    revision.summary.next_review_due = day
    db.session.commit()


def test_readers_see_the_next_review_date_under_last_updated(client, question, published):
    due = utcnow().date() + timedelta(days=200)
    set_review_due(published, due)
    _, html = question_page(client, question)
    assert due_line(due) in html
    assert html.index("Last updated <time") < html.index(due_line(due))


def test_without_a_date_nothing_is_said(client, question, published):
    _, html = question_page(client, question)
    assert "Last updated <time" in html
    assert "Next review due" not in html


def test_the_date_moves_when_a_new_revision_is_published(
    app, make, question, published, reader, reviewer
):
    """A reader's suggestion, taken into a draft, sent for review and published, every step
    through the pages people use, while signed-out readers are served kept pages."""
    first_due = utcnow().date() + timedelta(days=100)
    second_due = utcnow().date() + timedelta(days=300)
    set_review_due(published, first_due)
    signed_out = app.test_client()
    assert question_page(signed_out, question)[0] == "miss"
    kept, html = question_page(signed_out, question)
    assert kept == "hit" and due_line(first_due) in html

    suggested = app.test_client(user=reader).post(
        f"/questions/{question.id}/summary/suggest",
        data={"short_answer": PROPOSAL.short_answer, "body": PROPOSAL.body,
              "reason": PROPOSAL.reason, "source_title": PROPOSAL.source_title},
    )  # fmt: skip
    assert suggested.status_code == 302
    assert question_page(signed_out, question)[0] == "hit"  # a suggestion changes no public page
    suggestion_id = db.session.scalar(select(SummarySuggestion.id))
    writer = app.test_client(user=reviewer)
    accepted = writer.post(f"/review/suggestions/{suggestion_id}/accept", data={})
    draft_path = accepted.headers["Location"]
    assert writer.post(f"{draft_path}/submit", data={}).status_code == 302
    publish = app.test_client(user=make.reviewer()).post(
        f"{draft_path}/publish",
        data={"publish-change_note": "Added physiotherapy.",
              "publish-next_review_due": second_due.isoformat()},
    )  # fmt: skip
    assert publish.status_code == 302

    kept, html = question_page(signed_out, question)
    assert kept == "miss"
    assert PROPOSAL.short_answer in html
    assert due_line(second_due) in html and due_line(first_due) not in html
    assert question_page(signed_out, question) == ("hit", html)
