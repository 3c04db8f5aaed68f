"""Sorting, filtering and paging a question's answers, all through the query string, so every
view has a link to share.

    ?sort=newest&treatment=baclofen&perspective=caregiver&outcome=helped_a_lot
     &diagnosis=3_to_5_years&page=2

The filters narrow what `visible_answers` already allows the reader to see (moderators and
authors keep seeing their extra states). Treatment and outcome together mean "answers where
this treatment had this outcome", one treatment report matching both.

"Most similar to me" (?sort=similar) ranks the answers by how much they have in common with one
answer of the reader's own, the *reference* (forum/questions/services.py picks it: their answer
to this question if it names a treatment, else their most recent one in the condition that
does). The score is worked out by the database, in the one listing statement:

    3 for each treatment both answers name (the same vocabulary treatment, or the same typed
      name, ignoring case and spaces at either end)
    + 1 for the same perspective (patient / caregiver)
    + 1 for the same time since diagnosis (an answer that does not say matches nothing)

ties going to the most helpful, then the newest. The reader's own answers score nothing, so
their own answer is not listed first for being like itself. Nothing on a card changes in this
order, and the page is only ever drawn for its reader (signed-in pages are never kept whole:
forum/caching.py), so nobody learns what the reader's answer says.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, bindparam, case, exists, func, literal, or_, select
from sqlalchemy.orm import aliased

from forum.accounts.models import User
from forum.answers.models import Answer, HelpfulVote, Outcome, TimeSinceDiagnosis, TreatmentReport
from forum.answers.queries import (
    VIEWER_ID,
    Reach,
    card_author,
    card_note,
    reach,
    visibility_params,
    visible_answers,
)
from forum.comparing.paging import OneQueryPagination, PageQuery, paginate
from forum.conditions.models import Perspective

if TYPE_CHECKING:
    from forum.conditions.services import TreatmentName

OTHER = "other"  # the treatment filter's value for treatments members named themselves
MAX_PAGE = 100_000


class Sort(enum.Enum):
    HELPFUL = "helpful"
    NEWEST = "newest"
    OLDEST = "oldest"
    SIMILAR = "similar"  # offered only to a reader with an answer to compare with

    @property
    def label(self) -> str:
        return _SORT_LABELS[self]


_SORT_LABELS = {
    Sort.HELPFUL: "Most helpful first",
    Sort.NEWEST: "Newest first",
    Sort.OLDEST: "Oldest first",
    Sort.SIMILAR: "Most similar to me",
}

# What each query parameter is called in a message about a value we could not use.
PARAMETERS = {
    "sort": "sort order",
    "treatment": "treatment",
    "perspective": "perspective",
    "outcome": "outcome",
    "diagnosis": "time since diagnosis",
    "page": "page number",
}


@dataclass(frozen=True)
class AnswerFilters:
    sort: Sort = Sort.HELPFUL
    treatment: str | None = None  # a slug from the condition's vocabulary, or OTHER
    perspective: Perspective | None = None
    outcome: Outcome | None = None
    diagnosis: TimeSinceDiagnosis | None = None
    page: int = 1
    treatment_id: int | None = field(default=None, compare=False)  # the slug's treatment
    # The reader's answer "most similar to me" compares with (set only for that order).
    similar_to: int | None = field(default=None, compare=False)

    def query_args(self, **changes) -> dict[str, str | int]:
        """The query string of this view (with CHANGES): only what differs from the plain page,
        in a fixed order, so one view has one URL."""
        view = replace(self, **changes)
        values = {
            "sort": None if view.sort is Sort.HELPFUL else view.sort.value,
            "treatment": view.treatment,
            "perspective": view.perspective and view.perspective.value,
            "outcome": view.outcome and view.outcome.value,
            "diagnosis": view.diagnosis and view.diagnosis.value,
            "page": None if view.page == 1 else view.page,
        }
        return {name: value for name, value in values.items() if value}

    def form_values(self) -> dict[str, str]:
        """What the sort-and-filter form shows as chosen, "" for "any"."""
        return {
            "sort": self.sort.value,
            "treatment": self.treatment or "",
            "outcome": self.outcome.value if self.outcome else "",
            "perspective": self.perspective.value if self.perspective else "",
            "diagnosis": self.diagnosis.value if self.diagnosis else "",
        }

    @property
    def title_note(self) -> str:
        """What sets this view apart from the plain page, for its title: "filtered answers,
        newest first, page 2"; empty for the plain page."""
        notes = ["filtered answers"] if self.is_filtered else []
        if self.sort is not Sort.HELPFUL:
            notes.append(self.sort.label.lower())
        if self.page > 1:
            notes.append(f"page {self.page}")
        return ", ".join(notes)

    @property
    def is_plain(self) -> bool:
        """The page search engines should know: no filter, the default order, the first page."""
        return not self.query_args()

    @property
    def is_filtered(self) -> bool:
        return any((self.treatment, self.perspective, self.outcome, self.diagnosis))


