"""The check-in page, through its route: only the author opens it, a few taps update the report,
the edit history keeps the step, and readers see it at once, kept pages or not."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from forum.accounts.models import Role
from forum.answers.models import AnswerRevision, Month, Outcome, StopReason, TreatmentReport
from forum.answers.services import AnswerDraft, TreatmentEntry, edit_answer
from forum.audit.models import ModerationAction
from forum.conditions.models import Perspective
from forum.database import db, utcnow
from forum.outcomes import forms as check_in_forms
from forum.web.request_input import NUL_MESSAGE
from tests.outcomes.helpers import ask, check_ins_of

THIS_MONTH = Month(utcnow().year, utcnow().month)


def check_in_form(answer, **rows) -> dict:
    """What the member's browser sends: ROWS maps each report's position to its choices."""
    data = {"version": str(answer.version)}
    for position, report in enumerate(answer.treatment_reports):
        prefix = f"reports-{position}-"
        key = f"treatment:{report.treatment_id}" if report.treatment_id else None
        data[prefix + "key"] = key or f"other:{report.other_name.casefold()}"
        data[prefix + "stopped_month"] = ""
        data[prefix + "stopped_year"] = ""
        data[prefix + "stop_reason"] = ""
        for name, value in rows.get(f"row{position}", {}).items():
            data[prefix + name] = value
    return data


STILL_HELPING = {"still_using": "yes", "outcome": "helped_a_lot"}
STOPPED_FOR_SIDE_EFFECTS = {
    "still_using": "no",
    "outcome": "helped_somewhat",
    "stopped_month": str(THIS_MONTH.month),
    "stopped_year": str(THIS_MONTH.year),
    "stop_reason": "side_effects",
}


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def asked(scene):
    """A member's answer about Baclofen, asked about after 3 and then 6 months."""
    author = scene.member(display_name="WrenHollow")
    answer = scene.post(author)
    ask(answer, 3)
    ask(answer, 6)
    return author, answer


def path_of(answer) -> str:
    return f"/answers/{answer.id}/check-in"


def test_only_the_author_may_open_it(scene, asked, make, client):
    _, answer = asked
    other_member = scene.client_of(scene.member())
    moderator = scene.client_of(make.user(role=Role.MODERATOR))
    form = check_in_form(answer, row0=STILL_HELPING)

    assert other_member.get(path_of(answer)).status_code == 403
    assert other_member.post(path_of(answer), data=form).status_code == 403
    assert moderator.post(path_of(answer), data=form).status_code == 403
    signed_out = client.get(path_of(answer))
    assert signed_out.status_code == 302 and "/auth/sign-in" in signed_out.headers["Location"]
    db.session.expire_all()
    assert answer.treatment_reports[0].checked_after_months is None


def test_the_page_asks_each_question_prefilled_and_labelled(scene, asked):
    author, answer = asked
    page = text(scene.client_of(author).get(path_of(answer)))

    assert "<h1>6 months on: is it still working?</h1>" in page
    assert "<legend>Baclofen</legend>" in page
    for question in (
        "Are you still taking it?",
        "How is it going now?",
        "When did you stop?",
        "Why did you stop?",
    ):
        assert question in page
    # The report says "still using" and "helped a lot": those are chosen already.
    assert re.search(r'<input[^>]*checked[^>]*value="yes"|<input[^>]*value="yes"[^>]*checked', page)
    assert re.search(r'value="helped_a_lot"[^>]*checked|checked[^>]*value="helped_a_lot"', page)
    assert '<label for="reports-0-stopped_month">Month</label>' in page


def test_a_check_in_updates_the_report_answers_the_check_ins_and_keeps_a_revision(scene, asked):
    author, answer = asked
    client = scene.client_of(author)
    moderation_log = db.session.scalar(select(func.count(ModerationAction.id)))
    version = answer.version

    response = client.post(
        path_of(answer), data=check_in_form(answer, row0=STOPPED_FOR_SIDE_EFFECTS)
    )

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#answer-{answer.id}")
    db.session.expire_all()
    report = db.session.scalar(
        select(TreatmentReport).where(TreatmentReport.answer_id == answer.id)
    )
    assert report.still_using is False
    assert report.outcome is Outcome.HELPED_SOMEWHAT
    assert report.stopped == THIS_MONTH
    assert report.stop_reason is StopReason.SIDE_EFFECTS
    assert report.checked_after_months == 6
    assert answer.version == version + 1
    assert all(c.answered_at is not None for m, c in check_ins_of(answer.id).items() if m <= 6)
    assert check_ins_of(answer.id)[12].answered_at is None
    (revision,) = db.session.scalars(
        select(AnswerRevision).where(AnswerRevision.answer_id == answer.id)
    )
    assert revision.reason == "Check-in after 6 months"
    assert revision.editor_id == author.id
    assert revision.details["treatments"][0]["still_using"] is True  # as it stood before
    assert db.session.scalar(select(func.count(ModerationAction.id))) == moderation_log

    history = text(client.get(f"/answers/{answer.id}/history"))
    assert "Reason given: Check-in after 6 months" in history
    after = text(client.get(path_of(answer)))
    assert "The next one is due on" in after and "12 months after you posted" in after


