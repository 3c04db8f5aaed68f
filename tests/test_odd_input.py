"""Odd input never gets a 500: every route, walked with values a database or a parser chokes on.

Each route of the app is requested with ids past the database's integer range, NUL bytes and
junk in its URL, in every query parameter any page reads, and (for forms) in every field of
every form the route's page shows, signed out and as an admin. Anything below 500 is an answer:
a 404 for an id that cannot exist, a 400 or the form again with its errors.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from flask import current_app
from sqlalchemy import func, select

import config
from forum.accounts.models import Role
from forum.answers.models import Answer, Outcome, WatchAction, WatchedWord
from forum.database import db
from forum.extensions import limiter
from forum.flags.models import Flag, FlagReason
from forum.suggestions.services import SuggestionInput, suggest_correction
from tests.answers.helpers import answer_form
from tests.conftest import running_app

HUGE_NUMBERS = ("99999999999999999999999", str(2**31), str(2**63), "-1", "1e9", "٣")
NUL_TEXT = "odd\x00text"
ODD_VALUES = (*HUGE_NUMBERS, NUL_TEXT, "\x00", "%00", "abc", "")
# Every query parameter a page of the forum reads, and a few that none does.
QUERY_NAMES = ("page", "a", "sort", "treatment", "outcome", "perspective", "diagnosis", "q",
               "condition", "kind", "from", "to", "version", "next", "reason", "actor",
               "member", "action", "since", "until", "_method", "slug", "other")  # fmt: skip


class FormFields(HTMLParser):
    """The fields of every POST form on a page, with the values the page gives them (the text
    of a textarea, the selected or first option, the last button: as a person would send it)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []
        self._fields: dict[str, str] | None = None
        self._open: tuple[str, str] | None = None  # the textarea or select being read
        self._first_option = True

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._fields = {}
            self.forms.append((attrs.get("action") or "", self._fields))
        elif self._fields is None:
            return
        elif tag in ("textarea", "select") and attrs.get("name"):
            self._open, self._first_option = (tag, attrs["name"]), True
            self._fields.setdefault(attrs["name"], "")
        elif tag == "option" and self._open and self._open[0] == "select":
            if self._first_option or "selected" in attrs:
                self._fields[self._open[1]] = attrs.get("value") or ""
            self._first_option = False
        elif tag == "button" and attrs.get("name"):
            self._fields[attrs["name"]] = attrs.get("value") or ""
        elif tag == "input" and attrs.get("name"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                self._fields.setdefault(attrs["name"], attrs.get("value") or "y")
            else:
                self._fields[attrs["name"]] = attrs.get("value") or ""

    def handle_data(self, data):
        if self._fields is not None and self._open and self._open[0] == "textarea":
            self._fields[self._open[1]] += data

    def handle_endtag(self, tag):
        if tag in ("textarea", "select"):
            self._open = None
        elif tag == "form":
            self._fields = None


def forms_on(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = FormFields()
    parser.feed(html)
    return parser.forms


class Probe:
    """Requests that must never be answered with a 5xx; the ones that were, for the report."""

    def __init__(self, app) -> None:
        self.app = app
        self.failures: dict[str, str] = {}  # one example per route, method and reader
        self.requests = 0
        self._session_cookies: dict[int, str] = {}

    def client(self, user=None):
        """A fresh client (no state carried from the last request), signed in as USER with the
        session cookie signing in gives, made once per user: thousands of requests each sign in
        again otherwise."""
        client = self.app.test_client()
        if user is not None:
            name = self.app.config["SESSION_COOKIE_NAME"]
            if user.id not in self._session_cookies:
                signed_in = self.app.test_client(user=user)
                self._session_cookies[user.id] = signed_in.get_cookie(name).value
            client.set_cookie(name, self._session_cookies[user.id])
        return client

    def send(self, method: str, path: str, user=None, **kwargs) -> str:
        return self.answer(method, path, user, **kwargs).get_data(as_text=True)

    def answer(self, method: str, path: str, user=None, **kwargs):
        self.requests += 1
        response = self.client(user).open(path, method=method, **kwargs)
        if response.status_code >= 500:
            who = user.display_name if user else "signed out"
            rule = request_rule(self.app, path, method)
            data = kwargs.get("data")
            self.failures.setdefault(f"{method} {rule} ({who})", f"{path!r} {data!r}"[:300])
        return response

    def require_signed_in(self, *users) -> None:
        for user in users:
            response = self.client(user).get("/account")
            assert response.status_code == 200, f"{user.display_name} is not signed in"

    def report(self) -> str:
        return "\n".join(f"{where}: {example}" for where, example in self.failures.items())


def request_rule(app, path: str, method: str) -> str:
    try:
        rule, _ = app.url_map.bind("localhost").match(path.split("?")[0], method, return_rule=True)
    except Exception:  # a path that matches no rule
        return path.split("?")[0]
    return rule.rule


@pytest.fixture
def app(database_url, monkeypatch, tmp_path):
    """This module's app shows a bug as a 500 page (which the probe counts) instead of raising
    it in the test, and lets every request reach its view."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("REDIS_URL", raising=False)

    class Probing(config.TestingConfig):
        PROPAGATE_EXCEPTIONS = False

    with running_app(Probing, tmp_path / "outbox") as app:
        monkeypatch.setattr(limiter, "enabled", False)
        yield app


@pytest.fixture
def forum_content(make) -> dict[str, str]:
    """One of everything a URL can name; by URL argument name, a value that exists."""
    condition = make.condition("Stiff Person Syndrome")
    treatment = make.treatment(condition, "Baclofen")
    question = make.question(condition)
    revision = make.published_summary(question)
    admin = make.user(role=Role.ADMIN, display_name="AdminAsh")
    member = make.user(display_name="MemberMoss")
    make.membership(member, condition)
    answer = make.answer(question, member, treatments=[(treatment, Outcome.HELPED_A_LOT)])
    flag = Flag(summary=revision.summary, reporter=member, reason=FlagReason.SUMMARY_OTHER)
    word = WatchedWord(phrase="miracle cure", phrase_key="miracle cure", action=WatchAction.HOLD)
    db.session.add_all([flag, word])
    db.session.commit()
    suggestion = suggest_correction(
        question, make.user(), SuggestionInput("New words.", "A new body.", "Why.", "A source")
    )
    db.session.commit()
    return {
        "condition_id": str(condition.id),
        "slug": condition.slug,
        "question_slug": question.slug,
        "treatment_slug": treatment.slug,
        "question_id": str(question.id),
        "answer_id": str(answer.id),
        "treatment_id": str(treatment.id),
        "revision_id": str(revision.id),
        "profile_id": str(revision.reviewer_profile.id),
        "flag_id": str(flag.id),
        "suggestion_id": str(suggestion.id),
        "user_id": str(member.id),
        "word_id": str(word.id),
        "name": member.display_name,
        "number": "1",
        "token": "not-a-token",
        "filename": "css/forum.css",
        "_admin": admin,
        "_member": member,
    }


def make_client(user):
    app = current_app._get_current_object()
    return app.test_client(user=user) if user else app.test_client()


def rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"]


SLUG_OF = {"pages.question": "question_slug", "discovery.question_feed": "question_slug",
           "comparing.treatment": "treatment_slug"}  # fmt: skip


def build(rule, values: dict[str, str], odd: dict[str, str]) -> str:
    """The rule's path with VALUES for its arguments, ODD in place of some."""
    path = rule.rule
    slug = SLUG_OF.get(rule.endpoint) or SLUG_OF.get(rule.endpoint.split(".")[0])
    values = {**values, "slug": values[slug]} if slug else values
    for argument, converter in rule._converters.items():
        if type(converter).__name__ == "AnyConverter":
            value = rule.defaults.get(argument) if rule.defaults else None
            value = value or re.search(r"<any\(([^,)]+)", rule.rule).group(1).strip("'")
        else:
            value = odd.get(argument, values.get(argument, "1"))
        path = re.sub(rf"<[^>]*\b{argument}>", quote(value, safe="/"), path)
    return path


def odd_paths(rule, values) -> list[str]:
    """The rule with real values, then with each kind of odd value in each argument."""
    paths = [build(rule, values, {})]
    for argument in rule.arguments:
        for odd in ODD_VALUES:
            paths.append(build(rule, values, {argument: odd}))
    return sorted(set(paths))


def query_strings() -> list[str]:
    return ["&".join(f"{name}={quote(value)}" for name in QUERY_NAMES) for value in ODD_VALUES]


def refused(response) -> bool:
    """Turned away by a route's guard: sent to sign in, or forbidden."""
    to_sign_in = response.status_code == 302 and "/auth/sign-in" in response.location
    return to_sign_in or response.status_code == 403


def test_no_route_answers_odd_input_with_a_server_error(app, forum_content):
    probe = Probe(app)
    admin, member = forum_content["_admin"], forum_content["_member"]
    probe.require_signed_in(admin, member)
    for rule in rules(app):
        method = "GET" if "GET" in rule.methods else "POST"
        junk = {name: NUL_TEXT for name in QUERY_NAMES} if method == "POST" else None
        path = build(rule, forum_content, {})
        for user in (None, admin, member):
            if refused(probe.answer(method, path, user, data=junk)):
                continue  # the route's guard answers before the view reads a parameter
            for query in query_strings():
                probe.send(method, f"{path}?{query}", user, data=junk)
        for path in odd_paths(rule, forum_content):
            for user in (None, admin):
                probe.send(method, path, user, data=junk)
    assert probe.requests > 2000
    assert not probe.failures, probe.report()


def test_no_form_answers_odd_field_values_with_a_server_error(app, forum_content):
    """Every POST form that a page shows, sent back with each odd value in every field."""
    probe = Probe(app)
    admin, member = forum_content["_admin"], forum_content["_member"]
    probe.require_signed_in(admin, member)
    forms_seen = 0
    for rule in rules(app):
        if "GET" not in rule.methods or rule.endpoint in ("auth.sign_out",):
            continue
        path = build(rule, forum_content, {})
        for user in (admin, member, None):
            for action, fields in forms_on(probe.send("GET", path, user)):
                if action.endswith("/sign-out") or action.endswith("/account/delete"):
                    continue
                forms_seen += 1
                for odd in ODD_VALUES:
                    data = {name: odd for name in fields}
                    probe.send("POST", action or path, user, data=data)
                for name in fields:  # one odd field at a time: the rest as the page gave them
                    for odd in (NUL_TEXT, HUGE_NUMBERS[0], "abc"):
                        probe.send("POST", action or path, user, data={**fields, name: odd})
    assert forms_seen > 20
    assert not probe.failures, probe.report()


def test_a_nul_in_an_answer_is_a_form_error_that_keeps_what_was_written(make):
    condition = make.condition("Stiff Person Syndrome")
    question = make.question(condition)
    member = make.user()
    make.membership(member, condition)
    body = "Stretching every morning\x00 helped my back more than any tablet did."
    client = make_client(member)
    response = client.post(f"/questions/{question.id}/answer", data=answer_form(body=body))
    assert response.status_code == 200
    page = html.unescape(response.get_data(as_text=True))
    assert "invisible “null” character" in page
    assert "Stretching every morning\ufffd helped my back more than any tablet did." in page
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 0


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/conditions/99999999999999999999999/x", 404),
        (f"/questions/{2**31}", 404),
        (f"/answers/{2**63}", 404),
        ("/questions/1/compare?a=99999999999&a=1", 400),
        ("/search?q=baclofen&page=99999999999999999999", 400),
        ("/account/moderation?page=99999999999999999999", 400),
    ],
)
def test_out_of_range_ids_and_nul_bytes_get_a_clear_4xx(make, path, status):
    condition = make.condition()
    make.question(condition)
    response = make_client(make.user()).get(path)
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert '<main id="main"' in page and "Traceback" not in page  # a friendly page


