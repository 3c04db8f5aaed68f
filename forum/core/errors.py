"""The one exception services raise for a refused action."""

from __future__ import annotations


class ForumError(Exception):
    """A rule said no. The message is written for the person who asked.

    `field` names the form field the message belongs beside, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
