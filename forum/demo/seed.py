"""seed_demo(): add whatever demo content is missing, without duplicating anything.

Rows are found by their natural keys (condition slug, question slug, email, one answer per member
per question), so running it again only fills gaps. It flushes but never commits: the caller
commits once, so a failure leaves nothing half-written.

Every random choice comes from a generator seeded with the row's own key, so the demo reads the
same on every machine and no choice depends on what the database already holds.
"""

from __future__ import annotations

import random
import re
import secrets
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Select, func, select
from werkzeug.security import generate_password_hash

from forum.accounts.models import Role, User, display_name_key, new_session_token
from forum.answers.models import (
    Answer,
    AnswerStatus,
    HelpfulVote,
    Outcome,
    TimeSinceDiagnosis,
    TreatmentReport,
    Visibility,
)
from forum.conditions.models import Condition, Membership, Perspective, Treatment
from forum.content import render_markdown
from forum.database import db, utcnow
from forum.demo import data
from forum.demo.data import ConditionSpec, MembershipSpec, MemberSpec, QuestionSpec, Topic
from forum.demo.moderation import KIND as MODERATION_EXAMPLES
from forum.demo.moderation import NEWCOMERS, seed_moderation_examples
from forum.questions.models import Question, QuestionStatus
from forum.slugs import slugify
from forum.summaries.models import (
    ReviewerProfile,
    RevisionStatus,
    Summary,
    SummaryReference,
    SummaryRevision,
)

SEED = "patient-forum-demo-1"
MIN_ANSWERS, MAX_ANSWERS = 3, 12
MAX_SENTENCES = 5
ANSWER_WINDOW_DAYS = 730  # answers spread over the past two years
QUESTION_AGE_DAYS = (735, 760)  # questions are older than every answer
MEMBER_AGE_DAYS = (765, 800)  # members joined before they answered
CONDITION_AGE = timedelta(days=810)
SUMMARY_AGE_DAYS = (14, 300)
REVIEW_INTERVAL = timedelta(days=365)
ANONYMOUS_SHARE = 0.1
MEMBERS_ONLY_SHARE = 0.03
CLOSER_SHARE = 0.4
SIDE_EFFECT_SHARE = 0.4
UNSAID_STILL_USING_SHARE = 0.25
STILL_USING_SHARE = {
    Outcome.HELPED_A_LOT: 0.85,
    Outcome.HELPED_SOMEWHAT: 0.6,
    Outcome.NO_CHANGE: 0.15,
    Outcome.MADE_IT_WORSE: 0.0,
}
REPORTS_ON_TREATMENT_QUESTIONS = (1, 4, 4, 3, 2)  # weights for 0..4 treatments reported
REPORT_SHARE_ON_OTHER_QUESTIONS = 0.3
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
class PlannedReport:
    treatment: data.TreatmentSpec
    outcome: Outcome
    side_effects: str
    still_using: bool | None


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
    _ensure_reviewer_profile(people[data.REVIEWER_EMAIL])
    editors = Editors(writer=people[data.WRITER_EMAIL], reviewer=people[data.REVIEWER_EMAIL])
    conditions = [
        _seed_condition(spec, position, people, editors, now, report)
        for position, spec in enumerate(data.CONDITIONS)
    ]
    db.session.flush()
    seed_moderation_examples(now, report)
    db.session.flush()
    _recount(conditions, people.values())
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
    """The five accounts people sign in with. Existing passwords change only when asked."""
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


def _ensure_reviewer_profile(reviewer: User) -> None:
    if db.session.scalar(select(ReviewerProfile).where(ReviewerProfile.user_id == reviewer.id)):
        return
    spec = data.DEMO_REVIEWER_PROFILE
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
    members = _ensure_memberships(condition, people, report)
    for question_position, question_spec in enumerate(spec.questions):
        question = _ensure_question(condition, question_spec, question_position, now, report)
        _ensure_summary(question, question_spec, editors, now, report)
        _ensure_answers(question, question_spec, spec, members, treatments, now, report)
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
    treatments: dict[str, Treatment],
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
                question, question_spec.topic, condition_spec, author, membership, treatments, now
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
    treatments: dict[str, Treatment],
    now: datetime,
) -> Answer:
    rng = _rng("answer", question.condition.slug, question.slug, author.email)
    published_at = _days_ago(now, rng, 1, ANSWER_WINDOW_DAYS)
    reports = _plan_reports(rng, topic, condition_spec.treatments)
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
    for position, planned in enumerate(reports):
        answer.treatment_reports.append(
            TreatmentReport(
                treatment=treatments[planned.treatment.name],
                position=position,
                outcome=planned.outcome,
                side_effects=planned.side_effects,
                still_using=planned.still_using,
            )
        )
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


