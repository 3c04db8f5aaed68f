"""A medical reviewer adds a note under a member's answer through the pages, and a signed-out
reader finds it under the answer, signed and cited, with its history a click away. Elements are
found by role, name and label."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from forum.accounts.models import User
from forum.answers.models import Answer, AnswerStatus, Visibility
from forum.database import db
from forum.questions.models import Question, QuestionStatus
from forum.reviewer_notes.models import ReviewerNote
from forum.web.urls import answer_url
from tests.browser.live import FOLLOWED_QUESTION_TITLE, QUESTION_TITLE, REVIEWER_EMAIL

pytestmark = pytest.mark.browser

NOTE = (
    "Doses like this are above the usual range for most adults. Please talk to your "
    "neurologist before changing yours."
)
SOURCE = "Example Clinical Guideline on Spasticity, 2025"
SOURCE_URL = "https://example.org/spasticity-guideline"


@pytest.fixture(scope="module")
def answer_without_a_note(forum_app) -> str:
    """The permalink of a published answer everyone may read, by someone other than the
    reviewer, on a question the other journeys leave alone."""
    with forum_app.test_request_context():
        answer = db.session.scalar(
            select(Answer)
            .join(Question, Question.id == Answer.question_id)
            .join(User, User.id == Answer.author_id)
            .where(
                Answer.status == AnswerStatus.PUBLISHED,
                Answer.visibility == Visibility.EVERYONE,
                Question.status != QuestionStatus.HIDDEN,
                Question.title.not_in([QUESTION_TITLE, FOLLOWED_QUESTION_TITLE]),
                User.email != REVIEWER_EMAIL,
                ~Answer.id.in_(select(ReviewerNote.answer_id)),
            )
            .order_by(Answer.id)
        )
        path = answer_url(answer)
        db.session.remove()
    return path


def test_a_reviewer_adds_a_note_and_a_signed_out_reader_sees_it(open_page, answer_without_a_note):
    page = open_page(answer_without_a_note, signed_in_as=REVIEWER_EMAIL)
    page.get_by_role("article").get_by_role("link", name="Add a reviewer note").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a reviewer note")

    page.get_by_label("Your note").fill(NOTE)
    page.get_by_label(re.compile("^Source")).fill(SOURCE)
    page.get_by_label("Link to the source (optional)").fill(SOURCE_URL)
    page.get_by_role("button", name="Add the note").click()
    expect(page.get_by_role("status").and_(page.locator(".flash-messages"))).to_contain_text(
        "Your note is added under the answer."
    )

    reader = open_page(answer_without_a_note)
    note = reader.get_by_role("article").get_by_role("note", name="Medical reviewer's note")
    expect(note).to_contain_text(NOTE)
    expect(note.get_by_role("link", name=SOURCE)).to_have_attribute("href", SOURCE_URL)
    byline = note.get_by_role("link", name=re.compile(r"^Dr\b.*, MD"))
    expect(byline).to_have_attribute("href", re.compile(r"^/reviewers/\d+$"))

    note.get_by_role("link", name="History of this reviewer's note").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("History of a reviewer note")
    first_version = reader.get_by_role("heading", level=2, name=re.compile(r"^Version 1 \(shown"))
    expect(first_version).to_be_visible()
    expect(reader.get_by_role("main")).to_contain_text(NOTE)
