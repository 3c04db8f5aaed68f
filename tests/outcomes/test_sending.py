"""The hourly job asks "still working?" once, at the right time, and only members who still
want it and still have an account; tests move its clock instead of waiting months."""

from __future__ import annotations

from datetime import datetime

from forum.accounts.models import AccountStatus, Role
from forum.answers.models import Outcome
from forum.answers.services import AnswerDraft, TreatmentEntry, delete_answer, edit_answer
from forum.conditions.models import Perspective
from forum.database import db
from forum.jobs.queue import huey
from forum.moderation.decisions import hide, reject, restore
from forum.notifications.models import EmailChoice
from forum.notifications.services import save_settings
from forum.outcomes.sending import ask_next_batch
from forum.privacy.deletion import delete_account
from tests.factories import PASSWORD
from tests.outcomes.helpers import (
    ask,
    check_in_notifications,
    check_ins_of,
    months_later,
    run_at,
)


def test_the_worker_starts_the_job_every_hour(app):
    def started_at(hour: int, minute: int) -> set[str]:
        return {task.name for task in huey.read_periodic(datetime(2026, 3, 1, hour, minute))}

    assert all("send_due_check_ins" in started_at(hour, 30) for hour in range(24))
    assert "send_due_check_ins" not in started_at(7, 0)


def test_nothing_is_sent_before_a_check_in_falls_due(scene):
    author = scene.member()
    answer = scene.post(author)

    run_at(months_later(answer, 3, minutes=-1))

    assert check_in_notifications() == []
    assert check_ins_of(answer.id)[3].sent_at is None


def test_a_due_check_in_is_sent_once_however_often_the_job_runs(scene):
    author = scene.member()
    answer = scene.post(author)
    due = months_later(answer, 3)

    run_at(due)
    run_at(due)
    run_at(months_later(answer, 3, days=1))
    ask_next_batch.enqueue(due.isoformat(), 0)  # a batch tried again

    (notification,) = check_in_notifications(author)
    assert notification.message == (
        "3 months on: is Baclofen still working for you? "
        "Update your answer to “What eased your spasms?” in a few taps."
    )
    assert notification.link == f"/answers/{answer.id}/check-in"
    assert notification.answer_id == answer.id
    assert check_ins_of(answer.id)[3].sent_at == due
    assert check_ins_of(answer.id)[6].sent_at is None


def test_the_check_ins_come_after_3_then_6_then_12_months(scene):
    author = scene.member()
    answer = scene.post(author)
    sent = []
    for months in (3, 6, 12):
        run_at(months_later(answer, months, hours=-1))
        assert len(check_in_notifications(author)) == len(sent), f"early at {months} months"
        ask(answer, months)
        sent = [n.message.split(":")[0] for n in check_in_notifications(author)]
    assert sent == ["3 months on", "6 months on", "12 months on"]


def test_check_ins_due_together_ask_once_about_the_latest(scene):
    author = scene.member()
    answer = scene.post(author)

    run_at(months_later(answer, 7))  # the worker was down from month 2 to month 7

    (notification,) = check_in_notifications(author)
    assert notification.message.startswith("6 months on:")
    check_ins = check_ins_of(answer.id)
    assert check_ins[3].sent_at is not None and check_ins[6].sent_at is not None
    assert check_ins[12].sent_at is None


def test_the_message_names_what_they_still_take(scene):
    author = scene.member()
    answer = scene.post(
        author,
        treatments=[
            TreatmentEntry(outcome=Outcome.HELPED_A_LOT, treatment_id=scene.baclofen.id),
            TreatmentEntry(outcome=Outcome.NO_CHANGE, other_name="Heat packs", still_using=True),
            TreatmentEntry(
                outcome=Outcome.MADE_IT_WORSE, treatment_id=scene.diazepam.id, still_using=False
            ),
        ],
    )
    ask(answer, 3)
    (notification,) = check_in_notifications(author)
    assert notification.message.startswith(
        "3 months on: are Baclofen and Heat packs still working for you?"
    )


def test_an_answer_with_no_treatments_is_not_asked_about(scene):
    author = scene.member()
    answer = scene.post(author, treatments=())
    ask(answer, 3)
    assert check_in_notifications(author) == []
    assert check_ins_of(answer.id)[3].sent_at is None  # asked later, if treatments are added


