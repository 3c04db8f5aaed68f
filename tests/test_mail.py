from __future__ import annotations

import logging

import pytest

from forum.core.mail import send_mail


def test_development_mail_goes_to_the_outbox_and_the_log_holds_no_address(app, outbox, caplog):
    with app.test_request_context(), caplog.at_level(logging.INFO, logger="forum.core.mail"):
        send_mail("reader@example.com", "email_in_use")
    message = outbox.last("reader@example.com")
    assert message["Subject"].startswith("A request to use your address")
    assert "forum.invalid" in message["From"]
    assert "reader@example.com" not in caplog.text
    assert "email_in_use" in caplog.text


class RecordingSMTP:
    sent: list = []

    def __init__(self, host, port, timeout):
        self.host, self.port = host, port
        self.calls = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def starttls(self, context):
        self.calls.append("starttls")

    def login(self, username, password):
        self.calls.append(("login", username))

    def send_message(self, message):
        RecordingSMTP.sent.append((self.host, self.port, self.calls, message))


@pytest.fixture
def smtp_app(app, monkeypatch):
    RecordingSMTP.sent = []
    monkeypatch.setattr("smtplib.SMTP", RecordingSMTP)
    app.config.update(
        MAIL_BACKEND="smtp",
        MAIL_SERVER="smtp.example.com",
        MAIL_PORT=587,
        MAIL_USE_TLS=True,
        MAIL_USERNAME="forum",
        MAIL_PASSWORD="secret",
    )
    return app


def test_production_mail_goes_over_smtp_with_starttls_and_login(smtp_app, outbox):
    with smtp_app.test_request_context():
        send_mail("reader@example.com", "email_in_use")
    ((host, port, calls, message),) = RecordingSMTP.sent
    assert (host, port) == ("smtp.example.com", 587)
    assert calls == ["starttls", ("login", "forum")]
    assert message["To"] == "reader@example.com"
    assert outbox.messages() == []
