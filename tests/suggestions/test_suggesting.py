"""A signed-in reader in good standing suggests a correction to a published summary."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from forum.accounts.models import AccountStatus
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.questions.models import QuestionStatus
from forum.suggestions.models import SuggestionStatus, SummarySuggestion
from forum.suggestions.services import decline_suggestion
from tests.suggestions.conftest import (
    PROPOSAL,
    PUBLISHED_BODY,
    PUBLISHED_SHORT_ANSWER,
    form_data,
    suggest,
)


def suggestion_count() -> int:
    return db.session.scalar(select(func.count()).select_from(SummarySuggestion))


def suggest_path(question) -> str:
    return f"/questions/{question.id}/summary/suggest"


def test_a_reader_suggests_a_correction_through_the_form(app, question, published, reader):
    client = app.test_client(user=reader)
    response = client.post(suggest_path(question), data=form_data())
    assert response.status_code == 302
    assert response.headers["Location"] == f"/questions/{question.id}/{question.slug}"
    suggestion = db.session.scalar(select(SummarySuggestion))
    assert suggestion.status is SuggestionStatus.OPEN
    assert suggestion.proposer_id == reader.id
    assert suggestion.summary_id == published.summary_id
    assert suggestion.base_revision_id == published.id
    assert suggestion.short_answer == PROPOSAL.short_answer
    assert suggestion.body == PROPOSAL.body
    assert suggestion.reason == PROPOSAL.reason
    assert (suggestion.source_title, suggestion.source_url) == (
        PROPOSAL.source_title,
        PROPOSAL.source_url,
    )
    page = html.unescape(client.get(f"/questions/{question.id}/{question.slug}").get_data(True))
    assert "A medical reviewer will read your suggestion" in page


def test_the_form_starts_from_the_published_words(app, question, published, reader):
    response = app.test_client(user=reader).get(suggest_path(question))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'name="short_answer" required rows="3">\r\n{PUBLISHED_SHORT_ANSWER}</textarea>' in page
    assert f'name="body" required rows="16">\r\n{html.escape(PUBLISHED_BODY)}</textarea>' in page
    assert '<meta name="robots" content="noindex">' in page
    assert page.count("<h1") == 1


def test_the_summary_panel_links_to_the_form_beside_the_problem_report(client, question, published):
    page = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    report = page.index("Report a problem with this summary</a>")
    link = page.index(f'<a href="{suggest_path(question)}">Suggest a correction</a>')
    assert 0 < report < link


def test_signed_out_readers_are_sent_to_sign_in(client, question, published):
    for response in (client.get(suggest_path(question)), client.post(suggest_path(question))):
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/auth/sign-in")
    assert suggestion_count() == 0


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"email_verified_at": None}, "confirm your email address before you suggest"),
        (
            {"status": AccountStatus.SUSPENDED, "suspended_until": utcnow() + timedelta(days=3)},
            "suspended",
        ),
    ],
    ids=["unconfirmed-email", "suspended"],
)
def test_only_readers_in_good_standing_suggest(app, make, question, published, fields, words):
    member = make.user(**fields)
    client = app.test_client(user=member)
    for response in (
        client.get(suggest_path(question)),
        client.post(suggest_path(question), data=form_data()),
    ):
        assert response.status_code == 403
        assert words in html.unescape(response.get_data(as_text=True))
    assert suggestion_count() == 0
    with pytest.raises(ForumError, match=words):
        suggest(question, member)


def test_a_question_without_a_published_summary_has_nothing_to_correct(app, make, reader):
    question = make.question()
    response = app.test_client(user=reader).get(suggest_path(question))
    assert response.status_code == 404
    assert "no published summary to correct yet" in response.get_data(as_text=True)
    with pytest.raises(ForumError, match="no published summary"):
        suggest(question, reader)


def test_hidden_and_unknown_questions_are_404(app, make, question, published, reader):
    question.status = QuestionStatus.HIDDEN
    db.session.commit()
    client = app.test_client(user=reader)
    assert client.get(suggest_path(question)).status_code == 404
    assert client.get("/questions/424242/summary/suggest").status_code == 404


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reason": "   "}, "Please tell the reviewers what is wrong or missing."),
        ({"source_title": ""}, "Please name your source."),
        ({"source_url": "javascript:alert(1)"}, "must start with https:// or http://"),
        ({"short_answer": "One. Two. Three sentences."}, "one or two sentences"),
        ({"body": ""}, "Please keep the summary."),
        ({"source_title": "x" * 301}, "Field cannot be longer than 300 characters."),
        ({"reason": "Dose\x00 is wrong"}, "invisible “null” character"),
    ],
    ids=["no-reason", "no-source", "script-link", "long-short-answer", "no-body", "long-title",
         "nul"],
)  # fmt: skip
def test_odd_or_missing_input_is_a_400_that_keeps_what_was_typed(
    app, question, published, reader, changes, message
):
    response = app.test_client(user=reader).post(suggest_path(question), data=form_data(**changes))
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert message in page
    kept = {**form_data(), **changes}
    for name in ("short_answer", "reason"):
        assert kept[name].replace("\x00", "\ufffd").strip() in page
    assert suggestion_count() == 0


def test_a_suggestion_that_changes_nothing_is_refused(app, question, published, reader):
    # The browser sends the prefilled words back with CR LF line breaks and stray spaces.
    unchanged = form_data(short_answer=f"  {PUBLISHED_SHORT_ANSWER} ", body=f"{PUBLISHED_BODY}\r\n")
    response = app.test_client(user=reader).post(suggest_path(question), data=unchanged)
    assert response.status_code == 400
    assert "leaves the short answer and the summary exactly as they are" in html.unescape(
        response.get_data(as_text=True)
    )
    with pytest.raises(ForumError, match="exactly as they are"):
        suggest(question, reader, short_answer=PUBLISHED_SHORT_ANSWER, body=PUBLISHED_BODY)
    assert suggestion_count() == 0


def test_line_breaks_are_stored_as_the_summary_stores_them(app, question, published, reader):
    body = "First paragraph.\r\n\r\n- a list item\r\n- another"
    app.test_client(user=reader).post(suggest_path(question), data=form_data(body=body))
    assert db.session.scalar(select(SummarySuggestion.body)) == (
        "First paragraph.\n\n- a list item\n- another"
    )


def test_a_second_open_suggestion_on_the_same_summary_is_refused(app, question, published, reader):
    first = suggest(question, reader)
    with pytest.raises(ForumError, match="already have a suggestion about this summary"):
        suggest(question, reader, reason="Another thought about the same summary.")
    client = app.test_client(user=reader)
    for response, code in (
        (client.get(suggest_path(question)), 200),
        (client.post(suggest_path(question), data=form_data()), 409),
    ):
        assert response.status_code == code
        page = response.get_data(as_text=True)
        assert "Your suggestion is waiting for a reviewer" in page
        assert f'href="/account/suggestions#suggestion-{first.id}"' in page
    assert suggestion_count() == 1


def test_others_and_decided_suggestions_do_not_stop_a_new_one(
    make, question, published, reader, reviewer
):
    suggest(question, make.user())
    earlier = suggest(question, reader)
    decline_suggestion(earlier, reviewer, "The guideline does not say that.")
    db.session.commit()
    again = suggest(question, reader, reason="I found the page in the guideline that says it.")
    assert again.status is SuggestionStatus.OPEN
    assert suggestion_count() == 3


def test_suggesting_is_rate_limited_per_member(app, make, reader):
    app.config["RATELIMIT_POSTING"] = "2 per hour"
    client = app.test_client(user=reader)
    questions = [make.question() for _ in range(3)]
    for question in questions:
        make.published_summary(question, short_answer=PUBLISHED_SHORT_ANSWER, body=PUBLISHED_BODY)
    refused = client.post(suggest_path(questions[0]), data=form_data(reason=""))
    assert refused.status_code == 400  # a form sent back with a mistake costs nothing
    codes = [client.post(suggest_path(q), data=form_data()).status_code for q in questions]
    assert codes == [302, 302, 429]
    assert suggestion_count() == 2
