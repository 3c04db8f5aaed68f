"""Named things that happen, for what must follow them elsewhere.

A feature says that something happened by calling the event by name, in the transaction that
made it happen (`events.answer_published(answer)`); what follows each event is registered once,
in the app factory (`events.init_app(app, {events.answer_published: [...]})`). So a feature
never imports the features above it to tell them, every follow-up is listed in one place, and
nothing depends on the order modules were imported. The follow-ups run in the same
transaction; work that can wait queues a job (forum.jobs.queue.after_commit).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from flask import Flask, current_app, has_app_context

EXTENSION = "forum_events"


class Event:
    """One kind of happening; calling it runs what the app registered for it, in order."""

    def __init__(self, name: str, doc: str) -> None:
        self.name = name
        self.__doc__ = doc

    def __call__(self, *args: object, **kwargs: object) -> None:
        if not has_app_context():  # a script using the models directly: nothing to tell
            return
        for follow_up in current_app.extensions.get(EXTENSION, {}).get(self, ()):
            follow_up(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<event {self.name}>"


answer_posted = Event("answer_posted", "(answer) a member posted a new answer, in any status.")
answer_edited = Event("answer_edited", "(answer) an answer's words or reports were edited.")
answer_published = Event("answer_published", "(answer) an answer was published for the first time.")
answer_decided = Event(
    "answer_decided", "(member, answer, message) moderation decided about a member's answer."
)
answer_found_helpful = Event("answer_found_helpful", "(answer) a member marked it helpful.")
check_in_due = Event("check_in_due", "(answer, months) a still-working check-in fell due.")
summary_published = Event("summary_published", "(revision) a summary revision was published.")
summary_report_answered = Event(
    "summary_report_answered", "(flag) a reviewer replied to a reader's report on a summary."
)
reviewer_note_changed = Event(
    "reviewer_note_changed", "(note) a reviewer added, edited or withdrew a note on an answer."
)
suggestion_decided = Event(
    "suggestion_decided", "(suggestion) a reviewer accepted or declined a suggested correction."
)
someone_at_risk = Event("someone_at_risk", "(flag) a reader reported that someone may be at risk.")


def init_app(app: Flask, follow_ups: Mapping[Event, Sequence[Callable[..., None]]]) -> None:
    """What follows each event in APP (an event with none simply has nothing follow it)."""
    app.extensions[EXTENSION] = {event: tuple(calls) for event, calls in follow_ups.items()}
