"""seed_demo(): add whatever demo content is missing, without duplicating anything.

Rows are found by their natural keys (condition slug, question slug, email, one answer per member
per question), so running it again only fills gaps. It flushes but never commits: the caller
commits once, so a failure leaves nothing half-written.

Every random choice comes from a generator seeded with the row's own key, so the demo reads the
same on every machine and no choice depends on what the database already holds.
"""

from __future__ import annotations

import random
import secrets
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from forum.accounts.models import Role, User, display_name_key, new_session_token
from forum.answers.models import Answer, AnswerStatus, HelpfulVote, TreatmentReport, Visibility
from forum.conditions.models import Condition, Membership, SideEffect, Treatment
from forum.content import render_markdown
from forum.core.slugs import slugify
from forum.database import db, utcnow
from forum.questions.models import Question, QuestionStatus
from forum.summaries.models import (
    ReviewerProfile,
    RevisionStatus,
    Summary,
    SummaryReference,
    SummaryRevision,
)
from tools.demo import data, outcomes
from tools.demo.compose import compose_answer, plan_reports, time_since_diagnosis
from tools.demo.data import (
    ConditionSpec,
    MembershipSpec,
    MemberSpec,
    QuestionSpec,
    ReviewerProfileSpec,
    Topic,
)
from tools.demo.knowledge import KIND as KNOWLEDGE_EXAMPLES
from tools.demo.knowledge import seed_knowledge_examples
from tools.demo.moderation import KIND as MODERATION_EXAMPLES
from tools.demo.moderation import NEWCOMERS, seed_moderation_examples
from tools.demo.recount import recount

SEED = "patient-forum-demo-1"
MIN_ANSWERS, MAX_ANSWERS = 3, 12
ANSWER_WINDOW_DAYS = 730  # answers spread over the past two years
QUESTION_AGE_DAYS = (735, 760)  # questions are older than every answer
MEMBER_AGE_DAYS = (765, 800)  # members joined before they answered
CONDITION_AGE = timedelta(days=810)
SUMMARY_AGE_DAYS = (14, 300)
REVIEW_INTERVAL = timedelta(days=365)
ANONYMOUS_SHARE = 0.1
MEMBERS_ONLY_SHARE = 0.03
HELPFUL_VOTE_WEIGHTS = (4, 5, 5, 4, 3, 2, 1)  # weights for 0..6 votes on an answer

KINDS = (
    "conditions",
    "treatments",
    "questions",
    "summaries",
    "community members",
    "memberships",
    "answers",
    "helpful votes",
    MODERATION_EXAMPLES,
    KNOWLEDGE_EXAMPLES,
)


class DemoSeedError(Exception):
    """The demo cannot be seeded as asked; the message says why."""


@dataclass
class DemoAccountResult:
    role: Role
    email: str
    display_name: str
    created: bool
    password: str | None  # set by this run; None when the password was left unchanged


@dataclass
class SeedReport:
    accounts: list[DemoAccountResult] = field(default_factory=list)
    created: Counter[str] = field(default_factory=Counter)
    present: Counter[str] = field(default_factory=Counter)

    def tally(self, kind: str, created: bool) -> None:
        (self.created if created else self.present)[kind] += 1

    @property
    def created_anything(self) -> bool:
        return sum(self.created.values()) > 0


@dataclass(frozen=True)
class Vocabulary:
    """A condition's treatments and side effects, by name."""

    treatments: dict[str, Treatment]
    side_effects: dict[str, SideEffect]


@dataclass(frozen=True)
class Editors:
    writer: User
    reviewer: User


def seed_demo(password: str | None = None) -> SeedReport:
    """Create the demo content that is missing. Flushes, never commits: the caller commits."""
    if password is not None and not password.strip():
        raise DemoSeedError("The demo password must not be empty.")
    now = utcnow().replace(microsecond=0)
    report = SeedReport()
    _refuse_taken_pseudonyms()
    people = _ensure_demo_accounts(password, now, report)
    people |= _ensure_community_members(now, report)
    db.session.flush()
    for email, profile in data.DEMO_REVIEWER_PROFILES.items():
        _ensure_reviewer_profile(people[email], profile)
    editors = Editors(writer=people[data.WRITER_EMAIL], reviewer=people[data.REVIEWER_EMAIL])
    conditions = [
        _seed_condition(spec, position, people, editors, now, report)
        for position, spec in enumerate(data.CONDITIONS)
    ]
    db.session.flush()
    seed_moderation_examples(now, report)
    outcomes.ensure_waiting_check_in(data.CHECK_IN_EMAIL, now)
    db.session.flush()
    seed_knowledge_examples(report)
    recount(conditions, people.values())
    _tally_votes_already_present(conditions, report)
    return report


