"""Reading what the app wrote to the development outbox, as a person reads their inbox."""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import urlsplit

LINK = re.compile(r"https?://\S+")


class Outbox:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def messages(self, to: str | None = None) -> list[EmailMessage]:
        if not self.folder.exists():
            return []
        files = sorted(self.folder.glob("*.eml"))
        parsed = [BytesParser(policy=policy.default).parsebytes(f.read_bytes()) for f in files]
        return [m for m in parsed if to is None or m["To"] == to]

    def last(self, to: str) -> EmailMessage:
        messages = self.messages(to)
        assert messages, f"no message was sent to {to}"
        return messages[-1]

    def link_in_last(self, to: str) -> str:
        """The path of the first link in the newest message to `to`, ready for the test client."""
        body = self.last(to).get_content()
        match = LINK.search(body)
        assert match, "the message holds no link"
        parts = urlsplit(match.group(0))
        return parts.path + (f"?{parts.query}" if parts.query else "")
