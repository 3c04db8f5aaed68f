"""Proposed questions: a member proposes one (after seeing the similar questions that already
exist), moderators and admins publish it, merge it into an existing question, or decline it
with a reason, and the proposer is told.

Every decision is compare-and-set on the proposal still being open, so of two moderators
deciding at once the second is told and nothing changes twice. Each writes one log entry,
whose subject is the proposer. Log entries hold no member's words (see forum.audit.log): they
name the proposal and the question, and the moderators' proposal page shows the rest.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import Select, select, update
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from forum.accounts.models import User
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.conditions.models import Condition
from forum.conditions.services import membership_of
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.notifications.delivery import notify_users
from forum.notifications.models import NotificationKind
from forum.proposals.models import ProposalStatus, QuestionProposal
from forum.proposals.permissions import can_review_proposals, proposal_refusal
from forum.questions.models import Question, QuestionStatus
from forum.questions.services import add_question
from forum.search.models import SearchKind
from forum.search.query import STOPWORDS, WORD
from forum.search.services import Hit, SearchRequest, search
from forum.web.urls import path_for

TITLE_MAX = 200
DETAILS_MAX = 2000
REASON_MAX = 1000
SIMILAR_SHOWN = 5
SIMILAR_WORDS = 8  # of the title, looked for; a long title adds noise, not precision
OPEN = ProposalStatus.OPEN
MARKED = re.compile("<mark>(.*?)</mark>")


class SimilarQuestionsExistError(ForumError):
    """Questions like the proposed one exist: the member looks at them before proposing."""

    def __init__(self, hits: list[Hit]) -> None:
        super().__init__("Is your question already here?")
        self.hits = hits


class AlreadyDecidedError(ForumError):
    """Someone else decided about the proposal between the page load and the click."""

    def __init__(self) -> None:
        super().__init__(
            "Another moderator or admin has already decided about this proposal, so nothing "
            "was changed. This is where it stands now."
        )


# --- Proposing --------------------------------------------------------------------------------


def propose_question(
    condition: Condition, proposer: User, title: str, details: str = "", *, similar_seen: bool
) -> QuestionProposal:
    """Put the member's question in the moderators' queue. Unless SIMILAR_SEEN, the similar
    questions that exist are offered first (SimilarQuestionsExistError), and nothing is written."""
    if refusal := proposal_refusal(proposer, condition, membership_of(proposer, condition)):
        raise ForumError(refusal.message)
    title, details = _proposed_title(title), _proposed_details(details)
    if (existing := _repeated_question(condition, title)) is not None:
        raise ForumError(
            f"This is already a question here: “{existing}”. You can share your experience there.",
            field="title",
        )
    _refuse_repeated_proposal(condition, proposer, title)
    if not similar_seen and (hits := similar_questions(condition, title, proposer)):
        raise SimilarQuestionsExistError(hits)
    proposal = QuestionProposal(
        condition=condition, proposer=proposer, title=title, details=details
    )
    db.session.add(proposal)
    return proposal


def similar_questions(condition: Condition, title: str, viewer: User) -> list[Hit]:
    """The condition's questions whose titles share a telling word with TITLE (as search
    matches words: "treatment" finds "treatments"), most alike first."""
    # Search indexes the condition's name with each of its questions, so the name's words (and
    # words that search reads as the same, such as "stiffness" for "stiff") find every one of
    # them: they are not looked for, and a title matched by them alone is not alike.
    name_words = set(_words(condition.name))
    words = [word for word in _words(title) if word not in STOPWORDS | name_words]
    if not words:
        return []
    wanted = SearchRequest(
        text=" or ".join(words[:SIMILAR_WORDS]), condition_id=condition.id, kind=SearchKind.QUESTION
    )
    found = search(wanted, viewer)
    hits = found.hits if found else []
    return [hit for hit in hits if _matched_words(hit) - name_words][:SIMILAR_SHOWN]


def _words(text: str) -> list[str]:
    """TEXT's words, each once, in the order they come."""
    return list(dict.fromkeys(WORD.findall(text.casefold())))


def _matched_words(hit: Hit) -> set[str]:
    """The words search marked in the hit's title."""
    return {word for marked in MARKED.findall(str(hit.title)) for word in _words(marked)}


