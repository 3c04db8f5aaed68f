"""The demo side-effect vocabulary: each phrase the demo answers use, by the name members pick
from the condition's list. Written for the demo; general, not medical advice."""

from __future__ import annotations

SIDE_EFFECT_NAMES = {
    # Stiff Person Syndrome
    "drowsiness": "Drowsiness",
    "feeling foggy in the mornings": "Brain fog",
    "some unsteadiness at first": "Unsteadiness",
    "sleepiness": "Drowsiness",
    "a flat mood for a while": "Low mood",
    "tiredness": "Tiredness",
    "legs that felt weak": "Muscle weakness",
    "dizziness": "Dizziness",
    "some weight gain": "Weight gain",
    "brain fog": "Brain fog",
    "headaches after infusions": "Headache",
    "a day or two of tiredness after each round": "Tiredness",
    "feeling wiped out after sessions": "Tiredness",
    "trouble with the line site": "Soreness where the needle or line went in",
    "an infusion reaction the first time": "Infusion reaction",
    "more colds than usual": "More infections than usual",
    "soreness after sessions": "Soreness",
    # Myasthenia gravis
    "stomach cramps": "Stomach upset",
    "muscle twitching": "Muscle twitching",
    "loose stools": "Stomach upset",
    "weight gain": "Weight gain",
    "trouble sleeping": "Trouble sleeping",
    "mood swings": "Mood changes",
    "nausea": "Nausea",
    "an upset stomach": "Stomach upset",
    "headaches": "Headache",
    "tiredness after infusions": "Tiredness",
    "feeling drained after sessions": "Tiredness",
    "a slow recovery from surgery": "A slow recovery",
    "tiredness on infusion days": "Tiredness",
    "more infections than usual": "More infections than usual",
    # POTS
    "bloating": "Bloating",
    "discomfort in hot weather": "Discomfort in the heat",
    "feeling worse for the first few weeks": "Worse before better",
    "cold hands": "Cold hands",
    "puffy ankles": "Swollen ankles",
    "a tingling scalp": "Tingling",
    "goosebumps": "Goosebumps",
    "brief flashes of light in my vision": "Changes in vision",
    "bruising at the drip site": "Soreness where the needle or line went in",
    # Hypermobile EDS
    "flare-ups when I overdid it": "Pain flare-ups",
    "skin irritation": "Skin irritation",
    "morning grogginess": "Drowsiness",
    "a dry mouth": "Dry mouth",
    "a long recovery": "A slow recovery",
}