def _rng(*key: str) -> random.Random:
    # A string seed is hashed with SHA-512, so it does not vary with PYTHONHASHSEED.
    return random.Random(":".join((SEED, *key)))


def _days_ago(now: datetime, rng: random.Random, low: float, high: float) -> datetime:
    return now - timedelta(days=rng.uniform(low, high))


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------


def _all_people() -> tuple[MemberSpec, ...]:
    return data.DEMO_ACCOUNTS + data.COMMUNITY_MEMBERS


def _users_by_email(emails: Iterable[str]) -> dict[str, User]:
    users = db.session.scalars(select(User).where(User.email.in_(list(emails))))
    return {user.email: user for user in users}


def _refuse_taken_pseudonyms() -> None:
    """A real member may already use one of our pseudonyms; say so instead of crashing."""
    people = [*_all_people(), *NEWCOMERS]
    taken = db.session.scalars(
        select(User.display_name).where(
            User.display_name_key.in_([display_name_key(p.display_name) for p in people]),
            User.email.not_in([p.email for p in people]),
        )
    ).all()
    if taken:
        names = ", ".join(sorted(taken))
        raise DemoSeedError(f"These demo pseudonyms belong to other accounts: {names}.")


def _new_user(spec: MemberSpec, password_hash: str, now: datetime) -> User:
    rng = _rng("user", spec.email)
    created_at = _days_ago(now, rng, *MEMBER_AGE_DAYS)
    user = User(
        email=spec.email,
        display_name=spec.display_name,
        display_name_key=display_name_key(spec.display_name),
        password_hash=password_hash,
        role=spec.role,
        created_at=created_at,
        email_verified_at=created_at + timedelta(minutes=rng.uniform(2, 90)),
    )
    db.session.add(user)
    return user


def _ensure_demo_accounts(
    password: str | None, now: datetime, report: SeedReport
) -> dict[str, User]:
    """The six accounts people sign in with. Existing passwords change only when asked."""
    existing = _users_by_email(spec.email for spec in data.DEMO_ACCOUNTS)
    missing_any = len(existing) < len(data.DEMO_ACCOUNTS)
    new_password = password or (secrets.token_urlsafe(12) if missing_any else None)
    password_hash = generate_password_hash(new_password) if new_password else ""
    people = {}
    for spec in data.DEMO_ACCOUNTS:
        user = existing.get(spec.email)
        created = user is None
        if created:
            user = _new_user(spec, password_hash, now)
        elif password is not None:
            user.password_hash = password_hash
            # A new password ends the sessions signed in with the old one.
            user.session_token = new_session_token()
        changed = created or password is not None
        report.accounts.append(
            DemoAccountResult(
                user.role, spec.email, user.display_name, created, new_password if changed else None
            )
        )
        people[spec.email] = user
    return people


def _ensure_community_members(now: datetime, report: SeedReport) -> dict[str, User]:
    """Fictional members who wrote the demo answers. Nobody knows their (random) password."""
    existing = _users_by_email(spec.email for spec in data.COMMUNITY_MEMBERS)
    password_hash = ""
    people = {}
    for spec in data.COMMUNITY_MEMBERS:
        user = existing.get(spec.email)
        if user is None:
            # One scrypt hash for all of them: hashing is deliberately slow.
            password_hash = password_hash or generate_password_hash(secrets.token_urlsafe(24))
            user = _new_user(spec, password_hash, now)
        report.tally("community members", spec.email not in existing)
        people[spec.email] = user
    return people


def _ensure_reviewer_profile(reviewer: User, spec: ReviewerProfileSpec) -> None:
    if db.session.scalar(select(ReviewerProfile).where(ReviewerProfile.user_id == reviewer.id)):
        return
    profile = ReviewerProfile(
        user_id=reviewer.id,
        full_name=spec.full_name,
        credentials=spec.credentials,
        specialty=spec.specialty,
        conflict_of_interest=spec.conflict_of_interest,
        verified_at=reviewer.created_at + timedelta(days=1),
    )
    db.session.add(profile)


# ---------------------------------------------------------------------------------------------
# Conditions, treatments, memberships, questions, summaries
# ---------------------------------------------------------------------------------------------


def _seed_condition(
    spec: ConditionSpec,
    position: int,
    people: dict[str, User],
    editors: Editors,
    now: datetime,
    report: SeedReport,
) -> Condition:
    condition = _ensure_condition(spec, position, now, report)
    treatments = _ensure_treatments(condition, spec, report)
    side_effects = outcomes.ensure_side_effects(condition, spec)
    members = _ensure_memberships(condition, people, report)
    for question_position, question_spec in enumerate(spec.questions):
        question = _ensure_question(condition, question_spec, question_position, now, report)
        _ensure_summary(question, question_spec, editors, now, report)
        vocabulary = Vocabulary(treatments, side_effects)
        _ensure_answers(question, question_spec, spec, members, vocabulary, now, report)
    return condition


