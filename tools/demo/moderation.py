"""Demo content for moderators: two newcomers' answers waiting for approval, a few open
reports (one saying someone may be at risk), and a member's proposed question, so the queues
have something to show.

Everything goes through the real services (submit_answer, report_answer, propose_question), so
the holds, the log entries and the author's support notice are exactly what the forum itself
would make. Idempotent: a waiting answer is found by its author and question, a report by its
reporter, the proposal by its proposer and title.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from forum.accounts.models import User, display_name_key
from forum.answers.models import Answer, AnswerStatus, HelpfulVote
from forum.answers.services import AnswerDraft, submit_answer
from forum.conditions.models import Condition, Membership, Perspective
from forum.database import db
from forum.flags.models import Flag, FlagReason
from forum.moderation.flags import report_answer
from forum.notifications.models import FollowLevel
from forum.notifications.services import follow_of, set_follow
from forum.proposals.models import QuestionProposal
from forum.proposals.services import propose_question
from tools.demo import data

CONDITION_SLUG = "stiff-person-syndrome"
KIND = "moderation examples"
FOLLOWER_EMAIL = "member@demo.example"


@dataclass(frozen=True)
class Newcomer:
    display_name: str
    email: str
    days_since_joining: int
    question_title: str
    body: str


NEWCOMERS = (
    Newcomer(
        "FirstLightFinn",
        "first.light@demo.example",
        9,
        "How do you manage everyday life with Stiff Person Syndrome?",
        "I plan the day around my medication times now, which took a while to get used to. "
        "Mornings are slow, so I lay out clothes the night before. "
        "A shower stool was the best small purchase I made this year.",
    ),
    Newcomer(
        "NewLeafNia",
        "new.leaf@demo.example",
        4,
        "How has Stiff Person Syndrome affected your work or studies?",
        "My employer agreed to a later start and a quiet desk away from the door. "
        "I found the workplace adjustment guide at https://example.org/adjustments useful "
        "before that meeting.",
    ),
)


@dataclass(frozen=True)
class ReportSpec:
    question_title: str
    reason: FlagReason
    note: str
    reporters: int  # how many different members report it (below the hiding threshold)


PROPOSER_EMAIL = "meadow.march@demo.example"
PROPOSAL_TITLE = "How do you get through a dental or medical procedure with Stiff Person Syndrome?"
PROPOSAL_DETAILS = (
    "Demo content: a sample proposal for trying out the moderators' queue. "
    "Lying still in the chair and sudden noises set off my spasms. I'd like to hear what "
    "others ask for before an appointment."
)

REPORTS = (
    ReportSpec(
        "What are the primary treatments for Stiff Person Syndrome?",
        FlagReason.MISINFORMATION,
        "It reads as if everyone should change their dose on their own. Could a moderator check?",
        2,
    ),
    ReportSpec(
        "What were your first symptoms of Stiff Person Syndrome?",
        FlagReason.AT_RISK,
        "They sound very low at the end of this answer. Could someone reach out?",
        1,
    ),
)


def seed_moderation_examples(now: datetime, report) -> None:
    """Add the waiting answers and open reports that are missing. Flushes, never commits."""
    condition = db.session.scalar(select(Condition).where(Condition.slug == CONDITION_SLUG))
    if condition is None:
        return
    questions = {question.title: question for question in condition.questions}
    for newcomer in NEWCOMERS:
        user = _ensure_newcomer(newcomer, condition, now)
        _ensure_waiting_answer(user, questions[newcomer.question_title], newcomer.body, report)
    reporters = _possible_reporters(condition)
    for spec in REPORTS:
        _ensure_reports(questions[spec.question_title], spec, reporters, report)
    _ensure_demo_follows(condition, [questions[n.question_title] for n in NEWCOMERS], report)
    _ensure_proposal(condition, now, report)


def _ensure_proposal(condition: Condition, now: datetime, report) -> None:
    """A member's proposed question waiting in the moderators' queue, two days old."""
    proposer = db.session.scalar(select(User).where(User.email == PROPOSER_EMAIL))
    if proposer is None:
        return
    exists = db.session.scalar(
        select(QuestionProposal.id).where(
            QuestionProposal.proposer_id == proposer.id, QuestionProposal.title == PROPOSAL_TITLE
        )
    )
    report.tally(KIND, exists is None)
    if exists is None:
        proposal = propose_question(
            condition, proposer, PROPOSAL_TITLE, PROPOSAL_DETAILS, similar_seen=True
        )
        proposal.created_at = now - timedelta(days=2)


def _ensure_demo_follows(condition: Condition, questions: list, report) -> None:
    """The demo member follows the questions the newcomers answered, and the condition at the
    digest level: a moderator who approves a waiting answer rings the member's bell."""
    member = db.session.scalar(select(User).where(User.email == FOLLOWER_EMAIL))
    if member is None:
        return
    wanted = [(q, FollowLevel.EVERY_ANSWER) for q in questions] + [(condition, FollowLevel.DIGEST)]
    for target, level in wanted:
        missing = follow_of(member, target) is None
        report.tally("follows", missing)
        if missing:
            set_follow(member, target, level)


