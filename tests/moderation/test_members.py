"""Suspensions and bans: who may impose them, what the member can still do, and that they are
told until when and why; and removing all of a spammer's content in one action."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from forum.accounts.models import AccountStatus, Role
from forum.accounts.standing import can_participate
from forum.answers.models import AnswerStatus
from forum.answers.services import delete_answer
from forum.audit.models import MemberNotice
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.flags.models import Flag, FlagReason, FlagStatus
from forum.moderation import decisions, members
from forum.moderation.flags import report_answer
from forum.privacy.deletion import delete_account
from tests.answers.helpers import answer_form
from tests.factories import PASSWORD
from tests.moderation.conftest import assert_counts_match_the_rows, log_entries, text_of


def sign_in(app, user):
    return app.test_client().post(
        "/auth/sign-in", data={"email": user.email, "password": PASSWORD}, follow_redirects=True
    )


@pytest.mark.parametrize("days", [1, 7, 30])
def test_a_moderator_suspends_for_1_7_or_30_days(app, community, outbox, days):
    member = community.member()
    response = app.test_client(user=community.moderator).post(
        f"/moderation/members/{member.id}/suspend",
        data={"suspend-length": str(days), "suspend-reason": "Repeated rudeness"},
    )
    assert response.status_code == 302
    assert member.status is AccountStatus.SUSPENDED and member.is_suspended
    assert abs(member.suspended_until - (utcnow() + timedelta(days=days))) < timedelta(minutes=1)
    assert member.status_reason == "Repeated rudeness"
    (entry,) = log_entries("member_suspended")
    assert entry.before["status"] == "active" and entry.after["status"] == "suspended"
    assert entry.after["suspended_until"] is not None and entry.subject_user_id == member.id
    message = outbox.last(member.email)
    assert "suspended until" in message["Subject"] and "Repeated rudeness" in message.get_content()


def test_a_moderator_suspends_until_a_date_in_the_future(app, community):
    member = community.member()
    client = app.test_client(user=community.moderator)
    path = f"/moderation/members/{member.id}/suspend"
    past = client.post(
        path,
        data={"suspend-length": "date", "suspend-until": "2020-01-01", "suspend-reason": "Spam"},
    )
    assert past.status_code == 400 and "after today" in text_of(past)
    assert member.status is AccountStatus.ACTIVE

    until = date.today() + timedelta(days=10)
    client.post(
        path,
        data={"suspend-length": "date", "suspend-until": until.isoformat(), "suspend-reason": "x"},
    )
    assert member.suspended_until.date() == until


def test_a_suspension_needs_a_reason(app, community):
    member = community.member()
    response = app.test_client(user=community.moderator).post(
        f"/moderation/members/{member.id}/suspend", data={"suspend-length": "7"}
    )
    assert response.status_code == 400 and member.status is AccountStatus.ACTIVE


def suspend(community, member, days=7, reason="Posting the same link everywhere"):
    members.suspend_member(member, community.moderator, reason, members.suspension_end(days))
    db.session.commit()


def test_a_suspended_member_signs_in_and_reads_but_cannot_post_edit_or_report(app, community):
    member = community.member()
    own = community.published(member, question=community.questions[1])
    other = community.published(question=community.question)
    suspend(community, member)

    assert "Welcome back" in text_of(sign_in(app, member))
    client = app.test_client(user=member)
    question = community.question
    page = text_of(client.get(f"/questions/{question.id}/{question.slug}"))
    assert "warm bath" in page  # reading is fine
    until = f"{member.suspended_until.day} {member.suspended_until:%B %Y}"
    assert f"suspended until {until}" in page and "Posting the same link everywhere" in page
    assert client.post(f"/questions/{question.id}/answer", data=answer_form()).status_code == 403
    assert client.get(f"/answers/{own.id}/edit").status_code == 403
    assert client.post(f"/answers/{other.id}/report", data={"reason": "spam"}).status_code == 403
    assert not can_participate(member)  # voting asks the same question
    overview = text_of(client.get("/account"))
    assert f"suspended until {member.suspended_until.day}" in overview
    assert "Posting the same link everywhere" in overview


def test_a_suspension_ends_by_itself(community):
    member = community.member()
    suspend(community, member, days=1)
    member.suspended_until = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert not member.is_suspended and can_participate(member)


def test_a_banned_member_cannot_sign_in_loses_their_sessions_and_learns_why(app, community, outbox):
    member = community.member()
    client = app.test_client(user=member)
    assert client.get("/account").status_code == 200

    app.test_client(user=community.moderator).post(
        f"/moderation/members/{member.id}/ban", data={"ban-reason": "Selling supplements"}
    )

    assert member.status is AccountStatus.BANNED
    assert client.get("/account").headers["Location"].startswith("/auth/sign-in")
    refused = text_of(sign_in(app, member))
    assert "banned" in refused and "Selling supplements" in refused
    assert "Selling supplements" in outbox.last(member.email).get_content()
    (entry,) = log_entries("member_banned")
    assert entry.before["status"] == "active" and entry.after["status"] == "banned"


def test_a_ban_needs_a_reason_and_banning_twice_is_already_handled(app, community):
    member = community.member()
    client = app.test_client(user=community.moderator)
    assert client.post(f"/moderation/members/{member.id}/ban").status_code == 400
    client.post(f"/moderation/members/{member.id}/ban", data={"ban-reason": "Spam"})
    again = client.post(
        f"/moderation/members/{member.id}/ban", data={"ban-reason": "Spam"}, follow_redirects=True
    )
    assert "already handled" in text_of(again)
    assert len(log_entries("member_banned")) == 1


def test_reinstating_lifts_a_suspension_or_a_ban(app, community, outbox):
    member = community.member()
    suspend(community, member)
    client = app.test_client(user=community.moderator)
    client.post(f"/moderation/members/{member.id}/reinstate", data={"reinstate-reason": "Appeal"})
    assert member.status is AccountStatus.ACTIVE and member.suspended_until is None
    assert member.status_reason == "" and can_participate(member)
    assert "good standing" in outbox.last(member.email)["Subject"]
    members.ban_member(member, community.moderator, "Spam")
    db.session.commit()
    client.post(f"/moderation/members/{member.id}/reinstate")
    assert member.status is AccountStatus.ACTIVE
    assert [e.action for e in log_entries()][-3:] == [
        "member_reinstated",
        "member_banned",
        "member_reinstated",
    ]


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.ADMIN, Role.REVIEWER])
def test_moderators_do_not_suspend_or_ban_staff_or_themselves(app, community, make, role):
    staff = make.user(role=role)
    with pytest.raises(ForumError, match="staff"):
        members.ban_member(staff, community.moderator, "No")
    with pytest.raises(ForumError):
        members.suspend_member(
            community.moderator, community.moderator, "No", members.suspension_end(1)
        )
    page = text_of(app.test_client(user=community.moderator).get(f"/moderation/members/{staff.id}"))
    assert "Moderators act on members' accounts only" in page


def test_members_cannot_suspend_or_ban(community):
    member, target = community.member(), community.member()
    with pytest.raises(ForumError, match="Only moderators"):
        members.ban_member(target, member, "No")


def test_removing_a_spammers_content_takes_everything_down_in_one_action(app, community, outbox):
    spammer = community.member(display_name="CheapPills")
    first = community.published(spammer, question=community.questions[0])
    waiting = community.submit(spammer, question=community.questions[1])  # one published: waits
    published = [first, community.published(spammer, question=community.questions[2])]
    deleted = community.published(spammer, question=community.questions[3])
    assert waiting.status is AnswerStatus.PENDING
    assert published[1].status is deleted.status is AnswerStatus.PUBLISHED
    delete_answer(deleted, spammer)
    report_answer(published[0], community.member(), FlagReason.SPAM)
    db.session.commit()
    emails_before = len(outbox.messages(spammer.email))

    response = app.test_client(user=community.moderator).post(
        f"/moderation/members/{spammer.id}/remove-content",
        data={"remove-reason": "Advertising pills in every answer"},
    )

    assert response.status_code == 302
    assert [a.status for a in (*published, waiting)] == [AnswerStatus.REJECTED] * 3
    assert deleted.status is AnswerStatus.DELETED  # already out of view; left as the author chose
    assert spammer.status is AccountStatus.BANNED
    assert db.session.scalar(select(Flag)).status is FlagStatus.UPHELD
    rejected = log_entries("answer_rejected")
    assert sorted(entry.target_id for entry in rejected) == sorted(
        a.id for a in (*published, waiting)
    )
    assert all("Advertising pills" in entry.reason for entry in rejected)
    assert len(log_entries("member_banned")) == 1
    assert len(outbox.messages(spammer.email)) == emails_before + 1  # one email, about the ban
    assert "banned" in outbox.last(spammer.email)["Subject"]
    assert_counts_match_the_rows()

    decisions.restore(published[0], community.moderator, "One was genuine", AnswerStatus.REJECTED)
    db.session.commit()
    assert published[0].status is AnswerStatus.PUBLISHED
    assert_counts_match_the_rows()


def test_the_member_page_shows_their_answers_in_every_state_and_their_record(app, community):
    member = community.member(display_name="TidePool")
    answer = community.published(member)
    decisions.hide(answer, community.moderator, "Off-topic")
    db.session.commit()
    page = text_of(
        app.test_client(user=community.moderator).get(f"/moderation/members/{member.id}")
    )
    assert "TidePool" in page and "Hidden" in page and "Off-topic" in page
    assert "Suspend TidePool" in page and "Ban TidePool" in page


def test_deleting_an_account_keeps_the_log_entries_about_it(community):
    member = community.member()
    answer = community.submit(member)
    decisions.reject(answer, community.moderator, "Spam")
    report_answer(community.published(), member, FlagReason.OFF_TOPIC)
    db.session.commit()
    member_id = member.id
    about_them = [entry.id for entry in log_entries() if entry.subject_user_id == member_id]
    entries = len(log_entries())

    delete_account(member, PASSWORD, keep_answers=False)
    db.session.commit()

    kept = log_entries()
    assert len(kept) == entries + 1  # and one more: the deletion itself
    assert len(about_them) == 2  # held, rejected
    assert all(e.subject_user_id is None for e in kept if e.id in about_them)
    assert db.session.scalar(select(MemberNotice).where(MemberNotice.user_id == member_id)) is None


def test_a_suspension_without_an_end_still_says_why(app, community):
    member = community.member(
        status=AccountStatus.SUSPENDED, status_reason="Waiting for an appeal to be heard"
    )
    refusal = text_of(
        app.test_client(user=member).get(f"/answers/{community.published().id}/report")
    )
    assert "Your account is suspended, so you can't report answers right now." in refusal
    assert "Waiting for an appeal to be heard" in refusal
