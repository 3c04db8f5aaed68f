"""The one home of permission checks: who may do what.

Role-level checks are decorators for views; object-level checks are `can_*` functions that
services and templates both call, so a rule never lives in two places.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import and_, or_

from forum.accounts.models import AccountStatus, Role, User
from forum.answers.models import AnswerStatus
from forum.database import utcnow
from forum.moderation.models import Flag, FlagStatus
from forum.summaries.models import ReviewerProfile, RevisionStatus, SummaryRevision

if TYPE_CHECKING:
    from forum.answers.models import Answer
    from forum.conditions.models import Membership
    from forum.questions.models import Question


def can_participate(user: User) -> bool:
    """Post, vote, flag or report: signed in, email confirmed, and in good standing."""
    return (
        user.is_authenticated
        and user.is_email_verified
        and user.is_active
        and not user.is_suspended
    )


def is_moderator(user: User) -> bool:
    return user.is_authenticated and user.is_moderator


def is_reviewer(user: User) -> bool:
    return user.is_authenticated and user.is_reviewer


def is_admin(user: User) -> bool:
    return user.is_authenticated and user.is_admin


def can_edit_revision(user: User, revision: SummaryRevision) -> bool:
    """Only its writer changes a draft, so "who wrote it" stays true for the self-review rule."""
    return is_reviewer(user) and revision.is_editable and revision.writer_id == user.id


def can_submit(user: User, revision: SummaryRevision) -> bool:
    return can_edit_revision(user, revision)


def _is_second_pair_of_eyes(user: User, revision: SummaryRevision, allow_self_review: bool) -> bool:
    return allow_self_review or revision.writer_id != user.id


def can_return(user: User, revision: SummaryRevision, allow_self_review: bool) -> bool:
    """Send a submitted draft back with comments: a reviewer other than its writer."""
    return (
        is_reviewer(user)
        and revision.status is RevisionStatus.IN_REVIEW
        and _is_second_pair_of_eyes(user, revision, allow_self_review)
    )


def can_publish(
    user: User,
    revision: SummaryRevision,
    allow_self_review: bool,
    profile: ReviewerProfile | None,
) -> bool:
    """Sign off a submitted draft: a reviewer who may return it, with a verified profile (the
    byline readers see). PROFILE is the user's reviewer profile, if they have one."""
    return (
        can_return(user, revision, allow_self_review)
        and profile is not None
        and profile.user_id == user.id
        and profile.is_verified
    )


def can_discard(user: User, revision: SummaryRevision) -> bool:
    """Throw away an unsubmitted draft: its writer, or an admin clearing an abandoned one."""
    return revision.is_editable and (
        is_admin(user) or (is_reviewer(user) and revision.writer_id == user.id)
    )


def can_resolve_report(user: User, flag: Flag) -> bool:
    return is_reviewer(user) and flag.summary is not None and flag.status is FlagStatus.OPEN


def can_verify_reviewer(user: User, profile: ReviewerProfile, allow_self_review: bool) -> bool:
    """Admins vouch for reviewers; vouching for yourself needs the small-site setting."""
    return is_admin(user) and (allow_self_review or profile.user_id != user.id)


