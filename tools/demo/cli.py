"""`flask seed-demo`: fill the database with demo content and list the accounts to sign in with."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from forum.conditions.models import Condition
from forum.database import db
from tools.demo.seed import KINDS, DemoSeedError, SeedReport, seed_demo


@click.command("seed-demo")
@click.option(
    "--password",
    metavar="PW",
    default=None,
    help="Password for the six demo accounts, new or existing. Without it, new accounts get "
    "a generated one and existing accounts keep theirs.",
)
@click.option(
    "--if-empty",
    is_flag=True,
    help="Do nothing when the database already holds conditions (what `make run` uses).",
)
@with_appcontext
def seed_demo_command(password: str | None, if_empty: bool) -> None:
    """Add the demo conditions, members, questions, summaries and answers. Safe to run again."""
    if if_empty and db.session.scalar(select(Condition.id).limit(1)) is not None:
        click.echo("The database already has content: demo content not added.")
        return
    try:
        report = seed_demo(password)
    except DemoSeedError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    db.session.commit()
    _echo_accounts(report)
    _echo_content(report)


def _echo_accounts(report: SeedReport) -> None:
    click.echo("Demo accounts:")
    for account in report.accounts:
        password = account.password or "(password unchanged)"
        click.echo(f"  {account.role.value:<9}  {account.email:<28}  {password}")
    if any(account.password is None for account in report.accounts):
        click.echo(
            "Existing demo accounts kept their passwords; run with --password PW to set a new one."
        )


def _echo_content(report: SeedReport) -> None:
    click.echo("Demo content (fictional, for trying out the forum):")
    for kind in KINDS:
        click.echo(f"  {kind}: {_describe(report.created[kind], report.present[kind])}")


def _describe(created: int, present: int) -> str:
    if created and present:
        return f"{created} created, {present} already present"
    if created:
        return f"{created} created"
    return f"already present ({present})"
