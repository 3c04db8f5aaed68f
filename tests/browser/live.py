"""The real forum, served on 127.0.0.1 from a seeded SQLite file, and Debian's Chromium to look at
it. Shared by the browser tests (conftest.py beside this file) and `make screenshots`."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import flask_migrate
from flask import Flask, url_for
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright
from sqlalchemy import exists, select
from werkzeug.serving import WSGIRequestHandler, make_server

from config import TestingConfig
from forum import create_app
from forum.accounts.models import User
from forum.answers.models import Answer, AnswerStatus, HelpfulVote
from forum.answers.services import AnswerDraft, membership_for, submit_answer
from forum.comparing.votes import set_helpful_vote
from forum.conditions.models import Condition, Membership
from forum.database import db
from forum.flags.models import Flag, FlagReason
from forum.notifications.models import FollowLevel
from forum.notifications.services import mark_read, set_follow
from forum.notifications.unsubscribe import unsubscribe_token
from forum.proposals.models import QuestionProposal
from forum.questions.models import Question
from forum.suggestions.models import SuggestionStatus, SummarySuggestion
from forum.summaries.services import current_summary
from forum.web.urls import answer_url, condition_url, question_url
from tests import macro_gallery
from tools.demo import data
from tools.demo.knowledge import SUGGESTER_EMAIL
from tools.demo.moderation import NEWCOMERS, PROPOSAL_TITLE, PROPOSER_EMAIL
from tools.demo.seed import seed_demo

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Debian's Chromium, as root, on a machine whose only network is the loopback: no sandbox, and
# none of the background connections that would be refused one by one.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
DEMO_PASSWORD = "browser-tests-demo-password"
MEMBER_EMAIL = data.DEMO_ACCOUNTS[0].email  # a member of the Stiff Person Syndrome community
MODERATOR_EMAIL = "moderator@demo.example"
ADMIN_EMAIL = "admin@demo.example"
REVIEWER_EMAIL = data.REVIEWER_EMAIL
NEWCOMER_EMAIL = NEWCOMERS[0].email  # a new member whose first answer waits for a moderator
CONDITION_SLUG = "stiff-person-syndrome"
QUESTION_TITLE = "What are the primary treatments for Stiff Person Syndrome?"
# A member who follows a question and the whole condition, and has notifications read and unread.
FOLLOWER_EMAIL = "quiet.harbor@demo.example"
FOLLOWED_QUESTION_TITLE = "How has Stiff Person Syndrome affected your work or studies?"
FOLLOWED_ANSWERER_EMAIL = "slow.tide@demo.example"  # trusted: their answers publish at once
FOLLOWED_ANSWER = (
    "I asked for a later start and a desk near the door, so the walk in is short. On bad days I "
    "work from home, and my manager knows that a stiff morning is not a lazy one."
)
WIDTHS = {"desktop": 1280, "phone": 390}
HEIGHTS = {"desktop": 800, "phone": 844}


def chromium_missing_message() -> str | None:
    if CHROMIUM.exists():
        return None
    return (
        f"Chromium is not at {CHROMIUM}: install Debian's package "
        "(apt-get install chromium; .ci/run does this), or set CHROMIUM to its path."
    )


def live_config(database_file: Path) -> type[TestingConfig]:
    """Testing settings on a SQLite file, with CSRF on: the browser fills in real forms."""

    class LiveConfig(TestingConfig):
        WTF_CSRF_ENABLED = True

        def __init__(self) -> None:
            super().__init__()
            # Not DATABASE_URL: the browser pass always runs on its own file.
            self.SQLALCHEMY_DATABASE_URI = f"sqlite:///{database_file}"
            self.MAIL_OUTBOX_DIR = str(database_file.parent / "outbox")

    return LiveConfig


def demo_app(folder: Path, prepare=None) -> Flask:
    """An app on a fresh SQLite file in FOLDER, migrated and filled with the demo content.

    PREPARE(app) may add test-only routes before the first request."""
    app = create_app(live_config(folder / "forum.sqlite"))
    if prepare is not None:
        prepare(app)
    with app.app_context():
        flask_migrate.upgrade()
        seed_demo(DEMO_PASSWORD)
        db.session.commit()
        seed_follows_and_notifications()
        db.session.remove()
    return app


def seed_follows_and_notifications() -> None:
    """The follower follows a question and its condition; a member answered that question and
    the follower has read the notification; someone found the follower's own answer helpful,
    and that one is unread. All through the services the pages call, committed as they are."""
    follower = _user(FOLLOWER_EMAIL)
    question = db.session.scalar(select(Question).where(Question.title == FOLLOWED_QUESTION_TITLE))
    set_follow(follower, question, FollowLevel.EVERY_ANSWER)
    set_follow(follower, question.condition, FollowLevel.EVERY_ANSWER)
    publish_answer(_user(FOLLOWED_ANSWERER_EMAIL), question, FOLLOWED_ANSWER)
    db.session.commit()  # the job that tells the followers runs once the answer is committed
    assert mark_read(follower) == 1, "the follower was not told about the new answer"
    db.session.commit()
    someone_finds_helpful(follower)


def question_path(app: Flask, title: str) -> str:
    """The path of the demo question titled TITLE."""
    with app.test_request_context():
        question = db.session.scalar(select(Question).where(Question.title == title))
        path = question_url(question)
        db.session.remove()
    return path


def publish_answer(author: User, question: Question, body: str) -> Answer:
    """AUTHOR's answer to QUESTION, as the answer form posts it; it must publish at once."""
    perspective = membership_for(author, question).relation  # as the form fills it in
    answer = submit_answer(question, author, AnswerDraft(body=body, perspective=perspective))
    assert answer.status is AnswerStatus.PUBLISHED, f"{author.email}'s answer was held"
    return answer


