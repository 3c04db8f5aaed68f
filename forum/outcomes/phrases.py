"""How a check-in reads on an answer card: "Updated after 6 months: still helping"."""

from __future__ import annotations

from forum.answers.models import Outcome, StopReason, TreatmentReport

# While still taking it, how it is going; "helping" needs no "still taking it" before it.
_STILL_TAKING = {
    Outcome.HELPED_A_LOT: "still helping",
    Outcome.HELPED_SOMEWHAT: "still helping",
    Outcome.NO_CHANGE: "still taking it, no change",
    Outcome.MADE_IT_WORSE: "still taking it, but it made things worse",
}
_STOPPED = {
    StopReason.STOPPED_HELPING: "stopped: it stopped helping",
    StopReason.SIDE_EFFECTS: "stopped: side effects",
    StopReason.COST_OR_ACCESS: "stopped: cost or access",
    StopReason.DOCTORS_ADVICE: "stopped on a doctor's advice",
    StopReason.COURSE_FINISHED: "stopped: the course finished",
    StopReason.OTHER: "stopped for another reason",
}
# A report whose author did not say whether they still take it (an older answer).
_UNSAID = {
    Outcome.HELPED_A_LOT: "helping",
    Outcome.HELPED_SOMEWHAT: "helping",
    Outcome.NO_CHANGE: "no change",
    Outcome.MADE_IT_WORSE: "made things worse",
}


def check_in_note(report: TreatmentReport) -> str:
    """The card's line for a report a check-in confirmed; "" for one none has."""
    if report.checked_after_months is None:
        return ""
    return f"Updated after {report.checked_after_months} months: {how_it_stands(report)}"


def how_it_stands(report: TreatmentReport) -> str:
    if report.still_using is True:
        return _STILL_TAKING[report.outcome]
    if report.still_using is False:
        return _STOPPED.get(report.stop_reason, "stopped")
    return _UNSAID[report.outcome]
