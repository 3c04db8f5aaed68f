"""Rate limits for the account pages. Each limit is a setting, read when the request comes."""

from __future__ import annotations

from flask import current_app, request
from flask_login import current_user

from forum.auth.services import normalise_email
from forum.extensions import limiter


def _setting(name: str):
    return lambda: current_app.config[name]


def _typed_email() -> str:
    """The address typed into the form: limits per account, known or not, reveal nothing."""
    return "email:" + normalise_email(request.form.get("email", ""))


def _own_email() -> str:
    return "email:" + (current_user.email if current_user.is_authenticated else "anonymous")


sign_in_per_address = limiter.limit(_setting("RATELIMIT_SIGN_IN_PER_ADDRESS"), methods=["POST"])
sign_in_per_account = limiter.limit(
    _setting("RATELIMIT_SIGN_IN_PER_ACCOUNT"), methods=["POST"], key_func=_typed_email
)
register_per_address = limiter.limit(_setting("RATELIMIT_REGISTER_PER_ADDRESS"), methods=["POST"])
email_requests_per_address = limiter.limit(_setting("RATELIMIT_EMAIL_REQUESTS"), methods=["POST"])
email_requests_per_email = limiter.limit(
    _setting("RATELIMIT_EMAIL_REQUESTS"), methods=["POST"], key_func=_typed_email
)
confirmation_requests = limiter.limit(
    _setting("RATELIMIT_EMAIL_REQUESTS"), methods=["POST"], key_func=_own_email
)
