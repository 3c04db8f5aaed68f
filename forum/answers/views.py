from __future__ import annotations

from flask import Blueprint, abort, render_template

from forum.answers.queries import find_published_answer

bp = Blueprint("answers", __name__)


@bp.get("/answers/<int:answer_id>")
def permalink(answer_id: int):
    answer = find_published_answer(answer_id)
    if answer is None:
        abort(404)
    return render_template("answers/permalink.html", answer=answer, question=answer.question)
