"""An anonymous answer's author appears nowhere a reader can see; members-only text stays inside."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from forum.accounts.models import ProfileVisibility, Role
from forum.answers.models import Answer, Outcome, TreatmentReport, Visibility
from forum.database import db
from tests.answers.helpers import answer_form


@pytest.fixture
def anonymous_answer(app, make):
    condition = make.condition("POTS")
    question = make.question(condition)
    author = make.user(
        display_name="SecretWillow",
        email="willow@example.com",
        bio="Gardener.",
        bio_visibility=ProfileVisibility.EVERYONE,
    )
    make.membership(author, condition)
    app.test_client(user=author).post(
        f"/questions/{question.id}/answer", data=answer_form(is_anonymous="y")
    )
    answer = db.session.scalar(select(Answer))
    assert answer.is_anonymous
    return question, answer, author


def reader_pages(client, question, answer) -> list[str]:
    paths = [
        f"/questions/{question.id}/{question.slug}",
        f"/answers/{answer.id}",
        f"/conditions/{question.condition.id}/{question.condition.slug}",
        "/",
    ]
    return [client.get(path).get_data(as_text=True) for path in paths]


def test_readers_never_see_who_wrote_an_anonymous_answer(app, make, anonymous_answer):
    question, answer, _author = anonymous_answer
    for client in (app.test_client(), app.test_client(user=make.user())):
        for html in reader_pages(client, question, answer):
            assert "SecretWillow" not in html and "secretwillow" not in html
            assert "willow@example.com" not in html
            assert "/members/SecretWillow" not in html
    assert "A member with POTS" in reader_pages(app.test_client(), question, answer)[0]


def test_the_authors_profile_lists_signed_answers_but_not_the_anonymous_one(
    app, make, anonymous_answer
):
    question, _, author = anonymous_answer
    signed = make.answer(
        make.question(question.condition, title="How do you pace your day?"), author
    )
    html = app.test_client().get("/members/SecretWillow").get_data(as_text=True)
    assert "How do you pace your day?" in html and f"/answers/{signed.id}" in html
    assert question.title not in html


def test_other_members_exports_hold_nothing_of_the_anonymous_answer(app, make, anonymous_answer):
    other = make.user()
    data = app.test_client(user=other).post("/account/export").get_data(as_text=True)
    assert "SecretWillow" not in data and json.loads(data)["answers"] == []


def test_moderators_still_see_the_account(app, make, anonymous_answer):
    question, _, _ = anonymous_answer
    moderator = app.test_client(user=make.user(role=Role.MODERATOR))
    html = moderator.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "posted anonymously by SecretWillow" in html


def test_members_only_text_never_reaches_signed_out_readers(app, make):
    condition = make.condition()
    question = make.question(condition)
    author = make.user()
    make.membership(author, condition)
    secret = "Only signed-in members should read these words about my diagnosis."
    app.test_client(user=author).post(
        f"/questions/{question.id}/answer", data=answer_form(body=secret, visibility="members")
    )
    answer = db.session.scalar(select(Answer))
    for html in reader_pages(app.test_client(), question, answer):
        assert "Only signed-in members" not in html
    permalink = app.test_client().get(f"/answers/{answer.id}").get_data(as_text=True)
    assert "signed-in members only" in permalink
    assert '<meta name="robots" content="noindex">' in permalink
    signed_in = app.test_client(user=make.user())
    assert secret in signed_in.get(f"/answers/{answer.id}").get_data(as_text=True)


def test_a_members_only_answer_shows_signed_out_readers_nothing_but_a_count(app, make):
    """Its treatments, outcomes and side effects are the member's health as much as its text."""
    condition = make.condition("POTS")
    question = make.question(condition)
    salt = make.treatment(condition, "Salt tablets")
    answer = make.answer(
        question,
        make.user(display_name="QuietFern"),
        body="Words for members only about my fainting spells.",
        visibility=Visibility.MEMBERS,
        treatments=[(salt, Outcome.MADE_IT_WORSE)],
    )
    answer.treatment_reports[0].side_effects = "swollen ankles"
    answer.treatment_reports.append(
        TreatmentReport(other_name="Compression tights", outcome=Outcome.HELPED_A_LOT, position=1)
    )
    db.session.commit()
    private = ("QuietFern", "fainting spells", "swollen ankles", "Compression tights",
               "Made it worse")  # fmt: skip
    unconfirmed = app.test_client(user=make.user(email_verified_at=None))
    for reader in (app.test_client(), unconfirmed):
        page = reader.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
        listing = page.split('id="answers"')[1]
        assert "1 more answer is shared with signed-in members only" in listing
        permalink = reader.get(f"/answers/{answer.id}").get_data(as_text=True)
        assert "share their answer with signed-in members only" in permalink
        for words in private:
            assert words not in listing and words not in permalink, words
    member_page = app.test_client(user=make.user()).get(f"/answers/{answer.id}")
    assert all(words in member_page.get_data(as_text=True) for words in private)


def test_a_profile_never_names_a_hidden_question(app, make):
    condition = make.condition()
    shown = make.question(condition, title="How do you pace your week?")
    hidden = make.question(condition, title="A question an admin took down for privacy")
    author = make.user(display_name="OpenOak")
    for question in (shown, hidden):
        make.answer(question, author)
    admin = app.test_client(user=make.user(role=Role.ADMIN))
    admin.post(
        f"/admin/questions/{hidden.id}/edit",
        data={"title": hidden.title, "slug": hidden.slug, "status": "hidden"},
    )
    for reader in (app.test_client(), app.test_client(user=make.user())):
        profile = reader.get("/members/OpenOak").get_data(as_text=True)
        assert "How do you pace your week?" in profile
        assert "took down for privacy" not in profile
