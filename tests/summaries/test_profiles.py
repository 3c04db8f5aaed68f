"""Reviewer profiles: written by the reviewer, verified by an admin, shown on summaries."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.accounts.models import Role
from forum.audit.models import ModerationAction
from forum.core.errors import ForumError
from forum.database import db
from forum.summaries import profiles
from tests.summaries.helpers import client_as

DETAILS = profiles.ProfileInput(
    full_name="Dr Noor Example",
    credentials="MD",
    specialty="neurology",
    conflict_of_interest="Speaker fees from Example Pharma in 2025.",
)


def test_a_reviewer_writes_a_profile_that_waits_for_verification(app, make):
    reviewer = make.user(role=Role.REVIEWER)
    response = app.test_client(user=reviewer).post(
        "/review/profile",
        data={"full_name": "Dr Noor Example", "credentials": "MD", "specialty": "neurology",
              "conflict_of_interest": "None."},
    )  # fmt: skip
    assert response.status_code in (302, 303)
    profile = profiles.profile_of(reviewer)
    assert profile.byline == "Dr Noor Example, MD, neurology"
    assert not profile.is_verified


def test_members_have_no_reviewer_profile(app, make):
    with pytest.raises(ForumError):
        profiles.save_profile(make.user(), DETAILS)
    assert app.test_client(user=make.user()).get("/review/profile").status_code == 403


def test_an_admin_verifies_a_profile_and_it_is_logged(app, make):
    reviewer, admin = make.user(role=Role.REVIEWER), make.user(role=Role.ADMIN)
    profile = profiles.save_profile(reviewer, DETAILS)
    db.session.commit()
    response = client_as(app, admin).post(f"/admin/reviewers/{profile.id}/verify")
    assert response.status_code in (302, 303)
    db.session.refresh(profile)
    assert profile.is_verified
    entry = db.session.scalar(
        select(ModerationAction).where(ModerationAction.action == "reviewer_profile_verified")
    )
    assert entry.actor_id == admin.id and entry.subject_user_id == reviewer.id
    assert entry.before["verified_at"] is None and entry.after["verified_at"] is not None


def test_changing_a_verified_profile_needs_a_new_verification(make):
    reviewer, admin = make.user(role=Role.REVIEWER), make.user(role=Role.ADMIN)
    profile = profiles.save_profile(reviewer, DETAILS)
    profiles.verify_profile(profile, admin)
    profiles.save_profile(reviewer, DETAILS)  # unchanged: stays verified
    assert profile.is_verified
    profiles.save_profile(reviewer, profiles.ProfileInput("Dr Noor Example", "MD, PhD"))
    assert not profile.is_verified


def test_admins_do_not_verify_themselves_unless_the_site_allows_it(app, make):
    admin = make.user(role=Role.ADMIN)
    profile = profiles.save_profile(admin, DETAILS)
    with pytest.raises(ForumError, match="Another admin"):
        profiles.verify_profile(profile, admin)
    app.config["ALLOW_SELF_REVIEW"] = True
    profiles.verify_profile(profile, admin)
    assert profile.is_verified


def test_only_admins_verify(make):
    profile = profiles.save_profile(make.user(role=Role.REVIEWER), DETAILS)
    with pytest.raises(ForumError):
        profiles.verify_profile(profile, make.reviewer())


def test_withdrawing_a_verification_needs_a_reason(make):
    admin = make.user(role=Role.ADMIN)
    profile = profiles.save_profile(make.user(role=Role.REVIEWER), DETAILS)
    profiles.verify_profile(profile, admin)
    with pytest.raises(ForumError, match="why"):
        profiles.withdraw_verification(profile, admin, " ")
    profiles.withdraw_verification(profile, admin, "Licence lapsed.")
    assert not profile.is_verified


def test_the_admin_list_shows_profiles_waiting_first(app, make):
    make.reviewer("Dr Already Verified")
    profiles.save_profile(make.user(role=Role.REVIEWER), DETAILS)
    db.session.commit()
    html = (
        app.test_client(user=make.user(role=Role.ADMIN))
        .get("/admin/reviewers")
        .get_data(as_text=True)
    )
    assert html.find("Dr Noor Example") < html.find("Dr Already Verified")
    assert "Waiting for verification" in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_public_profile_shows_credentials_and_conflicts_once_verified(client, make):
    reviewer = make.reviewer("Dr Public Example", credentials="PharmD", specialty="pharmacy")
    profile = profiles.profile_of(reviewer)
    profile.conflict_of_interest = "Consults for Example Pharma."
    db.session.commit()
    html = client.get(f"/reviewers/{profile.id}").get_data(as_text=True)
    assert "Dr Public Example" in html and "PharmD" in html and "pharmacy" in html
    assert "Consults for Example Pharma." in html
    profile.verified_at = None
    db.session.commit()
    assert client.get(f"/reviewers/{profile.id}").status_code == 404


def test_summaries_name_only_verified_reviewers(client, make):
    question = make.question()
    reviewer = make.reviewer("Dr Unchecked Name")
    make.published_summary(question, reviewer=reviewer)
    profile = profiles.profile_of(reviewer)
    profile.verified_at = None
    db.session.commit()
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "Dr Unchecked Name" not in html
    assert "Last updated" in html
