from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from forum.accounts.session import begin_session, end_session
from forum.auth import limits, services
from forum.auth.forms import (
    EmptyForm,
    ForgotPasswordForm,
    RegistrationForm,
    ResetPasswordForm,
    SignInForm,
)
from forum.auth.redirects import safe_next_path
from forum.core.errors import ForumError
from forum.database import db
from forum.web.form_errors import show_error

bp = Blueprint("auth", __name__, url_prefix="/auth")

WRONG_CREDENTIALS = "That email address and password don't match an account. Please try again."


def _home() -> str:
    return url_for("conditions.home")


@bp.route("/register", methods=["GET", "POST"])
@limits.register_per_address
def register():
    if current_user.is_authenticated:
        return redirect(_home())
    form = RegistrationForm()
    if form.validate_on_submit():
        try:
            services.register(form.email.data, form.display_name.data, form.password.data)
        except ForumError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            return redirect(url_for("auth.check_email", reason="register"))
    return render_template("auth/register.html", form=form)


@bp.get("/check-your-email")
def check_email():
    return render_template("auth/check_email.html", reason=request.args.get("reason"))


@bp.get("/confirm/<token>")
def confirm_email(token: str):
    try:
        newly_confirmed = services.confirm_email(token)
    except ForumError as error:
        return render_template("auth/link_problem.html", message=str(error)), 400
    db.session.commit()
    if not newly_confirmed:
        flash("Your email address was already confirmed.", "info")
    else:
        flash("Thank you, your email address is confirmed.", "success")
    if current_user.is_authenticated:
        return redirect(url_for("conditions.communities"))
    # A link never signs anyone in: whoever opened it (perhaps someone else's browser, sent
    # there on purpose) still has to show the password.
    flash("Please sign in to choose your communities.", "info")
    return redirect(url_for("auth.sign_in", next=url_for("conditions.communities")))


@bp.post("/confirm/resend")
@login_required
@limits.confirmation_requests
def resend_confirmation():
    if EmptyForm().validate_on_submit() and not current_user.is_email_verified:
        services.send_confirmation(current_user)
        flash("We've sent you a new confirmation link.", "success")
    return redirect(url_for("pages.account"))


@bp.route("/sign-in", methods=["GET", "POST"])
@limits.sign_in_per_address
@limits.sign_in_per_account
def sign_in():
    next_path = safe_next_path(request.values.get("next"))
    if current_user.is_authenticated:
        return redirect(next_path or _home())
    form = SignInForm(next=next_path or "")
    error = None
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            error = WRONG_CREDENTIALS
        elif refusal := services.refusal_for(user):
            error = refusal
        else:
            db.session.commit()  # keeps an upgraded password hash
            begin_session(user, remember=form.remember.data)
            flash(f"Welcome back, {user.display_name}.", "success")
            return redirect(safe_next_path(form.next.data) or _home())
    return render_template("auth/sign_in.html", form=form, error=error)


@bp.post("/sign-out")
def sign_out():
    if EmptyForm().validate_on_submit():
        if current_user.is_authenticated:
            end_session(current_user._get_current_object())
            db.session.commit()
        flash("You are signed out.", "info")
    return redirect(_home())


@bp.route("/forgot-password", methods=["GET", "POST"])
@limits.email_requests_per_address
@limits.email_requests_per_email
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        return redirect(url_for("auth.check_email", reason="reset"))
    return render_template("auth/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    try:
        services.user_for_reset_token(token)
    except ForumError as error:
        return render_template("auth/link_problem.html", message=str(error)), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            user = services.reset_password(token, form.password.data)
        except ForumError as error:
            show_error(form, error)
        else:
            db.session.commit()
            begin_session(user)
            flash("Your password is changed and you are signed in.", "success")
            return redirect(_home())
    return render_template("auth/reset_password.html", form=form)
