"""Admins manage roles on a page, not only from the command line."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from forum.accounts.forms import RoleForm
from forum.accounts.models import Role, User, display_name_key
from forum.accounts.roles import set_role
from forum.accounts.standing import admin_required
from forum.core.errors import ForumError
from forum.database import db

bp = Blueprint("account_admin", __name__, url_prefix="/admin/members")

PAGE_SIZE = 50


def _find_members(search: str) -> list[User]:
    """Staff first, then the newest members; by pseudonym only, never by email."""
    query = select(User).order_by((User.role == Role.MEMBER), User.created_at.desc())
    if search:
        query = query.where(User.display_name_key.contains(display_name_key(search)))
    return list(db.session.scalars(query.limit(PAGE_SIZE)))


@bp.get("/")
@admin_required
def index():
    search = request.args.get("q", "").strip()[:30]
    members = _find_members(search)
    forms = {
        member.id: RoleForm(prefix=f"m{member.id}", role=member.role.value) for member in members
    }
    return render_template(
        "accounts/admin_members.html", members=members, forms=forms, search=search
    )


@bp.post("/<int:user_id>/role")
@admin_required
def change_role(user_id: int):
    member = db.get_or_404(User, user_id)
    form = RoleForm(prefix=f"m{member.id}")
    if form.validate_on_submit():
        try:
            set_role(current_user, member, Role(form.role.data), form.reason.data or "")
        except ForumError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(f"{member.display_name} is now a {member.role.value}.", "success")
    return redirect(url_for("account_admin.index"))
