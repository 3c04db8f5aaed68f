from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template
from flask_login import current_user

from forum.questions import services
from forum.urls import question_url

bp = Blueprint("questions", __name__)


@bp.get("/questions/<int:question_id>", defaults={"slug": None})
@bp.get("/questions/<int:question_id>/<slug>")
def detail(question_id: int, slug: str | None):
    question = services.find_visible_question(question_id)
    if question is None:
        abort(404)
    if slug != question.slug:
        return redirect(question_url(question), code=301)
    page = services.question_page(question, current_user)
    return render_template("questions/detail.html", page=page, question=question)
