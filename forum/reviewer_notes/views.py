"""The note's pages: adding or editing it, withdrawing it (reviewers), and its history (whoever
may read the answer)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request
from flask_login import current_user, login_required

from forum.answers.models import Answer
from forum.answers.permissions import can_see_answer
from forum.answers.queries import find_answer
from forum.audit.actions import Action
from forum.core.errors import ForumError
from forum.database import db
from forum.reviewer_notes import services
from forum.reviewer_notes.forms import ReviewerNoteForm, WithdrawNoteForm
from forum.reviewer_notes.permissions import can_read_note
from forum.summaries.services import reviewer_profile_of
from forum.web import limits
from forum.web.form_errors import show_error
from forum.web.urls import question_url

bp = Blueprint("reviewer_notes", __name__)

SAVED = {
    Action.REVIEWER_NOTE_ADDED: "Your note is added under the answer. The member is told.",
    Action.REVIEWER_NOTE_EDITED: "Your changes to the note are saved. The member is told.",
    None: "The note already said this, so nothing changed.",
}


@bp.route("/answers/<int:answer_id>/reviewer-note", methods=["GET", "POST"])
@login_required
@limits.editing
def edit(answer_id: int):
    answer = _answer_or_404(answer_id)
    if refusal := services.note_refusal_for(current_user, answer):
        return _refused(refusal)
    if request.method == "GET":
        return _note_page(answer, ReviewerNoteForm.for_note(services.note_on(answer)))
    form = ReviewerNoteForm()
    if not form.validate():
        return _note_page(answer, form, 400)
    try:
        done = services.save_note(
            answer, current_user, form.content(), form.expected_version, form.reason.data or ""
        )
    except ForumError as error:
        return _refused_change(answer_id, form, error, _note_page)
    db.session.commit()
    flash(SAVED[done], "success")
    return redirect(_answer_on_its_page(answer))


@bp.route("/answers/<int:answer_id>/reviewer-note/withdraw", methods=["GET", "POST"])
@login_required
@limits.editing
def withdraw(answer_id: int):
    answer = _answer_or_404(answer_id)
    if refusal := services.note_refusal_for(current_user, answer):
        return _refused(refusal)
    note = answer.reviewer_note  # the shown note, loaded with the answer
    if note is None:
        return _nothing_to_withdraw()
    if request.method == "GET":
        form = WithdrawNoteForm(formdata=None, data={"version": str(note.version)})
        return _withdraw_page(answer, form)
    form = WithdrawNoteForm()
    if not form.validate():
        return _withdraw_page(answer, form, 400)
    try:
        services.withdraw_note(answer, current_user, form.reason.data, form.expected_version)
    except ForumError as error:
        return _refused_change(answer_id, form, error, _withdraw_page)
    db.session.commit()
    flash("The note is withdrawn: readers no longer see it, and its history keeps it.", "success")
    return redirect(_answer_on_its_page(answer))


@bp.get("/answers/<int:answer_id>/reviewer-note/history")
def history(answer_id: int):
    answer = _answer_or_404(answer_id)
    if not can_read_note(current_user, answer):
        return _members_only()
    note = services.note_with_history(answer)
    if note is None:
        abort(404)
    return render_template(
        "reviewer_notes/history.html",
        answer=answer,
        question=answer.question,
        note=note,
        versions=list(reversed(note.revisions)),
    )


def _answer_or_404(answer_id: int) -> Answer:
    answer = find_answer(answer_id)
    if answer is None or not can_see_answer(current_user, answer):
        abort(404)
    return answer


def _answer_on_its_page(answer: Answer) -> str:
    return question_url(answer.question, _anchor=f"answer-{answer.id}")


def _refused_change(answer_id: int, form, error: ForumError, page):
    """The form again after the service said no, with what was typed: beside the note as it is
    now when it changed meanwhile (409), or with the reason beside its field (400)."""
    db.session.rollback()
    show_error(form, error)
    answer = _answer_or_404(answer_id)
    if not isinstance(error, services.NoteChangedError):
        return page(answer, form, 400)
    note = services.note_on(answer)
    form.version.data = str(note.version if note is not None else 0)
    return page(answer, form, 409)


def _note_page(answer: Answer, form: ReviewerNoteForm, status: int = 200):
    page = render_template(
        "reviewer_notes/form.html",
        answer=answer,
        question=answer.question,
        note=answer.reviewer_note,  # the shown note, loaded with the answer
        profile=reviewer_profile_of(current_user),
        form=form,
    )
    return page, status


def _withdraw_page(answer: Answer, form: WithdrawNoteForm, status: int = 200):
    page = render_template(
        "reviewer_notes/withdraw.html", answer=answer, question=answer.question, form=form
    )
    return page, status


def _refused(message: str):
    page = render_template(
        "errors/error.html", code=403, title="You can't add or change this note", message=message
    )
    return page, 403


def _nothing_to_withdraw():
    message = "This answer has no reviewer note to withdraw: someone may have withdrawn it already."
    page = render_template(
        "errors/error.html", code=404, title="No reviewer note here", message=message
    )
    return page, 404


def _members_only():
    message = (
        "This member shared their answer with signed-in members only, and the reviewer's note "
        "with it. Sign in with a confirmed email address to read them."
    )
    page = render_template(
        "errors/error.html", code=403, title="For signed-in members", message=message
    )
    return page, 403
