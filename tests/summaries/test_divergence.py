"""Review tasks where members' reports diverge from a summary: each rule against a community
built by hand (and just short of it), once only, resolved with a note or a draft, by reviewers
only, and listed on the dashboard in a fixed number of queries."""

from __future__ import annotations

import html as html_module
import re
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from forum.accounts.models import Role
from forum.answers.models import AnswerStatus, Outcome, Visibility
from forum.audit.models import ModerationAction
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.jobs.queue import huey
from forum.privacy.deletion import delete_account
from forum.privacy.export import export_member_data
from forum.questions.models import QuestionStatus
from forum.summaries import claims, divergence, tasks
from forum.summaries.models import (
    ReviewTask,
    ReviewTaskKind,
    ReviewTaskStatus,
    RevisionStatus,
    SummaryClaim,
    SummaryRevision,
)
from tests.factories import PASSWORD
from tests.html_checks import assert_well_structured
from tests.summaries.community import answers_naming, build_community
from tests.summaries.helpers import CONTENT, write_draft

HELPED_A_LOT, HELPED_SOMEWHAT, NO_CHANGE, WORSE = Outcome
UNMENTIONED = ReviewTaskKind.UNMENTIONED_TREATMENT
MOSTLY_WORSE = ReviewTaskKind.MOSTLY_WORSE
OVERDUE = ReviewTaskKind.OVERDUE_WITH_NEW_REPORTS


@pytest.fixture
def community(make):
    return build_community(make)


@pytest.fixture
def reviewer(make):
    return make.reviewer("Dr Rhea Checker")


def run() -> list[ReviewTask]:
    opened = divergence.open_divergence_tasks()
    db.session.commit()
    return opened


def all_tasks() -> list[ReviewTask]:
    return list(db.session.scalars(select(ReviewTask).order_by(ReviewTask.id)))


def kinds(found: list[ReviewTask]) -> list[tuple[ReviewTaskKind, str]]:
    return [(task.kind, task.subject) for task in found]


def about(treatment) -> str:
    return f"treatment:{treatment.id}"


def words(page: str) -> str:
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", page))
    return " ".join(text.replace(" ,", ",").replace(" ;", ";").replace(" .", ".").split())


# ---------------------------------------------------------------------------------------------
# 1. A treatment many members report that the summary never names
# ---------------------------------------------------------------------------------------------


def test_a_treatment_five_members_report_and_the_summary_never_names_opens_a_task(community, make):
    answers_naming(make, community.question, community.gabapentin,
                   HELPED_A_LOT, HELPED_A_LOT, HELPED_A_LOT, HELPED_SOMEWHAT, WORSE)  # fmt: skip
    [task] = run()
    assert (task.kind, task.subject) == (UNMENTIONED, about(community.gabapentin))
    assert task.treatment_id == community.gabapentin.id and task.is_open
    assert task.summary_id == community.revision.summary_id
    revision = community.revision
    assert task.evidence == {
        "revision_id": revision.id,
        "revision_number": 1,
        "published_at": revision.published_at.isoformat(),
        "count": 5,
        "minimum": 5,
        "treatment": "Gabapentin",
        "outcomes": {"helped_a_lot": 3, "helped_somewhat": 1, "no_change": 0, "made_it_worse": 1},
    }


def test_four_members_are_not_enough(community, make):
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 4)
    assert run() == []


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("body", "Most people start with baclofen, and some with VALIUM at night."),  # synonym
        ("body", "Most people start with baclofen or diazepam."),  # its name
        ("key_points", "Diazepam helps some\nReview every year"),  # a key point
        ("short_answer", "Relaxants such as diazepam come first."),  # the short answer
    ],
)
def test_a_treatment_the_summary_names_in_its_text_opens_no_such_task(make, where, text):
    community = build_community(make, **{where: text})
    answers_naming(make, community.question, community.diazepam, *[HELPED_A_LOT] * 6)
    assert run() == []


