"""Admins manage watched words and the support resources on pages; each change is logged. And
members read moderators' messages on their account page."""

from __future__ import annotations

from sqlalchemy import select

from forum.answers.models import AnswerStatus, WatchAction, WatchedWord
from forum.audit.models import MemberNotice
from forum.database import db
from forum.moderation import decisions, site_text
from forum.privacy.export import export_member_data
from tests.moderation.conftest import log_entries, text_of


def test_an_admin_adds_a_hold_and_a_refuse_phrase_and_both_work(app, community):
    client = app.test_client(user=community.admin)
    client.post("/moderation/watched-words", data={"phrase": "Miracle Cure", "action": "hold"})
    client.post(
        "/moderation/watched-words",
        data={"phrase": "discount code", "action": "refuse", "message": "No adverts, please."},
    )

    page = text_of(client.get("/moderation/watched-words"))
    assert "Miracle Cure" in page and "Hold for review" in page
    assert "discount code" in page and "No adverts, please." in page
    member = community.established_member()
    held = community.submit(member, "A miracle cure site sold me pills that did nothing at all.")
    assert held.status is AnswerStatus.PENDING
    refused = app.test_client(user=member).post(
        f"/questions/{community.questions[1].id}/answer",
        data={
            "body": "Use my discount code for the clinic, it really helped.",
            "perspective": "patient",
        },
    )
    assert "No adverts, please." in text_of(refused)
    assert [e.action for e in log_entries()].count("watched_word_added") == 2


def test_a_refusal_needs_a_message_and_a_phrase_is_listed_once(app, community):
    client = app.test_client(user=community.admin)
    no_message = client.post("/moderation/watched-words", data={"phrase": "x", "action": "refuse"})
    assert no_message.status_code == 400 and "Please write the message" in text_of(no_message)
    client.post("/moderation/watched-words", data={"phrase": "detox", "action": "hold"})
    again = client.post("/moderation/watched-words", data={"phrase": " DETOX ", "action": "hold"})
    assert again.status_code == 400 and "already on the list" in text_of(again)
    assert len(db.session.scalars(select(WatchedWord)).all()) == 1


def test_an_admin_removes_a_watched_word_and_the_log_keeps_what_it_was(app, community):
    client = app.test_client(user=community.admin)
    client.post("/moderation/watched-words", data={"phrase": "detox", "action": "hold"})
    word = db.session.scalar(select(WatchedWord))
    client.post(f"/moderation/watched-words/{word.id}/remove")
    assert db.session.scalar(select(WatchedWord)) is None
    (entry,) = log_entries("watched_word_removed")
    assert entry.before == {"phrase": "detox", "action": WatchAction.HOLD.value, "message": ""}
    member = community.established_member()
    assert community.submit(member, "A detox diet did nothing for my spasms.").status.value == (
        "published"
    )


def test_an_admin_edits_the_support_resources_and_the_change_is_logged(app, community):
    client = app.test_client(user=community.admin)
    assert site_text.DEFAULTS[site_text.SUPPORT_RESOURCES][:20] in text_of(
        client.get("/moderation/support-resources")
    )
    client.post("/moderation/support-resources", data={"text": "Call 111 any time, day or night."})
    assert site_text.support_resources() == "Call 111 any time, day or night."
    (entry,) = log_entries("site_text_changed")
    assert entry.after == {"support_resources": "Call 111 any time, day or night."}
    assert entry.actor_id == community.admin.id
    empty = client.post("/moderation/support-resources", data={"text": "  "})
    assert empty.status_code == 400


def test_members_read_moderators_messages_and_mark_them_read(app, community):
    member = community.member()
    answer = community.submit(member)
    decisions.approve(answer, community.moderator)
    db.session.commit()
    client = app.test_client(user=member)

    page = text_of(client.get("/account"))
    assert "Messages about your posts" in page and "New:" in page and "is published" in page

    client.post("/account/notices/read")
    assert db.session.scalar(select(MemberNotice)).read_at is not None
    page = text_of(client.get("/account"))
    assert "is published" in page and "New:" not in page and "Mark all as read" not in page
    other = text_of(app.test_client(user=community.member()).get("/account"))
    assert "Messages about your posts" not in other
    assert export_member_data(member)["notices"][0]["kind"] == "approved"
