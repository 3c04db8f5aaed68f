"""Who may answer, the structured form, preview, the privacy check and one answer per member."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from forum.accounts.models import AccountStatus
from forum.answers.models import Answer, Outcome, TimeSinceDiagnosis, Visibility
from forum.answers.services import AlreadyAnsweredError, AnswerDraft, submit_answer
from forum.conditions.models import Perspective
from forum.database import db, utcnow
from forum.questions.models import QuestionStatus
from tests.answers.helpers import BODY, answer_form


@pytest.fixture
def community(make):
    condition = make.condition("Stiff Person Syndrome")
    question = make.question(condition, title="What are the primary treatments?")
    baclofen = make.treatment(condition, "Baclofen")
    member = make.user(display_name="QuietOak")
    make.membership(member, condition)
    return condition, question, baclofen, member


def answers_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Answer))


def test_a_member_posts_an_answer_with_structured_details(app, community):
    _condition, question, baclofen, member = community
    client = app.test_client(user=member)
    data = answer_form(
        treatments=[
            (
                baclofen.id,
                "helped_somewhat",
                {"side_effects": "Drowsy at first", "still_using": "yes"},
            ),
            ("other", "no_change", {"other_name": "Warm baths"}),
        ],
        perspective="caregiver",
        time_since_diagnosis="3_to_5_years",
        is_anonymous="",
    )
    response = client.post(f"/questions/{question.id}/answer", data=data)
    assert response.status_code == 302
    answer = db.session.scalar(select(Answer))
    assert answer.perspective is Perspective.CAREGIVER
    assert answer.time_since_diagnosis is TimeSinceDiagnosis.YEARS_3_TO_5
    reports = answer.treatment_reports
    assert [(r.name, r.outcome, r.side_effects, r.still_using) for r in reports] == [
        ("Baclofen", Outcome.HELPED_SOMEWHAT, "Drowsy at first", True),
        ("Warm baths", Outcome.NO_CHANGE, "", None),
    ]
    assert question.answer_count == 1 and member.approved_answer_count == 1

    html = app.test_client().get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    for shown in (
        "QuietOak",
        "Caregiver",
        "Diagnosed 3 to 5 years ago",
        "Baclofen",
        "Helped somewhat",
        "Side effects: Drowsy at first",
        "still using",
        "Warm baths",
        "No change",
        "heat packs help",
    ):
        assert shown in html, shown


def test_hostile_markdown_through_the_form_is_stored_safe(app, community):
    _, question, _, member = community
    hostile = (
        "I tried this <script>alert(1)</script> and [click](javascript:alert(1)) "
        "<img src=x onerror=alert(1)> then **it helped**."
    )
    app.test_client(user=member).post(
        f"/questions/{question.id}/answer", data=answer_form(body=hostile)
    )
    answer = db.session.scalar(select(Answer))
    assert answer.body == hostile  # the member's words are kept as written
    assert "<script" not in answer.body_html and "<img" not in answer.body_html
    assert 'href="javascript' not in answer.body_html
    assert "<strong>it helped</strong>" in answer.body_html


@pytest.mark.parametrize(
    ("setup", "message", "step"),
    [
        ("signed_out", "can share their experience here", "Sign in or join the forum"),
        ("unconfirmed", "confirm your email address", "Send the confirmation link again"),
        (
            "not_member",
            "come from members of the Stiff Person Syndrome community",
            "Join the Stiff Person Syndrome community",
        ),
        ("suspended", "Your account is suspended until", None),
        ("closed", "closed to new answers", None),
    ],
)
def test_everyone_else_learns_why_and_the_one_step_that_would_help(
    app, make, community, setup, message, step
):
    condition, question, _, member = community
    user = member
    if setup == "unconfirmed":
        user = make.user(email_verified_at=None)
        make.membership(user, condition)
    elif setup == "not_member":
        user = make.user()
    elif setup == "suspended":
        member.status = AccountStatus.SUSPENDED
        member.suspended_until = utcnow() + timedelta(days=7)
    elif setup == "closed":
        question.status = QuestionStatus.CLOSED
    db.session.commit()
    client = app.test_client() if setup == "signed_out" else app.test_client(user=user)
    page = client.get(f"/questions/{question.id}/answer").get_data(as_text=True)
    assert message in page
    if step:
        assert step in page
    question_page = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert message in question_page
    response = client.post(f"/questions/{question.id}/answer", data=answer_form())
    assert response.status_code == 403
    assert answers_count() == 0


def test_one_answer_per_member_a_second_attempt_leads_to_editing(app, community):
    _, question, _, member = community
    client = app.test_client(user=member)
    client.post(f"/questions/{question.id}/answer", data=answer_form())
    again = client.post(f"/questions/{question.id}/answer", data=answer_form(body="x" * 30))
    assert again.status_code == 302
    assert again.headers["Location"].endswith("/edit")
    assert answers_count() == 1
    assert question.answer_count == 1


def test_the_database_refuses_a_second_answer_even_if_a_check_is_skipped(community):
    _, question, _, member = community
    draft = AnswerDraft(body=BODY, perspective=Perspective.PATIENT)
    submit_answer(question, member, draft)
    db.session.commit()
    with pytest.raises(AlreadyAnsweredError):
        submit_answer(question, member, draft)
    db.session.rollback()
    db.session.add(
        Answer(question_id=question.id, author_id=member.id, body=BODY, body_html="<p>x</p>")
    )
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_preview_without_javascript_shows_the_rendered_text_and_saves_nothing(app, community):
    _, question, _, member = community
    response = app.test_client(user=member).post(
        f"/questions/{question.id}/answer",
        data=answer_form(body="Some **bold** words <script>x</script> here.", action="preview"),
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<strong>bold</strong>" in html and "<script>x</script>" not in html
    assert answers_count() == 0


def test_the_instant_preview_uses_the_same_sanitiser(app, community):
    member = community[3]
    response = app.test_client(user=member).post(
        "/answers/preview", data={"body": "*hi* <iframe src=x></iframe>"}
    )
    assert response.json["html"] == "<p><em>hi</em> &lt;iframe src=x&gt;&lt;/iframe&gt;</p>\n"


def test_the_privacy_check_warns_once_then_lets_the_member_decide(app, community):
    _, question, _, member = community
    client = app.test_client(user=member)
    body = "You can write to me at quiet.oak@example.com about baclofen."
    first = client.post(f"/questions/{question.id}/answer", data=answer_form(body=body))
    html = first.get_data(as_text=True)
    assert first.status_code == 200
    assert "looks like an email address" in html
    assert answers_count() == 0
    second = client.post(
        f"/questions/{question.id}/answer", data=answer_form(body=body, privacy_checked="1")
    )
    assert second.status_code == 302
    assert answers_count() == 1


@pytest.mark.parametrize(
    ("treatments", "message"),
    [
        ([("other", "helped_a_lot", {})], "Please name the treatment."),
        ([("TREATMENT", "", {})], "Please say how it went."),
        ([(99999, "helped_a_lot", {})], "Please choose treatments from the list."),
        (
            [("TREATMENT", "no_change", {}), ("TREATMENT", "helped_a_lot", {})],
            "Each treatment can be listed once.",
        ),
        (
            [
                ("other", "no_change", {"other_name": "Yoga"}),
                ("other", "helped_a_lot", {"other_name": " yoga "}),
            ],
            "Each treatment can be listed once.",
        ),
    ],
)
def test_treatment_rows_are_checked_with_clear_messages(app, community, treatments, message):
    _, question, baclofen, member = community
    rows = [(baclofen.id if t == "TREATMENT" else t, o, e) for t, o, e in treatments]
    response = app.test_client(user=member).post(
        f"/questions/{question.id}/answer", data=answer_form(treatments=rows)
    )
    assert message in response.get_data(as_text=True)
    assert answers_count() == 0


def test_a_short_text_is_refused_and_what_was_typed_is_kept(app, community):
    _, question, _, member = community
    response = app.test_client(user=member).post(
        f"/questions/{question.id}/answer", data=answer_form(body="Too short")
    )
    html = response.get_data(as_text=True)
    assert "Field must be between 20 and 10000 characters long." in html
    assert "Too short</textarea>" in html


def test_the_form_offers_the_condition_vocabulary_and_defaults_the_perspective(app, make):
    condition = make.condition()
    question = make.question(condition)
    make.treatment(condition, "Gentle stretching")
    member = make.user()
    make.membership(member, condition, relation=Perspective.CAREGIVER)
    client = app.test_client(user=member)
    question_page = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert f'href="/questions/{question.id}/answer">Write your answer</a>' in question_page
    html = client.get(f"/questions/{question.id}/answer").get_data(as_text=True)
    assert "Gentle stretching" in html and "Other (type its name)" in html
    assert re.search(r'<input checked[^>]*value="caregiver"', html)


def test_members_only_answers_are_stored_as_such(app, community):
    _, question, _, member = community
    app.test_client(user=member).post(
        f"/questions/{question.id}/answer", data=answer_form(visibility="members")
    )
    assert db.session.scalar(select(Answer)).visibility is Visibility.MEMBERS
