"""A reader suggests a correction to a summary, a reviewer declines it with a reason, and the
reader reads that reason: every step through the real pages and their CSRF-protected forms. The
reader's page with the reason is checked as every kind of page is (test_accessibility.py, where
the form and the reviewer's page are checked with the demo's own suggestion)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.live import REVIEWER_EMAIL
from tests.browser.test_accessibility import assert_accessible_at_both_widths

pytestmark = pytest.mark.browser

READER_EMAIL = "pebble.path@demo.example"  # no other browser test signs in as them
ADDED = "Physiotherapy helps many people keep moving between flares."
REASON = "Physiotherapy is missing, though the guideline recommends it."
SOURCE = "Stiff person syndrome: a guideline for physiotherapists"
DECLINED_BECAUSE = "That guideline is about another condition."


def flash(page: Page):
    return page.get_by_role("status").and_(page.locator(".flash-messages"))


def test_a_suggestion_goes_from_reader_to_reviewer_and_back(open_page, demo):
    page = open_page(demo.question, signed_in_as=READER_EMAIL)
    page.get_by_role("link", name="Suggest a correction").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Suggest a correction to this summary")

    body = page.get_by_label("Summary")
    body.fill(f"{body.input_value()}\n\n{ADDED}")
    page.get_by_label("What is wrong or missing?").fill(REASON)
    page.get_by_label("Your source").fill(SOURCE)
    page.get_by_label("Link to the source").fill("https://example.org/physiotherapy")
    page.get_by_role("button", name="Send suggestion").click()
    expect(flash(page)).to_contain_text("A medical reviewer will read your suggestion")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Stiff Person Syndrome"))

    reviewer = open_page("/review/", signed_in_as=REVIEWER_EMAIL)
    suggestions = reviewer.get_by_role("table", name=re.compile("Readers' suggested corrections"))
    # The newest row: the suggestion just sent.
    suggestions.get_by_role("link", name=re.compile(r"^Read and decide")).last.click()
    expect(reviewer.get_by_role("heading", level=1)).to_have_text("Suggested correction")
    expect(reviewer.get_by_role("main")).to_contain_text(REASON)
    expect(reviewer.locator(".diff ins").filter(has_text=ADDED)).to_have_count(1)

    reviewer.get_by_label("Why it is not taken up").fill(DECLINED_BECAUSE)
    reviewer.get_by_role("button", name="Decline with this reason").click()
    expect(flash(reviewer)).to_contain_text("Declined.")

    mine = open_page("/account/suggestions", signed_in_as=READER_EMAIL)
    item = mine.get_by_role("listitem").filter(has_text=REASON)
    expect(item).to_contain_text("Not taken up")
    expect(item).to_contain_text(DECLINED_BECAUSE)
    assert_accessible_at_both_widths(mine)  # the reason a reviewer gave, at both widths
