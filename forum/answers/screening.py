"""Pre-moderation: which answers wait for a moderator, and which are refused outright.

The rules, for members (moderators and admins are never held):
- a member's answers wait while fewer than N of theirs are published (N is
  PREMODERATE_FIRST_ANSWERS): rejected, deleted or still waiting answers earn no trust;
- an answer with a watched word or phrase waits, or is refused with the admins' message.

An edit is screened too: it is refused for a "refuse" phrase, and sends a published answer back
to waiting when it *adds* a link while its author has fewer than N published answers (how an
answer approved for its words could become an advert), or a "hold" phrase that was not there
before.
Correcting a typo in an answer that was approved with a watched phrase does not hold it again.

Watched phrases are looked for in what readers will read, not in the Markdown typed: the
rendered text, entities decoded, NFKC-normalised (full-width and other look-alike forms fold
into plain letters), without zero-width characters or soft hyphens, case folded. So
"cur&#101;", "mira**cle**" and "mir\u200bacle" are all found.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from forum.accounts.models import User
from forum.accounts.standing import is_moderator
from forum.answers.models import Answer, WatchAction, WatchedWord
from forum.content import plain_text, render_markdown
from forum.core.errors import ForumError
from forum.database import db

# Our own sanitised HTML (content.render_markdown) spells every link this way.
HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"')
DEFAULT_REFUSAL = "Your answer contains something our community guidelines don't allow."


# Characters that show as nothing, which would hide a watched word from a plain comparison.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"))


def phrase_key(phrase: str) -> str:
    """What makes two phrases the same: case, look-alike forms, invisible characters and runs
    of spaces do not count."""
    folded = unicodedata.normalize("NFKC", phrase).translate(INVISIBLE).casefold()
    return " ".join(folded.split())


def linked_urls(html: str) -> set[str]:
    return set(HREF.findall(html))


def _matches(key: str, text_key: str) -> bool:
    # Whole words only: watching "cure" must not hold "secure" or "curious".
    return re.search(rf"(?<!\w){re.escape(key)}(?!\w)", text_key) is not None


def watched_in(body: str, words: list[WatchedWord] | None = None) -> list[WatchedWord]:
    """The watched words and phrases that occur in the Markdown BODY as readers will read it,
    refusals first."""
    if words is None:
        words = list(db.session.scalars(select(WatchedWord)))
    text_key = phrase_key(plain_text(body))  # rendered, tags dropped, entities decoded
    found = [word for word in words if _matches(word.phrase_key, text_key)]
    return sorted(found, key=lambda word: word.action is not WatchAction.REFUSE)


def _refuse_if_watched(found: list[WatchedWord]) -> None:
    refusing = [word for word in found if word.action is WatchAction.REFUSE]
    if refusing:
        raise ForumError(refusing[0].message.strip() or DEFAULT_REFUSAL, field="body")


def _threshold() -> int:
    return current_app.config["PREMODERATE_FIRST_ANSWERS"]


@dataclass(frozen=True)
class Hold:
    """Why an answer waits for a moderator, in words moderators read in the queue."""

    reason: str


def screen_new_answer(author: User, body: str) -> Hold | None:
    """Raise ForumError for a refused answer; otherwise say whether (and why) it must wait."""
    if is_moderator(author):
        return None
    found = watched_in(body)
    _refuse_if_watched(found)
    if found:
        return Hold(f"It contains the watched phrase “{found[0].phrase}”.")
    threshold = _threshold()
    if author.approved_answer_count < threshold:
        return Hold(f"The member has fewer than {threshold} published answers.")
    return None


def screen_edit(editor: User, answer: Answer, new_body: str) -> Hold | None:
    """The same rules for an edit, judged on what the edit adds."""
    if is_moderator(editor):
        return None
    words = list(db.session.scalars(select(WatchedWord)))
    found = watched_in(new_body, words)
    _refuse_if_watched(found)
    already = {word.id for word in watched_in(answer.body, words)}
    added = [word for word in found if word.id not in already]
    if added:
        return Hold(f"An edit added the watched phrase “{added[0].phrase}”.")
    new_links = linked_urls(render_markdown(new_body)) - linked_urls(answer.body_html)
    threshold = _threshold()
    if new_links and editor.approved_answer_count < threshold:
        return Hold(
            f"An edit added a link, and the member has fewer than {threshold} published answers."
        )
    return None
