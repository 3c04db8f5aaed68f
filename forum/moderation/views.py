"""Moderation pages: the queue, decisions, members, the log and the admins' lists; and the
member-facing pieces: reporting an answer, and what moderation did to one's own posts."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from forum.accounts.models import User
from forum.accounts.standing import admin_required, moderator_required
from forum.answers.models import Answer, WatchAction, WatchedWord
from forum.answers.permissions import can_see_answer
from forum.answers.queries import find_answer
from forum.audit import notices
from forum.audit.actions import label_of
from forum.auth.forms import EmptyForm
from forum.auth.redirects import safe_next_path
from forum.core.errors import ForumError
from forum.database import db
from forum.moderation import decisions, flags, members, queries, site_text, watchlist
from forum.moderation.forms import (
    BulkDecisionForm,
    DecisionForm,
    LogFilterForm,
    ReasonForm,
    ReportAnswerForm,
    SupportTextForm,
    SuspendForm,
    WatchedWordForm,
)
from forum.web import limits
from forum.web.form_errors import show_error
from forum.web.request_input import query_number
from forum.web.urls import question_url

bp = Blueprint("moderation", __name__)


def _page() -> int:
    return query_number("page", 1)


def _answer_or_404(answer_id: int) -> Answer:
    answer = queries.find_any_answer(answer_id)
    if answer is None:
        abort(404)
    return answer


# --- The queue --------------------------------------------------------------------------------


@bp.get("/moderation/")
@moderator_required
def queue():
    pager = db.paginate(
        queries.queue_query(),
        page=_page(),
        per_page=current_app.config["MODERATION_QUEUE_PAGE_SIZE"],
        error_out=False,
    )
    return render_template(
        "moderation/queue.html",
        pager=pager,
        items=queries.queue_items(list(pager.items)),
        bulk_form=BulkDecisionForm(formdata=None),
    )


@bp.post("/moderation/queue")
@moderator_required
def decide_many():
    form = BulkDecisionForm()
    chosen = [int(value) for value in request.form.getlist("answer_ids") if value.isdigit()]
    if not form.validate_on_submit() or not chosen:
        flash("Please select some waiting answers, then choose approve or reject.", "error")
        return redirect(url_for(".queue"))
    answers = db.session.scalars(
        select(Answer).where(Answer.id.in_(chosen)).options(*queries.answer_loading())
    ).all()
    try:
        result = decisions.decide_many(answers, current_user, form.decision.data, form.reason.data)
    except ForumError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for(".queue"))
    db.session.commit()
    verb = "approved" if form.decision.data == "approve" else "rejected"
    flash(f"{len(result.done)} answer{'s' if len(result.done) != 1 else ''} {verb}.", "success")
    if result.already_handled:
        flash(
            f"{len(result.already_handled)} had already been handled by another moderator "
            "and were left as they were.",
            "info",
        )
    return redirect(url_for(".queue"))


# --- One answer -------------------------------------------------------------------------------


@bp.get("/moderation/answers/<int:answer_id>")
@moderator_required
def answer(answer_id: int):
    found = _answer_or_404(answer_id)
    author_records = queries.moderation_records([found.author_id] if found.author_id else [])
    return render_template(
        "moderation/answer.html",
        answer=found,
        question=found.question,
        reports=queries.reports_on(found),
        history=queries.history_of("answer", found.id),
        record=author_records.get(found.author_id, {}),
    )


DECISIONS: dict[str, tuple[Callable, str]] = {
    "approve": (
        lambda answer, reason, expected: decisions.approve(answer, current_user, expected),
        "Approved and published. The member has been told.",
    ),
    "reject": (
        lambda answer, reason, expected: decisions.reject(answer, current_user, reason, expected),
        "Rejected. The member has been told why.",
    ),
    "hide": (
        lambda answer, reason, expected: decisions.hide(answer, current_user, reason, expected),
        "Hidden. The member has been told why.",
    ),
    "restore": (
        lambda answer, reason, expected: decisions.restore(answer, current_user, reason, expected),
        "Restored and published again.",
    ),
    "dismiss-reports": (
        lambda answer, reason, expected: decisions.dismiss_reports(answer, current_user, reason),
        "Reports dismissed.",
    ),
}


@bp.post(
    "/moderation/answers/<int:answer_id>/"
    "<any(approve, reject, hide, restore, 'dismiss-reports'):decision>"
)
@moderator_required
def decide(answer_id: int, decision: str):
    found = _answer_or_404(answer_id)
    form = DecisionForm()
    here = url_for(".answer", answer_id=found.id)
    back = safe_next_path(form.next.data) or here
    if not form.validate_on_submit():
        flash("That form could not be read. Please try again.", "error")
        return redirect(back)
    action, done = DECISIONS[decision]
    try:
        action(found, form.reason.data or "", form.expected_status(found.status))
    except decisions.AlreadyHandledError as error:
        db.session.rollback()
        flash(str(error), "info")
        return redirect(here)
    except ForumError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(back)
    db.session.commit()
    flash(done, "success")
    return redirect(back)


# --- Members ----------------------------------------------------------------------------------


def _member_page(member: User, status: int = 200, **forms):
    forms.setdefault("suspend_form", SuspendForm(prefix="suspend", formdata=None))
    forms.setdefault("ban_form", ReasonForm(prefix="ban", formdata=None))
    forms.setdefault("remove_form", ReasonForm(prefix="remove", formdata=None))
    forms.setdefault("reinstate_form", ReasonForm(prefix="reinstate", formdata=None))
    pager = db.paginate(queries.actions_about(member), page=_page(), per_page=20, error_out=False)
    page = render_template(
        "moderation/member.html",
        member=member,
        answers=queries.answers_by(member),
        pager=pager,
        age_days=queries.account_age_days(member),
        **forms,
    )
    return page, status


@bp.get("/moderation/members/<int:user_id>")
@moderator_required
def member(user_id: int):
    return _member_page(db.get_or_404(User, user_id))


def _act_on_member(member: User, form_name: str, form, action: Callable, done: str):
    if form.validate_on_submit():
        try:
            action(form)
        except decisions.AlreadyHandledError as error:
            db.session.rollback()
            flash(str(error), "info")
            return redirect(url_for(".member", user_id=member.id))
        except ForumError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(done, "success")
            return redirect(url_for(".member", user_id=member.id))
    return _member_page(member, 400, **{form_name: form})


@bp.post("/moderation/members/<int:user_id>/suspend")
@moderator_required
def suspend(user_id: int):
    found = db.get_or_404(User, user_id)
    form = SuspendForm(prefix="suspend")

    def act(form):
        until = members.suspension_end(form.days, form.until.data)
        members.suspend_member(found, current_user, form.reason.data, until)

    return _act_on_member(found, "suspend_form", form, act, "Suspended. The member has been told.")


MEMBER_ACTIONS: dict[str, tuple[str, Callable, str]] = {
    "ban": (
        "ban",
        lambda member, form: members.ban_member(member, current_user, form.reason.data),
        "Banned. Their sessions have ended and they have been told why.",
    ),
    "reinstate": (
        "reinstate",
        lambda member, form: members.reinstate_member(member, current_user, form.reason.data),
        "Reinstated. The member can take part again.",
    ),
    "remove-content": (
        "remove",
        lambda member, form: members.remove_all_content(member, current_user, form.reason.data),
        "All of the member's answers are taken down and the account is banned. Each answer "
        "can still be restored from its page.",
    ),
}


@bp.post("/moderation/members/<int:user_id>/<any(ban, reinstate, 'remove-content'):action>")
@moderator_required
def act_on_member(user_id: int, action: str):
    found = db.get_or_404(User, user_id)
    prefix, act, done = MEMBER_ACTIONS[action]
    form = ReasonForm(prefix=prefix)
    return _act_on_member(found, f"{prefix}_form", form, lambda form: act(found, form), done)


# --- The log ----------------------------------------------------------------------------------


@bp.get("/moderation/log")
@moderator_required
def log():
    form = LogFilterForm(formdata=request.args)
    form.action.choices = [("", "Any action")] + [
        (action, label_of(action)) for action in queries.logged_actions()
    ]
    filters = queries.LogFilters()
    if form.validate():
        filters = queries.LogFilters(
            actor=(form.actor.data or "").strip(),
            action=form.action.data or "",
            member=(form.member.data or "").strip(),
            date_from=form.date_from.data,
            date_to=form.date_to.data,
        )
    pager = db.paginate(
        queries.log_query(filters),
        page=_page(),
        per_page=current_app.config["MODERATION_LOG_PAGE_SIZE"],
        error_out=False,
    )
    return render_template("moderation/log.html", form=form, pager=pager, filters=filters)


# --- Admins: watched words and support resources ------------------------------------------


@bp.route("/moderation/watched-words", methods=["GET", "POST"])
@admin_required
def watched_words():
    form = WatchedWordForm()
    if form.validate_on_submit():
        try:
            watchlist.add_watched_word(
                current_user, form.phrase.data, WatchAction(form.action.data), form.message.data
            )
        except ForumError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(f"“{form.phrase.data.strip()}” is now watched.", "success")
            return redirect(url_for(".watched_words"))
    page = render_template(
        "moderation/watched_words.html", form=form, words=watchlist.watched_words()
    )
    return page, 400 if form.errors else 200


@bp.post("/moderation/watched-words/<int:word_id>/remove")
@admin_required
def remove_watched_word(word_id: int):
    word = db.get_or_404(WatchedWord, word_id)
    if EmptyForm().validate_on_submit():
        watchlist.remove_watched_word(current_user, word)
        db.session.commit()
        flash(f"“{word.phrase}” is no longer watched.", "success")
    return redirect(url_for(".watched_words"))


@bp.route("/moderation/support-resources", methods=["GET", "POST"])
@admin_required
def support_resources():
    form = SupportTextForm(data={"text": site_text.support_resources()})
    if form.validate_on_submit():
        try:
            site_text.set_text(current_user, site_text.SUPPORT_RESOURCES, form.text.data)
        except ForumError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash("The support resources are saved.", "success")
            return redirect(url_for(".support_resources"))
    page = render_template("moderation/support_resources.html", form=form)
    return page, 400 if form.errors else 200


# --- Members' side: reporting, and what happened to their own posts -----------------------


@bp.route("/answers/<int:answer_id>/report", methods=["GET", "POST"])
@login_required
@limits.flagging
def report(answer_id: int):
    found = find_answer(answer_id)
    if found is None or not can_see_answer(current_user, found):
        abort(404)
    if (refusal := flags.reporting_refusal(current_user, found)) is not None:
        page = render_template(
            "errors/error.html", code=403, title="You can't report this answer", message=refusal
        )
        return page, 403
    already = flags.already_reported(found, current_user)
    form = ReportAnswerForm()
    if not already and form.validate_on_submit():
        try:
            flags.report_answer(found, current_user, form.chosen_reason, form.note.data or "")
        except ForumError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash("Thank you for the report. A moderator will look at it soon.", "success")
            return redirect(question_url(found.question, _anchor=f"answer-{found.id}"))
    return render_template(
        "moderation/report.html",
        form=form,
        answer=found,
        question=found.question,
        already=already,
    )


@bp.get("/account/moderation")
@login_required
def my_moderation():
    pager = db.paginate(
        queries.actions_about(current_user), page=_page(), per_page=20, error_out=False
    )
    return render_template("moderation/my_moderation.html", pager=pager, form=EmptyForm())


@bp.post("/account/notices/read")
@login_required
def mark_notices_read():
    if EmptyForm().validate_on_submit():
        notices.mark_all_read(current_user)
        db.session.commit()
        flash("Notices marked as read.", "info")
    return redirect(url_for("pages.account"))
