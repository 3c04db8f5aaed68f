"""The references demo summaries cite: general-purpose public health sites."""

from __future__ import annotations

from tools.demo.data.specs import ReferenceSpec

# ---------------------------------------------------------------------------------------------
# References: general-purpose public health sites, with titles of our own
# ---------------------------------------------------------------------------------------------

NINDS = ReferenceSpec(
    "Neurological disorders: information for patients and caregivers",
    "https://www.ninds.nih.gov/",
    "National Institute of Neurological Disorders and Stroke",
    2026,
)
NORD = ReferenceSpec(
    "Rare disease reports and patient resources",
    "https://rarediseases.org/",
    "National Organization for Rare Disorders",
    2026,
)
GARD = ReferenceSpec(
    "Rare disease information for patients and families",
    "https://rarediseases.info.nih.gov/",
    "Genetic and Rare Diseases Information Center",
    2025,
)
MEDLINEPLUS = ReferenceSpec(
    "Health topics in plain language",
    "https://medlineplus.gov/",
    "U.S. National Library of Medicine",
    2026,
)
NHS = ReferenceSpec(
    "Health A to Z: conditions and treatments",
    "https://www.nhs.uk/conditions/",
    "NHS",
    2026,
)
JAN = ReferenceSpec(
    "Workplace accommodation ideas by condition",
    "https://askjan.org/",
    "Job Accommodation Network",
    2025,
)
SPS_FOUNDATION = ReferenceSpec(
    "Understanding stiff person syndrome",
    "https://www.stiffperson.org/understanding-sps",
    "Stiff Person Syndrome Research Foundation",
    2025,
)
MGFA = ReferenceSpec(
    "Living with myasthenia gravis: patient resources",
    "https://myasthenia.org/",
    "Myasthenia Gravis Foundation of America",
    2026,
)
DYSAUTONOMIA = ReferenceSpec(
    "Dysautonomia and POTS: patient information",
    "https://www.dysautonomiainternational.org/",
    "Dysautonomia International",
    2025,
)
EDS_SOCIETY = ReferenceSpec(
    "Hypermobility and the Ehlers-Danlos syndromes: an overview",
    "https://www.ehlers-danlos.com/",
    "The Ehlers-Danlos Society",
    2026,
)
