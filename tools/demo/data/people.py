"""The demo's people: accounts to sign in with, the reviewer and the community members."""

from __future__ import annotations

from forum.accounts.models import Role
from forum.conditions.models import Perspective
from tools.demo.data.hypermobile_eds import HYPERMOBILE_EDS
from tools.demo.data.myasthenia_gravis import MYASTHENIA_GRAVIS
from tools.demo.data.pots import POTS
from tools.demo.data.specs import MembershipSpec, MemberSpec, ReviewerProfileSpec
from tools.demo.data.stiff_person_syndrome import STIFF_PERSON_SYNDROME

# ---------------------------------------------------------------------------------------------
# People: six demo accounts to sign in with, and a community of fictional members
# ---------------------------------------------------------------------------------------------

SPS = STIFF_PERSON_SYNDROME.slug
MG = MYASTHENIA_GRAVIS.slug
PT = POTS.slug
EDS = HYPERMOBILE_EDS.slug
CAREGIVER = Perspective.CAREGIVER

DEMO_ACCOUNTS: tuple[MemberSpec, ...] = (
    MemberSpec("DemoMember", "member@demo.example", (MembershipSpec(SPS, diagnosed_year=2021),)),
    MemberSpec(
        "DemoSecondMember",
        "second.member@demo.example",
        (MembershipSpec(SPS, diagnosed_year=2018),),
    ),
    MemberSpec("DemoModerator", "moderator@demo.example", (), Role.MODERATOR),
    MemberSpec("DemoReviewer", "reviewer@demo.example", (), Role.REVIEWER),
    MemberSpec("DemoSecondReviewer", "second.reviewer@demo.example", (), Role.REVIEWER),
    MemberSpec("DemoAdmin", "admin@demo.example", (), Role.ADMIN),
)

REVIEWER_EMAIL = "reviewer@demo.example"
SECOND_REVIEWER_EMAIL = "second.reviewer@demo.example"
WRITER_EMAIL = "admin@demo.example"
# Has a "still working?" check-in waiting on its treatments answer (tools/demo/outcomes.py).
CHECK_IN_EMAIL = "second.member@demo.example"

# Two verified reviewers, so the four-eyes workflow can be tried: one writes and submits a
# draft, the other publishes it (or returns it with comments).
DEMO_REVIEWER_PROFILES: dict[str, ReviewerProfileSpec] = {
    REVIEWER_EMAIL: ReviewerProfileSpec(
        full_name="Dr. Demo Reviewer (demo)",
        credentials="MD",
        specialty="neurology",
        conflict_of_interest="None declared. This is a fictional reviewer used for demo content.",
    ),
    SECOND_REVIEWER_EMAIL: ReviewerProfileSpec(
        full_name="Dr. Second Demo Reviewer (demo)",
        credentials="MD",
        specialty="rheumatology",
        conflict_of_interest="None declared. This is a fictional reviewer used for demo content.",
    ),
}


def _member(name: str, email: str, *memberships: MembershipSpec) -> MemberSpec:
    return MemberSpec(name, f"{email}@demo.example", memberships)


