"""Digests, and the fan-out in batches: the request that publishes an answer costs the same
whether ten thousand members follow the question or none."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update

from forum.accounts.models import AccountStatus
from forum.answers.models import Outcome
from forum.database import db, utcnow
from forum.notifications.digests import start_run
from forum.notifications.models import (
    EmailChoice,
    Follow,
    FollowLevel,
    Notification,
    NotificationKind,
    NotificationSettings,
)
from forum.notifications.services import save_settings
from tests.jobqueue import run_waiting_jobs
from tests.notifications.helpers import Community, notifications_of, trusted


def digests_to(outbox, user):
    return [m for m in outbox.messages(user.email) if m["X-Forum-Template"] == "digest"]


def test_a_weekly_digest_gathers_what_happened_once(app, make, outbox):
    place = Community(app, make)
    weekly = place.member(display_name="WeeklyWren")
    save_settings(weekly, EmailChoice.WEEKLY, True)
    db.session.commit()
    place.follow(weekly)  # every new answer: notified on the site, mailed in the digest
    other = make.question(place.condition, title="What helps with sleep?")
    place.follow(weekly, "digest", target=place.condition)
    writer = trusted(make, place.member())
    place.answer(writer)
    place.answer(writer, question=other)
    place.answer(trusted(make, place.member()), question=other)
    own = make.answer(other, weekly, treatments=[(place.treatment, Outcome.HELPED_A_LOT)])
    place.client_of(place.member()).post(f"/answers/{own.id}/helpful", data={"vote": "on"})
    assert [m["X-Forum-Template"] for m in outbox.messages(weekly.email)] == []

    start_run("weekly")

    (digest,) = digests_to(outbox, weekly)
    text = digest.get_content()
    assert "2 new answers to “What helps with sleep?”" in text  # digest level, not their own
    assert "shared their experience on “What eased your spasms?”" in text  # a notification
    assert "Someone found your answer to “What helps with sleep?” helpful." in text
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert weekly.email not in text

    start_run("weekly")  # started twice: nobody is mailed twice
    assert len(digests_to(outbox, weekly)) == 1


def test_digests_go_to_those_who_chose_them_and_may_be_mailed(app, make, outbox):
    place = Community(app, make)
    members = {
        choice: place.member()
        for choice in (EmailChoice.DAILY, EmailChoice.WEEKLY, EmailChoice.NEVER)
    }
    suspended = place.member(status=AccountStatus.SUSPENDED)
    save_settings(suspended, EmailChoice.DAILY, True)
    for choice, member in members.items():
        save_settings(member, choice, True)
    db.session.commit()
    for member in [*members.values(), suspended]:
        place.follow(member)
    place.answer(trusted(make, place.member()))

    start_run("daily")
    assert len(digests_to(outbox, members[EmailChoice.DAILY])) == 1
    assert digests_to(outbox, members[EmailChoice.WEEKLY]) == []
    assert digests_to(outbox, members[EmailChoice.NEVER]) == []
    assert digests_to(outbox, suspended) == []
    # Nothing new since: the next day's digest is not sent empty.
    db.session.execute(
        update(NotificationSettings).values(last_digest_at=utcnow() - timedelta(days=2))
    )
    db.session.commit()
    start_run("daily")
    assert len(digests_to(outbox, members[EmailChoice.DAILY])) == 1


def test_the_fan_out_runs_in_batches_and_tells_each_follower_once(app, make, outbox):
    app.config["NOTIFICATION_BATCH_SIZE"] = 3
    place = Community(app, make)
    followers = [place.member() for _ in range(8)]
    for index, member in enumerate(followers):
        place.follow(member, target=place.condition if index % 2 else place.question)
    place.follow(followers[1])  # both ways
    answer = place.answer(trusted(make, place.member()))
    counts = db.session.execute(
        select(Notification.user_id, func.count())
        .where(
            Notification.answer_id == answer.id, Notification.kind == NotificationKind.NEW_ANSWER
        )
        .group_by(Notification.user_id)
    ).all()
    assert sorted(counts) == sorted((member.id, 1) for member in followers)
    assert len([m for m in outbox.messages() if m["X-Forum-Template"] == "notification"]) == 8


def test_publishing_costs_the_same_with_followers_or_none(queued, make, count_queries):
    """The request only queues the fan-out; the worker does the rest."""
    place = Community(queued, make)
    statements = {}
    for followers in (0, 40):
        question = make.question(place.condition)
        for _ in range(followers):
            follower = make.user()
            db.session.add(Follow(user_id=follower.id, question_id=question.id,
                                  level=FollowLevel.EVERY_ANSWER))  # fmt: skip
        db.session.commit()
        author = trusted(make, place.member())
        with count_queries() as counter:
            place.answer(author, question=question)
        statements[followers] = counter.count
    assert statements[40] == statements[0]
    run_waiting_jobs()
    assert db.session.scalar(select(func.count(Notification.id))) == 40


def test_a_job_tried_again_tells_nobody_twice(app, make):
    from forum.notifications.events import fan_out_new_answer

    place = Community(app, make)
    follower = place.member()
    place.follow(follower)
    answer = place.answer(trusted(make, place.member()))
    fan_out_new_answer.enqueue(answer.id, 0)
    assert len([n for n in notifications_of(follower) if n.answer_id == answer.id]) == 1
