"""A large, realistic forum in minutes, for every benchmark: bulk inserts straight into the
tables. `flask bench generate` fills the forum's own (empty) database with it; `make bench`
fills databases of its own.

Conditions, treatment vocabularies, questions with reviewed summaries, members with
memberships, answers with treatment reports, and helpful votes, with every denormalised count
set to what the rows say.

The first condition is the one measured: its questions have exactly 20, 200, 0, 50 and 50
answers, all published and public, whatever the total, so pages of the same size compare
across database sizes. The other conditions share the rest, with the variety a real forum has:
answers waiting for a moderator or hidden, shared with members only, posted anonymously.

Text is drawn from a small vocabulary with a Zipf-like spread, so some words are everywhere and
others rare, as in real writing, and a phrase is planted whole in a share of answers (the search
benchmark looks for both). Everything is seeded, each condition from its own seed: the same
plan makes the same database, and the measured condition reads the same at every size.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate

import sqlalchemy as sa
from werkzeug.security import generate_password_hash

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
VOCABULARY_TEXT = """
day pain week tired help sleep doctor walk legs muscle better worse morning night hospital
dose tablets started stopped side effects months years family work rest heat stretch spasms
appointment neurologist physio therapy exercise fatigue stiffness balance fall fell anxiety
calm breathing routine diary notes weather cold warm bath pool swim gentle slowly quickly
first second third every often sometimes rarely never always careful plan pace energy
budget spoons partner children friend carer support group online forum nurse clinic ward
scan blood test results change increase decrease reduce taper switch review letter referral
wheelchair stick frame splint brace cushion pillow mattress chair stairs shower kitchen car
drive bus train office home garden dog cat music reading podcast meditation yoga pilates
tai chi massage acupuncture heat pad ice pack cream patch injection infusion drip port line
baclofen diazepam gabapentin pregabalin clonazepam tizanidine immunoglobulin plasmapheresis
rituximab steroids prednisolone methotrexate azathioprine mycophenolate vitamin magnesium
iron folate omega diet sugar caffeine alcohol water salt protein fibre meals snacks appetite
weight nausea dizzy headache blurred vision tremor jerks startle cramps tingling numb burning
swelling rash itch dry mouth constipation bladder bowel sweating chills fever infection
flare relapse remission stable steady improving settled worried hopeful relieved frustrated
grateful angry scared lonely understood listened ignored believed dismissed diagnosed
"""
PHRASE = "muscle spasms"  # planted whole in a share of answers, for phrase searches
PHRASE_SHARE = 0.02
# The variety of the conditions not measured: shares of their answers.
UNPUBLISHED_SHARE = 0.05  # waiting for a moderator, or hidden
MEMBERS_ONLY_SHARE = 0.1
ANONYMOUS_SHARE = 0.1
OUTCOMES = ("helped_a_lot", "helped_somewhat", "no_change", "made_it_worse")
START = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass
class Plan:
    answers: int
    conditions: int = 4
    questions_per_condition: int = 5
    members: int = 50
    seed: int = 20261124

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

    def random_for(self, condition: int) -> random.Random:
        """Each condition draws from its own seed, so one condition's content does not depend
        on how many others there are."""
        return random.Random(f"{self.seed}/{condition}")


@dataclass(frozen=True)
class Words:
    """The vocabulary, most common first, with cumulative Zipf-like weights."""

    ranked: list[str]
    weights: list[float]

    @classmethod
    def shuffled(cls, seed: int) -> Words:
        ranked = list(dict.fromkeys(VOCABULARY_TEXT.split()))
        random.Random(seed).shuffle(ranked)
        return cls(ranked, list(accumulate(1 / rank for rank in range(1, len(ranked) + 1))))

    def text(self, rng: random.Random, length: int) -> str:
        """LENGTH words in sentences of 6 to 14."""
        chosen = rng.choices(self.ranked, cum_weights=self.weights, k=length)
        sentences, at = [], 0
        while at < length:
            size = rng.randint(6, 14)
            sentence = " ".join(chosen[at : at + size])
            sentences.append(sentence[:1].upper() + sentence[1:] + ".")
            at += size
        return " ".join(sentences)


@dataclass(frozen=True)
class Generated:
    """What was made: the fixed-size pages a benchmark measures, and what a search looks for."""

    small_question_id: int
    large_question_id: int
    empty_question_id: int
    condition_id: int  # the measured condition
    member_ids: list[int]  # the measured condition's members
    answers: int
    published: int
    condition_ids: list[int]
    words: list[str]  # the vocabulary, most common first

    def rare_word(self, rank: int = 200) -> str:
        return self.words[min(rank, len(self.words) - 1)]


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


def generate(connection: sa.Connection, plan: Plan) -> Generated:
    """Fill an empty database; return what was made."""
    for name in ("users", "answers"):
        if connection.execute(sa.select(sa.func.count()).select_from(table(name))).scalar():
            raise RuntimeError("The benchmark generator needs an empty database.")
    words = Words.shuffled(plan.seed)
    members = _members(connection, plan)
    _conditions_and_treatments(connection, plan, members)
    questions = _questions_and_summaries(connection, plan, words)
    made = _answers(connection, plan, questions, members, words)
    _fix_sequences(connection)
    if connection.dialect.name == "postgresql":
        # As autovacuum soon would: without statistics the planner's choices are not the ones
        # a running forum gets.
        connection.execute(sa.text("ANALYZE"))
    return made


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


def _questions_and_summaries(connection, plan: Plan, words: Words) -> list[tuple[int, int]]:
    """(question id, condition id) for every question, each with a published summary."""
    questions, titles, summaries = [], {}, {}
    for condition in range(1, plan.conditions + 1):
        rng = plan.random_for(condition)
        for _ in range(plan.questions_in(condition)):
            qid = len(questions) + 1
            questions.append((qid, condition))
            titles[qid] = f"What helps with {' and '.join(rng.sample(words.ranked[:60], 2))}?"
            summaries[qid] = (words.text(rng, 14), words.text(rng, 120))
    insert(
        connection,
        "questions",
        (
            {
                "id": qid,
                "condition_id": c,
                "title": f"{titles[qid]} ({qid})",
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
    insert(
        connection,
        "summaries",
        (
            {"id": qid, "question_id": qid, "created_at": START, "next_review_due": None}
            for qid, _ in questions
        ),
    )
    insert(
        connection, "summary_revisions", (_revision(qid, *summaries[qid]) for qid, _ in questions)
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
    _claims(connection, questions, summaries)
    return questions


def _claims(connection, questions, summaries) -> None:
    """Every summary marks its opening words as naming two of its condition's treatments, so the
    page is measured with the panel of members' reports beside a claim."""
    insert(
        connection,
        "summary_claims",
        (
            {
                "id": qid,
                "summary_id": qid,
                "passage": " ".join(summaries[qid][1].split()[:6]),
                "position": 0,
                "created_by_id": 1,
                "created_at": START,
            }
            for qid, _ in questions
        ),
    )
    insert(
        connection,
        "summary_claim_treatments",
        (
            {"claim_id": qid, "treatment_id": (c - 1) * TREATMENTS_PER_CONDITION + t + 1}
            for qid, c in questions
            for t in range(2)
        ),
    )


