"""Readers report a problem; reviewers reply; the reader sees the reply."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from forum.accounts.models import AccountStatus, Role
from forum.audit.models import ModerationAction
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.flags.models import Flag, FlagReason, FlagStatus
from forum.summaries import reports
from tests.summaries.helpers import client_as


@pytest.fixture
def summarised(make):
    question = make.question(title="How is it diagnosed?")
    make.published_summary(question)
    return question


def only_flag() -> Flag:
    return db.session.scalar(select(Flag))


def test_a_report_goes_round_trip_from_reader_to_reviewer_and_back(app, make, summarised):
    reader = make.user(display_name="CarefulReader")
    response = client_as(app, reader).post(
        f"/questions/{summarised.id}/summary/report",
        data={"reason": "summary_broken_reference", "note": "Reference 1 leads to a 404 page."},
    )
    assert response.status_code in (302, 303)
    flag = only_flag()
    assert flag.reason is FlagReason.SUMMARY_BROKEN_REFERENCE
    assert flag.status is FlagStatus.OPEN

    reviewer = make.reviewer()
    reviewer_client = client_as(app, reviewer)
    dashboard = reviewer_client.get("/review/").get_data(as_text=True)
    assert "A reference or link does not work" in dashboard
    assert f'href="/review/reports/{flag.id}"' in dashboard
    page = reviewer_client.get(f"/review/reports/{flag.id}").get_data(as_text=True)
    assert "Reference 1 leads to a 404 page." in page and "CarefulReader" in page

    response = reviewer_client.post(
        f"/review/reports/{flag.id}",
        data={"outcome": "upheld", "note": "Thank you, we replaced the link."},
    )
    assert response.status_code in (302, 303)
    db.session.refresh(flag)
    assert flag.status is FlagStatus.UPHELD
    assert flag.resolver_id == reviewer.id and flag.resolved_at is not None

    mine = client_as(app, reader).get("/summary-reports").get_data(as_text=True)
    assert "Thank you, we replaced the link." in mine


def test_the_reporter_sees_the_reply_on_their_reports_page(app, make, summarised):
    reader, reviewer = make.user(), make.reviewer()
    flag = reports.report_problem(summarised, reader, FlagReason.SUMMARY_OUTDATED, "Old data.")
    db.session.commit()
    reports.resolve_report(flag, reviewer, FlagStatus.DISMISSED, "The data is still current.")
    db.session.commit()
    html = app.test_client(user=reader).get("/summary-reports").get_data(as_text=True)
    assert "How is it diagnosed?" in html
    assert "You wrote: Old data." in html
    assert "Checked; no change needed" in html
    assert "The data is still current." in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_report_that_is_still_open_says_so_and_others_reports_stay_private(app, make, summarised):
    reports.report_problem(summarised, make.user(), FlagReason.SUMMARY_UNCLEAR, "Hard words.")
    db.session.commit()
    html = app.test_client(user=make.user()).get("/summary-reports").get_data(as_text=True)
    assert "Hard words." not in html
    assert "You have not reported any problems" in html


def test_resolving_a_report_is_logged_for_the_reporter(make, summarised):
    reader, reviewer = make.user(), make.reviewer()
    flag = reports.report_problem(summarised, reader, FlagReason.SUMMARY_ERROR, "A wrong dose.")
    db.session.commit()
    reports.resolve_report(flag, reviewer, FlagStatus.UPHELD, "Corrected the dose.")
    db.session.commit()
    entry = db.session.scalar(
        select(ModerationAction).where(ModerationAction.action == "summary_report_answered")
    )
    assert entry.actor_id == reviewer.id and entry.subject_user_id == reader.id
    assert entry.before["status"] == "open" and entry.after["status"] == "upheld"
    assert entry.after["resolution_note"] == "Corrected the dose."


def test_a_report_is_resolved_once(make, summarised):
    flag = reports.report_problem(summarised, make.user(), FlagReason.SUMMARY_ERROR, "Wrong.")
    reports.resolve_report(flag, make.reviewer(), FlagStatus.UPHELD, "Fixed.")
    with pytest.raises(ForumError, match="already replied"):
        reports.resolve_report(flag, make.reviewer(), FlagStatus.DISMISSED, "Not fixed.")


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_only_reviewers_resolve_reports(app, make, summarised, role):
    flag = reports.report_problem(summarised, make.user(), FlagReason.SUMMARY_ERROR, "Wrong.")
    db.session.commit()
    with pytest.raises(ForumError, match="Only medical reviewers"):
        reports.resolve_report(flag, make.user(role=role), FlagStatus.UPHELD, "Fixed.")
    client = app.test_client(user=make.user(role=role))
    response = client.post(f"/review/reports/{flag.id}", data={"outcome": "upheld", "note": "x"})
    assert response.status_code == 403


def test_a_reply_is_needed_and_the_form_keeps_what_was_typed(app, make, summarised):
    flag = reports.report_problem(summarised, make.user(), FlagReason.SUMMARY_ERROR, "Wrong.")
    db.session.commit()
    client = app.test_client(user=make.reviewer())
    response = client.post(f"/review/reports/{flag.id}", data={"outcome": "nonsense", "note": ""})
    assert response.status_code == 200
    assert "Please write a reply." in response.get_data(as_text=True)
    db.session.refresh(flag)
    assert flag.status is FlagStatus.OPEN


def test_unknown_reports_and_answer_flags_are_404_on_the_reviewers_side(app, make, summarised):
    answer = make.answer(summarised)
    flag = Flag(answer=answer, reporter=make.user(), reason=FlagReason.SPAM)
    db.session.add(flag)
    db.session.commit()
    client = app.test_client(user=make.reviewer())
    assert client.get("/review/reports/424242").status_code == 404
    assert client.get(f"/review/reports/{flag.id}").status_code == 404


@pytest.mark.parametrize(
    "fields",
    [
        {"email_verified_at": None},
        {"status": AccountStatus.SUSPENDED, "suspended_until": utcnow() + timedelta(days=3)},
    ],
    ids=["unconfirmed-email", "suspended"],
)
def test_only_members_in_good_standing_report_problems(app, make, summarised, fields):
    client = app.test_client(user=make.user(**fields))
    response = client.post(
        f"/questions/{summarised.id}/summary/report",
        data={"reason": "summary_error", "note": "Something looks wrong here."},
    )
    assert response.status_code == 403
    assert "needs a confirmed email address" in response.get_data(as_text=True)
    assert only_flag() is None


def test_one_open_report_per_reader_per_summary(make, summarised):
    reader = make.user()
    reports.report_problem(summarised, reader, FlagReason.SUMMARY_ERROR, "First report.")
    with pytest.raises(ForumError, match="already have an open report"):
        reports.report_problem(summarised, reader, FlagReason.SUMMARY_OTHER, "Second report.")


def test_an_unknown_reason_is_shown_again_with_a_message(app, make, summarised):
    client = app.test_client(user=make.user())
    response = client.post(
        f"/questions/{summarised.id}/summary/report",
        data={"reason": "spam", "note": "This is a long enough note."},
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Not a valid choice" in html
    assert "This is a long enough note.</textarea>" in html
    assert only_flag() is None


def test_a_question_without_a_summary_cannot_be_reported(make):
    with pytest.raises(ForumError, match="no summary to report"):
        reports.report_problem(make.question(), make.user(), FlagReason.SUMMARY_ERROR, "Hm.")


def test_a_report_sent_twice_at_once_is_filed_once(make, summarised, monkeypatch):
    """Both requests pass the "already reported?" check before either commits: the database's
    unique index decides, and the second reader is told kindly."""
    question = summarised
    reader = make.user()
    reports.report_problem(question, reader, FlagReason.SUMMARY_ERROR, "The dose is wrong.")
    db.session.commit()
    monkeypatch.setattr(reports, "_open_report_by", lambda reporter, summary: None)
    with pytest.raises(ForumError, match="already have an open report"):
        reports.report_problem(question, reader, FlagReason.SUMMARY_ERROR, "The dose is wrong.")
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Flag)) == 1