def test_names_count_as_whole_words_only(make):
    community = build_community(make, body="Restless nights are common; pacing helps.")
    rest = make.treatment(community.condition, "Rest")
    answers_naming(make, community.question, rest, *[HELPED_A_LOT] * 5)
    assert kinds(run()) == [(UNMENTIONED, about(rest))]


def test_a_treatment_named_by_a_linked_passage_opens_no_such_task(community, make, reviewer):
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
    claims.mark_claim(community.question, reviewer,
                      "Some find that muscle relaxants ease stiffness.",
                      [community.gabapentin.id])  # fmt: skip
    db.session.commit()
    assert run() == []


def test_a_linked_passage_a_new_version_dropped_no_longer_names_it(community, make, reviewer):
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
    claims.mark_claim(community.question, reviewer,
                      "Some find that muscle relaxants ease stiffness.",
                      [community.gabapentin.id])  # fmt: skip
    db.session.commit()
    make.published_summary(community.question, body="Most people start with baclofen.")
    assert kinds(run()) == [(UNMENTIONED, about(community.gabapentin))]


def test_only_published_answers_to_this_question_count_members_only_ones_included(community, make):
    question = community.question
    answers_naming(make, question, community.gabapentin, *[HELPED_A_LOT] * 2)
    answers_naming(make, question, community.gabapentin, *[HELPED_A_LOT] * 2,
                   visibility=Visibility.MEMBERS)  # fmt: skip
    for status in (AnswerStatus.PENDING, AnswerStatus.HIDDEN, AnswerStatus.DELETED):
        answers_naming(make, question, community.gabapentin, HELPED_A_LOT, status=status)
    other_question = make.question(community.condition)
    make.published_summary(other_question, body="Gabapentin is sometimes tried.")
    answers_naming(make, other_question, community.gabapentin, *[HELPED_A_LOT] * 3)
    assert run() == []  # 4 published answers here: one short
    answers_naming(make, question, community.gabapentin, NO_CHANGE)
    assert kinds(run()) == [(UNMENTIONED, about(community.gabapentin))]


def test_a_hidden_question_or_one_without_a_published_summary_opens_nothing(community, make):
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
    unpublished = make.question(community.condition)
    write_draft(unpublished, make.reviewer("Dr Wren Writer"))
    answers_naming(make, unpublished, community.gabapentin, *[HELPED_A_LOT] * 5)
    community.question.status = QuestionStatus.HIDDEN
    db.session.commit()
    assert run() == []


def test_the_minimum_is_never_below_the_small_number_threshold(app, community, make):
    app.config["DIVERGENCE_MIN_REPORTS"] = 1
    answers_naming(make, community.question, community.gabapentin, HELPED_A_LOT, NO_CHANGE)
    assert run() == []
    answers_naming(make, community.question, community.gabapentin, WORSE)
    [task] = run()
    assert task.evidence["minimum"] == 3 and task.evidence["count"] == 3


# ---------------------------------------------------------------------------------------------
# 2. A treatment the summary names, which most members say made things worse
# ---------------------------------------------------------------------------------------------


def test_a_named_treatment_most_members_say_made_it_worse_opens_a_task(community, make):
    answers_naming(make, community.question, community.baclofen, *[WORSE] * 4, *[HELPED_A_LOT] * 2)
    [task] = run()
    assert (task.kind, task.subject) == (MOSTLY_WORSE, about(community.baclofen))
    assert task.evidence["count"] == 6
    assert task.evidence["outcomes"] == {
        "helped_a_lot": 2, "helped_somewhat": 0, "no_change": 0, "made_it_worse": 4,
    }  # fmt: skip


def test_exactly_half_is_not_most(community, make):
    answers_naming(make, community.question, community.baclofen, *[WORSE] * 3, *[NO_CHANGE] * 3)
    assert run() == []


def test_too_few_reports_open_no_such_task_however_bad(community, make):
    answers_naming(make, community.question, community.baclofen, *[WORSE] * 4)
    assert run() == []


def test_an_unnamed_treatment_mostly_worse_is_one_task_about_its_absence(community, make):
    answers_naming(make, community.question, community.gabapentin, *[WORSE] * 5)
    assert kinds(run()) == [(UNMENTIONED, about(community.gabapentin))]


