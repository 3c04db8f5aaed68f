"""What readers see of a summary besides the question page: history, diffs, reports, reviewers."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template
from flask_login import current_user, login_required

from forum.accounts.standing import standing_refusal
from forum.core.errors import ForumError
from forum.database import db
from forum.questions.models import Question
from forum.questions.services import find_visible_question
from forum.summaries import profiles, reports, services
from forum.summaries.diff import compare_revisions
from forum.summaries.forms import ReportProblemForm
from forum.web import limits
from forum.web.request_input import query_number
from forum.web.urls import question_url

bp = Blueprint("summaries", __name__)


def question_or_404(question_id: int) -> Question:
    question = find_visible_question(question_id)
    if question is None:
        abort(404)
    return question


@bp.get("/questions/<int:question_id>/summary/history")
def history(question_id: int):
    question = question_or_404(question_id)
    revisions = services.published_history(question)
    return render_template("summaries/history.html", question=question, revisions=revisions)


@bp.get("/questions/<int:question_id>/summary/compare")
def compare(question_id: int):
    question = question_or_404(question_id)
    revisions = services.published_history(question)
    pair = services.pick_comparison(revisions, query_number("from"), query_number("to"))
    if pair is None:
        abort(404)
    old, new = pair
    return render_template(
        "summaries/compare.html",
        question=question,
        revisions=revisions,
        old=old,
        new=new,
        diffs=compare_revisions(old, new),
    )


@bp.route("/questions/<int:question_id>/summary/report", methods=["GET", "POST"])
@login_required
@limits.flagging
def report(question_id: int):
    question = question_or_404(question_id)
    if reason := standing_refusal(current_user, "report problems"):
        return _cannot_report(reason)
    form = ReportProblemForm()
    if form.validate_on_submit():
        try:
            reports.report_problem(question, current_user, form.chosen_reason, form.note.data)
        except ForumError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(
                "Thank you. A medical reviewer will read your report and reply on your "
                "reports page.",
                "success",
            )
            return redirect(question_url(question))
    return render_template("summaries/report.html", question=question, form=form)


def _cannot_report(reason: str):
    message = (
        "Reporting a problem needs a confirmed email address and an account in good "
        f"standing. {reason}"
    )
    page = render_template(
        "errors/error.html", code=403, title="You can't report problems yet", message=message
    )
    return page, 403


@bp.get("/summary-reports")
@login_required
def my_reports():
    return render_template(
        "summaries/my_reports.html",
        flags=reports.reports_by(current_user),
        reasons=reports.PROBLEM_REASONS,
        resolutions=reports.RESOLUTIONS,
    )


@bp.get("/reviewers/<int:profile_id>")
def reviewer(profile_id: int):
    profile = profiles.verified_profile(profile_id)
    if profile is None:
        abort(404)
    return render_template("summaries/reviewer.html", profile=profile)
