"""Signed, expiring tokens for links we email: confirm an address, reset a password."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    # A salt per purpose: a confirmation token can never be used as a reset token.
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"forum-{purpose}")


def make_token(purpose: str, payload: dict[str, Any]) -> str:
    return _serializer(purpose).dumps(payload)


def read_token(purpose: str, token: str, max_age: int | None) -> dict[str, Any] | None:
    """The payload, or None when the token is forged, altered or too old."""
    try:
        payload = _serializer(purpose).loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature):
        return None
    return payload if isinstance(payload, dict) else None


def fingerprint(*values: str) -> str:
    """A short keyed digest of VALUES: a token carrying it dies when any of them changes, and
    tells nothing about them to whoever reads the token (it is keyed with SECRET_KEY)."""
    key = current_app.config["SECRET_KEY"].encode()
    message = "\0".join(values).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:24]
