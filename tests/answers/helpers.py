"""Filling in the answer form the way a member's browser would."""

from __future__ import annotations

BODY = "Baclofen eased the spasms after a few weeks; heat packs help on bad evenings."


def answer_form(body: str = BODY, treatments=(), action: str = "post", **fields) -> dict:
    """Form data; `treatments` is a list of (treatment id or "other", outcome, extras dict)."""
    data = {
        "body": body,
        "perspective": "patient",
        "time_since_diagnosis": "",
        "visibility": "everyone",
        "action": action,
        **fields,
    }
    for index, (treatment, outcome, extra) in enumerate(treatments):
        prefix = f"treatments-{index}-"
        data[prefix + "treatment"] = str(treatment)
        data[prefix + "outcome"] = outcome
        for key, value in extra.items():
            data[prefix + key] = value
    return data
