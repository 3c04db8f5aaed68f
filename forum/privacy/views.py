from __future__ import annotations

import json

from flask import Blueprint, Response, flash, redirect, render_template, url_for
from flask_login import current_user, login_required, logout_user

from forum.auth.forms import EmptyForm
from forum.core.errors import ForumError
from forum.database import db
from forum.privacy.deletion import delete_account
from forum.privacy.export import export_member_data
from forum.privacy.forms import DeleteAccountForm
from forum.web.form_errors import show_error

bp = Blueprint("privacy", __name__)


@bp.route("/account/export", methods=["GET", "POST"])
@login_required
def export():
    form = EmptyForm()
    if not form.validate_on_submit():
        return render_template("privacy/export.html", form=form)
    body = json.dumps(export_member_data(current_user), indent=2, ensure_ascii=False)
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Content-Disposition": 'attachment; filename="my-forum-data.json"',
            "Cache-Control": "no-store",
        },
    )


@bp.route("/account/delete", methods=["GET", "POST"])
@login_required
def delete():
    form = DeleteAccountForm()
    if form.validate_on_submit():
        try:
            delete_account(
                current_user, form.password.data, keep_answers=form.answers.data == "keep"
            )
        except ForumError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            logout_user()
            flash("Your account is deleted. Thank you for having been part of the forum.", "info")
            return redirect(url_for("conditions.home"))
    return render_template("privacy/delete.html", form=form)
