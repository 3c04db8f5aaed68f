"""What members report, against figures counted by hand from tests/comparing/conftest.py."""

from __future__ import annotations

import pytest
from flask_login import AnonymousUserMixin

from forum.accounts.models import Role
from forum.comparing.aggregates import (
    Figure,
    condition_report,
    question_report,
    treatment_report,
)
from tests.comparing.conftest import table_rows

HEADER = [
    "Treatment", "Members who tried it",
    "Helped a lot", "Helped somewhat", "No change", "Made it worse",
]  # fmt: skip


def figures(tally) -> list[str]:
    """A tally as the table reads it: name, tried, then each outcome with its share."""
    cells = [tally.name, tally.tried.text]
    for _, figure in tally.outcomes:
        share = f" ({figure.share}%)" if figure.share is not None else ""
        cells.append(figure.text + share)
    return cells


SIGNED_OUT = [
    # a1-a4 only: a5 is members-only, a6-a9 are not published.
    # Alpha helped a lot for 3 of 4: shown, it would give away "fewer than 3" as 4 - 3 = 1.
    ["Alpha", "4", "not shown", "fewer than 3", "0", "0"],
    ["Beta", "3", "0", "0", "fewer than 3", "fewer than 3"],
    ["Yoga", "3", "0", "fewer than 3", "fewer than 3", "0"],
]
SIGNED_IN = [
    # a1-a5: a5 adds Alpha made it worse and Gamma helped a lot. With 3 shown, the two hidden
    # cells would make 5 - 3 = 2, so both would be 1.
    ["Alpha", "5", "not shown", "fewer than 3", "0", "fewer than 3"],
    ["Beta", "3", "0", "0", "fewer than 3", "fewer than 3"],
    ["Yoga", "3", "0", "fewer than 3", "fewer than 3", "0"],
    # Only one member tried Gamma: nothing about it may be told apart, not even its zeros.
    ["Gamma", "fewer than 3", "fewer than 3", "fewer than 3", "fewer than 3", "fewer than 3"],
]


def test_a_signed_out_reader_counts_published_answers_for_everyone(app, community):
    report = question_report(community.question.id, AnonymousUserMixin(), threshold=3)
    assert [figures(tally) for tally in report.treatments] == SIGNED_OUT
    assert report.published_answers == 5  # members-only a5 has shared too
    assert report.reporting_answers == 4
    assert [(e.text, e.treatment_name, e.count.text) for e in report.side_effects] == [
        ("drowsiness", "Alpha", "fewer than 3"),  # a1 "Drowsiness" and a2 " drowsiness "
        ("nausea", "Alpha", "fewer than 3"),
    ]


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_signed_in_readers_also_count_members_only_answers_but_never_unpublished(
    app, make, community, role
):
    report = question_report(community.question.id, make.user(role=role), threshold=3)
    assert [figures(tally) for tally in report.treatments] == SIGNED_IN
    assert report.published_answers == 5
    assert report.reporting_answers == 5
    assert [(e.text, e.count.text) for e in report.side_effects] == [
        ("drowsiness", "3"),  # a5's now counts: three is not a small number
        ("nausea", "fewer than 3"),
    ]


def test_the_threshold_is_a_setting(app, community):
    report = question_report(community.question.id, AnonymousUserMixin(), threshold=2)
    assert [figures(tally) for tally in report.treatments] == [
        # Each row's one hidden cell would be its total less the others: one more is withheld.
        ["Alpha", "4", "not shown", "fewer than 2", "0", "0"],
        ["Beta", "3", "0", "0", "not shown", "fewer than 2"],
        ["Yoga", "3", "0", "not shown", "fewer than 2", "0"],
    ]
    assert [(e.text, e.count.text) for e in report.side_effects] == [
        ("drowsiness", "2"),
        ("nausea", "fewer than 2"),
    ]


def test_other_treatments_are_grouped_whatever_their_case_and_spaces(app, community):
    report = question_report(community.question.id, AnonymousUserMixin(), threshold=1)
    yoga = next(tally for tally in report.treatments if tally.is_other)
    assert yoga.name == "Yoga"  # not " Yoga ", "yoga" or "YOGA"
    assert [(outcome.value, figure.text) for outcome, figure in yoga.outcomes] == [
        ("helped_a_lot", "0"), ("helped_somewhat", "2"), ("no_change", "1"),
        ("made_it_worse", "0"),
    ]  # fmt: skip