def read_filters(
    args: Mapping[str, str], treatments: Sequence[TreatmentName], similar_to: int | None = None
) -> tuple[AnswerFilters, list[str]]:
    """The filters a query string asks for, and a message for each value we could not use.
    SIMILAR_TO is the reader's answer "most similar to me" compares with, None when they have
    none (or are signed out): then that order is a value we cannot use.

    Unknown values are left out rather than refused: a link shared before a treatment was renamed
    still shows the answers, just without that one filter."""
    problems: list[str] = []

    def choice(name: str, options: Mapping[str, object]):
        value = (args.get(name) or "").strip()
        if not value:
            return None
        if value in options:
            return options[value]
        problems.append(
            f"We left out the {PARAMETERS[name]} “{_shorten(value)}”: it isn't one we know."
        )
        return None

    by_slug = {treatment.slug: treatment for treatment in treatments}
    treatment = choice("treatment", {OTHER: OTHER, **by_slug})
    known = None if treatment in (None, OTHER) else treatment
    page, page_problems = read_page(args)
    sorts = {sort.value: sort for sort in sort_orders(similar_to is not None)}
    if (args.get("sort") or "").strip() == Sort.SIMILAR.value and similar_to is None:
        problems.append(NO_SIMILAR)
        sort = Sort.HELPFUL
    else:
        sort = choice("sort", sorts) or Sort.HELPFUL
    filters = AnswerFilters(
        sort=sort,
        treatment=known.slug if known else treatment,
        treatment_id=known.id if known else None,
        perspective=choice("perspective", {p.value: p for p in Perspective}),
        outcome=choice("outcome", {o.value: o for o in Outcome}),
        diagnosis=choice("diagnosis", {d.value: d for d in TimeSinceDiagnosis}),
        page=page,
        similar_to=similar_to if sort is Sort.SIMILAR else None,
    )
    return filters, problems + page_problems


NO_SIMILAR = (
    "We showed the most helpful answers first: “Most similar to me” compares answers with your "
    "own, so it needs you signed in, with an answer in this community that names a treatment."
)


def sort_orders(similar: bool) -> list[Sort]:
    """The orders a reader may pick: "most similar to me" only with an answer to compare with."""
    return [sort for sort in Sort if similar or sort is not Sort.SIMILAR]


def read_page(args: Mapping[str, str]) -> tuple[int, list[str]]:
    """The page number asked for (1 when none), and a message if it isn't one."""
    value = (args.get("page") or "").strip()
    if not value:
        return 1, []
    if value.isdigit() and 1 <= int(value) <= MAX_PAGE:
        return int(value), []
    return 1, [f"We showed the first page: “{_shorten(value)}” isn't a page number."]


def _shorten(value: str) -> str:
    return value if len(value) <= 40 else value[:39] + "…"


