"""One-click unsubscribe: a signed link in every notification mail that works signed out.

The token names the member and carries a keyed fingerprint of their id, so it can be neither
forged nor turned on another member; it does not expire (a years-old mail must still stop the
mail). Mail clients that follow RFC 8058 POST to the same address with
"List-Unsubscribe=One-Click"; people open it and press one button.
"""

from __future__ import annotations

from forum.auth.tokens import fingerprint, make_token, read_token
from forum.web.urls import absolute_url

PURPOSE = "unsubscribe"


def unsubscribe_token(user_id: int) -> str:
    return make_token(PURPOSE, {"u": user_id, "f": fingerprint(PURPOSE, str(user_id))})


def member_of(token: str) -> int | None:
    """The member id a token speaks for, or None when it was forged or altered."""
    payload = read_token(PURPOSE, token, max_age=None)
    if not payload or not isinstance(payload.get("u"), int):
        return None
    user_id = payload["u"]
    if payload.get("f") != fingerprint(PURPOSE, str(user_id)):
        return None
    return user_id


def unsubscribe_url(user_id: int) -> str:
    return absolute_url("notifications.unsubscribe", token=unsubscribe_token(user_id))


def mail_parts(user_id: int) -> dict:
    """What every notification mail carries: the links it ends with, and (RFC 2369, RFC 8058)
    the headers with which mail clients offer their own one-click unsubscribe button."""
    unsubscribe = unsubscribe_url(user_id)
    return {
        "unsubscribe_url": unsubscribe,
        "settings_url": absolute_url("notifications.settings"),
        "headers": {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }
