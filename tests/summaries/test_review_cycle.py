"""Review dates, the calm overdue note, and the reviewers' dashboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from forum.accounts.models import Role
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.flags.models import Flag, FlagReason
from forum.questions.models import QuestionStatus
from forum.summaries import services
from forum.summaries.dashboard import reviewer_dashboard
from tests.summaries.helpers import submitted, write_draft

OVERDUE_NOTE = "This summary is due for its regular review."


def today() -> date:
    return utcnow().date()


def test_the_next_review_is_due_twelve_months_after_publication(question, writer, reviewer):
    revision = submitted(question, writer)
    services.publish_revision(revision, reviewer, "Reviewed.")
    assert revision.summary.next_review_due == today() + timedelta(days=365)


def test_the_review_interval_is_a_setting(app, question, writer, reviewer):
    app.config["REVIEW_INTERVAL_DAYS"] = 180
    revision = submitted(question, writer)
    services.publish_revision(revision, reviewer, "Reviewed.")
    assert revision.summary.next_review_due == today() + timedelta(days=180)


def test_a_reviewer_may_choose_the_next_review_date_but_not_one_in_the_past(
    question, writer, reviewer
):
    revision = submitted(question, writer)
    with pytest.raises(ForumError, match="in the future"):
        services.publish_revision(revision, reviewer, "Reviewed.", today())
    services.publish_revision(revision, reviewer, "Reviewed.", today() + timedelta(days=90))
    assert revision.summary.next_review_due == today() + timedelta(days=90)


def overdue_question(make, days_overdue: int = 3):
    question = make.question()
    revision = make.published_summary(question)
    revision.summary.next_review_due = today() - timedelta(days=days_overdue)
    db.session.commit()
    return question


def test_an_overdue_summary_shows_readers_a_calm_note(client, make):
    question = overdue_question(make)
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert OVERDUE_NOTE in html
    assert "it was accurate when it was last updated" in html


def test_a_summary_within_its_review_cycle_has_no_note(client, make):
    question = make.question()
    revision = make.published_summary(question)
    revision.summary.next_review_due = today()  # due today is not yet overdue
    db.session.commit()
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert OVERDUE_NOTE not in html


def test_the_overdue_note_costs_no_extra_queries(client, make, count_queries):
    on_time = make.question()
    make.published_summary(on_time)
    overdue = overdue_question(make)
    counts = []
    for question in (on_time, overdue):
        with count_queries() as counter:
            client.get(f"/questions/{question.id}/{question.slug}")
        counts.append(counter.count)
    assert counts[0] == counts[1]


def test_the_dashboard_sorts_summaries_into_overdue_and_due_soon(make):
    late = overdue_question(make)
    soon, later = make.question(), make.question()
    for question, days in ((soon, 10), (later, 200)):
        make.published_summary(question).summary.next_review_due = today() + timedelta(days=days)
    db.session.commit()
    board = reviewer_dashboard()
    assert [summary.question_id for summary in board.overdue] == [late.id]
    assert [summary.question_id for summary in board.due_soon] == [soon.id]


def test_the_dashboard_lists_drafts_reports_and_questions_still_without_a_summary(
    make, question, writer
):
    waiting = submitted(question, writer)
    other = make.question()
    in_progress = write_draft(other, writer)
    with_summary = make.question()
    make.published_summary(with_summary)
    make.question(status=QuestionStatus.HIDDEN)
    note = "The 2026 guideline is out."
    reason = FlagReason.SUMMARY_OUTDATED
    flag = Flag(summary=with_summary.summary, reporter=make.user(), reason=reason, note=note)
    db.session.add(flag)
    db.session.commit()

    board = reviewer_dashboard()
    assert [revision.id for revision in board.waiting_for_review] == [waiting.id]
    assert [revision.id for revision in board.in_progress] == [in_progress.id]
    assert [flag.note for flag in board.open_reports] == ["The 2026 guideline is out."]
    assert {q.id for q in board.without_summary} == {question.id, other.id}


def test_signed_out_visitors_must_sign_in_for_the_dashboard(client):
    assert client.get("/review/").headers["Location"].startswith("/auth/sign-in")


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_members_and_moderators_cannot_see_the_dashboard(app, make, role):
    assert app.test_client(user=make.user(role=role)).get("/review/").status_code == 403


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.ADMIN])
def test_the_dashboard_is_for_reviewers_and_admins_and_kept_out_of_search(app, make, role):
    response = app.test_client(user=make.user(role=role)).get("/review/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<meta name="robots" content="noindex">' in html
    assert html.count("<h1>") == 1
    assert "Drafts waiting for review" in html and "Overdue for review" in html


def test_the_dashboard_page_shows_each_table(app, make, question, writer):
    submitted(question, writer)
    overdue_question(make)
    html = app.test_client(user=make.reviewer()).get("/review/").get_data(as_text=True)
    assert '<th scope="col">Review due</th>' in html
    assert "What are the primary treatments?, draft version 1" in html
    assert "Waiting for review" in html
