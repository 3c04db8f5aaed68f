"""The question page always shows the latest published revision, with its reviewer and date."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from forum.accounts.models import Role
from forum.database import utcnow
from forum.web.templating import iso_date, long_date
from tests.summaries.helpers import CONTENT, published, submitted, write_draft


def page(client, question) -> str:
    return client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)


def test_the_latest_published_revision_is_shown_with_its_reviewer_and_date(
    client, make, question, writer, reviewer
):
    make.published_summary(question, short_answer="An older answer.",
                           published_at=utcnow() - timedelta(days=400))  # fmt: skip
    latest = published(question, writer, reviewer, replace(CONTENT, short_answer="The newest."))
    html = page(client, question)
    assert "The newest." in html and "An older answer." not in html
    assert "Medically reviewed by" in html and "Dr Rhea Checker, MD, immunology" in html
    assert f'Last updated <time datetime="{iso_date(latest.published_at)}">' in html
    assert long_date(latest.published_at) in html


def test_drafts_and_drafts_in_review_never_reach_readers(client, make, question, writer):
    make.published_summary(question, short_answer="What readers see.")
    submitted(question, writer, replace(CONTENT, short_answer="Waiting for a reviewer."))
    other = make.question()
    write_draft(other, writer, replace(CONTENT, short_answer="Still a draft."))
    assert "What readers see." in page(client, question)
    assert "Waiting for a reviewer." not in page(client, question)
    html = page(client, other)
    assert "Still a draft." not in html
    assert "is being prepared" in html


def test_a_question_stays_out_of_search_engines_until_a_summary_is_published(
    client, question, writer, reviewer
):
    submitted(question, writer)
    assert '<meta name="robots" content="noindex">' in page(client, question)


def test_a_published_summary_lets_search_engines_in(client, question, writer, reviewer):
    published(question, writer, reviewer)
    html = page(client, question)
    assert '<meta name="robots" content="noindex">' not in html
    assert '<meta name="description"' in html


@pytest.mark.parametrize(("role", "shown"), [(Role.MEMBER, False), (Role.MODERATOR, False),
                                            (Role.REVIEWER, True), (Role.ADMIN, True)])  # fmt: skip
def test_reviewers_and_admins_get_an_edit_link(app, make, question, role, shown):
    make.published_summary(question)
    html = (
        app.test_client(user=make.user(role=role))
        .get(f"/questions/{question.id}/{question.slug}")
        .get_data(as_text=True)
    )
    assert (f'href="/review/questions/{question.id}/summary">Edit summary</a>' in html) is shown


def test_the_summary_links_to_its_history(client, make, question):
    make.published_summary(question)
    assert f'href="/questions/{question.id}/summary/history">Revision history' in page(
        client, question
    )
