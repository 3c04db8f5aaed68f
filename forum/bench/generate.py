"""Synthetic forum content in bulk, for benchmarks: conditions, treatments, questions with
published summaries, members, and as many answers as asked for.

Rows go in with multi-row INSERTs in batches, never one ORM object at a time, so a hundred
thousand answers take seconds. Text comes from a small vocabulary drawn with a Zipf-like
spread, so some words are everywhere and others rare, as in real writing. Everything is seeded:
the same arguments make the same database.

    with app.app_context():
        db.create_all()
        made = generate(100_000)
        index.rebuild(); db.session.commit()   # if the benchmark needs search

Call it on an empty database inside an app context; it commits as it goes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from sqlalchemy import func, insert, select, update

from forum.accounts.models import Role, User
from forum.answers.models import Answer, AnswerStatus, Outcome, TreatmentReport, Visibility
from forum.conditions.models import Condition, Membership, Perspective, Treatment
from forum.database import db
from forum.questions.models import Question
from forum.summaries.models import ReviewerProfile, RevisionStatus, Summary, SummaryRevision

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
VOCABULARY = list(dict.fromkeys(VOCABULARY_TEXT.split()))
PHRASE = "muscle spasms"  # planted whole in a share of answers, for phrase queries
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
FAKE_HASH = "bench-not-a-password-hash"


@dataclass(frozen=True)
class Generated:
    conditions: list[int]
    questions: list[int]
    answers: int
    published: int
    words: list[str] = field(default_factory=list)  # the vocabulary, most common first

    @property
    def common_word(self) -> str:
        return self.words[0]

    def rare_word(self, rank: int = 200) -> str:
        return self.words[min(rank, len(self.words) - 1)]


def generate(
    answers: int,
    *,
    conditions: int = 4,
    questions_per_condition: int = 25,
    treatments_per_condition: int = 8,
    seed: int = 20261124,
    batch: int = 5_000,
    members_only_share: float = 0.1,
    unpublished_share: float = 0.05,
    anonymous_share: float = 0.15,
    phrase_share: float = 0.02,
) -> Generated:
    """Insert `answers` answers spread evenly over conditions × questions_per_condition
    questions, each by a different member of that question (one answer per member per
    question holds). Returns the ids made and the vocabulary in frequency order."""
    rng = random.Random(seed)
    words = list(VOCABULARY)
    rng.shuffle(words)
    weights = list(accumulate(1 / rank for rank in range(1, len(words) + 1)))
    condition_ids = _conditions(conditions)
    treatments = _treatments(condition_ids, treatments_per_condition)
    reviewer_id = _reviewer()
    question_ids, question_condition = _questions(
        condition_ids, questions_per_condition, rng, words
    )
    _summaries(question_ids, reviewer_id, rng, words, weights)
    members = -(-answers // len(question_ids))  # ceiling: authors per question
    member_ids = _members(members, condition_ids)

    published = 0
    for start in range(0, answers, batch):
        rows, reports = [], []
        for number in range(start, min(start + batch, answers)):
            question_id = question_ids[number % len(question_ids)]
            status = (
                AnswerStatus.PUBLISHED
                if rng.random() >= unpublished_share
                else rng.choice((AnswerStatus.PENDING, AnswerStatus.HIDDEN))
            )
            published += status is AnswerStatus.PUBLISHED
            body = _text(rng, words, weights, rng.randint(25, 90))
            if rng.random() < phrase_share:
                body = f"{body} My {PHRASE} eased."
            created = EPOCH - timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
            rows.append(
                {
                    "question_id": question_id,
                    "author_id": member_ids[number // len(question_ids)],
                    "body": body,
                    "body_html": f"<p>{body}</p>\n",
                    "status": status,
                    "is_anonymous": rng.random() < anonymous_share,
                    "visibility": (
                        Visibility.MEMBERS
                        if rng.random() < members_only_share
                        else Visibility.EVERYONE
                    ),
                    "perspective": Perspective.PATIENT,
                    "helpful_count": rng.randint(0, 20),
                    "created_at": created,
                    "published_at": created if status is AnswerStatus.PUBLISHED else None,
                }
            )
        ids = _insert_returning_ids(Answer, rows)
        for answer_id, row in zip(ids, rows, strict=True):
            choices = treatments[question_condition[row["question_id"]]]
            for position, treatment_id in enumerate(rng.sample(choices, rng.randint(0, 2))):
                reports.append(
                    {
                        "answer_id": answer_id,
                        "treatment_id": treatment_id,
                        "position": position,
                        "outcome": rng.choice(list(Outcome)),
                        "side_effects": "",
                    }
                )
        if reports:
            db.session.execute(insert(TreatmentReport), reports)
        db.session.commit()
    _count_answers(question_ids)
    return Generated(condition_ids, question_ids, answers, published, words)


def _text(rng: random.Random, words: list[str], weights: list[float], length: int) -> str:
    chosen = rng.choices(words, cum_weights=weights, k=length)
    sentences, at = [], 0
    while at < length:
        size = rng.randint(6, 14)
        sentence = " ".join(chosen[at : at + size])
        sentences.append(sentence[:1].upper() + sentence[1:] + ".")
        at += size
    return " ".join(sentences)


def _insert_returning_ids(model, rows: list[dict]) -> list[int]:
    """Bulk insert, then read the new ids back in insertion order (both databases)."""
    before = db.session.scalar(select(func.max(model.id))) or 0
    db.session.execute(insert(model), rows)
    ids = list(db.session.scalars(select(model.id).where(model.id > before).order_by(model.id)))
    assert len(ids) == len(rows), "the benchmark database must not be written to meanwhile"
    return ids


def _conditions(count: int) -> list[int]:
    rows = [
        {"name": f"Bench condition {n}", "slug": f"bench-condition-{n}", "position": n}
        for n in range(1, count + 1)
    ]
    return _insert_returning_ids(Condition, rows)


def _treatments(condition_ids: list[int], count: int) -> dict[int, list[int]]:
    names = ("Baclofen", "Diazepam", "Gabapentin", "Physiotherapy", "Hydrotherapy", "Yoga",
             "Immunoglobulin", "Pacing", "Heat pads", "Massage", "Tizanidine",
             "Meditation")  # fmt: skip
    made: dict[int, list[int]] = {}
    for condition_id in condition_ids:
        rows = [
            {"condition_id": condition_id, "name": name, "slug": name.lower().replace(" ", "-"),
             "position": position}
            for position, name in enumerate(names[:count])
        ]  # fmt: skip
        made[condition_id] = _insert_returning_ids(Treatment, rows)
    return made


def _reviewer() -> int:
    (user_id,) = _insert_returning_ids(User, [_user("bench-reviewer", Role.REVIEWER)])
    db.session.execute(
        insert(ReviewerProfile),
        [{"user_id": user_id, "full_name": "Dr Bench Reviewer", "credentials": "MD",
          "verified_at": EPOCH}],
    )  # fmt: skip
    return user_id


def _user(name: str, role: Role = Role.MEMBER) -> dict:
    return {
        "email": f"{name}@bench.invalid",
        "display_name": name,
        "display_name_key": name,
        "password_hash": FAKE_HASH,
        "role": role,
        "email_verified_at": EPOCH,
    }


def _members(count: int, condition_ids: list[int]) -> list[int]:
    ids: list[int] = []
    for start in range(0, count, 5_000):
        rows = [_user(f"bench{n}") for n in range(start, min(start + 5_000, count))]
        ids += _insert_returning_ids(User, rows)
    memberships = [
        {"user_id": user_id, "condition_id": condition_id}
        for condition_id in condition_ids
        for user_id in ids
    ]
    for start in range(0, len(memberships), 5_000):
        db.session.execute(insert(Membership), memberships[start : start + 5_000])
    db.session.execute(update(Condition).values(member_count=len(ids)))
    db.session.commit()
    return ids


def _questions(
    condition_ids: list[int], per_condition: int, rng: random.Random, words: list[str]
) -> tuple[list[int], dict[int, int]]:
    rows = []
    for condition_id in condition_ids:
        for position in range(per_condition):
            topic = " and ".join(rng.sample(words[:60], 2))
            rows.append(
                {
                    "condition_id": condition_id,
                    "title": f"What helps with {topic}? ({position + 1})",
                    "slug": f"question-{position + 1}",
                    "position": position,
                    "created_at": EPOCH - timedelta(days=1000),
                    "last_activity_at": EPOCH,
                }
            )
    ids = _insert_returning_ids(Question, rows)
    db.session.execute(update(Condition).values(question_count=per_condition))
    return ids, {i: row["condition_id"] for i, row in zip(ids, rows, strict=True)}


def _summaries(
    question_ids: list[int], reviewer_id: int, rng, words: list[str], weights: list[float]
) -> None:
    summary_ids = _insert_returning_ids(Summary, [{"question_id": i} for i in question_ids])
    rows = []
    for summary_id in summary_ids:
        body = _text(rng, words, weights, 120)
        rows.append(
            {
                "summary_id": summary_id,
                "number": 1,
                "status": RevisionStatus.PUBLISHED,
                "short_answer": _text(rng, words, weights, 14),
                "body": body,
                "body_html": f"<p>{body}</p>\n",
                "writer_id": reviewer_id,
                "reviewer_id": reviewer_id,
                "reviewed_at": EPOCH,
                "published_at": EPOCH,
            }
        )
    db.session.execute(insert(SummaryRevision), rows)
    db.session.commit()


def _count_answers(question_ids: list[int]) -> None:
    counts = db.session.execute(
        select(Answer.question_id, func.count())
        .where(Answer.status == AnswerStatus.PUBLISHED)
        .group_by(Answer.question_id)
    ).all()
    for question_id, count in counts:
        db.session.execute(
            update(Question).where(Question.id == question_id).values(answer_count=count)
        )
    db.session.commit()
    assert question_ids
