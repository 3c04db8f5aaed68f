"""Privacy: a note reaches only readers who may read the answer's text, never names an
anonymous author, and is in the member's data export; deleting an account keeps or removes
notes as the words they belong to require."""

from __future__ import annotations

import html
import json

import pytest
from sqlalchemy import func, select

from forum.answers.models import Visibility
from forum.database import db
from forum.reviewer_notes import services
from forum.reviewer_notes.models import ReviewerNote, ReviewerNoteRevision
from tests.factories import PASSWORD
from tests.reviewer_notes.helpers import EDITED, NOTE, add_note, client_as


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def surfaces(answer) -> dict[str, str]:
    question = answer.question
    return {
        "question page": f"/questions/{question.id}/{question.slug}",
        "permalink": f"/answers/{answer.id}",
        "history": f"/answers/{answer.id}/reviewer-note/history",
    }


@pytest.fixture
def members_only(answer, reviewer):
    answer.visibility = Visibility.MEMBERS
    db.session.commit()
    add_note(answer, reviewer)
    return answer


def test_a_members_only_answers_note_stays_from_signed_out_readers(app, members_only):
    reader = client_as(app)
    for surface, path in surfaces(members_only).items():
        response = reader.get(path)
        assert NOTE.body not in text_of(response), surface
        assert NOTE.source_title not in text_of(response), surface
    history = reader.get(surfaces(members_only)["history"])
    assert history.status_code == 403 and "signed-in members only" in text_of(history)


def test_a_members_only_answers_note_stays_from_unconfirmed_members(app, make, members_only):
    unconfirmed = make.user(email_verified_at=None)
    reader = client_as(app, unconfirmed)
    for surface, path in surfaces(members_only).items():
        assert NOTE.body not in text_of(reader.get(path)), surface


def test_a_members_only_answers_note_reaches_confirmed_members(app, make, members_only):
    reader = client_as(app, make.user())
    for surface, path in surfaces(members_only).items():
        response = reader.get(path)
        assert response.status_code == 200 and NOTE.body in text_of(response), surface


def test_nothing_about_a_note_names_an_anonymous_author(app, make, answer, author, reviewer):
    answer.is_anonymous = True
    db.session.commit()
    client_as(app, reviewer).post(
        f"/answers/{answer.id}/reviewer-note",
        data={
            "body": NOTE.body,
            "source_title": NOTE.source_title,
            "source_url": "",
            "version": "0",
        },
    )
    pages = {
        **{name: client_as(app).get(path) for name, path in surfaces(answer).items()},
        "note form": client_as(app, reviewer).get(f"/answers/{answer.id}/reviewer-note"),
        "withdraw page": client_as(app, reviewer).get(
            f"/answers/{answer.id}/reviewer-note/withdraw"
        ),
    }
    for name, response in pages.items():
        page = text_of(response)
        assert response.status_code == 200 and NOTE.body in page, name
        assert author.display_name not in page, name


def test_the_export_holds_the_notes_on_the_members_answers(app, answer, author, reviewer):
    add_note(answer, reviewer)
    services.withdraw_note(answer, reviewer, "Outdated.", expected_version=1)
    db.session.commit()
    data = json.loads(client_as(app, author).post("/account/export").get_data(as_text=True))
    (exported,) = data["answers"]
    assert exported["reviewer_note"]["body"] == NOTE.body
    assert exported["reviewer_note"]["signed_by"] == "Dr Rae Example, MD, neurology"
    assert exported["reviewer_note"]["withdrawn_at"] is not None
    assert data["reviewer_notes_written"] == []


def test_the_export_holds_the_notes_a_reviewer_wrote(app, answer, reviewer):
    add_note(answer, reviewer)
    services.save_note(answer, reviewer, EDITED, expected_version=1, reason="Newer guideline.")
    db.session.commit()
    data = json.loads(client_as(app, reviewer).post("/account/export").get_data(as_text=True))
    assert [(v["answer_id"], v["version"], v["body"]) for v in data["reviewer_notes_written"]] == [
        (answer.id, 1, NOTE.body),
        (answer.id, 2, EDITED.body),
    ]
    assert data["reviewer_notes_written"][1]["reason"] == "Newer guideline."


def test_a_deleted_reviewers_notes_stay_signed_by_a_former_reviewer(app, answer, reviewer):
    add_note(answer, reviewer)
    reviewer_client = client_as(app, reviewer)
    response = reviewer_client.post(
        "/account/delete", data={"answers": "delete", "password": PASSWORD}
    )
    assert response.status_code in (302, 303)

    note = db.session.scalar(select(ReviewerNote))
    assert note.author_id is None and note.body == NOTE.body
    assert [v.editor_id for v in note.revisions] == [None]
    for name, path in surfaces(answer).items():
        page = text_of(client_as(app).get(path))
        assert NOTE.body in page, name
        assert "former reviewer" in page and "Dr Rae Example" not in page, name


@pytest.mark.parametrize(("choice", "notes_left"), [("delete", 0), ("keep", 1)])
def test_a_deleted_members_notes_go_with_their_answers(
    app, answer, author, reviewer, choice, notes_left
):
    add_note(answer, reviewer)
    client_as(app, author).post("/account/delete", data={"answers": choice, "password": PASSWORD})
    count = db.session.scalar(select(func.count()).select_from(ReviewerNote))
    versions = db.session.scalar(select(func.count()).select_from(ReviewerNoteRevision))
    assert (count, versions) == (notes_left, notes_left)
