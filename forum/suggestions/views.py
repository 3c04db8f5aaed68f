"""Suggesting a correction to a summary, deciding about one, and a reader's own suggestions."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from forum.accounts.standing import reviewer_required
from forum.core.errors import ForumError
from forum.database import db
from forum.suggestions import permissions, services
from forum.suggestions.forms import AcceptForm, DeclineForm, SuggestionForm
from forum.suggestions.models import SummarySuggestion
from forum.summaries.dashboard import DashboardPart
from forum.summaries.services import current_summary
from forum.summaries.views import question_or_404
from forum.web import limits
from forum.web.form_errors import show_error
from forum.web.urls import question_url

bp = Blueprint("suggestions", __name__)

# The reviewers' dashboard lists open suggestions in a table of its own (create_app adds it).
DASHBOARD_PART = DashboardPart("suggestions/_dashboard.html", services.open_suggestions)


@bp.route("/questions/<int:question_id>/summary/suggest", methods=["GET", "POST"])
@login_required
@limits.posting
def suggest(question_id: int):
    question = question_or_404(question_id)
    if refusal := permissions.suggesting_refusal(current_user):
        return _refused(403, "You can't suggest corrections yet", refusal)
    published = current_summary(question.id)
    if published is None:
        return _refused(404, "There is no summary to correct yet", services.NOTHING_TO_CORRECT)
    if (earlier := services.open_suggestion_by(current_user, published.summary)) is not None:
        page = render_template("suggestions/already.html", question=question, earlier=earlier)
        return page, 409 if request.method == "POST" else 200
    form = SuggestionForm(data={"short_answer": published.short_answer, "body": published.body})
    if form.validate_on_submit():
        try:
            services.suggest_correction(question, current_user, form.proposal())
        except ForumError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(
                "Thank you. A medical reviewer will read your suggestion; you can follow it on "
                "your suggestions page.",
                "success",
            )
            return redirect(question_url(question))
    page = render_template(
        "suggestions/suggest.html", question=question, published=published, form=form
    )
    return page, 400 if form.is_submitted() else 200


def _refused(code: int, title: str, reason: str):
    page = render_template("errors/error.html", code=code, title=title, message=reason)
    return page, code


@bp.get("/account/suggestions")
@login_required
def mine():
    return render_template(
        "suggestions/mine.html", suggestions=services.suggestions_by(current_user)
    )


# The reviewers' side.


@bp.get("/review/suggestions/<int:suggestion_id>")
@reviewer_required
def review(suggestion_id: int):
    return _review_page(_suggestion_or_404(suggestion_id))


@bp.post("/review/suggestions/<int:suggestion_id>/accept")
@reviewer_required
def accept(suggestion_id: int):
    suggestion = _suggestion_or_404(suggestion_id, lock=True)

    def take_into_draft(form: AcceptForm) -> tuple[str, str]:
        draft = services.accept_suggestion(suggestion, current_user, form.note.data or "")
        done = f"Taken into draft version {draft.number}. Check it, then submit it for review."
        return done, url_for("review.revision", revision_id=draft.id)

    return _decide(suggestion, "accept_form", AcceptForm(prefix="accept"), take_into_draft)


@bp.post("/review/suggestions/<int:suggestion_id>/decline")
@reviewer_required
def decline(suggestion_id: int):
    suggestion = _suggestion_or_404(suggestion_id, lock=True)

    def decline_with_reason(form: DeclineForm) -> tuple[str, str]:
        services.decline_suggestion(suggestion, current_user, form.note.data or "")
        done = "Declined. The reader can read your reason on their suggestions page."
        return done, url_for("review.dashboard")

    return _decide(suggestion, "decline_form", DeclineForm(prefix="decline"), decline_with_reason)


def _suggestion_or_404(suggestion_id: int, lock: bool = False) -> SummarySuggestion:
    suggestion = services.find_suggestion(suggestion_id, lock=lock)
    if suggestion is None or not suggestion.summary.question.is_visible:
        abort(404)
    return suggestion


def _decide(
    suggestion: SummarySuggestion,
    form_name: str,
    form,
    action: Callable[..., tuple[str, str]],
):
    """Run one decision (ACTION gives the message and the page to go to); on success commit
    and move on, otherwise show the page again: 400 for a form with mistakes, 409 when the
    suggestion or the summary says no."""
    if not form.validate_on_submit():
        return _review_page(suggestion, **{form_name: form}), 400
    try:
        done, destination = action(form)
    except ForumError as error:
        db.session.rollback()
        show_error(form, error)
        return _review_page(suggestion, **{form_name: form}), 409
    db.session.commit()
    flash(done, "success")
    return redirect(destination)


def _review_page(suggestion: SummarySuggestion, **forms):
    forms.setdefault("accept_form", AcceptForm(prefix="accept", formdata=None))
    forms.setdefault("decline_form", DeclineForm(prefix="decline", formdata=None))
    return render_template(
        "suggestions/review.html",
        review=services.review_of(suggestion),
        question=suggestion.summary.question,
        may_decide=permissions.can_decide(current_user, suggestion),
        **forms,
    )