def _requiring(check: Callable[[User], bool]) -> Callable:
    """A view decorator: signed-out visitors go to sign-in; others failing `check` get 403."""

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not check(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


moderator_required = _requiring(is_moderator)
reviewer_required = _requiring(is_reviewer)
admin_required = _requiring(is_admin)


@dataclass(frozen=True)
class Refusal:
    """Why someone can't do something yet, and the one step that would let them."""

    message: str
    step_label: str | None = None
    step_endpoint: str | None = None
    step_values: dict | None = None


def answer_refusal(user: User, question: Question, membership: Membership | None) -> Refusal | None:
    """Who may answer: confirmed members of the question's community, in good standing."""
    condition = question.condition
    if question.is_closed:
        return Refusal("This question is closed to new answers.")
    if not user.is_authenticated:
        return Refusal(
            f"Members of the {condition.name} community can share their experience here.",
            "Sign in or join the forum",
            "auth.sign_in",
        )
    if not user.is_email_verified:
        return Refusal(
            "Please confirm your email address before you post.",
            "Send the confirmation link again",
            "accounts.overview",
        )
    if user.is_suspended:
        return Refusal(suspension_message(user, "post"))
    if not user.is_active:
        return Refusal("Your account can't post.")
    if membership is None:
        return Refusal(
            f"Answers here come from members of the {condition.name} community.",
            f"Join the {condition.name} community",
            "conditions.join",
            {"condition_id": condition.id},
        )
    return None


def suspension_message(user: User, doing: str) -> str:
    """Until when, and why: a suspended member is never left guessing."""
    end = user.suspended_until
    until = f" until {end.day} {end:%B %Y}" if end else ""
    why = f" The reason given: {user.status_reason}" if user.status_reason else ""
    return f"Your account is suspended{until}, so you can't {doing} right now.{why}"


def is_author(user: User, answer: Answer) -> bool:
    return user.is_authenticated and answer.author_id is not None and user.id == answer.author_id


def can_edit_answer(user: User, answer: Answer) -> bool:
    """Authors edit their own (unless a moderator rejected or hid it); moderators edit any."""
    if is_moderator(user):
        return True
    editable = answer.status in (AnswerStatus.PUBLISHED, AnswerStatus.PENDING)
    return is_author(user, answer) and can_participate(user) and editable


def can_check_in(user: User, answer: Answer) -> bool:
    """Answer "still working?": an edit of the author's own reports, so the author alone, and
    only while they may edit it themselves (a moderator's edit rights do not reach it)."""
    # is_author first: can_edit_answer lets every moderator through.
    return is_author(user, answer) and can_edit_answer(user, answer)


def can_delete_answer(user: User, answer: Answer) -> bool:
    return is_author(user, answer) and answer.status is not AnswerStatus.DELETED


def can_restore_answer(user: User, answer: Answer) -> bool:
    return is_moderator(user) and answer.status is AnswerStatus.DELETED


def can_read_answer_history(user: User, answer: Answer) -> bool:
    return is_author(user, answer) or is_moderator(user)


def can_see_answer(user: User, answer: Answer) -> bool:
    """Published answers for everyone; any other state for its author and moderators."""
    return answer.is_published or is_author(user, answer) or is_moderator(user)


def can_see_author(user: User, answer: Answer) -> bool:
    """Anonymous answers hide their author from everyone but moderators (and the author)."""
    return not answer.is_anonymous or is_author(user, answer) or is_moderator(user)


def can_read_members_only(user: User | Standing) -> bool:
    """Answers shared with members only reach signed-in readers who confirmed their address (a
    throwaway account must not be a key to them): their text, their treatments and outcomes,
    and their part in counts, comparisons and search results."""
    return user.is_authenticated and user.is_email_verified


def can_read_answer(user: User, answer: Answer) -> bool:
    """See the answer, and read what it says: its author and moderators always may."""
    if not can_see_answer(user, answer):
        return False
    return (
        not answer.is_members_only
        or can_read_members_only(user)
        or is_author(user, answer)
        or is_moderator(user)
    )


# The same rules for many members at once, as SQL conditions on User, for the notification
# fan-out and the digests (which decide for thousands of members in one statement).


def may_be_notified_sql():
    """Members who still have an account to be told things in: not banned, not deleted."""
    return User.status.in_([AccountStatus.ACTIVE, AccountStatus.SUSPENDED])


def reads_members_only_sql():
    """The SQL form of can_read_members_only."""
    return User.email_verified_at.is_not(None)


def may_be_emailed_sql():
    """Whom the forum mails about activity: a confirmed address, in good standing (a lapsed
    suspension no longer counts). Mail about their own account reaches members regardless."""
    lapsed = and_(
        User.status == AccountStatus.SUSPENDED,
        User.suspended_until.is_not(None),
        User.suspended_until <= utcnow(),
    )
    return and_(
        User.email_verified_at.is_not(None), or_(User.status == AccountStatus.ACTIVE, lapsed)
    )


def helpful_vote_refusal(user: User, answer: Answer) -> str | None:
    """Why USER may not mark ANSWER as helpful, or None: confirmed members in good standing,
    on a published answer that is not their own."""
    if not user.is_authenticated:
        return "Please sign in to mark answers as helpful."
    if not can_participate(user):
        if not user.is_email_verified:
            return "Please confirm your email address before you mark answers as helpful."
        return "Your account can't mark answers as helpful right now."
    if is_author(user, answer):
        return "You can't mark your own answer as helpful."
    if not answer.is_published:
        return "Only published answers can be marked as helpful."
    return None


def can_vote_helpful(user: User, answer: Answer) -> bool:
    return helpful_vote_refusal(user, answer) is None


def can_flag_answer(user: User, answer: Answer) -> bool:
    """Report an answer: a member in good standing, about someone else's published answer."""
    return can_participate(user) and answer.is_published and not is_author(user, answer)


def offers_report(user: User, answer: Answer) -> bool:
    """Show "Report" on a card: to readers (signing in comes next), not to its author or staff.

    Whether the reader may really report is for the report page to say, with the reason.
    """
    return answer.is_published and not is_author(user, answer) and not is_moderator(user)


class Standing(NamedTuple):
    """What the permission checks read of a user, read once: a page of answers asks them for
    every card, and reading a model's attributes (and properties built on them) costs far more.
    The checks take it in place of the user."""

    id: int | None
    is_authenticated: bool
    is_moderator: bool
    is_email_verified: bool
    is_active: bool
    is_suspended: bool

    @classmethod
    def of(cls, user: User) -> Standing:
        if not user.is_authenticated:
            return cls(None, False, False, False, False, False)
        return cls(
            user.id,
            True,
            user.is_moderator,
            user.is_email_verified,
            user.is_active,
            user.is_suspended,
        )


class CardActions(NamedTuple):
    """What one reader may do with one answer card, asked in one call per card."""

    is_author: bool
    sees_author: bool
    vote: bool
    report: bool
    edit: bool
    history: bool
    delete: bool
    moderate: bool
    restore: bool


def card_actions(user: User | Standing, answer: Answer) -> CardActions:
    user = getattr(user, "_get_current_object", lambda: user)()  # templates pass a proxy
    return CardActions(
        is_author=is_author(user, answer),
        sees_author=can_see_author(user, answer),
        vote=can_vote_helpful(user, answer),
        report=offers_report(user, answer),
        edit=can_edit_answer(user, answer),
        history=answer.edited_at is not None and can_read_answer_history(user, answer),
        delete=can_delete_answer(user, answer),
        moderate=is_moderator(user),
        restore=can_restore_answer(user, answer),
    )


def can_moderate_member(actor: User, member: User) -> bool:
    """Suspend, ban or reinstate: moderators act on members, never on staff or themselves.

    A staff account has to lose its role (an admin's decision, logged) before it can be acted on.
    """
    return is_moderator(actor) and member.role is Role.MEMBER and member.id != actor.id


TEMPLATE_CHECKS = (
    can_participate,
    is_moderator,
    is_reviewer,
    is_admin,
    is_author,
    can_edit_answer,
    can_delete_answer,
    can_restore_answer,
    can_read_answer_history,
    can_see_author,
    can_read_answer,
    can_read_members_only,
    can_vote_helpful,
    offers_report,
    can_moderate_member,
    card_actions,
)


def init_app(app) -> None:
    """Templates ask the same questions as views and services, by the same functions."""
    for check in TEMPLATE_CHECKS:
        app.add_template_global(check)
