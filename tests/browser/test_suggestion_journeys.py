"""A reader suggests a correction to a summary, a reviewer declines it with a reason, and the
reader reads that reason: every step through the real pages and their CSRF-protected forms, each
page checked by axe-core at both widths, with 44 px targets and nothing scrolling sideways."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from forum.accounts.models import User
from forum.database import db
from forum.questions.models import Question
from forum.suggestions.services import SuggestionInput, suggest_correction
from tests.browser import html_checker
from tests.browser.live import QUESTION_TITLE, REVIEWER_EMAIL, WIDTHS, session_cookie
from tests.browser.test_accessibility import SMALL_TARGETS_JS, blocking_violations, describe
from tests.browser.test_html_validity import fetch

pytestmark = pytest.mark.browser

READER_EMAIL = "pebble.path@demo.example"  # no other browser test signs in as them
CHECKED_READER_EMAIL = "meadow.march@demo.example"  # nor as them
ADDED = "Physiotherapy helps many people keep moving between flares."
REASON = "Physiotherapy is missing, though the guideline recommends it."
SOURCE = "Stiff person syndrome: a guideline for physiotherapists"
DECLINED_BECAUSE = "That guideline is about another condition."


def flash(page: Page):
    return page.get_by_role("status").and_(page.locator(".flash-messages"))


def assert_accessible_at_both_widths(open_page, path: str, email: str) -> None:
    for width in WIDTHS.values():
        page = open_page(path, width, email)
        assert not (found := blocking_violations(page)), describe(found)
        sizes = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert sizes[0] <= sizes[1], f"{path} scrolls sideways at {width} px: {sizes}"
        assert not (small := page.evaluate(SMALL_TARGETS_JS)), "\n".join(small)


def test_a_suggestion_goes_from_reader_to_reviewer_and_back(open_page, demo):
    page = open_page(demo.question, signed_in_as=READER_EMAIL)
    page.get_by_role("link", name="Suggest a correction").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Suggest a correction to this summary")
    assert_accessible_at_both_widths(open_page, urlsplit(page.url).path, READER_EMAIL)

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
    assert_accessible_at_both_widths(open_page, urlsplit(reviewer.url).path, REVIEWER_EMAIL)

    reviewer.get_by_label("Why it is not taken up").fill(DECLINED_BECAUSE)
    reviewer.get_by_role("button", name="Decline with this reason").click()
    expect(flash(reviewer)).to_contain_text("Declined.")

    mine = open_page("/account/suggestions", signed_in_as=READER_EMAIL)
    item = mine.get_by_role("listitem").filter(has_text=REASON)
    expect(item).to_contain_text("Not taken up")
    expect(item).to_contain_text(DECLINED_BECAUSE)
    assert_accessible_at_both_widths(open_page, "/account/suggestions", READER_EMAIL)


def test_the_suggestion_pages_serve_valid_html(vnu_jar, forum_app, live_url, demo, tmp_path):
    """The form, the reader's page and the review page of a suggestion, as served."""
    with forum_app.app_context():
        question = db.session.scalar(select(Question).where(Question.title == QUESTION_TITLE))
        reader = db.session.scalar(select(User).where(User.email == CHECKED_READER_EMAIL))
        proposal = SuggestionInput(
            "Several treatments help; physiotherapy is one of them.",
            "Most people combine medicine with **physiotherapy**.",
            "Physiotherapy is missing.",
            "A guideline for physiotherapists",
            "https://example.org/a-very-long-address/that-goes-on/and-on?with=a&query=too",
        )
        suggestion = suggest_correction(question, reader, proposal)
        db.session.commit()
        pages = {
            "form": (f"/questions/{question.id}/summary/suggest", CHECKED_READER_EMAIL),
            "mine": ("/account/suggestions", CHECKED_READER_EMAIL),
            "review": (f"/review/suggestions/{suggestion.id}", REVIEWER_EMAIL),
            "dashboard": ("/review/", REVIEWER_EMAIL),
        }
        db.session.remove()
    files = []
    for name, (path, email) in pages.items():
        status, html = fetch(live_url + path, session_cookie(forum_app, email))
        assert status == 200, f"{name}: {status}"
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(html)
    errors = html_checker.errors_in(files)
    assert not errors, "\n".join(f"{e['url']}:{e.get('lastLine')}: {e['message']}" for e in errors)
