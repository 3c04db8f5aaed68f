"""Site texts admins edit on a page (the support resources), stored as key and value."""

from __future__ import annotations

from forum.accounts.models import User
from forum.accounts.standing import is_admin
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.moderation.models import SiteSetting

SUPPORT_RESOURCES = "support_resources"
TEXT_MAX = 3000
DEFAULTS = {
    SUPPORT_RESOURCES: (
        "If things feel very hard right now, you don't have to carry it alone. "
        "If you might be in danger, call your local emergency number now. "
        "You can also talk to your doctor or nurse, or to a crisis line in your country: "
        "many are free, confidential and open day and night."
    ),
}


def get_text(key: str) -> str:
    setting = db.session.get(SiteSetting, key)
    return setting.value if setting is not None else DEFAULTS[key]


def support_resources() -> str:
    return get_text(SUPPORT_RESOURCES)


def set_text(admin: User, key: str, value: str) -> None:
    """Save a new text; the change is on the moderation log with the old and new wording."""
    if not is_admin(admin):
        raise ForumError("Only admins can change this text.")
    if key not in DEFAULTS:
        raise ForumError("There is no such text.")
    value = (value or "").strip()
    if not value:
        raise ForumError("Please write the text.", field="text")
    if len(value) > TEXT_MAX:
        raise ForumError(f"Please keep it under {TEXT_MAX:,} characters.", field="text")
    old = get_text(key)
    if value == old:
        return
    setting = db.session.get(SiteSetting, key) or SiteSetting(key=key)
    setting.value = value
    setting.updated_by_id = admin.id
    setting.updated_at = utcnow()
    db.session.add(setting)
    record_action(
        admin, Action.SITE_TEXT_CHANGED, "site_text", None, before={key: old}, after={key: value}
    )
