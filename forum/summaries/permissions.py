"""Who may do what in the review of summaries: the four-eyes rule in one place."""

from __future__ import annotations

from forum.accounts.models import User
from forum.accounts.standing import is_admin, is_reviewer
from forum.flags.models import Flag, FlagStatus
from forum.summaries.models import ReviewerProfile, ReviewTask, RevisionStatus, SummaryRevision


def can_edit_revision(user: User, revision: SummaryRevision) -> bool:
    """Change or submit a draft: only its writer, so "who wrote it" stays true for the
    four-eyes rule."""
    return is_reviewer(user) and revision.is_editable and revision.writer_id == user.id


def can_review(user: User, revision: SummaryRevision, allow_self_review: bool) -> bool:
    """Review a submitted draft (return it with comments, or sign it off): a reviewer other than
    its writer, unless the site allows self-review."""
    return (
        is_reviewer(user)
        and revision.status is RevisionStatus.IN_REVIEW
        and (allow_self_review or revision.writer_id != user.id)
    )


def can_publish(
    user: User,
    revision: SummaryRevision,
    allow_self_review: bool,
    profile: ReviewerProfile | None,
) -> bool:
    """Sign off a submitted draft: someone who may review it, with a verified reviewer profile
    (the byline readers see). PROFILE is the user's reviewer profile, if they have one."""
    return can_review(user, revision, allow_self_review) and has_verified_profile(user, profile)


def has_verified_profile(user: User, profile: ReviewerProfile | None) -> bool:
    return profile is not None and profile.user_id == user.id and profile.is_verified


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


def can_mark_claims(user: User) -> bool:
    """Link a passage of a published summary to members' reports, or unlink one: medical
    reviewers and admins, the people who answer for what the summary says."""
    return is_reviewer(user)


def can_resolve_task(user: User, task: ReviewTask) -> bool:
    """Close a review task (with a note, or by starting a draft): a reviewer, while it is open."""
    return is_reviewer(user) and task.is_open
