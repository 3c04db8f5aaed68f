"""Reviewer profiles: the public, admin-verified identity behind "Medically reviewed by …"."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.accounts.models import User
from forum.accounts.standing import is_admin, is_reviewer
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.summaries import permissions
from forum.summaries.models import ReviewerProfile
from forum.summaries.services import review_settings

PUBLIC_FIELDS = ("full_name", "credentials", "specialty", "conflict_of_interest")


@dataclass(frozen=True)
class ProfileInput:
    full_name: str
    credentials: str
    specialty: str = ""
    conflict_of_interest: str = ""


def profile_of(user: User) -> ReviewerProfile | None:
    return db.session.scalar(select(ReviewerProfile).where(ReviewerProfile.user_id == user.id))


def find_profile(profile_id: int) -> ReviewerProfile | None:
    return db.session.get(ReviewerProfile, profile_id)


def verified_profile(profile_id: int) -> ReviewerProfile | None:
    """Only verified profiles are public; an unverified one is nobody's business yet."""
    profile = db.session.get(ReviewerProfile, profile_id)
    return profile if profile is not None and profile.is_verified else None


def all_profiles() -> list[ReviewerProfile]:
    """Every reviewer profile, those waiting for verification first."""
    query = (
        select(ReviewerProfile)
        .options(joinedload(ReviewerProfile.user))
        .order_by(ReviewerProfile.verified_at.is_not(None), ReviewerProfile.full_name)
    )
    return list(db.session.scalars(query))


def save_profile(user: User, details: ProfileInput) -> ReviewerProfile:
    """Create or change the reviewer's own profile. A change waits for an admin to verify it."""
    if not is_reviewer(user):
        raise ForumError("Only medical reviewers have a reviewer profile.")
    cleaned = {name: " ".join(getattr(details, name).split()) for name in PUBLIC_FIELDS}
    cleaned["conflict_of_interest"] = details.conflict_of_interest.strip()
    if not cleaned["full_name"] or not cleaned["credentials"]:
        raise ForumError("Please give your full name and your credentials.")
    profile = profile_of(user) or ReviewerProfile(user=user)
    before = _snapshot(profile) if profile.id else None
    if before is not None and all(getattr(profile, k) == v for k, v in cleaned.items()):
        return profile
    for name, value in cleaned.items():
        setattr(profile, name, value)
    # Readers trust the byline because an admin checked it; a changed one is checked again.
    profile.verified_at = None
    db.session.add(profile)
    _log(user, Action.REVIEWER_PROFILE_UPDATED, profile, before)
    return profile


def verify_profile(profile: ReviewerProfile, admin: User) -> None:
    """An admin vouches that the name, credentials and statement are true."""
    if not permissions.can_verify_reviewer(admin, profile, review_settings().allow_self_review):
        raise ForumError("Another admin needs to verify your own reviewer profile.")
    if profile.is_verified:
        raise ForumError("This profile is already verified.")
    before = _snapshot(profile)
    profile.verified_at = utcnow()
    _log(admin, Action.REVIEWER_PROFILE_VERIFIED, profile, before)


def withdraw_verification(profile: ReviewerProfile, admin: User, reason: str) -> None:
    """Take back a verification, for example when credentials lapse."""
    if not is_admin(admin):
        raise ForumError("Only admins can withdraw a verification.")
    if not profile.is_verified:
        raise ForumError("This profile is not verified.")
    if not reason.strip():
        raise ForumError("Please say why the verification is withdrawn.")
    before = _snapshot(profile)
    profile.verified_at = None
    _log(admin, Action.REVIEWER_PROFILE_UNVERIFIED, profile, before, reason=reason.strip())


def _snapshot(profile: ReviewerProfile) -> dict:
    snapshot = {name: getattr(profile, name) for name in PUBLIC_FIELDS}
    snapshot["verified_at"] = profile.verified_at.isoformat() if profile.verified_at else None
    return snapshot


def _log(actor: User, action: Action, profile: ReviewerProfile, before, reason: str = "") -> None:
    db.session.flush()
    record_action(
        actor,
        action,
        "reviewer_profile",
        profile.id,
        reason=reason,
        before=before,
        after=_snapshot(profile),
        subject=profile.user,
    )