def test_a_nul_byte_in_an_address_is_a_400_that_says_why(make):
    response = make_client(None).get("/conditions/x%00y")
    assert response.status_code == 400
    assert "holds a character the forum can" in html.unescape(response.get_data(as_text=True))


def test_a_nul_byte_in_a_search_is_a_form_error_that_keeps_the_words(make):
    response = make_client(None).get("/search?q=baclofen%00at%20night")
    assert response.status_code == 200
    page = html.unescape(response.get_data(as_text=True))
    assert "invisible “null” character" in page
    assert 'value="baclofen\ufffdat night"' in page


def test_a_wrong_slug_redirect_passes_on_only_the_listing_values(make):
    question = make.question(make.condition())
    response = make_client(None).get(f"/questions/{question.id}/wrong?_method=x&slug=y&sort=newest")
    assert response.status_code == 301
    assert response.headers["Location"] == f"/questions/{question.id}/{question.slug}?sort=newest"


@pytest.mark.parametrize("field", ["treatments-0-treatment", "version", "treatments-0-outcome"])
@pytest.mark.parametrize("value", ["abc", "99999999999999999999999", "1\x00"])
def test_the_answer_form_answers_junk_in_any_field_with_the_form_again(make, field, value):
    condition = make.condition()
    question = make.question(condition)
    treatment = make.treatment(condition)
    author = make.user()
    make.membership(author, condition)
    answer = make.answer(question, author, body="Pacing my week kept the flares fewer for me.")
    form = answer_form(
        body="Pacing my week kept the flares fewer, and rest days helped most of all.",
        treatments=[(treatment.id, "helped_a_lot", {})],
        version=str(answer.version),
    )
    response = make_client(author).post(f"/answers/{answer.id}/edit", data={**form, field: value})
    assert response.status_code in (200, 400, 409)
    assert "rest days helped most of all" in html.unescape(response.get_data(as_text=True))
