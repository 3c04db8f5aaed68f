"""The check-in page: "still working?", one fieldset per treatment, for the answer's author."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request
from flask_login import current_user, login_required

from forum.answers.queries import find_answer
from forum.core.errors import ForumError
from forum.database import db
from forum.outcomes import services
from forum.outcomes.forms import CheckInForm
from forum.outcomes.permissions import can_check_in
from forum.web import limits
from forum.web.urls import question_url

bp = Blueprint("outcomes", __name__)


def _own_answer_or_abort(answer_id: int):
    answer = find_answer(answer_id)
    if answer is None:
        abort(404)
    if not can_check_in(current_user, answer):
        abort(403)
    return answer


def _page(
    answer, form: CheckInForm | None, status: int = 200, state: services.CheckInState | None = None
):
    """The form when a check-in waits for an answer, otherwise where the check-ins stand."""
    state = state or services.check_in_state(answer)
    if not _is_asked(answer, state):
        form = None
    page = render_template(
        "outcomes/check_in.html",
        answer=answer,
        question=answer.question,
        state=state,
        form=form,
    )
    return page, status


def _is_asked(answer, state: services.CheckInState) -> bool:
    return state.asking is not None and bool(answer.treatment_reports)


@bp.route("/answers/<int:answer_id>/check-in", methods=["GET", "POST"])
@login_required
@limits.editing
def check_in(answer_id: int):
    answer = _own_answer_or_abort(answer_id)
    posted = request.method == "POST"
    state = services.check_in_state(answer)
    if not _is_asked(answer, state):
        if posted:
            flash("There is no check-in waiting for an answer here.", "info")
        return _page(answer, None, 409 if posted else 200, state)
    if not posted:
        return _page(answer, CheckInForm.for_answer(answer), state=state)
    form = CheckInForm()
    form.describe(answer.treatment_reports)
    if not form.validate():
        return _page(answer, form, state=state)
    try:
        asked = services.record_check_in(
            answer, current_user, form.updates(), int(form.version.data or 0)
        )
    except services.AnswerChangedError as error:
        db.session.rollback()
        flash(str(error), "error")
        # The answer as it is now, with what the member chose kept: saving again is deliberate.
        answer = _own_answer_or_abort(answer_id)
        return _page(answer, CheckInForm.for_answer(answer, chosen=form.chosen()), 409)
    except ForumError as error:
        db.session.rollback()
        flash(str(error), "error")
        answer = _own_answer_or_abort(answer_id)
        form.describe(answer.treatment_reports)
        return _page(answer, form)
    db.session.commit()
    flash(
        f"Thank you. Your answer now says how it is going after {asked.months} months.",
        "success",
    )
    return redirect(question_url(answer.question, _anchor=f"answer-{answer.id}"))