def filter_choices(
    treatments: Sequence[TreatmentName], similar: bool = False
) -> dict[str, list[tuple[str, str]]]:
    """The options of each field of the sort-and-filter form, in the form's order; "most
    similar to me" only when SIMILAR (the reader has an answer to compare with)."""
    return {
        "sort": [(sort.value, sort.label) for sort in sort_orders(similar)],
        "treatment": [
            ("", "Any treatment"),
            *((treatment.slug, treatment.name) for treatment in treatments),
            (OTHER, "Other treatments (named by members)"),
        ],
        "outcome": [("", "Any outcome"), *((o.value, o.label) for o in Outcome)],
        "perspective": [
            ("", "Any perspective"),
            *((p.value, p.label + "s") for p in Perspective),
        ],
        "diagnosis": [("", "Any time"), *((d.value, d.label) for d in TimeSinceDiagnosis)],
    }


def listing_args(args: Mapping[str, str]) -> dict[str, str]:
    """Only the query values a listing reads (a redirect must not pass on any other)."""
    return {name: args[name] for name in PARAMETERS if name in args}


def is_clean(args: Mapping[str, str], filters: AnswerFilters) -> bool:
    """Whether the query string already is the one URL of this view (no empty, default or
    unusable values), so the view need not redirect to it."""
    asked = {name: args.get(name) for name in PARAMETERS if name in args}
    if asked.get("page") == "1":  # what the pagination macro links "Previous" to on page 2
        del asked["page"]
    return asked == {name: str(value) for name, value in filters.query_args().items()}


@dataclass(frozen=True)
class AnswerPage:
    pager: OneQueryPagination  # .items are the answers, ready for cards
    voted_ids: frozenset[int]  # the answers on this page the viewer marked as helpful

    @property
    def answers(self) -> list[Answer]:
        return self.pager.items


def answer_page(
    question_id: int, viewer: User, filters: AnswerFilters, per_page: int
) -> AnswerPage:
    """One page of the answers the viewer may see, filtered and sorted, with the viewer's votes,
    in one query (plus the one that loads the cards' treatment reports)."""
    if filters.sort is Sort.SIMILAR and filters.similar_to is None:
        filters = replace(filters, sort=Sort.HELPFUL)  # nothing to compare with
    values = filter_values(filters)
    shape = frozenset(values) | ({OTHER} if filters.treatment == OTHER else frozenset())
    reader = reach(viewer)
    query = listing_query(reader, filters.sort, shape)
    params = {**visibility_params(question_id, viewer), **values}
    pager = paginate(query, filters.page, per_page, params)
    voted_ids = frozenset(
        row[0].id for row in pager.rows if reader is not Reach.PUBLISHED and row.voted
    )
    return AnswerPage(pager=pager, voted_ids=voted_ids)


def filter_values(filters: AnswerFilters) -> dict[str, object]:
    """The filters with a value, by the name of the bound parameter each one fills ("other
    treatments" has none: it only changes the statement's shape). "Most similar to me" fills
    one too: the answer it compares with."""
    values = {
        "perspective": filters.perspective,
        "diagnosis": filters.diagnosis,
        "treatment_id": filters.treatment_id,
        "outcome": filters.outcome,
        "similar_to": filters.similar_to if filters.sort is Sort.SIMILAR else None,
    }
    return {name: value for name, value in values.items() if value is not None}


@functools.cache
def listing_query(reader: Reach, sort: Sort, filtered_by: frozenset[str]) -> PageQuery:
    """The listing for one shape of page (who reads, in which order, filtered by what: the
    names of filter_values, and OTHER), built once, its values left as bound parameters: a busy
    page pays neither for building the statement nor for SQLAlchemy working out its cache key.

    The page's answers are picked (and counted) from the answers alone; only those picked are
    joined to their authors and checked for the reader's vote. Joining every answer of a
    question to its author first made PostgreSQL read the whole members table, a cost that grew
    with the forum instead of with the page.
    """
    answers = visible_answers(reader).where(*filter_clauses(filtered_by))
    picked = select(Answer.id, func.count().over().label("total_rows")).where(answers.whereclause)
    order = _ORDER[sort]
    if sort is Sort.SIMILAR:
        similarity = similarity_to_reference().label("similarity")
        picked = picked.add_columns(similarity).outerjoin(_REFERENCE, _REFERENCE.id == SIMILAR_TO)
        order = (similarity.desc(), *order)
    page = (
        picked.order_by(*order)
        .limit(bindparam("page_limit"))
        .offset(bindparam("page_offset"))
        .subquery()
    )
    paged = (
        select(Answer)
        .join(page, Answer.id == page.c.id)
        .options(card_author(), card_note())
        .add_columns(page.c.total_rows)
    )
    if sort is Sort.SIMILAR:  # worked out once, where the page is picked, and read from there
        order = (page.c.similarity.desc(), *_ORDER[sort])
    paged = paged.order_by(*order)
    if reader is not Reach.PUBLISHED:
        voted = exists().where(HelpfulVote.answer_id == Answer.id, HelpfulVote.user_id == VIEWER_ID)
        paged = paged.add_columns(voted.label("voted"))
    return PageQuery(answers, paged)


