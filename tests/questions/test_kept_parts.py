"""The question page keeps what reads the same for everyone (each card's facts and footer line,
the "what members report" panel) and must never show a kept part that is out of date, or one
drawn for another audience."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from forum.accounts.models import AccountStatus, Role
from forum.admin.services import TreatmentInput, update_treatment
from forum.answers.cards import CSRF_HOLE
from forum.answers.models import AnswerStatus, HelpfulVote, Outcome, Visibility
from forum.answers.services import AnswerDraft, TreatmentEntry, edit_answer
from forum.conditions.models import Perspective
from forum.database import db, utcnow
from forum.moderation.decisions import approve


@pytest.fixture
def baclofen_question(make):
    question = make.question()
    baclofen = make.treatment(question.condition, "Baclofen")
    return question, baclofen


def page(client, question) -> str:
    response = client.get(f"/questions/{question.id}/{question.slug}")
    assert response.status_code == 200
    # Each response has its own script nonce; everything else should match.
    return re.sub(r'nonce="[^"]*"', "", response.get_data(as_text=True))


def without_token_times(html: str) -> str:
    """A CSRF token is signed with the second it was made; keep only the session's own part."""
    return re.sub(r'(name="csrf_token" value="[^".]+)\.[^"]*"', r'\1"', html)


def report_table(html: str) -> str:
    return html[html.index('<section class="members-report"') : html.index('<div class="answers"')]


def test_a_second_reading_is_the_same_page_with_fewer_queries(app, make, count_queries):
    question = make.question()
    make.published_summary(question)
    treatments = [make.treatment(question.condition) for _ in range(3)]
    for n in range(5):
        make.answer(question, treatments=[(t, list(Outcome)[n % 4]) for t in treatments])
    client = app.test_client(user=make.user())

    with count_queries() as first:
        first_html = page(client, question)
    with count_queries() as second:
        second_html = page(client, question)

    assert without_token_times(second_html) == without_token_times(first_html)
    # The cards' treatment reports, the grouped figures and the summary: all kept.
    assert second.count == first.count - 3
    later = " ".join(second.statements)
    assert "treatment_reports" not in later and "summary_revisions" not in later


def test_an_edit_shows_at_once(app, make, baclofen_question):
    question, baclofen = baclofen_question
    author = make.user()
    answer = make.answer(question, author, treatments=[(baclofen, Outcome.HELPED_A_LOT)])
    client = app.test_client(user=make.user())
    assert "Baclofen" in page(client, question)

    other = make.treatment(question.condition, "Gabapentin")
    draft = AnswerDraft(
        body="Gabapentin at night, after baclofen stopped helping me.",
        perspective=Perspective.PATIENT,
        treatments=[TreatmentEntry(outcome=Outcome.MADE_IT_WORSE, treatment_id=other.id)],
    )
    edit_answer(answer, author, draft, expected_version=answer.version)
    db.session.commit()

    html = page(client, question)
    card = html[html.index(f'id="answer-{answer.id}"') :]
    assert "Gabapentin" in card and "Made it worse" in card and "edited" in card


def test_a_helpful_vote_shows_at_once(app, make, baclofen_question):
    question, baclofen = baclofen_question
    answer = make.answer(question, treatments=[(baclofen, Outcome.HELPED_A_LOT)])
    reader = app.test_client(user=make.user())
    assert "0 people found this helpful" in page(reader, question)

    voter = app.test_client(user=make.user())
    assert voter.post(f"/answers/{answer.id}/helpful", data={"vote": "on"}).status_code == 302

    assert "1 person found this helpful" in page(reader, question)


def test_a_renamed_treatment_shows_at_once_on_cards_and_in_the_report(app, make, baclofen_question):
    question, baclofen = baclofen_question
    for _ in range(3):
        make.answer(question, treatments=[(baclofen, Outcome.HELPED_A_LOT)])
    client = app.test_client(user=make.user())
    assert page(client, question).count("Baclofen") >= 4

    update_treatment(make.user(role=Role.ADMIN), baclofen, TreatmentInput(name="Lioresal"))
    db.session.commit()

    html = page(client, question)
    assert "Baclofen" not in html
    assert html.count("Lioresal") >= 4


def test_an_approved_answer_counts_at_once_for_signed_in_readers(app, make, baclofen_question):
    question, baclofen = baclofen_question
    for _ in range(3):
        make.answer(question, treatments=[(baclofen, Outcome.HELPED_A_LOT)])
    waiting = make.answer(
        question, status=AnswerStatus.PENDING, treatments=[(baclofen, Outcome.MADE_IT_WORSE)]
    )
    client = app.test_client(user=make.user())
    assert "From 3 answers" in page(client, question)

    approve(waiting, make.user(role=Role.MODERATOR))
    db.session.commit()

    assert "From 4 answers" in page(client, question)