def someone_finds_helpful(author: User) -> None:
    """A member who has not yet done so marks one of AUTHOR's answers helpful, so AUTHOR has
    an unread notification. Not an answer to the demo question: its most helpful answers are
    the ones DemoPages compares."""
    answer = db.session.scalar(
        select(Answer)
        .join(Question)
        .where(Answer.author_id == author.id, Question.title != QUESTION_TITLE)
        .order_by(Answer.id)
    )
    voter = db.session.scalar(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(
            Membership.condition_id == answer.question.condition_id,
            User.id != author.id,
            ~exists().where(HelpfulVote.answer_id == answer.id, HelpfulVote.user_id == User.id),
        )
        .order_by(User.id)
    )
    set_helpful_vote(answer, voter, wanted=True)
    db.session.commit()  # the job that tells the author runs once the vote is committed


def another_unread_notification(app: Flask) -> None:
    """The notifications page marks what it shows as read: before each look at it, the
    follower gets a new unread one, so every look sees new and read notifications."""
    with app.app_context():
        someone_finds_helpful(_user(FOLLOWER_EMAIL))
        db.session.remove()


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


class _QuietHandler(WSGIRequestHandler):
    """Keeps the request log out of test output; errors are still logged."""

    def log_request(self, *args, **kwargs) -> None:
        pass


