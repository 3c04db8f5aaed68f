"""Every demo condition, in the order the forum lists them."""

from __future__ import annotations

from tools.demo.data.hypermobile_eds import HYPERMOBILE_EDS
from tools.demo.data.myasthenia_gravis import MYASTHENIA_GRAVIS
from tools.demo.data.pots import POTS
from tools.demo.data.specs import ConditionSpec
from tools.demo.data.stiff_person_syndrome import STIFF_PERSON_SYNDROME

CONDITIONS: tuple[ConditionSpec, ...] = (
    STIFF_PERSON_SYNDROME,
    MYASTHENIA_GRAVIS,
    POTS,
    HYPERMOBILE_EDS,
)