def time_since_diagnosis(diagnosed_year: int | None, on: datetime) -> TimeSinceDiagnosis:
    """The answer's "diagnosed N years ago" bucket, as of the day it was written."""
    years = None if diagnosed_year is None else on.year - diagnosed_year
    if years is None or years < 0:
        return TimeSinceDiagnosis.NOT_DIAGNOSED
    if years < 1:
        return TimeSinceDiagnosis.UNDER_1_YEAR
    if years <= 2:
        return TimeSinceDiagnosis.YEARS_1_TO_2
    if years <= 5:
        return TimeSinceDiagnosis.YEARS_3_TO_5
    if years <= 10:
        return TimeSinceDiagnosis.YEARS_6_TO_10
    return TimeSinceDiagnosis.OVER_10_YEARS


def _plan_reports(
    rng: random.Random, topic: Topic, treatments: tuple[data.TreatmentSpec, ...]
) -> list[PlannedReport]:
    if topic is Topic.TREATMENTS:
        weights = REPORTS_ON_TREATMENT_QUESTIONS
        count = rng.choices(range(len(weights)), weights=weights)[0]
    else:
        count = 1 if rng.random() < REPORT_SHARE_ON_OTHER_QUESTIONS else 0
    return [_plan_report(rng, treatment) for treatment in rng.sample(treatments, count)]


def _plan_report(rng: random.Random, treatment: data.TreatmentSpec) -> PlannedReport:
    weights = data.OUTCOME_WEIGHTS[treatment.tendency]
    outcome = rng.choices(list(weights), weights=list(weights.values()))[0]
    side_effects = ""
    if treatment.side_effects and rng.random() < SIDE_EFFECT_SHARE:
        side_effects = rng.choice(treatment.side_effects)
    still_using = None
    if outcome is Outcome.MADE_IT_WORSE or rng.random() >= UNSAID_STILL_USING_SHARE:
        still_using = rng.random() < STILL_USING_SHARE[outcome]
    return PlannedReport(treatment, outcome, side_effects, still_using)


# ---------------------------------------------------------------------------------------------
# Composing an answer's text from the condition's fragments
# ---------------------------------------------------------------------------------------------


def compose_answer(
    rng: random.Random,
    condition: ConditionSpec,
    topic: Topic,
    membership: MembershipSpec,
    reports: list[PlannedReport],
) -> str:
    """A first-person answer of two to five sentences, consistent with its treatment reports."""
    opening, details = _topic_sentences(rng, condition.fragments[topic], membership.relation)
    experiences = _report_sentences(rng, reports, membership.relation)
    closer = rng.choice(data.CLOSERS) if rng.random() < CLOSER_SHARE else None
    if topic is Topic.TREATMENTS:
        first = [opening]
        room = MAX_SENTENCES - 1 - len(experiences)
        for main, follow_up in experiences:
            first.append(main)
            if follow_up and room > 0:
                first.append(follow_up)
                room -= 1
        second = details[: min(room, 1 if experiences else 2)]
    else:
        first = [opening, *details]
        second = [main for main, _ in experiences]
    if closer and len(first) + len(second) < MAX_SENTENCES:
        second.append(closer)
    values = _sentence_values(condition, membership)
    paragraphs = [" ".join(part).format(**values) for part in (first, second) if part]
    return "\n\n".join(paragraphs)


def _topic_sentences(
    rng: random.Random, fragments: data.Fragments, relation: Perspective
) -> tuple[str, list[str]]:
    if relation is Perspective.CAREGIVER:
        # Kept in data order: a caregiver's first line introduces who they care for.
        first, second = sorted(rng.sample(range(len(fragments.caregiver_lines)), 2))
        return fragments.caregiver_lines[first], [fragments.caregiver_lines[second]]
    opening = rng.choice(fragments.patient_openers)
    return opening, rng.sample(fragments.patient_details, rng.randint(1, 2))


def _report_sentences(
    rng: random.Random, reports: list[PlannedReport], relation: Perspective
) -> list[tuple[str, str | None]]:
    """Per report, the sentence naming the treatment and its outcome, and an optional follow-up.

    No template is used twice in one answer while another is left, so it never repeats itself.
    """
    used: set[str] = set()
    sentences = []
    for report in reports:
        main = _unused_choice(rng, data.TREATMENT_SENTENCES[relation][report.outcome], used)
        follow_up = _follow_up_template(rng, report, relation, used)
        sentences.append((_fill_treatment(main, report), follow_up))
    return sentences


