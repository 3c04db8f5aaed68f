from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user

from forum.answers.models import Answer
from forum.answers.permissions import can_see_answer
from forum.answers.queries import find_answer
from forum.auth.redirects import safe_next_path
from forum.comparing import compare as comparing
from forum.comparing import treatments, votes
from forum.comparing.aggregates import condition_report
from forum.comparing.limits import helpful_votes_per_member
from forum.comparing.listing import read_page
from forum.conditions.services import find_condition
from forum.core.errors import ForumError
from forum.database import db
from forum.questions.services import find_visible_question
from forum.web.templating import pluralize
from forum.web.urls import question_url

bp = Blueprint("comparing", __name__)


def _wants_json() -> bool:
    """The helpful button's script asks for JSON; a plain form post gets a page."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def _vote_reply(answer: Answer, message: str, status: int, **fields):
    """JSON for the script; otherwise back to where the member was, with the message."""
    if _wants_json():
        return jsonify(message=message, **fields), status
    flash(message, "success" if status == 200 else "error")
    back = safe_next_path(request.form.get("next")) or question_url(answer.question)
    return redirect(f"{back.split('#')[0]}#answer-{answer.id}")


@bp.post("/answers/<int:answer_id>/helpful")
@helpful_votes_per_member
def helpful(answer_id: int):
    """Mark an answer as helpful (vote=on) or take the mark back (vote=off)."""
    answer = find_answer(answer_id)
    if answer is None or not can_see_answer(current_user, answer):
        abort(404)
    if not current_user.is_authenticated and not _wants_json():
        flash("Please sign in to mark answers as helpful.", "info")
        return redirect(url_for("auth.sign_in", next=question_url(answer.question)))
    wanted = request.form.get("vote")
    if wanted not in ("on", "off"):
        return _vote_reply(answer, "Please use the Helpful button to vote.", 400)
    try:
        result = votes.set_helpful_vote(answer, current_user, wanted == "on")
    except ForumError as error:
        db.session.rollback()
        status = 401 if not current_user.is_authenticated else 403
        return _vote_reply(answer, str(error), status)
    db.session.commit()
    return _vote_reply(
        answer,
        result.message,
        200,
        voted=result.voted,
        helpful_count=result.helpful_count,
        helpful_text=f"{pluralize(result.helpful_count, 'person', 'people')} found this helpful",
    )


@bp.get("/questions/<int:question_id>/compare")
def compare(question_id: int):
    """Two to four answers side by side: /questions/7/compare?a=12&a=40."""
    question = find_visible_question(question_id)
    if question is None:
        abort(404)
    try:
        answer_ids = comparing.read_answer_ids(request.args.getlist("a"))
        comparison = comparing.compare_answers(question, current_user, answer_ids)
    except comparing.ComparisonError as error:
        page = render_template(
            "comparing/compare_problem.html", question=question, message=str(error)
        )
        return page, error.status
    return render_template("comparing/compare.html", question=question, comparison=comparison)


@bp.get("/conditions/<int:condition_id>/<slug>/treatments")
def condition_treatments(condition_id: int, slug: str):
    condition = find_condition(condition_id)
    if condition is None:
        abort(404)
    if slug != condition.slug:
        return redirect(
            url_for(".condition_treatments", condition_id=condition.id, slug=condition.slug),
            code=301,
        )
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    report = condition_report(condition.id, current_user, threshold)
    return render_template(
        "comparing/condition_treatments.html",
        condition=condition,
        report=report,
        chart=treatments.popularity_chart(report),
    )


@bp.get("/conditions/<int:condition_id>/treatments/<int:treatment_id>", defaults={"slug": None})
@bp.get("/conditions/<int:condition_id>/treatments/<int:treatment_id>-<slug>")
def treatment(condition_id: int, treatment_id: int, slug: str | None):
    """A treatment's figures and the answers that name it, for everyone or for the answers
    ?perspective= and ?diagnosis= pick (an unknown value is left out, and the page says so)."""
    found = treatments.find_treatment(condition_id, treatment_id)
    if found is None:
        abort(404)
    page, problems = read_page(request.args)
    filters, filter_problems = treatments.read_filters(request.args)
    for problem in problems + filter_problems:
        flash(problem, "info")
    if slug != found.slug:
        return redirect(
            url_for(
                ".treatment",
                condition_id=condition_id,
                treatment_id=found.id,
                slug=found.slug,
                **filters.query_args(),
                **({"page": page} if page > 1 else {}),
            ),
            code=301,
        )
    config = current_app.config
    return render_template(
        "comparing/treatment.html",
        page=treatments.treatment_page(
            found,
            current_user,
            page,
            per_page=config["TREATMENT_ANSWERS_PER_PAGE"],
            threshold=config["SMALL_NUMBER_THRESHOLD"],
            filters=filters,
        ),
        condition=found.condition,
        treatment=found,
        filter_choices=treatments.filter_choices(),
    )
