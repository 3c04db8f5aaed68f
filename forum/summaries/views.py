from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template
from flask_login import current_user, login_required

from forum.database import db
from forum.errors import ForumError
from forum.questions.services import find_visible_question
from forum.summaries import services
from forum.summaries.forms import ReportProblemForm
from forum.urls import question_url

bp = Blueprint("summaries", __name__)


def _question_or_404(question_id: int):
    question = find_visible_question(question_id)
    if question is None:
        abort(404)
    return question


@bp.get("/questions/<int:question_id>/summary/history")
def history(question_id: int):
    question = _question_or_404(question_id)
    revisions = services.published_history(question)
    return render_template("summaries/history.html", question=question, revisions=revisions)


@bp.route("/questions/<int:question_id>/summary/report", methods=["GET", "POST"])
@login_required
def report(question_id: int):
    question = _question_or_404(question_id)
    form = ReportProblemForm()
    if form.validate_on_submit():
        try:
            services.report_problem(question, current_user, form.note.data)
        except ForumError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash("Thank you. A medical reviewer will look at your report.", "success")
            return redirect(question_url(question))
    return render_template("summaries/report.html", question=question, form=form)