# ---------------------------------------------------------------------------------------------
# 3. Past its review date while answers keep coming
# ---------------------------------------------------------------------------------------------


def overdue(community) -> None:
    community.revision.summary.next_review_due = utcnow().date() - timedelta(days=1)
    db.session.commit()


def test_an_overdue_summary_with_five_answers_since_its_revision_opens_a_task(community, make):
    overdue(community)
    for _ in range(5):
        make.answer(community.question)
    [task] = run()
    assert (task.kind, task.subject, task.treatment_id) == (OVERDUE, "", None)
    assert task.evidence["count"] == 5
    assert task.evidence["review_due"] == community.revision.summary.next_review_due.isoformat()
    assert task.evidence["revision_id"] == community.revision.id


def test_answers_from_before_the_revision_do_not_count(community, make):
    overdue(community)
    before = community.revision.published_at - timedelta(days=1)
    for _ in range(3):
        make.answer(community.question, published_at=before)
    for _ in range(4):
        make.answer(community.question)
    make.answer(community.question, status=AnswerStatus.PENDING)
    assert run() == []


def test_new_answers_to_a_summary_not_yet_due_open_nothing(community, make):
    community.revision.summary.next_review_due = utcnow().date() + timedelta(days=1)
    db.session.commit()
    for _ in range(8):
        make.answer(community.question)
    assert run() == []


# ---------------------------------------------------------------------------------------------
# Once: never two open tasks; after one is resolved, only on fresh evidence
# ---------------------------------------------------------------------------------------------


def test_a_second_run_opens_no_second_task(community, make):
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
    assert len(run()) == 1
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
    assert run() == []
    assert len(all_tasks()) == 1


def test_two_runs_at_once_open_one_task(community, make, monkeypatch):
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
    run()
    # The other run read the tasks before the first one's committed: it tries to insert too.
    monkeypatch.setattr(divergence, "_latest_tasks", lambda: {})
    assert run() == []
    assert len(all_tasks()) == 1


def resolve(task, reviewer, note="Checked the literature; the summary stands.", **options):
    draft = tasks.resolve_task(task, reviewer, note, **options)
    db.session.commit()
    return draft


def test_a_resolved_task_comes_back_only_once_as_many_members_again_report(
    community, make, reviewer
):
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
    [first] = run()
    resolve(first, reviewer)
    assert run() == []  # the same evidence the reviewer already answered
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 4)
    assert run() == []
    answers_naming(make, community.question, community.gabapentin, NO_CHANGE)
    [again] = run()
    assert (again.kind, again.subject) == (UNMENTIONED, about(community.gabapentin))
    assert again.evidence["count"] == 10


def test_a_resolved_task_comes_back_for_a_new_version_that_still_diverges(
    community, make, reviewer
):
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
    [first] = run()
    resolve(first, reviewer)
    newer = make.published_summary(community.question, body="Most people start with baclofen.")
    [again] = run()
    assert again.evidence["revision_id"] == newer.id and again.evidence["revision_number"] == 2


def test_no_kind_of_task_comes_back_on_the_evidence_it_was_resolved_on(make, reviewer):
    communities_with_every_divergence(make, 1)
    opened = run()
    assert {task.kind for task in opened} == {UNMENTIONED, MOSTLY_WORSE, OVERDUE}
    assert run() == []  # open ones are not opened twice
    for task in opened:
        resolve(task, reviewer)
    assert run() == []  # nor resolved ones, until the evidence grows
    assert len(all_tasks()) == 3


def test_the_job_runs_every_hour_at_quarter_to_and_commits_what_it_opens(community, make):
    def started_at(hour: int, minute: int) -> set[str]:
        return {task.name for task in huey.read_periodic(datetime(2026, 3, 1, hour, minute))}

    assert all("check_summaries" in started_at(hour, 45) for hour in range(24))
    assert "check_summaries" not in started_at(7, 0)
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
    divergence.check_summaries()
    db.session.rollback()  # what the job committed stays
    assert kinds(all_tasks()) == [(UNMENTIONED, about(community.gabapentin))]


