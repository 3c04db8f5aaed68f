"""The reviewers' pages about members' evidence, on the review blueprint: a summary's passages
linked to members' reports, and the review tasks opened where those reports diverge from it."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from forum.accounts.standing import reviewer_required
from forum.conditions.services import treatment_names
from forum.core.errors import ForumError
from forum.database import db
from forum.questions.models import Question
from forum.summaries import claims, permissions, tasks
from forum.summaries.forms import ActionForm, ClaimForm, ResolveTaskForm
from forum.summaries.models import ReviewTask
from forum.summaries.review_views import bp
from forum.summaries.services import current_summary
from forum.summaries.views import question_or_404
from forum.web.form_errors import show_error


@bp.route("/questions/<int:question_id>/claims", methods=["GET", "POST"])
@reviewer_required
def claims_page(question_id: int):
    question = question_or_404(question_id)
    form = ClaimForm()
    form.treatments.choices = [(t.id, t.name) for t in treatment_names(question.condition_id)]
    if form.validate_on_submit():
        try:
            claims.mark_claim(question, current_user, form.passage.data, form.treatments.data)
        except ForumError as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash("Passage linked: readers now see members' reports beside it.", "success")
            return redirect(url_for(".claims_page", question_id=question.id))
    return _claims_page(question, form), 400 if request.method == "POST" else 200


@bp.post("/questions/<int:question_id>/claims/<int:claim_id>/remove")
@reviewer_required
def remove_claim(question_id: int, claim_id: int):
    question = question_or_404(question_id)
    claim = claims.find_claim(question, claim_id)
    if claim is None:
        abort(404)
    if ActionForm().validate_on_submit():
        try:
            claims.remove_claim(claim, current_user)
        except ForumError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash("Passage unlinked: readers no longer see members' reports beside it.", "success")
    return redirect(url_for(".claims_page", question_id=question.id))


def _claims_page(question: Question, form: ClaimForm) -> str:
    revision = current_summary(question.id)
    return render_template(
        "summaries/claims.html",
        question=question,
        revision=revision,
        rows=claims.claim_rows(revision) if revision else [],
        form=form,
        may_mark=permissions.can_mark_claims(current_user),
    )


@bp.route("/tasks/<int:task_id>", methods=["GET", "POST"])
@reviewer_required
def task(task_id: int):
    found = tasks.find_task(task_id)
    if found is None:
        abort(404)
    form = ResolveTaskForm()
    if form.validate_on_submit():
        try:
            draft = tasks.resolve_task(
                found, current_user, form.note.data or "", start_draft=form.start_draft.data
            )
        except ForumError as error:
            show_error(form, error)
        else:
            question_id = found.summary.question_id
            db.session.commit()
            if draft is None:
                flash("Task resolved with your note.", "success")
                return redirect(url_for(".dashboard"))
            flash(f"Task resolved. Draft version {draft.number} is ready to work on.", "success")
            return redirect(url_for(".edit_summary", question_id=question_id))
    return _task_page(found, form), 400 if request.method == "POST" else 200


def _task_page(task: ReviewTask, form: ResolveTaskForm) -> str:
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    return render_template(
        "summaries/task.html",
        evidence=tasks.evidence_of(task, threshold),
        question=task.summary.question,
        form=form,
        draft=tasks.draft_of(task),
        may_resolve=permissions.can_resolve_task(current_user, task),
    )