def test_readers_see_the_update_at_once_though_the_page_was_kept(scene, asked, client):
    author, answer = asked
    reader = client
    member = scene.client_of(scene.member())
    for viewer in (reader, reader, member):
        assert "Updated after" not in text(viewer.get(scene.question_path))
    assert reader.get(scene.question_path).headers["X-Page-Cache"] == "hit"

    response = scene.client_of(author).post(
        path_of(answer), data=check_in_form(answer, row0=STILL_HELPING)
    )
    assert response.status_code == 302

    for viewer in (reader, member):
        page = text(viewer.get(scene.question_path))
        card = page[page.index(f'id="answer-{answer.id}"') :]
        assert "Updated after 6 months: still helping" in card
    assert "Updated after 6 months: still helping" in text(reader.get(f"/answers/{answer.id}"))


@pytest.mark.parametrize(
    ("choices", "line"),
    [
        ({"still_using": "yes", "outcome": "helped_somewhat"}, "still helping"),
        ({"still_using": "yes", "outcome": "no_change"}, "still taking it, no change"),
        ({"still_using": "no", "outcome": "helped_a_lot"}, "stopped"),
        (STOPPED_FOR_SIDE_EFFECTS, "stopped: side effects"),
        (
            {**STOPPED_FOR_SIDE_EFFECTS, "stop_reason": "doctors_advice"},
            "stopped on a doctor's advice",
        ),
    ],
)
def test_the_card_says_how_it_stands_in_a_few_words(scene, asked, client, choices, line):
    author, answer = asked
    scene.client_of(author).post(path_of(answer), data=check_in_form(answer, row0=choices))
    page = text(client.get(f"/answers/{answer.id}"))
    assert f"Updated after 6 months: {line}</span>" in page


def test_a_stale_form_is_refused_and_keeps_what_the_member_chose(scene, asked):
    author, answer = asked
    client = scene.client_of(author)
    opened = check_in_form(answer, row0=STOPPED_FOR_SIDE_EFFECTS, row1={})
    # Meanwhile, in another tab, they add a second treatment to their answer.
    draft = AnswerDraft(
        body="Baclofen eased the spasms after a few weeks; diazepam at night too.",
        perspective=Perspective.PATIENT,
        treatments=[
            TreatmentEntry(
                outcome=Outcome.HELPED_A_LOT, treatment_id=scene.baclofen.id, still_using=True
            ),
            TreatmentEntry(outcome=Outcome.NO_CHANGE, treatment_id=scene.diazepam.id),
        ],
        wants_check_ins=True,
    )
    edit_answer(answer, author, draft, expected_version=answer.version)
    db.session.commit()

    response = client.post(path_of(answer), data=opened)

    assert response.status_code == 409
    page = text(response)
    assert "This answer changed since you opened it" in page
    assert "<legend>Baclofen</legend>" in page and "<legend>Diazepam</legend>" in page
    # Baclofen keeps the member's choices: "no", and side effects.
    assert re.search(
        r'id="reports-0-still_using-1"[^>]*checked|checked[^>]*id="reports-0-still_using-1"', page
    )
    assert re.search(r'value="side_effects"[^>]*checked|checked[^>]*value="side_effects"', page)
    db.session.expire_all()
    assert answer.treatment_reports[0].still_using is True
    assert answer.treatment_reports[0].checked_after_months is None


