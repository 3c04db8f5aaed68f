"""Reviewer notes through the services: each transition, who may make it, and what follows it
(a kept version, a log entry, a new answer version, the author told)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from forum.accounts.models import AccountStatus, Role
from forum.answers.models import AnswerStatus
from forum.audit.log import digest_of
from forum.audit.models import ModerationAction
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.notifications.models import Notification, NotificationKind
from forum.reviewer_notes import services
from forum.reviewer_notes.services import NoteChangedError, NoteInput
from forum.summaries.models import ReviewerProfile
from tests.reviewer_notes.helpers import EDITED, NOTE, add_note


def log_entries() -> list[ModerationAction]:
    return list(db.session.scalars(select(ModerationAction).order_by(ModerationAction.id)))


def notifications_of(user) -> list[Notification]:
    query = select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
    return list(db.session.scalars(query))


def test_a_verified_reviewer_adds_a_signed_cited_note(answer, author, reviewer):
    version_before = answer.version
    done = services.save_note(answer, reviewer, NOTE, expected_version=0)
    db.session.commit()

    assert done.value == "reviewer_note_added"
    note = services.note_on(answer)
    assert (note.body, note.source_title, note.source_url) == (
        NOTE.body,
        NOTE.source_title,
        NOTE.source_url,
    )
    assert note.author_id == reviewer.id and note.signer.byline == "Dr Rae Example, MD, neurology"
    assert note.version == 1 and note.is_shown
    (first,) = note.revisions
    assert (first.number, first.editor_id, first.withdrawn) == (1, reviewer.id, False)
    db.session.refresh(answer)
    assert answer.version == version_before + 1  # its kept cards are drawn again
    assert answer.reviewer_note is note
    (entry,) = log_entries()
    assert (entry.action, entry.actor_id, entry.subject_user_id) == (
        "reviewer_note_added",
        reviewer.id,
        author.id,
    )
    assert (entry.target_type, entry.target_id, entry.before) == ("answer", answer.id, None)


def test_an_edit_is_a_new_version_signed_by_whoever_made_it(answer, reviewer, second_reviewer):
    add_note(answer, reviewer)
    done = services.save_note(
        answer, second_reviewer, EDITED, expected_version=1, reason="The 2026 guideline."
    )
    db.session.commit()

    assert done.value == "reviewer_note_edited"
    note = services.note_on(answer)
    assert note.body == EDITED.body and note.version == 2
    assert note.signer.byline == "Dr Sam Second, PharmD, pharmacy"
    assert [(v.number, v.editor_id, v.reason) for v in note.revisions] == [
        (1, reviewer.id, ""),
        (2, second_reviewer.id, "The 2026 guideline."),
    ]
    assert note.revisions[0].body == NOTE.body  # what it said before is kept
    edited = log_entries()[-1]
    assert edited.action == "reviewer_note_edited" and edited.reason == "The 2026 guideline."
    assert edited.before["version"] == 1 and edited.after["version"] == 2


def test_saving_the_same_words_again_changes_nothing(answer, reviewer):
    add_note(answer, reviewer)
    version = answer.version
    assert services.save_note(answer, reviewer, NOTE, expected_version=1) is None
    db.session.commit()
    assert len(services.note_on(answer).revisions) == 1
    assert len(log_entries()) == 1
    assert answer.version == version


def test_withdrawing_needs_a_reason_and_keeps_the_note_in_its_history(answer, author, reviewer):
    add_note(answer, reviewer)
    with pytest.raises(ForumError, match="say why") as refused:
        services.withdraw_note(answer, reviewer, "  ", expected_version=1)
    assert refused.value.field == "reason"

    services.withdraw_note(answer, reviewer, "The guideline changed.", expected_version=1)
    db.session.commit()

    note = services.note_on(answer)
    assert not note.is_shown and note.version == 2
    assert note.revisions[-1].withdrawn and note.revisions[-1].reason == "The guideline changed."
    assert note.revisions[-1].body == NOTE.body  # the withdrawn words stay in the history
    db.session.expire(answer)
    assert answer.reviewer_note is None  # readers no longer see it
    withdrawn = log_entries()[-1]
    assert withdrawn.action == "reviewer_note_withdrawn" and withdrawn.subject_user_id == author.id
    assert withdrawn.before["shown"] is True and withdrawn.after["shown"] is False


def test_a_withdrawn_note_can_be_added_again_as_a_new_version(answer, reviewer, second_reviewer):
    add_note(answer, reviewer)
    services.withdraw_note(answer, reviewer, "Too early to say.", expected_version=1)
    done = services.save_note(answer, second_reviewer, EDITED, expected_version=2)
    db.session.commit()

    assert done.value == "reviewer_note_added"
    note = services.note_on(answer)
    assert note.is_shown and note.version == 3 and note.author_id == second_reviewer.id
    assert [v.withdrawn for v in note.revisions] == [False, True, False]


def test_there_is_nothing_to_withdraw_without_a_shown_note(answer, reviewer):
    with pytest.raises(ForumError, match="no note to withdraw"):
        services.withdraw_note(answer, reviewer, "Mistake.", expected_version=0)


@pytest.mark.parametrize("expected", [0, 2])
def test_a_change_made_on_a_stale_copy_is_refused(answer, reviewer, second_reviewer, expected):
    add_note(answer, reviewer)
    with pytest.raises(NoteChangedError):
        services.save_note(answer, second_reviewer, EDITED, expected_version=expected)
    with pytest.raises(NoteChangedError):
        services.withdraw_note(answer, second_reviewer, "Outdated.", expected_version=expected)
    db.session.rollback()
    note = services.note_on(answer)
    assert note.body == NOTE.body and note.version == 1 and len(note.revisions) == 1


def test_of_two_reviewers_adding_a_note_at_once_only_one_gets_in(
    answer, reviewer, second_reviewer, monkeypatch
):
    add_note(answer, reviewer)
    # The second read the answer before the first note was committed: it saw no note.
    monkeypatch.setattr(services, "note_on", lambda answer: None)
    with pytest.raises(NoteChangedError):
        services.save_note(answer, second_reviewer, EDITED, expected_version=0)
    db.session.rollback()
    monkeypatch.undo()
    assert services.note_on(answer).body == NOTE.body


def _unverified(make):
    reviewer = make.reviewer("Dr Not Yet")
    profile = db.session.scalar(
        select(ReviewerProfile).where(ReviewerProfile.user_id == reviewer.id)
    )
    profile.verified_at = None
    db.session.commit()
    return reviewer


def _suspended(make):
    reviewer = make.reviewer("Dr Paused")
    reviewer.status = AccountStatus.SUSPENDED
    reviewer.suspended_until = utcnow() + timedelta(days=3)
    db.session.commit()
    return reviewer


def _unconfirmed(make):
    reviewer = make.reviewer("Dr New")
    reviewer.email_verified_at = None
    db.session.commit()
    return reviewer


WHO_MAY_NOT = {
    "a member": (lambda make: make.user(), "Only medical reviewers"),
    "a moderator": (lambda make: make.user(role=Role.MODERATOR), "Only medical reviewers"),
    "a reviewer without a profile": (lambda make: make.user(role=Role.REVIEWER), "verification"),
    "an unverified reviewer": (_unverified, "verification"),
    "a suspended reviewer": (_suspended, "suspended"),
    "a reviewer who has not confirmed their email": (_unconfirmed, "confirm your email"),
}


@pytest.mark.parametrize("who", list(WHO_MAY_NOT))
def test_who_may_not_add_edit_or_withdraw_a_note(make, answer, reviewer, who):
    somebody, reason = WHO_MAY_NOT[who]
    person = somebody(make)
    with pytest.raises(ForumError, match=reason):
        services.save_note(answer, person, NOTE, expected_version=0)
    add_note(answer, reviewer)
    with pytest.raises(ForumError, match=reason):
        services.save_note(answer, person, EDITED, expected_version=1)
    with pytest.raises(ForumError, match=reason):
        services.withdraw_note(answer, person, "Outdated.", expected_version=1)
    assert len(services.note_on(answer).revisions) == 1


def test_an_admin_with_a_verified_profile_may_write_a_note(make, answer):
    admin = make.reviewer("Dr Admin Example")
    admin.role = Role.ADMIN
    db.session.commit()
    assert services.save_note(answer, admin, NOTE, expected_version=0) is not None


def test_a_reviewer_writes_no_note_on_their_own_answer(make, answer):
    reviewer = make.reviewer("Dr Also Patient")
    own = make.answer(answer.question, reviewer, body="My own experience with baclofen here.")
    with pytest.raises(ForumError, match="your own answer"):
        services.save_note(own, reviewer, NOTE, expected_version=0)


@pytest.mark.parametrize("status", [AnswerStatus.PENDING, AnswerStatus.HIDDEN])
def test_notes_go_under_published_answers_only(make, answer, reviewer, status):
    answer.status = status
    db.session.commit()
    with pytest.raises(ForumError, match="published answers only"):
        services.save_note(answer, reviewer, NOTE, expected_version=0)


TOO_LONG = "a" * 601
ODD_CONTENT = {
    "an empty note": (NoteInput("   ", "A guideline"), "body", "write the note"),
    "a note past 600 characters": (NoteInput(TOO_LONG, "A guideline"), "body", "600 characters"),
    "no source": (NoteInput("Talk to your neurologist.", " "), "source_title", "name the source"),
    "a script for a link": (
        NoteInput("Talk to your doctor.", "A guideline", "javascript:alert(1)"),
        "source_url",
        "web address",
    ),
    "a link without a host": (
        NoteInput("Talk to your doctor.", "A guideline", "https://"),
        "source_url",
        "web address",
    ),
    "a link with spaces": (
        NoteInput("Talk to your doctor.", "A guideline", "https://example.org/a guide"),
        "source_url",
        "web address",
    ),
    "a link no browser could open": (
        NoteInput("Talk to your doctor.", "A guideline", "http://[broken"),
        "source_url",
        "web address",
    ),
}


@pytest.mark.parametrize("case", list(ODD_CONTENT))
def test_odd_content_is_refused_beside_its_field(answer, reviewer, case):
    content, field, message = ODD_CONTENT[case]
    with pytest.raises(ForumError, match=message) as refused:
        services.save_note(answer, reviewer, content, expected_version=0)
    assert refused.value.field == field
    assert services.note_on(answer) is None


def test_a_note_is_kept_as_one_plain_paragraph(answer, reviewer):
    messy = NoteInput(
        "  Talk to your\n\nneurologist   first. ", " A  guideline ", " https://x.org "
    )
    services.save_note(answer, reviewer, messy, expected_version=0)
    note = services.note_on(answer)
    assert (note.body, note.source_title, note.source_url) == (
        "Talk to your neurologist first.",
        "A guideline",
        "https://x.org",
    )


def test_the_log_keeps_a_digest_of_the_note_not_its_words(answer, reviewer):
    add_note(answer, reviewer)
    (entry,) = log_entries()
    assert entry.after["body_digest"] == digest_of(NOTE.body)
    assert NOTE.body not in str(entry.after)


def test_the_answers_author_is_told_of_each_change(answer, author, reviewer):
    add_note(answer, reviewer)
    services.save_note(answer, reviewer, EDITED, expected_version=1)
    services.withdraw_note(answer, reviewer, "Outdated.", expected_version=2)
    db.session.commit()

    told = notifications_of(author)
    assert [n.kind for n in told] == [NotificationKind.REVIEWER_NOTE] * 3
    assert [n.message for n in told] == [
        "A medical reviewer added a note to your answer to “What eased your spasms?”.",
        "A medical reviewer changed the note on your answer to “What eased your spasms?”.",
        "A medical reviewer withdrew the note on your answer to “What eased your spasms?”.",
    ]
    assert {n.link for n in told} == {f"/answers/{answer.id}"}
    assert notifications_of(reviewer) == []


def test_an_anonymous_author_is_told_too(make, answer, author, reviewer):
    answer.is_anonymous = True
    db.session.commit()
    add_note(answer, reviewer)
    (told,) = notifications_of(author)
    assert told.kind is NotificationKind.REVIEWER_NOTE and told.answer_id == answer.id


def test_a_banned_author_is_not_told(answer, author, reviewer):
    author.status = AccountStatus.BANNED
    db.session.commit()
    add_note(answer, reviewer)
    assert notifications_of(author) == []
