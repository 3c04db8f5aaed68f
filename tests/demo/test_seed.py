"""The demo seed: complete, idempotent, with denormalised counts that match the rows."""

from __future__ import annotations

import html
import sqlite3
from copy import deepcopy as copy_of
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from werkzeug.security import check_password_hash

import forum.models  # noqa: F401 - every table exists for create_all
from forum.accounts.models import Role, User
from forum.answers.models import Answer, AnswerStatus, HelpfulVote, Outcome, TreatmentReport
from forum.audit.models import MemberNotice, ModerationAction
from forum.conditions.models import Condition, Membership, Treatment
from forum.core.slugs import slugify
from forum.database import db
from forum.flags.models import Flag, FlagReason, FlagStatus
from forum.questions.models import Question, QuestionStatus
from forum.summaries.models import (
    ReviewerProfile,
    RevisionStatus,
    Summary,
    SummaryReference,
    SummaryRevision,
)
from tests.conftest import on_postgres
from tools.demo import data
from tools.demo.cli import seed_demo_command
from tools.demo.compose import sentence_count
from tools.demo.moderation import NEWCOMERS
from tools.demo.seed import DemoSeedError, SeedReport, seed_demo

PASSWORD = "demo-password-for-tests"
DEMO_ROLES = {
    "member@demo.example": Role.MEMBER,
    "second.member@demo.example": Role.MEMBER,
    "moderator@demo.example": Role.MODERATOR,
    "reviewer@demo.example": Role.REVIEWER,
    "second.reviewer@demo.example": Role.REVIEWER,
    "admin@demo.example": Role.ADMIN,
}
SEEDED_MODELS = (
    User,
    Condition,
    Treatment,
    Membership,
    Question,
    Summary,
    SummaryRevision,
    SummaryReference,
    ReviewerProfile,
    Answer,
    TreatmentReport,
    HelpfulVote,
    Flag,
    ModerationAction,
    MemberNotice,
)


@pytest.fixture
def seeded(app):
    """The demo content, seeded through seed_demo. Seeding takes a second or more (it hashes
    passwords and writes thousands of rows), so on SQLite the first test's seeded database is
    copied aside and each later test starts from that copy (SQLite's backup API), an exact copy
    of what seeding made."""
    if on_postgres():
        report = seed_demo(PASSWORD)
        db.session.commit()
        return report
    if not _SEEDED:
        report = seed_demo(PASSWORD)
        db.session.commit()
        copy = sqlite3.connect(":memory:")
        _backup(into=copy)
        _SEEDED.append((copy, report))
        return report
    copy, report = _SEEDED[0]
    _backup(source=copy)
    return copy_of(report)


_SEEDED: list[tuple[sqlite3.Connection, SeedReport]] = []


def _backup(into: sqlite3.Connection | None = None, source: sqlite3.Connection | None = None):
    """Copy the test's database INTO a connection, or SOURCE's database into the test's."""
    pooled = db.engine.raw_connection()  # the in-memory database's one connection
    try:
        if into is not None:
            pooled.driver_connection.backup(into)
        else:
            source.backup(pooled.driver_connection)
    finally:
        pooled.close()


def row_counts() -> dict[str, int]:
    return {
        model.__name__: db.session.scalar(select(func.count()).select_from(model))
        for model in SEEDED_MODELS
    }


def all_of(model) -> list:
    return list(db.session.scalars(select(model)))


def count(query) -> int:
    return db.session.scalar(select(func.count()).select_from(query.subquery()))


def demo_user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def test_seeding_twice_creates_nothing_new(seeded):
    before = row_counts()

    again = seed_demo(None)
    db.session.commit()

    assert row_counts() == before
    assert not again.created_anything
    assert again.present == seeded.created
    assert all(account.password is None for account in again.accounts)


def test_seeding_does_not_commit_by_itself(app):
    seed_demo(PASSWORD)
    db.session.rollback()

    assert set(row_counts().values()) == {0}


