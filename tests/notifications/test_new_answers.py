"""A new published answer reaches exactly the members who follow it, once, in their words."""

from __future__ import annotations

from forum.accounts.models import AccountStatus
from forum.answers.models import AnswerStatus
from forum.database import db
from forum.notifications.models import EmailChoice, Follow, FollowLevel, NotificationKind
from forum.notifications.services import save_settings
from tests.notifications.helpers import Community, notifications_of, trusted


def new_answer_notices(user):
    return [n for n in notifications_of(user) if n.kind is NotificationKind.NEW_ANSWER]


def test_followers_hear_of_a_new_answer_once_and_the_author_not_at_all(app, make, outbox):
    place = Community(app, make)
    on_question, on_condition, on_both = place.member(), place.member(), place.member()
    place.follow(on_question)
    place.follow(on_condition, target=place.condition)
    place.follow(on_both)
    place.follow(on_both, target=place.condition)
    bystander = place.member()
    author = trusted(make, place.member(display_name="WrenHollow"))

    answer = place.answer(author)

    assert answer.status is AnswerStatus.PUBLISHED
    for follower in (on_question, on_condition, on_both):
        (notice,) = new_answer_notices(follower)
        assert notice.link == f"/answers/{answer.id}"
        assert "WrenHollow shared their experience on “What eased your spasms?”" in notice.message
    assert new_answer_notices(bystander) == []
    assert new_answer_notices(author) == []
    # The author now follows the question they answered.
    assert (
        db.session.scalar(db.select(Follow.level).where(Follow.user_id == author.id))
        is FollowLevel.EVERY_ANSWER
    )
    mailed = sorted(m["To"] for m in outbox.messages() if m["X-Forum-Template"] == "notification")
    assert mailed == sorted(u.email for u in (on_question, on_condition, on_both))


def test_a_choice_on_the_question_wins_over_the_condition(app, make):
    place = Community(app, make)
    muted, digest = place.member(), place.member()
    for member in (muted, digest):
        place.follow(member, target=place.condition)
    place.follow(muted, "off")
    place.follow(digest, "digest")
    place.answer(trusted(make, place.member()))
    assert new_answer_notices(muted) == [] and new_answer_notices(digest) == []


def test_a_held_answer_is_announced_when_a_moderator_approves_it(app, make, outbox):
    place = Community(app, make)
    follower = place.member()
    place.follow(follower)
    author = place.member()
    answer = place.answer(author)
    assert answer.status is AnswerStatus.PENDING
    assert new_answer_notices(follower) == []

    place.approve(answer)

    assert len(new_answer_notices(follower)) == 1
    (decision,) = [
        n for n in notifications_of(author) if n.kind is NotificationKind.ANSWER_DECISION
    ]
    assert "published" in decision.message
    # Hidden and restored later, it is not "new" again.
    client = place.client_of(place.moderator)
    client.post(f"/moderation/answers/{answer.id}/hide", data={"reason": "Checking a claim."})
    client.post(f"/moderation/answers/{answer.id}/restore", data={"reason": "Checked."})
    assert len(new_answer_notices(follower)) == 1


def test_anonymous_authors_stay_anonymous_in_notifications_and_mail(app, make, outbox):
    place = Community(app, make)
    follower = place.member()
    place.follow(follower)
    author = trusted(make, place.member(display_name="SecretSparrow"))
    place.answer(author, is_anonymous="y")
    (notice,) = new_answer_notices(follower)
    assert notice.message.startswith("A member shared")
    mail = outbox.last(follower.email)
    assert "SecretSparrow" not in mail.as_string()


def test_members_only_answers_reach_only_members_who_may_read_them(app, make):
    place = Community(app, make)
    confirmed = place.member()
    unconfirmed = place.member(email_verified_at=None)
    for member in (confirmed, unconfirmed):
        place.follow(member)
    place.answer(trusted(make, place.member()), visibility="members")
    assert len(new_answer_notices(confirmed)) == 1
    assert new_answer_notices(unconfirmed) == []


def test_no_mail_to_unconfirmed_suspended_banned_or_unwilling_members(app, make, outbox):
    place = Community(app, make)
    eager = place.member()
    unconfirmed = place.member(email_verified_at=None)
    suspended = place.member(status=AccountStatus.SUSPENDED)
    banned = place.member(status=AccountStatus.BANNED)
    daily = place.member()
    save_settings(daily, EmailChoice.DAILY, True)
    db.session.commit()
    for member in (eager, unconfirmed, suspended, banned, daily):
        place.follow(member) if member is not banned else None
    db.session.add(Follow(user_id=banned.id, question_id=place.question.id))
    db.session.commit()

    place.answer(trusted(make, place.member()))

    mailed = [m["To"] for m in outbox.messages() if m["X-Forum-Template"] == "notification"]
    assert mailed == [eager.email]
    assert new_answer_notices(banned) == []
    # On the site, those who can still sign in see it.
    for member in (unconfirmed, suspended, daily):
        assert len(new_answer_notices(member)) == 1


def test_every_mail_carries_one_click_unsubscribe(app, make, outbox):
    place = Community(app, make)
    follower = place.member()
    place.follow(follower)
    place.answer(trusted(make, place.member()))
    mail = outbox.last(follower.email)
    unsubscribe = mail["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://localhost/unsubscribe/") and unsubscribe.endswith(">")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    body = mail.get_content()
    assert unsubscribe[1:-1] in body
    assert "http://localhost/account/notifications/settings" in body
    assert follower.email not in body


def test_a_mail_server_that_fails_never_fails_the_request(app, make, monkeypatch):
    """The follower's mail is tried again later; the answer and the notification stand."""

    class RefusingSMTP:
        def __init__(self, *args, **kwargs):
            raise OSError("connection refused")

    monkeypatch.setattr("smtplib.SMTP", RefusingSMTP)
    app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="smtp.example.com", MAIL_PORT=25)
    place = Community(app, make)
    follower = place.member()
    place.follow(follower)
    answer = place.answer(trusted(make, place.member()))
    assert answer.status is AnswerStatus.PUBLISHED
    assert len(new_answer_notices(follower)) == 1