def test_members_who_did_not_ask_or_opted_out_get_nothing(scene):
    never_asked = scene.member()
    scene.post(never_asked, wants_check_ins=False)
    changed_mind = scene.member()
    answer = scene.post(changed_mind)
    ask(answer, 3)
    draft = AnswerDraft(
        body="Baclofen still helps, and I would rather not be asked about it again.",
        perspective=Perspective.PATIENT,
        treatments=[TreatmentEntry(outcome=Outcome.HELPED_A_LOT, treatment_id=scene.baclofen.id)],
        wants_check_ins=False,
    )
    edit_answer(answer, changed_mind, draft, expected_version=answer.version)
    db.session.commit()

    for months in (6, 12):
        ask(answer, months)

    assert check_in_notifications(never_asked) == []
    assert [n.message[:11] for n in check_in_notifications(changed_mind)] == ["3 months on"]


def test_deleted_rejected_and_hidden_answers_are_not_asked_about_until_restored(scene, app, make):
    moderator = make.user(role=Role.MODERATOR)
    deleted_by_author, rejected, hidden = scene.member(), scene.member(), scene.member()
    deleted_answer = scene.post(deleted_by_author)
    delete_answer(deleted_answer, deleted_by_author)
    app.config["PREMODERATE_FIRST_ANSWERS"] = 1
    reject(scene.post(rejected, published=False), moderator, "Not a first-person experience.")
    app.config["PREMODERATE_FIRST_ANSWERS"] = 0
    hidden_answer = scene.post(hidden)
    hide(hidden_answer, moderator, "Names a doctor.")
    db.session.commit()

    run_at(months_later(hidden_answer, 3, hours=1))
    assert check_in_notifications() == []

    restore(hidden_answer, moderator, "The name is gone now.")
    db.session.commit()
    run_at(months_later(hidden_answer, 3, hours=2))
    assert [n.user_id for n in check_in_notifications()] == [hidden.id]


def test_members_who_deleted_their_account_get_nothing(scene):
    kept_words = scene.member()
    kept_answer = scene.post(kept_words)
    gone = scene.member()
    gone_answer = scene.post(gone)
    delete_account(kept_words, PASSWORD, keep_answers=True)
    delete_account(gone, PASSWORD, keep_answers=False)
    db.session.commit()

    run_at(months_later(kept_answer, 12, days=1))

    assert check_in_notifications() == []
    assert check_ins_of(gone_answer.id) == {}


def test_banned_members_get_nothing(scene):
    author = scene.member()
    answer = scene.post(author)
    author.status = AccountStatus.BANNED
    db.session.commit()
    ask(answer, 3)
    assert check_in_notifications(author) == []


def test_every_due_check_in_is_sent_batch_by_batch(scene, app):
    app.config["NOTIFICATION_BATCH_SIZE"] = 2
    authors = [scene.member() for _ in range(5)]
    answers = [scene.post(author) for author in authors]

    run_at(max(months_later(answer, 3) for answer in answers))

    assert sorted(n.user_id for n in check_in_notifications()) == sorted(a.id for a in authors)


def test_the_check_in_reaches_the_notifications_page_and_the_inbox(scene, outbox):
    author = scene.member()
    answer = scene.post(author)
    ask(answer, 6)

    page = scene.client_of(author).get("/account/notifications").get_data(as_text=True)
    assert "6 months on: is Baclofen still working for you?" in page
    assert f'href="/answers/{answer.id}/check-in"' in page
    mail = outbox.last(author.email)
    assert "is Baclofen still working for you?" in mail.get_content()
    link = outbox.link_in_last(author.email)
    assert link == f"/answers/{answer.id}/check-in"
    assert "Are you still taking it?" in scene.client_of(author).get(link).get_data(as_text=True)


def test_members_who_chose_no_email_read_it_on_the_site_only(scene, outbox):
    author = scene.member()
    save_settings(author, EmailChoice.NEVER, crisis_alerts=True)
    db.session.commit()
    answer = scene.post(author)
    ask(answer, 3)
    assert len(check_in_notifications(author)) == 1
    assert outbox.messages(author.email) == []
