"""Registering, confirming the email address, and what an unconfirmed member may do."""

from __future__ import annotations

import base64

import pytest
from sqlalchemy import func, select

from forum.accounts.models import User
from forum.accounts.standing import can_participate
from forum.auth.services import set_password
from forum.database import db

GOOD_PASSWORD = "lantern orchard pebble"


def register(client, email="newcomer@example.com", display_name="Newcomer", **fields):
    data = {"email": email, "display_name": display_name, "password": GOOD_PASSWORD,
            "accept_guidelines": "y", **fields}  # fmt: skip
    return client.post("/auth/register", data=data)


def user_count() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def test_registering_creates_an_unconfirmed_account_and_emails_a_link(client, outbox):
    response = register(client)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/check-your-email")
    user = db.session.scalar(select(User).where(User.email == "newcomer@example.com"))
    assert user.display_name == "Newcomer" and not user.is_email_verified
    assert user.password_hash.startswith("scrypt:")
    assert not can_participate(user)
    message = outbox.last("newcomer@example.com")
    assert "Confirm your email" in message["Subject"]


def test_following_the_link_confirms_and_asks_to_sign_in(client, outbox):
    """A link never signs anyone in: opened in someone else's browser (login CSRF), it would
    put them in the sender's account."""
    register(client, email="Mixed.Case@Example.com")
    link = outbox.link_in_last("mixed.case@example.com")
    response = client.get(link)
    assert response.headers["Location"].startswith("/auth/sign-in?next=")
    user = db.session.scalar(select(User).where(User.email == "mixed.case@example.com"))
    assert user.is_email_verified and can_participate(user)
    assert client.get("/account").status_code == 302  # still signed out
    signed_in = client.post(
        "/auth/sign-in",
        data={"email": "mixed.case@example.com", "password": GOOD_PASSWORD, "next": "/account"},
    )
    assert signed_in.headers["Location"] == "/account"


def test_a_confirmation_link_carries_no_address_and_dies_with_a_password_change(client, outbox):
    register(client, email="newcomer@example.com")
    link = outbox.link_in_last("newcomer@example.com")
    token = link.rsplit("/", 1)[1]
    payload = base64.urlsafe_b64decode(token.split(".")[0] + "==")
    assert b"newcomer" not in payload and b"example" not in payload
    user = db.session.scalar(select(User).where(User.email == "newcomer@example.com"))
    set_password(user, "another long passphrase")
    db.session.commit()
    assert client.get(link).status_code == 400
    db.session.refresh(user)
    assert not user.is_email_verified


def test_a_used_confirmation_link_does_not_sign_anyone_in_again(client, app, outbox):
    register(client)
    link = outbox.link_in_last("newcomer@example.com")
    client.get(link)
    stranger = app.test_client()
    stranger.get(link)
    assert stranger.get("/account").status_code == 302  # sent to sign in


def test_an_altered_confirmation_link_is_refused_kindly(client, outbox):
    register(client)
    link = outbox.link_in_last("newcomer@example.com")
    response = client.get(link[:-3] + "xyz")
    assert response.status_code == 400
    assert "not valid any more" in response.get_data(as_text=True)


def test_registration_reveals_nothing_about_an_existing_address(client, app, make, outbox):
    make.user(email="taken@example.com", display_name="Existing")
    before = user_count()
    known = register(client, email="taken@example.com", display_name="Someone")
    unknown = register(app.test_client(), email="free@example.com", display_name="Another")
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    assert (
        client.get(known.headers["Location"]).get_data()
        == app.test_client().get(unknown.headers["Location"]).get_data()
    )
    assert user_count() == before + 1
    assert "already have an account" in outbox.last("taken@example.com").get_content()


@pytest.mark.parametrize(
    ("display_name", "message"),
    [
        ("ab", "between 3 and 30 characters"),
        ("x" * 31, "Field cannot be longer than 30 characters."),
        ("Moderator", "reserved"),
        ("<script>", "Use letters, numbers"),
        ("existing person", "already taken"),
    ],
)
def test_display_names_follow_the_rules(client, make, display_name, message):
    make.user(display_name="Existing Person")
    response = register(client, display_name=display_name)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in html.replace("&#39;", "'")
    assert 'value="newcomer@example.com"' in html  # what they typed is kept


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "at least 10 characters"),
        ("1234567890", "commonly used passwords"),
        ("qwertyuiop", "commonly used passwords"),
        ("newcomer@example.com", "must not be your email"),
        ("NewcomerNewcomer", None),
    ],
)
def test_passwords_follow_the_rules(client, password, message):
    response = register(client, password=password)
    if message is None:
        assert response.status_code == 302
    else:
        assert response.status_code == 200
        assert message in response.get_data(as_text=True)
        assert user_count() == 0


@pytest.mark.parametrize("length", [64, 128, 200])
def test_long_passphrases_are_accepted_whole_and_sign_in(app, client, length):
    passphrase = ("lantern orchard pebble river " * 10)[: length - 1] + "!"
    assert register(client, password=passphrase).status_code == 302
    user = db.session.scalar(select(User).where(User.email == "newcomer@example.com"))
    user.email_verified_at = user.created_at  # confirmed, so that sign-in lets them in
    db.session.commit()
    signing_in = app.test_client()
    cut_short = {"email": "newcomer@example.com", "password": passphrase[:-1]}
    assert signing_in.post("/auth/sign-in", data=cut_short).status_code == 200
    whole = {**cut_short, "password": passphrase}
    assert signing_in.post("/auth/sign-in", data=whole).status_code in (302, 303)


def test_the_password_hint_says_the_limit_and_the_page_never_cuts_it_short(client):
    html = client.get("/auth/register").get_data(as_text=True)
    assert "10 to 200 characters" in html
    (field,) = [tag for tag in html.split("<input") if 'name="password"' in tag]
    assert "maxlength" not in field.split(">")[0]
    response = register(client, password="x" * 150 + " lantern orchard " + "y" * 40)
    assert "Please use at most 200 characters." in response.get_data(as_text=True)
    assert user_count() == 0


def test_a_password_equal_to_the_display_name_is_refused(client):
    response = register(client, display_name="Lantern Orchard", password="lantern orchard")
    assert "must not be your email address or display name" in response.get_data(as_text=True)


def test_the_guidelines_must_be_accepted(client):
    response = register(client, accept_guidelines="")
    assert "agree to the community guidelines" in response.get_data(as_text=True)
    assert user_count() == 0


def test_an_unconfirmed_member_can_ask_for_the_link_again(app, make, outbox):
    member = make.user(email_verified_at=None, email="waiting@example.com")
    client = app.test_client(user=member)
    assert "Please confirm your email address" in client.get("/account").get_data(as_text=True)
    response = client.post("/auth/confirm/resend")
    assert response.status_code == 302
    assert "Confirm your email" in outbox.last("waiting@example.com")["Subject"]
