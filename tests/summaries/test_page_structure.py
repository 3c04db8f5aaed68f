"""Every summary and review page: one h1, headings in order, labelled fields, noindex if private."""

from __future__ import annotations

from datetime import timedelta

from forum.accounts.models import Role
from forum.database import db, utcnow
from forum.flags.models import FlagReason
from forum.summaries import reports
from tests.html_checks import assert_well_structured, hidden_value
from tests.summaries.helpers import client_as, published, submitted

NOINDEX = '<meta name="robots" content="noindex">'


def assert_pages_well_structured(client, paths, private: bool = True) -> None:
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        assert NOINDEX in html or not private, path
        assert_well_structured(html)


def test_reader_pages_are_well_structured(app, make, question, writer, reviewer):
    first = published(question, writer, reviewer)
    make.published_summary(question, body="A second **version** of the body.")
    first.summary.next_review_due = utcnow().date() - timedelta(days=1)
    reader = make.user()
    flag = reports.report_problem(question, reader, FlagReason.SUMMARY_UNCLEAR, "Too technical.")
    reports.resolve_report(flag, reviewer, reports.FlagStatus.UPHELD, "Simplified.")
    db.session.commit()
    profile_id = first.reviewer_profile.id
    paths = (
        f"/questions/{question.id}/{question.slug}",
        f"/questions/{question.id}/summary/history",
        f"/questions/{question.id}/summary/compare?from=1&to=2",
        f"/questions/{question.id}/summary/report",
        "/summary-reports",
        f"/reviewers/{profile_id}",
    )
    assert_pages_well_structured(client_as(app, reader), paths, private=False)


def test_review_pages_are_well_structured_and_kept_out_of_search(app, make, question, writer):
    draft = submitted(question, writer)
    draft.review_comments = "Earlier comments."
    flag_question = make.question()
    make.published_summary(flag_question)
    flag = reports.report_problem(flag_question, make.user(), FlagReason.SUMMARY_ERROR, "Wrong.")
    db.session.commit()
    paths = (
        "/review/",
        f"/review/questions/{flag_question.id}/summary",
        f"/review/revisions/{draft.id}",
        f"/review/reports/{flag.id}",
        "/review/profile",
    )
    assert_pages_well_structured(client_as(app, make.reviewer()), paths)


def test_admin_pages_are_well_structured(app, make):
    condition = make.condition()
    question = make.question(condition)
    treatment = make.treatment(condition)
    make.reviewer()
    paths = (
        "/admin/",
        f"/admin/conditions/{condition.id}",
        "/admin/conditions/new",
        f"/admin/conditions/{condition.id}/edit",
        f"/admin/conditions/{condition.id}/questions/new",
        f"/admin/questions/{question.id}/edit",
        f"/admin/conditions/{condition.id}/treatments/new",
        f"/admin/treatments/{treatment.id}/edit",
        "/admin/reviewers",
    )
    assert_pages_well_structured(client_as(app, make.user(role=Role.ADMIN)), paths)


def test_the_forms_work_with_csrf_protection_on(app, make, question, writer):
    app.config["WTF_CSRF_ENABLED"] = True
    draft = submitted(question, writer)
    client = client_as(app, make.reviewer())
    page = client.get(f"/review/revisions/{draft.id}").get_data(as_text=True)
    refused = client.post(
        f"/review/revisions/{draft.id}/return", data={"return-comments": "No token."}
    )
    assert refused.status_code == 400
    response = client.post(
        f"/review/revisions/{draft.id}/return",
        data={
            "return-csrf_token": hidden_value(page, "return-csrf_token"),
            "return-comments": "Please add the dose range.",
        },
    )
    assert response.status_code in (302, 303)
    db.session.refresh(draft)
    assert draft.review_comments == "Please add the dose range."
