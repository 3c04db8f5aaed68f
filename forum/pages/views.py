"""Static information pages: about, community guidelines, how medical review works."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("pages", __name__)


@bp.get("/about")
def about():
    return render_template("pages/about.html")


@bp.get("/guidelines")
def guidelines():
    return render_template("pages/guidelines.html")


@bp.get("/medical-review")
def medical_review():
    return render_template("pages/medical_review.html")
