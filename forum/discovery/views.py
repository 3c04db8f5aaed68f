"""robots.txt, the sitemap and the Atom feeds."""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, render_template, url_for

from forum.conditions.services import find_condition
from forum.discovery import feeds, sitemaps
from forum.discovery.structured_data import question_json_ld
from forum.questions.services import find_visible_question

bp = Blueprint("discovery", __name__)
bp.add_app_template_global(question_json_ld)

XML = "application/xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"


@bp.get("/robots.txt")
def robots():
    body = render_template("discovery/robots.txt")
    return Response(body, mimetype="text/plain")


@bp.get("/sitemap.xml")
def sitemap():
    pages = sitemaps.page_count()
    if pages == 1:
        return Response(sitemaps.urlset(sitemaps.entries(1) or []), content_type=XML)
    return Response(sitemaps.sitemap_index(pages), content_type=XML)


@bp.get("/sitemaps/<int:number>.xml")
def sitemap_page(number: int):
    entries = sitemaps.entries(number)
    if entries is None:
        abort(404)
    return Response(sitemaps.urlset(entries), content_type=XML)


@bp.get("/conditions/<int:condition_id>/<slug>/feed.xml")
def condition_feed(condition_id: int, slug: str):
    found = find_condition(condition_id)
    return _feed(found, slug, feeds.condition_feed, ".condition_feed", condition_id=condition_id)


@bp.get("/questions/<int:question_id>/<slug>/feed.xml")
def question_feed(question_id: int, slug: str):
    found = find_visible_question(question_id)
    return _feed(found, slug, feeds.question_feed, ".question_feed", question_id=question_id)


def _feed(item, slug: str, build, endpoint: str, **ids):
    """404 for nothing, 301 to the feed's canonical address for an old slug, else the feed."""
    if item is None:
        abort(404)
    if slug != item.slug:
        return redirect(url_for(endpoint, slug=item.slug, **ids), code=301)
    return Response(feeds.to_xml(build(item)), content_type=ATOM)