def test_every_denormalised_count_matches_a_recount(seeded):
    for condition in all_of(Condition):
        members = select(Membership).where(Membership.condition_id == condition.id)
        visible = select(Question).where(
            Question.condition_id == condition.id, Question.status != QuestionStatus.HIDDEN
        )
        assert condition.member_count == count(members) > 0
        assert condition.question_count == count(visible)
    for question in all_of(Question):
        published = [answer for answer in question.answers if answer.is_published]
        assert question.answer_count == len(published)
        assert question.last_activity_at == max(answer.published_at for answer in published)
    for answer in all_of(Answer):
        votes = select(HelpfulVote).where(HelpfulVote.answer_id == answer.id)
        assert answer.helpful_count == count(votes)
    for user in all_of(User):
        approved = select(Answer).where(
            Answer.author_id == user.id, Answer.status == AnswerStatus.PUBLISHED
        )
        assert user.approved_answer_count == count(approved)


def test_helpful_votes_are_real_and_never_the_authors_own(seeded):
    votes = all_of(HelpfulVote)
    assert len(votes) > 0
    for vote in votes:
        answer = db.session.get(Answer, vote.answer_id)
        assert vote.user_id != answer.author_id
        assert vote.created_at >= answer.published_at


def test_every_question_has_a_published_reviewed_summary_with_references(seeded):
    reviewer = demo_user("reviewer@demo.example")
    for question in all_of(Question):
        assert question.summary is not None, question.slug
        (revision,) = question.summary.revisions
        assert revision.status is RevisionStatus.PUBLISHED
        assert revision.number == 1
        assert revision.reviewer == reviewer
        assert revision.writer is not None
        assert revision.reviewed_at <= revision.published_at
        assert question.summary.next_review_due == revision.reviewed_at.date() + timedelta(365)
        assert revision.short_answer
        assert "Demo content" in revision.body
        assert "Demo content" in revision.body_html
        assert len(revision.key_point_list) >= 2
        assert 2 <= len(revision.references) <= 4
        assert all(ref.url.startswith("https://") and ref.publisher for ref in revision.references)


def test_the_demo_reviewer_has_a_verified_profile_marked_as_demo(seeded):
    profile = db.session.scalar(
        select(ReviewerProfile).where(
            ReviewerProfile.user_id == demo_user("reviewer@demo.example").id
        )
    )
    assert "(demo)" in profile.full_name
    assert profile.credentials == "MD"
    assert profile.specialty == "neurology"
    assert profile.verified_at is not None


def test_each_question_has_between_3_and_12_answers(seeded):
    for question in all_of(Question):
        assert 3 <= len(question.answers) <= 12, question.slug


def test_answers_are_two_to_five_sentences_published_unless_a_newcomer_s(seeded):
    newcomers = {newcomer.email for newcomer in NEWCOMERS}
    for answer in all_of(Answer):
        assert 2 <= sentence_count(answer.body) <= 5, answer.body
        assert "{" not in answer.body, answer.body
        if answer.author.email in newcomers:
            assert answer.status is AnswerStatus.PENDING  # waiting in the moderation queue
            continue
        assert answer.status is AnswerStatus.PUBLISHED
        assert answer.published_at is not None
        assert answer.created_at <= answer.published_at


def test_the_moderation_queue_has_waiting_answers_and_open_reports(seeded):
    waiting = [answer for answer in all_of(Answer) if answer.status is AnswerStatus.PENDING]
    assert len(waiting) == len(NEWCOMERS)
    flags = all_of(Flag)
    assert len(flags) >= 3 and {flag.status for flag in flags} == {FlagStatus.OPEN}
    assert FlagReason.AT_RISK in {flag.reason for flag in flags}
    for flag in flags:
        assert flag.answer.is_published and flag.reporter_id != flag.answer.author_id
        assert flag.answer.author.email not in DEMO_ROLES  # people sign in with those
    assert len([e for e in all_of(ModerationAction) if e.action == "answer_held"]) == len(waiting)


