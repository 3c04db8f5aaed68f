"""Notifications page, notification settings, follow buttons and the unsubscribe link."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from forum.accounts.models import User
from forum.auth.forms import EmptyForm
from forum.auth.redirects import safe_next_path
from forum.conditions.services import find_condition
from forum.core.errors import ForumError
from forum.database import db
from forum.extensions import csrf
from forum.notifications import services
from forum.notifications.forms import FollowForm, SettingsForm
from forum.notifications.models import EmailChoice, FollowLevel
from forum.notifications.unsubscribe import member_of
from forum.questions.services import find_visible_question
from forum.web.request_input import query_number
from forum.web.urls import condition_url, question_url

bp = Blueprint("notifications", __name__)


@bp.get("/account/notifications")
@login_required
def index():
    pager = services.notifications_page(current_user, query_number("page", 1))
    # Shown means read; the page still marks the ones that were new when it was drawn.
    unread = {n.id for n in pager.items if not n.is_read}
    if unread:
        services.mark_read(current_user, pager.items)
        db.session.commit()
    return render_template(
        "notifications/index.html", pager=pager, new_ids=unread, form=EmptyForm()
    )


@bp.post("/account/notifications/read")
@login_required
def mark_all_read():
    if EmptyForm().validate_on_submit():
        services.mark_read(current_user)
        db.session.commit()
        flash("All notifications are marked as read.", "info")
    return redirect(url_for("notifications.index"))


@bp.route("/account/notifications/settings", methods=["GET", "POST"])
@login_required
def settings():
    saved = services.settings_of(current_user)
    form = SettingsForm(
        email=saved.email.value, crisis_alerts=saved.crisis_alerts
    ) if request.method == "GET" else SettingsForm()  # fmt: skip
    if form.validate_on_submit():
        crisis = form.crisis_alerts.data if current_user.is_moderator else saved.crisis_alerts
        services.save_settings(current_user, EmailChoice(form.email.data), crisis)
        db.session.commit()
        flash("Your notification settings are saved.", "success")
        return redirect(url_for("notifications.settings"))
    return render_template(
        "notifications/settings.html",
        form=form,
        follows=services.follows_of(current_user),
        levels=list(FollowLevel),
    )


@bp.post("/questions/<int:question_id>/follow")
@login_required
def follow_question(question_id: int):
    question = find_visible_question(question_id)
    if question is None:
        abort(404)
    return _follow(question, question_url(question))


@bp.post("/conditions/<int:condition_id>/follow")
@login_required
def follow_condition(condition_id: int):
    condition = find_condition(condition_id)
    if condition is None:
        abort(404)
    return _follow(condition, condition_url(condition))


def _follow(target, page: str):
    form = FollowForm()
    back = safe_next_path(request.form.get("next")) or page
    if not form.validate_on_submit():
        flash("That did not work: please try again from the page.", "error")
        return redirect(back)
    level = FollowLevel(form.level.data)
    try:
        services.set_follow(current_user, target, level)
    except ForumError as error:
        flash(error.message, "error")
        return redirect(back)
    db.session.commit()
    name = getattr(target, "title", None) or target.name
    if level is FollowLevel.OFF:
        flash(f"You no longer follow “{name}”.", "info")
    else:
        flash(f"You follow “{name}”: {level.label.lower()}.", "success")
    return redirect(back)


# Mail clients POST here without a CSRF token (RFC 8058); the signed token is the proof.
@csrf.exempt
@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
def unsubscribe(token: str):
    user_id = member_of(token)
    member = db.session.get(User, user_id) if user_id is not None else None
    if member is None:
        return render_template("notifications/unsubscribe.html", problem=True), 404
    if request.method == "POST":
        services.stop_all_email(member.id)
        db.session.commit()
        return render_template("notifications/unsubscribe.html", done=True)
    return render_template("notifications/unsubscribe.html", token=token)
