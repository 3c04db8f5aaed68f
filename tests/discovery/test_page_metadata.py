"""Every public page has its own title and description, a canonical link and Open Graph tags."""

from __future__ import annotations

import re
from html import unescape

from sqlalchemy import select

from forum.answers.models import Visibility
from forum.database import db
from forum.summaries.models import ReviewerProfile


def head_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.get_data(as_text=True)
    return html[: html.index("</head>")]


def meta(head: str, attribute: str, name: str) -> str | None:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', head)
    return unescape(found.group(1)) if found else None


def test_public_pages_have_unique_titles_descriptions_and_open_graph(client, make):
    condition = make.condition("Lupus", slug="lupus")
    reviewer = make.reviewer("Dr Ada Quill")
    question = make.question(condition, title="What helps with joint pain?", slug="joint-pain")
    make.published_summary(question, reviewer=reviewer, short_answer="Rest and medicines help.")
    other = make.question(condition, title="How do you explain lupus?", slug="explain")
    make.published_summary(other, reviewer=reviewer, short_answer="Simple words work best.")
    first = make.answer(question, body="Warm baths in the evening helped my knees.")
    second = make.answer(question, body="Pacing my chores across the week helped.")
    profile_id = db.session.scalar(
        select(ReviewerProfile.id).where(ReviewerProfile.user_id == reviewer.id)
    )
    paths = [
        "/",
        "/about",
        "/guidelines",
        "/medical-review",
        f"/conditions/{condition.id}/lupus",
        f"/questions/{question.id}/joint-pain",
        f"/questions/{other.id}/explain",
        f"/answers/{first.id}",
        f"/answers/{second.id}",
        f"/questions/{question.id}/summary/history",
        f"/reviewers/{profile_id}",
    ]
    titles, descriptions = [], []
    for path in paths:
        head = head_of(client, path)
        titles.append(unescape(re.search(r"<title>(.*?)</title>", head).group(1)))
        description = meta(head, "name", "description")
        assert description, f"{path} has no description"
        descriptions.append(description)
        if "/summary/history" in path or "/reviewers/" in path:
            continue
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', head).group(1)
        assert canonical == "http://localhost" + path
        assert meta(head, "property", "og:url") == canonical
        assert meta(head, "property", "og:site_name") == "Patient Experience Forum"
        assert meta(head, "property", "og:title")
        assert meta(head, "property", "og:description") == description
        assert meta(head, "property", "og:type") in ("website", "article")
    assert len(set(titles)) == len(titles), titles
    assert len(set(descriptions)) == len(descriptions), descriptions


def test_a_question_page_is_an_article_titled_by_its_question(client, make):
    question = make.question(title="What helps with joint pain?", slug="joint-pain")
    make.published_summary(question, short_answer="Rest and medicines help.")
    head = head_of(client, f"/questions/{question.id}/joint-pain")
    assert meta(head, "property", "og:type") == "article"
    assert meta(head, "property", "og:title") == (
        f"What helps with joint pain? · {question.condition.name}"
    )
    assert meta(head, "property", "og:description") == "Rest and medicines help."


def test_a_members_only_answer_keeps_its_words_out_of_the_head(client, make):
    answer = make.answer(
        make.question(), body="Private words about my treatment.", visibility=Visibility.MEMBERS
    )
    head = head_of(client, f"/answers/{answer.id}")
    assert "Private words" not in head
    assert '<meta name="robots" content="noindex">' in head


def test_a_member_profile_has_a_plain_title_and_stays_out_of_search_engines(client, make):
    member = make.user(display_name="QuietOak")
    make.answer(make.question(title="What helps with fatigue?"), member, body="Naps helped.")
    head = head_of(client, "/members/QuietOak")
    assert "<title>QuietOak · Patient Experience Forum</title>" in head
    assert '<meta name="robots" content="noindex">' in head
    assert "fatigue" not in head  # the answers are listed in the page, not in its head


def test_sign_in_join_password_and_search_pages_have_a_description(client):
    descriptions = []
    for path in ("/auth/sign-in", "/auth/register", "/auth/forgot-password", "/search"):
        description = meta(head_of(client, path), "name", "description")
        assert description, f"{path} has no description"
        descriptions.append(description)
    assert len(set(descriptions)) == len(descriptions)