def filter_clauses(filtered_by: frozenset[str]) -> list[ColumnElement[bool]]:
    clauses = []
    if "perspective" in filtered_by:
        clauses.append(Answer.perspective == bindparam("perspective"))
    if "diagnosis" in filtered_by:
        clauses.append(Answer.time_since_diagnosis == bindparam("diagnosis"))
    report = []
    if OTHER in filtered_by:
        report.append(TreatmentReport.treatment_id.is_(None))
    if "treatment_id" in filtered_by:
        report.append(TreatmentReport.treatment_id == bindparam("treatment_id"))
    if "outcome" in filtered_by:
        report.append(TreatmentReport.outcome == bindparam("outcome"))
    if report:
        clauses.append(Answer.treatment_reports.any(and_(*report)))
    return clauses


_SHARED_AT = func.coalesce(Answer.published_at, Answer.created_at)
_ORDER = {
    Sort.HELPFUL: (Answer.helpful_count.desc(), _SHARED_AT, Answer.id),
    Sort.NEWEST: (_SHARED_AT.desc(), Answer.id.desc()),
    Sort.OLDEST: (_SHARED_AT, Answer.id),
    Sort.SIMILAR: (Answer.helpful_count.desc(), _SHARED_AT.desc(), Answer.id.desc()),
}

# How much each thing two answers have in common counts towards "most similar to me".
SHARED_TREATMENT_WEIGHT = 3  # for each treatment both name: what readers compare most
SAME_PERSPECTIVE_WEIGHT = 1
SAME_DIAGNOSIS_WEIGHT = 1
SIMILAR_TO = bindparam("similar_to")  # the reader's own answer the others are compared with
_REFERENCE = aliased(Answer, name="reference")


def similarity_to_reference() -> ColumnElement[int]:
    """How much an answer has in common with the answer :similar_to (joined as _REFERENCE),
    weighted as the module's docstring says; the reader's own answers (:viewer_id) score 0."""
    theirs = aliased(TreatmentReport, name="theirs")
    mine = aliased(TreatmentReport, name="mine")
    same_treatment = or_(
        theirs.treatment_id == mine.treatment_id,
        func.lower(func.trim(theirs.other_name)) == func.lower(func.trim(mine.other_name)),
    )
    shared = (
        select(func.count(func.distinct(theirs.id)))
        .select_from(theirs)
        .join(mine, and_(mine.answer_id == SIMILAR_TO, same_treatment))
        .where(theirs.answer_id == Answer.id)
        .scalar_subquery()
    )
    score = (
        SHARED_TREATMENT_WEIGHT * shared
        + _weight(Answer.perspective == _REFERENCE.perspective, SAME_PERSPECTIVE_WEIGHT)
        + _weight(
            Answer.time_since_diagnosis == _REFERENCE.time_since_diagnosis, SAME_DIAGNOSIS_WEIGHT
        )
    )
    # An answer whose author is gone (author_id NULL) is nobody's own: it is scored.
    return case((Answer.author_id == VIEWER_ID, literal(0)), else_=score)


def _weight(alike: ColumnElement[bool], weight: int) -> ColumnElement[int]:
    """WEIGHT when ALIKE holds; 0 when it does not, or is unknown (a NULL on either side)."""
    return case((alike, literal(weight)), else_=literal(0))
