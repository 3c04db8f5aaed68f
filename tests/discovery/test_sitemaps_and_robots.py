"""sitemap.xml lists the public pages with their last change, becomes an index when large, and
robots.txt keeps private, staff, search and filtered pages out."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest

from forum.questions.models import QuestionStatus

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response.content_type.startswith("application/xml")
    return ET.fromstring(response.data)


def locations(root: ET.Element) -> dict[str, str | None]:
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


@pytest.fixture
def site(make):
    condition = make.condition("Lupus", slug="lupus")
    reviewed = make.question(
        condition, slug="reviewed", last_activity_at=datetime(2026, 2, 1, tzinfo=UTC)
    )
    make.published_summary(reviewed, published_at=datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC))
    waiting = make.question(condition, slug="waiting")  # no summary yet: noindex
    hidden = make.question(condition, slug="hidden", status=QuestionStatus.HIDDEN)
    make.published_summary(hidden)
    return condition, reviewed, waiting, hidden


def test_the_sitemap_lists_public_indexable_pages_with_their_last_change(client, site):
    condition, reviewed, _waiting, _hidden = site  # neither belongs in the sitemap
    urls = locations(parse(client.get("/sitemap.xml")))
    base = "http://localhost"
    assert set(urls) == {
        f"{base}/",
        f"{base}/about",
        f"{base}/guidelines",
        f"{base}/medical-review",
        f"{base}/conditions/{condition.id}/lupus",
        f"{base}/questions/{reviewed.id}/reviewed",
    }
    # The summary's publication is the question's latest change; the condition follows it.
    assert urls[f"{base}/questions/{reviewed.id}/reviewed"] == "2026-03-04T05:06:07+00:00"
    assert urls[f"{base}/conditions/{condition.id}/lupus"] is not None


def test_a_large_sitemap_becomes_an_index_of_pages(app, client, make, site):
    app.config["SITEMAP_PAGE_SIZE"] = 4
    condition = site[0]
    for n in range(4):
        make.published_summary(make.question(condition, slug=f"more-{n}"))
    # 4 fixed pages + 1 condition + 5 questions = 10 addresses: three sitemap pages.
    index = parse(client.get("/sitemap.xml"))
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    pages = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert pages == [f"http://localhost/sitemaps/{n}.xml" for n in (1, 2, 3)]

    seen: list[str] = []
    for page in pages:
        seen += locations(parse(client.get(page.removeprefix("http://localhost"))))
    assert len(seen) == len(set(seen)) == 10
    assert sum("/questions/" in url for url in seen) == 5
    assert client.get("/sitemaps/4.xml").status_code == 404
    assert client.get("/sitemaps/0.xml").status_code == 404


def test_a_sitemap_page_costs_a_fixed_number_of_queries(app, client, make, site, count_queries):
    app.config["SITEMAP_PAGE_SIZE"] = 1000
    with count_queries() as few:
        client.get("/sitemap.xml")
    for n in range(10):
        make.published_summary(make.question(site[0], slug=f"extra-{n}"))
    with count_queries() as many:
        client.get("/sitemap.xml")
    assert many.count == few.count <= 5


def test_robots_txt_keeps_private_staff_search_and_filtered_pages_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert "User-agent: *" in lines
    disallowed = {line.split(":", 1)[1].strip() for line in lines if line.startswith("Disallow:")}
    assert {
        "/account", "/auth", "/admin", "/review", "/moderation", "/search", "/members", "/*?",
    } <= disallowed  # fmt: skip
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    # Nothing readers should find from a search engine is blocked.
    assert not disallowed & {"/", "/questions", "/conditions", "/answers", "/about"}


def test_filtered_views_of_a_question_are_noindex(client, make):
    question = make.question()
    make.published_summary(question)
    plain = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    filtered = client.get(f"/questions/{question.id}/{question.slug}?sort=newest")
    assert '<meta name="robots" content="noindex">' not in plain
    assert '<meta name="robots" content="noindex">' in filtered.get_data(as_text=True)
