from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from flask_login import current_user

from forum.conditions.services import list_conditions
from forum.extensions import limiter
from forum.search import services
from forum.search.forms import SearchForm
from forum.web.request_input import query_number

bp = Blueprint("search", __name__)


@bp.get("/search")
@limiter.limit(lambda: current_app.config["RATELIMIT_SEARCH"])
def results():
    conditions = list_conditions()
    form = SearchForm(formdata=request.args)
    form.offer_conditions(conditions)
    form.validate()
    wanted = form.to_request(
        page=query_number("page", 1),
        known_condition_ids={condition.id for condition in conditions},
    )
    page = services.search(wanted, current_user) if wanted.text and not form.errors else None
    # Pagination links keep what was asked, and nothing that was empty.
    asked = {"q": wanted.text, "condition": wanted.condition_id, "kind": wanted.kind}
    page_links = {name: getattr(value, "value", value) for name, value in asked.items() if value}
    return render_template(
        "search/results.html", form=form, wanted=wanted, results=page, page_links=page_links
    )
