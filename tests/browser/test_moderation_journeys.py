"""Moderation done as people do it: a moderator approves a waiting answer from the queue, and a
member reports an answer. Elements are found by role, name and label."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.live import MEMBER_EMAIL, MODERATOR_EMAIL

pytestmark = pytest.mark.browser

SITE = "Patient Experience Forum"


def test_a_moderator_approves_a_waiting_answer_from_the_queue(open_page):
    page = open_page("/", signed_in_as=MODERATOR_EMAIL)
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Moderation").click()
    expect(page).to_have_title(f"Moderation queue · {SITE}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation queue")

    waiting = page.get_by_role("article", name=re.compile(r"^Waiting answer by "))
    count = waiting.count()
    assert count >= 1
    item = waiting.first
    name = item.get_by_role("heading", level=2).inner_text()
    expect(item).to_contain_text("Held because:")
    expect(item.get_by_role("heading", name="Who wrote it")).to_be_visible()

    item.get_by_role("button", name=re.compile(r"^Approve")).click()

    expect(page.get_by_role("status").and_(page.locator(".flash-messages"))).to_contain_text(
        "Approved and published"
    )
    expect(page.get_by_role("article", name=name, exact=True)).to_have_count(0)
    expect(page.get_by_role("article", name=re.compile(r"^Waiting answer by "))).to_have_count(
        count - 1
    )


def test_a_moderator_must_give_a_reason_to_hide_an_answer(open_page):
    page = open_page("/moderation/", signed_in_as=MODERATOR_EMAIL)
    reported = page.get_by_role("article", name=re.compile(r"Reported answer by ")).first
    hide = reported.locator("summary", has_text="Hide")
    hide.click()
    reason = reported.get_by_label(re.compile("Why is it hidden"))
    expect(reason).to_be_visible()
    expect(reason).to_have_attribute("required", "")


def test_a_member_reports_an_answer_with_a_reason(open_page, demo):
    page = open_page(demo.answer, signed_in_as=MEMBER_EMAIL)
    page.get_by_role("article").get_by_role("link", name="Report this answer").click()

    expect(page).to_have_title(f"Report an answer · {SITE}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Report an answer")
    page.get_by_role("button", name="Send the report").click()
    expect(page).to_have_title(f"Error: Report an answer · {SITE}")

    page.get_by_role("group", name="What is wrong with this answer?").get_by_label(
        "Off-topic"
    ).check()
    page.get_by_label("Anything the moderators should know? (optional)").fill(
        "It is about a different condition."
    )
    page.get_by_role("button", name="Send the report").click()

    expect(page.get_by_role("status").and_(page.locator(".flash-messages"))).to_have_text(
        "Thank you for the report. A moderator will look at it soon."
    )
    page.goto(demo.report_form)
    expect(page.get_by_text("You have already reported this answer.")).to_be_visible()
