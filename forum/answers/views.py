from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from forum.accounts.standing import is_moderator
from forum.answers import services
from forum.answers.forms import AnswerForm, form_data_for
from forum.answers.history import answer_history
from forum.answers.models import AnswerStatus
from forum.answers.permissions import (
    answer_refusal,
    can_delete_answer,
    can_edit_answer,
    can_read_answer_history,
    can_restore_answer,
    can_see_answer,
)
from forum.answers.privacy import privacy_warnings
from forum.answers.queries import find_answer
from forum.auth.forms import EmptyForm
from forum.content import render_markdown
from forum.core.errors import ForumError
from forum.database import db
from forum.questions.services import find_visible_question
from forum.web import limits
from forum.web.form_errors import show_error
from forum.web.urls import question_url

bp = Blueprint("answers", __name__)


@bp.get("/answers/<int:answer_id>")
def permalink(answer_id: int):
    answer = find_answer(answer_id)
    if answer is None or not can_see_answer(current_user, answer):
        abort(404)
    return render_template("answers/permalink.html", answer=answer, question=answer.question)


def _answer_form_page(question, form, *, answer=None, preview=None, warnings=()):
    form.offer_vocabulary(question.condition)
    return render_template(
        "answers/form.html",
        question=question,
        form=form,
        answer=answer,
        preview=preview,
        warnings=warnings,
    )


def _needs_another_look(form: AnswerForm):
    """Preview, add a row, or warn about identifying details: anything but saving now."""
    action = request.form.get("action", "post")
    if action == "preview":
        return {"preview": render_markdown(form.body.data or "")}
    if action == "add_treatment" and len(form.treatments) < form.treatments.max_entries:
        form.treatments.append_entry()
        return {}
    warnings = privacy_warnings(form.body.data or "")
    if warnings and form.privacy_checked.data != "1":
        form.privacy_checked.data = "1"  # posting again means "I've checked, post it"
        return {"warnings": warnings}
    return None


@bp.route("/questions/<int:question_id>/answer", methods=["GET", "POST"])
@limits.posting
def create(question_id: int):
    question = find_visible_question(question_id)
    if question is None:
        abort(404)
    if (earlier := services.existing_answer(current_user, question)) is not None:
        flash("You have already answered this question. You can edit your answer here.", "info")
        return redirect(url_for("answers.edit", answer_id=earlier.id))
    membership = services.membership_for(current_user, question)
    refusal = answer_refusal(current_user, question, membership)
    if refusal is not None:
        return render_template("answers/refused.html", question=question, refusal=refusal), (
            403 if request.method == "POST" else 200
        )
    form = AnswerForm()
    if request.method == "GET":
        form.perspective.data = membership.relation.value
    form.offer_vocabulary(question.condition)
    if not form.is_submitted() or not form.validate():
        return _answer_form_page(question, form)
    if (another_look := _needs_another_look(form)) is not None:
        return _answer_form_page(question, form, **another_look)
    try:
        answer = services.submit_answer(question, current_user, form.to_draft())
    except services.AlreadyAnsweredError:
        db.session.rollback()
        return redirect(url_for("answers.create", question_id=question.id))
    except ForumError as error:
        db.session.rollback()
        show_error(form, error)
        return _answer_form_page(question, form)
    db.session.commit()
    flash(_thanks(answer), "success")
    return redirect(question_url(question, _anchor=f"answer-{answer.id}"))


def _thanks(answer) -> str:
    if answer.is_published:
        return "Thank you for sharing your experience."
    return (
        "Thank you for sharing your experience. A moderator reads new members' answers "
        "before they appear; until then only you can see it."
    )


def _editable_answer_or_abort(answer_id: int):
    answer = find_answer(answer_id)
    if answer is None:
        abort(404)
    if not can_edit_answer(current_user, answer):
        abort(403)
    return answer


@bp.route("/answers/<int:answer_id>/edit", methods=["GET", "POST"])
@login_required
@limits.editing
def edit(answer_id: int):
    answer = _editable_answer_or_abort(answer_id)
    question = answer.question
    form = AnswerForm(data=form_data_for(answer)) if request.method == "GET" else AnswerForm()
    form.offer_vocabulary(question.condition)
    if not form.is_submitted() or not form.validate():
        return _answer_form_page(question, form, answer=answer)
    if (another_look := _needs_another_look(form)) is not None:
        return _answer_form_page(question, form, answer=answer, **another_look)
    try:
        services.edit_answer(
            answer,
            current_user,
            form.to_draft(),
            int(form.version.data or 0),
            form.reason.data or "",
        )
    except ForumError as error:
        db.session.rollback()
        show_error(form, error)
        # Show the member's words beside the current version; saving again is now deliberate.
        answer = find_answer(answer_id)
        form.version.data = str(answer.version)
        return _answer_form_page(question, form, answer=answer), 409
    db.session.commit()
    if answer.status is AnswerStatus.PENDING and not is_moderator(current_user):
        flash("Your changes are saved. A moderator will read them before they appear.", "success")
    else:
        flash("Your changes are saved.", "success")
    return redirect(question_url(question, _anchor=f"answer-{answer.id}"))


@bp.route("/answers/<int:answer_id>/delete", methods=["GET", "POST"])
@login_required
def delete(answer_id: int):
    answer = find_answer(answer_id)
    if answer is None:
        abort(404)
    if not can_delete_answer(current_user, answer):
        abort(403)
    form = EmptyForm()
    if form.validate_on_submit():
        services.delete_answer(answer, current_user)
        db.session.commit()
        flash("Your answer is deleted. If that was a mistake, a moderator can restore it.", "info")
        return redirect(question_url(answer.question))
    return render_template(
        "answers/delete.html", answer=answer, question=answer.question, form=form
    )


@bp.post("/answers/<int:answer_id>/restore")
@login_required
def restore(answer_id: int):
    answer = find_answer(answer_id)
    if answer is None:
        abort(404)
    if not can_restore_answer(current_user, answer):
        abort(403)
    if EmptyForm().validate_on_submit():
        services.restore_answer(answer, current_user, request.form.get("reason", ""))
        db.session.commit()
        flash("The answer is restored.", "success")
    return redirect(question_url(answer.question, _anchor=f"answer-{answer.id}"))


@bp.get("/answers/<int:answer_id>/history")
@login_required
def history(answer_id: int):
    answer = find_answer(answer_id)
    if answer is None:
        abort(404)
    if not can_read_answer_history(current_user, answer):
        abort(403)
    return render_template(
        "answers/history.html",
        answer=answer,
        question=answer.question,
        versions=answer_history(answer),
    )


@bp.post("/answers/preview")
@login_required
def preview():
    """The same server-side sanitiser as saving, for the instant preview script."""
    source = request.form.get("body", "")[: services.BODY_MAX]
    return jsonify(html=render_markdown(source))
