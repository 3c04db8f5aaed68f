"""Pre-moderation inside submit_answer: first answers, links, watched words; and the edit path."""

from __future__ import annotations

import json

import pytest

from forum.accounts.models import Role
from forum.answers.models import AnswerStatus, WatchAction
from forum.answers.services import AnswerDraft, delete_answer, edit_answer
from forum.audit.log import digest_of
from forum.conditions.models import Perspective
from forum.core.errors import ForumError
from forum.database import db
from forum.moderation import decisions, watchlist
from tests.answers.helpers import answer_form
from tests.moderation.conftest import BODY, assert_counts_match_the_rows, log_entries, text_of

PENDING, PUBLISHED = AnswerStatus.PENDING, AnswerStatus.PUBLISHED
LINK_BODY = "The clinic's leaflet at https://example.org/spasms explained the doses well."


def watch(community, phrase: str, action: WatchAction, message: str = "") -> None:
    watchlist.add_watched_word(community.admin, phrase, action, message)
    db.session.commit()


def test_a_members_first_two_answers_wait_and_the_third_is_published(community):
    member = community.member()
    first, second = community.submit(member), community.submit(member)
    assert (first.status, second.status) == (PENDING, PENDING)
    decisions.approve(first, community.moderator)
    decisions.approve(second, community.moderator)
    db.session.commit()

    assert community.submit(member).status is PUBLISHED
    assert member.approved_answer_count == 3
    assert_counts_match_the_rows()


def test_how_many_published_answers_earn_trust_is_a_setting(app, community):
    app.config["PREMODERATE_FIRST_ANSWERS"] = 1
    member = community.member()
    first = community.submit(member)
    assert first.status is PENDING
    decisions.approve(first, community.moderator)
    db.session.commit()
    assert community.submit(member).status is PUBLISHED


def test_rejected_and_deleted_answers_earn_no_trust(community):
    """Two answers rejected, or written and deleted, must not let the third through."""
    member = community.member()
    for answer in (community.submit(member), community.submit(member)):
        decisions.reject(answer, community.moderator, "Advertising a clinic")
    db.session.commit()
    assert community.submit(member).status is PENDING
    other = community.member()
    community.published(other)
    delete_answer(community.submit(other), other)
    db.session.commit()
    assert community.submit(other).status is PENDING


def test_anything_waits_while_the_member_has_fewer_than_n_published_answers(community):
    member = community.member()
    community.published(member)
    decisions.reject(community.submit(member), community.moderator, "Off-topic for the question")
    db.session.commit()
    assert member.approved_answer_count == 1

    assert community.submit(member, LINK_BODY).status is PENDING
    assert community.submit(member, BODY).status is PENDING  # without a link as well


def test_links_go_straight_through_once_a_member_has_n_published_answers(community):
    member = community.established_member()
    assert community.submit(member, LINK_BODY, community.questions[0]).status is PUBLISHED


def test_bare_web_addresses_count_as_links(community):
    member = community.member()
    community.published(member)
    community.published(member)
    member.approved_answer_count = 1  # as if one had been hidden since
    db.session.commit()
    answer = community.submit(member, "Their forum at www.example.org helped me a lot with tips.")
    assert answer.status is PENDING


def test_the_hold_is_logged_by_the_forum_itself_with_its_reason(community):
    member = community.member()
    answer = community.submit(member)
    (entry,) = log_entries("answer_held")
    assert entry.actor_id is None and entry.subject_user_id == member.id
    assert entry.target_id == answer.id and "fewer than 2 published answers" in entry.reason
    assert entry.after == {"status": "pending"}


def test_a_watched_phrase_holds_an_answer_whatever_its_capitals(community):
    watch(community, "miracle   cure", WatchAction.HOLD)
    member = community.established_member()
    answer = community.submit(member, "This MIRACLE cure from a website did nothing for me at all.")
    assert answer.status is PENDING
    assert "miracle cure" in log_entries("answer_held")[-1].reason


def test_a_watched_word_matches_whole_words_only(community):
    watch(community, "cure", WatchAction.HOLD)
    member = community.established_member()
    answer = community.submit(member, "A secure routine and curious doctors helped me the most.")
    assert answer.status is PUBLISHED


def test_a_refusing_phrase_refuses_the_answer_with_the_admins_message(community):
    watch(community, "buy now", WatchAction.REFUSE, "Please don't advertise products here.")
    member = community.established_member()
    before = member.approved_answer_count
    with pytest.raises(ForumError, match="advertise products here"):
        community.submit(member, "Buy now and get the supplement that fixed my spasms for good.")
    db.session.rollback()
    assert member.approved_answer_count == before
    assert_counts_match_the_rows()


def test_a_refused_answer_is_shown_again_with_the_message_beside_it(app, community):
    watch(community, "buy now", WatchAction.REFUSE, "Please don't advertise products here.")
    member = community.established_member()
    question = community.questions[0]
    response = app.test_client(user=member).post(
        f"/questions/{question.id}/answer",
        data=answer_form(body="Buy now and get the supplement that fixed my spasms for good."),
    )
    page = text_of(response)
    assert response.status_code == 200
    assert "Please don't advertise products here." in page and "supplement that fixed" in page


