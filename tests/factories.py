"""Small builders for test data, each committing what it makes."""

from __future__ import annotations

import itertools
from datetime import timedelta

from werkzeug.security import generate_password_hash

from forum.accounts.models import Role, User, display_name_key
from forum.answers.models import Answer, AnswerStatus, Outcome, TreatmentReport
from forum.conditions.models import Condition, Membership, Perspective, SideEffect, Treatment
from forum.content import render_markdown
from forum.database import db, utcnow
from forum.questions.models import Question
from forum.reviewer_notes.models import ReviewerNote, ReviewerNoteRevision
from forum.summaries.models import (
    ReviewerProfile,
    RevisionStatus,
    Summary,
    SummaryReference,
    SummaryRevision,
)

PASSWORD = "correct horse battery staple"
PASSWORD_HASH = generate_password_hash(PASSWORD)  # hashing is slow: once per run

_numbers = itertools.count(1)


class Factory:
    def user(self, role: Role = Role.MEMBER, **fields) -> User:
        n = next(_numbers)
        name = fields.pop("display_name", f"member{n}")
        user = User(
            email=fields.pop("email", f"member{n}@example.com"),
            display_name=name,
            display_name_key=display_name_key(name),
            password_hash=PASSWORD_HASH,
            role=role,
            email_verified_at=fields.pop("email_verified_at", utcnow()),
            **fields,
        )
        return self._save(user)

    def condition(self, name: str | None = None, **fields) -> Condition:
        n = next(_numbers)
        name = name or f"Condition {n}"
        slug = fields.pop("slug", f"condition-{n}")
        return self._save(Condition(name=name, slug=slug, description=f"About {name}.", **fields))

    def membership(self, user: User, condition: Condition, **fields) -> Membership:
        membership = self._add(Membership(user=user, condition=condition, **fields))
        condition.member_count += 1
        return self._save(membership)

    def question(self, condition: Condition | None = None, **fields) -> Question:
        n = next(_numbers)
        condition = condition or self.condition()
        title = fields.pop("title", f"What helps with symptom {n}?")
        question = self._add(
            Question(
                condition=condition, title=title, slug=fields.pop("slug", f"symptom-{n}"), **fields
            )
        )
        condition.question_count += 1
        return self._save(question)

    def treatment(self, condition: Condition, name: str | None = None, **fields) -> Treatment:
        n = next(_numbers)
        name = name or f"Treatment {n}"
        return self._save(
            Treatment(condition=condition, name=name, slug=f"treatment-{n}", **fields)
        )

    def side_effect(self, condition: Condition, name: str | None = None) -> SideEffect:
        n = next(_numbers)
        name = name or f"Side effect {n}"
        return self._save(SideEffect(condition=condition, name=name, slug=f"side-effect-{n}"))

    def answer(
        self,
        question: Question,
        author: User | None = None,
        body: str = "Rest days and gentle stretching helped me more than I expected.",
        status: AnswerStatus = AnswerStatus.PUBLISHED,
        treatments: list[tuple[Treatment, Outcome]] = (),
        **fields,
    ) -> Answer:
        author = author or self.user()
        answer = self._add(
            Answer(
                question=question,
                author=author,
                body=body,
                body_html=render_markdown(body),
                status=status,
                perspective=fields.pop("perspective", Perspective.PATIENT),
                published_at=fields.pop("published_at", utcnow()),
                **fields,
            )
        )
        for position, (treatment, outcome) in enumerate(treatments):
            answer.treatment_reports.append(
                TreatmentReport(treatment=treatment, outcome=outcome, position=position)
            )
        if status is AnswerStatus.PUBLISHED:
            question.answer_count += 1
        return self._save(answer)

    def reviewer(self, full_name: str = "Dr Rae Example", **fields) -> User:
        reviewer = self.user(role=Role.REVIEWER)
        profile = ReviewerProfile(
            user=reviewer,
            full_name=full_name,
            credentials=fields.pop("credentials", "MD"),
            specialty=fields.pop("specialty", "neurology"),
            verified_at=utcnow(),
        )
        self._save(profile)
        return reviewer

    def reviewer_note(self, answer: Answer, reviewer: User | None = None, **fields) -> ReviewerNote:
        """A note shown under ANSWER, signed by REVIEWER, with its first version kept."""
        reviewer = reviewer or self.reviewer()
        content = {
            "body": fields.pop(
                "body", "Doses like this are above the usual range; talk to your neurologist."
            ),
            "source_title": fields.pop("source_title", "Example Clinical Guideline, 2025"),
            "source_url": fields.pop("source_url", "https://example.org/guideline"),
        }
        note = self._add(ReviewerNote(answer=answer, author=reviewer, **content, **fields))
        note.revisions.append(ReviewerNoteRevision(number=1, editor=reviewer, **content))
        answer.version += 1  # as the service does: kept cards are drawn again
        return self._save(note)

    def published_summary(
        self, question: Question, reviewer: User | None = None, **fields
    ) -> SummaryRevision:
        reviewer = reviewer or self.reviewer()
        summary = question.summary or self._add(Summary(question=question))
        number = len(summary.revisions) + 1
        published_at = fields.pop("published_at", utcnow() - timedelta(days=10))
        body = fields.pop("body", "Treatment usually combines **medicine** and therapy.")
        revision = self._add(
            SummaryRevision(
                summary=summary,
                number=number,
                status=RevisionStatus.PUBLISHED,
                short_answer=fields.pop("short_answer", "Several treatments can ease symptoms."),
                body=body,
                body_html=render_markdown(body),
                reviewer=reviewer,
                reviewed_at=published_at,
                published_at=published_at,
                **fields,
            )
        )
        revision.references.append(
            SummaryReference(title="An overview for patients", url="https://example.org/overview",
                             publisher="Example Health Institute", year=2025, position=0)
        )  # fmt: skip
        return self._save(revision)

    @staticmethod
    def _add(row):
        db.session.add(row)
        return row

    @staticmethod
    def _save(row):
        db.session.add(row)
        db.session.commit()
        return row
