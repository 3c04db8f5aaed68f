from __future__ import annotations

from forum.database import db
from tests.auth.test_sign_in import sign_in

NEW_PASSWORD = "violet harbour compass"


def ask_for_reset(client, email):
    return client.post("/auth/forgot-password", data={"email": email})


def test_asking_reveals_nothing_and_only_the_owner_gets_a_link(client, app, make, outbox):
    make.user(email="rowan@example.com")
    known = ask_for_reset(client, "rowan@example.com")
    unknown = ask_for_reset(app.test_client(), "nobody@example.com")
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    assert len(outbox.messages("rowan@example.com")) == 1
    assert outbox.messages("nobody@example.com") == []


def test_the_link_sets_a_new_password_signs_in_and_ends_other_sessions(app, make, outbox):
    member = make.user(email="rowan@example.com")
    elsewhere = app.test_client()
    sign_in(elsewhere, "rowan@example.com")
    client = app.test_client()
    ask_for_reset(client, "rowan@example.com")
    link = outbox.link_in_last("rowan@example.com")
    assert client.get(link).status_code == 200
    response = client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert client.get("/account").status_code == 200
    assert elsewhere.get("/account").status_code == 302
    assert sign_in(app.test_client(), "rowan@example.com", NEW_PASSWORD).status_code == 302
    del member


def test_a_reset_link_works_once(client, make, outbox):
    make.user(email="rowan@example.com")
    ask_for_reset(client, "rowan@example.com")
    link = outbox.link_in_last("rowan@example.com")
    client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    again = client.get(link)
    assert again.status_code == 400
    assert "expired or was already used" in again.get_data(as_text=True)


def test_an_expired_reset_link_is_refused(client, app, make, outbox):
    make.user(email="rowan@example.com")
    ask_for_reset(client, "rowan@example.com")
    link = outbox.link_in_last("rowan@example.com")
    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    assert client.get(link).status_code == 400


def test_the_new_password_follows_the_rules(client, make, outbox):
    member = make.user(email="rowan@example.com")
    old_hash = member.password_hash
    ask_for_reset(client, "rowan@example.com")
    link = outbox.link_in_last("rowan@example.com")
    response = client.post(link, data={"password": "qwertyuiop", "confirm": "qwertyuiop"})
    assert "commonly used" in response.get_data(as_text=True)
    db.session.refresh(member)
    assert member.password_hash == old_hash