def _follow_up_template(
    rng: random.Random, report: PlannedReport, relation: Perspective, used: set[str]
) -> str | None:
    if report.side_effects:
        template = _unused_choice(rng, data.SIDE_EFFECT_SENTENCES, used)
        return template.replace("{side_effects}", report.side_effects)
    # "No change, but I still use it" reads as a contradiction, so that pairing goes unsaid.
    if report.still_using is None or report.outcome is Outcome.MADE_IT_WORSE:
        return None
    if report.still_using and report.outcome is Outcome.NO_CHANGE:
        return None
    choices = data.STILL_USING_SENTENCES[relation][report.still_using]
    if all(choice in used for choice in choices):
        return None
    return _unused_choice(rng, choices, used)


def _unused_choice(rng: random.Random, choices: tuple[str, ...], used: set[str]) -> str:
    fresh = [choice for choice in choices if choice not in used] or list(choices)
    choice = rng.choice(fresh)
    used.add(choice)
    return choice


def _fill_treatment(template: str, report: PlannedReport) -> str:
    name = report.treatment.in_sentence
    return template.replace("{treatment}", name).replace("{Treatment}", _capitalised(name))


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def _sentence_values(condition: ConditionSpec, membership: MembershipSpec) -> dict[str, str]:
    return {"symptom": condition.symptom, "relative": membership.cares_for or "family member"}


SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def sentence_count(text: str) -> int:
    """How many sentences a composed answer has (our fragments use no abbreviations)."""
    return len(SENTENCE_END.findall(text))


# ---------------------------------------------------------------------------------------------
# Denormalised counts, recounted from the rows themselves
# ---------------------------------------------------------------------------------------------


def _recount(conditions: list[Condition], users: Iterable[User]) -> None:
    condition_ids = [condition.id for condition in conditions]
    questions = db.session.scalars(
        select(Question).where(Question.condition_id.in_(condition_ids))
    ).all()
    question_ids = [question.id for question in questions]
    _recount_conditions(conditions)
    _recount_questions(questions)
    _recount_helpful_votes(question_ids)
    _recount_approved_answers(list(users))


def _counts(query: Select) -> dict:
    return {key: value for key, value in db.session.execute(query).all()}


def _recount_conditions(conditions: list[Condition]) -> None:
    ids = [condition.id for condition in conditions]
    members = _counts(
        select(Membership.condition_id, func.count())
        .where(Membership.condition_id.in_(ids))
        .group_by(Membership.condition_id)
    )
    visible_questions = _counts(
        select(Question.condition_id, func.count())
        .where(Question.condition_id.in_(ids), Question.status != QuestionStatus.HIDDEN)
        .group_by(Question.condition_id)
    )
    for condition in conditions:
        condition.member_count = members.get(condition.id, 0)
        condition.question_count = visible_questions.get(condition.id, 0)


def _recount_questions(questions: list[Question]) -> None:
    rows = db.session.execute(
        select(Answer.question_id, func.count(), func.max(Answer.published_at))
        .where(
            Answer.question_id.in_([question.id for question in questions]),
            Answer.status == AnswerStatus.PUBLISHED,
        )
        .group_by(Answer.question_id)
    ).all()
    published = {question_id: (count, latest) for question_id, count, latest in rows}
    for question in questions:
        count, latest = published.get(question.id, (0, None))
        question.answer_count = count
        question.last_activity_at = latest or question.created_at


def _recount_helpful_votes(question_ids: list[int]) -> None:
    votes = _counts(
        select(HelpfulVote.answer_id, func.count())
        .join(Answer, Answer.id == HelpfulVote.answer_id)
        .where(Answer.question_id.in_(question_ids))
        .group_by(HelpfulVote.answer_id)
    )
    for answer in db.session.scalars(select(Answer).where(Answer.question_id.in_(question_ids))):
        answer.helpful_count = votes.get(answer.id, 0)


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


def _recount_approved_answers(users: list[User]) -> None:
    approved = _counts(
        select(Answer.author_id, func.count())
        .where(
            Answer.author_id.in_([user.id for user in users]),
            Answer.status == AnswerStatus.PUBLISHED,
        )
        .group_by(Answer.author_id)
    )
    for user in users:
        user.approved_answer_count = approved.get(user.id, 0)