def title_key(title: str) -> str:
    """What two titles share when they differ only in capitals, spaces or punctuation."""
    return "".join(c for c in unicodedata.normalize("NFKC", title).casefold() if c.isalnum())


def _proposed_title(text: str) -> str:
    """The title with its spaces tidied, refused when empty, too long or without a word."""
    title = " ".join(text.split())
    if not title:
        raise ForumError("Please write the question.", field="title")
    if len(title) > TITLE_MAX:
        raise ForumError(f"Please keep the question under {TITLE_MAX} characters.", field="title")
    if not title_key(title):
        raise ForumError("The question needs at least one letter or digit.", field="title")
    return title


def _proposed_details(text: str) -> str:
    """The optional details, trimmed, refused when too long."""
    details = (text or "").strip()
    if len(details) > DETAILS_MAX:
        raise ForumError(
            f"Please keep the details under {DETAILS_MAX} characters.", field="details"
        )
    return details


def _repeated_question(condition: Condition, title: str) -> str | None:
    """The title of the question readers can see that already asks TITLE, word for word."""
    visible = select(Question.title).where(
        Question.condition_id == condition.id, Question.status != QuestionStatus.HIDDEN
    )
    key = title_key(title)
    return next((found for found in db.session.scalars(visible) if title_key(found) == key), None)


def _refuse_repeated_proposal(condition: Condition, proposer: User, title: str) -> None:
    """A proposal still waiting in the queue asks it, word for word (never saying whose)."""
    waiting = select(QuestionProposal.title, QuestionProposal.proposer_id).where(
        QuestionProposal.condition_id == condition.id, QuestionProposal.status == OPEN
    )
    key = title_key(title)
    for existing, proposer_id in db.session.execute(waiting):
        if title_key(existing) == key:
            who = "You have" if proposer_id == proposer.id else "Someone has"
            raise ForumError(
                f"{who} already proposed this question, and it is waiting for a moderator.",
                field="title",
            )


# --- Deciding ---------------------------------------------------------------------------------


def publish_proposal(proposal: QuestionProposal, moderator: User, title: str = "") -> Question:
    """Make the proposal a question, as it reads or with the moderator's light edit of TITLE.
    It goes last in its condition's list, and its reviewed summary is still to be written."""
    _require_moderator(moderator)
    title = _proposed_title(title or proposal.title)
    if (existing := _repeated_question(proposal.condition, title)) is not None:
        raise ForumError(
            f"“{existing}” is already a question here: join the proposal to it instead.",
            field="title",
        )
    _decide(proposal, moderator, ProposalStatus.PUBLISHED)
    question = add_question(proposal.condition, title)
    db.session.flush()  # the question's id, for the proposal, the log and the link
    proposal.question_id = question.id
    _record(
        moderator,
        Action.QUESTION_PROPOSAL_PUBLISHED,
        proposal,
        {"question_id": question.id, "title_edited": title != proposal.title},
    )
    _tell_proposer(
        proposal,
        f"Your proposed question “{title}” is published. Members can share their experience "
        "there now, and a medically reviewed summary is being prepared.",
        path_for("pages.question", question_id=question.id, slug=question.slug),
    )
    return question


def merge_proposal(proposal: QuestionProposal, moderator: User, question: Question | None) -> None:
    """The proposal asks what QUESTION (of the same condition) already asks: join it there."""
    _require_moderator(moderator)
    if (
        question is None
        or question.condition_id != proposal.condition_id
        or not question.is_visible
    ):
        raise ForumError(
            f"Please choose a question about {proposal.condition.name} to join it to.",
            field="question",
        )
    _decide(proposal, moderator, ProposalStatus.MERGED)
    proposal.question_id = question.id
    _record(moderator, Action.QUESTION_PROPOSAL_MERGED, proposal, {"question_id": question.id})
    _tell_proposer(
        proposal,
        f"Your proposed question “{proposal.title}” asks what “{question.title}” already asks, "
        "so it joins that question. You can share your experience there.",
        path_for("pages.question", question_id=question.id, slug=question.slug),
    )


