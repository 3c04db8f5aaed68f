"""A newcomer's journey: register, confirm from the outbox, join a community, answer.

Done twice: once with the mouse, finding things by label and role, and once with the keyboard
alone (Tab to move, typing, Space and arrows to choose, Enter to submit)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.live import QUESTION_TITLE, tab_to
from tests.mailbox import Outbox

pytestmark = pytest.mark.browser

PASSWORD = "copper meadow lantern"
STORY = (
    "Diazepam took the edge off the stiffness within a fortnight. Baclofen on top made me "
    "sleepy, so I stopped it. Warm baths before bed still help me most."
)
_numbers = itertools.count(1)


@pytest.fixture
def newcomer():
    n = next(_numbers)
    return f"newcomer{n}@example.com", f"Newcomer {n}"


def outbox_of(forum_app) -> Outbox:
    return Outbox(Path(forum_app.config["MAIL_OUTBOX_DIR"]))


def test_a_newcomer_registers_confirms_joins_and_answers(open_page, forum_app, newcomer):
    email, name = newcomer
    page = open_page("/")
    page.get_by_role("link", name="Join", exact=True).click()
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Display name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("I have read the community guidelines").check()
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    page.goto(outbox_of(forum_app).link_in_last(email))
    expect(page.get_by_role("status").and_(page.locator(".flash-messages"))).to_contain_text(
        "your email address is confirmed"
    )
    # The link confirms, and never signs anyone in: the newcomer signs in with their password.
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Join the Stiff Person Syndrome community").click()
    page.get_by_label("I have it").check()
    page.get_by_role("button", name="Join the community").click()
    expect(page.get_by_role("status").and_(page.locator(".flash-messages"))).to_contain_text(
        "joined the Stiff Person Syndrome"
    )

    page.get_by_role("link", name=QUESTION_TITLE).click()
    page.get_by_role("region", name="Share your experience").get_by_role(
        "link", name="Write your answer"
    ).click()
    share = page.get_by_role("main")
    share.get_by_label("Your experience").fill(STORY)
    first = share.get_by_role("group", name="Treatment 1")
    first.get_by_label("Treatment", exact=True).select_option(label="Diazepam")
    first.get_by_label("How did it go?").select_option(label="Helped a lot")
    second = share.get_by_role("group", name="Treatment 2")
    second.get_by_label("Treatment", exact=True).select_option(label="Other (type its name)")
    second.get_by_label("If other, its name").fill("Warm baths")
    second.get_by_label("How did it go?").select_option(label="Helped somewhat")
    share.get_by_role("button", name="Post my answer").click()

    expect(page.get_by_role("status").and_(page.locator(".flash-messages"))).to_contain_text(
        "Thank you for sharing"
    )
    mine = page.get_by_role("article", name=name)
    expect(mine).to_contain_text("Warm baths before bed")
    expect(mine).to_contain_text("Diazepam")
    expect(mine).to_contain_text("Helped a lot")
    expect(mine).to_contain_text("Warm baths")


def test_the_same_journey_with_the_keyboard_alone(open_page, forum_app, newcomer):
    email, name = newcomer
    page = open_page("/")
    keys = page.keyboard
    tab_to(page, page.get_by_role("link", name="Join", exact=True))
    keys.press("Enter")
    tab_to(page, page.get_by_label("Email address"))
    keys.type(email)
    keys.press("Tab")
    keys.type(name)
    keys.press("Tab")
    keys.type(PASSWORD)
    tab_to(page, page.get_by_label("I have read the community guidelines"))
    keys.press("Space")
    tab_to(page, page.get_by_role("button", name="Create my account"))
    keys.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    page.goto(outbox_of(forum_app).link_in_last(email))  # following the emailed link
    tab_to(page, page.get_by_label("Email address"))  # then signing in
    keys.type(email)
    tab_to(page, page.get_by_label("Password"))
    keys.type(PASSWORD)
    keys.press("Enter")
    tab_to(page, page.get_by_role("link", name="Join the Stiff Person Syndrome community"))
    keys.press("Enter")
    tab_to(page, page.get_by_label("I have it"))
    keys.press("Space")
    tab_to(page, page.get_by_role("button", name="Join the community"))
    keys.press("Enter")
    tab_to(page, page.get_by_role("link", name=QUESTION_TITLE))
    keys.press("Enter")
    tab_to(page, page.get_by_role("link", name="Share your own experience"))
    keys.press("Enter")

    share = page.get_by_role("main")
    tab_to(page, share.get_by_label("Your experience"))
    keys.type(STORY)
    first = share.get_by_role("group", name="Treatment 1")
    tab_to(page, first.get_by_label("Treatment", exact=True))
    keys.type("Diazepam")  # typing picks the matching option in a closed select
    tab_to(page, first.get_by_label("How did it go?"))
    keys.type("Helped a lot")
    second = share.get_by_role("group", name="Treatment 2")
    tab_to(page, second.get_by_label("Treatment", exact=True))
    keys.type("Other")
    tab_to(page, second.get_by_label("If other, its name"))
    keys.type("Warm baths")
    tab_to(page, second.get_by_label("How did it go?"))
    keys.type("No change")
    tab_to(page, share.get_by_role("button", name="Post my answer"))
    keys.press("Enter")

    mine = page.get_by_role("article", name=name)
    expect(mine).to_contain_text("Diazepam")
    expect(mine).to_contain_text("Helped a lot")
    expect(mine).to_contain_text("Warm baths")
    expect(mine).to_contain_text("No change")


def test_a_reviewer_publishes_a_summary_revision(open_page, forum_app):
    from sqlalchemy import select

    from forum.accounts.models import User
    from forum.database import db
    from forum.questions.models import Question
    from forum.summaries.services import SummaryInput, save_draft, submit_for_review

    title = "What were your first symptoms of Stiff Person Syndrome?"
    with forum_app.app_context():
        question = db.session.scalar(select(Question).where(Question.title == title))
        writer = db.session.scalar(select(User).where(User.email == "admin@demo.example"))
        draft = save_draft(
            question,
            writer,
            SummaryInput(
                short_answer="Demo content: early signs are often stiffness in the back and legs.",
                body="*Demo content:* stiffness and spasms often start in the trunk.",
            ),
        )
        db.session.commit()  # saved as a draft, as the edit page would
        submit_for_review(draft, writer)
        db.session.commit()
        db.session.remove()

    page = open_page("/", signed_in_as="reviewer@demo.example")
    page.get_by_role("link", name="Review dashboard").click()
    waiting = page.get_by_role("table", name="Drafts waiting for review")
    waiting.get_by_role("link", name=title, exact=False).click()
    page.get_by_label("What changed at this review").fill("Rewrote the short answer.")
    page.get_by_role("button", name="Sign off and publish").click()

    page.get_by_role("link", name=title).first.click()
    summary = page.get_by_role("region", name="Short answer")
    expect(summary).to_contain_text("early signs are often stiffness in the back and legs")
    expect(summary).to_contain_text("Medically reviewed by")