@contextlib.contextmanager
def serve(app: Flask) -> Iterator[str]:
    """Serve APP on a free port of 127.0.0.1 in a background thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="live-forum", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    app.config["SITE_URL"] = url  # the links it mails and prints lead back here
    try:
        yield url
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def launch_chromium(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


def new_context(browser: Browser, base_url: str, width: int = 1280, **options) -> BrowserContext:
    """A fresh context (no cookies) on BASE_URL that prefers reduced motion."""
    height = HEIGHTS["phone"] if width < 600 else HEIGHTS["desktop"]
    return browser.new_context(
        base_url=base_url,
        viewport={"width": width, "height": height},
        reduced_motion="reduce",
        **options,
    )


def session_cookie(app: Flask, email: str) -> tuple[str, str]:
    """The name and value of the session cookie that signing in as EMAIL would set.

    A stand-in until journeys can use the sign-in page itself."""
    with app.app_context():
        token = db.session.scalar(select(User.session_token).where(User.email == email))
        db.session.remove()
    assert token, f"no member with email {email}"
    value = app.session_interface.get_signing_serializer(app).dumps({"_user_id": token})
    return app.config["SESSION_COOKIE_NAME"], value


def sign_in_as(context: BrowserContext, app: Flask, base_url: str, email: str) -> None:
    name, value = session_cookie(app, email)
    context.add_cookies([{"name": name, "value": value, "url": base_url}])


@dataclass(frozen=True)
class DemoPages:
    """Paths to one page of each kind, found in the demo content."""

    condition: str
    question: str
    answer: str
    summary_history: str
    summary_report: str
    answer_form: str
    join: str
    question_filtered: str
    compare: str
    compare_refused: str
    condition_treatments: str
    treatment: str
    report_form: str
    moderation_answer: str
    moderation_member: str
    supported_member: str  # an email: the author shown support resources after a report
    admin_condition: str
    admin_condition_form: str
    admin_question_form: str
    admin_treatment_form: str
    review_revision: str
    reviewer_note_form: str  # the note form for the answer above, as a reviewer opens it
    review_claims: str  # the reviewers' page linking the question's summary to members' reports
    suggest_correction: str  # the form a reader suggests a correction to its summary with
    suggestion_review: str  # the demo's waiting suggestion, as a reviewer decides it
    propose_question: str  # the form a member proposes a question of the condition with
    proposal_review: str  # the demo's waiting proposed question, as a moderator decides it
    followed_question: str
    unsubscribe: str  # the follower's own unsubscribe link, as their mails carry it


def demo_pages(app: Flask) -> DemoPages:
    """The Stiff Person Syndrome pages, and its treatments question's most helpful answer that
    names treatments: the page of its first treatment, that question filtered by it, and the
    comparison of that answer with the next most helpful one."""
    with app.test_request_context():
        condition = db.session.scalar(select(Condition).where(Condition.slug == CONDITION_SLUG))
        question = db.session.scalar(
            select(Question).where(
                Question.condition_id == condition.id, Question.title == QUESTION_TITLE
            )
        )
        answer, second = db.session.scalars(
            select(Answer)
            .where(
                Answer.question_id == question.id,
                Answer.status == AnswerStatus.PUBLISHED,
                Answer.treatment_reports.any(),
            )
            .order_by(Answer.helpful_count.desc(), Answer.id)
            .limit(2)
        )
        treatment = answer.treatment_reports[0].treatment
        pages = DemoPages(
            condition=condition_url(condition),
            question=question_url(question),
            answer=answer_url(answer),
            summary_history=url_for("summaries.history", question_id=question.id),
            summary_report=url_for("summaries.report", question_id=question.id),
            answer_form=url_for("answers.create", question_id=question.id),
            join=url_for("conditions.join", condition_id=condition.id),
            question_filtered=question_url(question, sort="newest", treatment=treatment.slug),
            compare=url_for("comparing.compare", question_id=question.id, a=[answer.id, second.id]),
            compare_refused=url_for("comparing.compare", question_id=question.id, a=answer.id),
            condition_treatments=url_for(
                "comparing.condition_treatments", condition_id=condition.id, slug=condition.slug
            ),
            treatment=url_for(
                "comparing.treatment",
                condition_id=condition.id,
                treatment_id=treatment.id,
                slug=treatment.slug,
            ),
            report_form=url_for("moderation.report", answer_id=answer.id),
            admin_condition=url_for("admin.condition", condition_id=condition.id),
            admin_condition_form=url_for("admin.edit_condition", condition_id=condition.id),
            admin_question_form=url_for("admin.edit_question", question_id=question.id),
            admin_treatment_form=url_for("admin.edit_treatment", treatment_id=treatment.id),
            review_revision=url_for("review.revision", revision_id=current_summary(question.id).id),
            reviewer_note_form=url_for("reviewer_notes.edit", answer_id=answer.id),
            **_knowledge_pages(question),
            **_moderation_pages(),
            **_notification_pages(),
        )
        db.session.remove()
    return pages


def _moderation_pages() -> dict[str, str]:
    """A newcomer's waiting answer and page as moderators see them, and the member whose answer
    someone reported as "may be at risk" (their account page shows the support resources)."""
    newcomer = db.session.scalar(select(User).where(User.email == NEWCOMER_EMAIL))
    waiting = db.session.scalar(select(Answer).where(Answer.author_id == newcomer.id))
    supported = db.session.scalar(
        select(User.email)
        .join(Answer, Answer.author_id == User.id)
        .join(Flag, Flag.answer_id == Answer.id)
        .where(Flag.reason == FlagReason.AT_RISK)
    )
    return {
        "moderation_answer": url_for("moderation.answer", answer_id=waiting.id),
        "moderation_member": url_for("moderation.member", user_id=newcomer.id),
        "supported_member": supported,
    }


def _knowledge_pages(question: Question) -> dict[str, str]:
    suggestion = db.session.scalar(
        select(SummarySuggestion).where(SummarySuggestion.status == SuggestionStatus.OPEN)
    )
    proposal = db.session.scalar(
        select(QuestionProposal).where(QuestionProposal.title == PROPOSAL_TITLE)
    )
    return {
        "review_claims": url_for("review.claims_page", question_id=question.id),
        "suggest_correction": url_for("suggestions.suggest", question_id=question.id),
        "suggestion_review": url_for("suggestions.review", suggestion_id=suggestion.id),
        "propose_question": url_for("proposals.propose", condition_id=question.condition_id),
        "proposal_review": url_for("proposals.proposal", proposal_id=proposal.id),
    }


def _notification_pages() -> dict[str, str]:
    followed = db.session.scalar(select(Question).where(Question.title == FOLLOWED_QUESTION_TITLE))
    return {
        "followed_question": question_url(followed),
        "unsubscribe": url_for(
            "notifications.unsubscribe", token=unsubscribe_token(_user(FOLLOWER_EMAIL).id)
        ),
    }


@dataclass(frozen=True)
class PageKind:
    path: str  # may name a DemoPages field in braces: "{question}"
    status: int = 200
    signed_in_as: str | None = None  # an email, or a DemoPages field in braces
    # Called with the app before each visit, for a page that changes by being seen.
    before_visit: Callable[[Flask], None] | None = None

    def prepare(self, app: Flask) -> None:
        if self.before_visit is not None:
            self.before_visit(app)

    def url(self, demo: DemoPages) -> str:
        return self.path.format(**asdict(demo))

    def email(self, demo: DemoPages) -> str | None:
        return self.signed_in_as.format(**asdict(demo)) if self.signed_in_as else None


# One page of every kind the forum has; the accessibility and validity checks visit each.
PAGE_KINDS = {
    "home": PageKind("/"),
    "condition": PageKind("{condition}"),
    "question": PageKind("{question}"),
    "answer": PageKind("{answer}"),
    "summary-history": PageKind("{summary_history}"),
    "summary-report": PageKind("{summary_report}", signed_in_as=MEMBER_EMAIL),
    "about": PageKind("/about"),
    "guidelines": PageKind("/guidelines"),
    "medical-review": PageKind("/medical-review"),
    "not-found": PageKind("/questions/999999", status=404),
    "sign-in": PageKind("/auth/sign-in"),
    "register": PageKind("/auth/register"),
    "forgot-password": PageKind("/auth/forgot-password"),
    "answer-form": PageKind("{question}", signed_in_as=MEMBER_EMAIL),
    "answer-form-page": PageKind("{answer_form}", signed_in_as=MEMBER_EMAIL),
    "account": PageKind("/account", signed_in_as=MEMBER_EMAIL),
    "account-profile": PageKind("/account/profile", signed_in_as=MEMBER_EMAIL),
    "account-communities": PageKind("/account/communities", signed_in_as=MEMBER_EMAIL),
    "account-delete": PageKind("/account/delete", signed_in_as=MEMBER_EMAIL),
    "join-community": PageKind("{join}", signed_in_as=MEMBER_EMAIL),
    "question-filtered": PageKind("{question_filtered}"),
    "compare": PageKind("{compare}"),
    "compare-refused": PageKind("{compare_refused}", status=400),
    "condition-treatments": PageKind("{condition_treatments}"),
    "treatment": PageKind("{treatment}"),
    "moderation-queue": PageKind("/moderation/", signed_in_as=MODERATOR_EMAIL),
    "moderation-answer": PageKind("{moderation_answer}", signed_in_as=MODERATOR_EMAIL),
    "moderation-member": PageKind("{moderation_member}", signed_in_as=MODERATOR_EMAIL),
    "moderation-log": PageKind("/moderation/log", signed_in_as=MODERATOR_EMAIL),
    "watched-words": PageKind("/moderation/watched-words", signed_in_as=ADMIN_EMAIL),
    "support-resources": PageKind("/moderation/support-resources", signed_in_as=ADMIN_EMAIL),
    "report-form": PageKind("{report_form}", signed_in_as=MEMBER_EMAIL),
    "my-moderation": PageKind("/account/moderation", signed_in_as=NEWCOMER_EMAIL),
    "account-with-notices": PageKind("/account", signed_in_as="{supported_member}"),
    "admin": PageKind("/admin/", signed_in_as=ADMIN_EMAIL),
    "admin-condition": PageKind("{admin_condition}", signed_in_as=ADMIN_EMAIL),
    "admin-condition-form": PageKind("{admin_condition_form}", signed_in_as=ADMIN_EMAIL),
    "admin-question-form": PageKind("{admin_question_form}", signed_in_as=ADMIN_EMAIL),
    "admin-treatment-form": PageKind("{admin_treatment_form}", signed_in_as=ADMIN_EMAIL),
    "admin-reviewers": PageKind("/admin/reviewers", signed_in_as=ADMIN_EMAIL),
    "admin-members": PageKind("/admin/members/", signed_in_as=ADMIN_EMAIL),
    "review-dashboard": PageKind("/review/", signed_in_as=REVIEWER_EMAIL),
    "review-revision": PageKind("{review_revision}", signed_in_as=REVIEWER_EMAIL),
    "reviewer-note-form": PageKind("{reviewer_note_form}", signed_in_as=REVIEWER_EMAIL),
    "review-claims": PageKind("{review_claims}", signed_in_as=REVIEWER_EMAIL),
    "suggest-correction": PageKind("{suggest_correction}", signed_in_as=MEMBER_EMAIL),
    "my-suggestions": PageKind("/account/suggestions", signed_in_as=SUGGESTER_EMAIL),
    "suggestion-review": PageKind("{suggestion_review}", signed_in_as=REVIEWER_EMAIL),
    "propose-question": PageKind("{propose_question}", signed_in_as=MEMBER_EMAIL),
    "my-proposals": PageKind("/account/proposals", signed_in_as=PROPOSER_EMAIL),
    "proposal-queue": PageKind("/moderation/proposals", signed_in_as=MODERATOR_EMAIL),
    "proposal-review": PageKind("{proposal_review}", signed_in_as=MODERATOR_EMAIL),
    "search": PageKind("/search"),
    "search-results": PageKind("/search?q=baclofen"),
    "search-no-results": PageKind("/search?q=xylophone&kind=summary"),
    "form-macros": PageKind(macro_gallery.PATH),
    "form-macros-errors": PageKind(macro_gallery.PATH + "?errors=1"),
    "question-followed": PageKind("{followed_question}", signed_in_as=FOLLOWER_EMAIL),
    "notifications": PageKind(
        "/account/notifications",
        signed_in_as=FOLLOWER_EMAIL,
        before_visit=another_unread_notification,
    ),
    "notification-settings": PageKind(
        "/account/notifications/settings", signed_in_as=FOLLOWER_EMAIL
    ),
    "notification-settings-moderator": PageKind(
        "/account/notifications/settings", signed_in_as=MODERATOR_EMAIL
    ),
    "unsubscribe": PageKind("{unsubscribe}"),
    "unsubscribe-refused": PageKind("/unsubscribe/not-a-token", status=404),
}


def tab_to(page: Page, target: Locator, limit: int = 80) -> None:
    """Press Tab until TARGET has the focus, as a keyboard user would."""
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")
