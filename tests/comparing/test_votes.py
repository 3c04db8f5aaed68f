"""Helpful votes: one per confirmed member per answer, never on one's own, counted with the vote."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from forum.accounts.models import AccountStatus, Role
from forum.answers.models import Answer, AnswerStatus, HelpfulVote
from forum.comparing.votes import set_helpful_vote
from forum.core.errors import ForumError
from forum.database import db, utcnow
from tests.conftest import on_postgres

JSON = {"Accept": "application/json"}


@pytest.fixture
def answer(make):
    return make.answer(make.question(), make.user(display_name="Author"))


def votes_on(answer: Answer) -> tuple[int, int]:
    """The stored count and the number of vote rows: they must always agree."""
    db.session.expire_all()
    rows = db.session.scalar(
        select(func.count()).select_from(HelpfulVote).where(HelpfulVote.answer_id == answer.id)
    )
    return db.session.get(Answer, answer.id).helpful_count, rows


def test_a_member_marks_an_answer_as_helpful_and_takes_it_back(app, make, answer):
    client = app.test_client(user=make.user())
    response = client.post(f"/answers/{answer.id}/helpful", data={"vote": "on"}, headers=JSON)
    assert response.status_code == 200
    assert response.json == {
        "voted": True,
        "helpful_count": 1,
        "helpful_text": "1 person found this helpful",
        "message": "You marked this answer as helpful.",
    }
    assert votes_on(answer) == (1, 1)

    response = client.post(f"/answers/{answer.id}/helpful", data={"vote": "off"}, headers=JSON)
    assert response.json["voted"] is False
    assert response.json["helpful_count"] == 0
    assert votes_on(answer) == (0, 0)


def test_two_quick_clicks_count_once(app, make, answer):
    """A double click sends the same request twice: both say "on", so the second changes
    nothing, in the count or in the rows."""
    client = app.test_client(user=make.user())
    first = client.post(f"/answers/{answer.id}/helpful", data={"vote": "on"}, headers=JSON)
    second = client.post(f"/answers/{answer.id}/helpful", data={"vote": "on"}, headers=JSON)
    assert first.json["helpful_count"] == second.json["helpful_count"] == 1
    assert votes_on(answer) == (1, 1)
    for _ in range(2):
        client.post(f"/answers/{answer.id}/helpful", data={"vote": "off"}, headers=JSON)
    assert votes_on(answer) == (0, 0)


def test_the_service_reports_whether_anything_changed(app, make, answer):
    voter = make.user()
    assert set_helpful_vote(answer, voter, True).changed
    assert not set_helpful_vote(answer, voter, True).changed  # already there: nothing inserted
    db.session.commit()
    assert votes_on(answer) == (1, 1)
    assert set_helpful_vote(answer, voter, False).changed
    assert not set_helpful_vote(answer, voter, False).changed
    db.session.commit()
    assert votes_on(answer) == (0, 0)


def test_votes_from_different_members_add_up(app, make, answer):
    for _ in range(3):
        app.test_client(user=make.user()).post(f"/answers/{answer.id}/helpful", data={"vote": "on"})
    assert votes_on(answer) == (3, 3)


@pytest.mark.skipif(not on_postgres(), reason="needs a database that serves two connections")
def test_two_requests_at_the_same_moment_count_once(app, make, answer):
    voter = make.user()
    start = threading.Barrier(2)
    statuses = []

    path = f"/answers/{answer.id}/helpful"
    voter.get_id()  # loaded here, so the threads never touch this test's session

    def click():
        with app.app_context():  # each thread has its own session, so its own connection
            client = app.test_client(user=voter)
            start.wait()
            statuses.append(client.post(path, data={"vote": "on"}, headers=JSON).status_code)

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200, 200]
    assert votes_on(answer) == (1, 1)


def test_members_cannot_vote_on_their_own_answer(app, answer):
    client = app.test_client(user=answer.author)
    response = client.post(f"/answers/{answer.id}/helpful", data={"vote": "on"}, headers=JSON)
    assert response.status_code == 403
    assert response.json["message"] == "You can't mark your own answer as helpful."
    assert votes_on(answer) == (0, 0)
    with pytest.raises(ForumError):
        set_helpful_vote(answer, answer.author, True)


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"email_verified_at": None}, "Please confirm your email address"),
        (
            {"status": AccountStatus.SUSPENDED, "suspended_until": utcnow() + timedelta(days=3)},
            "can't mark answers as helpful",
        ),
        ({"status": AccountStatus.BANNED}, "sign in"),  # a banned account is signed out
    ],
    ids=["unconfirmed", "suspended", "banned"],
)
def test_only_confirmed_members_in_good_standing_vote(app, make, answer, fields, message):
    client = app.test_client(user=make.user(**fields))
    response = client.post(f"/answers/{answer.id}/helpful", data={"vote": "on"}, headers=JSON)
    assert response.status_code in (403, 401)
    assert message in response.json["message"]
    assert votes_on(answer) == (0, 0)


def test_signed_out_readers_are_asked_to_sign_in(client, answer):
    response = client.post(f"/answers/{answer.id}/helpful", data={"vote": "on"})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/sign-in?next=")
    response = client.post(f"/answers/{answer.id}/helpful", data={"vote": "on"}, headers=JSON)
    assert response.status_code == 401
    assert response.json["message"] == "Please sign in to mark answers as helpful."
    assert votes_on(answer) == (0, 0)


@pytest.mark.parametrize("status", [AnswerStatus.HIDDEN, AnswerStatus.PENDING,
                                    AnswerStatus.DELETED])  # fmt: skip
def test_unpublished_answers_take_no_votes(app, make, status):
    answer = make.answer(make.question(), status=status)
    member = app.test_client(user=make.user())
    assert member.post(f"/answers/{answer.id}/helpful", data={"vote": "on"}).status_code == 404
    moderator = app.test_client(user=make.user(role=Role.MODERATOR))
    response = moderator.post(f"/answers/{answer.id}/helpful", data={"vote": "on"}, headers=JSON)
    assert response.status_code == 403
    assert response.json["message"] == "Only published answers can be marked as helpful."
    assert votes_on(answer) == (0, 0)


@pytest.mark.parametrize("data", [{}, {"vote": "toggle"}, {"vote": "yes"}])
def test_the_form_must_say_on_or_off(app, make, answer, data):
    client = app.test_client(user=make.user())
    assert client.post(f"/answers/{answer.id}/helpful", data=data, headers=JSON).status_code == 400
    assert votes_on(answer) == (0, 0)


def test_unknown_answers_are_404(app, make):
    client = app.test_client(user=make.user())
    assert client.post("/answers/999999/helpful", data={"vote": "on"}).status_code == 404


def test_without_javascript_the_member_returns_to_the_same_view(app, make, answer):
    question = answer.question
    client = app.test_client(user=make.user())
    back = f"/questions/{question.id}/{question.slug}?sort=newest&page=2"
    response = client.post(f"/answers/{answer.id}/helpful", data={"vote": "on", "next": back})
    assert response.status_code == 302
    assert response.headers["Location"] == f"{back}#answer-{answer.id}"
    html = client.get(back, follow_redirects=True).get_data(as_text=True)
    assert "You marked this answer as helpful." in html


def test_a_next_address_off_the_site_is_ignored(app, make, answer):
    client = app.test_client(user=make.user())
    response = client.post(
        f"/answers/{answer.id}/helpful", data={"vote": "on", "next": "//evil.example/"}
    )
    question = answer.question
    assert response.headers["Location"] == (
        f"/questions/{question.id}/{question.slug}#answer-{answer.id}"
    )


def test_the_button_shows_the_members_own_state(app, make):
    question = make.question()
    voted, other = make.answer(question), make.answer(question)
    member = make.user()
    db.session.add(HelpfulVote(user_id=member.id, answer_id=voted.id))
    db.session.commit()
    html = app.test_client(user=member).get(f"/questions/{question.id}/{question.slug}")
    html = html.get_data(as_text=True)
    card = html[html.index(f'id="answer-{voted.id}"') :]
    card = card[: card.index("</article>")]
    assert '<input type="hidden" name="vote" value="off">' in card
    assert 'aria-pressed="true"' in card
    card = html[html.index(f'id="answer-{other.id}"') :]
    card = card[: card.index("</article>")]
    assert '<input type="hidden" name="vote" value="on">' in card
    assert 'aria-pressed="false"' in card


def test_no_button_for_signed_out_readers_or_on_ones_own_answer(app, make, answer):
    question = answer.question
    path = f"/questions/{question.id}/{question.slug}"
    assert "aria-pressed" not in app.test_client().get(path).get_data(as_text=True)
    assert "aria-pressed" not in app.test_client(user=answer.author).get(path).get_data(
        as_text=True
    )
    assert "aria-pressed" in app.test_client(user=make.user()).get(path).get_data(as_text=True)


def test_votes_are_rate_limited_per_member(app, make, answer):
    app.config["RATELIMIT_HELPFUL_VOTES"] = "3 per minute"
    client = app.test_client(user=make.user())
    codes = [
        client.post(f"/answers/{answer.id}/helpful", data={"vote": vote}).status_code
        for vote in ("on", "off", "on", "off")
    ]
    assert codes == [302, 302, 302, 429]
    other = app.test_client(user=make.user())
    assert other.post(f"/answers/{answer.id}/helpful", data={"vote": "on"}).status_code == 302


def test_votes_need_the_csrf_token(app, make, answer):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client(user=make.user())
    response = client.post(f"/answers/{answer.id}/helpful", data={"vote": "on"})
    assert response.status_code == 400
    assert votes_on(answer) == (0, 0)