def test_answer_authors_belong_to_the_question_s_community(seeded):
    for answer in all_of(Answer):
        membership = db.session.scalar(
            select(Membership).where(
                Membership.user_id == answer.author_id,
                Membership.condition_id == answer.question.condition_id,
            )
        )
        assert membership is not None
        assert answer.perspective is membership.relation


def test_each_condition_has_at_least_five_questions(seeded):
    conditions = all_of(Condition)
    assert len(conditions) >= 4
    assert "stiff-person-syndrome" in {condition.slug for condition in conditions}
    for condition in conditions:
        assert len(condition.questions) >= 5
        assert 6 <= len(condition.treatments) <= 10
        assert condition.description.startswith("Demo content")


def test_the_treatments_question_is_asked_for_every_condition(seeded):
    for condition in all_of(Condition):
        titles = [question.title for question in condition.questions]
        assert any(title.startswith("What are the primary treatments for") for title in titles)


def test_at_least_twenty_verified_demo_members_with_memberships(seeded):
    members = [
        user
        for user in all_of(User)
        if user.email.endswith("@demo.example") and user.role is Role.MEMBER
    ]
    assert len(members) >= 20
    for member in members:
        assert member.email_verified_at is not None
        memberships = select(Membership).where(Membership.user_id == member.id)
        assert count(memberships) >= 1


def test_every_outcome_appears_in_the_treatment_reports(seeded):
    outcomes = {report.outcome for report in all_of(TreatmentReport)}
    assert outcomes == set(Outcome)


def test_answers_vary_in_anonymity_and_perspective(seeded):
    answers = all_of(Answer)
    assert {answer.is_anonymous for answer in answers} == {True, False}
    assert len({answer.perspective for answer in answers}) == 2
    assert len({answer.time_since_diagnosis for answer in answers}) >= 4


def test_all_six_demo_accounts_exist_with_their_roles(seeded):
    for email, role in DEMO_ROLES.items():
        user = demo_user(email)
        assert user is not None, email
        assert user.role is role
        assert user.is_email_verified
        assert check_password_hash(user.password_hash, PASSWORD)


def test_both_demo_members_join_sps_and_one_can_still_answer_its_treatments_question(seeded):
    sps = db.session.scalar(select(Condition).where(Condition.slug == "stiff-person-syndrome"))
    treatments_question = next(
        q for q in sps.questions if q.title.startswith("What are the primary treatments")
    )
    member = demo_user("member@demo.example")
    for email in ("member@demo.example", "second.member@demo.example"):
        joined = select(Membership).where(
            Membership.user_id == demo_user(email).id, Membership.condition_id == sps.id
        )
        assert count(joined) == 1
    assert member.id not in {answer.author_id for answer in treatments_question.answers}


def test_seed_refuses_an_empty_password(app):
    with pytest.raises(DemoSeedError, match="empty"):
        seed_demo("  ")


def test_cli_password_sets_the_demo_passwords_and_lists_each_account(app, seeded):
    result = app.test_cli_runner().invoke(seed_demo_command, ["--password", "a-new-password"])

    assert result.exit_code == 0, result.output
    for email, role in DEMO_ROLES.items():
        user = demo_user(email)
        db.session.refresh(user)
        assert check_password_hash(user.password_hash, "a-new-password")
        line = next(line for line in result.output.splitlines() if email in line.split())
        assert role.value in line
        assert "a-new-password" in line
    assert "already present" in result.output


def test_cli_only_changes_the_six_demo_accounts_passwords(app, seeded):
    community_member = demo_user(data.COMMUNITY_MEMBERS[0].email)
    old_hash = community_member.password_hash

    app.test_cli_runner().invoke(seed_demo_command, ["--password", "a-new-password"])

    db.session.refresh(community_member)
    assert community_member.password_hash == old_hash