def test_operators_run_the_check_from_the_command_line(app, community, make):
    answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["summaries", "check"])
    assert first.exit_code == 0, first.output
    assert "A treatment many members report is not in the summary" in first.output
    assert "1 review task opened." in first.output
    assert "0 review tasks opened." in runner.invoke(args=["summaries", "check"]).output
    assert len(all_tasks()) == 1


def communities_with_every_divergence(make, count: int) -> None:
    for _ in range(count):
        community = build_community(make)
        answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
        answers_naming(make, community.question, community.baclofen, *[WORSE] * 5)
        community.revision.summary.next_review_due = utcnow().date() - timedelta(days=1)
        db.session.commit()


def test_a_run_costs_the_same_queries_for_one_summary_as_for_four(make, count_queries):
    costs = []
    for count in (1, 4):
        communities_with_every_divergence(make, count)
        with count_queries() as counter:
            opened = run()
        assert len(opened) == 3 * count
        costs.append(sum(s.lstrip().upper().startswith("SELECT") for s in counter.statements))
    assert costs[0] == costs[1] == 6, costs


# ---------------------------------------------------------------------------------------------
# Resolving: with a note, or with a draft; compare-and-set; reviewers only
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def task(community, make):
    answers_naming(make, community.question, community.gabapentin,
                   *[HELPED_A_LOT] * 4, WORSE)  # fmt: skip
    [opened] = run()
    return opened


def resolution_log() -> list[ModerationAction]:
    query = select(ModerationAction).where(ModerationAction.action == "review_task_resolved")
    return list(db.session.scalars(query))


def revisions_of(community) -> list[SummaryRevision]:
    return list(
        db.session.scalars(
            select(SummaryRevision)
            .where(SummaryRevision.summary_id == community.revision.summary_id)
            .order_by(SummaryRevision.number)
        )
    )


def test_a_reviewer_resolves_a_task_with_a_note_and_the_log_says_so(task, reviewer):
    assert resolve(task, reviewer, "  Looked again: not enough evidence yet. ") is None
    assert task.status is ReviewTaskStatus.RESOLVED
    assert task.resolved_by == reviewer and task.resolved_at is not None
    assert task.resolution_note == "Looked again: not enough evidence yet."
    assert task.draft_revision_id is None
    [entry] = resolution_log()
    assert entry.actor_id == reviewer.id and entry.target_type == "review_task"
    assert entry.target_id == task.id and entry.reason == task.resolution_note
    assert entry.before["status"] == "open" and entry.after["status"] == "resolved"


def test_a_note_is_needed_unless_a_draft_is_started(task, reviewer):
    with pytest.raises(ForumError, match="Please write a note") as refused:
        tasks.resolve_task(task, reviewer, "   ")
    assert refused.value.field == "note"
    assert task.is_open and resolution_log() == []


def test_starting_a_draft_resolves_the_task_and_records_the_draft(community, task, reviewer):
    draft = resolve(task, reviewer, "", start_draft=True)
    assert draft.status is RevisionStatus.DRAFT and draft.number == 2
    assert draft.writer == reviewer
    assert (draft.short_answer, draft.body) == (
        community.revision.short_answer,
        community.revision.body,
    )
    assert task.draft_revision_id == draft.id and not task.is_open
    assert task.resolution_note == "Taken up in draft version 2."
    assert resolution_log()[0].after["draft_revision_id"] == draft.id


def test_a_draft_already_being_written_is_the_one_recorded(community, task, reviewer, make):
    writer = make.reviewer("Dr Wren Writer")
    existing = write_draft(community.question, writer, replace(CONTENT, change_note="Mine."))
    draft = resolve(task, reviewer, "Wren is on it.", start_draft=True)
    assert draft == existing and task.draft_revision_id == existing.id
    assert len(revisions_of(community)) == 2


