"""The moderation log: append-only whatever the code path, filterable by moderators, and each
member sees the entries about their own content without the moderator's name."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, update

from forum.accounts.models import Role
from forum.accounts.roles import set_role
from forum.audit.log import AppendOnlyError, record_action
from forum.audit.models import ModerationAction
from forum.database import db, utcnow
from forum.moderation import decisions
from tests.moderation.conftest import log_entries, text_of
from tests.summaries.helpers import published as published_summary


@pytest.fixture
def entry(app):
    entry = record_action(None, "answer_held", "answer", 1, reason="First answers wait")
    db.session.commit()
    return entry


def test_an_entry_cannot_be_changed(entry):
    entry.reason = "Something else"
    with pytest.raises(AppendOnlyError):
        db.session.commit()
    db.session.rollback()
    assert log_entries()[0].reason == "First answers wait"


def test_an_entry_cannot_be_deleted(entry):
    db.session.delete(entry)
    with pytest.raises(AppendOnlyError):
        db.session.commit()
    db.session.rollback()
    assert len(log_entries()) == 1


@pytest.mark.parametrize(
    "statement",
    [update(ModerationAction).values(reason="rewritten"), delete(ModerationAction)],
    ids=["update", "delete"],
)
def test_bulk_statements_cannot_change_the_log_either(entry, statement):
    with pytest.raises(AppendOnlyError):
        db.session.execute(statement)
    db.session.rollback()
    assert log_entries()[0].reason == "First answers wait"


def test_role_changes_and_summary_decisions_are_on_the_log_page(app, community, make):
    member = community.member(display_name="RisingReed")
    set_role(community.admin, member, Role.MODERATOR, "Trusted for a year")
    question = make.question()
    published_summary(question, make.reviewer(), make.reviewer())
    db.session.commit()

    page = text_of(app.test_client(user=community.moderator).get("/moderation/log"))

    assert "Role changed" in page and "Trusted for a year" in page and "RisingReed" in page
    assert "Summary sent for review" in page and "Summary published" in page


def make_history(community):
    """Two moderators, two members, and decisions spread over three days."""
    other_moderator = community.make.user(role=Role.MODERATOR, display_name="ModBirch")
    alice, bob = community.member(display_name="Alice"), community.member(display_name="Bob")
    first = community.submit(alice)
    second = community.submit(bob)
    decisions.approve(first, community.moderator)
    decisions.reject(second, other_moderator, "Bob's answer was an advert")
    db.session.commit()
    entries = log_entries()
    for days_ago, logged in zip((3, 2, 1, 0), entries, strict=True):
        # Backdating for the test goes round the ORM guard on purpose, straight to SQL.
        db.session.connection().exec_driver_sql(
            "UPDATE moderation_actions SET created_at = ? WHERE id = ?"
            if db.engine.dialect.name == "sqlite"
            else "UPDATE moderation_actions SET created_at = %s WHERE id = %s",
            ((utcnow() - timedelta(days=days_ago)).replace(tzinfo=None), logged.id),
        )
    db.session.commit()
    db.session.expire_all()
    return other_moderator


@pytest.mark.parametrize(
    ("query", "shown", "not_shown"),
    [
        ("actor=ModBirch", "Bob's answer was an advert", "Answer approved"),
        ("actor=modmaple", "Answer approved", "Bob's answer was an advert"),
        ("action=answer_rejected", "Bob's answer was an advert", "Answer approved"),
        ("member=Alice", "Answer approved", "Bob's answer was an advert"),
        ("member=Bob", "Bob's answer was an advert", "Answer approved"),
        ("date_to={yesterday}", "Answer approved", "Bob's answer was an advert"),
        ("date_from={today}", "Bob's answer was an advert", "Answer approved"),
    ],
)
def test_the_log_filters_by_actor_action_member_and_date(app, community, query, shown, not_shown):
    make_history(community)
    today = utcnow().date()
    query = query.format(today=today, yesterday=today - timedelta(days=1))
    page = text_of(app.test_client(user=community.moderator).get(f"/moderation/log?{query}"))
    entries = page[page.index('<h2 id="entries-heading">') :]
    assert shown in entries and not_shown not in entries


def test_a_bad_filter_is_explained_not_a_server_error(app, community):
    response = app.test_client(user=community.moderator).get("/moderation/log?date_from=nonsense")
    assert response.status_code == 200 and "Not a valid date value" in text_of(response)


def test_the_log_is_paginated_and_keeps_its_filters(app, community):
    app.config["MODERATION_LOG_PAGE_SIZE"] = 2
    for number in range(5):
        record_action(community.moderator, "answer_hidden", "answer", number, reason=f"R{number}")
    db.session.commit()
    client = app.test_client(user=community.moderator)
    page = text_of(client.get("/moderation/log?action=answer_hidden"))
    assert "Page 1 of 3" in page and "page=2&action=answer_hidden" in page.replace("&amp;", "&")
    assert "R4" in text_of(client.get("/moderation/log?action=answer_hidden&page=1"))
    assert "R0" in text_of(client.get("/moderation/log?action=answer_hidden&page=3"))


def test_members_see_what_happened_to_their_content_but_not_who_did_it(app, community):
    member = community.member()
    answer = community.submit(member)
    decisions.reject(answer, community.moderator, "Please keep to your own experience")
    someone_else = community.member()
    decisions.reject(community.submit(someone_else), community.moderator, "Not about you")
    db.session.commit()

    page = text_of(app.test_client(user=member).get("/account/moderation"))

    assert "Answer held for review" in page and "Answer not published" in page
    assert "Please keep to your own experience" in page
    assert "Not about you" not in page
    assert community.moderator.display_name not in page
