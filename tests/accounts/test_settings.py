from __future__ import annotations

from datetime import timedelta

from forum.accounts.models import ProfileVisibility
from forum.database import db, utcnow
from tests.auth.test_sign_in import sign_in
from tests.factories import PASSWORD


def test_a_member_changes_their_display_name_once_a_month(app, make):
    member = make.user(display_name="OldName")
    client = app.test_client(user=member)
    response = client.post("/account/display-name", data={"name-display_name": "New Name"})
    assert response.status_code == 302
    assert member.display_name == "New Name" and member.display_name_key == "new name"
    again = client.post("/account/display-name", data={"name-display_name": "Third Name"})
    assert again.status_code == 400
    assert "once every 30 days" in again.get_data(as_text=True)
    assert member.display_name == "New Name"
    member.display_name_changed_at = utcnow() - timedelta(days=31)
    db.session.commit()
    client.post("/account/display-name", data={"name-display_name": "Third Name"})
    assert member.display_name == "Third Name"


def test_a_display_name_someone_else_uses_is_refused(app, make):
    make.user(display_name="Taken Name")
    member = make.user(display_name="Mine")
    response = app.test_client(user=member).post(
        "/account/display-name", data={"name-display_name": "TAKEN name"}
    )
    assert "already taken" in response.get_data(as_text=True)
    assert member.display_name == "Mine"


def test_changing_email_waits_for_the_new_address_to_confirm(app, make, outbox):
    member = make.user(email="old@example.com")
    client = app.test_client(user=member)
    response = client.post(
        "/account/email", data={"email": "new@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert member.email == "old@example.com" and member.pending_email == "new@example.com"
    link = outbox.link_in_last("new@example.com")
    assert client.get(link).status_code == 302
    assert member.email == "new@example.com" and member.pending_email is None
    assert "was just changed" in outbox.last("old@example.com").get_content()
    assert sign_in(app.test_client(), "new@example.com").status_code == 302


def test_changing_to_an_address_in_use_reveals_nothing_and_changes_nothing(app, make, outbox):
    make.user(email="other@example.com")
    member = make.user(email="old@example.com")
    client = app.test_client(user=member)
    response = client.post(
        "/account/email", data={"email": "other@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert member.pending_email is None and member.email == "old@example.com"
    assert "nothing was changed" in outbox.last("other@example.com").get_content()


def test_changing_email_needs_the_password(app, make):
    member = make.user(email="old@example.com")
    response = app.test_client(user=member).post(
        "/account/email", data={"email": "new@example.com", "password": "wrong wrong"}
    )
    assert "password is not right" in response.get_data(as_text=True)
    assert member.pending_email is None


def profile_settings(
    bio="I garden on good days.", bio_vis="everyone", comm_vis="everyone", hidden=False
):
    data = {
        "profile-bio": bio,
        "profile-bio_visibility": bio_vis,
        "profile-communities_visibility": comm_vis,
    }
    if hidden:
        data["profile-profile_hidden"] = "y"
    return data


def test_profile_fields_follow_their_own_visibility(app, make):
    condition = make.condition("Stiff Person Syndrome")
    member = make.user(display_name="Willow", email="willow@example.com")
    make.membership(member, condition)
    own = app.test_client(user=member)
    assert (
        own.post("/account/profile", data=profile_settings(comm_vis="members")).status_code == 302
    )
    assert member.bio_visibility is ProfileVisibility.EVERYONE

    signed_out = app.test_client().get("/members/willow").get_data(as_text=True)
    assert "I garden on good days." in signed_out
    assert "Stiff Person Syndrome" not in signed_out
    assert "willow@example.com" not in signed_out
    assert '<meta name="robots" content="noindex">' in signed_out

    reader = app.test_client(user=make.user()).get("/members/Willow").get_data(as_text=True)
    assert "Stiff Person Syndrome" in reader

    own.post("/account/profile", data=profile_settings(bio_vis="only_me", comm_vis="only_me"))
    reader = app.test_client(user=make.user()).get("/members/Willow").get_data(as_text=True)
    assert "I garden" not in reader and "Stiff Person Syndrome" not in reader
    assert "I garden" in own.get("/members/Willow").get_data(as_text=True)


def test_a_hidden_profile_is_not_found_by_others(app, make):
    member = make.user(display_name="Hidden One")
    app.test_client(user=member).post("/account/profile", data=profile_settings(hidden=True))
    assert app.test_client().get("/members/Hidden One").status_code == 404
    assert app.test_client(user=make.user()).get("/members/Hidden One").status_code == 404
    assert app.test_client(user=member).get("/members/Hidden One").status_code == 200


def test_every_settings_page_needs_a_signed_in_member_and_stays_out_of_search(app, make):
    pages = [
        "/account",
        "/account/profile",
        "/account/email",
        "/account/password",
        "/account/communities",
        "/account/export",
        "/account/delete",
    ]
    for page in pages:
        assert app.test_client().get(page).status_code == 302, page
    client = app.test_client(user=make.user())
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert '<meta name="robots" content="noindex">' in response.get_data(as_text=True)
