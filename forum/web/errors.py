"""Friendly error pages: each status with words for people, never a stack trace."""

from __future__ import annotations

from flask import Flask, Response, render_template
from werkzeug.exceptions import HTTPException, SecurityError

ERROR_PAGES = {
    400: (
        "Something was wrong with that request",
        "Please go back, check what you entered and try again.",
    ),
    401: ("Please sign in first", "You need to be signed in to do that."),
    403: (
        "You can't do that here",
        "Your account doesn't have permission for this page or action.",
    ),
    404: ("We couldn't find that page", "It may have moved, or the link may be mistyped."),
    405: ("That didn't work", "This page can't be used that way. Please go back and try again."),
    429: (
        "Please slow down",
        "You've done that many times in a short while. Wait a minute, then try again.",
    ),
    500: (
        "Something went wrong on our side",
        "We've noted the problem. Please try again in a little while.",
    ),
}


def render_error(error: HTTPException):
    code = error.code or 500
    title, message = ERROR_PAGES.get(code, (error.name, error.description or ""))
    # An error raised with words for people (forum.web.request_input) says what was wrong.
    message = getattr(error, "message_for_people", None) or message
    return render_template("errors/error.html", code=code, title=title, message=message), code


def refuse_unknown_host(error: SecurityError):
    # A request for a host that is not the site's: no page can be drawn for it, as no URL can
    # be built on that host (and none should be).
    return Response("Bad request: this server does not answer for that host.\n", 400,
                    mimetype="text/plain")  # fmt: skip


def init_app(app: Flask) -> None:
    app.register_error_handler(SecurityError, refuse_unknown_host)
    app.register_error_handler(HTTPException, render_error)
