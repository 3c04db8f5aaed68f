"""Following and being told: a member follows a question, another member answers it, and the
bell in the header leads the first member to that answer. Then the follow toggle on a condition
page, with the keyboard alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from forum.accounts.models import User
from forum.answers.models import Answer
from forum.database import db
from forum.questions.models import Question
from tests.browser.live import question_path, tab_to

pytestmark = pytest.mark.browser

# Members no other browser test signs in as, so nothing else rings their bell.
FOLLOWER_EMAIL = "lantern.keeper@demo.example"
ANSWERER_EMAIL = "gentle.grit@demo.example"  # trusted: their answers publish at once
ANSWERER_NAME = "GentleGrit"
KEYBOARD_EMAIL = "hollyhock.hen@demo.example"
TITLE = "How do you manage everyday life with Stiff Person Syndrome?"  # GentleGrit has not answered
CONDITION = "Stiff Person Syndrome"
STORY = (
    "I keep a stool in the kitchen so I can sit while I cook, and I plan the week so that no "
    "two busy days come together. A short warm shower in the morning loosens me up."
)


def answer_of(forum_app, email: str) -> int:
    """The id of EMAIL's answer to the question."""
    with forum_app.app_context():
        answer_id = db.session.scalar(
            select(Answer.id)
            .join(Question)
            .join(User, User.id == Answer.author_id)
            .where(Question.title == TITLE, User.email == email)
        )
        db.session.remove()
    assert answer_id is not None, f"{email} has no answer to “{TITLE}”"
    return answer_id


def bell(page: Page):
    return page.get_by_role("navigation", name="Site").get_by_role(
        "link", name=re.compile(r"^Notifications\b")
    )


def follow_toggle(page: Page, name: str):
    """The Follow button, whichever its state; each test checks its exact name itself."""
    return page.get_by_role("main").get_by_role(
        "button", name=re.compile(rf"^Follow(ing)? {re.escape(name)}(; press to stop following)?$")
    )


def flash(page: Page):
    return page.get_by_role("status").and_(page.locator(".flash-messages"))


def test_a_follower_hears_of_a_new_answer_and_the_bell_leads_to_it(open_page, forum_app):
    path = question_path(forum_app, TITLE)
    page = open_page(path, signed_in_as=FOLLOWER_EMAIL)
    expect(bell(page)).to_have_accessible_name("Notifications")  # nothing unread yet
    expect(bell(page).locator(".bell__count")).to_have_count(0)
    toggle = follow_toggle(page, TITLE)
    expect(toggle).to_have_accessible_name(f"Follow {TITLE}")
    expect(toggle).not_to_have_attribute("data-following", "")

    toggle.click()
    expect(flash(page)).to_have_text(f"You follow “{TITLE}”: every new answer.")
    expect(toggle).to_have_text(re.compile(r"^Following\b"))
    expect(toggle).to_have_attribute("data-following", "")
    expect(toggle).to_have_accessible_name(f"Following {TITLE}; press to stop following")

    # Another member, trusted, answers through the form: published at once, followers told.
    other = open_page(path, signed_in_as=ANSWERER_EMAIL)
    other.get_by_role("region", name="Share your experience").get_by_role(
        "link", name="Write your answer"
    ).click()
    other.get_by_role("main").get_by_label("Your experience").fill(STORY)
    other.get_by_role("main").get_by_role("button", name="Post my answer").click()
    expect(flash(other)).to_have_text("Thank you for sharing your experience.")  # not held
    answer_id = answer_of(forum_app, ANSWERER_EMAIL)

    page.reload()
    expect(bell(page).locator(".bell__count")).to_have_text("1")
    expect(bell(page)).to_have_accessible_name(re.compile(r"^Notifications\W+1 unread$"))

    bell(page).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    expect(bell(page).locator(".bell__count")).to_have_count(0)  # seen now, so read
    news = page.get_by_role("listitem").filter(has_text="New:")
    expect(news).to_have_count(1)
    news.get_by_role("link", name=f"{ANSWERER_NAME} shared their experience on “{TITLE}”.").click()

    expect(page).to_have_url(re.compile(rf"/answers/{answer_id}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"An answer to “{TITLE}”")
    answer = page.get_by_role("article")
    expect(answer).to_have_count(1)
    expect(answer).to_contain_text(STORY)
    expect(answer).to_contain_text(ANSWERER_NAME)


def test_a_keyboard_user_follows_and_stops_following_a_condition(open_page):
    page = open_page("/", signed_in_as=KEYBOARD_EMAIL)
    keys = page.keyboard
    tab_to(page, page.get_by_role("link", name=CONDITION, exact=True))
    keys.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(CONDITION)
    toggle = follow_toggle(page, CONDITION)
    expect(toggle).not_to_have_attribute("data-following", "")

    tab_to(page, toggle)
    keys.press("Enter")
    expect(flash(page)).to_have_text(f"You follow “{CONDITION}”: every new answer.")
    expect(toggle).to_have_attribute("data-following", "")
    expect(toggle).to_have_accessible_name(f"Following {CONDITION}; press to stop following")
    expect(page.get_by_role("link", name="How you hear about it")).to_be_visible()

    tab_to(page, toggle)
    keys.press("Enter")
    expect(flash(page)).to_have_text(f"You no longer follow “{CONDITION}”.")
    expect(toggle).not_to_have_attribute("data-following", "")
    expect(toggle).to_have_accessible_name(f"Follow {CONDITION}")