def _ensure_condition(
    spec: ConditionSpec, position: int, now: datetime, report: SeedReport
) -> Condition:
    condition = db.session.scalar(select(Condition).where(Condition.slug == spec.slug))
    report.tally("conditions", condition is None)
    if condition is None:
        condition = Condition(
            name=spec.name,
            slug=spec.slug,
            description=spec.description,
            position=position,
            created_at=now - CONDITION_AGE,
        )
        db.session.add(condition)
        db.session.flush()
    return condition


def _ensure_treatments(
    condition: Condition, spec: ConditionSpec, report: SeedReport
) -> dict[str, Treatment]:
    """The condition's vocabulary, by treatment name."""
    existing = {treatment.slug: treatment for treatment in condition.treatments}
    treatments = {}
    for position, treatment_spec in enumerate(spec.treatments):
        slug = slugify(treatment_spec.name)
        treatment = existing.get(slug)
        report.tally("treatments", treatment is None)
        if treatment is None:
            treatment = Treatment(
                condition=condition,
                name=treatment_spec.name,
                slug=slug,
                kind=treatment_spec.kind,
                synonyms=", ".join(treatment_spec.synonyms),
                position=position,
            )
            db.session.add(treatment)
        treatments[treatment_spec.name] = treatment
    return treatments


def _ensure_memberships(
    condition: Condition, people: dict[str, User], report: SeedReport
) -> list[tuple[User, MembershipSpec]]:
    """Everyone in the demo who belongs to this condition's community, in data order."""
    joined = set(
        db.session.scalars(
            select(Membership.user_id).where(Membership.condition_id == condition.id)
        )
    )
    members = []
    for person in _all_people():
        for membership in person.memberships:
            if membership.condition_slug != condition.slug:
                continue
            user = people[person.email]
            report.tally("memberships", user.id not in joined)
            if user.id not in joined:
                db.session.add(
                    Membership(
                        user=user,
                        condition=condition,
                        relation=membership.relation,
                        diagnosed_year=membership.diagnosed_year,
                        joined_at=user.created_at + timedelta(hours=1),
                    )
                )
            members.append((user, membership))
    return members


def _ensure_question(
    condition: Condition, spec: QuestionSpec, position: int, now: datetime, report: SeedReport
) -> Question:
    slug = slugify(spec.title)
    question = db.session.scalar(
        select(Question).where(Question.condition_id == condition.id, Question.slug == slug)
    )
    report.tally("questions", question is None)
    if question is None:
        created_at = _days_ago(now, _rng("question", condition.slug, slug), *QUESTION_AGE_DAYS)
        question = Question(
            condition=condition,
            title=spec.title,
            slug=slug,
            status=QuestionStatus.OPEN,
            position=position,
            created_at=created_at,
            last_activity_at=created_at,
        )
        db.session.add(question)
        db.session.flush()
    return question


def _ensure_summary(
    question: Question, spec: QuestionSpec, editors: Editors, now: datetime, report: SeedReport
) -> None:
    """A published first revision, written by the demo admin and reviewed by the demo reviewer."""
    exists = db.session.scalar(select(Summary.id).where(Summary.question_id == question.id))
    report.tally("summaries", exists is None)
    if exists is not None:
        return
    rng = _rng("summary", question.condition.slug, question.slug)
    published_at = _days_ago(now, rng, *SUMMARY_AGE_DAYS)
    reviewed_at = published_at - timedelta(hours=rng.uniform(4, 72))
    written_at = reviewed_at - timedelta(days=rng.uniform(3, 20))
    summary = Summary(
        question=question,
        created_at=written_at,
        next_review_due=reviewed_at.date() + REVIEW_INTERVAL,
    )
    revision = SummaryRevision(
        summary=summary,
        number=1,
        status=RevisionStatus.PUBLISHED,
        short_answer=spec.summary.short_answer,
        body=spec.summary.body,
        body_html=render_markdown(spec.summary.body),
        key_points="\n".join(spec.summary.key_points),
        change_note="First version (demo content).",
        review_comments="Checked for accuracy and plain language (demo content).",
        writer=editors.writer,
        reviewer=editors.reviewer,
        created_at=written_at,
        reviewed_at=reviewed_at,
        published_at=published_at,
    )
    for position, reference in enumerate(spec.summary.references):
        revision.references.append(
            SummaryReference(
                position=position,
                title=reference.title,
                url=reference.url,
                publisher=reference.publisher,
                year=reference.year,
            )
        )
    db.session.add(summary)


