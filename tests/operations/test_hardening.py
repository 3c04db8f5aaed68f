"""The production settings against a hostile client: no mail link, cached page or canonical URL
takes a host from a request; sessions and tokens end when they should.

The app here runs with ProductionConfig (CSRF on, secure cookies, one proxy trusted) on the test
database, at https://forum.example.org.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from config import ProductionConfig
from forum.database import db
from tests.conftest import running_app
from tests.factories import PASSWORD, Factory
from tests.mailbox import LINK, Outbox

SITE = "https://forum.example.org"
ATTACKER = "attacker.example"
TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


class ProductionOnTheTestDatabase(ProductionConfig):
    REQUIRED_FROM_ENVIRONMENT = ()  # the test database is SQLite on one of the two runs
    JOBS_IMMEDIATE = True  # mail is read from the outbox at once (the queue: tests/test_jobs.py)


@pytest.fixture
def site(database_url, monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SECRET_KEY", "s" * 40)
    monkeypatch.setenv("SITE_URL", SITE)
    monkeypatch.setenv("TRUSTED_HOSTS", "internal.lb")
    monkeypatch.delenv("REDIS_URL", raising=False)
    with running_app(ProductionOnTheTestDatabase, tmp_path / "outbox") as app:
        yield app


class Browser:
    """A client that talks to the site over https, as a browser behind the proxy does."""

    def __init__(self, app) -> None:
        self.client = app.test_client()

    def get(self, path: str, **kwargs):
        return self.client.get(path, base_url=SITE, **kwargs)

    def post(self, path: str, data: dict, **kwargs):
        """Post a form as the page would: with the CSRF token the page holds."""
        form_page = kwargs.pop("form_page", path)
        token = TOKEN.search(self.get(form_page).get_data(as_text=True)).group(1)
        # Over https, Flask-WTF also wants the page the form came from to be on this site.
        headers = {"Referer": SITE + form_page, **kwargs.pop("headers", {})}
        data = {"csrf_token": token, **data}
        return self.client.post(path, base_url=SITE, data=data, headers=headers, **kwargs)


def links_in_last_mail(app, to: str) -> list[str]:
    message = Outbox(Path(app.config["MAIL_OUTBOX_DIR"])).last(to)
    return LINK.findall(message.get_content())


FORGED = {"X-Forwarded-Host": ATTACKER, "X-Forwarded-Proto": "https"}


def test_a_forged_forwarded_host_never_reaches_a_reset_link(site):
    Factory().user(email="victim@example.com")
    response = Browser(site).post(
        "/auth/forgot-password", {"email": "victim@example.com"}, headers=FORGED
    )
    assert response.status_code in (302, 303)
    (link,) = links_in_last_mail(site, "victim@example.com")
    assert link.startswith(f"{SITE}/auth/reset-password/")


def test_confirmation_and_account_exists_mail_link_to_the_site_only(site):
    Factory().user(email="known@example.com")
    browser = Browser(site)
    for email in ("known@example.com", "new@example.com"):
        form = {"email": email, "display_name": f"Name{len(email)}",
                "password": "lantern orchard pebble", "accept_guidelines": "y"}  # fmt: skip
        browser.post("/auth/register", form, headers=FORGED)
        links = links_in_last_mail(site, email)
        assert links and all(link.startswith(f"{SITE}/") for link in links), links


def test_requests_for_another_host_are_refused(site):
    client = site.test_client()
    assert client.get("/", base_url=f"https://{ATTACKER}").status_code == 400
    assert client.get("/healthz", base_url="http://internal.lb").status_code == 200


def test_absolute_urls_and_the_page_cache_ignore_the_request_host(site):
    """A page first drawn for a request through another trusted name, or with a forged header,
    is stored and served with the site's own URLs."""
    factory = Factory()
    question = factory.question()
    factory.published_summary(question)
    path = f"/questions/{question.id}/{question.slug}"
    first = site.test_client().get(path, base_url="http://internal.lb", headers=FORGED)
    second = Browser(site).get(path)
    assert second.headers["X-Page-Cache"] == "hit"
    for response in (first, second):
        page = response.get_data(as_text=True)
        assert ATTACKER not in page and "internal.lb" not in page
        assert f'<link rel="canonical" href="{SITE}{path}">' in page
    for feed in (f"/questions/{question.id}/{question.slug}/feed.xml", "/sitemap.xml"):
        text = site.test_client().get(feed, base_url="http://internal.lb").get_data(as_text=True)
        assert "internal.lb" not in text and SITE in text


def test_junk_in_a_query_string_stores_no_copy_of_a_page(site):
    question = Factory().question()
    path = f"/questions/{question.id}/{question.slug}"
    browser = Browser(site)
    assert browser.get(path).headers["X-Page-Cache"] == "miss"
    assert browser.get(path).headers["X-Page-Cache"] == "hit"
    for junk in ("?utm_source=x", "?utm_source=y", "?fbclid=1"):
        response = browser.get(path + junk)
        assert response.status_code == 200 and "X-Page-Cache" not in response.headers
    sorted_once = browser.get(path + "?sort=newest")
    assert sorted_once.headers["X-Page-Cache"] == "miss"
    assert browser.get(path + "?sort=newest").headers["X-Page-Cache"] == "hit"


def test_signing_out_ends_the_session_everywhere(site):
    member = Factory().user(email="member@example.com")
    browser = Browser(site)
    browser.post("/auth/sign-in", {"email": member.email, "password": PASSWORD, "remember": "y"})
    assert browser.get("/account").status_code == 200
    copied = {cookie.key: cookie.value for cookie in browser.client._cookies.values()}
    browser.post("/auth/sign-out", {}, form_page="/account")
    replay = site.test_client()
    for key, value in copied.items():
        replay.set_cookie(key, value, domain="forum.example.org")
    assert replay.get("/account", base_url=SITE).status_code == 302  # back to sign-in


def test_the_csrf_token_changes_at_sign_in(site):
    member = Factory().user(email="member@example.com")
    browser = Browser(site)
    before = TOKEN.search(browser.get("/auth/sign-in").get_data(as_text=True)).group(1)
    browser.post("/auth/sign-in", {"email": member.email, "password": PASSWORD})
    after = TOKEN.search(browser.get("/account/password").get_data(as_text=True)).group(1)
    assert before.split(".")[0] != after.split(".")[0]  # a new secret, not only a new signature


def test_a_reset_link_dies_when_the_email_address_changes(site):
    member = Factory().user(email="member@example.com")
    Browser(site).post("/auth/forgot-password", {"email": member.email})
    (reset_link,) = links_in_last_mail(site, member.email)
    browser = Browser(site)
    browser.post("/auth/sign-in", {"email": member.email, "password": PASSWORD})
    form = {"email": "new.address@example.com", "password": PASSWORD}
    assert browser.post("/account/email", form).status_code in (302, 303)
    (confirm_link,) = links_in_last_mail(site, "new.address@example.com")
    assert "new.address" not in confirm_link  # the link names the account, not the address
    assert browser.get(confirm_link.removeprefix(SITE)).status_code in (302, 303)
    db.session.refresh(member)
    assert member.email == "new.address@example.com"
    assert site.test_client().get(reset_link).status_code == 400
