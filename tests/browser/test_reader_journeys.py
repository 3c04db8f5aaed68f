"""Journeys of a reader, done as a person would: by link names, headings, regions and labels."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.live import MEMBER_EMAIL, QUESTION_TITLE

pytestmark = pytest.mark.browser

SITE = "Patient Experience Forum"
OUTCOME_WORDS = re.compile("Helped a lot|Helped somewhat|No change|Made it worse")


def test_a_reader_opens_a_question_from_the_home_page_and_reads_summary_then_answers(page):
    expect(page).to_have_title(SITE)
    page.get_by_role("link", name="Stiff Person Syndrome").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Stiff Person Syndrome")
    expect(page).to_have_title(f"Stiff Person Syndrome · {SITE}")
    expect(
        page.get_by_text(re.compile(r"members? in the Stiff Person Syndrome community"))
    ).to_be_visible()
    page.get_by_role("link", name=QUESTION_TITLE).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(QUESTION_TITLE)
    expect(page).to_have_title(f"{QUESTION_TITLE} · Stiff Person Syndrome · {SITE}")
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumb.get_by_role("link", name="Stiff Person Syndrome", exact=True)).to_be_visible()

    summary = page.get_by_role("region", name="Short answer")
    expect(summary.get_by_role("heading", name="Medically reviewed summary")).to_be_visible()
    expect(summary).to_contain_text(re.compile(r"Medically reviewed by Dr\. Demo Reviewer"))
    expect(summary).to_contain_text(re.compile(r"Last updated \d{1,2} [A-Z][a-z]+ \d{4}"))
    expect(summary).to_contain_text("not medical advice")
    expect(summary.get_by_role("link", name="Revision history")).to_be_visible()

    experiences = page.get_by_role("region", name="Members' experiences")
    expect(experiences).to_contain_text(
        re.compile(r"\d+ people with Stiff Person Syndrome\s+have shared")
    )
    answers = experiences.get_by_role("article")
    expect(answers.first).to_be_visible()
    assert answers.count() >= 3
    # The summary comes first; answers follow, each with who is speaking and what they tried.
    assert summary.bounding_box()["y"] < experiences.bounding_box()["y"]
    expect(answers.first.get_by_role("heading")).not_to_be_empty()
    expect(answers.first).to_contain_text("Perspective")
    expect(experiences.get_by_text(OUTCOME_WORDS).first).to_be_visible()

    answers.first.get_by_role("link", name="Link to this answer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"An answer to “{QUESTION_TITLE}”")
    expect(page.get_by_role("article")).to_have_count(1)


def test_a_reader_looks_at_how_the_summary_changed(open_page, demo):
    page = open_page(demo.question)
    page.get_by_role("region", name="Short answer").get_by_role(
        "link", name="Revision history"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Summary history")
    expect(page).to_have_title(f"Summary history: {QUESTION_TITLE} · {SITE}")
    expect(
        page.get_by_role("heading", level=2, name=re.compile(r"^Version \d+"))
    ).not_to_have_count(0)


def test_the_skip_link_is_the_first_tab_stop_and_focus_is_visible(open_page, demo):
    page = open_page(demo.question)
    skip = page.get_by_role("link", name="Skip to main content")

    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()

    page.keyboard.press("Tab")
    home = page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Home")
    expect(home).to_be_focused()
    outline = home.evaluate(
        "link => { const style = getComputedStyle(link);"
        " return {style: style.outlineStyle, width: parseFloat(style.outlineWidth)}; }"
    )
    assert outline["style"] != "none" and outline["width"] >= 2, outline


def test_a_member_reports_a_problem_and_the_form_explains_what_is_missing(open_page, demo):
    page = open_page(demo.question, signed_in_as=MEMBER_EMAIL)
    page.get_by_role("region", name="Short answer").get_by_role(
        "link", name="Report a problem with this summary"
    ).click()
    expect(page).to_have_title(f"Report a problem with a summary · {SITE}")
    note = page.get_by_label("What is wrong or out of date?")
    expect(note).to_have_accessible_description(re.compile("For example a claim"))

    page.get_by_role("button", name="Send report").click()
    expect(page).to_have_title(f"Error: Report a problem with a summary · {SITE}")
    expect(note).to_have_attribute("aria-invalid", "true")
    expect(note).to_have_accessible_description(re.compile("Error: Please describe the problem."))

    note.fill("The second reference link no longer works.")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(QUESTION_TITLE)
    expect(page.get_by_role("status").and_(page.locator(".flash-messages"))).to_have_text(
        "Thank you. A medical reviewer will read your report and reply on your reports page."
    )


def test_a_reader_filters_answers_by_a_treatment_and_compares_two(open_page, demo):
    page = open_page(demo.question)
    report = page.get_by_role("region", name="What members report")
    table = report.get_by_role("table")
    expect(table.get_by_role("columnheader", name="Members who tried it")).to_be_visible()
    treatment = table.get_by_role("rowheader").first.inner_text()  # the most tried

    filters = page.get_by_role("form", name="Sort and filter answers")
    filters.get_by_label("Treatment").select_option(label=treatment)
    filters.get_by_role("button", name="Show answers").click()

    expect(page).to_have_url(re.compile(r"\?treatment=[a-z0-9-]+#answers$"))
    expect(page).to_have_title(re.compile(rf"^{re.escape(QUESTION_TITLE)} \(filtered answers\)"))
    expect(
        page.get_by_text(re.compile(r"Showing 1–\d+ of \d+ answers? that match"))
    ).to_be_visible()
    answers = page.get_by_role("region", name="Members' experiences").get_by_role("article")
    assert answers.count() >= 2
    for index in range(answers.count()):
        expect(answers.nth(index).get_by_role("link", name=treatment, exact=True)).to_be_visible()

    for index in range(2):
        answers.nth(index).get_by_role("checkbox", name=re.compile("^Compare")).check()
    expect(page.get_by_text("2 answers selected.")).to_be_visible()
    page.get_by_role("button", name="Compare selected answers").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Comparing 2 answers")
    expect(page).to_have_url(re.compile(r"/compare\?a=\d+&a=\d+$"))
    comparison = page.get_by_role("table")
    expect(comparison.get_by_role("columnheader")).to_have_count(2)
    row = comparison.get_by_role("row").filter(has=page.get_by_role("rowheader", name=treatment))
    expect(row.get_by_text(OUTCOME_WORDS)).to_have_count(2)  # both tried it: both outcomes
    expect(comparison.get_by_role("rowheader", name="In their words")).to_be_visible()


def test_the_compare_columns_stack_on_a_phone(open_page, demo):
    page = open_page(demo.compare, width=390)
    cells = page.get_by_role("row", name=re.compile("^Perspective")).get_by_role("cell")
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1, (first, second)
    assert abs(first["x"] - second["x"]) < 2


def test_a_member_marks_an_answer_helpful_without_the_page_reloading(open_page, demo):
    page = open_page(demo.question, signed_in_as=MEMBER_EMAIL)
    page.evaluate("window.stillTheSamePage = true")
    first_votable = (
        page.get_by_role("region", name="Members' experiences")
        .get_by_role("article")
        .filter(has=page.get_by_role("button", name="Helpful answer"))
        .first
    )
    # Held by its id: the vote may move it up the most-helpful order after a reload.
    answer = page.locator("article#" + first_votable.get_attribute("id"))
    button = answer.get_by_role("button", name="Helpful answer", exact=True)
    count = answer.get_by_text(re.compile(r"found this helpful$"))
    before = int(count.inner_text().split()[0])
    expect(button).to_have_attribute("aria-pressed", "false")

    button.dblclick()  # a double click is one click: one vote
    expect(button).to_have_attribute("aria-pressed", "true")
    after = f"{before + 1} {'person' if before == 0 else 'people'} found this helpful"
    expect(count).to_have_text(after)
    expect(answer.get_by_role("status")).to_have_text("You marked this answer as helpful.")
    page.reload()
    expect(count).to_have_text(after)  # what the server counted, not only what the page says
    expect(button).to_have_attribute("aria-pressed", "true")

    page.evaluate("window.stillTheSamePage = true")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(answer.get_by_role("status")).to_have_text("You took back your helpful mark.")
    expect(count).to_have_text(re.compile(rf"^{before} (person|people) found this helpful$"))
    assert page.evaluate("window.stillTheSamePage") is True
