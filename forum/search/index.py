"""Keeps search_documents in step with questions, summaries and answers, whoever changes them.

No service calls this module. SQLAlchemy session events notice every change to an answer,
question, summary revision, treatment report or condition name, whether it goes through the unit
of work or through a bulk UPDATE or DELETE statement, and note what to index again. Just before
the transaction commits, each noted document is rebuilt from what the database now holds, so a
write path added later (a moderation queue, an import) is followed without knowing about search.

Whether a source is findable is decided here, once per kind:
- an answer: published, on a visible question; members-only answers are marked as such;
- a summary: its latest published revision, on a visible question;
- a question: while it is visible.
Anything else has no row. Author names are never indexed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from markupsafe import Markup
from sqlalchemy import ColumnElement, delete, func, inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

from forum.answers.models import Answer, AnswerStatus, TreatmentReport, Visibility
from forum.conditions.models import Condition, Treatment
from forum.database import columns_set_by, db, listen_on_every_session
from forum.questions.models import Question, QuestionStatus
from forum.search.models import SearchDocument, SearchKind
from forum.summaries.models import RevisionStatus, Summary, SummaryRevision

BATCH = 1000
PENDING_KEY = "search_pending"
# Attributes whose change alters what a document says or who may find it.
ANSWER_FIELDS = frozenset({"body", "body_html", "status", "visibility", "question_id"})
QUESTION_FIELDS = frozenset({"title", "status", "condition_id"})
REVISION_FIELDS = frozenset({"status", "short_answer", "body", "body_html", "key_points"})
CONDITION_FIELDS = frozenset({"name"})
TREATMENT_FIELDS = frozenset({"name", "synonyms"})
UPDATED_COLUMNS = ("condition_id", "question_id", "title", "keywords", "body", "members_only",
                   "updated_at")  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Indexing, by kind
# ---------------------------------------------------------------------------------------------


def index_answer(answer: Answer) -> None:
    index_answers(Answer.id == answer.id)


def index_question(question: Question) -> None:
    """The question's own document and its summary's (which carries the question's title)."""
    index_questions(Question.id == question.id)


def index_summary(summary: Summary) -> None:
    index_summaries(Summary.id == summary.id)


def remove(kind: SearchKind, source_id: int) -> None:
    db.session.execute(
        delete(SearchDocument).where(
            SearchDocument.kind == kind, SearchDocument.source_id == source_id
        )
    )


def index_answers(where: ColumnElement[bool], known_ids: Iterable[int] = ()) -> None:
    """Write the documents of the answers matching WHERE, and drop those that may not be found.

    KNOWN_IDS are ids to drop if WHERE no longer finds them (a deleted row, say)."""
    rows = db.session.execute(
        select(
            Answer.id,
            Answer.question_id,
            Answer.body_html,
            Answer.status,
            Answer.visibility,
            Answer.created_at,
            Answer.published_at,
            Answer.edited_at,
            Question.condition_id,
            Question.status.label("question_status"),
        )
        .join(Question, Question.id == Answer.question_id)
        .where(where)
    ).all()
    findable = [
        row
        for row in rows
        if row.status is AnswerStatus.PUBLISHED and row.question_status is not QuestionStatus.HIDDEN
    ]
    names = _treatment_names([row.id for row in findable])
    documents = [
        {
            "kind": SearchKind.ANSWER,
            "source_id": row.id,
            "condition_id": row.condition_id,
            "question_id": row.question_id,
            "title": "",
            "keywords": ", ".join(names.get(row.id, ())),
            "body": html_to_text(row.body_html),
            "members_only": row.visibility is Visibility.MEMBERS,
            "updated_at": row.edited_at or row.published_at or row.created_at,
        }
        for row in findable
    ]
    _replace(SearchKind.ANSWER, documents, {*known_ids, *(row.id for row in rows)})


def index_questions(where: ColumnElement[bool], with_answers: bool = False) -> None:
    """The documents of the questions matching WHERE and of their summaries; with_answers also
    their answers' (a question that is hidden or shown again takes its answers with it)."""
    rows = db.session.execute(
        select(
            Question.id,
            Question.condition_id,
            Question.title,
            Question.status,
            Question.created_at,
            Condition.name.label("condition_name"),
        )
        .join(Condition, Condition.id == Question.condition_id)
        .where(where)
    ).all()
    documents = [
        {
            "kind": SearchKind.QUESTION,
            "source_id": row.id,
            "condition_id": row.condition_id,
            "question_id": row.id,
            "title": row.title,
            "keywords": row.condition_name,
            "body": "",
            "members_only": False,
            "updated_at": row.created_at,
        }
        for row in rows
        if row.status is not QuestionStatus.HIDDEN
    ]
    _replace(SearchKind.QUESTION, documents, [row.id for row in rows])
    question_ids = [row.id for row in rows]
    for chunk in _chunks(question_ids):
        index_summaries(Summary.question_id.in_(chunk))
        if with_answers:
            index_answers(Answer.question_id.in_(chunk))


def index_summaries(where: ColumnElement[bool], known_ids: Iterable[int] = ()) -> None:
    """The documents of the summaries matching WHERE: each one's latest published revision."""
    summaries = db.session.execute(
        select(
            Summary.id,
            Summary.question_id,
            Question.condition_id,
            Question.title,
            Question.status,
            Condition.name.label("condition_name"),
        )
        .join(Question, Question.id == Summary.question_id)
        .join(Condition, Condition.id == Question.condition_id)
        .where(where)
    ).all()
    current = _current_revisions([row.id for row in summaries])
    documents = []
    for row in summaries:
        revision = current.get(row.id)
        if revision is None or row.status is QuestionStatus.HIDDEN:
            continue
        text = [revision.short_answer, html_to_text(revision.body_html), revision.key_points]
        documents.append(
            {
                "kind": SearchKind.SUMMARY,
                "source_id": row.id,
                "condition_id": row.condition_id,
                "question_id": row.question_id,
                "title": row.title,
                "keywords": row.condition_name,
                "body": " ".join(part.strip() for part in text if part.strip()),
                "members_only": False,
                "updated_at": revision.published_at,
            }
        )
    _replace(SearchKind.SUMMARY, documents, {*known_ids, *(row.id for row in summaries)})


def rebuild() -> dict[SearchKind, int]:
    """Empty the index and write every document again; returns how many of each kind."""
    db.session.execute(delete(SearchDocument))
    index_questions(Question.id.is_not(None))
    last_id = 0
    while True:
        ids = db.session.scalars(
            select(Answer.id).where(Answer.id > last_id).order_by(Answer.id).limit(BATCH)
        ).all()
        if not ids:
            break
        index_answers(Answer.id.between(ids[0], ids[-1]))
        last_id = ids[-1]
    counts = db.session.execute(
        select(SearchDocument.kind, func.count()).group_by(SearchDocument.kind)
    ).all()
    return dict(counts)


def html_to_text(html: str) -> str:
    """Stored, sanitised HTML -> plain text with its entities decoded: no Markdown is parsed.

    Control characters go too: the search back-ends mark highlights with two of them."""
    text = Markup(html).striptags()
    return text.translate(CONTROL_CHARACTERS)


CONTROL_CHARACTERS = {code: " " for code in range(32) if chr(code) not in "\t\n\r"}


def _treatment_names(answer_ids: Sequence[int]) -> dict[int, list[str]]:
    """Each answer's treatments, by name and synonyms: "Baclofen, Lioresal"."""
    names: dict[int, list[str]] = {}
    for chunk in _chunks(answer_ids):
        rows = db.session.execute(
            select(
                TreatmentReport.answer_id,
                TreatmentReport.other_name,
                Treatment.name,
                Treatment.synonyms,
            )
            .outerjoin(Treatment, Treatment.id == TreatmentReport.treatment_id)
            .where(TreatmentReport.answer_id.in_(chunk))
            .order_by(TreatmentReport.answer_id, TreatmentReport.position)
        ).all()
        for row in rows:
            words = [row.name or row.other_name or "", row.synonyms or ""]
            names.setdefault(row.answer_id, []).extend(word for word in words if word)
    return names


def _current_revisions(summary_ids: Sequence[int]) -> dict[int, SummaryRevision]:
    """The latest published revision of each summary (what readers see)."""
    current: dict[int, Any] = {}
    for chunk in _chunks(summary_ids):
        rows = db.session.execute(
            select(
                SummaryRevision.summary_id,
                SummaryRevision.short_answer,
                SummaryRevision.body_html,
                SummaryRevision.key_points,
                SummaryRevision.published_at,
            )
            .where(
                SummaryRevision.summary_id.in_(chunk),
                SummaryRevision.status == RevisionStatus.PUBLISHED,
            )
            .order_by(SummaryRevision.published_at, SummaryRevision.number)
        ).all()
        for row in rows:
            current[row.summary_id] = row  # later rows are newer
    return current


def _replace(kind: SearchKind, documents: list[dict], considered: Iterable[int]) -> None:
    """Upsert DOCUMENTS, and delete the documents of every CONSIDERED id not among them."""
    kept = {document["source_id"] for document in documents}
    dropped = sorted(set(considered) - kept)
    for chunk in _chunks(dropped):
        db.session.execute(
            delete(SearchDocument).where(
                SearchDocument.kind == kind, SearchDocument.source_id.in_(chunk)
            )
        )
    for chunk in _chunks(documents):
        db.session.execute(_upsert(), chunk)


def _upsert():
    """INSERT … ON CONFLICT (kind, source_id) DO UPDATE, in the session's SQL dialect."""
    table = SearchDocument.__table__
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(table)
    return statement.on_conflict_do_update(
        index_elements=[table.c.kind, table.c.source_id],
        set_={name: statement.excluded[name] for name in UPDATED_COLUMNS},
    )


def _chunks(items: Sequence, size: int = BATCH) -> Iterable[Sequence]:
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---------------------------------------------------------------------------------------------
# Following every write: session events
# ---------------------------------------------------------------------------------------------


@dataclass
class Pending:
    """What to index again before this transaction commits."""

    answers: set[int] = field(default_factory=set)
    questions: set[int] = field(default_factory=set)
    question_trees: set[int] = field(default_factory=set)  # with their answers
    summaries: set[int] = field(default_factory=set)
    conditions: set[int] = field(default_factory=set)
    treatments: set[int] = field(default_factory=set)  # renamed: their answers' keywords
    everything: bool = False

    def __bool__(self) -> bool:
        return any(getattr(self, noted.name) for noted in fields(self))


def _pending(session: Session) -> Pending:
    return session.info.setdefault(PENDING_KEY, Pending())


def _changed(row: Any, fields: frozenset[str]) -> bool:
    attributes = inspect(row).attrs
    return any(attributes[name].history.has_changes() for name in fields)


def _note(pending: Pending, row: Any, is_new_or_deleted: bool) -> None:
    if isinstance(row, Answer):
        if is_new_or_deleted or _changed(row, ANSWER_FIELDS):
            pending.answers.add(row.id)
    elif isinstance(row, TreatmentReport):
        history = inspect(row).attrs.answer_id.history
        pending.answers.update(i for i in (*history.sum(), row.answer_id) if i is not None)
    elif isinstance(row, SummaryRevision):
        # Drafts are nobody's business but their writers'; published revisions never change.
        if row.status is RevisionStatus.PUBLISHED and (
            is_new_or_deleted or _changed(row, REVISION_FIELDS)
        ):
            pending.summaries.add(row.summary_id)
    elif isinstance(row, Question):
        # Hiding or showing a question takes its answers with it. (The old status may not be
        # known: a change to an expired attribute keeps no history. Any change counts.)
        if is_new_or_deleted or inspect(row).attrs.status.history.has_changes():
            pending.question_trees.add(row.id)
        elif _changed(row, QUESTION_FIELDS):
            pending.questions.add(row.id)
    elif isinstance(row, Condition) and not is_new_or_deleted and _changed(row, CONDITION_FIELDS):
        pending.conditions.add(row.id)
    elif isinstance(row, Treatment) and not is_new_or_deleted and _changed(row, TREATMENT_FIELDS):
        pending.treatments.add(row.id)


def _note_flushed_changes(session: Session, _context) -> None:
    """The unit of work's changes, while their attribute history is still there to read."""
    pending = _pending(session)
    for row in session.new:
        _note(pending, row, True)
    for row in session.deleted:
        _note(pending, row, True)
    for row in session.dirty:
        _note(pending, row, False)


# Bulk statements skip the unit of work; these are the columns that matter for each model.
BULK_WATCHED = {
    Answer: ("answers", ANSWER_FIELDS),
    Question: ("question_trees", QUESTION_FIELDS),
    SummaryRevision: ("summaries", REVISION_FIELDS),
    Condition: ("conditions", CONDITION_FIELDS),
    Treatment: ("treatments", TREATMENT_FIELDS),
}


def _note_bulk_statements(state: ORMExecuteState) -> None:
    """UPDATE and DELETE statements on watched models: note the rows they are about to touch."""
    if not (state.is_update or state.is_delete) or state.bind_mapper is None:
        return
    model = state.bind_mapper.class_
    if model not in BULK_WATCHED:
        return
    kind, fields = BULK_WATCHED[model]
    changed = columns_set_by(state) if state.is_update else None
    if changed is not None and not changed & fields:
        return
    with state.session.no_autoflush:
        ids = _rows_about_to_change(state, model)
    pending = _pending(state.session)
    if ids is None:
        pending.everything = True
    else:
        getattr(pending, kind).update(ids)


def _rows_about_to_change(state: ORMExecuteState, model: type) -> list[int] | None:
    """Ids (summary ids for revisions) the statement will touch; None when it can't be told."""
    where = state.statement.whereclause
    parameters = state.parameters
    if where is None and isinstance(parameters, list) and all("id" in p for p in parameters):
        where = model.id.in_([p["id"] for p in parameters])  # bulk UPDATE by primary key
    if where is None:
        return None
    column = SummaryRevision.summary_id if model is SummaryRevision else model.id
    return list(state.session.scalars(select(column).where(where)))


def _index_before_commit(session: Session) -> None:
    session.flush()  # commit would flush after this hook; do it now, so its changes are noted
    pending = _pending(session)
    while pending:
        work = Pending(**vars(pending))
        session.info[PENDING_KEY] = pending = Pending()
        _apply(work)
        session.flush()


def _apply(work: Pending) -> None:
    if work.everything:
        rebuild()
        return
    for chunk in _chunks(sorted(work.question_trees)):
        index_questions(Question.id.in_(chunk), with_answers=True)
    for chunk in _chunks(sorted(work.questions - work.question_trees)):
        index_questions(Question.id.in_(chunk))
    for chunk in _chunks(sorted(work.conditions)):
        index_questions(Question.condition_id.in_(chunk))
    for chunk in _chunks(sorted(work.summaries)):
        index_summaries(Summary.id.in_(chunk), known_ids=chunk)
    for chunk in _chunks(sorted(work.treatments)):
        reported = select(TreatmentReport.answer_id).where(TreatmentReport.treatment_id.in_(chunk))
        index_answers(Answer.id.in_(reported))
    for chunk in _chunks(sorted(work.answers)):
        index_answers(Answer.id.in_(chunk), known_ids=chunk)


def _forget_after_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    """A rolled-back transaction's changes never happened (a savepoint's may leave extra notes,
    which only cost a redundant re-index)."""
    if previous_transaction.parent is None:
        session.info.pop(PENDING_KEY, None)


_LISTENERS = (
    ("after_flush", _note_flushed_changes),
    ("do_orm_execute", _note_bulk_statements),
    ("before_commit", _index_before_commit),
    ("after_soft_rollback", _forget_after_rollback),
)


def init_app() -> None:
    """Follow every write from now on (create_app calls this)."""
    listen_on_every_session(_LISTENERS)
