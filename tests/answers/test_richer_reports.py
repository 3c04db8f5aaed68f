"""The optional details of a treatment report: through the form, on the card, in the edit
history, in the member's export, and gone with the account."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from forum.accounts.models import User
from forum.answers import forms as answer_forms
from forum.answers.models import (
    Access,
    Answer,
    Month,
    ReportedSideEffect,
    Severity,
    StopReason,
    TimeToHelp,
    TreatmentReport,
)
from forum.conditions.models import TreatmentKind
from forum.database import db, utcnow
from tests.answers.helpers import answer_form
from tests.factories import PASSWORD

BODY = "Baclofen eased the spasms after a few weeks; yoga helps on bad evenings."


@pytest.fixture
def community(app, make):
    condition = make.condition("Stiff Person Syndrome")
    question = make.question(condition)
    baclofen = make.treatment(condition, "Baclofen", kind=TreatmentKind.MEDICATION)
    yoga = make.treatment(condition, "Yoga", kind=TreatmentKind.LIFESTYLE)
    drowsiness = make.side_effect(condition, "Drowsiness")
    dizziness = make.side_effect(condition, "Dizziness")
    member = make.user(display_name="Willow")
    make.membership(member, condition)
    return {
        "question": question,
        "baclofen": baclofen,
        "yoga": yoga,
        "drowsiness": drowsiness,
        "dizziness": dizziness,
        "member": member,
        "client": app.test_client(user=member),
    }


def detailed_baclofen(community, **changes) -> tuple:
    """Baclofen with every detail: started and stopped, why, how soon, access, dose and the
    vocabulary's two side effects (drowsiness moderate, dizziness not had)."""
    extras = {
        "still_using": "no",
        "started_month": "3",
        "started_year": "2023",
        "stopped_month": "9",
        "stopped_year": "2024",
        "stop_reason": "side_effects",
        "time_to_help": "weeks",
        "access": "some_effort",
        "dose": "10 mg three times a day",
        "severities-0-side_effect": str(community["drowsiness"].id),
        "severities-0-severity": "moderate",
        "severities-1-side_effect": str(community["dizziness"].id),
        "severities-1-severity": "",
        **changes,
    }
    return (community["baclofen"].id, "helped_somewhat", extras)


def post_answer(community, *treatments, **fields):
    question = community["question"]
    return community["client"].post(
        f"/questions/{question.id}/answer",
        data=answer_form(body=BODY, treatments=treatments, **fields),
    )


def only_report() -> TreatmentReport:
    return db.session.scalar(select(TreatmentReport))


def test_every_detail_posted_is_kept_and_shown_on_the_card(community, app):
    response = post_answer(community, detailed_baclofen(community))
    assert response.status_code == 302
    report = only_report()
    assert report.started == Month(2023, 3) and report.stopped == Month(2024, 9)
    assert report.stop_reason is StopReason.SIDE_EFFECTS
    assert report.time_to_help is TimeToHelp.WEEKS
    assert report.access is Access.SOME_EFFORT
    assert report.dose == "10 mg three times a day"
    assert [(r.name, r.severity) for r in report.side_effect_reports] == [
        ("Drowsiness", Severity.MODERATE)
    ]
    question = community["question"]
    html = app.test_client().get(f"/questions/{question.id}/{question.slug}").get_data(True)
    for phrase in (
        "Started March 2023",
        "Time until it helped: 1 to 4 weeks",
        "Stopped September 2024 (side effects)",
        "Took some effort",
        "Dose: 10 mg three times a day",
        "not advice for anyone else",
        "Side effects: Drowsiness (moderate)",
    ):
        assert phrase in html, phrase
    assert "Dizziness" not in html


def test_a_report_without_details_looks_as_it_did(community, app):
    post_answer(community, (community["yoga"].id, "helped_a_lot", {"still_using": "yes"}))
    report = only_report()
    assert not report.has_details and report.dose == "" and report.started_in is None
    question = community["question"]
    html = app.test_client().get(f"/questions/{question.id}/{question.slug}").get_data(True)
    assert "still using" in html and "treatment-report__details" not in html


