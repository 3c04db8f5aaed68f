"""Admins' list of watched words and phrases; screening.py applies it to answers."""

from __future__ import annotations

from sqlalchemy import select

from forum.accounts.models import User
from forum.accounts.standing import is_admin
from forum.answers.models import WatchAction, WatchedWord
from forum.answers.screening import phrase_key
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.core.errors import ForumError
from forum.database import db

PHRASE_MAX = 100
MESSAGE_MAX = 500


def watched_words() -> list[WatchedWord]:
    return list(db.session.scalars(select(WatchedWord).order_by(WatchedWord.phrase_key)))


def _snapshot(word: WatchedWord) -> dict:
    return {"phrase": word.phrase, "action": word.action.value, "message": word.message}


def add_watched_word(
    admin: User, phrase: str, action: WatchAction, message: str = ""
) -> WatchedWord:
    """Watch a word or phrase; a refusal needs the message the member will read."""
    if not is_admin(admin):
        raise ForumError("Only admins can change the watched words.")
    phrase = " ".join((phrase or "").split())
    if not phrase:
        raise ForumError("Please write the word or phrase to watch for.", field="phrase")
    if len(phrase) > PHRASE_MAX:
        raise ForumError(f"Please keep it under {PHRASE_MAX} characters.", field="phrase")
    key = phrase_key(phrase)
    if db.session.scalar(select(WatchedWord.id).where(WatchedWord.phrase_key == key)):
        raise ForumError("That word or phrase is already on the list.", field="phrase")
    message = (message or "").strip()
    if action is WatchAction.REFUSE and not message:
        raise ForumError(
            "Please write the message members will see when their answer is refused.",
            field="message",
        )
    if len(message) > MESSAGE_MAX:
        raise ForumError(
            f"Please keep the message under {MESSAGE_MAX} characters.", field="message"
        )
    word = WatchedWord(
        phrase=phrase, phrase_key=key, action=action, message=message, created_by_id=admin.id
    )
    db.session.add(word)
    db.session.flush()
    record_action(admin, Action.WATCHED_WORD_ADDED, "watched_word", word.id, after=_snapshot(word))
    return word


def remove_watched_word(admin: User, word: WatchedWord) -> None:
    if not is_admin(admin):
        raise ForumError("Only admins can change the watched words.")
    record_action(
        admin, Action.WATCHED_WORD_REMOVED, "watched_word", word.id, before=_snapshot(word)
    )
    db.session.delete(word)
