"""Outcomes over time, in a real browser: a member answers with the optional details of a
treatment and asks to be checked in with; six months later (the hourly job, run as if it were
then) the bell asks "still working?"; the member updates the report in a few clicks, and a
signed-out reader sees "Updated after 6 months" on the answer, and the author's edit history
keeps the step."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from forum.accounts.models import User
from forum.answers.models import Answer
from forum.database import db
from forum.outcomes.schedule import months_after
from forum.outcomes.sending import send_due_check_ins
from forum.questions.models import Question
from tests.browser.live import question_path

pytestmark = pytest.mark.browser

# A member no other browser test signs in as, and a question they have not answered.
MEMBER_EMAIL = "maple.moss@demo.example"
MEMBER_NAME = "MapleAndMoss"
TITLE = "How long did it take to get a Stiff Person Syndrome diagnosis?"
STORY = (
    "It took four years and three neurologists. Once I was diagnosed, diazepam eased the "
    "stiffness within a few weeks, though it left me drowsy at first."
)


def six_months_pass(forum_app) -> None:
    """The hourly job runs as if it were just over six months after the member's answer."""
    with forum_app.app_context():
        answer = db.session.scalar(
            select(Answer)
            .join(Question)
            .join(User, User.id == Answer.author_id)
            .where(Question.title == TITLE, User.email == MEMBER_EMAIL)
        )
        assert answer is not None, "the member's answer was not saved"
        send_due_check_ins(now=months_after(answer.created_at, 6) + timedelta(hours=1))
        db.session.remove()


def flash(page: Page):
    return page.get_by_role("status").and_(page.locator(".flash-messages"))


def answer_with_details(page: Page) -> None:
    page.get_by_role("region", name="Share your experience").get_by_role(
        "link", name="Write your answer"
    ).click()
    form = page.get_by_role("main")
    form.get_by_label("Your experience").fill(STORY)
    row = form.get_by_role("group", name="Treatment 1")
    row.get_by_label("Treatment", exact=True).select_option(label="Diazepam")
    row.get_by_label("How did it go?").select_option(label="Helped somewhat")
    row.get_by_label("Still using it?").select_option(label="Yes")
    more = row.locator("details")
    more.get_by_text("More about this treatment").click()  # progressive disclosure
    more.get_by_label("Month you started").select_option(label="March")
    more.get_by_label("Year you started").select_option(label="2024")
    more.get_by_label("How long until it helped?").select_option(label="1 to 4 weeks")
    more.get_by_label("How hard was it to get?").select_option(label="Easy to get")
    more.get_by_label("Dose (medicines only)").fill("5 mg at night")
    severities = more.get_by_role("group", name="Side effects, and how bad they were")
    severities.get_by_label("Drowsiness", exact=True).select_option(label="Mild")
    form.get_by_label("Ask me later whether it is still working").check()
    form.get_by_role("button", name="Post my answer").click()


def test_a_member_answers_in_detail_is_asked_after_six_months_and_readers_see_the_update(
    open_page, forum_app
):
    path = question_path(forum_app, TITLE)
    page = open_page(path, signed_in_as=MEMBER_EMAIL)
    answer_with_details(page)
    expect(flash(page)).to_contain_text("Thank you for sharing")
    mine = page.get_by_role("article", name=MEMBER_NAME)
    expect(mine).to_contain_text("Started March 2024")
    expect(mine).to_contain_text("Time until it helped: 1 to 4 weeks")
    expect(mine).to_contain_text("Dose: 5 mg at night")
    expect(mine).to_contain_text("not advice for anyone else")
    expect(mine).to_contain_text("Side effects: Drowsiness (mild)")
    expect(mine).not_to_contain_text("Updated after")

    six_months_pass(forum_app)
    page.reload()
    bell = page.get_by_role("navigation", name="Site").get_by_role(
        "link", name=re.compile(r"^Notifications\b")
    )
    expect(bell.locator(".bell__count")).to_have_text("1")
    bell.click()
    page.get_by_role("link", name=re.compile(r"6 months on: is Diazepam still working")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("6 months on: is it still working?")

    diazepam = page.get_by_role("group", name="Diazepam", exact=True)
    expect(diazepam.get_by_role("radio", name="Yes")).to_be_checked()  # prefilled: still taking
    diazepam.get_by_role("radio", name="Helped a lot").check()
    page.get_by_role("button", name="Save my check-in").click()
    expect(flash(page)).to_be_visible()

    # The edit history, which only the author (and moderators) may read, keeps the step.
    page.goto(path)
    page.get_by_role("article", name=MEMBER_NAME).get_by_role("link", name="Edit history").click()
    expect(page.get_by_role("main")).to_contain_text("Check-in after 6 months")

    reader = open_page(path)  # signed out, in a context of its own
    card = reader.get_by_role("article", name=MEMBER_NAME)
    expect(card).to_contain_text("Updated after 6 months: still helping")
    expect(card).to_contain_text("Helped a lot")
    expect(card).to_contain_text("Started March 2024")
