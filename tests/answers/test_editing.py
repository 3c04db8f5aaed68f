"""Editing keeps history, stale edits are refused, deletes are soft, moderators restore."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.accounts.models import Role
from forum.answers.models import Answer, AnswerRevision, AnswerStatus, Outcome
from forum.audit.models import ModerationAction
from forum.database import db
from tests.answers.helpers import answer_form


@pytest.fixture
def posted(app, make):
    condition = make.condition("Myasthenia Gravis")
    question = make.question(condition)
    pyridostigmine = make.treatment(condition, "Pyridostigmine")
    member = make.user(display_name="Fern")
    make.membership(member, condition)
    client = app.test_client(user=member)
    client.post(
        f"/questions/{question.id}/answer",
        data=answer_form(
            body="Pyridostigmine helped my eyelids within days, less so my arms.",
            treatments=[(pyridostigmine.id, "helped_somewhat", {})],
        ),
    )
    answer = db.session.scalar(select(Answer))
    return question, answer, member, client, pyridostigmine


def edit_form(answer, body, **fields):
    return answer_form(body=body, version=str(answer.version), **fields)


def test_an_edit_keeps_the_old_version_and_marks_the_answer_edited(posted, app):
    question, answer, _member, client, pyridostigmine = posted
    response = client.post(
        f"/answers/{answer.id}/edit",
        data=edit_form(
            answer,
            "Pyridostigmine helped my eyelids within days, and later my arms too.",
            treatments=[(pyridostigmine.id, "helped_a_lot", {})],
            reason="Six months on",
        ),
    )
    assert response.status_code == 302
    assert answer.body.endswith("later my arms too.") and answer.edited_at is not None
    assert answer.treatment_reports[0].outcome is Outcome.HELPED_A_LOT
    revision = db.session.scalar(select(AnswerRevision))
    assert revision.body == "Pyridostigmine helped my eyelids within days, less so my arms."
    assert revision.details["treatments"][0]["outcome"] == "helped_somewhat"
    page = app.test_client().get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "edited <time" in page


def test_the_history_shows_a_readable_diff_to_the_author_and_moderators(posted, app, make):
    _, answer, _, client, pyridostigmine = posted
    client.post(
        f"/answers/{answer.id}/edit",
        data=edit_form(
            answer,
            "Pyridostigmine helped my eyelids within days, and later my arms too.",
            treatments=[(pyridostigmine.id, "helped_a_lot", {})],
        ),
    )
    for viewer in (client, app.test_client(user=make.user(role=Role.MODERATOR))):
        html = viewer.get(f"/answers/{answer.id}/history").get_data(as_text=True)
        assert "<del>" in html and "less so" in html
        assert "<ins>" in html and "later" in html
        assert "Changed Pyridostigmine: helped somewhat → helped a lot" in html
    assert app.test_client(user=make.user()).get(f"/answers/{answer.id}/history").status_code == 403


def test_an_edit_made_on_a_stale_copy_is_refused_and_nothing_is_lost(posted):
    _, answer, _, client, _ = posted
    stale_version = answer.version
    first = client.post(
        f"/answers/{answer.id}/edit",
        data=answer_form(body="The first tab saved this text.", version=str(stale_version)),
    )
    assert first.status_code == 302
    second = client.post(
        f"/answers/{answer.id}/edit",
        data=answer_form(body="The second tab wrote something else.", version=str(stale_version)),
    )
    html = second.get_data(as_text=True)
    assert second.status_code == 409
    assert "changed since you opened it" in html
    assert "The second tab wrote something else." in html  # still there to copy
    db.session.refresh(answer)
    assert answer.body == "The first tab saved this text."


def test_others_cannot_edit_or_delete(posted, app, make):
    _, answer, _, _, _ = posted
    other = app.test_client(user=make.user())
    assert other.get(f"/answers/{answer.id}/edit").status_code == 403
    assert (
        other.post(
            f"/answers/{answer.id}/edit", data=edit_form(answer, "Somebody else's words here.")
        ).status_code
        == 403
    )
    assert other.post(f"/answers/{answer.id}/delete").status_code == 403
    assert app.test_client().get(f"/answers/{answer.id}/edit").status_code == 302


def test_a_moderator_can_edit_and_it_is_logged(posted, app, make):
    _, answer, _, _, _ = posted
    moderator = make.user(role=Role.MODERATOR)
    response = app.test_client(user=moderator).post(
        f"/answers/{answer.id}/edit",
        data=edit_form(answer, "Text with the phone number taken out.", reason="Removed a phone"),
    )
    assert response.status_code == 302
    entry = db.session.scalar(select(ModerationAction))
    assert entry.action == "answer_edited" and entry.reason == "Removed a phone"


def test_delete_is_confirmed_soft_and_restorable_with_counts_kept_right(posted, app, make):
    question, answer, member, client, _ = posted
    assert "Yes, delete my answer" in client.get(f"/answers/{answer.id}/delete").get_data(
        as_text=True
    )
    assert answer.status is AnswerStatus.PUBLISHED  # asking is not deleting
    client.post(f"/answers/{answer.id}/delete")
    assert answer.status is AnswerStatus.DELETED
    assert question.answer_count == 0 and member.approved_answer_count == 0
    reader_page = app.test_client().get(f"/questions/{question.id}/{question.slug}")
    assert "Pyridostigmine helped" not in reader_page.get_data(as_text=True)
    assert app.test_client().get(f"/answers/{answer.id}").status_code == 404

    assert client.post(f"/answers/{answer.id}/restore").status_code == 403
    moderator = app.test_client(user=make.user(role=Role.MODERATOR))
    moderator_page = moderator.get(f"/questions/{question.id}/{question.slug}").get_data(
        as_text=True
    )
    assert "Deleted by its author" in moderator_page and "Pyridostigmine helped" in moderator_page
    moderator.post(f"/answers/{answer.id}/restore")
    assert answer.status is AnswerStatus.PUBLISHED
    assert question.answer_count == 1 and member.approved_answer_count == 1
    assert db.session.scalar(select(ModerationAction)).action == "answer_restored"


def test_the_history_puts_each_reason_and_time_on_the_version_its_edit_made(posted):
    _, answer, _, client, pyridostigmine = posted
    client.post(
        f"/answers/{answer.id}/edit",
        data=edit_form(
            answer,
            "Pyridostigmine helped my eyelids within days, and later my arms too.",
            treatments=[(pyridostigmine.id, "helped_a_lot", {})],
            reason="Six months on",
        ),
    )
    html = client.get(f"/answers/{answer.id}/history").get_data(as_text=True)
    current, first = html.split("Version 2 (current)")[1].split("Version 1")
    assert "Reason given: Six months on" in current and "Reason given" not in first
    assert "Changed Pyridostigmine" in current
