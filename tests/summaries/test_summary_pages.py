from __future__ import annotations

from sqlalchemy import select

from forum.database import db
from forum.flags.models import Flag, FlagReason


def test_history_lists_every_published_revision_newest_first(client, make):
    question = make.question()
    reviewer = make.reviewer("Dr Lin Example", credentials="MD", specialty="neurology")
    make.published_summary(question, reviewer=reviewer, change_note="First publication.")
    make.published_summary(question, reviewer=reviewer, change_note="Added newer evidence.")
    html = client.get(f"/questions/{question.id}/summary/history").get_data(as_text=True)
    assert html.find("Added newer evidence.") < html.find("First publication.")
    assert html.count("Medically reviewed by Dr Lin Example, MD, neurology") == 2


def test_reporting_a_problem_needs_a_signed_in_reader(client, make):
    question = make.question()
    make.published_summary(question)
    response = client.post(f"/questions/{question.id}/summary/report", data={"note": "x" * 20})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/sign-in?next=")
    assert db.session.scalar(select(Flag)) is None


def test_a_signed_in_reader_can_report_a_problem(app, make):
    question = make.question()
    make.published_summary(question)
    reader = make.user()
    client = app.test_client(user=reader)
    response = client.post(
        f"/questions/{question.id}/summary/report",
        data={"note": "The second reference link no longer works."},
    )
    assert response.status_code == 302
    flag = db.session.scalar(select(Flag))
    assert flag.reason is FlagReason.SUMMARY_ERROR
    assert flag.reporter_id == reader.id
    assert flag.summary.question_id == question.id


def test_a_report_that_is_too_short_is_re_shown_with_a_message(app, make):
    question = make.question()
    make.published_summary(question)
    client = app.test_client(user=make.user())
    response = client.post(f"/questions/{question.id}/summary/report", data={"note": "bad"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Field must be between 10 and 2000 characters long." in html
    assert "bad</textarea>" in html
    assert db.session.scalar(select(Flag)) is None
