from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from forum.auth.forms import EmptyForm
from forum.conditions import services
from forum.conditions.forms import MembershipForm
from forum.conditions.models import Condition, Perspective
from forum.core.errors import ForumError
from forum.database import db
from forum.web.form_errors import show_error
from forum.web.urls import condition_url

bp = Blueprint("conditions", __name__)


@bp.get("/")
def home():
    return render_template("conditions/home.html", conditions=services.list_conditions())


@bp.get("/conditions/<slug>")
def by_slug(slug: str):
    """Short, typed-by-hand URLs like /conditions/stiff-person-syndrome lead to the real page."""
    condition = services.find_condition_by_slug(slug)
    if condition is None:
        abort(404)
    return redirect(condition_url(condition), code=301)


def _condition_or_404(condition_id: int) -> Condition:
    condition = services.find_condition(condition_id)
    if condition is None:
        abort(404)
    return condition


@bp.route("/conditions/<int:condition_id>/join", methods=["GET", "POST"])
@login_required
def join(condition_id: int):
    condition = _condition_or_404(condition_id)
    membership = services.membership_of(current_user, condition)
    form = MembershipForm(obj=None)
    if request.method == "GET" and membership is not None:
        form.relation.data = membership.relation.value
        form.diagnosed_year.data = membership.diagnosed_year
    if form.validate_on_submit():
        try:
            services.join_community(
                current_user, condition, Perspective(form.relation.data), form.diagnosed_year.data
            )
        except ForumError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            verb = "updated your membership of" if membership else "joined"
            flash(f"You have {verb} the {condition.name} community.", "success")
            return redirect(condition_url(condition))
    return render_template(
        "conditions/join.html", condition=condition, form=form, membership=membership
    )


@bp.post("/conditions/<int:condition_id>/leave")
@login_required
def leave(condition_id: int):
    condition = _condition_or_404(condition_id)
    if EmptyForm().validate_on_submit():
        try:
            services.leave_community(current_user, condition)
        except ForumError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(f"You have left the {condition.name} community.", "info")
    return redirect(url_for("conditions.communities"))


@bp.get("/account/communities")
@login_required
def communities():
    joined = services.memberships_of(current_user)
    joined_ids = {membership.condition_id for membership in joined}
    others = [c for c in services.list_conditions() if c.id not in joined_ids]
    return render_template(
        "conditions/communities.html", memberships=joined, others=others, leave_form=EmptyForm()
    )
