"""Answer cards for a page of answers, each drawn once per version and kept in the shared cache.

A card differs between readers only in what they may do with it (card_actions), whether they
marked it helpful, whether they may read members-only text and the page it sends a vote
back to; its key names all of those, and everything about the answer a card shows: its version
(bumped by every edit, every change of status and every change to its reviewer's note), its
helpful count, its author's pseudonym, who signs its reviewer's note and its condition's
treatment names. So a kept card is always current, and readers in the same position share it.
The one thing no two sessions share, the CSRF token of the helpful button, is kept as a hole
and filled in on the way out. An author's own card (with notes only they see) is drawn afresh
each time.

Where every card is kept, the answers' treatment reports are not even loaded; the missing ones
are loaded together, in one query, so the page's query count stays fixed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from flask import get_template_attribute, request
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape
from sqlalchemy import inspect, select
from sqlalchemy.orm.attributes import set_committed_value

from forum.accounts.models import User
from forum.accounts.standing import Standing, can_read_members_only
from forum.answers.models import Answer, TreatmentReport
from forum.answers.permissions import CardActions, card_actions
from forum.answers.queries import report_loading
from forum.conditions.models import Condition
from forum.conditions.services import TreatmentName
from forum.database import db
from forum.web.fragments import fetch_many, fingerprint, fragment_key, store_many

CSRF_HOLE = "csrf-token-of-this-session"  # never a real token: those hold a "." and a signature
# The whole hidden field the card's form draws around the hole. Only this is ever filled in:
# members' text can spell the hole's words, but never a tag ("<" in their text is escaped).
CSRF_FIELD = f'<input type="hidden" name="csrf_token" value="{CSRF_HOLE}">'


@dataclass(frozen=True)
class CardControls:
    """What each answer card of a reading page offers besides its links: the helpful button
    and the "Compare" checkbox. Pages without it (a single answer's page) show neither."""

    voted_ids: frozenset[int]
    compare_form: str  # the id of the GET form the "Compare" checkboxes belong to
    back: str  # the page (with its query string) a vote made without JavaScript returns to


def answer_cards(
    answers: Sequence[Answer],
    condition: Condition,
    vocabulary: Sequence[TreatmentName],
    viewer: User,
    controls: CardControls,
    heading_level: int = 3,
) -> dict[int, Markup]:
    """Each answer's card as HTML, by answer id, for VIEWER on a reading page with CONTROLS.
    VOCABULARY is the condition's treatments (cards name them)."""
    standing = Standing.of(viewer)
    actions = {answer.id: card_actions(standing, answer) for answer in answers}
    reads_members_only = can_read_members_only(standing)
    # What every card of this page shares, worked into its key once.
    page = fingerprint(
        (
            fingerprint(vocabulary),  # cards name the condition's treatments
            heading_level,
            reads_members_only,
            controls.back,
            controls.compare_form,
            request.script_root,
        )
    )
    keys = {
        answer.id: _key(answer, actions[answer.id], answer.id in controls.voted_ids, page)
        for answer in answers
        if not actions[answer.id].is_author
    }
    kept = fetch_many(keys)
    missing = [answer for answer in answers if answer.id not in kept]
    load_treatment_reports(missing)
    draw = get_template_attribute("answers/_card.html", "answer_card")
    drawn = {
        answer.id: str(
            draw(
                answer,
                condition,
                heading_level,
                may=actions[answer.id],
                controls=controls,
                reads_members_only=reads_members_only,
                csrf=CSRF_HOLE,
            )
        )
        for answer in missing
    }
    store_many({keys[answer_id]: html for answer_id, html in drawn.items() if answer_id in keys})
    cards = {**kept, **drawn}
    if not any(CSRF_FIELD in html for html in cards.values()):
        return {answer_id: Markup(html) for answer_id, html in cards.items()}
    # Only cards with a form hold the field: a token made for a signed-out reader would cost
    # them a session cookie.
    field = CSRF_FIELD.replace(CSRF_HOLE, str(escape(generate_csrf())))
    return {answer_id: Markup(html.replace(CSRF_FIELD, field)) for answer_id, html in cards.items()}


def _key(answer: Answer, may: CardActions, voted: bool, page: str) -> str:
    author = answer.author.display_name if answer.author else None
    return fragment_key(
        "answer-card",
        answer.id,
        answer.created_at.isoformat(),  # two answers given one id by a database made afresh
        answer.version,
        answer.helpful_count,
        author,
        _note_signature(answer),
        *may,
        voted,
        page,
    )


def _note_signature(answer: Answer) -> tuple[int | None, str | None] | None:
    """Who signs the answer's reviewer note, as its card says it: a reviewer's profile can change
    (or lose its verification), and a reviewer can leave, without the answer's version moving."""
    note = answer.reviewer_note
    if note is None:
        return None
    signer = note.signer
    return note.author_id, signer.byline if signer is not None else None


def load_treatment_reports(answers: Sequence[Answer]) -> None:
    """Load the treatment reports (with their treatments and side effects) of the answers that
    lack them, in one query."""
    unloaded = {a.id: a for a in answers if "treatment_reports" in inspect(a).unloaded}
    if not unloaded:
        return
    reports = db.session.scalars(
        select(TreatmentReport)
        .where(TreatmentReport.answer_id.in_(unloaded))
        .options(*report_loading())
        .order_by(TreatmentReport.answer_id, TreatmentReport.position)
    ).unique()
    by_answer: dict[int, list[TreatmentReport]] = defaultdict(list)
    for report in reports:
        by_answer[report.answer_id].append(report)
    for answer_id, answer in unloaded.items():
        set_committed_value(answer, "treatment_reports", by_answer[answer_id])
