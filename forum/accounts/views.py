from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from forum.accounts import services
from forum.accounts.forms import (
    DisplayNameForm,
    EmailChangeForm,
    PasswordChangeForm,
    ProfileForm,
)
from forum.accounts.models import ProfileVisibility
from forum.accounts.session import stay_signed_in
from forum.auth import limits
from forum.core.errors import ForumError
from forum.database import db
from forum.web.form_errors import show_error

bp = Blueprint("accounts", __name__)


def _name_form() -> DisplayNameForm:
    return DisplayNameForm(prefix="name", data={"display_name": current_user.display_name})


def _profile_form() -> ProfileForm:
    return ProfileForm(
        prefix="profile",
        data={
            "bio": current_user.bio,
            "bio_visibility": current_user.bio_visibility.value,
            "communities_visibility": current_user.communities_visibility.value,
            "profile_hidden": current_user.profile_hidden,
        },
    )


def _profile_page(name_form: DisplayNameForm, profile_form: ProfileForm):
    return render_template("accounts/profile.html", name_form=name_form, profile_form=profile_form)


@bp.get("/account/profile")
@login_required
def profile():
    return _profile_page(_name_form(), _profile_form())


@bp.post("/account/display-name")
@login_required
def change_display_name():
    form = DisplayNameForm(prefix="name")
    if form.validate_on_submit():
        try:
            services.change_display_name(current_user, form.display_name.data)
        except ForumError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash("Your display name is changed.", "success")
            return redirect(url_for("accounts.profile"))
    return _profile_page(form, _profile_form()), 400


@bp.post("/account/profile")
@login_required
def update_profile():
    form = ProfileForm(prefix="profile")
    if form.validate_on_submit():
        settings = services.ProfileSettings(
            bio=form.bio.data or "",
            bio_visibility=ProfileVisibility(form.bio_visibility.data),
            communities_visibility=ProfileVisibility(form.communities_visibility.data),
            profile_hidden=form.profile_hidden.data,
        )
        try:
            services.update_profile(current_user, settings)
        except ForumError as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash("Your profile settings are saved.", "success")
            return redirect(url_for("accounts.profile"))
    return _profile_page(_name_form(), form), 400


@bp.route("/account/email", methods=["GET", "POST"])
@login_required
@limits.confirmation_requests  # per account: one member can't mail address after address
@limits.email_requests_per_email  # per address asked for, whoever asks
def change_email():
    form = EmailChangeForm()
    if form.validate_on_submit():
        try:
            services.request_email_change(current_user, form.email.data, form.password.data)
        except ForumError as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(
                "We've sent a link to the new address. Your email changes when you follow it.",
                "success",
            )
            return redirect(url_for("pages.account"))
    return render_template("accounts/email.html", form=form)


@bp.get("/account/email/confirm/<token>")
def confirm_new_email(token: str):
    try:
        services.confirm_email_change(token)
    except ForumError as error:
        return render_template("auth/link_problem.html", message=str(error)), 400
    db.session.commit()
    flash("Your new email address is confirmed.", "success")
    return redirect(url_for("pages.account"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                current_user, form.current_password.data, form.new_password.data
            )
        except ForumError as error:
            show_error(form, error)
        else:
            db.session.commit()
            stay_signed_in(current_user._get_current_object())
            flash("Your password is changed. Any other device has been signed out.", "success")
            return redirect(url_for("pages.account"))
    return render_template("accounts/password.html", form=form)
