"""A small, hand-counted community for the aggregate, treatment and filter tests.

Question "q" of condition "Rare Thing" (treatments Alpha, Beta, Gamma), answer by answer:

    a1  published           Alpha helped a lot (side effect "Drowsiness"), Beta no change
    a2  published           Alpha helped a lot (" drowsiness "), " Yoga " (other) helped somewhat
    a3  published           Alpha helped somewhat, Beta no change, "yoga" helped somewhat
    a4  published           Alpha helped a lot ("Nausea"), Beta made it worse, "YOGA" no change
    a5  published, members  Alpha made it worse ("drowsiness"), Gamma helped a lot
    a6  hidden              Alpha made it worse
    a7  pending             Alpha no change
    a8  deleted             Beta helped a lot
    a9  rejected            Gamma helped a lot

Elsewhere in the condition: "a10" on question "q2", Alpha helped a lot; "a11" on a hidden
question, Alpha helped a lot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from html.parser import HTMLParser

import pytest

from forum.answers.models import AnswerStatus, Outcome, TreatmentReport, Visibility
from forum.database import db, utcnow
from forum.questions.models import QuestionStatus

A_LOT, SOMEWHAT = Outcome.HELPED_A_LOT, Outcome.HELPED_SOMEWHAT
NO_CHANGE, WORSE = Outcome.NO_CHANGE, Outcome.MADE_IT_WORSE


@dataclass
class Community:
    condition: object
    question: object
    other_question: object
    alpha: object
    beta: object
    gamma: object
    answers: dict


@pytest.fixture
def community(make) -> Community:
    condition = make.condition("Rare Thing")
    question = make.question(condition, title="What helped you?", slug="what-helped")
    other_question = make.question(condition, title="What else?", slug="what-else")
    hidden_question = make.question(condition, status=QuestionStatus.HIDDEN)
    alpha, beta, gamma = (make.treatment(condition, name) for name in ("Alpha", "Beta", "Gamma"))
    now = utcnow()

    def answer(name, reports, others=(), status=AnswerStatus.PUBLISHED, on=question, **fields):
        made = make.answer(
            on,
            make.user(display_name=f"Writer{name}"),
            body=f"Answer {name}: what happened to me, in enough words.",
            status=status,
            treatments=[(treatment, outcome) for treatment, outcome, _ in reports],
            published_at=now - timedelta(days=int(name[1:])),
            **fields,
        )
        for report, (_, _, side_effects) in zip(made.treatment_reports, reports, strict=True):
            report.side_effects = side_effects
        for position, (other_name, outcome) in enumerate(others, start=len(reports)):
            made.treatment_reports.append(
                TreatmentReport(other_name=other_name, outcome=outcome, position=position)
            )
        db.session.commit()
        return made

    answers = {
        "a1": answer("a1", [(alpha, A_LOT, "Drowsiness"), (beta, NO_CHANGE, "")]),
        "a2": answer("a2", [(alpha, A_LOT, " drowsiness ")], [(" Yoga ", SOMEWHAT)]),
        "a3": answer("a3", [(alpha, SOMEWHAT, ""), (beta, NO_CHANGE, "")], [("yoga", SOMEWHAT)]),
        "a4": answer("a4", [(alpha, A_LOT, "Nausea"), (beta, WORSE, "")], [("YOGA", NO_CHANGE)]),
        "a5": answer(
            "a5",
            [(alpha, WORSE, "drowsiness"), (gamma, A_LOT, "")],
            visibility=Visibility.MEMBERS,
        ),
        "a6": answer("a6", [(alpha, WORSE, "")], status=AnswerStatus.HIDDEN),
        "a7": answer("a7", [(alpha, NO_CHANGE, "")], status=AnswerStatus.PENDING),
        "a8": answer("a8", [(beta, A_LOT, "")], status=AnswerStatus.DELETED),
        "a9": answer("a9", [(gamma, A_LOT, "")], status=AnswerStatus.REJECTED),
        "a10": answer("a10", [(alpha, A_LOT, "")], on=other_question),
        "a11": answer("a11", [(alpha, A_LOT, "")], on=hidden_question),
    }
    return Community(condition, question, other_question, alpha, beta, gamma, answers)


class TableReader(HTMLParser):
    """The rows of one <table id=...> as lists of cell texts, leaving out aria-hidden parts
    (the labels only shown when rows stack), the way a screen reader reads the table."""

    def __init__(self, table_id: str) -> None:
        super().__init__()
        self.table_id = table_id
        self.inside = False
        self.hidden_depth = 0
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table" and attributes.get("id") == self.table_id:
            self.inside = True
        if not self.inside:
            return
        if self.hidden_depth or attributes.get("aria-hidden") == "true":
            self.hidden_depth += 1
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if self.hidden_depth:
            self.hidden_depth -= 1
            return
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "table":
            self.inside = False

    def handle_startendtag(self, tag, attrs):
        pass  # <rect/> and friends hold no text

    def handle_data(self, data):
        if self.inside and not self.hidden_depth and self.cell is not None:
            self.cell.append(data)


def table_rows(html: str, table_id: str) -> list[list[str]]:
    reader = TableReader(table_id)
    reader.feed(html)
    return reader.rows
