"""Rate limits answer 429 with a friendly page, with in-process storage and with Redis."""

from __future__ import annotations

import pytest
import redis

from config import TestingConfig as SuiteSettings
from tests.conftest import running_app
from tests.factories import PASSWORD, Factory
from tests.workers import redis_url

REDIS_URL = redis_url(15)


@pytest.fixture(params=["memory", "redis"])
def limited_app(request, database_url, monkeypatch, tmp_path):
    """The app with its counters in process memory, or in the real Redis (a database of its own,
    emptied first, so earlier runs can't leave counters behind)."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    if request.param == "redis":
        monkeypatch.setenv("REDIS_URL", REDIS_URL)
        redis.Redis.from_url(REDIS_URL).flushdb()
    else:
        monkeypatch.delenv("REDIS_URL", raising=False)
    with running_app(SuiteSettings, tmp_path / "outbox") as app:
        yield app


def post_until_limited(client, path, data, attempts):
    return [client.post(path, data=data).status_code for _ in range(attempts)]


def test_sign_in_is_limited_per_account(limited_app):
    limited_app.config["RATELIMIT_SIGN_IN_PER_ACCOUNT"] = "3 per minute"
    client = limited_app.test_client()
    data = {"email": "target@example.com", "password": "guess guess guess"}
    assert post_until_limited(client, "/auth/sign-in", data, 4) == [200, 200, 200, 429]
    page = client.post("/auth/sign-in", data=data)
    assert page.status_code == 429
    assert "Please slow down" in page.get_data(as_text=True)
    other = {"email": "other@example.com", "password": "guess guess guess"}
    assert client.post("/auth/sign-in", data=other).status_code == 200


def test_sign_in_is_limited_per_address(limited_app):
    limited_app.config["RATELIMIT_SIGN_IN_PER_ADDRESS"] = "2 per minute"
    client = limited_app.test_client()
    codes = [
        client.post(
            "/auth/sign-in", data={"email": f"p{n}@example.com", "password": "x" * 10}
        ).status_code
        for n in range(3)
    ]
    assert codes == [200, 200, 429]


def test_registration_is_limited_per_address(limited_app):
    limited_app.config["RATELIMIT_REGISTER_PER_ADDRESS"] = "1 per hour"
    client = limited_app.test_client()
    data = {"email": "bad", "display_name": "x", "password": "y"}
    assert post_until_limited(client, "/auth/register", data, 2) == [200, 429]


def test_reset_requests_are_limited_per_email(limited_app):
    limited_app.config["RATELIMIT_EMAIL_REQUESTS"] = "2 per hour"
    client = limited_app.test_client()
    data = {"email": "someone@example.com"}
    assert post_until_limited(client, "/auth/forgot-password", data, 3) == [302, 302, 429]


def test_reading_pages_is_never_limited(limited_app):
    limited_app.config["RATELIMIT_SIGN_IN_PER_ADDRESS"] = "1 per minute"
    client = limited_app.test_client()
    assert {client.get("/auth/sign-in").status_code for _ in range(5)} == {200}


def test_redis_really_holds_the_counters(limited_app):
    if limited_app.config["RATELIMIT_STORAGE_URI"] != REDIS_URL:
        pytest.skip("only meaningful for the Redis storage")
    client = limited_app.test_client()
    client.post("/auth/sign-in", data={"email": "a@example.com", "password": "b"})
    assert redis.Redis.from_url(REDIS_URL).keys("*email:a@example.com*")


def test_email_change_requests_are_limited_per_account(limited_app):
    """One account must not be able to mail address after address."""
    limited_app.config["RATELIMIT_EMAIL_REQUESTS"] = "2 per hour"
    member = Factory().user()
    client = limited_app.test_client(user=member)
    codes = [
        client.post(
            "/account/email", data={"email": f"target{n}@example.com", "password": PASSWORD}
        ).status_code
        for n in range(3)
    ]
    assert codes == [302, 302, 429]
