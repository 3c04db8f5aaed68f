"""Admin pages: conditions, questions, treatment vocabularies and reviewer verification."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from forum.accounts.standing import admin_required
from forum.admin import services
from forum.admin.forms import (
    ConditionForm,
    MoveForm,
    QuestionForm,
    SideEffectForm,
    TreatmentForm,
    WithdrawVerificationForm,
)
from forum.conditions.models import Condition, SideEffect, Treatment
from forum.core.errors import ForumError
from forum.database import db
from forum.jobs import queue as jobs
from forum.questions.models import Question
from forum.summaries import profiles
from forum.summaries.forms import ActionForm

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/")
@admin_required
def index():
    conditions = db.session.scalars(
        select(Condition).order_by(Condition.position, Condition.name)
    ).all()
    return render_template(
        "admin/index.html",
        conditions=conditions,
        failed_jobs=jobs.recent_failures(),
        waiting_jobs=jobs.waiting_jobs(),
    )


@bp.get("/conditions/<int:condition_id>")
@admin_required
def condition(condition_id: int):
    found = db.session.scalar(
        select(Condition)
        .where(Condition.id == condition_id)
        .options(
            selectinload(Condition.questions),
            selectinload(Condition.treatments),
            selectinload(Condition.side_effects),
        )
    )
    if found is None:
        abort(404)
    questions = sorted(found.questions, key=lambda question: (question.position, question.id))
    treatments = sorted(found.treatments, key=lambda treatment: (treatment.position, treatment.id))
    return render_template(
        "admin/condition.html",
        condition=found,
        questions=questions,
        treatments=treatments,
    )


@bp.route("/conditions/new", methods=["GET", "POST"])
@admin_required
def new_condition():
    form = ConditionForm()
    return _save_or_show(
        form,
        "admin/condition_form.html",
        lambda: services.create_condition(current_user, form.details()),
        lambda saved: url_for(".condition", condition_id=saved.id),
        "Condition added.",
    )


@bp.route("/conditions/<int:condition_id>/edit", methods=["GET", "POST"])
@admin_required
def edit_condition(condition_id: int):
    found = db.get_or_404(Condition, condition_id)
    form = ConditionForm(obj=found)
    return _save_or_show(
        form,
        "admin/condition_form.html",
        lambda: services.update_condition(current_user, found, form.details()),
        lambda _: url_for(".condition", condition_id=found.id),
        "Condition saved.",
        condition=found,
    )


@bp.post("/conditions/<int:condition_id>/move")
@admin_required
def move_condition(condition_id: int):
    found = db.get_or_404(Condition, condition_id)
    return _move(services.move_condition, found, url_for(".index"))


@bp.route("/conditions/<int:condition_id>/questions/new", methods=["GET", "POST"])
@admin_required
def new_question(condition_id: int):
    found = db.get_or_404(Condition, condition_id)
    form = QuestionForm()
    return _save_or_show(
        form,
        "admin/question_form.html",
        lambda: services.create_question(current_user, found, form.details()),
        lambda _: url_for(".condition", condition_id=found.id),
        "Question added.",
        condition=found,
    )


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@admin_required
def edit_question(question_id: int):
    question = db.get_or_404(Question, question_id)
    form = QuestionForm(obj=question)
    return _save_or_show(
        form,
        "admin/question_form.html",
        lambda: services.update_question(current_user, question, form.details()),
        lambda _: url_for(".condition", condition_id=question.condition_id),
        "Question saved.",
        condition=question.condition,
        question=question,
    )


@bp.post("/questions/<int:question_id>/move")
@admin_required
def move_question(question_id: int):
    question = db.get_or_404(Question, question_id)
    return _move(
        services.move_question, question, url_for(".condition", condition_id=question.condition_id)
    )


@bp.route("/conditions/<int:condition_id>/treatments/new", methods=["GET", "POST"])
@admin_required
def new_treatment(condition_id: int):
    found = db.get_or_404(Condition, condition_id)
    form = TreatmentForm()
    return _save_or_show(
        form,
        "admin/treatment_form.html",
        lambda: services.create_treatment(current_user, found, form.details()),
        lambda _: url_for(".condition", condition_id=found.id) + "#treatments-heading",
        "Treatment added.",
        condition=found,
    )


@bp.route("/treatments/<int:treatment_id>/edit", methods=["GET", "POST"])
@admin_required
def edit_treatment(treatment_id: int):
    treatment = db.get_or_404(Treatment, treatment_id)
    form = TreatmentForm(obj=treatment)
    return _save_or_show(
        form,
        "admin/treatment_form.html",
        lambda: services.update_treatment(current_user, treatment, form.details()),
        lambda _: (
            url_for(".condition", condition_id=treatment.condition_id) + "#treatments-heading"
        ),
        "Treatment saved.",
        condition=treatment.condition,
        treatment=treatment,
    )


@bp.route("/conditions/<int:condition_id>/side-effects/new", methods=["GET", "POST"])
@admin_required
def new_side_effect(condition_id: int):
    found = db.get_or_404(Condition, condition_id)
    form = SideEffectForm()
    return _save_or_show(
        form,
        "admin/side_effect_form.html",
        lambda: services.create_side_effect(
            current_user, found, form.name.data or "", form.slug.data or ""
        ),
        lambda _: url_for(".condition", condition_id=found.id) + "#side-effects-heading",
        "Side effect added.",
        condition=found,
    )


@bp.route("/side-effects/<int:side_effect_id>/edit", methods=["GET", "POST"])
@admin_required
def edit_side_effect(side_effect_id: int):
    side_effect = db.get_or_404(SideEffect, side_effect_id)
    form = SideEffectForm(obj=side_effect)
    return _save_or_show(
        form,
        "admin/side_effect_form.html",
        lambda: services.rename_side_effect(
            current_user, side_effect, form.name.data or "", form.slug.data or ""
        ),
        lambda _: (
            url_for(".condition", condition_id=side_effect.condition_id) + "#side-effects-heading"
        ),
        "Side effect saved.",
        condition=side_effect.condition,
        side_effect=side_effect,
    )


@bp.post("/treatments/<int:treatment_id>/move")
@admin_required
def move_treatment(treatment_id: int):
    treatment = db.get_or_404(Treatment, treatment_id)
    destination = url_for(".condition", condition_id=treatment.condition_id)
    return _move(services.move_treatment, treatment, destination + "#treatments-heading")


@bp.get("/reviewers")
@admin_required
def reviewers():
    return render_template("admin/reviewers.html", profiles=profiles.all_profiles())


@bp.post("/reviewers/<int:profile_id>/verify")
@admin_required
def verify_reviewer(profile_id: int):
    profile = profiles.find_profile(profile_id) or abort(404)
    return _act(
        ActionForm(),
        lambda form: profiles.verify_profile(profile, current_user),
        f"{profile.full_name} is verified.",
    )


@bp.post("/reviewers/<int:profile_id>/unverify")
@admin_required
def unverify_reviewer(profile_id: int):
    profile = profiles.find_profile(profile_id) or abort(404)
    return _act(
        WithdrawVerificationForm(),
        lambda form: profiles.withdraw_verification(profile, current_user, form.reason.data),
        f"Verification of {profile.full_name} withdrawn.",
    )


def _save_or_show(
    form, template: str, save: Callable, destination: Callable, message: str, **context
):
    """Validate, save and commit, then go on; otherwise show the form again as it was typed."""
    if form.validate_on_submit():
        try:
            saved = save()
        except ForumError as error:
            flash(str(error), "error")
        else:
            url = destination(saved)
            db.session.commit()
            flash(message, "success")
            return redirect(url)
    return render_template(template, form=form, **context)


def _move(move: Callable, item, destination: str):
    def action(form: MoveForm) -> None:
        move(current_user, item, form.direction.data)

    return _act(MoveForm(), action, "Order saved.", destination)


def _act(form, action: Callable, message: str, destination: str | None = None):
    """A button press: run it, commit, and go back to the list with what happened."""
    if form.validate_on_submit():
        try:
            action(form)
        except ForumError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(message, "success")
    else:
        flash(" ".join(error for errors in form.errors.values() for error in errors), "error")
    return redirect(destination or url_for(".reviewers"))
