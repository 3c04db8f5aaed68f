"""A test client whose every request runs in its own app context, as in production.

Flask reuses an app context that is already pushed, and Flask-Login keeps the signed-in user on
`g`; without this, one request's user (or rate-limit state) would leak into the next. Used by
the test suite and the benchmark.
"""

from __future__ import annotations

from flask_login import FlaskLoginClient

from forum.database import db


class RequestClient(FlaskLoginClient):
    def open(self, *args, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.expire_all()  # the caller's own objects see what the request committed
        return response
