"""Members report answers once, with a reason; enough reports hide an answer until a moderator
decides; "someone may be at risk" goes first and shows the author support resources."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from forum.accounts.models import AccountStatus
from forum.answers.models import AnswerStatus
from forum.audit.models import MemberNotice, NoticeKind
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.flags.models import Flag, FlagReason, FlagStatus
from forum.moderation import decisions, flags, site_text
from tests.moderation.conftest import assert_counts_match_the_rows, log_entries, text_of

REASONS = [reason.value for reason in flags.ANSWER_REASONS]


def report(answer, reporter, reason=FlagReason.SPAM, note=""):
    flag = flags.report_answer(answer, reporter, reason, note)
    db.session.commit()
    return flag


@pytest.mark.parametrize("reason", REASONS)
def test_a_member_reports_an_answer_with_a_reason_and_an_optional_note(app, community, reason):
    answer = community.published()
    reporter = community.member()
    client = app.test_client(user=reporter)
    form = text_of(client.get(f"/answers/{answer.id}/report"))
    assert (
        "What is wrong with this answer?" in form
        and flags.ANSWER_REASONS[FlagReason(reason)] in form
    )

    response = client.post(
        f"/answers/{answer.id}/report", data={"reason": reason, "note": "See the second line."}
    )

    assert response.status_code == 302
    flag = db.session.scalar(select(Flag))
    assert flag.reason is FlagReason(reason) and flag.note == "See the second line."
    assert flag.reporter_id == reporter.id and flag.status is FlagStatus.OPEN


def test_the_report_form_needs_a_reason(app, community):
    answer = community.published()
    response = app.test_client(user=community.member()).post(
        f"/answers/{answer.id}/report", data={"note": "Something is off."}
    )
    assert response.status_code == 200
    assert "Please choose what is wrong" in text_of(response)
    assert db.session.scalar(select(Flag)) is None


def test_a_member_reports_an_answer_only_once(app, community):
    answer = community.published()
    reporter = community.member()
    report(answer, reporter)
    with pytest.raises(flags.AlreadyReportedError):
        flags.report_answer(answer, reporter, FlagReason.OFF_TOPIC, "")
    db.session.rollback()
    client = app.test_client(user=reporter)
    assert "You have already reported this answer" in text_of(
        client.get(f"/answers/{answer.id}/report")
    )
    client.post(f"/answers/{answer.id}/report", data={"reason": "off_topic"})
    assert len(db.session.scalars(select(Flag)).all()) == 1


def test_the_database_refuses_a_second_report_by_the_same_member(community):
    answer = community.published()
    reporter = community.member()
    report(answer, reporter)
    db.session.add(Flag(answer_id=answer.id, reporter_id=reporter.id, reason=FlagReason.SPAM))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


@pytest.mark.parametrize(
    "who",
    [
        "the author",
        "an unconfirmed member",
        "a suspended member",
    ],
)
def test_who_may_not_report(app, community, make, who):
    answer = community.published()
    reporter = {
        "the author": answer.author,
        "an unconfirmed member": make.user(email_verified_at=None),
        "a suspended member": make.user(
            status=AccountStatus.SUSPENDED, suspended_until=utcnow() + timedelta(days=2)
        ),
    }[who]
    with pytest.raises(ForumError):
        flags.report_answer(answer, reporter, FlagReason.SPAM)
    response = app.test_client(user=reporter).post(
        f"/answers/{answer.id}/report", data={"reason": "spam"}
    )
    assert response.status_code == 403


def test_signed_out_readers_are_asked_to_sign_in_to_report(app, community):
    answer = community.published()
    response = app.test_client().get(f"/answers/{answer.id}/report")
    assert response.headers["Location"].startswith("/auth/sign-in")


def test_a_waiting_answer_cannot_be_reported(app, community):
    answer = community.submit(community.member())
    with pytest.raises(ForumError, match="not published"):
        flags.report_answer(answer, community.member(), FlagReason.SPAM)
    response = app.test_client(user=community.member()).get(f"/answers/{answer.id}/report")
    assert response.status_code == 404


def test_cards_offer_report_to_readers_but_not_to_the_author_or_moderators(app, community):
    answer = community.published(question=community.question)
    path = f"/questions/{community.question.id}/{community.question.slug}"
    report_link = f'href="/answers/{answer.id}/report"'
    assert report_link in app.test_client(user=community.member()).get(path).get_data(as_text=True)
    assert report_link in app.test_client().get(path).get_data(as_text=True)
    for viewer in (answer.author, community.moderator):
        assert report_link not in app.test_client(user=viewer).get(path).get_data(as_text=True)


def test_three_reports_from_different_members_hide_the_answer_until_a_decision(community, outbox):
    answer = community.published()
    author, question = answer.author, answer.question
    for _ in range(2):
        report(answer, community.member())
    assert answer.status is AnswerStatus.PUBLISHED and question.answer_count == 1

    report(answer, community.member(), FlagReason.MISINFORMATION)

    assert answer.status is AnswerStatus.HIDDEN
    assert question.answer_count == 0 and author.approved_answer_count == 0
    (entry,) = log_entries("answer_hidden_by_reports")
    assert entry.actor_id is None and "3 members" in entry.reason
    assert entry.before["status"] == "published" and entry.after["status"] == "hidden"
    assert "is hidden" in outbox.last(author.email)["Subject"]
    notice = db.session.scalar(select(MemberNotice).where(MemberNotice.kind == NoticeKind.HIDDEN))
    assert notice.user_id == author.id
    assert_counts_match_the_rows()


def test_the_threshold_is_a_setting(app, community):
    app.config["FLAG_HIDE_THRESHOLD"] = 1
    answer = community.published()
    report(answer, community.member())
    assert answer.status is AnswerStatus.HIDDEN


def test_dismissing_the_reports_shows_the_answer_again(app, community):
    answer = community.published()
    for _ in range(3):
        report(answer, community.member())
    client = app.test_client(user=community.moderator)

    response = client.post(
        f"/moderation/answers/{answer.id}/dismiss-reports", data={"reason": "Fair criticism"}
    )

    assert response.status_code == 302
    assert answer.status is AnswerStatus.PUBLISHED and answer.question.answer_count == 1
    statuses = {flag.status for flag in db.session.scalars(select(Flag))}
    assert statuses == {FlagStatus.DISMISSED}
    (entry,) = log_entries("reports_dismissed")
    assert entry.before["status"] == "hidden" and entry.after["reports_closed"] == 3
    again = client.post(f"/moderation/answers/{answer.id}/dismiss-reports", follow_redirects=True)
    assert "already handled" in text_of(again)
    assert len(log_entries("reports_dismissed")) == 1
    assert_counts_match_the_rows()


def test_upholding_reports_by_hiding_or_rejecting_closes_them(community):
    answer = community.published()
    report(answer, community.member())
    decisions.hide(answer, community.moderator, "It is an advert")
    db.session.commit()
    flag = db.session.scalar(select(Flag))
    assert flag.status is FlagStatus.UPHELD and flag.resolver_id == community.moderator.id
    assert log_entries("answer_hidden")[0].after["reports_closed"] == 1


def test_a_someone_may_be_at_risk_report_goes_to_the_top_of_the_queue(app, community):
    waiting = community.submit(community.member())  # the oldest item
    spam = community.published()
    report(spam, community.member(), FlagReason.SPAM)
    worrying = community.published()
    report(worrying, community.member(), FlagReason.AT_RISK, "They sound desperate.")

    page = text_of(app.test_client(user=community.moderator).get("/moderation/"))

    order = [page.index(f'id="item-{answer.id}"') for answer in (worrying, waiting, spam)]
    assert order == sorted(order)
    assert "Someone may be at risk:" in page and "They sound desperate." in page


def test_the_author_is_shown_the_support_resources_admins_wrote(app, community):
    site_text.set_text(
        community.admin, site_text.SUPPORT_RESOURCES, "You matter. Call the helpline on 000."
    )
    answer = community.published(question=community.question)
    report(answer, community.member(), FlagReason.AT_RISK)
    report(answer, community.member(), FlagReason.AT_RISK)  # one notice is enough

    author = app.test_client(user=answer.author)
    question = community.question
    assert "You matter. Call the helpline on 000." in text_of(author.get("/account"))
    assert "You matter." in text_of(author.get(f"/questions/{question.id}/{question.slug}"))
    notices = db.session.scalars(
        select(MemberNotice).where(MemberNotice.kind == NoticeKind.SUPPORT)
    ).all()
    assert len(notices) == 1
    reader_page = app.test_client(user=community.member()).get(
        f"/questions/{question.id}/{question.slug}"
    )
    assert "You matter." not in text_of(reader_page)


def test_summary_reports_still_go_to_the_reviewers_not_the_moderation_queue(app, community, make):
    question = community.question
    make.published_summary(question)
    reader = community.member()
    response = app.test_client(user=reader).post(
        f"/questions/{question.id}/summary/report",
        data={"reason": "summary_outdated", "note": "The 2019 guidance was replaced."},
    )
    assert response.status_code == 302
    reviewer_page = text_of(app.test_client(user=make.reviewer()).get("/review/"))
    assert "It is out of date" in reviewer_page
    queue = text_of(app.test_client(user=community.moderator).get("/moderation/"))
    assert "Nothing is waiting" in queue