def test_cli_without_password_keeps_existing_passwords(app, seeded):
    result = app.test_cli_runner().invoke(seed_demo_command, [])

    assert result.exit_code == 0, result.output
    assert "unchanged" in result.output
    for email in DEMO_ROLES:
        user = demo_user(email)
        db.session.refresh(user)
        assert check_password_hash(user.password_hash, PASSWORD)


def test_cli_first_run_prints_a_generated_password_that_works(app):
    result = app.test_cli_runner().invoke(seed_demo_command, [])

    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if "admin@demo.example" in line)
    password = line.split()[-1]
    assert len(password) >= 16
    assert check_password_hash(demo_user("admin@demo.example").password_hash, password)
    assert "conditions: 4 created" in result.output


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Stiff Person Syndrome", "stiff-person-syndrome"),
        ("What are the primary treatments for POTS?", "what-are-the-primary-treatments-for-pots"),
        ("Sjögren's  syndrome — école", "sjogrens-syndrome-ecole"),
        ("  --Hello, World!--  ", "hello-world"),
        ("", ""),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_slugify_cuts_long_text_at_a_word_boundary():
    slug = slugify("word " * 40)
    assert len(slug) <= 80
    assert not slug.endswith("-")
    assert set(slug.split("-")) == {"word"}


def test_if_empty_leaves_a_database_with_content_alone(app, make):
    make.condition("A condition added by an admin")
    result = app.test_cli_runner().invoke(seed_demo_command, ["--if-empty"])
    assert result.exit_code == 0, result.output
    assert "demo content not added" in result.output
    assert db.session.scalar(select(func.count()).select_from(Question)) == 0