def _revision(qid: int, short_answer: str, body: str) -> dict:
    return {
        "id": qid,
        "summary_id": qid,
        "number": 1,
        "status": "published",
        "short_answer": short_answer,
        "body": body,
        "body_html": _paragraph(body),
        "key_points": "",
        "change_note": "",
        "review_comments": "",
        "writer_id": 1,
        "reviewer_id": 1,
        "created_at": START,
        "reviewed_at": START,
        "published_at": START,
    }


def _paragraph(text: str) -> str:
    # What forum.content.render_markdown makes of plain words, without its cost per row.
    return f"<p>{text}</p>\n"


def _answer_counts(plan: Plan, questions) -> dict[int, int]:
    """Fixed counts in the first condition; the other conditions share what is left."""
    first = [qid for qid, condition in questions if condition == 1]
    counts = dict(zip(first, FIRST_CONDITION_ANSWERS, strict=True))
    others = [qid for qid, condition in questions if condition != 1]
    left = max(0, plan.answers - sum(FIRST_CONDITION_ANSWERS))
    for index, qid in enumerate(others):
        counts[qid] = left // len(others) + (1 if index < left % len(others) else 0)
    return counts


@dataclass
class _Rows:
    """Rows waiting for their batch insert, and the counts the answers move."""

    answers: list[dict] = field(default_factory=list)
    reports: list[dict] = field(default_factory=list)
    votes: list[dict] = field(default_factory=list)
    published: dict[int, int] = field(default_factory=dict)  # by question
    approved: dict[int, int] = field(default_factory=dict)  # by author
    report_ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    vote_ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def flush(self, connection: sa.Connection) -> None:
        insert(connection, "answers", self.answers)
        insert(connection, "treatment_reports", self.reports)
        insert(connection, "helpful_votes", self.votes)
        self.answers.clear()
        self.reports.clear()
        self.votes.clear()


