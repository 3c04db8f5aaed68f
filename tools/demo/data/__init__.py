"""The demo content as plain data: conditions, treatments, questions, summaries, members.

Everything here is fictional sample text written for this project, for trying the forum out.
It is general and deliberately unremarkable: no dosing, no claims beyond what is widely known,
and every summary and condition description says it is demo content.
"""

from tools.demo.data.conditions import CONDITIONS
from tools.demo.data.people import (
    CHECK_IN_EMAIL,
    COMMUNITY_MEMBERS,
    DEMO_ACCOUNTS,
    DEMO_REVIEWER_PROFILES,
    REVIEWER_EMAIL,
    SECOND_REVIEWER_EMAIL,
    WRITER_EMAIL,
)
from tools.demo.data.sentences import (
    CLOSERS,
    SIDE_EFFECT_SENTENCES,
    STILL_USING_SENTENCES,
    TREATMENT_SENTENCES,
)
from tools.demo.data.specs import (
    OUTCOME_WEIGHTS,
    ConditionSpec,
    Fragments,
    MembershipSpec,
    MemberSpec,
    QuestionSpec,
    ReviewerProfileSpec,
    Topic,
    TreatmentSpec,
)

__all__ = [
    "CHECK_IN_EMAIL",
    "CLOSERS",
    "COMMUNITY_MEMBERS",
    "CONDITIONS",
    "DEMO_ACCOUNTS",
    "DEMO_REVIEWER_PROFILES",
    "OUTCOME_WEIGHTS",
    "REVIEWER_EMAIL",
    "SECOND_REVIEWER_EMAIL",
    "SIDE_EFFECT_SENTENCES",
    "STILL_USING_SENTENCES",
    "TREATMENT_SENTENCES",
    "WRITER_EMAIL",
    "ConditionSpec",
    "Fragments",
    "MemberSpec",
    "MembershipSpec",
    "QuestionSpec",
    "ReviewerProfileSpec",
    "Topic",
    "TreatmentSpec",
]