def test_members_only_answers_stay_out_of_the_signed_out_figures(app, make, baclofen_question):
    """A panel drawn for members (who count members-only answers) is never shown to a signed-out
    reader, in either order."""
    question, baclofen = baclofen_question
    for _ in range(3):
        make.answer(question, treatments=[(baclofen, Outcome.HELPED_A_LOT)])
    for _ in range(3):
        make.answer(
            question,
            visibility=Visibility.MEMBERS,
            treatments=[(baclofen, Outcome.HELPED_A_LOT)],
        )
    app.config["PAGE_CACHE_ENABLED"] = False  # the page cache is tested on its own
    member = app.test_client(user=make.user())
    reader = app.test_client()

    assert "From 6 answers" in report_table(page(member, question))
    assert "From 3 answers" in report_table(page(reader, question))
    assert "From 6 answers" in report_table(page(member, question))


def test_a_card_kept_for_a_member_never_shows_members_only_text_signed_out(app, make):
    """A suspended member may do with a card just what a signed-out reader may, yet may read
    members-only answers; the card's key must still tell them apart. A member who has not
    confirmed their address may not read them at all."""
    question = make.question()
    make.answer(
        question, body="Words meant for signed-in members only.", visibility=Visibility.MEMBERS
    )
    app.config["PAGE_CACHE_ENABLED"] = False  # the page cache is tested on its own
    until = utcnow() + timedelta(days=7)
    suspended = make.user(status=AccountStatus.SUSPENDED, suspended_until=until)
    words = "Words meant for signed-in members only."
    assert words in page(app.test_client(user=suspended), question)
    unconfirmed = app.test_client(user=make.user(email_verified_at=None))
    for reader in (app.test_client(), unconfirmed):
        assert words not in page(reader, question)


def test_a_card_kept_for_a_moderator_shows_no_staff_notes_to_a_member(app, make):
    question = make.question()
    make.answer(question, make.user(display_name="Hidden Name"), is_anonymous=True)
    moderator = app.test_client(user=make.user(role=Role.MODERATOR))
    assert "Hidden Name" in page(moderator, question)

    html = page(app.test_client(user=make.user()), question)
    assert "Hidden Name" not in html
    assert "Moderate<span" not in html


def test_each_member_gets_their_own_vote_state_and_csrf_token(app, make, baclofen_question):
    """Two members in the same position share kept cards, but never a token or a vote."""
    app.config["WTF_CSRF_ENABLED"] = True
    question, baclofen = baclofen_question
    answer = make.answer(question, treatments=[(baclofen, Outcome.HELPED_A_LOT)])
    voter, other = make.user(), make.user()
    db.session.add(HelpfulVote(user_id=voter.id, answer_id=answer.id))
    answer.helpful_count = 1
    db.session.commit()

    pages = [page(app.test_client(user=member), question) for member in (voter, other, voter)]
    tokens = [re.findall(r'name="csrf_token" value="([^"]+)"', html) for html in pages]
    pressed = [re.search(r'aria-pressed="(\w+)"', html).group(1) for html in pages]

    assert pressed == ["true", "false", "true"]
    assert all(len(set(found)) == 1 for found in tokens)  # one token per page
    assert tokens[0][0] != tokens[1][0]
    assert not any(CSRF_HOLE in html for html in pages)


def test_a_published_summary_shows_at_once_and_reviewers_keep_their_link(app, make):
    question = make.question()
    reviewer = make.reviewer()
    member = app.test_client(user=make.user())
    staff = app.test_client(user=reviewer)
    assert "is being prepared" in page(member, question)
    assert "Write the summary" in page(staff, question)

    make.published_summary(question, short_answer="Most people start with a muscle relaxant.")

    html = page(member, question)
    assert "Most people start with a muscle relaxant." in html
    assert "Edit summary" not in html
    assert "Edit summary" in page(staff, question)


def test_a_signed_out_reader_gets_no_session_cookie(client, make, baclofen_question):
    """Cards for signed-out readers hold no form, so no CSRF token (and no session) is made."""
    question, baclofen = baclofen_question
    make.answer(question, treatments=[(baclofen, Outcome.HELPED_A_LOT)])
    for _ in range(2):  # drawn, then kept
        response = client.get(f"/questions/{question.id}/{question.slug}")
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers


def test_an_answer_that_spells_the_token_hole_never_receives_a_token(app, make):
    """Only the card's own hidden field is filled in, never text a member wrote."""
    app.config["WTF_CSRF_ENABLED"] = True
    question = make.question()
    tricky = (
        f"Try [this link](https://example.org/?t={CSRF_HOLE}) or paste "
        f'`<input type="hidden" name="csrf_token" value="{CSRF_HOLE}">` and {CSRF_HOLE}.'
    )
    answer = make.answer(question, body=tricky)
    html = page(app.test_client(user=make.user()), question)
    (token,) = set(re.findall(r'<input type="hidden" name="csrf_token" value="([^"]+)">', html))
    card = html[html.index(f'id="answer-{answer.id}"') :]
    body = card[: card.index("answer__footer")]
    assert token not in body
    assert body.count(CSRF_HOLE) == 3  # the member's words, as they wrote them
