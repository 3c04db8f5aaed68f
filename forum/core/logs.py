"""Logging: one JSON object a line in production, and never an email address in any line."""

from __future__ import annotations

import json
import logging
import re
import time

from flask import Flask, g, request

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class RedactEmails(logging.Filter):
    """Defence in depth: whatever a message says, addresses never reach the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "@" in message:
            record.msg, record.args = EMAIL.sub("[email]", message), ()
        if record.exc_info and not record.exc_text:
            # A mail server's refusal names the address it refused, traceback and all.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


def redact(text: str) -> str:
    """TEXT without any email address in it."""
    return EMAIL.sub("[email]", text)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in ("method", "path", "status", "duration_ms"):
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(app: Flask) -> None:
    handler = logging.StreamHandler()
    if app.config.get("LOG_FORMAT") == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactEmails())
    for name in ("forum", "huey"):  # huey: the job queue, which logs each failed job
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False
    app.logger.handlers[:] = [handler]
    if app.config.get("LOG_REQUESTS"):
        app.before_request(_start_timer)
        app.after_request(_log_request)


def _start_timer() -> None:
    g.request_started = time.perf_counter()


def _log_request(response):
    """Method, path without the query string (it may hold search words), status and timing."""
    elapsed = (time.perf_counter() - g.get("request_started", time.perf_counter())) * 1000
    logging.getLogger("forum.requests").info(
        "request",
        extra={
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round(elapsed, 1),
        },
    )
    return response
