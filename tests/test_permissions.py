from __future__ import annotations

import pytest

from forum.accounts.models import Role
from forum.accounts.standing import admin_required, moderator_required, reviewer_required

pytestmark = pytest.mark.own_app  # routes are added to the app before its first request


@pytest.fixture
def guarded(app):
    for name, decorator in (("mod", moderator_required), ("rev", reviewer_required),
                            ("adm", admin_required)):  # fmt: skip
        app.add_url_rule(f"/guarded/{name}", name, decorator(lambda: "allowed"))
    return app


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.MEMBER, set()),
        (Role.MODERATOR, {"mod"}),
        (Role.REVIEWER, {"rev"}),
        (Role.ADMIN, {"mod", "rev", "adm"}),
    ],
)
def test_each_role_reaches_exactly_its_pages(guarded, make, role, allowed):
    client = guarded.test_client(user=make.user(role=role))
    for name in ("mod", "rev", "adm"):
        expected = 200 if name in allowed else 403
        assert client.get(f"/guarded/{name}").status_code == expected, name


def test_signed_out_visitors_are_asked_to_sign_in(guarded):
    assert guarded.test_client().get("/guarded/mod").headers["Location"].startswith("/auth/sign-in")


def test_only_confirmed_members_in_good_standing_participate(app, make):
    from datetime import timedelta

    from forum.accounts.models import AccountStatus
    from forum.accounts.standing import can_participate
    from forum.database import utcnow

    assert can_participate(make.user())
    assert not can_participate(make.user(email_verified_at=None))
    assert not can_participate(
        make.user(status=AccountStatus.SUSPENDED, suspended_until=utcnow() + timedelta(days=1))
    )
    assert can_participate(
        make.user(status=AccountStatus.SUSPENDED, suspended_until=utcnow() - timedelta(days=1))
    )
    assert not can_participate(make.user(status=AccountStatus.BANNED))
