"""Per-member rate limits on posting, editing and reporting; each limit is a setting.

Only what went through counts (the view redirected): previewing, adding a treatment row or a
form sent back with a mistake costs nothing. Reports about answers and about summaries share
one budget.
"""

from __future__ import annotations

from flask import Response, current_app
from flask_limiter.util import get_remote_address
from flask_login import current_user

from forum.extensions import limiter


def _setting(name: str):
    return lambda: current_app.config[name]


def _member() -> str:
    if current_user.is_authenticated:
        return f"member:{current_user.id}"
    return f"address:{get_remote_address()}"


def _went_through(response: Response) -> bool:
    return response.status_code in (302, 303)


def _per_member(setting: str, scope: str):
    return limiter.shared_limit(
        _setting(setting),
        scope,
        key_func=_member,
        methods=["POST"],
        deduct_when=_went_through,
    )


posting = _per_member("RATELIMIT_POSTING", "posting")
editing = _per_member("RATELIMIT_EDITING", "editing")
flagging = _per_member("RATELIMIT_FLAGGING", "flagging")
