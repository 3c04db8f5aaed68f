"""A proposed question, from the member's idea to a published question: the member proposes it
(after looking at the similar questions offered), an admin publishes it from the queue, and
the member's bell leads to the new question, whose summary is being prepared. Elements are
found by role, name and label. The feature's pages are checked as every kind of page is
(test_accessibility.py, test_html_validity.py), with the demo's own proposal."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.live import ADMIN_EMAIL, MEMBER_EMAIL

pytestmark = pytest.mark.browser

CONDITION = "Stiff Person Syndrome"
# Shares "treatments" with a demo question, so the similar questions are offered first.
TITLE = "Which treatments help you sleep through the night?"
SIMILAR = "What are the primary treatments for Stiff Person Syndrome?"
DETAILS = "The spasms wake me most nights, and I'd like to hear what works for others."


def flash(page: Page):
    return page.get_by_role("status").and_(page.locator(".flash-messages"))


def question_box(page: Page):
    return page.get_by_role("textbox", name=re.compile(r"^Your question"))


def bell(page: Page):
    return page.get_by_role("navigation", name="Site").get_by_role(
        "link", name=re.compile(r"^Notifications\b")
    )


def test_a_member_proposes_a_question_and_an_admin_publishes_it(open_page, demo):
    page = open_page(demo.condition, signed_in_as=MEMBER_EMAIL)
    page.get_by_role("link", name=f"Propose a question about {CONDITION}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Propose a question about {CONDITION}"
    )
    question_box(page).fill(TITLE)
    page.get_by_label("Why it matters to you (optional)").fill(DETAILS)
    page.get_by_role("button", name="Propose this question").click()

    offered = page.get_by_role("region", name="Is your question already here?")
    expect(offered.get_by_role("link", name=SIMILAR)).to_be_visible()
    expect(question_box(page)).to_have_value(TITLE)  # nothing typed is lost
    page.get_by_role("button", name="Propose it anyway").click()

    expect(flash(page)).to_contain_text("A moderator will read your question")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your proposed questions")
    mine = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=TITLE))
    expect(mine).to_contain_text("Waiting for review")

    admin = open_page("/moderation/", signed_in_as=ADMIN_EMAIL)
    admin.get_by_role("navigation", name="Moderation").get_by_role(
        "link", name="Proposed questions"
    ).click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Proposed questions")
    proposal = admin.get_by_role("article", name=TITLE)
    expect(proposal).to_contain_text(DETAILS)
    expect(proposal).to_contain_text("DemoMember")
    expect(proposal.get_by_label("Question as it will be published")).to_have_value(TITLE)
    proposal.get_by_role("button", name=re.compile(r"^Publish")).click()

    expect(flash(admin)).to_contain_text("Published. The member has been told")
    expect(admin.get_by_role("article", name=TITLE)).to_have_count(0)

    page.reload()
    bell(page).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    told = re.compile(rf"^Your proposed question “{re.escape(TITLE)}” is published")
    page.get_by_role("link", name=told).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    being_prepared = "A medically reviewed summary for this question is being prepared."
    expect(page.get_by_text(being_prepared)).to_be_visible()