def test_of_two_reviewers_resolving_at_once_the_second_changes_nothing(
    community, task, reviewer, make
):
    other = make.reviewer("Dr Otto Other")
    # The other reviewer's resolution commits after this request loaded the task as open.
    db.session.execute(
        update(ReviewTask)
        .where(ReviewTask.id == task.id)
        .values(status=ReviewTaskStatus.RESOLVED, resolved_by_id=other.id, resolution_note="Done.")
        .execution_options(synchronize_session=False)
    )
    assert task.is_open  # as this request still sees it
    with pytest.raises(ForumError, match="already resolved"):
        tasks.resolve_task(task, reviewer, "", start_draft=True)
    db.session.commit()
    assert len(revisions_of(community)) == 1  # no draft left behind
    db.session.refresh(task)
    assert task.resolved_by_id == other.id and task.resolution_note == "Done."
    assert resolution_log() == []


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_members_and_moderators_cannot_resolve_tasks(task, make, role):
    with pytest.raises(ForumError, match="Only medical reviewers"):
        tasks.resolve_task(task, make.user(role=role), "I think it is fine.")
    assert task.is_open


# ---------------------------------------------------------------------------------------------
# The task page and the dashboard
# ---------------------------------------------------------------------------------------------


def task_url(task) -> str:
    return f"/review/tasks/{task.id}"


def test_signed_out_visitors_are_sent_to_sign_in(client, task):
    assert client.get(task_url(task)).headers["Location"].startswith("/auth/sign-in")


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_members_and_moderators_get_403_on_the_task_and_the_dashboard(app, task, make, role):
    client = app.test_client(user=make.user(role=role))
    assert client.get(task_url(task)).status_code == 403
    assert client.post(task_url(task), data={"note": "Fine."}).status_code == 403
    assert client.get("/review/").status_code == 403
    db.session.refresh(task)
    assert task.is_open


def test_the_task_page_shows_the_evidence_with_small_counts_withheld(app, task, reviewer):
    page = app.test_client(user=reviewer).get(task_url(task)).get_data(as_text=True)
    assert_well_structured(page)
    assert '<meta name="robots" content="noindex">' in page
    text = words(page)
    assert "A treatment many members report is not in the summary" in text
    assert (
        "5 members named Gabapentin in their answers to this question; version 1 of the "
        "summary does not mention it." in text
    )
    # One said it made things worse: "fewer than 3", and the 4 is withheld too (5 - 4 = 1).
    assert (
        "How it went: helped a lot (not shown), 0 helped somewhat, 0 no change, "
        "fewer than 3 made it worse." in text
    )
    assert "Resolve with this note" in page and "Start a new draft" in page


def test_a_reviewer_resolves_a_task_with_a_note_through_the_page(app, task, reviewer):
    client = app.test_client(user=reviewer)
    response = client.post(task_url(task), data={"note": "Checked: not in the guidelines yet."})
    assert response.headers["Location"] == "/review/"
    db.session.refresh(task)
    assert not task.is_open and task.resolution_note == "Checked: not in the guidelines yet."
    page = client.get(task_url(task)).get_data(as_text=True)
    assert_well_structured(page)
    assert "Resolved by" in page and "Checked: not in the guidelines yet." in page
    assert "Resolve with this note" not in page


def test_a_reviewer_starts_a_draft_through_the_page(app, community, task, reviewer):
    client = app.test_client(user=reviewer)
    response = client.post(task_url(task), data={"note": "", "start_draft": "y"})
    assert response.headers["Location"] == f"/review/questions/{community.question.id}/summary"
    db.session.refresh(task)
    draft = db.session.get(SummaryRevision, task.draft_revision_id)
    assert draft.status is RevisionStatus.DRAFT and draft.writer_id == reviewer.id
    page = client.get(task_url(task)).get_data(as_text=True)
    assert f'href="/review/revisions/{draft.id}">version 2</a>' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"note": ""}, "Please write a note"),
        ({"note": "   "}, "Please write a note"),
        ({"note": "x" * 2001}, "Field cannot be longer than 2000 characters."),
        ({"note": "odd\x00text"}, "invisible “null” character"),
    ],
)
def test_odd_input_is_a_400_with_a_message_and_resolves_nothing(app, task, reviewer, data, message):
    response = app.test_client(user=reviewer).post(task_url(task), data=data)
    assert response.status_code == 400
    assert message in html_module.unescape(response.get_data(as_text=True))
    db.session.refresh(task)
    assert task.is_open


