"""A note, a change to it and its withdrawal reach readers on the very next request, with every
kept page and card warm; so does a new byline on the reviewer's profile."""

from __future__ import annotations

import html

from sqlalchemy import select

from forum.database import db
from forum.summaries.models import ReviewerProfile
from tests.reviewer_notes.helpers import EDITED, NOTE, client_as, note_form


def paths(answer) -> list[str]:
    question = answer.question
    return [f"/questions/{question.id}/{question.slug}", f"/answers/{answer.id}"]


def warm(reader, answer) -> None:
    """Each page read twice, so the second reading is served from the page cache."""
    for path in paths(answer):
        reader.get(path)
        assert reader.get(path).headers["X-Page-Cache"] == "hit", path


def read(reader, answer) -> list[str]:
    return [html.unescape(reader.get(path).get_data(as_text=True)) for path in paths(answer)]


def test_a_signed_out_reader_sees_each_change_at_once(app, answer, reviewer):
    reader = client_as(app)
    warm(reader, answer)
    note_page = f"/answers/{answer.id}/reviewer-note"

    client_as(app, reviewer).post(note_page, data=note_form())
    assert all(NOTE.body in page for page in read(reader, answer))

    warm(reader, answer)
    client_as(app, reviewer).post(note_page, data=note_form(EDITED, version=1))
    assert all(EDITED.body in page and NOTE.body not in page for page in read(reader, answer))

    warm(reader, answer)
    client_as(app, reviewer).post(f"{note_page}/withdraw", data={"reason": "Old.", "version": 2})
    assert all("Medical reviewer's note" not in page for page in read(reader, answer))


def test_kept_cards_are_drawn_again_with_a_reviewers_new_byline(app, make, answer, reviewer):
    """Signed in, so the page itself is not kept but its cards are: a profile changes without
    the answer's version moving, and the card still says who signs the note now."""
    client_as(app, reviewer).post(f"/answers/{answer.id}/reviewer-note", data=note_form())
    member = client_as(app, make.user())
    assert "Dr Rae Example, MD, neurology" in read(member, answer)[0]

    profile = db.session.scalar(
        select(ReviewerProfile).where(ReviewerProfile.user_id == reviewer.id)
    )
    profile.specialty = "neuromuscular medicine"
    db.session.commit()
    assert "Dr Rae Example, MD, neuromuscular medicine" in read(member, answer)[0]

    profile.verified_at = None  # a changed profile waits for an admin again: no byline meanwhile
    db.session.commit()
    page = read(member, answer)[0]
    assert "Dr Rae Example" not in page and "A medical reviewer" in page and NOTE.body in page
