"""A signed-in member's session cookie for the load generator, signed like the app signs it."""

from __future__ import annotations

from flask import Flask
from flask.sessions import SecureCookieSessionInterface


def session_cookie(secret_key: str, session_token: str) -> str:
    app = Flask("bench-cookie")
    app.secret_key = secret_key
    value = (
        SecureCookieSessionInterface()
        .get_signing_serializer(app)
        .dumps({"_user_id": session_token, "_fresh": True})
    )
    return f"session={value}"