def test_if_empty_seeds_an_empty_database(app):
    result = app.test_cli_runner().invoke(seed_demo_command, ["--if-empty"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(func.count()).select_from(Question)) >= 20


def test_the_demo_reviewers_can_try_the_four_eyes_workflow(app, seeded):
    """One demo reviewer writes and submits a draft; the other sees the Publish form and uses it."""
    writer, publisher = (
        demo_user("reviewer@demo.example"),
        demo_user("second.reviewer@demo.example"),
    )
    for reviewer in (writer, publisher):
        profile = db.session.scalar(select(ReviewerProfile).filter_by(user_id=reviewer.id))
        assert profile.is_verified and "(demo)" in profile.full_name
    question = db.session.scalar(select(Question).order_by(Question.id))
    form = {"short_answer": "A new demo lead for the four-eyes check.", "body": "Demo text.",
            "key_points": "", "change_summary": "A demo edit."}  # fmt: skip
    writing = app.test_client(user=writer)
    assert writing.post(f"/review/questions/{question.id}/summary", data=form).status_code == 302
    draft = db.session.scalar(select(SummaryRevision).filter_by(status=RevisionStatus.DRAFT))
    assert writing.post(f"/review/revisions/{draft.id}/submit").status_code == 302
    page = writing.get(f"/review/revisions/{draft.id}").get_data(as_text=True)
    assert "Sign off and publish" not in page
    assert "another reviewer needs to publish it" in page
    assert "Dr. Second Demo Reviewer (demo)" in page
    publishing = app.test_client(user=publisher)
    assert "Sign off and publish" in publishing.get(f"/review/revisions/{draft.id}").get_data(
        as_text=True
    )
    response = publishing.post(
        f"/review/revisions/{draft.id}/publish", data={"publish-change_note": "Checked."}
    )
    assert response.status_code == 302
    db.session.refresh(draft)
    assert draft.status is RevisionStatus.PUBLISHED and draft.reviewer_id == publisher.id


def test_approving_a_waiting_demo_answer_rings_the_demo_members_bell(app, seeded):
    """What README tells a newcomer to try: the moderator approves, the member is told."""
    from forum.notifications.models import Notification, NotificationKind

    member, moderator = demo_user("member@demo.example"), demo_user("moderator@demo.example")
    waiting = next(a for a in all_of(Answer) if a.status is AnswerStatus.PENDING)
    at_risk = [n.kind for n in all_of(Notification) if n.user_id == moderator.id]
    assert at_risk == [NotificationKind.AT_RISK_REPORT]  # the demo's at-risk report
    response = app.test_client(user=moderator).post(f"/moderation/answers/{waiting.id}/approve")
    assert response.status_code == 302
    told = [n for n in all_of(Notification) if n.user_id == member.id]
    assert [(n.kind, n.answer_id) for n in told] == [(NotificationKind.NEW_ANSWER, waiting.id)]
    page = app.test_client(user=member).get("/").get_data(as_text=True)
    assert 'class="bell__count" aria-hidden="true">1<' in page


def test_the_second_demo_member_has_a_check_in_waiting_to_try(app, seeded):
    """What README tells a newcomer to try: the bell asks "still working?", the page updates."""
    from forum.notifications.models import Notification, NotificationKind
    from forum.outcomes.models import CheckIn

    member = demo_user(data.CHECK_IN_EMAIL)
    told = [n for n in all_of(Notification) if n.user_id == member.id]
    assert [n.kind for n in told] == [NotificationKind.CHECK_IN]
    answer = db.session.get(Answer, told[0].answer_id)
    assert answer.author_id == member.id and answer.wants_check_ins
    waiting = [c for c in all_of(CheckIn) if c.answer_id == answer.id and not c.answered_at]
    assert any(c.sent_at for c in waiting)
    client = app.test_client(user=member)
    page = client.get(told[0].link).get_data(as_text=True)
    assert "Are you still taking it?" in page
    seed_demo()  # a second run leaves the waiting check-in as it is
    db.session.commit()
    assert len([n for n in all_of(Notification) if n.user_id == member.id]) == 1


def test_the_demo_shows_reviewers_and_members_improving_the_knowledge(app, seeded):
    """What README tells a newcomer to look at: linked passages with members' figures and a
    reviewer's note on the treatments question (signed out), a suggestion on the reviewers'
    dashboard, a proposal in the moderators' queue; seeding again adds none of them twice."""
    from forum.proposals.models import QuestionProposal
    from forum.reviewer_notes.models import ReviewerNote
    from forum.suggestions.models import SummarySuggestion
    from forum.summaries.models import SummaryClaim
    from tools.demo.knowledge import CLAIMS, NOTE, QUESTION_TITLE, SUGGESTION_REASON
    from tools.demo.moderation import PROPOSAL_TITLE

    question = db.session.scalar(select(Question).where(Question.title == QUESTION_TITLE))
    page = app.test_client().get(f"/questions/{question.id}/{question.slug}")
    text = html.unescape(page.get_data(as_text=True))
    for passage, _names in CLAIMS:
        assert passage in text
    assert "What members report about the treatments named here" in text
    assert text.count("</a>, named in") == sum(len(names) for _passage, names in CLAIMS)
    assert NOTE.body in text and "Medical reviewer's note" in text
    reviewer = app.test_client(user=demo_user(data.REVIEWER_EMAIL))
    dashboard = html.unescape(reviewer.get("/review/").get_data(as_text=True))
    assert "Readers' suggested corrections" in dashboard
    suggestion = db.session.scalar(select(SummarySuggestion))
    assert suggestion.reason == SUGGESTION_REASON
    assert f"/review/suggestions/{suggestion.id}" in dashboard
    moderator = app.test_client(user=demo_user("moderator@demo.example"))
    queue = html.unescape(moderator.get("/moderation/proposals").get_data(as_text=True))
    assert PROPOSAL_TITLE in queue
    counts = [len(all_of(kind)) for kind in (SummaryClaim, ReviewerNote, SummarySuggestion)]
    assert counts == [len(CLAIMS), 1, 1]
    seed_demo()
    db.session.commit()
    again = [len(all_of(kind)) for kind in (SummaryClaim, ReviewerNote, SummarySuggestion)]
    assert again == counts and len(all_of(QuestionProposal)) == 1
