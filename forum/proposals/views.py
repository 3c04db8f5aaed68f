"""Proposing a question (members), one's own proposals, and the moderators' queue of proposals
with its decisions: publish, merge into an existing question, decline."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from forum.accounts.standing import moderator_required
from forum.conditions.services import find_condition, membership_of
from forum.core.errors import ForumError
from forum.database import db
from forum.proposals import services
from forum.proposals.forms import ProposalForm, decision_forms
from forum.proposals.permissions import proposal_refusal
from forum.proposals.services import AlreadyDecidedError, SimilarQuestionsExistError
from forum.questions.services import find_visible_question
from forum.web import limits
from forum.web.form_errors import show_error
from forum.web.request_input import query_number

bp = Blueprint("proposals", __name__)

QUEUE_PAGE_SIZE = 50
DONE = {
    "publish": "Published. The member has been told, and the question waits for its summary.",
    "merge": "Joined to the existing question. The member has been told where it is.",
    "decline": "Declined. The member has been told why.",
}


# --- Members ----------------------------------------------------------------------------------


@bp.route("/conditions/<int:condition_id>/propose-question", methods=["GET", "POST"])
@limits.posting
def propose(condition_id: int):
    condition = find_condition(condition_id)
    if condition is None:
        abort(404)
    refusal = proposal_refusal(current_user, condition, membership_of(current_user, condition))
    if refusal is not None:
        page = render_template("proposals/refused.html", condition=condition, refusal=refusal)
        return page, 403 if request.method == "POST" else 200
    form = ProposalForm()
    if not form.is_submitted():
        return _proposal_page(condition, form)
    if not form.validate():
        return _proposal_page(condition, form, status=400)
    try:
        services.propose_question(
            condition,
            current_user,
            form.title.data,
            form.details.data or "",
            similar_seen=form.similar_seen,
        )
    except SimilarQuestionsExistError as found:
        form.shown_similar_for.data = form.title.data
        return _proposal_page(condition, form, similar=found.hits)
    except ForumError as error:
        db.session.rollback()
        show_error(form, error)
        return _proposal_page(condition, form, status=400)
    db.session.commit()
    flash(
        "Thank you. A moderator will read your question, and you'll hear what becomes of it.",
        "success",
    )
    return redirect(url_for(".mine"))


def _proposal_page(condition, form: ProposalForm, similar=None, status: int = 200):
    page = render_template(
        "proposals/propose.html", condition=condition, form=form, similar=similar
    )
    return page, status


@bp.get("/account/proposals")
@login_required
def mine():
    proposals = services.proposals_of(current_user)
    return render_template("proposals/mine.html", proposals=proposals)


# --- Moderators and admins --------------------------------------------------------------------


@bp.get("/moderation/proposals")
@moderator_required
def queue():
    pager = db.paginate(
        services.open_proposals(),
        page=query_number("page", 1),
        per_page=QUEUE_PAGE_SIZE,
        error_out=False,
    )
    proposals = list(pager.items)
    targets = services.merge_targets(proposals)
    forms = {p.id: decision_forms(p, targets[p.condition_id]) for p in proposals}
    return render_template("proposals/queue.html", pager=pager, forms=forms)


@bp.get("/moderation/proposals/<int:proposal_id>")
@moderator_required
def proposal(proposal_id: int):
    return _decision_page(_proposal_or_404(proposal_id))


@bp.post("/moderation/proposals/<int:proposal_id>/<any(publish, merge, decline):decision>")
@moderator_required
def decide(proposal_id: int, decision: str):
    found = _proposal_or_404(proposal_id)
    questions = services.merge_targets([found])[found.condition_id]
    forms = decision_forms(found, questions, submitted=decision)
    form = forms[decision]
    if not form.validate_on_submit():
        return _decision_page(found, forms, status=400)
    try:
        _DECISIONS[decision](found, form)
    except AlreadyDecidedError as error:
        db.session.rollback()
        flash(str(error), "info")
        return redirect(url_for(".proposal", proposal_id=found.id))
    except ForumError as error:
        db.session.rollback()
        show_error(form, error)
        return _decision_page(found, forms, status=400)
    db.session.commit()
    flash(DONE[decision], "success")
    return redirect(url_for(".queue"))


_DECISIONS = {
    "publish": lambda proposal, form: services.publish_proposal(
        proposal, current_user, form.title.data or ""
    ),
    "merge": lambda proposal, form: services.merge_proposal(
        proposal, current_user, _chosen_question(form)
    ),
    "decline": lambda proposal, form: services.decline_proposal(
        proposal, current_user, form.reason.data or ""
    ),
}


def _chosen_question(form):
    question_id = form.chosen_question_id
    return find_visible_question(question_id) if question_id is not None else None


def _proposal_or_404(proposal_id: int):
    found = services.find_proposal(proposal_id)
    if found is None:
        abort(404)
    return found


def _decision_page(proposal, forms=None, status: int = 200):
    if forms is None and proposal.is_open:
        forms = decision_forms(proposal, services.merge_targets([proposal])[proposal.condition_id])
    page = render_template("proposals/proposal.html", proposal=proposal, forms=forms)
    return page, status