# ---------------------------------------------------------------------------------------------
# Answers, treatment reports and helpful votes
# ---------------------------------------------------------------------------------------------


def _ensure_answers(
    question: Question,
    question_spec: QuestionSpec,
    condition_spec: ConditionSpec,
    members: list[tuple[User, MembershipSpec]],
    vocabulary: Vocabulary,
    now: datetime,
    report: SeedReport,
) -> None:
    authors = _pick_authors(question, question_spec, members)
    answered = set(
        db.session.scalars(select(Answer.author_id).where(Answer.question_id == question.id))
    )
    new_answers = []
    for author, membership in authors:
        report.tally("answers", author.id not in answered)
        if author.id not in answered:
            answer = _new_answer(
                question, question_spec.topic, condition_spec, author, membership, vocabulary, now
            )
            new_answers.append(answer)
    db.session.flush()  # helpful votes refer to the new answers by id
    voters = [user for user, _ in members if user.email not in _demo_account_emails()]
    for answer in new_answers:
        _add_helpful_votes(answer, voters, now, report)


def _demo_account_emails() -> set[str]:
    return {spec.email for spec in data.DEMO_ACCOUNTS}


def _pick_authors(
    question: Question, spec: QuestionSpec, members: list[tuple[User, MembershipSpec]]
) -> list[tuple[User, MembershipSpec]]:
    rng = _rng("authors", question.condition.slug, question.slug)
    candidates = [(user, m) for user, m in members if user.email not in spec.left_open_for]
    count = rng.randint(MIN_ANSWERS, min(MAX_ANSWERS, len(candidates)))
    return rng.sample(candidates, count)


def _new_answer(
    question: Question,
    topic: Topic,
    condition_spec: ConditionSpec,
    author: User,
    membership: MembershipSpec,
    vocabulary: Vocabulary,
    now: datetime,
) -> Answer:
    rng = _rng("answer", question.condition.slug, question.slug, author.email)
    published_at = _days_ago(now, rng, 1, ANSWER_WINDOW_DAYS)
    reports = plan_reports(rng, topic, condition_spec.treatments)
    body = compose_answer(rng, condition_spec, topic, membership, reports)
    answer = Answer(
        question=question,
        author=author,
        body=body,
        body_html=render_markdown(body),
        status=AnswerStatus.PUBLISHED,
        is_anonymous=rng.random() < ANONYMOUS_SHARE,
        visibility=(
            Visibility.MEMBERS if rng.random() < MEMBERS_ONLY_SHARE else Visibility.EVERYONE
        ),
        perspective=membership.relation,
        time_since_diagnosis=time_since_diagnosis(membership.diagnosed_year, published_at),
        created_at=published_at - timedelta(hours=rng.uniform(1, 20)),
        published_at=published_at,
    )
    # Details draw on a stream of their own: the rest of the demo stays as it was without them.
    details_rng = _rng("details", question.condition.slug, question.slug, author.email)
    for position, planned in enumerate(reports):
        report = TreatmentReport(
            treatment=vocabulary.treatments[planned.treatment.name],
            position=position,
            outcome=planned.outcome,
            side_effects=planned.side_effects,
            still_using=planned.still_using,
        )
        outcomes.add_details(
            report, planned.treatment.kind, vocabulary.side_effects, published_at, details_rng
        )
        answer.treatment_reports.append(report)
    outcomes.add_check_ins(answer, now, details_rng)
    db.session.add(answer)
    return answer


def _add_helpful_votes(
    answer: Answer, voters: list[User], now: datetime, report: SeedReport
) -> None:
    rng = _rng("votes", answer.question.condition.slug, answer.question.slug, answer.author.email)
    candidates = [voter for voter in voters if voter.id != answer.author_id]
    wanted = rng.choices(range(len(HELPFUL_VOTE_WEIGHTS)), weights=HELPFUL_VOTE_WEIGHTS)[0]
    age = (now - answer.published_at).total_seconds()
    for voter in rng.sample(candidates, min(wanted, len(candidates))):
        voted_at = answer.published_at + timedelta(seconds=rng.uniform(0, age))
        db.session.add(HelpfulVote(user_id=voter.id, answer_id=answer.id, created_at=voted_at))
        report.tally("helpful votes", True)


def _tally_votes_already_present(conditions: list[Condition], report: SeedReport) -> None:
    """Votes are made with their answer, so those on answers already there were not counted."""
    on_demo_questions = db.session.scalar(
        select(func.count())
        .select_from(HelpfulVote)
        .join(Answer, Answer.id == HelpfulVote.answer_id)
        .join(Question, Question.id == Answer.question_id)
        .where(Question.condition_id.in_([condition.id for condition in conditions]))
    )
    report.present["helpful votes"] = on_demo_questions - report.created["helpful votes"]
