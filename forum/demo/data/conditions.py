"""Every demo condition, in the order the forum lists them."""

from __future__ import annotations

from forum.demo.data.hypermobile_eds import HYPERMOBILE_EDS
from forum.demo.data.myasthenia_gravis import MYASTHENIA_GRAVIS
from forum.demo.data.pots import POTS
from forum.demo.data.specs import ConditionSpec
from forum.demo.data.stiff_person_syndrome import STIFF_PERSON_SYNDROME

CONDITIONS: tuple[ConditionSpec, ...] = (
    STIFF_PERSON_SYNDROME,
    MYASTHENIA_GRAVIS,
    POTS,
    HYPERMOBILE_EDS,
)