def test_moderators_and_admins_are_never_held(community, make):
    watch(community, "cure", WatchAction.HOLD)
    for role in (Role.MODERATOR, Role.ADMIN):
        staff = make.user(role=role)
        make.membership(staff, community.condition)
        answer = community.submit(staff, "No cure, but https://example.org explains the options.")
        assert answer.status is PUBLISHED


def test_a_waiting_answer_shows_to_its_author_and_moderators_only_and_counts_nowhere(
    app, community, make
):
    member = community.member(display_name="NewFern")
    answer = community.submit(member, question=community.question)
    question = community.question
    path = f"/questions/{question.id}/{question.slug}"

    own = app.test_client(user=member).get(path).get_data(as_text=True)
    assert "Waiting for a moderator" in own and "warm bath before bed" in own
    moderator = app.test_client(user=community.moderator).get(path).get_data(as_text=True)
    assert "Waiting for a moderator" in moderator and "warm bath before bed" in moderator
    for reader in (app.test_client(user=make.user()), app.test_client()):
        assert "warm bath before bed" not in reader.get(path).get_data(as_text=True)
        assert reader.get(f"/answers/{answer.id}").status_code == 404
    assert "0 people with Stiff Person Syndrome" in own
    assert question.answer_count == 0 and member.approved_answer_count == 0


def test_posting_a_held_answer_says_a_moderator_will_read_it(app, community):
    member = community.member()
    question = community.question
    response = app.test_client(user=member).post(
        f"/questions/{question.id}/answer", data=answer_form(body=BODY), follow_redirects=True
    )
    assert "A moderator reads new members' answers" in text_of(response)


def draft(body: str) -> AnswerDraft:
    return AnswerDraft(body=body, perspective=Perspective.PATIENT)


def test_an_edit_that_adds_a_link_sends_a_published_answer_back_to_waiting(app, community):
    member = community.member()
    answer = community.published(member)
    assert member.approved_answer_count == 1

    edit_answer(answer, member, draft(LINK_BODY), answer.version)
    db.session.commit()

    assert answer.status is PENDING
    assert member.approved_answer_count == 0 and answer.question.answer_count == 0
    assert log_entries("answer_held")[-1].before == {"status": "published"}
    assert_counts_match_the_rows()


def test_an_edit_that_keeps_the_same_link_is_not_held_again(community):
    member = community.member()
    answer = community.published(member, body=LINK_BODY)
    edit_answer(answer, member, draft(LINK_BODY + " Typo fixed."), answer.version)
    db.session.commit()
    assert answer.status is PUBLISHED


def test_an_edit_that_adds_a_watched_phrase_waits_but_one_already_there_does_not(community):
    member = community.established_member()
    answer = community.published(member, question=community.questions[0])
    watch(community, "detox", WatchAction.HOLD)

    edit_answer(answer, member, draft(BODY + " A detox tea did nothing."), answer.version)
    db.session.commit()
    assert answer.status is PENDING
    decisions.approve(answer, community.moderator)
    db.session.commit()

    edit_answer(answer, member, draft(BODY + " A detox tea did nothing at all."), answer.version)
    db.session.commit()
    assert answer.status is PUBLISHED


def test_an_edit_with_a_refusing_phrase_is_refused(community):
    member = community.established_member()
    answer = community.published(member, question=community.questions[0])
    watch(community, "buy now", WatchAction.REFUSE, "No advertising, please.")
    with pytest.raises(ForumError, match="No advertising"):
        edit_answer(answer, member, draft(BODY + " Buy now!"), answer.version)


def test_a_moderators_edit_needs_a_reason_and_is_never_held(community):
    member = community.member()
    answer = community.published(member)
    with pytest.raises(ForumError, match="why you are changing"):
        edit_answer(answer, community.moderator, draft(LINK_BODY), answer.version)
    edit_answer(answer, community.moderator, draft(LINK_BODY), answer.version, "Fixed the link")
    db.session.commit()
    assert answer.status is PUBLISHED
    (entry,) = log_entries("answer_edited")
    # The log tells that the words changed, by digests, and keeps no copy of them.
    assert entry.before["body_digest"] == digest_of(BODY)
    assert entry.after["body_digest"] == digest_of(LINK_BODY)
    assert BODY not in json.dumps([entry.before, entry.after])


@pytest.mark.parametrize(
    "body",
    [
        "This miracle cur&#101; from a website did nothing for me at all.",
        "This mira**cle** cure from a website did nothing for me at all.",
        "This mir\u200bacle cu\u00adre from a website did nothing for me at all.",
        "This ＭＩＲＡＣＬＥ cure from a website did nothing for me at all.",
        "This *miracle*\n cure from a website did nothing for me at all.",
    ],
)
def test_a_watched_phrase_is_found_however_it_is_spelled_in_markdown(community, body):
    """Watched phrases are matched on what readers will read, not on the Markdown typed."""
    watch(community, "miracle cure", WatchAction.HOLD)
    member = community.established_member()
    assert community.submit(member, body).status is PENDING
    assert "miracle cure" in log_entries("answer_held")[-1].reason