def test_a_form_with_mistakes_comes_back_with_every_choice_kept(scene, asked):
    author, answer = asked
    chosen = {**STOPPED_FOR_SIDE_EFFECTS, "stopped_month": "", "outcome": ""}

    response = scene.client_of(author).post(
        path_of(answer), data=check_in_form(answer, row0=chosen)
    )

    assert response.status_code == 200
    page = text(response)
    assert "There is a problem" in page
    assert "Please say how it is going now." in page
    assert "Please choose both the month and the year." in page
    assert re.search(r'value="side_effects"[^>]*checked|checked[^>]*value="side_effects"', page)
    db.session.expire_all()
    assert answer.treatment_reports[0].checked_after_months is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"still_using": "maybe"}, "Please choose Yes or No."),
        ({"outcome": "cured"}, "Please choose how it is going now."),
        (
            {"still_using": "no", "stopped_month": "13", "stopped_year": "2020"},
            "Please choose a month.",
        ),
        (
            {"still_using": "no", "stopped_month": "1", "stopped_year": "99999999999"},
            "Please choose a year from the list.",
        ),
        ({"still_using": "no", "stop_reason": "bored"}, "Please choose one of the reasons."),
        ({"still_using": "ye\x00s"}, NUL_MESSAGE),
        ({"version": "1; DROP TABLE answers"}, "Please reload the page and try again."),
        ({"key": "treatment:999999"}, "Something in the form was lost."),
    ],
)
def test_odd_input_gets_a_message_not_an_error(scene, asked, changes, message):
    author, answer = asked
    form = check_in_form(answer, row0={**STILL_HELPING})
    for name, value in changes.items():
        form["version" if name == "version" else f"reports-0-{name}"] = value

    response = scene.client_of(author).post(path_of(answer), data=form)

    assert response.status_code == 200
    assert message in text(response)
    db.session.expire_all()
    assert answer.treatment_reports[0].checked_after_months is None


@pytest.mark.parametrize(
    ("month", "year", "message"),
    [
        (7, 2026, "Please choose a month that has already begun."),
        (1, 2027, "Please choose a year from the list."),  # years to come are not offered
    ],
)
def test_a_month_still_to_come_is_refused(scene, asked, monkeypatch, month, year, message):
    author, answer = asked
    mid_june = datetime(2026, 6, 15, 12, tzinfo=UTC)
    monkeypatch.setattr(check_in_forms, "utcnow", lambda: mid_june)
    chosen = {**STOPPED_FOR_SIDE_EFFECTS, "stopped_month": str(month), "stopped_year": str(year)}

    response = scene.client_of(author).post(
        path_of(answer), data=check_in_form(answer, row0=chosen)
    )

    assert response.status_code == 200
    assert message in text(response)


def test_a_stop_before_the_start_is_refused(scene):
    author = scene.member()
    started = Month(2024, 5)
    answer = scene.post(
        author,
        treatments=[
            TreatmentEntry(
                outcome=Outcome.HELPED_A_LOT, treatment_id=scene.baclofen.id, started=started
            )
        ],
    )
    ask(answer, 3)
    chosen = {**STOPPED_FOR_SIDE_EFFECTS, "stopped_month": "1", "stopped_year": "2024"}

    response = scene.client_of(author).post(
        path_of(answer), data=check_in_form(answer, row0=chosen)
    )

    assert response.status_code == 200
    assert "The month you stopped is before the month you started." in text(response)
    db.session.expire_all()
    assert answer.treatment_reports[0].stopped is None


@pytest.mark.parametrize(
    "path", ["/answers/999999/check-in", f"/answers/{2**31}/check-in", "/answers/x/check-in"]
)
def test_unknown_answers_are_not_found(scene, asked, path):
    author, _ = asked
    assert scene.client_of(author).get(path).status_code == 404


def test_before_the_first_check_in_the_page_says_when_it_comes(scene):
    author = scene.member()
    answer = scene.post(author)
    client = scene.client_of(author)

    page = text(client.get(path_of(answer)))
    assert "Your first check-in is due on" in page and "3 months after you posted" in page
    assert f'href="/answers/{answer.id}/edit"' in page
    assert "Are you still taking it?" not in page
    response = client.post(path_of(answer), data=check_in_form(answer, row0=STILL_HELPING))
    assert response.status_code == 409
    db.session.expire_all()
    assert answer.treatment_reports[0].checked_after_months is None


def test_once_every_check_in_is_answered_the_page_says_so(scene):
    author = scene.member()
    answer = scene.post(author)
    client = scene.client_of(author)
    for months in (3, 6, 12):
        ask(answer, months)
        db.session.expire_all()
        response = client.post(path_of(answer), data=check_in_form(answer, row0=STILL_HELPING))
        assert response.status_code == 302, months

    page = text(client.get(path_of(answer)))
    assert "You have answered every check-in on this answer." in page
    revisions = db.session.scalars(
        select(AnswerRevision.reason).where(AnswerRevision.answer_id == answer.id)
    ).all()
    assert revisions == [f"Check-in after {months} months" for months in (3, 6, 12)]
    db.session.expire_all()
    assert answer.treatment_reports[0].checked_after_months == 12
