"""Odd input gets a clear answer, never a 500: ids that fit the database, text it can store.

PostgreSQL's integer columns stop at 2**31 - 1 and SQLite's at 2**63 - 1; past that a lookup is
an error instead of "not found". PostgreSQL refuses text holding a NUL character. So:
- an `<int:...>` part of a URL past the range matches no route (404), and a path holding NUL
  is a 400 that says why;
- a NUL in a query or form value is shown as U+FFFD, as an HTML parser shows it, and the form
  says so beside the field, keeping everything else the person wrote;
- a whole number out of range is a 400 in a query string and an error beside a form's field.
"""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask, Request, request
from flask_wtf import FlaskForm
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.exceptions import BadRequest
from werkzeug.routing import IntegerConverter
from werkzeug.utils import cached_property
from wtforms import Field, FieldList, FormField

MAX_ID = 2**31 - 1  # PostgreSQL's INTEGER
NUL = "\x00"
SHOWN_FOR_NUL = "\ufffd"
NUL_MESSAGE = (
    "This holds an invisible “null” character (shown as �) that can't be saved. "
    "Please delete it and send again; the rest of what you wrote is kept."
)


class UnreadableInput(BadRequest):
    """A 400 whose message says what was wrong, for the error page."""

    description = "That address holds a character the forum can't read. Please check the link."

    @property
    def message_for_people(self) -> str:
        return self.description


class DatabaseIdConverter(IntegerConverter):
    """`<int:...>` for ids: a number the database can't hold matches nothing, so it is a 404."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=MAX_ID, signed=False) -> None:
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class ForumRequest(Request):
    """Query and form values never hold NUL; the fields that did are remembered, so that the
    form can say so beside them."""

    @property
    def nul_fields(self) -> frozenset[str]:
        self.args, self.form  # noqa: B018 - reading them notes their NULs
        return frozenset(self.__dict__.get("_nul_fields", ()))

    @cached_property
    def args(self) -> MultiDict[str, str]:
        return self._shown_without_nul(Request.args.fget(self))

    def _load_form_data(self) -> None:
        super()._load_form_data()
        self.__dict__["form"] = self._shown_without_nul(self.__dict__["form"])

    def _shown_without_nul(self, values: MultiDict[str, str]) -> MultiDict[str, str]:
        pairs = [(_shown(key), value) for key, value in values.items(multi=True)]
        if not any(NUL in value or SHOWN_FOR_NUL in key for key, value in pairs):
            return values
        noted = self.__dict__.setdefault("_nul_fields", set())
        noted.update(key for key, value in pairs if NUL in value)
        return ImmutableMultiDict([(key, _shown(value)) for key, value in pairs])


def _shown(text: str) -> str:
    return text.replace(NUL, SHOWN_FOR_NUL)


def refuse_unreadable_paths() -> None:
    if NUL in request.path:
        raise UnreadableInput()


def is_database_id(value: str | None) -> bool:
    """Whether VALUE spells an id the database can hold (ASCII digits, at most MAX_ID)."""
    return bool(value) and value.isascii() and value.isdigit() and int(value) <= MAX_ID


def query_number(name: str, default: int | None = None, *, lowest: int = 1) -> int | None:
    """A whole number from the query string; DEFAULT when absent or not a number (an old or
    mistyped link still shows the page), a 400 when it is a number no page can have."""
    raw = request.args.get(name, "").strip()
    if not (raw.isascii() and raw.isdigit()) or int(raw) < lowest:
        return default  # a number too large for an id is refused just below
    if int(raw) > MAX_ID:
        raise UnreadableInput(f"“{name}” in that address is not a number any page has.")
    return int(raw)


class ForumForm(FlaskForm):
    """The base of every form: a NUL or an out-of-range number is an error beside its field."""

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        nul_fields = getattr(request, "nul_fields", frozenset())
        for field in _leaf_fields(self):
            if field.name in nul_fields:
                field.errors = [*field.errors, NUL_MESSAGE]
                valid = False
            elif isinstance(field.data, int) and not -MAX_ID <= field.data <= MAX_ID:
                field.errors = [*field.errors, "That number is too large."]
                valid = False
        return valid


def _leaf_fields(form) -> Iterator[Field]:
    for field in form:
        if isinstance(field, FieldList):
            for entry in field.entries:
                yield from _leaf_fields([entry])
        elif isinstance(field, FormField):
            yield from _leaf_fields(field.form)
        else:
            yield field


def init_app(app: Flask) -> None:
    """Call before any blueprint is registered: routes read their converters when added."""
    app.request_class = ForumRequest
    app.url_map.converters["int"] = DatabaseIdConverter
    app.before_request(refuse_unreadable_paths)