def decline_proposal(proposal: QuestionProposal, moderator: User, reason: str) -> None:
    """Leave the proposal unpublished, telling the proposer why."""
    _require_moderator(moderator)
    reason = (reason or "").strip()
    if not reason:
        raise ForumError(
            "Please tell the member why their question is not published.", field="reason"
        )
    if len(reason) > REASON_MAX:
        raise ForumError(f"Please keep the reason under {REASON_MAX} characters.", field="reason")
    _decide(proposal, moderator, ProposalStatus.DECLINED, reason)
    _record(moderator, Action.QUESTION_PROPOSAL_DECLINED, proposal, {}, reason)
    _tell_proposer(
        proposal,
        f"Your proposed question “{proposal.title}” was not published. The reason given: {reason}",
        path_for("proposals.mine"),
    )


def _require_moderator(user: User) -> None:
    """Refuse anyone but moderators and admins, whoever called."""
    if not can_review_proposals(user):
        raise ForumError("Only moderators and admins decide about proposed questions.")


def _decide(
    proposal: QuestionProposal, moderator: User, outcome: ProposalStatus, note: str = ""
) -> None:
    """Compare-and-set in SQL: exactly one of two moderators deciding at once gets through."""
    decided = {
        "status": outcome,
        "decided_by_id": moderator.id,
        "decided_at": utcnow(),
        "decision_note": note,
    }
    result = db.session.execute(
        update(QuestionProposal)
        .where(QuestionProposal.id == proposal.id, QuestionProposal.status == OPEN)
        .values(decided)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise AlreadyDecidedError()
    for name, value in decided.items():
        set_committed_value(proposal, name, value)


def _record(
    moderator: User, action: Action, proposal: QuestionProposal, after: dict, reason: str = ""
) -> None:
    """The decision's one log entry, about the proposal, for the proposer to see too."""
    record_action(
        moderator,
        action,
        "question_proposal",
        proposal.id,
        reason=reason,
        before={"status": OPEN.value},
        after={"status": proposal.status.value, **after},
        subject=proposal.proposer,
    )


def _tell_proposer(proposal: QuestionProposal, message: str, link: str) -> None:
    """A notification for the proposer: on the site, and by mail if they want each one."""
    if proposal.proposer_id is not None:  # None once the proposer deleted their account
        notify_users(
            [proposal.proposer_id],
            NotificationKind.PROPOSAL_DECIDED,
            message,
            link,
            topic=f"proposal:{proposal.id}",
        )


# --- Reading ----------------------------------------------------------------------------------


def open_proposals() -> Select[tuple[QuestionProposal]]:
    """The queue: open proposals, the longest waiting first, with condition and proposer."""
    return (
        select(QuestionProposal)
        .where(QuestionProposal.status == OPEN)
        .options(joinedload(QuestionProposal.condition), joinedload(QuestionProposal.proposer))
        .order_by(QuestionProposal.created_at, QuestionProposal.id)
    )


def merge_targets(proposals: list[QuestionProposal]) -> dict[int, list[Question]]:
    """By condition id, the visible questions each proposal on a page could join, in order."""
    condition_ids = {proposal.condition_id for proposal in proposals}
    targets: dict[int, list[Question]] = {condition_id: [] for condition_id in condition_ids}
    if not condition_ids:
        return targets
    query = (
        select(Question)
        .where(Question.condition_id.in_(condition_ids), Question.status != QuestionStatus.HIDDEN)
        .order_by(Question.position, Question.id)
    )
    for question in db.session.scalars(query):
        targets[question.condition_id].append(question)
    return targets


def find_proposal(proposal_id: int) -> QuestionProposal | None:
    """One proposal with its condition, proposer, decider and question."""
    return db.session.scalar(
        select(QuestionProposal)
        .where(QuestionProposal.id == proposal_id)
        .options(
            joinedload(QuestionProposal.condition),
            joinedload(QuestionProposal.proposer),
            joinedload(QuestionProposal.decided_by),
            joinedload(QuestionProposal.question),
        )
    )


def proposals_of(member: User) -> list[QuestionProposal]:
    """The member's proposals, newest first, with their condition and the question each led to."""
    return list(
        db.session.scalars(
            select(QuestionProposal)
            .where(QuestionProposal.proposer_id == member.id)
            .options(joinedload(QuestionProposal.condition), joinedload(QuestionProposal.question))
            .order_by(QuestionProposal.created_at.desc(), QuestionProposal.id.desc())
        )
    )
