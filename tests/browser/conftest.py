"""Browser fixtures: the real app on a seeded SQLite file, served on 127.0.0.1 for the whole run,
one Chromium for the run, and a fresh context (no cookies) and page for each test.

Without Chromium the browser tests skip locally with the reason, and fail on CI (CI=true)."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests import macro_gallery
from tests.browser import html_checker, live


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def unavailable(reason: str):
    """A missing tool skips a test on a developer's machine but fails it on CI."""
    if on_ci():
        pytest.fail(f"{reason} (CI must run the browser tests)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def forum_app(tmp_path_factory):
    return live.demo_app(tmp_path_factory.mktemp("live-forum"), prepare=macro_gallery.register)


@pytest.fixture(scope="session")
def live_url(forum_app):
    with live.serve(forum_app) as url:
        yield url


@pytest.fixture(scope="session")
def demo(forum_app) -> live.DemoPages:
    return live.demo_pages(forum_app)


@pytest.fixture(scope="session")
def browser() -> Browser:
    if message := live.chromium_missing_message():
        unavailable(message)
    with sync_playwright() as playwright:
        browser = live.launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, live_url, forum_app):
    """open_page(path, width=1280, signed_in_as=None, status=200) -> a Page showing PATH, in its
    own context, after checking the response status.

    Every page it opened must end the test without a JavaScript error or a refused resource
    (a Content-Security-Policy violation shows up as a console error)."""
    contexts = []
    problems: list[str] = []

    def open_(
        path: str, width: int = 1280, signed_in_as: str | None = None, status: int = 200
    ) -> Page:
        context = live.new_context(browser, live_url, width)
        contexts.append(context)
        if signed_in_as:
            live.sign_in_as(context, forum_app, live_url, signed_in_as)
        page = context.new_page()
        page.set_default_timeout(10_000)
        # The page's own error status (404, 401) is logged too; that one is expected.
        expected = f"status of {status} " if status != 200 else None

        def on_console(message) -> None:
            if message.type == "error" and not (expected and expected in message.text):
                problems.append(f"{path}: {message.text}")

        page.on("pageerror", lambda error: problems.append(f"{path}: {error}"))
        page.on("console", on_console)
        response = page.goto(path)
        assert response is not None and response.status == status, (
            f"{path} answered {response and response.status}, not {status}"
        )
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not problems, "the browser reported errors:\n" + "\n".join(problems)


@pytest.fixture
def page(open_page) -> Page:
    """A page on the home page, 1280 px wide."""
    return open_page("/")


@pytest.fixture(scope="session")
def vnu_jar():
    if message := html_checker.missing_message():
        unavailable(message)
    return html_checker.VNU_JAR
