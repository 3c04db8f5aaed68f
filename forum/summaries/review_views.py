"""The reviewers' side of summaries: dashboard, drafting, decisions, reports and profiles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from forum.accounts.standing import reviewer_required
from forum.core.errors import ForumError
from forum.database import db
from forum.summaries import permissions, profiles, reports, services
from forum.summaries.dashboard import reviewer_dashboard
from forum.summaries.diff import compare_revisions
from forum.summaries.forms import (
    ActionForm,
    PublishForm,
    ResolveReportForm,
    ReturnForm,
    ReviewerProfileForm,
    SummaryForm,
)
from forum.summaries.models import SummaryRevision
from forum.summaries.services import current_summary
from forum.summaries.views import question_or_404
from forum.web.urls import question_url

bp = Blueprint("review", __name__, url_prefix="/review")


@bp.get("/")
@reviewer_required
def dashboard():
    return render_template(
        "summaries/dashboard.html",
        board=reviewer_dashboard(),
        reasons=reports.PROBLEM_REASONS,
    )


@bp.route("/questions/<int:question_id>/summary", methods=["GET", "POST"])
@reviewer_required
def edit_summary(question_id: int):
    question = question_or_404(question_id)
    working = services.working_revision(question)
    if working is not None and (refusal := services.editing_refusal(working, current_user)):
        flash(refusal, "info")
        return redirect(url_for(".revision", revision_id=working.id))
    form = SummaryForm(data=asdict(services.starting_content(question, working)))
    if form.validate_on_submit():
        try:
            saved = services.save_draft(question, current_user, form.content())
        except ForumError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(
                "Draft saved. Readers still see the published summary until a reviewer "
                "publishes this one.",
                "success",
            )
            return redirect(url_for(".revision", revision_id=saved.id))
    form.add_spare_references()
    return render_template("summaries/edit.html", question=question, form=form, working=working)


@bp.get("/revisions/<int:revision_id>")
@reviewer_required
def revision(revision_id: int):
    return _revision_page(_revision_or_404(revision_id))


@bp.post("/revisions/<int:revision_id>/submit")
@reviewer_required
def submit(revision_id: int):
    revision = _revision_or_404(revision_id, lock=True)
    return _decide(
        revision,
        "submit_form",
        ActionForm(),
        lambda form: services.submit_for_review(revision, current_user),
        "Sent for review. A reviewer will publish it or return it with comments.",
    )


@bp.post("/revisions/<int:revision_id>/return")
@reviewer_required
def return_revision(revision_id: int):
    revision = _revision_or_404(revision_id, lock=True)
    return _decide(
        revision,
        "return_form",
        ReturnForm(prefix="return"),
        lambda form: services.return_to_writer(revision, current_user, form.comments.data),
        "Returned to the writer with your comments.",
    )


@bp.post("/revisions/<int:revision_id>/publish")
@reviewer_required
def publish(revision_id: int):
    revision = _revision_or_404(revision_id, lock=True)
    return _decide(
        revision,
        "publish_form",
        PublishForm(prefix="publish"),
        lambda form: services.publish_revision(
            revision, current_user, form.change_note.data, form.next_review_due.data
        ),
        "Published. Readers now see this version.",
        done=lambda: question_url(revision.summary.question),
    )


@bp.post("/revisions/<int:revision_id>/discard")
@reviewer_required
def discard(revision_id: int):
    revision = _revision_or_404(revision_id, lock=True)
    return _decide(
        revision,
        "discard_form",
        ActionForm(prefix="discard"),
        lambda form: services.discard_draft(revision, current_user),
        "Draft discarded.",
        done=lambda: url_for(".dashboard"),
    )


def _revision_or_404(revision_id: int, lock: bool = False) -> SummaryRevision:
    revision = services.find_revision(revision_id, lock=lock)
    if revision is None or not revision.summary.question.is_visible:
        abort(404)
    return revision


def _decide(
    revision: SummaryRevision,
    form_name: str,
    form,
    action: Callable,
    done_message: str,
    done: Callable[[], str] | None = None,
):
    """Run one decision; on success commit and move on, otherwise show the page again."""
    if form.validate_on_submit():
        try:
            action(form)
        except ForumError as error:
            flash(str(error), "error")
        else:
            destination = done() if done else url_for(".revision", revision_id=revision.id)
            db.session.commit()
            flash(done_message, "success")
            return redirect(destination)
    return _revision_page(revision, **{form_name: form})


def _revision_page(revision: SummaryRevision, **forms):
    question = revision.summary.question
    live = current_summary(question.id)
    allow_self_review = services.review_settings().allow_self_review
    profile = services.reviewer_profile_of(current_user)
    may = {
        "edit": permissions.can_edit_revision(current_user, revision),
        "submit": permissions.can_edit_revision(current_user, revision),
        "return": permissions.can_review(current_user, revision, allow_self_review),
        "publish": permissions.can_publish(current_user, revision, allow_self_review, profile),
        "discard": permissions.can_discard(current_user, revision),
    }
    forms.setdefault("submit_form", ActionForm(formdata=None))
    forms.setdefault("return_form", ReturnForm(prefix="return", formdata=None))
    forms.setdefault(
        "publish_form",
        PublishForm(prefix="publish", formdata=None, data={"change_note": revision.change_note}),
    )
    forms.setdefault("discard_form", ActionForm(prefix="discard", formdata=None))
    return render_template(
        "summaries/revision.html",
        revision=revision,
        question=question,
        live=live,
        diffs=[] if revision.is_published else compare_revisions(live, revision),
        may=may,
        profile=profile,
        publishers=[] if may["publish"] else services.publishers_of(revision),
        **forms,
    )


@bp.route("/reports/<int:flag_id>", methods=["GET", "POST"])
@reviewer_required
def report(flag_id: int):
    flag = reports.find_summary_report(flag_id, lock=request.method == "POST")
    if flag is None:
        abort(404)
    form = ResolveReportForm()
    if form.validate_on_submit():
        try:
            reports.resolve_report(flag, current_user, form.chosen_outcome, form.note.data)
        except ForumError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash("Your reply is saved; the reader can see it on their reports page.", "success")
            return redirect(url_for(".dashboard"))
    return render_template(
        "summaries/resolve_report.html",
        flag=flag,
        form=form,
        question=flag.summary.question,
        reasons=reports.PROBLEM_REASONS,
        resolutions=reports.RESOLUTIONS,
        may_resolve=permissions.can_resolve_report(current_user, flag),
    )


@bp.route("/profile", methods=["GET", "POST"])
@reviewer_required
def profile():
    existing = profiles.profile_of(current_user)
    form = ReviewerProfileForm(obj=existing)
    if form.validate_on_submit():
        try:
            profiles.save_profile(
                current_user,
                profiles.ProfileInput(
                    full_name=form.full_name.data,
                    credentials=form.credentials.data,
                    specialty=form.specialty.data or "",
                    conflict_of_interest=form.conflict_of_interest.data,
                ),
            )
        except ForumError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(
                "Profile saved. Changes appear on summaries once an admin has verified them.",
                "success",
            )
            return redirect(url_for(".profile"))
    return render_template("summaries/profile.html", form=form, profile=existing)