COMMUNITY_MEMBERS: tuple[MemberSpec, ...] = (
    _member("QuietHarbor", "quiet.harbor", MembershipSpec(SPS, diagnosed_year=2019)),
    _member("MapleAndMoss", "maple.moss", MembershipSpec(SPS, diagnosed_year=2016)),
    _member("SlowTideSam", "slow.tide", MembershipSpec(SPS, diagnosed_year=2024)),
    _member("LanternKeeper", "lantern.keeper", MembershipSpec(SPS, CAREGIVER, 2018, "wife")),
    _member("NorthwindNell", "northwind.nell", MembershipSpec(SPS, diagnosed_year=2014)),
    _member("PebblePath", "pebble.path", MembershipSpec(SPS, diagnosed_year=2023)),
    _member(
        "OrchardOwl",
        "orchard.owl",
        MembershipSpec(SPS, CAREGIVER, 2020, "mother"),
        MembershipSpec(EDS, diagnosed_year=2012),
    ),
    _member("GentleGrit", "gentle.grit", MembershipSpec(SPS, diagnosed_year=2017)),
    _member("MeadowMarch", "meadow.march", MembershipSpec(SPS, diagnosed_year=2025)),
    _member("DriftwoodDev", "driftwood.dev", MembershipSpec(SPS, diagnosed_year=2022)),
    _member("HollyhockHen", "hollyhock.hen", MembershipSpec(SPS, diagnosed_year=2015)),
    _member(
        "WillowWeaver",
        "willow.weaver",
        MembershipSpec(MG, diagnosed_year=2018),
        MembershipSpec(SPS, CAREGIVER, 2016, "father"),
    ),
    _member("CedarCanoe", "cedar.canoe", MembershipSpec(MG, diagnosed_year=2015)),
    _member("BlueHeronBea", "blue.heron", MembershipSpec(MG, diagnosed_year=2024)),
    _member("TeaAndTenacity", "tea.tenacity", MembershipSpec(MG, diagnosed_year=2011)),
    _member("HarborLights", "harbor.lights", MembershipSpec(MG, CAREGIVER, 2023, "husband")),
    _member("RiverStoneRo", "river.stone", MembershipSpec(MG, diagnosed_year=2022)),
    _member("KestrelKai", "kestrel.kai", MembershipSpec(MG, diagnosed_year=2025)),
    _member("SundialSue", "sundial.sue", MembershipSpec(MG, diagnosed_year=2014)),
    _member("AmberAnchor", "amber.anchor", MembershipSpec(MG, diagnosed_year=2012)),
    _member("FoxgloveFinn", "foxglove.finn", MembershipSpec(MG, diagnosed_year=2019)),
    _member("Wrenfield", "wrenfield", MembershipSpec(MG, CAREGIVER, 2016, "mother")),
    _member("GranitePeak", "granite.peak", MembershipSpec(MG, diagnosed_year=2021)),
    _member("LinenLark", "linen.lark", MembershipSpec(MG, diagnosed_year=2024)),
    _member(
        "SaltAndSunrise",
        "salt.sunrise",
        MembershipSpec(PT, diagnosed_year=2019),
        MembershipSpec(EDS, diagnosed_year=2019),
    ),
    _member(
        "ZigzagZora",
        "zigzag.zora",
        MembershipSpec(PT, diagnosed_year=2023),
        MembershipSpec(EDS, diagnosed_year=2017),
    ),
    _member("FernAndFog", "fern.fog", MembershipSpec(PT, diagnosed_year=2016)),
    _member("HummingbirdHal", "hummingbird.hal", MembershipSpec(PT, CAREGIVER, 2024, "daughter")),
    _member(
        "CosyCardigan",
        "cosy.cardigan",
        MembershipSpec(PT, diagnosed_year=2020),
        MembershipSpec(EDS, diagnosed_year=2020),
    ),
    # No diagnosis yet; answers written before a diagnosed year also say "not diagnosed yet".
    _member("StarlingSol", "starling.sol", MembershipSpec(PT)),
    _member(
        "BendyBirch",
        "bendy.birch",
        MembershipSpec(EDS, diagnosed_year=2015),
        MembershipSpec(PT, diagnosed_year=2018),
    ),
    _member("PaperCraneJo", "paper.crane", MembershipSpec(PT, diagnosed_year=2017)),
    _member("VelvetVolt", "velvet.volt", MembershipSpec(PT, diagnosed_year=2025)),
    _member("PuddleJumper", "puddle.jumper", MembershipSpec(PT, CAREGIVER, 2021, "son")),
    _member("SnowdropSky", "snowdrop.sky", MembershipSpec(PT, diagnosed_year=2024)),
    _member(
        "MarigoldMira",
        "marigold.mira",
        MembershipSpec(PT, diagnosed_year=2019),
        MembershipSpec(EDS, diagnosed_year=2021),
    ),
    _member("ButtonBox", "button.box", MembershipSpec(EDS, diagnosed_year=2010)),
    _member("ArchiePacer", "archie.pacer", MembershipSpec(EDS, CAREGIVER, 2023, "son")),
    _member("TidepoolTess", "tidepool.tess", MembershipSpec(EDS, diagnosed_year=2019)),
    _member("CopperKettle", "copper.kettle", MembershipSpec(EDS, diagnosed_year=2013)),
    _member("ElasticEllie", "elastic.ellie", MembershipSpec(EDS, diagnosed_year=2016)),
    _member("KiteAndString", "kite.string", MembershipSpec(EDS, diagnosed_year=2024)),
)
