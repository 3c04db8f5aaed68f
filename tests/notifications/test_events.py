"""The other events: a reviewer's reply, a new summary revision, helpful marks, and a report
that someone may be at risk. Each through the route a person uses."""

from __future__ import annotations

from sqlalchemy import select

from forum.accounts.models import Role
from forum.answers.models import Outcome
from forum.database import db
from forum.flags.models import Flag
from forum.notifications.models import EmailChoice, NotificationKind
from forum.notifications.services import save_settings
from forum.summaries.models import RevisionStatus, SummaryRevision
from tests.notifications.helpers import Community, notifications_of


def of_kind(user, kind):
    return [n for n in notifications_of(user) if n.kind is kind]


def test_a_reviewers_reply_reaches_the_reader_who_reported(app, make, outbox):
    question = make.question(title="How is it diagnosed?")
    make.published_summary(question)
    reader = make.user()
    client = app.test_client(user=reader)
    client.post(
        f"/questions/{question.id}/summary/report",
        data={"reason": "summary_outdated", "note": "The second reference is from 2009."},
    )
    flag = db.session.scalar(select(Flag))
    reviewer = make.reviewer()
    response = app.test_client(user=reviewer).post(
        f"/review/reports/{flag.id}", data={"outcome": "upheld", "note": "Updated, thank you."}
    )
    assert response.status_code in (302, 303)
    (reply,) = of_kind(reader, NotificationKind.REPORT_REPLY)
    assert "How is it diagnosed?" in reply.message and reply.link == "/summary-reports"
    assert of_kind(reviewer, NotificationKind.REPORT_REPLY) == []
    assert outbox.last(reader.email)["X-Forum-Template"] == "notification"


def test_a_new_summary_revision_reaches_followers_with_what_changed(app, make):
    place = Community(app, make)
    make.published_summary(place.question)
    follower, stranger = place.member(), place.member()
    place.follow(follower)
    writer, publisher = make.reviewer("Dr Wren Writer"), make.reviewer("Dr Pia Publisher")
    form = {
        "short_answer": "Muscle relaxants and physiotherapy come first.",
        "body": "Most people start with a muscle relaxant, then add physiotherapy.",
        "key_points": "",
        "references-0-title": "A guide for patients",
        "references-0-url": "https://example.org/guide",
        "references-0-publisher": "Example Health Institute",
        "references-0-year": "2026",
    }
    app.test_client(user=writer).post(f"/review/questions/{place.question.id}/summary", data=form)
    draft = db.session.scalar(
        select(SummaryRevision).where(SummaryRevision.status == RevisionStatus.DRAFT)
    )
    app.test_client(user=writer).post(f"/review/revisions/{draft.id}/submit")
    response = app.test_client(user=publisher).post(
        f"/review/revisions/{draft.id}/publish",
        data={"publish-change_note": "Added physiotherapy.", "publish-next_review_due": ""},
    )
    assert response.status_code in (302, 303)
    (notice,) = of_kind(follower, NotificationKind.SUMMARY_REVISED)
    assert notice.message.endswith("was updated: Added physiotherapy.")
    assert of_kind(stranger, NotificationKind.SUMMARY_REVISED) == []


def test_helpful_marks_are_gathered_and_never_mailed_one_by_one(app, make, outbox):
    place = Community(app, make)
    author = place.member()
    answer = make.answer(
        place.question, author, treatments=[(place.treatment, Outcome.HELPED_A_LOT)]
    )
    for _ in range(3):
        response = place.client_of(place.member()).post(
            f"/answers/{answer.id}/helpful", data={"vote": "on"}
        )
        assert response.status_code in (200, 302, 303)
    (notice,) = of_kind(author, NotificationKind.HELPFUL)
    assert notice.count == 3
    assert notice.message == "3 people found your answer to “What eased your spasms?” helpful."
    assert outbox.messages(author.email) == []

    # Once read, the next mark starts a new notification.
    place.client_of(author).get("/account/notifications")
    place.client_of(place.member()).post(f"/answers/{answer.id}/helpful", data={"vote": "on"})
    assert [n.count for n in of_kind(author, NotificationKind.HELPFUL)] == [3, 1]


def test_an_at_risk_report_alerts_the_moderators_on_duty_at_once(app, make, outbox):
    place = Community(app, make)
    off_duty = make.user(role=Role.MODERATOR)
    save_settings(off_duty, EmailChoice.WEEKLY, crisis_alerts=False)
    weekly_on_duty = make.user(role=Role.ADMIN)
    save_settings(weekly_on_duty, EmailChoice.WEEKLY, crisis_alerts=True)
    db.session.commit()
    answer = make.answer(place.question, place.member())
    reporter = place.member()
    response = place.client_of(reporter).post(
        f"/answers/{answer.id}/report", data={"reason": "at_risk", "note": "They sound unsafe."}
    )
    assert response.status_code in (302, 303)

    alerted = {place.moderator.id, weekly_on_duty.id}
    for moderator in (place.moderator, weekly_on_duty):
        (alert,) = of_kind(moderator, NotificationKind.AT_RISK_REPORT)
        assert alert.link == f"/moderation/answers/{answer.id}"
        # Mailed at once, whatever the moderator chose for other mail.
        assert outbox.last(moderator.email)["X-Forum-Template"] == "notification"
    assert of_kind(off_duty, NotificationKind.AT_RISK_REPORT) == []
    assert of_kind(reporter, NotificationKind.AT_RISK_REPORT) == []
    assert len(alerted) == 2
    # The queue says how long the report has waited.
    queue = place.client_of(place.moderator).get("/moderation/").get_data(as_text=True)
    assert "waiting for less than a minute" in queue


def test_when_no_moderator_is_on_duty_every_moderator_is_alerted(app, make):
    place = Community(app, make)
    save_settings(place.moderator, EmailChoice.EACH, crisis_alerts=False)
    db.session.commit()
    answer = make.answer(place.question, place.member())
    place.client_of(place.member()).post(f"/answers/{answer.id}/report", data={"reason": "at_risk"})
    assert len(of_kind(place.moderator, NotificationKind.AT_RISK_REPORT)) == 1