def test_the_form_keeps_the_details_behind_a_disclosure_and_opens_it_when_filled(community):
    question = community["question"]
    page = community["client"].get(f"/questions/{question.id}/answer").get_data(True)
    assert page.count("<summary>More about this treatment (optional)</summary>") == 3
    assert '<details class="treatment-row__more">' in page  # closed while empty
    assert "please don&#39;t take another member&#39;s dose as advice" in page
    assert "Ask me later whether it is still working" in page
    bad = detailed_baclofen(community, stopped_year="2022")  # stopped before it started
    page = post_answer(community, bad).get_data(True)
    assert '<details class="treatment-row__more" open>' in page
    assert "The month you stopped is before the month you started." in page
    assert "10 mg three times a day" in page  # nothing the member chose is lost
    assert db.session.scalar(select(func.count(Answer.id))) == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"started_year": ""}, "Please choose both the month and the year."),
        ({"stopped_month": "13"}, "Please choose both the month and the year."),
        ({"still_using": "yes"}, "You said you still use it, and also when or why you stopped"),
        ({"stopped_year": str(utcnow().year + 1)}, "Please choose both the month and the year."),
    ],
)
def test_details_that_do_not_fit_together_are_explained(community, changes, message):
    response = post_answer(community, detailed_baclofen(community, **changes))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Answer.id))) == 0


def test_a_month_still_to_come_is_refused(community, monkeypatch):
    # Mid-June, so that a later month of this year can be chosen at all.
    june = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
    monkeypatch.setattr(answer_forms, "utcnow", lambda: june)
    changes = {"stopped_month": "7", "stopped_year": "2026"}
    response = post_answer(community, detailed_baclofen(community, **changes))
    assert "Please choose a month that has already begun." in response.get_data(as_text=True)
    changes = {"stopped_month": "6", "stopped_year": "2026"}
    assert post_answer(community, detailed_baclofen(community, **changes)).status_code == 302


def test_a_dose_is_for_medicines_only(community):
    yoga = (community["yoga"].id, "helped_a_lot", {"dose": "twice a week"})
    response = post_answer(community, yoga)
    assert response.status_code == 200
    assert "A dose can be given for medicines only." in response.get_data(as_text=True)


def test_a_side_effect_from_elsewhere_is_never_stored(community, make):
    elsewhere = make.side_effect(make.condition(), "Hiccups")
    changes = {"severities-1-side_effect": str(elsewhere.id), "severities-1-severity": "severe"}
    assert post_answer(community, detailed_baclofen(community, **changes)).status_code == 302
    names = [reported.name for reported in only_report().side_effect_reports]
    assert names == ["Drowsiness"]


def test_an_edit_shows_the_details_prefilled_and_the_history_names_each_change(community, app):
    post_answer(community, detailed_baclofen(community))
    answer = db.session.scalar(select(Answer))
    client = community["client"]
    form = client.get(f"/answers/{answer.id}/edit").get_data(as_text=True)
    assert 'value="10 mg three times a day"' in form
    assert '<option selected value="side_effects">' in form
    assert '<option selected value="moderate">' in form
    changes = {"severities-0-severity": "severe", "dose": "5 mg at night"}
    data = answer_form(body=BODY, treatments=[detailed_baclofen(community, **changes)], version="1")
    assert client.post(f"/answers/{answer.id}/edit", data=data).status_code == 302
    history = client.get(f"/answers/{answer.id}/history").get_data(as_text=True)
    assert (
        "Changed Baclofen: dose 10 mg three times a day → 5 mg at night; side effects picked "
        "Drowsiness (moderate) → Drowsiness (severe)"
    ) in history


def test_the_export_has_every_detail_and_deletion_leaves_none(community, app):
    post_answer(community, detailed_baclofen(community), wants_check_ins="y")
    member_id = community["member"].id
    exported = json.loads(community["client"].post("/account/export").get_data(as_text=True))
    answer = exported["answers"][0]
    assert answer["treatments"][0] | {} == {
        "treatment": "Baclofen",
        "outcome": "helped_somewhat",
        "side_effects": "",
        "still_using": False,
        "started": "March 2023",
        "stopped": "September 2024",
        "stop_reason": "side_effects",
        "time_to_help": "weeks",
        "access": "some_effort",
        "dose": "10 mg three times a day",
        "side_effect_severities": {"Drowsiness": "moderate"},
        "checked_after_months": None,
    }
    assert answer["check_ins_wanted"] is True
    assert [check_in["months"] for check_in in answer["check_ins"]] == [3, 6, 12]
    response = community["client"].post(
        "/account/delete", data={"password": PASSWORD, "answers": "delete", "confirm": "y"}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, member_id) is None
    for model in (TreatmentReport, ReportedSideEffect):
        assert db.session.scalar(select(func.count()).select_from(model)) == 0
