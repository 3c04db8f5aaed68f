"""Sentences shared by every condition, from which answers about treatments are composed."""

from __future__ import annotations

from collections.abc import Mapping

from forum.answers.models import Outcome
from forum.conditions.models import Perspective

# ---------------------------------------------------------------------------------------------
# Sentences shared by every condition
# ---------------------------------------------------------------------------------------------

# {treatment} reads mid-sentence, {Treatment} starts one; {symptom} and {relative} as in specs.py.
TREATMENT_SENTENCES: Mapping[Perspective, Mapping[Outcome, tuple[str, ...]]] = {
    Perspective.PATIENT: {
        Outcome.HELPED_A_LOT: (
            "For me, {treatment} made the biggest difference, and {symptom} became much "
            "easier to live with.",
            "I had really good results with {treatment}; it took the edge off {symptom} "
            "within a few weeks.",
            "{Treatment} was a turning point for me, and I wish I had asked about it sooner.",
        ),
        Outcome.HELPED_SOMEWHAT: (
            "{Treatment} helped a bit, though not as much as I had hoped.",
            "I noticed a modest improvement in {symptom} with {treatment}.",
            "With {treatment} my good days became a little more frequent.",
        ),
        Outcome.NO_CHANGE: (
            "I gave {treatment} a fair trial but honestly noticed no real difference.",
            "{Treatment} didn't change much for me, although I know it works well for others.",
        ),
        Outcome.MADE_IT_WORSE: (
            "Unfortunately {treatment} left me feeling worse overall, so I stopped after "
            "talking it through with my care team.",
            "{Treatment} did not agree with me at all, and I felt worse while I was on it.",
        ),
    },
    Perspective.CAREGIVER: {
        Outcome.HELPED_A_LOT: (
            "{Treatment} has helped my {relative} a great deal, especially with {symptom}.",
            "We saw a clear improvement once my {relative} started {treatment}.",
        ),
        Outcome.HELPED_SOMEWHAT: (
            "{Treatment} gave my {relative} some relief, though it was not a complete fix.",
            "My {relative} found {treatment} moderately helpful.",
        ),
        Outcome.NO_CHANGE: (
            "My {relative} tried {treatment}, but we didn't see any change.",
            "{Treatment} made no noticeable difference for my {relative}.",
        ),
        Outcome.MADE_IT_WORSE: (
            "{Treatment} seemed to make things harder for my {relative}, so it was stopped.",
        ),
    },
}

SIDE_EFFECT_SENTENCES: tuple[str, ...] = (
    "The main downside was {side_effects}.",
    "The trade-off was {side_effects}.",
    "It did come with {side_effects}.",
)

STILL_USING_SENTENCES: Mapping[Perspective, Mapping[bool, tuple[str, ...]]] = {
    Perspective.PATIENT: {
        True: ("It's still part of my routine.", "I still use it today."),
        False: ("I've since stopped it.", "I no longer use it."),
    },
    Perspective.CAREGIVER: {
        True: ("It is still part of their routine.",),
        False: ("It is no longer part of their plan.",),
    },
}

CLOSERS: tuple[str, ...] = (
    "Everyone's experience is different, so please talk any changes through with your own "
    "care team.",
    "It took patience, but things feel more manageable now than they did at the start.",
    "Hearing from others here has made all of this feel less lonely.",
    "Keeping notes has made my appointments far more useful.",
    "Be gentle with yourself while you work out what suits you.",
    "Happy to compare notes if anyone has questions.",
)