def test_resolving_a_resolved_task_again_is_refused(app, task, reviewer):
    resolve(task, reviewer)
    response = app.test_client(user=reviewer).post(task_url(task), data={"note": "Again."})
    assert response.status_code == 400
    assert "already resolved" in response.get_data(as_text=True)
    assert len(resolution_log()) == 1


def test_unknown_tasks_and_tasks_of_hidden_questions_are_404(app, community, task, reviewer):
    client = app.test_client(user=reviewer)
    assert client.get("/review/tasks/99999").status_code == 404
    community.question.status = QuestionStatus.HIDDEN
    db.session.commit()
    assert client.get(task_url(task)).status_code == 404
    assert "Look into it" not in client.get("/review/").get_data(as_text=True)


def test_the_dashboard_lists_open_tasks_in_words(app, community, task, reviewer, make):
    answers_naming(make, community.question, community.baclofen, *[WORSE] * 4, HELPED_A_LOT)
    overdue(community)
    run()
    client = app.test_client(user=reviewer)
    page = client.get("/review/").get_data(as_text=True)
    assert_well_structured(page)
    text = words(page)
    assert "Where members' reports differ from a summary (3)" in text
    assert "5 members named Gabapentin in their answers to this question" in text
    assert (
        "Of the 5 members who named Baclofen in their answers to this question, more than half "
        "say it made things worse; version 1 of the summary names it." in text
    )
    assert "Overdue for review, with new answers since" in text
    assert "10 answers have been published since version 1 was" in text
    assert f'href="/review/tasks/{task.id}"' in page
    resolve(task, reviewer)
    text = words(client.get("/review/").get_data(as_text=True))
    assert "Where members' reports differ from a summary (2)" in text


def test_the_dashboard_costs_the_same_queries_for_one_task_as_for_ten(
    app, make, reviewer, count_queries
):
    client = app.test_client(user=reviewer)
    costs = []
    for total in (1, 10):
        while len(all_tasks()) < total:
            community = build_community(make)
            answers_naming(make, community.question, community.gabapentin, *[HELPED_A_LOT] * 5)
            run()
        with count_queries() as counter:
            page = client.get("/review/").get_data(as_text=True)
        assert page.count('href="/review/tasks/') == total
        costs.append(counter.count)
    assert costs[0] == costs[1], costs


# ---------------------------------------------------------------------------------------------
# A reviewer's own data
# ---------------------------------------------------------------------------------------------


def test_a_reviewer_s_export_holds_their_claims_and_resolutions_and_deletion_keeps_the_work(
    community, task, reviewer
):
    claims.mark_claim(community.question, reviewer, "Most people start with baclofen.",
                      [community.baclofen.id])  # fmt: skip
    resolve(task, reviewer, "Checked and kept.")
    exported = export_member_data(reviewer)
    assert exported["summary_claims"] == [
        {
            "question": "What helps with muscle stiffness?",
            "passage": "Most people start with baclofen.",
            "treatments": ["Baclofen"],
            "created_at": exported["summary_claims"][0]["created_at"],
        }
    ]
    [resolved] = exported["review_tasks_resolved"]
    assert resolved["resolution_note"] == "Checked and kept."
    assert resolved["kind"] == "unmentioned_treatment"
    delete_account(reviewer, PASSWORD, keep_answers=True)
    db.session.commit()
    claim = db.session.scalars(select(SummaryClaim)).one()
    db.session.refresh(task)
    assert claim.created_by_id is None and claim.passage == "Most people start with baclofen."
    assert task.resolved_by_id is None and task.resolution_note == "Checked and kept."
    assert db.session.scalar(select(func.count()).select_from(ReviewTask)) == 1
