from __future__ import annotations

from sqlalchemy import select

from forum.accounts.cli import accounts_cli
from forum.accounts.models import Role, User
from forum.audit.models import ModerationAction
from forum.database import db


def test_the_command_line_creates_an_admin(runner):
    result = runner.invoke(
        accounts_cli,
        [
            "create",
            "--email",
            "Boss@Example.com",
            "--display-name",
            "Site Lead",
            "--role",
            "admin",
            "--password",
            "granite meadow lantern",
        ],
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "boss@example.com"))
    assert user.role is Role.ADMIN and user.is_email_verified
    assert "boss@example.com" not in result.output  # nothing echoes addresses


def test_the_command_line_refuses_a_weak_password(runner):
    result = runner.invoke(
        accounts_cli,
        [
            "create",
            "--email",
            "a@example.com",
            "--display-name",
            "Someone",
            "--password",
            "password",
        ],
    )
    assert result.exit_code != 0
    assert "at least 10 characters" in result.output


def test_the_command_line_sets_a_role_and_logs_it(runner, make):
    member = make.user(email="helper@example.com")
    result = runner.invoke(
        accounts_cli,
        ["set-role", "helper@example.com", "moderator", "--reason", "Trusted volunteer"],
    )
    assert result.exit_code == 0, result.output
    db.session.refresh(member)
    assert member.role is Role.MODERATOR
    entry = db.session.scalar(select(ModerationAction))
    assert (entry.action, entry.before, entry.after, entry.reason) == (
        "role_changed",
        {"role": "member"},
        {"role": "moderator"},
        "Trusted volunteer",
    )


def test_an_admin_changes_roles_on_a_page_and_it_is_logged(app, make):
    admin = make.user(role=Role.ADMIN)
    member = make.user(display_name="Volunteer")
    client = app.test_client(user=admin)
    page = client.get("/admin/members/")
    assert page.status_code == 200 and "Volunteer" in page.get_data(as_text=True)
    response = client.post(
        f"/admin/members/{member.id}/role",
        data={f"m{member.id}-role": "reviewer", f"m{member.id}-reason": "Qualified nurse"},
    )
    assert response.status_code == 302
    db.session.refresh(member)
    assert member.role is Role.REVIEWER
    entry = db.session.scalar(select(ModerationAction))
    assert entry.actor_id == admin.id and entry.subject_user_id == member.id


def test_only_admins_reach_the_roles_page(app, make):
    member = make.user()
    for role in (Role.MEMBER, Role.MODERATOR, Role.REVIEWER):
        client = app.test_client(user=make.user(role=role))
        assert client.get("/admin/members/").status_code == 403
        assert (
            client.post(
                f"/admin/members/{member.id}/role", data={f"m{member.id}-role": "admin"}
            ).status_code
            == 403
        )
    assert app.test_client().get("/admin/members/").status_code == 302
    db.session.refresh(member)
    assert member.role is Role.MEMBER


def test_an_admin_cannot_demote_themselves(app, make):
    admin = make.user(role=Role.ADMIN)
    client = app.test_client(user=admin)
    client.post(f"/admin/members/{admin.id}/role", data={f"m{admin.id}-role": "member"})
    db.session.refresh(admin)
    assert admin.role is Role.ADMIN
