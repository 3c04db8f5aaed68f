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

from flask import Flask, current_app, render_template
from sqlalchemy.orm import Session

from forum.database import db, listen_on_every_session
from forum.jobs.queue import job

log = logging.getLogger(__name__)


PENDING_KEY = "outgoing_mail"


def send_mail(to: str, template: str, **context) -> EmailMessage:
    """Render templates/mail/<template>.txt (first line "Subject: …") for one person, and send
    it once the current transaction commits (at once when none is open)."""
    message = compose(to, template, **context)
    if db.session().in_transaction():
        db.session.info.setdefault(PENDING_KEY, []).append(message)
    else:
        _hand_over(message)
    return message


def _hand_over(message: EmailMessage) -> None:
    deliver.enqueue(bytes(message), message["X-Forum-Template"])


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


def _hand_over_after_commit(session: Session) -> None:
    for message in session.info.pop(PENDING_KEY, ()):
        _hand_over(message)


def _forget_after_rollback(session: Session) -> None:
    session.info.pop(PENDING_KEY, None)


def _hand_over_at_teardown(error: BaseException | None) -> None:
    # A request that wrote nothing never commits (asking for the confirmation link again, say):
    # its mail goes when it ends well. One that failed sends nothing.
    if not db.session.registry.has():  # this context never opened a session
        return
    pending = db.session.info.pop(PENDING_KEY, ())
    if error is None:
        for message in pending:
            _hand_over(message)


def init_app(app: Flask) -> None:
    """Hand written mail to the queue when its transaction commits (create_app calls this)."""
    listen_on_every_session(
        (("after_commit", _hand_over_after_commit), ("after_rollback", _forget_after_rollback))
    )
    app.teardown_appcontext(_hand_over_at_teardown)


def compose(to: str, template: str, **context) -> EmailMessage:
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
