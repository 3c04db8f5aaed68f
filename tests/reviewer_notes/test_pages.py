"""Reviewer notes through the routes people use: the note form, withdrawing, the history page,
and the note under the answer on its card, for whom it is meant."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from forum.accounts.models import AccountStatus, Role
from forum.answers.models import AnswerStatus
from forum.database import db, utcnow
from forum.reviewer_notes import services
from forum.summaries.models import ReviewerProfile
from tests.reviewer_notes.helpers import EDITED, NOTE, add_note, client_as, note_form


def note_path(answer, page: str = "") -> str:
    return f"/answers/{answer.id}/reviewer-note{page}"


def question_path(answer) -> str:
    question = answer.question
    return f"/questions/{question.id}/{question.slug}"


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def profile_of(reviewer) -> ReviewerProfile:
    return db.session.scalar(select(ReviewerProfile).where(ReviewerProfile.user_id == reviewer.id))


def test_a_reviewer_adds_a_note_and_readers_see_it_under_the_answer(app, answer, reviewer):
    client = client_as(app, reviewer)
    form_page = text_of(client.get(note_path(answer)))
    assert "<h1>Add a reviewer note</h1>" in form_page
    assert "signed “Dr Rae Example, MD, neurology”" in form_page
    assert answer.body in form_page  # the answer it is about, above the form

    response = client.post(note_path(answer), data=note_form())
    assert response.headers["Location"] == f"{question_path(answer)}#answer-{answer.id}"

    page = text_of(client_as(app).get(question_path(answer)))
    card = page[page.index(f'id="answer-{answer.id}"') :]
    assert "Medical reviewer's note" in card and NOTE.body in card
    profile = profile_of(reviewer)
    assert f'<a href="/reviewers/{profile.id}">Dr Rae Example, MD, neurology</a>' in card
    assert f'<a href="{NOTE.source_url}" rel="nofollow noopener">{NOTE.source_title}</a>' in card
    assert f'href="{note_path(answer, "/history")}"' in card


def test_the_form_is_prefilled_when_a_note_exists_and_saves_an_edit(app, answer, reviewer):
    add_note(answer, reviewer)
    client = client_as(app, reviewer)
    form_page = text_of(client.get(note_path(answer)))
    assert "<h1>Edit the reviewer note</h1>" in form_page
    assert f"{NOTE.body}</textarea>" in form_page
    assert 'name="version" type="hidden" value="1"' in form_page
    assert "Withdraw the note" in form_page

    response = client.post(
        note_path(answer), data=note_form(EDITED, version=1, reason="The 2026 guideline.")
    )
    assert response.status_code in (302, 303)
    page = text_of(client_as(app).get(f"/answers/{answer.id}"))
    assert EDITED.body in page and NOTE.body not in page


def test_a_stale_form_is_refused_and_keeps_what_was_typed(app, answer, reviewer, second_reviewer):
    add_note(answer, reviewer)
    services.save_note(answer, second_reviewer, EDITED, expected_version=1)
    db.session.commit()
    typed = "My own careful words about this dose, written on the old copy of the note."
    response = client_as(app, reviewer).post(
        note_path(answer), data={**note_form(version=1), "body": typed}
    )
    assert response.status_code == 409
    page = text_of(response)
    assert "Someone changed this note since you opened it" in page
    assert typed in page  # what they typed
    assert EDITED.body in page  # and the note as it is now, under the answer
    assert 'name="version" type="hidden" value="2"' in page  # saving again is deliberate
    assert services.note_on(answer).body == EDITED.body


ODD_FORMS = {
    "an empty note": ({"body": ""}, "Please write the note."),
    "no source": ({"source_title": ""}, "Please name the source your note rests on."),
    "a note too long": ({"body": "x" * 700}, "Please keep the note to 600 characters"),
    "a script for a link": ({"source_url": "javascript:alert(1)"}, "must be a web address"),
    "a damaged version": ({"version": "abc"}, "Please reload the page and try again."),
    "a version past any number": ({"version": "9" * 30}, "Please reload the page and try again."),
    "a null character": ({"body": "Talk to\x00 your doctor."}, "invisible “null” character"),
}


@pytest.mark.parametrize("case", list(ODD_FORMS))
def test_odd_input_gets_the_form_again_with_a_message(app, answer, reviewer, case):
    fields, message = ODD_FORMS[case]
    response = client_as(app, reviewer).post(note_path(answer), data={**note_form(), **fields})
    assert response.status_code == 400
    page = text_of(response)
    assert message in page and "<title>Error: " in page
    assert NOTE.source_title in page or "source_title" in fields  # the rest is kept
    assert services.note_on(answer) is None


def test_unknown_and_unseen_answers_are_404(app, make, answer, reviewer):
    client = client_as(app, reviewer)
    assert client.get("/answers/999999/reviewer-note").status_code == 404
    assert client.get(f"/answers/{2**40}/reviewer-note").status_code == 404
    assert client.get("/answers/999999/reviewer-note/history").status_code == 404
    hidden = make.answer(answer.question, status=AnswerStatus.HIDDEN, body="Hidden words here.")
    assert client.get(note_path(hidden)).status_code == 404
    assert client.get(note_path(hidden, "/history")).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, answer):
    for page in ("", "/withdraw"):
        response = client.get(note_path(answer, page))
        assert response.status_code in (302, 303)
        assert "/auth/sign-in" in response.headers["Location"]


def _suspended_reviewer(make):
    reviewer = make.reviewer("Dr Paused")
    reviewer.status = AccountStatus.SUSPENDED
    reviewer.suspended_until = utcnow() + timedelta(days=3)
    db.session.commit()
    return reviewer


def _unverified_reviewer(make):
    reviewer = make.reviewer("Dr Not Yet")
    profile_of(reviewer).verified_at = None
    db.session.commit()
    return reviewer


WHO_MAY_NOT = {
    "a member": (lambda make: make.user(), "Only medical reviewers"),
    "a moderator": (lambda make: make.user(role=Role.MODERATOR), "Only medical reviewers"),
    "an unverified reviewer": (_unverified_reviewer, "needs an admin's verification"),
    "a suspended reviewer": (_suspended_reviewer, "Your account is suspended"),
}


@pytest.mark.parametrize("who", list(WHO_MAY_NOT))
def test_who_may_not_gets_a_403_that_says_why(app, make, answer, reviewer, who):
    somebody, reason = WHO_MAY_NOT[who]
    client = client_as(app, somebody(make))
    for response in (
        client.get(note_path(answer)),
        client.post(note_path(answer), data=note_form()),
    ):
        assert response.status_code == 403
        assert reason in text_of(response)
    add_note(answer, reviewer)
    withdrawal = client.post(note_path(answer, "/withdraw"), data={"reason": "No.", "version": "1"})
    assert withdrawal.status_code == 403 and reason in text_of(withdrawal)
    assert services.note_on(answer).is_shown and len(services.note_on(answer).revisions) == 1


def test_a_reviewer_may_not_note_their_own_answer(app, make, answer):
    reviewer = make.reviewer("Dr Also Patient")
    own = make.answer(answer.question, reviewer, body="My own experience with baclofen here.")
    response = client_as(app, reviewer).get(note_path(own))
    assert response.status_code == 403 and "your own answer" in text_of(response)


def test_withdrawing_through_its_page_needs_a_reason(app, answer, reviewer):
    add_note(answer, reviewer)
    client = client_as(app, reviewer)
    page = text_of(client.get(note_path(answer, "/withdraw")))
    assert "<h1>Withdraw the reviewer note</h1>" in page and NOTE.body in page

    refused = client.post(note_path(answer, "/withdraw"), data={"reason": " ", "version": "1"})
    assert refused.status_code == 400 and "Please say why the note is withdrawn" in text_of(refused)
    assert services.note_on(answer).is_shown

    done = client.post(
        note_path(answer, "/withdraw"), data={"reason": "The guideline changed.", "version": "1"}
    )
    assert done.headers["Location"] == f"{question_path(answer)}#answer-{answer.id}"
    reader_page = text_of(client_as(app).get(question_path(answer)))
    assert NOTE.body not in reader_page and "Medical reviewer's note" not in reader_page


def test_a_stale_withdrawal_is_refused(app, answer, reviewer, second_reviewer):
    add_note(answer, reviewer)
    services.save_note(answer, second_reviewer, EDITED, expected_version=1)
    db.session.commit()
    response = client_as(app, reviewer).post(
        note_path(answer, "/withdraw"), data={"reason": "Outdated now.", "version": "1"}
    )
    assert response.status_code == 409
    assert "Outdated now." in text_of(response) and services.note_on(answer).is_shown


def test_there_is_nothing_to_withdraw_without_a_note(app, answer, reviewer):
    response = client_as(app, reviewer).get(note_path(answer, "/withdraw"))
    assert response.status_code == 404 and "no reviewer note to withdraw" in text_of(response)


def test_the_history_shows_every_version_with_its_signature(app, answer, reviewer, second_reviewer):
    add_note(answer, reviewer)
    services.save_note(answer, second_reviewer, EDITED, expected_version=1, reason="New dose.")
    services.withdraw_note(answer, second_reviewer, "The guideline changed.", expected_version=2)
    db.session.commit()

    page = text_of(client_as(app).get(note_path(answer, "/history")))
    versions = re.findall(r"Version (\d)", page)
    assert versions == ["3", "2", "1"]  # newest first
    third, second, first = re.split(r"<h2 class=\"revision-list__title\">", page)[1:]
    assert "Withdrawn" in third and "Reason given: The guideline changed." in third
    assert "Dr Sam Second, PharmD, pharmacy" in third
    assert "What changed: New dose." in second and EDITED.body in second
    assert "Dr Rae Example, MD, neurology" in first and NOTE.body in first
    assert "The note is withdrawn" in page


def test_a_note_without_versions_has_no_history(app, answer):
    assert client_as(app).get(note_path(answer, "/history")).status_code == 404


def test_cards_offer_reviewers_a_link_to_add_then_edit_the_note(app, make, answer, reviewer):
    def links(user):
        page = text_of(client_as(app, user).get(question_path(answer)))
        return "Add a reviewer note" in page, "Edit the reviewer note" in page

    assert links(reviewer) == (True, False)
    assert links(make.user()) == (False, False)
    assert links(make.user(role=Role.MODERATOR)) == (False, False)
    assert links(None) == (False, False)
    add_note(answer, reviewer)
    assert links(reviewer) == (False, True)


def test_moderators_see_the_note_and_its_log_entry_on_their_answer_page(
    app, make, answer, reviewer
):
    add_note(answer, reviewer)
    page = text_of(
        client_as(app, make.user(role=Role.MODERATOR)).get(f"/moderation/answers/{answer.id}")
    )
    assert "Medical reviewer's note" in page and NOTE.body in page
    assert "Reviewer note added to an answer" in page


def test_the_history_page_costs_the_same_for_one_version_as_for_many(
    app, answer, reviewer, second_reviewer, count_queries
):
    add_note(answer, reviewer)
    client, path = client_as(app), note_path(answer, "/history")
    with count_queries() as one:
        assert client.get(path).status_code == 200
    for version in range(1, 7):
        editor = (reviewer, second_reviewer)[version % 2]
        services.save_note(answer, editor, replace(NOTE, body=f"Version {version}."), version)
        db.session.commit()
    with count_queries() as many:
        assert "Version 7" in client.get(path).get_data(as_text=True)
    assert many.count == one.count