def test_across_a_condition_every_visible_question_counts(app, community):
    report = condition_report(community.condition.id, AnonymousUserMixin(), threshold=3)
    # A treatment whose count is withheld comes last: the order must not tell it either.
    assert [tally.name for tally in report.treatments] == ["Beta", "Yoga", "Alpha"]
    alpha = report.treatments[2]
    # a1-a4 on q, plus a10 on q2; a11 sits on a hidden question. Shown, 4 helped a lot would
    # give away "fewer than 3" (5 - 4 = 1); and 5 tried, less question q's 4, would give away
    # q2's "fewer than 3".
    assert figures(alpha) == ["Alpha", "not shown", "not shown", "fewer than 3", "0", "0"]
    assert report.published_answers == 6  # a1-a5 and a10
    assert report.reporting_answers == 5


def test_one_treatment_across_its_condition(app, community):
    report = treatment_report(community.alpha, AnonymousUserMixin(), threshold=3)
    assert [figures(tally) for tally in report.treatments] == [
        ["Alpha", "not shown", "not shown", "fewer than 3", "0", "0"]  # as the condition's
    ]


def test_figures_below_the_threshold_say_fewer_than(app):
    assert Figure(0, 3).text == "0"
    assert Figure(1, 3).text == Figure(2, 3).text == "fewer than 3"
    assert Figure(3, 3).text == "3"
    assert Figure(2, 3, of=10).share is None and Figure(2, 3, of=10).bar == 0
    assert Figure(5, 3, of=2).is_hidden  # a share of a hidden total is hidden too
    assert Figure(3, 3, of=4).share == 75 and Figure(3, 3, of=4).bar == 75
    assert Figure(1234, 3).text == "1,234"


def test_the_question_page_draws_the_table_with_words_and_bars(client, community):
    question = community.question
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    rows = table_rows(html, "members-report-table")
    assert rows[0] == HEADER
    named = [["Yoga (named by members)", *SIGNED_OUT[2][1:]]]
    assert rows[1:] == SIGNED_OUT[:2] + named
    alpha = community.alpha
    assert f'<a href="/conditions/{alpha.condition_id}/treatments/{alpha.id}-{alpha.slug}">' in html
    assert '<h3 id="members-report-heading">What members report</h3>' in html
    assert "From 4 answers that\n    name a treatment." in html
    assert 'class="report-bar" viewBox="0 0 100 8"' in html
    assert 'width="75" height="8"' in html  # Beta tried: 3 of the 4 answers naming any
    assert 'width="67" height="8"' not in html  # no bar for a hidden figure (Beta's 2 of 3)
    assert "<strong>Drowsiness</strong>, with Alpha:\n      fewer than 3 members" in html
    assert 'style="' not in html  # the CSP allows no inline styles


def test_the_community_line_counts_exactly_the_published_answers(app, make, community):
    question = community.question
    path = f"/questions/{question.id}/{question.slug}"
    for client in (
        app.test_client(),
        app.test_client(user=make.user()),
        app.test_client(user=make.user(role=Role.MODERATOR)),
    ):
        html = client.get(path).get_data(as_text=True)
        assert "<strong>5 people with Rare Thing</strong>\n    have shared" in html


def test_a_question_without_treatments_says_so(client, make):
    question = make.question()
    make.answer(question)
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "No one has named a treatment in their answer yet." in html
    assert "<strong>1 person with" in html and "has shared" in html


def test_no_hidden_count_is_the_difference_of_two_pages(client, community):
    """Alpha across the condition is question q's plus question q2's (a10): a reader who reads
    all three pages and subtracts must not find a count the question pages hide."""
    condition, pages = community.condition, {}
    for name, question in (("q", community.question), ("q2", community.other_question)):
        html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
        pages[name] = next(r for r in table_rows(html, "members-report-table") if r[0] == "Alpha")
    html = client.get(f"/conditions/{condition.id}/{condition.slug}/treatments").get_data(
        as_text=True
    )
    pages["all"] = next(r for r in table_rows(html, "condition-report-table") if r[0] == "Alpha")
    assert pages["q2"][1:] == ["fewer than 3"] * 5  # a10 alone

    def number(text: str) -> int | None:
        text = text.split(" (")[0]
        return int(text) if text.isdigit() else None

    for column in range(1, 6):
        q, q2, both = (number(pages[name][column]) for name in ("q", "q2", "all"))
        if q2 is None and q is not None and both is not None:
            assert not 0 < both - q < 3, (column, pages)
