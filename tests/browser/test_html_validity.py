"""The HTML the forum serves, for every kind of page, has no error in the Nu Html Checker."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest

from tests.browser import html_checker
from tests.browser.live import PAGE_KINDS, session_cookie

pytestmark = pytest.mark.browser


def fetch(url: str, cookie: tuple[str, str] | None) -> tuple[int, str]:
    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", "=".join(cookie))
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_served_html_of_every_kind_of_page_is_valid(
    vnu_jar, forum_app, live_url, demo, tmp_path
):
    files, titles = [], {}
    for kind, page_kind in PAGE_KINDS.items():
        email = page_kind.email(demo)
        cookie = session_cookie(forum_app, email) if email else None
        page_kind.prepare(forum_app)
        status, html = fetch(live_url + page_kind.url(demo), cookie)
        assert status == page_kind.status, f"{kind}: {status}"
        titles[kind] = re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)
        files.append(tmp_path / f"{kind}.html")
        files[-1].write_text(html)

    errors = html_checker.errors_in(files)

    assert not errors, "\n".join(
        f"{error['url'].rsplit('/', 1)[-1]}:{error.get('lastLine')}: {error['message']}"
        f"\n    {error.get('extract', '').strip()}"
        for error in errors
    )

    # Page titles say where you are: no two kinds of page share one. (The question page seen by
    # a member with the answer form, the account page with moderators' messages, and the
    # notification settings a moderator sees are the same pages seen by someone else, and a
    # refused unsubscribe link is the unsubscribe page, so they share their titles.)
    same_page = (
        "answer-form",
        "account-with-notices",
        "notification-settings-moderator",
        "unsubscribe-refused",
    )
    distinct = {kind: title for kind, title in titles.items() if kind not in same_page}
    assert len(set(distinct.values())) == len(distinct), distinct
    assert titles["form-macros-errors"].startswith("Error: ")
