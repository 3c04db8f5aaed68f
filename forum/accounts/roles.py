"""Creating staff accounts and changing roles; every change is on the moderation log."""

from __future__ import annotations

from forum.accounts.models import Role, User, display_name_key
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.auth import services as auth
from forum.auth.passwords import hash_password
from forum.core.errors import ForumError
from forum.database import db, utcnow


def create_account(email: str, display_name: str, password: str, role: Role) -> User:
    """An account made by an operator: confirmed at once, with the role they chose."""
    email = auth.normalise_email(email)
    if auth.find_by_email(email) is not None:
        raise ForumError("An account with that email address already exists.")
    name = auth.check_display_name(display_name)
    auth.check_new_password(password, email=email, display_name=name)
    user = User(
        email=email,
        display_name=name,
        display_name_key=display_name_key(name),
        password_hash=hash_password(password),
        role=role,
        email_verified_at=utcnow(),
    )
    db.session.add(user)
    db.session.flush()
    record_action(
        None, Action.ACCOUNT_CREATED, "user", user.id, after={"role": role.value}, subject=user
    )
    return user


def set_role(actor: User | None, member: User, role: Role, reason: str = "") -> None:
    """Give `member` a new role. `actor` is None when an operator uses the command line."""
    if member.role is role:
        return
    if actor is not None and actor.id == member.id and role is not Role.ADMIN:
        raise ForumError("You can't remove your own admin role; ask another admin.")
    before = member.role
    member.role = role
    record_action(
        actor,
        Action.ROLE_CHANGED,
        "user",
        member.id,
        reason=reason,
        before={"role": before.value},
        after={"role": role.value},
        subject=member,
    )