def _ensure_newcomer(newcomer: Newcomer, condition: Condition, now: datetime) -> User:
    user = db.session.scalar(select(User).where(User.email == newcomer.email))
    if user is None:
        joined = now - timedelta(days=newcomer.days_since_joining)
        user = User(
            email=newcomer.email,
            display_name=newcomer.display_name,
            display_name_key=display_name_key(newcomer.display_name),
            password_hash=generate_password_hash(newcomer.email),  # nobody signs in as them
            created_at=joined,
            email_verified_at=joined + timedelta(minutes=12),
        )
        db.session.add(user)
        db.session.add(Membership(user=user, condition=condition, joined_at=joined))
        db.session.flush()
    return user


def _ensure_waiting_answer(user: User, question, body: str, report) -> None:
    exists = db.session.scalar(
        select(Answer.id).where(Answer.author_id == user.id, Answer.question_id == question.id)
    )
    report.tally(KIND, exists is None)
    if exists is None:
        submit_answer(question, user, AnswerDraft(body=body, perspective=Perspective.PATIENT))


def _possible_reporters(condition: Condition) -> list[User]:
    """The fictional community members of the condition, in data order."""
    emails = [spec.email for spec in data.COMMUNITY_MEMBERS]
    users = db.session.scalars(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.condition_id == condition.id, User.email.in_(emails))
    )
    by_email = {user.email: user for user in users}
    return [by_email[email] for email in emails if email in by_email]


def _ensure_reports(question, spec: ReportSpec, reporters: list[User], report) -> None:
    """Report the question's least helpful published answer by a fictional member: never the
    one the demo features, nor one by the accounts people sign in with."""
    demo_accounts = select(User.id).where(User.email.in_([a.email for a in data.DEMO_ACCOUNTS]))
    # Counted from the votes themselves: the denormalised counts are only recounted later.
    answer = db.session.scalar(
        select(Answer)
        .outerjoin(HelpfulVote, HelpfulVote.answer_id == Answer.id)
        .where(
            Answer.question_id == question.id,
            Answer.status == AnswerStatus.PUBLISHED,
            Answer.author_id.not_in(demo_accounts),
        )
        .group_by(Answer.id)
        .order_by(func.count(HelpfulVote.id), Answer.id)
        .limit(1)
    )
    if answer is None:
        return
    chosen = [user for user in reporters if user.id != answer.author_id][: spec.reporters]
    for reporter in chosen:
        exists = db.session.scalar(
            select(Flag.id).where(Flag.answer_id == answer.id, Flag.reporter_id == reporter.id)
        )
        report.tally(KIND, exists is None)
        if exists is None:
            report_answer(answer, reporter, spec.reason, spec.note)
