"""Outgoing mail. Message texts live in templates/mail/; views never hold message text.

A message is written when it is asked for, and handed to the job queue once the transaction
that asked for it commits (a rolled-back request sends nothing); the `deliver` job sends it,
retried with back-off when the mail server fails. Development and tests write each message to
instance/outbox/ as an .eml file; production sends over SMTP with the MAIL_* settings. Logs name
the message, never the address.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import time
import uuid
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app, render_template

from forum.jobs.queue import after_commit, job

log = logging.getLogger(__name__)


def send_mail(
    to: str, template: str, *, headers: dict[str, str] | None = None, **context
) -> EmailMessage:
    """Render templates/mail/<template>.txt (first line "Subject: …") for one person, and send
    it once the current transaction commits (at once when none is open)."""
    message = compose(to, template, headers=headers, **context)
    after_commit(deliver, bytes(message), template)
    return message


@job(retries=5, retry_delay=60, retry_backoff=2)  # 1, 2, 4, 8 and 16 minutes later
def deliver(raw: bytes, template: str) -> None:
    """Send one written message: over SMTP, or into the outbox."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    if current_app.config["MAIL_BACKEND"] == "smtp":
        _send_smtp(message)
        log.info("mail: sent %r over SMTP", template)
    else:
        path = _write_to_outbox(message)
        log.info("mail: wrote %r to the outbox as %s", template, path.name)


def compose(
    to: str, template: str, *, headers: dict[str, str] | None = None, **context
) -> EmailMessage:
    rendered = render_template(f"mail/{template}.txt", **context)
    subject_line, _, body = rendered.lstrip().partition("\n")
    if not subject_line.startswith("Subject: "):
        raise ValueError(f"templates/mail/{template}.txt must start with 'Subject: '.")
    message = EmailMessage()
    message["Subject"] = subject_line.removeprefix("Subject: ").strip()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = to
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="forum.invalid")
    message["X-Forum-Template"] = template
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body.strip() + "\n")
    return message


def outbox_path() -> Path:
    configured = current_app.config.get("MAIL_OUTBOX_DIR")
    return Path(configured) if configured else Path(current_app.instance_path) / "outbox"


def _write_to_outbox(message: EmailMessage) -> Path:
    folder = outbox_path()
    folder.mkdir(parents=True, exist_ok=True)
    # Names sort in the order messages were written, like an inbox.
    path = folder / f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(bytes(message))
    return path


def _send_smtp(message: EmailMessage) -> None:
    config = current_app.config
    host, port = config["MAIL_SERVER"], config["MAIL_PORT"]
    timeout = config.get("MAIL_TIMEOUT", 10)
    if config.get("MAIL_USE_SSL"):
        smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(host, port, timeout=timeout)
    with smtp:
        if config.get("MAIL_USE_TLS") and not config.get("MAIL_USE_SSL"):
            smtp.starttls(context=ssl.create_default_context())
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)
