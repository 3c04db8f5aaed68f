"""What every response carries: friendly errors and strict security headers."""

from __future__ import annotations

import pytest
from werkzeug.exceptions import Forbidden

from forum import create_app


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_pages_have_a_skip_link_landmarks_and_the_disclaimer(client):
    html = client.get("/").get_data(as_text=True)
    assert '<a class="skip-link" href="#main">' in html
    for landmark in ("<header", '<main id="main"', "<footer", '<nav class="site-nav"'):
        assert landmark in html
    assert "Not medical advice." in html


@pytest.fixture
def failing_app(monkeypatch, database_url):
    monkeypatch.setenv("DATABASE_URL", database_url)
    app = create_app("testing")
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("a bug")

    @app.get("/forbidden")
    def forbidden():
        raise Forbidden()

    return app


def test_an_unexpected_error_shows_a_friendly_500_page(failing_app):
    response = failing_app.test_client().get("/boom")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong on our side" in html
    assert "a bug" not in html and "Traceback" not in html


def test_forbidden_shows_a_friendly_403_page(failing_app):
    response = failing_app.test_client().get("/forbidden")
    assert response.status_code == 403
    assert "You can&#39;t do that here" in response.get_data(as_text=True)


def test_the_wrong_method_is_405_not_500(client):
    assert client.post("/").status_code == 405


def test_information_pages_are_served(client):
    for path, heading in (
        ("/about", "About this forum"),
        ("/guidelines", "Community guidelines"),
        ("/medical-review", "How summaries are reviewed"),
    ):
        response = client.get(path)
        assert response.status_code == 200
        assert f"<h1>{heading}</h1>" in response.get_data(as_text=True)


def test_state_changing_forms_are_refused_without_a_csrf_token(app, make):
    app.config["WTF_CSRF_ENABLED"] = True
    member = make.user(display_name="Steady")
    client = app.test_client(user=member)
    for path, data in (
        ("/account/display-name", {"name-display_name": "Changed"}),
        ("/account/export", {}),
        ("/auth/sign-in", {"email": "a@example.com", "password": "x"}),
    ):
        assert client.post(path, data=data).status_code == 400, path
    assert member.display_name == "Steady"