def _answers(connection, plan: Plan, questions, members, words: Words) -> Generated:
    by_condition: dict[int, list[int]] = {}
    for member_id in members:
        by_condition.setdefault(condition_of_member(member_id, plan), []).append(member_id)
    counts = _answer_counts(plan, questions)
    rows = _Rows()
    answer_ids = itertools.count(1)
    rngs = {c: plan.random_for(c) for c in by_condition}
    for qid, condition in questions:
        authors, rng = by_condition[condition], rngs[condition]
        if counts[qid] > len(authors):
            raise RuntimeError("Too few members for one answer each; raise Plan.members.")
        for n in range(counts[qid]):
            aid, author = next(answer_ids), authors[n]
            answer = _answer_row(aid, qid, author, rng, words, measured=condition == 1)
            rows.answers.append(answer)
            rows.reports.extend(_report_rows(rows.report_ids, aid, condition, rng))
            if answer["status"] == "published":
                rows.published[qid] = rows.published.get(qid, 0) + 1
                rows.approved[author] = rows.approved.get(author, 0) + 1
                if aid % VOTE_EVERY == 0:
                    answer["helpful_count"] = 1
                    voter = authors[(n + 1) % len(authors)]
                    rows.votes.append(
                        {"id": next(rows.vote_ids), "user_id": voter, "answer_id": aid,
                         "created_at": START}
                    )  # fmt: skip
        if len(rows.answers) >= BATCH * 4:
            rows.flush(connection)
    rows.flush(connection)
    _set_counts(connection, rows.published, rows.approved)
    first = questions[0][1]
    return Generated(
        small_question_id=questions[0][0],
        large_question_id=questions[1][0],
        empty_question_id=questions[2][0],
        condition_id=first,
        member_ids=by_condition[first],
        answers=sum(counts.values()),
        published=sum(rows.published.values()),
        condition_ids=list(range(1, plan.conditions + 1)),
        words=words.ranked,
    )


def _answer_row(aid, qid, author, rng: random.Random, words: Words, measured: bool) -> dict:
    """An answer; those of the measured condition all published, public and signed."""
    body = words.text(rng, rng.randint(25, 90))
    if rng.random() < PHRASE_SHARE:
        body = f"{body} My {PHRASE} eased."
    status, visibility, anonymous = "published", "everyone", aid % 10 == 0
    if not measured:
        if rng.random() < UNPUBLISHED_SHARE:
            status = rng.choice(("pending", "hidden"))
        if rng.random() < MEMBERS_ONLY_SHARE:
            visibility = "members"
        anonymous = rng.random() < ANONYMOUS_SHARE
    when = START + timedelta(minutes=aid)
    return {
        "id": aid,
        "question_id": qid,
        "author_id": author,
        "body": body,
        "body_html": _paragraph(body),
        "status": status,
        "is_anonymous": anonymous,
        "visibility": visibility,
        "perspective": "caregiver" if aid % 5 == 0 else "patient",
        "time_since_diagnosis": "3_to_5_years",
        "helpful_count": 0,
        "version": 1,
        "created_at": when,
        "published_at": when if status == "published" else None,
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


def _set_counts(connection, published: dict[int, int], approved: dict[int, int]) -> None:
    _set_column(connection, "questions", "answer_count", published)
    _set_column(connection, "users", "approved_answer_count", approved)


def _set_column(connection, name: str, column: str, values: dict[int, int]) -> None:
    """Set COLUMN of each row of table NAME whose id is in VALUES, in one executemany."""
    if values:
        rows = table(name)
        connection.execute(
            rows.update().where(rows.c.id == sa.bindparam("row_id")),
            [{"row_id": row_id, column: value} for row_id, value in values.items()],
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
