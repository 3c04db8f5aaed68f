"""Signing in and out, safe `next` redirects, sessions that end when the password changes."""

from __future__ import annotations

import pytest
from werkzeug.security import generate_password_hash

from forum.accounts.models import AccountStatus
from forum.database import db
from tests.factories import PASSWORD


def sign_in(client, email, password=PASSWORD, **fields):
    return client.post("/auth/sign-in", data={"email": email, "password": password, **fields})


def test_signing_in_opens_a_session(client, make):
    make.user(email="rowan@example.com", display_name="Rowan")
    response = sign_in(client, "Rowan@Example.com ")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert client.get("/account").status_code == 200


def test_a_wrong_email_and_a_wrong_password_look_exactly_the_same(client, app, make):
    make.user(email="rowan@example.com")
    wrong_password = sign_in(client, "rowan@example.com", "not the password")
    unknown_email = sign_in(app.test_client(), "nobody@example.com", "not the password")
    assert wrong_password.status_code == unknown_email.status_code == 200
    body = wrong_password.get_data(as_text=True)
    assert "don&#39;t match an account" in body
    assert body.replace("rowan@", "X@") == unknown_email.get_data(as_text=True).replace(
        "nobody@", "X@"
    )


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "https://evil.example",
        "/\\evil.example",
        "http:/evil.example",
        "javascript:alert(1)",
        "/\r\n//evil.example",
        " //evil.example",
    ],
)
def test_next_never_leads_off_the_site(client, make, target):
    make.user(email="rowan@example.com")
    response = sign_in(client, "rowan@example.com", next=target)
    assert response.headers["Location"] == "/"


def test_next_leads_back_to_the_page_the_member_was_reading(client, make):
    make.user(email="rowan@example.com")
    login_page = client.get("/account")
    assert login_page.headers["Location"] == "/auth/sign-in?next=%2Faccount"
    response = sign_in(client, "rowan@example.com", next="/account")
    assert response.headers["Location"] == "/account"


def test_remember_me_sets_a_long_lived_cookie_that_is_httponly(client, make):
    make.user(email="rowan@example.com")
    response = sign_in(client, "rowan@example.com", remember="y")
    cookies = response.headers.getlist("Set-Cookie")
    remember = next(c for c in cookies if c.startswith("remember_token="))
    assert "HttpOnly" in remember and "SameSite=Lax" in remember
    session = next(c for c in cookies if c.startswith("session="))
    assert "HttpOnly" in session and "SameSite=Lax" in session


def test_signing_out_needs_a_post(app, make):
    client = app.test_client(user=make.user())
    assert client.get("/auth/sign-out").status_code == 405
    assert client.post("/auth/sign-out").status_code == 302
    assert client.get("/account").status_code == 302


def test_signing_out_is_protected_against_cross_site_requests(app, make):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client(user=make.user())
    assert client.post("/auth/sign-out").status_code == 400
    assert client.get("/account").status_code == 200


def test_banned_members_cannot_sign_in_and_lose_their_session(app, make):
    member = make.user(email="banned@example.com")
    client = app.test_client(user=member)
    member.status = AccountStatus.BANNED
    db.session.commit()
    assert client.get("/account").status_code == 302
    response = sign_in(app.test_client(), "banned@example.com")
    assert "has been banned" in response.get_data(as_text=True)


def test_an_old_password_hash_is_upgraded_on_sign_in(client, app, make):
    member = make.user(email="old@example.com")
    member.password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
    db.session.commit()
    sign_in(client, "old@example.com")
    db.session.refresh(member)
    assert member.password_hash.startswith(app.config["PASSWORD_HASH_METHOD"] + "$")


def test_changing_the_password_ends_every_other_session(app, make):
    member = make.user(email="rowan@example.com")
    here, elsewhere = app.test_client(), app.test_client()
    sign_in(here, "rowan@example.com", remember="y")
    sign_in(elsewhere, "rowan@example.com")
    response = here.post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": "a brand new passphrase"},
    )
    assert response.status_code == 302
    assert here.get("/account").status_code == 200
    assert elsewhere.get("/account").status_code == 302
    assert (
        sign_in(app.test_client(), "rowan@example.com", "a brand new passphrase").status_code == 302
    )
    del member


def test_the_wrong_current_password_changes_nothing(app, make):
    member = make.user()
    old_hash = member.password_hash
    client = app.test_client(user=member)
    response = client.post(
        "/account/password",
        data={"current_password": "wrong wrong", "new_password": "a brand new passphrase"},
    )
    assert "not right" in response.get_data(as_text=True)
    db.session.refresh(member)
    assert member.password_hash == old_hash
