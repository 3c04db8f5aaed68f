"""`flask accounts …`: create staff accounts and change roles from the command line."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from forum.accounts.models import Role
from forum.accounts.roles import create_account, set_role
from forum.auth.services import find_by_email
from forum.core.errors import ForumError
from forum.database import db

accounts_cli = AppGroup("accounts", help="Manage member accounts and roles.")
ROLE_NAMES = click.Choice([role.value for role in Role])


@accounts_cli.command("create")
@click.option("--email", prompt=True)
@click.option("--display-name", prompt=True)
@click.option("--role", type=ROLE_NAMES, default=Role.MEMBER.value, show_default=True)
@click.password_option(help="Prompted for (and confirmed) when not given.")
def create(email: str, display_name: str, role: str, password: str) -> None:
    """Create a confirmed account with ROLE."""
    try:
        user = create_account(email, display_name, password, Role(role))
    except ForumError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created {user.display_name} ({user.role.value}).")


@accounts_cli.command("set-role")
@click.argument("email")
@click.argument("role", type=ROLE_NAMES)
@click.option("--reason", default="", help="Why, for the moderation log.")
def set_role_command(email: str, role: str, reason: str) -> None:
    """Give the account with EMAIL the role ROLE."""
    user = find_by_email(email)
    if user is None:
        raise click.ClickException("No account has that email address.")
    set_role(None, user, Role(role), reason)
    db.session.commit()
    click.echo(f"{user.display_name} is now a {user.role.value}.")
