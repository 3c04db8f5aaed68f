from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request
from flask_login import current_user

from forum.answers.cards import answer_cards
from forum.comparing.listing import (
    CardControls,
    filter_choices,
    is_clean,
    listing_args,
    read_filters,
)
from forum.conditions.services import treatment_names
from forum.questions import services
from forum.questions.panels import report_panel, summary_panel
from forum.web.urls import question_url

bp = Blueprint("questions", __name__)

COMPARE_FORM_ID = "compare-form"


@bp.get("/questions/<int:question_id>", defaults={"slug": None})
@bp.get("/questions/<int:question_id>/<slug>")
def detail(question_id: int, slug: str | None):
    question = services.find_visible_question(question_id)
    if question is None:
        abort(404)
    if slug != question.slug:
        return redirect(question_url(question, **listing_args(request.args)), code=301)
    vocabulary = treatment_names(question.condition_id)
    # Who reads decides whether "most similar to me" is an order they can have.
    standing = services.viewer_standing(current_user, question)
    filters, problems = read_filters(request.args, vocabulary, similar_to=standing.similar_to)
    if not is_clean(request.args, filters):
        # One view, one URL: drop empty, default and unusable values, and say what was dropped.
        for problem in problems:
            flash(problem, "info")
        return redirect(question_url(question, **filters.query_args()))
    config = current_app.config
    page = services.question_page(
        question,
        current_user,
        filters,
        per_page=config["QUESTION_ANSWERS_PER_PAGE"],
        threshold=config["SMALL_NUMBER_THRESHOLD"],
        standing=standing,
    )
    controls = CardControls(
        voted_ids=page.listing.voted_ids,
        compare_form=COMPARE_FORM_ID,
        back=question_url(question, **filters.query_args()),
    )
    return render_template(
        "questions/detail.html",
        page=page,
        question=question,
        filters=filters,
        filter_choices=filter_choices(vocabulary, similar=standing.similar_to is not None),
        card_controls=controls,
        cards=answer_cards(page.answers, question.condition, vocabulary, current_user, controls),
        report_panel=report_panel(page.report, question.condition, question.id, current_user),
        summary=summary_panel(question, current_user),
    )
