from __future__ import annotations

from sqlalchemy import select

from forum.conditions.models import Membership, Perspective
from forum.database import db


def test_joining_and_leaving_moves_the_member_count(app, make):
    condition = make.condition("Stiff Person Syndrome")
    member = make.user()
    client = app.test_client(user=member)
    response = client.post(
        f"/conditions/{condition.id}/join", data={"relation": "caregiver", "diagnosed_year": "2019"}
    )
    assert response.status_code == 302
    membership = db.session.scalar(select(Membership))
    assert membership.relation is Perspective.CAREGIVER and membership.diagnosed_year == 2019
    assert condition.member_count == 1

    # Changing how one belongs does not count twice.
    client.post(f"/conditions/{condition.id}/join", data={"relation": "patient"})
    assert condition.member_count == 1
    assert db.session.scalar(select(Membership)).relation is Perspective.PATIENT

    client.post(f"/conditions/{condition.id}/leave")
    assert condition.member_count == 0
    assert db.session.scalar(select(Membership)) is None


def test_the_condition_page_invites_and_then_recognises_members(app, make):
    condition = make.condition("Myasthenia Gravis")
    page = f"/conditions/{condition.id}/{condition.slug}"
    assert "Join the forum" in app.test_client().get(page).get_data(as_text=True)
    member = make.user()
    client = app.test_client(user=member)
    assert "Join the Myasthenia Gravis community" in client.get(page).get_data(as_text=True)
    make.membership(member, condition)
    assert "You are a member of this community" in client.get(page).get_data(as_text=True)


def test_an_impossible_diagnosis_year_is_refused_with_a_message(app, make):
    condition = make.condition()
    client = app.test_client(user=make.user())
    response = client.post(
        f"/conditions/{condition.id}/join", data={"relation": "patient", "diagnosed_year": "2999"}
    )
    assert response.status_code == 200
    assert "Please enter a year between 1900" in response.get_data(as_text=True)
    assert condition.member_count == 0


def test_joining_needs_a_signed_in_member(client, make):
    condition = make.condition()
    response = client.post(f"/conditions/{condition.id}/join", data={"relation": "patient"})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/sign-in")


def test_leaving_a_community_one_never_joined_changes_nothing(app, make):
    condition = make.condition()
    client = app.test_client(user=make.user())
    response = client.post(f"/conditions/{condition.id}/leave", follow_redirects=True)
    assert "You are not a member" in response.get_data(as_text=True)
    assert condition.member_count == 0
