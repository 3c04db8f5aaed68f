"""The pages that bring features together, each assembled in one place: a condition's page,
a question's page, a member's profile, one's own account overview. And the information pages:
about, community guidelines, how medical review works."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request
from flask_login import current_user, login_required

from forum.accounts.services import find_member_by_name
from forum.auth.forms import EmptyForm
from forum.comparing.listing import is_clean, listing_args, read_filters
from forum.conditions import services as conditions
from forum.conditions.services import memberships_of, treatment_names
from forum.pages import question_page
from forum.pages.member_page import public_profile
from forum.questions.services import find_visible_question, visible_questions
from forum.web.urls import condition_url, question_url

bp = Blueprint("pages", __name__)


@bp.get("/about")
def about():
    return render_template("pages/about.html")


@bp.get("/guidelines")
def guidelines():
    return render_template("pages/guidelines.html")


@bp.get("/medical-review")
def medical_review():
    return render_template("pages/medical_review.html")


@bp.get("/conditions/<int:condition_id>", defaults={"slug": None})
@bp.get("/conditions/<int:condition_id>/<slug>")
def condition(condition_id: int, slug: str | None):
    condition = conditions.find_condition(condition_id)
    if condition is None:
        abort(404)
    if slug != condition.slug:
        return redirect(condition_url(condition), code=301)
    questions = visible_questions(condition)
    membership = conditions.membership_of(current_user, condition)
    return render_template(
        "pages/condition.html",
        condition=condition,
        questions=questions,
        membership=membership,
        leave_form=EmptyForm(),
    )


@bp.get("/questions/<int:question_id>", defaults={"slug": None})
@bp.get("/questions/<int:question_id>/<slug>")
def question(question_id: int, slug: str | None):
    question = find_visible_question(question_id)
    if question is None:
        abort(404)
    if slug != question.slug:
        return redirect(question_url(question, **listing_args(request.args)), code=301)
    vocabulary = treatment_names(question.condition_id)
    # Who reads decides whether "most similar to me" is an order they can have.
    standing = question_page.viewer_standing(current_user, question)
    filters, problems = read_filters(request.args, vocabulary, similar_to=standing.similar_to)
    if not is_clean(request.args, filters):
        # One view, one URL: drop empty, default and unusable values, and say what was dropped.
        for problem in problems:
            flash(problem, "info")
        return redirect(question_url(question, **filters.query_args()))
    config = current_app.config
    page = question_page.question_page(
        question,
        current_user,
        filters,
        standing,
        vocabulary=vocabulary,
        per_page=config["QUESTION_ANSWERS_PER_PAGE"],
        threshold=config["SMALL_NUMBER_THRESHOLD"],
    )
    return render_template(
        "pages/question.html",
        page=page,
        question=question,
        filters=filters,
        filter_choices=page.filter_choices,
        card_controls=page.card_controls,
        cards=page.cards,
        report_panel=page.report_panel,
        summary=page.summary_panel,
    )


@bp.get("/account")
@login_required
def account():
    return render_template(
        "pages/account.html",
        resend_form=EmptyForm(),
        memberships=memberships_of(current_user),
    )


@bp.get("/members/<name>")
def member(name: str):
    member = find_member_by_name(name)
    profile = public_profile(member, current_user) if member else None
    if profile is None:
        abort(404)
    return render_template("pages/member.html", profile=profile)
