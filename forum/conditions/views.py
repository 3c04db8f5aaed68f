from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template

from forum.conditions import services
from forum.urls import condition_url

bp = Blueprint("conditions", __name__)


@bp.get("/")
def home():
    return render_template("conditions/home.html", conditions=services.list_conditions())


@bp.get("/conditions/<int:condition_id>", defaults={"slug": None})
@bp.get("/conditions/<int:condition_id>/<slug>")
def detail(condition_id: int, slug: str | None):
    condition = services.find_condition(condition_id)
    if condition is None:
        abort(404)
    if slug != condition.slug:
        return redirect(condition_url(condition), code=301)
    questions = services.visible_questions(condition)
    return render_template("conditions/detail.html", condition=condition, questions=questions)


@bp.get("/conditions/<slug>")
def by_slug(slug: str):
    """Short, typed-by-hand URLs like /conditions/stiff-person-syndrome lead to the real page."""
    condition = services.find_condition_by_slug(slug)
    if condition is None:
        abort(404)
    return redirect(condition_url(condition), code=301)
