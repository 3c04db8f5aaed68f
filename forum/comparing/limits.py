"""Rate limits for helpful votes, per member; the limit is a setting, read at each request."""

from __future__ import annotations

from flask import current_app
from flask_limiter.util import get_remote_address
from flask_login import current_user

from forum.extensions import limiter


def _voter() -> str:
    """Each member has their own allowance; signed-out requests share their address's."""
    if current_user.is_authenticated:
        return f"voter:{current_user.id}"
    return f"address:{get_remote_address()}"


helpful_votes_per_member = limiter.limit(
    lambda: current_app.config["RATELIMIT_HELPFUL_VOTES"], methods=["POST"], key_func=_voter
)
