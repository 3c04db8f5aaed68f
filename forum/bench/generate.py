"""A large, realistic forum in minutes: bulk inserts straight into the tables.

Conditions, treatment vocabularies, questions with reviewed summaries, members with
memberships, answers with treatment reports, and helpful votes, with every denormalised count
set to what the rows say. Two questions have exactly 20 and 200 answers, whatever the total,
so pages of the same size can be compared across database sizes.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from werkzeug.security import generate_password_hash

from forum.content import render_markdown
from forum.database import db

BATCH = 5_000
TREATMENTS_PER_CONDITION = 30
REPORTS_PER_ANSWER = 2
VOTE_EVERY = 2  # one helpful vote for every second answer
SMALL, LARGE = 20, 200
CONDITIONS = 8
# The first condition's questions: 20 and 200 answers (measured), none (for posting), and two
# more, all of fixed size, so its page and its questions' pages are the same at every size.
FIRST_CONDITION_ANSWERS = (SMALL, LARGE, 0, 50, 50)
BENCH_PASSWORD = "bench-password-not-secret"
WORDS = [
    "stiffness",
    "spasms",
    "rest",
    "walking",
    "stretching",
    "sleep",
    "heat",
    "fatigue",
    "pain",
    "tremor",
    "balance",
    "morning",
    "evening",
    "physio",
    "neurologist",
    "dose",
    "week",
    "month",
    "better",
    "worse",
    "calmer",
    "steadier",
    "tired",
    "appointment",
    "infusion",
    "tablets",
    "family",
    "work",
    "garden",
    "pacing",
    "routine",
    "flare",
    "weather",
    "stairs",
]
OUTCOMES = ("helped_a_lot", "helped_somewhat", "no_change", "made_it_worse")
START = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass
class Plan:
    answers: int
    conditions: int = 4
    questions_per_condition: int = 5
    members: int = 50
    rng: random.Random = field(default_factory=lambda: random.Random(20261124))

    @classmethod
    def for_answers(cls, answers: int) -> Plan:
        """The measured condition (the first) looks the same at every size; the others grow."""
        conditions = CONDITIONS
        questions = max(5, answers // (2_000 * (conditions - 1)))
        # One answer per member per question: every condition needs as many members as its
        # busiest question has answers (and the 200-answer question needs 200).
        busiest = answers // ((conditions - 1) * questions) + 1
        members = conditions * max(250, busiest + 10, answers // (40 * conditions))
        return cls(answers, conditions, questions, members)

    def questions_in(self, condition: int) -> int:
        return len(FIRST_CONDITION_ANSWERS) if condition == 1 else self.questions_per_condition


@dataclass(frozen=True)
class Landmarks:
    """The fixed-size pages a benchmark measures."""

    small_question_id: int
    large_question_id: int
    empty_question_id: int
    condition_id: int
    member_ids: list[int]


def table(name: str) -> sa.Table:
    return db.metadata.tables[name]


def insert(connection: sa.Connection, name: str, rows: Iterable[dict]) -> int:
    """Insert rows in batches; return how many."""
    count = 0
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, BATCH)):
        connection.execute(table(name).insert(), batch)
        count += len(batch)
    return count


def generate(connection: sa.Connection, plan: Plan) -> Landmarks:
    """Fill an empty database; return the pages to measure."""
    if connection.execute(sa.select(sa.func.count()).select_from(table("answers"))).scalar():
        raise RuntimeError("The benchmark generator needs an empty database.")
    bodies = _bodies(plan.rng)
    members = _members(connection, plan)
    _conditions_and_treatments(connection, plan, members)
    questions = _questions_and_summaries(connection, plan, members)
    landmarks = _answers(connection, plan, questions, members, bodies)
    _fix_sequences(connection)
    return landmarks


def _bodies(rng: random.Random) -> list[tuple[str, str]]:
    """A few hundred distinct answer texts, rendered once: Markdown rendering is not measured."""
    texts = []
    for _ in range(300):
        sentences = [
            " ".join(rng.choices(WORDS, k=rng.randint(8, 16))).capitalize() + "."
            for _ in range(rng.randint(3, 6))
        ]
        text = " ".join(sentences)
        texts.append((text, render_markdown(text)))
    return texts


def _members(connection: sa.Connection, plan: Plan) -> list[int]:
    password_hash = generate_password_hash(BENCH_PASSWORD)
    rows = (
        {
            "id": n,
            "email": f"bench{n}@bench.example",
            "display_name": f"Bench member {n}",
            "display_name_key": f"bench member {n}",
            "password_hash": password_hash,
            "session_token": f"bench-session-{n}",
            "role": "admin" if n == 1 else "member",
            "status": "active",
            "created_at": START,
            "email_verified_at": START,
            "approved_answer_count": 0,
            "bio": "",
            "bio_visibility": "members",
            "communities_visibility": "members",
            "profile_hidden": False,
        }
        for n in range(1, plan.members + 1)
    )
    insert(connection, "users", rows)
    insert(
        connection,
        "reviewer_profiles",
        [
            {
                "id": 1,
                "user_id": 1,
                "full_name": "Dr Bench",
                "credentials": "MD",
                "specialty": "neurology",
                "conflict_of_interest": "",
                "verified_at": START,
            }
        ],
    )
    return list(range(1, plan.members + 1))


def condition_of_member(member_id: int, plan: Plan) -> int:
    return (member_id % plan.conditions) + 1


def _conditions_and_treatments(connection, plan: Plan, members: list[int]) -> None:
    member_counts = {c: 0 for c in range(1, plan.conditions + 1)}
    for member_id in members:
        member_counts[condition_of_member(member_id, plan)] += 1
    insert(
        connection,
        "conditions",
        (
            {
                "id": c,
                "name": f"Bench condition {c}",
                "slug": f"bench-condition-{c}",
                "description": "A condition made up for the benchmark.",
                "position": c,
                "member_count": member_counts[c],
                "question_count": plan.questions_in(c),
                "created_at": START,
            }
            for c in range(1, plan.conditions + 1)
        ),
    )
    insert(
        connection,
        "treatments",
        (
            {
                "id": (c - 1) * TREATMENTS_PER_CONDITION + t + 1,
                "condition_id": c,
                "name": f"Treatment {t + 1}",
                "slug": f"treatment-{t + 1}",
                "kind": "medication",
                "synonyms": "",
                "position": t,
            }
            for c in range(1, plan.conditions + 1)
            for t in range(TREATMENTS_PER_CONDITION)
        ),
    )
    insert(
        connection,
        "memberships",
        (
            {
                "id": m,
                "user_id": m,
                "condition_id": condition_of_member(m, plan),
                "relation": "patient",
                "diagnosed_year": 2015 + m % 10,
                "joined_at": START,
            }
            for m in members
        ),
    )


def _questions_and_summaries(connection, plan: Plan, members) -> list[tuple[int, int]]:
    """(question id, condition id) for every question."""
    questions = [
        (c * 10_000 + q, c)
        for c in range(1, plan.conditions + 1)
        for q in range(plan.questions_in(c))
    ]
    ids = {qid: n + 1 for n, (qid, _) in enumerate(questions)}
    questions = [(ids[qid], c) for qid, c in questions]
    insert(
        connection,
        "questions",
        (
            {
                "id": qid,
                "condition_id": c,
                "title": f"Bench question {qid}: what helped you?",
                "slug": f"bench-question-{qid}",
                "status": "open",
                "position": qid,
                "answer_count": 0,
                "created_at": START,
                "last_activity_at": START,
            }
            for qid, c in questions
        ),
    )
    body = "Treatment usually combines **medicines** and therapy; plans are individual."
    html = render_markdown(body)
    insert(
        connection,
        "summaries",
        (
            {"id": qid, "question_id": qid, "created_at": START, "next_review_due": None}
            for qid, _ in questions
        ),
    )
    insert(
        connection,
        "summary_revisions",
        (
            {
                "id": qid,
                "summary_id": qid,
                "number": 1,
                "status": "published",
                "short_answer": "Several treatments ease symptoms; talk to your neurologist.",
                "body": body,
                "body_html": html,
                "key_points": "",
                "change_note": "",
                "review_comments": "",
                "writer_id": 1,
                "reviewer_id": 1,
                "created_at": START,
                "reviewed_at": START,
                "published_at": START,
            }
            for qid, _ in questions
        ),
    )
    insert(
        connection,
        "summary_references",
        (
            {
                "id": qid,
                "revision_id": qid,
                "position": 0,
                "title": "An overview",
                "url": "https://example.org/",
                "publisher": "Example",
                "year": 2025,
            }
            for qid, _ in questions
        ),
    )
    return questions


def _answer_counts(plan: Plan, questions) -> dict[int, int]:
    """Fixed counts in the first condition; the other conditions share what is left."""
    first = [qid for qid, condition in questions if condition == 1]
    counts = dict(zip(first, FIRST_CONDITION_ANSWERS, strict=True))
    others = [qid for qid, condition in questions if condition != 1]
    left = max(0, plan.answers - sum(FIRST_CONDITION_ANSWERS))
    for index, qid in enumerate(others):
        counts[qid] = left // len(others) + (1 if index < left % len(others) else 0)
    return counts


def _answers(connection, plan: Plan, questions, members, bodies) -> Landmarks:
    by_condition: dict[int, list[int]] = {}
    for member_id in members:
        by_condition.setdefault(condition_of_member(member_id, plan), []).append(member_id)
    counts = _answer_counts(plan, questions)
    approved = dict.fromkeys(members, 0)
    answers, reports, votes = [], [], []
    answer_id = itertools.count(1)
    report_id, vote_id = itertools.count(1), itertools.count(1)
    for qid, condition in questions:
        authors = by_condition[condition]
        if counts[qid] > len(authors):
            raise RuntimeError("Too few members for one answer each; raise Plan.members.")
        for n in range(counts[qid]):
            aid, author = next(answer_id), authors[n]
            approved[author] += 1
            voted = aid % VOTE_EVERY == 0
            answers.append(_answer_row(aid, qid, author, plan, bodies, helpful=int(voted)))
            reports.extend(_report_rows(report_id, aid, condition, plan.rng))
            if voted:
                voter = authors[(n + 1) % len(authors)]
                votes.append(
                    {"id": next(vote_id), "user_id": voter, "answer_id": aid, "created_at": START}
                )
        if len(answers) >= BATCH * 4:
            _flush(connection, answers, reports, votes)
    _flush(connection, answers, reports, votes)
    _set_counts(connection, counts, approved)
    first = questions[0][1]
    return Landmarks(questions[0][0], questions[1][0], questions[2][0], first, by_condition[first])


def _answer_row(aid, qid, author, plan: Plan, bodies, helpful: int) -> dict:
    body, html = bodies[aid % len(bodies)]
    when = START + timedelta(minutes=aid)
    return {
        "id": aid,
        "question_id": qid,
        "author_id": author,
        "body": body,
        "body_html": html,
        "status": "published",
        "is_anonymous": aid % 10 == 0,
        "visibility": "everyone",
        "perspective": "caregiver" if aid % 5 == 0 else "patient",
        "time_since_diagnosis": "3_to_5_years",
        "helpful_count": helpful,
        "version": 1,
        "created_at": when,
        "published_at": when,
        "edited_at": None,
    }


def _report_rows(report_id: Iterator[int], aid: int, condition: int, rng) -> list[dict]:
    first = (condition - 1) * TREATMENTS_PER_CONDITION + 1
    picked = rng.sample(range(TREATMENTS_PER_CONDITION), REPORTS_PER_ANSWER)
    return [
        {
            "id": next(report_id),
            "answer_id": aid,
            "treatment_id": first + t,
            "other_name": None,
            "position": position,
            "outcome": rng.choice(OUTCOMES),
            "side_effects": "",
            "still_using": None,
        }
        for position, t in enumerate(picked)
    ]


def _flush(connection, answers: list, reports: list, votes: list) -> None:
    insert(connection, "answers", answers)
    insert(connection, "treatment_reports", reports)
    insert(connection, "helpful_votes", votes)
    answers.clear()
    reports.clear()
    votes.clear()


def _set_counts(connection, counts: dict[int, int], approved: dict[int, int]) -> None:
    questions, users = table("questions"), table("users")
    connection.execute(
        questions.update()
        .where(questions.c.id == sa.bindparam("qid"))
        .values(answer_count=sa.bindparam("n")),
        [{"qid": qid, "n": n} for qid, n in counts.items()],
    )
    connection.execute(
        users.update()
        .where(users.c.id == sa.bindparam("uid"))
        .values(approved_answer_count=sa.bindparam("n")),
        [{"uid": uid, "n": n} for uid, n in approved.items() if n],
    )


def _fix_sequences(connection: sa.Connection) -> None:
    """Explicit ids leave PostgreSQL's sequences behind; move them past the highest id."""
    if connection.dialect.name != "postgresql":
        return
    for name in db.metadata.tables:
        if "id" in table(name).c:
            connection.execute(
                sa.text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {name}), 1))"
                )
            )
