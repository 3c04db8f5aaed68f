"""The demo content as plain data: conditions, treatments, questions, summaries, members.

Everything here is fictional sample text written for this project, for trying the forum out.
It is general and deliberately unremarkable: no dosing, no claims beyond what is widely known,
and every summary and condition description says it is demo content.
"""

from __future__ import annotations

import enum
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from forum.accounts.models import Role
from forum.answers.models import Outcome
from forum.conditions.models import Perspective, TreatmentKind

# ---------------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------------


class Topic(enum.Enum):
    """What a question is about; answers draw their sentences from the matching fragments."""

    TREATMENTS = "treatments"
    FIRST_SYMPTOMS = "first_symptoms"
    DIAGNOSIS = "diagnosis"
    DAILY_LIFE = "daily_life"
    WORK_OR_SCHOOL = "work_or_school"


class Tendency(enum.Enum):
    """How members' reports about a treatment tend to go, as weights in OUTCOME_WEIGHTS."""

    OFTEN_HELPFUL = "often_helpful"
    MIXED = "mixed"
    MODEST = "modest"


# Weights for (helped a lot, helped somewhat, no change, made it worse).
OUTCOME_WEIGHTS: Mapping[Tendency, Mapping[Outcome, int]] = {
    Tendency.OFTEN_HELPFUL: {
        Outcome.HELPED_A_LOT: 40,
        Outcome.HELPED_SOMEWHAT: 38,
        Outcome.NO_CHANGE: 15,
        Outcome.MADE_IT_WORSE: 7,
    },
    Tendency.MIXED: {
        Outcome.HELPED_A_LOT: 18,
        Outcome.HELPED_SOMEWHAT: 37,
        Outcome.NO_CHANGE: 30,
        Outcome.MADE_IT_WORSE: 15,
    },
    Tendency.MODEST: {
        Outcome.HELPED_A_LOT: 10,
        Outcome.HELPED_SOMEWHAT: 40,
        Outcome.NO_CHANGE: 40,
        Outcome.MADE_IT_WORSE: 10,
    },
}


@dataclass(frozen=True)
class TreatmentSpec:
    name: str
    kind: TreatmentKind
    synonyms: tuple[str, ...]
    tendency: Tendency
    side_effects: tuple[str, ...] = ()

    @property
    def in_sentence(self) -> str:
        """The name as it reads mid-sentence: 'physical therapy', but 'IVIG' stays as it is."""
        if self.name[:2].isupper():
            return self.name
        return self.name[0].lower() + self.name[1:]


@dataclass(frozen=True)
class ReferenceSpec:
    title: str
    url: str
    publisher: str
    year: int


@dataclass(frozen=True)
class SummarySpec:
    short_answer: str
    body: str  # Markdown
    key_points: tuple[str, ...]
    references: tuple[ReferenceSpec, ...]


@dataclass(frozen=True)
class QuestionSpec:
    title: str
    topic: Topic
    summary: SummarySpec
    # Demo accounts that get no seeded answer here, so a person trying the demo can post one.
    left_open_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fragments:
    """Single sentences for one topic; answers are composed from a few of them."""

    patient_openers: tuple[str, ...]
    patient_details: tuple[str, ...]
    caregiver_lines: tuple[str, ...]  # may use {relative}


@dataclass(frozen=True)
class ConditionSpec:
    name: str
    slug: str
    description: str
    symptom: str  # as it reads mid-sentence: "the stiffness and spasms"
    treatments: tuple[TreatmentSpec, ...]
    questions: tuple[QuestionSpec, ...]
    fragments: Mapping[Topic, Fragments]


@dataclass(frozen=True)
class MembershipSpec:
    condition_slug: str
    relation: Perspective = Perspective.PATIENT
    diagnosed_year: int | None = None
    cares_for: str = ""  # caregivers: "daughter", "husband" ...


@dataclass(frozen=True)
class MemberSpec:
    display_name: str
    email: str
    memberships: tuple[MembershipSpec, ...]
    role: Role = Role.MEMBER


@dataclass(frozen=True)
class ReviewerProfileSpec:
    full_name: str
    credentials: str
    specialty: str
    conflict_of_interest: str


def _markdown(text: str) -> str:
    return textwrap.dedent(text).strip()


DEMO_NOTICE = (
    "*Demo content:* this summary is sample text written for trying out the forum. "
    "It is not medical advice; talk to your own doctor about your situation."
)


# ---------------------------------------------------------------------------------------------
# Sentences shared by every condition
# ---------------------------------------------------------------------------------------------

# {treatment} reads mid-sentence, {Treatment} starts one; {symptom} and {relative} as above.
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


# ---------------------------------------------------------------------------------------------
# Stiff Person Syndrome
# ---------------------------------------------------------------------------------------------

SPS_TREATMENTS = (
    TreatmentSpec(
        "Diazepam",
        TreatmentKind.MEDICATION,
        ("Valium", "benzodiazepine"),
        Tendency.OFTEN_HELPFUL,
        ("drowsiness", "feeling foggy in the mornings", "some unsteadiness at first"),
    ),
    TreatmentSpec(
        "Clonazepam",
        TreatmentKind.MEDICATION,
        ("Klonopin", "benzodiazepine"),
        Tendency.MIXED,
        ("sleepiness", "a flat mood for a while"),
    ),
    TreatmentSpec(
        "Baclofen",
        TreatmentKind.MEDICATION,
        ("Lioresal", "muscle relaxant"),
        Tendency.MIXED,
        ("tiredness", "legs that felt weak"),
    ),
    TreatmentSpec(
        "Gabapentin",
        TreatmentKind.MEDICATION,
        ("Neurontin",),
        Tendency.MIXED,
        ("dizziness", "some weight gain", "brain fog"),
    ),
    TreatmentSpec(
        "IVIG",
        TreatmentKind.MEDICATION,
        ("intravenous immunoglobulin", "immunoglobulin infusions", "IVIg"),
        Tendency.OFTEN_HELPFUL,
        ("headaches after infusions", "a day or two of tiredness after each round"),
    ),
    TreatmentSpec(
        "Plasma exchange",
        TreatmentKind.PROCEDURE,
        ("plasmapheresis", "PLEX"),
        Tendency.MIXED,
        ("feeling wiped out after sessions", "trouble with the line site"),
    ),
    TreatmentSpec(
        "Rituximab",
        TreatmentKind.MEDICATION,
        ("Rituxan", "B-cell therapy"),
        Tendency.MODEST,
        ("an infusion reaction the first time", "more colds than usual"),
    ),
    TreatmentSpec(
        "Physical therapy",
        TreatmentKind.THERAPY,
        ("physiotherapy", "PT"),
        Tendency.OFTEN_HELPFUL,
        ("soreness after sessions",),
    ),
    TreatmentSpec(
        "Heat and gentle stretching",
        TreatmentKind.LIFESTYLE,
        ("warm baths", "heating pad", "stretching"),
        Tendency.OFTEN_HELPFUL,
    ),
    TreatmentSpec(
        "Stress management",
        TreatmentKind.LIFESTYLE,
        ("relaxation", "breathing exercises", "CBT"),
        Tendency.MODEST,
    ),
)

SPS_QUESTIONS = (
    QuestionSpec(
        "What are the primary treatments for Stiff Person Syndrome?",
        Topic.TREATMENTS,
        SummarySpec(
            short_answer=(
                "Treatment usually combines medicines that calm muscle over-activity, such as "
                "diazepam or baclofen, with physical therapy, and for some people immune "
                "therapies such as IVIG. There is no cure, but many people find a combination "
                "that reduces stiffness and spasms."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                Stiff person syndrome (SPS) is thought to be autoimmune: the immune system
                interferes with the signals that normally let muscles relax. Treatment
                therefore tends to work on two fronts, easing symptoms and, where
                appropriate, calming the immune response.

                **Symptom-relieving medicines**

                - *Benzodiazepines* such as diazepam are often the first medicines tried,
                  because they strengthen the nervous system's own calming signals.
                - *Baclofen* and *gabapentin* are other options, taken alone or alongside a
                  benzodiazepine.

                **Immune therapies**

                When symptoms remain troublesome, neurologists may suggest intravenous
                immunoglobulin (IVIG). Plasma exchange and rituximab are used in selected
                cases; the evidence for them is more limited.

                **Movement and self-care**

                Physical therapy, gentle stretching, warmth and managing triggers such as
                sudden noise or stress help many people stay mobile. Plans are individual,
                so decisions are best made with a neurologist who knows the condition.
                """
            ),
            key_points=(
                "Treatment aims to reduce stiffness and spasms; it does not cure SPS.",
                "Benzodiazepines and baclofen are common first options.",
                "IVIG may be considered when symptoms remain troublesome.",
                "Physical therapy and trigger management support the medicines.",
            ),
            references=(NINDS, SPS_FOUNDATION, NORD),
        ),
        # The demo member has no answer here, so whoever tries the demo can post one.
        left_open_for=("member@demo.example",),
    ),
    QuestionSpec(
        "What were your first symptoms of Stiff Person Syndrome?",
        Topic.FIRST_SYMPTOMS,
        SummarySpec(
            short_answer=(
                "SPS often begins slowly, with stiffness in the back or belly muscles and "
                "painful spasms set off by noise, touch or stress. Because the early signs "
                "come and go, they are easily mistaken for more common problems."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                In most people the first changes are in the muscles of the trunk. The lower
                back or abdomen may feel tight all the time, and posture can become stiff or
                slightly arched. Over months the stiffness may spread to the legs.

                Spasms are the other early feature many people describe. They are often
                brought on by:

                - a sudden noise or an unexpected touch;
                - strong emotions such as fear or frustration;
                - cold, or moving quickly.

                Falls can happen because a spasm stops the usual protective reflexes. Some
                people become wary of open spaces or crowds, which is sometimes misread as
                anxiety alone.

                Anyone with unexplained, persistent stiffness and spasms should ask their
                doctor whether a referral to neurology makes sense.
                """
            ),
            key_points=(
                "Early stiffness usually affects the back and abdomen.",
                "Spasms are often triggered by noise, touch, cold or emotion.",
                "Falls and a fear of open spaces can follow.",
                "A neurologist is the right specialist to assess these symptoms.",
            ),
            references=(NINDS, SPS_FOUNDATION, GARD),
        ),
    ),
    QuestionSpec(
        "How long did it take to get a Stiff Person Syndrome diagnosis?",
        Topic.DIAGNOSIS,
        SummarySpec(
            short_answer=(
                "A neurologist usually combines an examination with a blood test for anti-GAD "
                "antibodies and, often, an EMG. Because SPS is rare and can look like other "
                "conditions, reaching a diagnosis often takes time."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                No single test settles every case, so doctors put several pieces together.

                1. **History and examination.** The neurologist looks for stiffness in the
                   trunk and legs, an exaggerated startle, and spasms brought on by triggers.
                2. **Antibody blood tests.** Most people with classic SPS have high levels of
                   antibodies against an enzyme called GAD. A smaller group has other
                   antibodies, and some have none that can be measured.
                3. **Electromyography (EMG).** This records muscle activity and may show
                   muscles firing continuously even at rest.

                Scans or spinal fluid tests help rule out conditions with similar features.
                Seeing a neurologist with experience of SPS, for example at a specialist
                centre, can shorten the search. A symptom diary or short videos of spasms
                are useful to bring along.
                """
            ),
            key_points=(
                "Diagnosis combines examination, antibody tests and often EMG.",
                "High anti-GAD antibody levels are common but not universal.",
                "Other tests rule out look-alike conditions.",
                "Experienced specialists can speed up diagnosis.",
            ),
            references=(NINDS, NORD, MEDLINEPLUS),
        ),
    ),
    QuestionSpec(
        "How do you manage everyday life with Stiff Person Syndrome?",
        Topic.DAILY_LIFE,
        SummarySpec(
            short_answer=(
                "Many people manage day to day by pacing activity, keeping muscles warm, "
                "reducing sudden triggers and making the home safer against falls. Physical "
                "and occupational therapists can help with these changes."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                Living with SPS usually means adjusting routines as well as taking medicines.
                What helps varies, but common themes include:

                - **Trigger awareness.** Quieter surroundings, a word of warning before
                  touching, and avoiding sudden cold can reduce spasms.
                - **Warmth and movement.** Heat, gentle stretching and regular, unhurried
                  movement often ease stiffness.
                - **Fall prevention.** Grab rails, good lighting and walking aids lower the
                  risk of injury.
                - **Pacing.** Spreading demanding tasks through the day helps with fatigue,
                  including tiredness caused by medicines.

                An occupational therapist can suggest home adaptations, and a physical
                therapist can design a safe exercise plan. Living with a rare condition can
                be isolating, so counselling and peer support are worth considering too.
                """
            ),
            key_points=(
                "Reducing sudden triggers can make spasms less frequent.",
                "Warmth, stretching and gentle movement ease stiffness for many people.",
                "Home adaptations help prevent falls.",
                "Emotional support is part of good care.",
            ),
            references=(NINDS, SPS_FOUNDATION, NORD),
        ),
    ),
    QuestionSpec(
        "How has Stiff Person Syndrome affected your work or studies?",
        Topic.WORK_OR_SCHOOL,
        SummarySpec(
            short_answer=(
                "Many people with SPS keep working or studying with adjustments such as "
                "flexible hours, remote work, quieter workspaces or extra exam time. "
                "Occupational health teams and disability advisers can help arrange them."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                SPS affects people differently, so the right arrangement depends on the job,
                the symptoms and the side effects of treatment. Adjustments people commonly
                ask about include:

                - flexible start times, especially while getting used to medicines that cause
                  drowsiness;
                - working from home on some or all days;
                - a desk or classroom seat away from doors and noisy areas;
                - extra breaks, supportive seating, and time off for infusions or appointments;
                - extra time or a separate room for exams.

                Whether and how to tell an employer or school is a personal decision. In many
                countries, disability law gives a right to reasonable adjustments once the
                employer knows about the condition, and a letter from a doctor can support a
                request.
                """
            ),
            key_points=(
                "Many people continue to work or study with adjustments.",
                "Flexible hours and quiet spaces are common requests.",
                "Disclosing a diagnosis is a personal choice.",
                "Disability law often supports reasonable adjustments.",
            ),
            references=(JAN, NINDS),
        ),
    ),
)

SPS_FRAGMENTS = {
    Topic.TREATMENTS: Fragments(
        patient_openers=(
            "It took my neurologist and me a couple of years of adjusting to find a mix that "
            "works.",
            "I've tried quite a few things since my diagnosis, and for me it has been a "
            "combination rather than one fix.",
            "My plan is a mix of medicines and movement, and it has changed a few times along "
            "the way.",
        ),
        patient_details=(
            "The biggest lesson was to change one thing at a time so I could tell what was "
            "actually helping.",
            "I keep a simple diary of spasm days, which makes conversations with my "
            "neurologist much more productive.",
            "Being referred to a neurologist who had seen SPS before changed how seriously my "
            "symptoms were taken.",
            "Approval for infusions took a long time, so it's worth asking about that early.",
            "I still have bad days, but they are fewer and I recover from them faster.",
        ),
        caregiver_lines=(
            "I'm answering for my {relative}, who has lived with SPS for several years.",
            "Finding the right combination took a lot of patience from my {relative} and the "
            "whole family.",
            "We keep a list of everything tried, with dates, because appointments move quickly.",
        ),
    ),
    Topic.FIRST_SYMPTOMS: Fragments(
        patient_openers=(
            "My first sign was a tight, aching lower back that never loosened up, however much "
            "I stretched.",
            "Looking back, it started with my legs locking up whenever someone startled me.",
            "The earliest thing I noticed was that my stomach muscles felt rigid, almost like "
            "a board.",
        ),
        patient_details=(
            "A door slamming could set off a spasm strong enough to knock me off balance.",
            "I started walking stiffly and a bit hunched, and friends asked if I had hurt my back.",
            "For a long time I put it down to stress, because the spasms got worse when I was "
            "anxious.",
            "Crowded places became hard because an unexpected bump could make my muscles seize.",
            "I had a couple of falls where I simply could not put my arms out to catch myself.",
        ),
        caregiver_lines=(
            "With my {relative}, the first thing we noticed was a stiff, careful way of walking.",
            "Sudden sounds made my {relative}'s muscles clench, which we didn't understand at "
            "the time.",
            "My {relative} brushed it off as back trouble for months before it was clear "
            "something else was going on.",
        ),
    ),
    Topic.DIAGNOSIS: Fragments(
        patient_openers=(
            "It took around three years and several specialists before anyone mentioned stiff "
            "person syndrome.",
            "I was told it was anxiety, then a back problem, before a neurologist finally "
            "ordered the right tests.",
            "My diagnosis came fairly quickly because my family doctor had heard of SPS and "
            "referred me straight to neurology.",
        ),
        patient_details=(
            "The blood test for GAD antibodies came back very high, and that was the turning "
            "point.",
            "An EMG showed my muscles firing continuously even when I was trying to relax.",
            "I brought a short video of a spasm to my appointment, and it helped the doctor "
            "understand what I meant.",
            "Going to a university hospital with a neuroimmunology clinic made a real difference.",
            "Having a name for it was a relief, even though it came with a lot to learn.",
        ),
        caregiver_lines=(
            "My {relative} saw several doctors before a neurologist recognised the pattern.",
            "I went along to appointments and described what I had seen at home, which seemed "
            "to help.",
            "Once the antibody test came back, things moved much faster for my {relative}.",
        ),
    ),
    Topic.DAILY_LIFE: Fragments(
        patient_openers=(
            "Routine is everything for me: I plan demanding tasks for the part of the day when "
            "I'm loosest.",
            "Warmth helps me more than anything, so heat packs and warm showers are part of "
            "every day.",
            "I've learned to pace myself and to leave extra time for everything.",
        ),
        patient_details=(
            "I wear noise-reducing earbuds in busy places so sudden sounds are less likely to "
            "set me off.",
            "We added grab rails in the bathroom and by the stairs, and I use a cane outdoors.",
            "Gentle stretching before getting out of bed makes my mornings far less rigid.",
            "I ask friends not to come up behind me unannounced, and they've been great about it.",
            "Talking to a counsellor helped with a fear of falling that had started to keep me "
            "indoors.",
        ),
        caregiver_lines=(
            "At home we keep things calm and predictable, because surprises can trigger my "
            "{relative}'s spasms.",
            "I help my {relative} with warm compresses in the evening, which seems to settle "
            "things.",
            "We moved the bedroom downstairs so my {relative} doesn't have to manage the stairs "
            "on stiff days.",
        ),
    ),
    Topic.WORK_OR_SCHOOL: Fragments(
        patient_openers=(
            "I kept working, but only after my employer agreed to a mix of home and office days.",
            "I had to reduce my hours, which was hard financially but made the rest of my life "
            "manageable.",
            "I was studying when the symptoms started, and I spread my course over an extra year.",
        ),
        patient_details=(
            "A quieter desk away from the main door cut down on startle spasms at work.",
            "Occupational health arranged a proper chair and more breaks, which helped more "
            "than I expected.",
            "My medicine made me drowsy at first, so I shifted my working day to start later.",
            "I chose to tell my manager about my diagnosis, and it made asking for adjustments "
            "easier.",
            "The disability office arranged exams in a small room with extra time.",
        ),
        caregiver_lines=(
            "My {relative} switched to part-time work, and I changed my own schedule to help "
            "with appointments.",
            "The school was supportive once we explained that sudden noises could trigger "
            "spasms for my {relative}.",
            "Remote work has made it possible for my {relative} to keep a job they enjoy.",
        ),
    ),
}

STIFF_PERSON_SYNDROME = ConditionSpec(
    name="Stiff Person Syndrome",
    slug="stiff-person-syndrome",
    description=(
        "Demo content: a rare autoimmune condition of the nervous system that causes stiff "
        "muscles in the trunk and legs and painful spasms set off by noise, touch or stress. "
        "This community is sample data for exploring the forum."
    ),
    symptom="the stiffness and spasms",
    treatments=SPS_TREATMENTS,
    questions=SPS_QUESTIONS,
    fragments=SPS_FRAGMENTS,
)


# ---------------------------------------------------------------------------------------------
# Myasthenia Gravis
# ---------------------------------------------------------------------------------------------

MG_TREATMENTS = (
    TreatmentSpec(
        "Pyridostigmine",
        TreatmentKind.MEDICATION,
        ("Mestinon", "acetylcholinesterase inhibitor"),
        Tendency.OFTEN_HELPFUL,
        ("stomach cramps", "muscle twitching", "loose stools"),
    ),
    TreatmentSpec(
        "Prednisone",
        TreatmentKind.MEDICATION,
        ("steroids", "corticosteroids", "prednisolone"),
        Tendency.OFTEN_HELPFUL,
        ("weight gain", "trouble sleeping", "mood swings"),
    ),
    TreatmentSpec(
        "Azathioprine",
        TreatmentKind.MEDICATION,
        ("Imuran", "immunosuppressant"),
        Tendency.MODEST,
        ("nausea", "the need for regular blood tests"),
    ),
    TreatmentSpec(
        "Mycophenolate",
        TreatmentKind.MEDICATION,
        ("CellCept", "mycophenolate mofetil"),
        Tendency.MODEST,
        ("an upset stomach",),
    ),
    TreatmentSpec(
        "IVIG",
        TreatmentKind.MEDICATION,
        ("intravenous immunoglobulin", "immunoglobulin infusions"),
        Tendency.MIXED,
        ("headaches", "tiredness after infusions"),
    ),
    TreatmentSpec(
        "Plasma exchange",
        TreatmentKind.PROCEDURE,
        ("plasmapheresis", "PLEX"),
        Tendency.OFTEN_HELPFUL,
        ("feeling drained after sessions",),
    ),
    TreatmentSpec(
        "Thymectomy",
        TreatmentKind.PROCEDURE,
        ("thymus removal", "thymus surgery"),
        Tendency.MIXED,
        ("a slow recovery from surgery",),
    ),
    TreatmentSpec(
        "Targeted biologic infusions",
        TreatmentKind.MEDICATION,
        ("eculizumab", "efgartigimod", "complement inhibitor", "FcRn blocker"),
        Tendency.MIXED,
        ("tiredness on infusion days", "more infections than usual"),
    ),
    TreatmentSpec(
        "Rest and energy pacing",
        TreatmentKind.LIFESTYLE,
        ("pacing", "rest breaks", "naps"),
        Tendency.OFTEN_HELPFUL,
    ),
)

MG_QUESTIONS = (
    QuestionSpec(
        "What are the primary treatments for Myasthenia Gravis?",
        Topic.TREATMENTS,
        SummarySpec(
            short_answer=(
                "Treatment usually starts with pyridostigmine to ease weakness, often combined "
                "with steroids or other medicines that calm the immune system. Thymectomy, "
                "IVIG, plasma exchange and newer targeted therapies help some people."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                Myasthenia gravis (MG) happens when antibodies disrupt the signals between
                nerves and muscles. Treatment aims to improve strength and keep the condition
                stable.

                **Easing symptoms.** Pyridostigmine helps nerve signals reach the muscles and
                is often the first medicine tried. Its effect lasts a few hours at a time.

                **Calming the immune system.** Steroids such as prednisone are widely used,
                sometimes alongside longer-term medicines like azathioprine or mycophenolate,
                which can allow steroids to be reduced over time. These need regular
                monitoring.

                **Other options.** Removing the thymus gland (thymectomy) benefits some
                people, particularly those with certain antibody types. IVIG or plasma
                exchange can help quickly during flare-ups, and newer targeted biologic
                medicines are available for some forms of MG.

                Sudden trouble breathing or swallowing needs urgent medical care. Some common
                medicines can worsen MG, so it is worth checking new prescriptions with the
                care team.
                """
            ),
            key_points=(
                "Pyridostigmine is often the first medicine for symptoms.",
                "Steroids and other immunosuppressants treat the immune process.",
                "Thymectomy, IVIG, plasma exchange and biologics suit some people.",
                "Breathing or swallowing problems need urgent care.",
            ),
            references=(MGFA, NINDS, MEDLINEPLUS),
        ),
    ),
    QuestionSpec(
        "What were your first symptoms of Myasthenia Gravis?",
        Topic.FIRST_SYMPTOMS,
        SummarySpec(
            short_answer=(
                "The most common first signs are a drooping eyelid or double vision, often "
                "worse later in the day. Some people first notice tiring when chewing, "
                "swallowing, speaking or lifting their arms."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                The hallmark of MG is weakness that gets worse with use and improves with
                rest. Early on it often affects the eyes:

                - one or both eyelids drooping;
                - double or blurred vision, particularly when tired or reading.

                For others the first signs involve the face and throat: a voice that fades
                during conversation, slurred speech, or chewing that becomes tiring halfway
                through a meal. Weakness in the arms, legs or neck can also appear.

                Because symptoms fluctuate, people sometimes doubt what they are
                experiencing. Noting when symptoms appear, and taking photos of a drooping
                eyelid, can help at appointments. New difficulty breathing or swallowing
                should be treated as urgent.
                """
            ),
            key_points=(
                "Eye symptoms are the most common first sign.",
                "Weakness worsens with activity and improves with rest.",
                "Speech, chewing and swallowing can be affected.",
                "Recording the pattern helps with diagnosis.",
            ),
            references=(MGFA, MEDLINEPLUS, NHS),
        ),
    ),
    QuestionSpec(
        "How was your Myasthenia Gravis diagnosed?",
        Topic.DIAGNOSIS,
        SummarySpec(
            short_answer=(
                "Diagnosis usually combines an examination with blood tests for antibodies "
                "against the acetylcholine receptor or MuSK. Nerve tests such as repetitive "
                "nerve stimulation or single-fibre EMG help when antibody results are negative."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                A neurologist first looks for the typical pattern of weakness that builds
                with effort, for example by asking a person to look upward for a while to see
                whether an eyelid droops. Tests that commonly follow include:

                1. **Antibody blood tests.** Most people with generalised MG have antibodies
                   against the acetylcholine receptor; some have antibodies against MuSK or
                   related proteins instead.
                2. **Nerve conduction studies.** Repetitive nerve stimulation can show a
                   characteristic drop in the muscle response.
                3. **Single-fibre EMG.** A sensitive test used when other results are unclear.

                A chest scan is usually done to check the thymus gland. People whose antibody
                tests are negative ("seronegative MG") can still be diagnosed, although it may
                take longer and benefit from a neuromuscular specialist.
                """
            ),
            key_points=(
                "Antibody tests confirm most cases.",
                "Nerve tests help when blood tests are negative.",
                "A chest scan checks the thymus gland.",
                "Seronegative MG can still be diagnosed.",
            ),
            references=(MEDLINEPLUS, MGFA, GARD),
        ),
    ),
    QuestionSpec(
        "What helps with day-to-day life with Myasthenia Gravis?",
        Topic.DAILY_LIFE,
        SummarySpec(
            short_answer=(
                "Many people plan tasks for when they are strongest and rest before they are "
                "exhausted. Staying cool and treating infections promptly can help prevent "
                "flares."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                MG symptoms often vary over the day and from week to week, so flexibility
                matters. Strategies people commonly use include:

                - doing important or physical tasks when strength is best, often earlier in
                  the day;
                - building rest breaks into routines rather than waiting for weakness;
                - choosing softer foods and smaller bites on days when chewing is tiring;
                - staying cool in hot weather, since heat can worsen weakness;
                - seeking treatment early for infections, which can trigger flares.

                An occupational therapist can suggest energy-saving equipment, and an eye
                specialist can help with double vision. An alert card naming the condition
                and current medicines can be useful in an emergency.
                """
            ),
            key_points=(
                "Plan demanding tasks for times of best strength.",
                "Rest breaks work best taken before weakness sets in.",
                "Heat, infection and stress can trigger flares.",
                "An alert card helps in emergencies.",
            ),
            references=(MGFA, NHS, MEDLINEPLUS),
        ),
    ),
    QuestionSpec(
        "How do you manage work or school with Myasthenia Gravis?",
        Topic.WORK_OR_SCHOOL,
        SummarySpec(
            short_answer=(
                "Many people with MG continue to work or study, often with adjustments such as "
                "flexible hours, remote work, rest breaks or lighter physical duties. A phased "
                "return after diagnosis or a flare can help."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                The right support depends on which muscles are affected. Someone whose voice
                tires may benefit from written messages instead of calls, while someone with
                limb weakness might need lighter lifting duties or a lift pass. Adjustments
                people often ask about:

                - flexible hours that match energy levels and medicine timing;
                - working from home on weaker days;
                - screen breaks and adjusted lighting for eye fatigue;
                - planned leave for infusions or treatment sessions;
                - extra time, rest breaks or a scribe for exams.

                Employers and schools may need a clear explanation of how symptoms fluctuate,
                because someone can seem well one hour and weaker the next. A letter from the
                care team can help.
                """
            ),
            key_points=(
                "Many people keep working or studying with MG.",
                "Adjustments depend on which muscles are affected.",
                "Fluctuating symptoms are worth explaining clearly.",
                "A phased return can ease the way back.",
            ),
            references=(JAN, MGFA),
        ),
    ),
)

MG_FRAGMENTS = {
    Topic.TREATMENTS: Fragments(
        patient_openers=(
            "My treatment has changed a lot since diagnosis, and it took a while to find a "
            "steady routine.",
            "For me it has been a daily symptom medicine plus something to calm the immune system.",
            "I went through several options before my neurologist and I found a plan that "
            "keeps me fairly stable.",
        ),
        patient_details=(
            "Timing matters with my medicine, so I plan meals and activities around it.",
            "My neurologist asked me to report any breathing or swallowing trouble straight "
            "away, and I take that seriously.",
            "Regular blood tests are part of life now because of the immune medicines.",
            "I carry a card listing my condition, because some common medicines can make MG worse.",
            "It has been a slow process, but I now have more good weeks than bad ones.",
        ),
        caregiver_lines=(
            "I'm writing as my {relative}'s main support since their MG diagnosis.",
            "We keep a written log of my {relative}'s medicines and symptoms, which helps at "
            "every appointment.",
            "It took some trial and error before my {relative} settled into a routine that works.",
        ),
    ),
    Topic.FIRST_SYMPTOMS: Fragments(
        patient_openers=(
            "My first symptom was a drooping eyelid that got worse as the day went on.",
            "It started with double vision when I was driving in the evening.",
            "The first thing I noticed was my jaw tiring halfway through meals.",
        ),
        patient_details=(
            "By late afternoon my speech would slur, and people assumed I was exhausted.",
            "Climbing stairs became harder, but after a rest I'd feel almost normal again.",
            "Holding my arms up to wash my hair became surprisingly difficult.",
            "The symptoms came and went so much that I doubted myself for months.",
            "I had trouble swallowing some foods, which is what finally sent me to the doctor.",
        ),
        caregiver_lines=(
            "We first noticed my {relative}'s eyelids drooping in family photos.",
            "My {relative}'s voice would fade by the end of the day, which seemed strange to us.",
            "My {relative} kept dropping things and blamed it on being tired.",
        ),
    ),
    Topic.DIAGNOSIS: Fragments(
        patient_openers=(
            "A blood test for acetylcholine receptor antibodies confirmed it within a few weeks.",
            "My antibody tests were negative at first, so it took longer and needed more "
            "specialised testing.",
            "An eye doctor was the first to suspect MG and referred me on to neurology.",
        ),
        patient_details=(
            "The nerve test with repeated stimulation was uncomfortable but quick.",
            "I also had a chest scan to check my thymus, which is routine with MG.",
            "Photos of my eyelid at different times of day helped show the pattern.",
            "A single-fibre EMG finally confirmed it after the blood tests were unclear.",
            "Seeing a neuromuscular specialist made the whole process much clearer.",
        ),
        caregiver_lines=(
            "My {relative}'s diagnosis took several months and a few different specialists.",
            "I kept notes on when my {relative}'s symptoms were worst, which the neurologist "
            "found useful.",
            "The chest scan after diagnosis worried us, but it turned out to be routine.",
        ),
    ),
    Topic.DAILY_LIFE: Fragments(
        patient_openers=(
            "Pacing is my biggest tool: I do the important things early in the day while I'm "
            "strongest.",
            "I plan rest breaks into everything, even enjoyable things like days out.",
            "Heat makes my weakness worse, so summer needs extra planning.",
        ),
        patient_details=(
            "Softer foods and smaller bites help when my chewing muscles get tired.",
            "A shower stool saves energy for the rest of my morning.",
            "I've learned to say no to plans without feeling guilty about it.",
            "Prism lenses in my glasses helped with double vision for a while.",
            "Catching infections early matters, because being ill can set off a flare for me.",
        ),
        caregiver_lines=(
            "I help my {relative} plan the day so the tiring jobs come first.",
            "We keep meals soft on weaker days so my {relative} doesn't wear out chewing.",
            "Our family learned that a rest break is a need, not laziness.",
        ),
    ),
    Topic.WORK_OR_SCHOOL: Fragments(
        patient_openers=(
            "I still work full time, but I moved my most demanding tasks to the morning.",
            "I took a few months off after diagnosis and then went back on a phased return.",
            "I'm a student, and my university's disability service has been really helpful.",
        ),
        patient_details=(
            "Talking a lot wears my voice out, so I swapped some calls for email.",
            "Screen breaks help with the eye fatigue that makes my vision double.",
            "My employer lets me work from home on days when I'm weaker.",
            "I book infusion days as leave well in advance, which keeps things predictable.",
            "I was nervous about telling colleagues, but most were kind and curious.",
        ),
        caregiver_lines=(
            "My {relative}'s school arranged rest breaks and a lift pass, which helped a lot.",
            "My {relative} moved to a less physical role at work after diagnosis.",
            "Flexible hours have been the single most useful adjustment for my {relative}.",
        ),
    ),
}

MYASTHENIA_GRAVIS = ConditionSpec(
    name="Myasthenia Gravis",
    slug="myasthenia-gravis",
    description=(
        "Demo content: an autoimmune condition that interrupts the signals between nerves "
        "and muscles, causing weakness that worsens with use and improves with rest. This "
        "community is sample data for exploring the forum."
    ),
    symptom="the muscle weakness",
    treatments=MG_TREATMENTS,
    questions=MG_QUESTIONS,
    fragments=MG_FRAGMENTS,
)


# ---------------------------------------------------------------------------------------------
# Postural Orthostatic Tachycardia Syndrome
# ---------------------------------------------------------------------------------------------

POTS_TREATMENTS = (
    TreatmentSpec(
        "Increased fluids and salt",
        TreatmentKind.LIFESTYLE,
        ("hydration", "electrolytes", "salt tablets"),
        Tendency.OFTEN_HELPFUL,
        ("bloating",),
    ),
    TreatmentSpec(
        "Compression garments",
        TreatmentKind.LIFESTYLE,
        ("compression stockings", "abdominal binder", "compression leggings"),
        Tendency.OFTEN_HELPFUL,
        ("discomfort in hot weather",),
    ),
    TreatmentSpec(
        "Recumbent exercise programme",
        TreatmentKind.THERAPY,
        ("reconditioning", "rowing machine", "recumbent bike"),
        Tendency.OFTEN_HELPFUL,
        ("feeling worse for the first few weeks",),
    ),
    TreatmentSpec(
        "Beta blockers",
        TreatmentKind.MEDICATION,
        ("propranolol", "metoprolol"),
        Tendency.MIXED,
        ("tiredness", "cold hands"),
    ),
    TreatmentSpec(
        "Fludrocortisone",
        TreatmentKind.MEDICATION,
        ("Florinef",),
        Tendency.MIXED,
        ("headaches", "puffy ankles"),
    ),
    TreatmentSpec(
        "Midodrine",
        TreatmentKind.MEDICATION,
        ("ProAmatine",),
        Tendency.MIXED,
        ("a tingling scalp", "goosebumps"),
    ),
    TreatmentSpec(
        "Ivabradine",
        TreatmentKind.MEDICATION,
        ("Corlanor",),
        Tendency.MIXED,
        ("brief flashes of light in my vision",),
    ),
    TreatmentSpec(
        "IV saline infusions",
        TreatmentKind.PROCEDURE,
        ("IV fluids", "saline"),
        Tendency.MIXED,
        ("bruising at the drip site",),
    ),
    TreatmentSpec(
        "Smaller, more frequent meals",
        TreatmentKind.LIFESTYLE,
        ("small meals", "lighter meals"),
        Tendency.MODEST,
    ),
)

POTS_QUESTIONS = (
    QuestionSpec(
        "What are the primary treatments for POTS?",
        Topic.TREATMENTS,
        SummarySpec(
            short_answer=(
                "First steps usually include more fluids and salt, compression garments and a "
                "gradual, often recumbent, exercise programme. Some people also take medicines "
                "such as beta blockers, fludrocortisone, midodrine or ivabradine."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                Postural orthostatic tachycardia syndrome (POTS) causes a large rise in heart
                rate on standing, with symptoms such as lightheadedness, palpitations and
                fatigue. Treatment is usually layered, starting with measures that do not
                involve medicines.

                **Everyday measures**

                - Drinking more fluids and, if a doctor agrees, eating more salt to support
                  blood volume.
                - Compression stockings or abdominal binders to reduce blood pooling.
                - Smaller, more frequent meals, since large meals can worsen symptoms.

                **Exercise reconditioning.** A slow, structured programme that starts with
                exercise done lying or sitting, such as rowing or a recumbent bike, helps many
                people over months.

                **Medicines.** Depending on the pattern of symptoms, doctors may try a beta
                blocker, fludrocortisone, midodrine, ivabradine or others. Each has possible
                side effects and none suits everyone. Associated conditions are worth looking
                for too, because treating them can improve POTS symptoms.
                """
            ),
            key_points=(
                "Fluids, salt (if advised) and compression are common first steps.",
                "Gradual recumbent exercise helps many people over time.",
                "Medicines are chosen individually by a doctor.",
                "Associated conditions should be checked for.",
            ),
            references=(DYSAUTONOMIA, NHS, MEDLINEPLUS),
        ),
    ),
    QuestionSpec(
        "What were your first symptoms of POTS?",
        Topic.FIRST_SYMPTOMS,
        SummarySpec(
            short_answer=(
                "Early symptoms typically include dizziness on standing, a racing or pounding "
                "heart, tiredness and brain fog that ease when lying down. They sometimes start "
                "after an illness, an operation or another major strain on the body."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                POTS symptoms are linked to being upright. People commonly notice:

                - lightheadedness, blurred vision or near-fainting when standing, especially
                  in queues or warm rooms;
                - palpitations or a pounding heartbeat on getting up;
                - fatigue out of proportion to activity;
                - difficulty concentrating, often called brain fog;
                - a reddish-purple colour in the legs after standing for a while.

                Symptoms often improve when sitting or lying down. Hot showers, warm weather,
                large meals and standing still tend to make them worse.

                Fainting, chest pain or a racing heart should always be checked by a doctor,
                because other heart and circulation problems need to be ruled out first.
                """
            ),
            key_points=(
                "Symptoms appear or worsen when upright.",
                "Dizziness, palpitations, fatigue and brain fog are common.",
                "Heat, big meals and standing still can worsen symptoms.",
                "Other causes of these symptoms must be ruled out.",
            ),
            references=(DYSAUTONOMIA, NHS, MEDLINEPLUS),
        ),
    ),
    QuestionSpec(
        "What tests led to your POTS diagnosis?",
        Topic.DIAGNOSIS,
        SummarySpec(
            short_answer=(
                "POTS is usually diagnosed with an active stand test or a tilt table test that "
                "shows a sustained heart rate rise on standing without a large fall in blood "
                "pressure. Doctors also check for other causes, such as anaemia or thyroid "
                "problems."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                The usual approach measures heart rate and blood pressure while a person lies
                down and then stands, or is tilted upright on a special table. In adults, a
                sustained rise of at least 30 beats per minute within ten minutes, together
                with typical symptoms lasting several months, points towards POTS. The
                threshold is higher for teenagers.

                Other tests commonly include:

                - blood tests for anaemia, thyroid function and salts in the blood;
                - an ECG, and sometimes a heart ultrasound or a 24-hour heart monitor;
                - checks for related conditions, such as joint hypermobility.

                Home heart-rate readings can support a referral but do not replace a formal
                assessment. Cardiologists, neurologists and autonomic clinics may all be
                involved.
                """
            ),
            key_points=(
                "Stand or tilt tests measure how heart rate changes when upright.",
                "A sustained rise of 30 or more beats per minute is typical in adults.",
                "Blood and heart tests rule out other causes.",
                "Home readings support, but do not replace, a formal test.",
            ),
            references=(DYSAUTONOMIA, NHS, NINDS),
        ),
    ),
    QuestionSpec(
        "How do you handle daily routines with POTS?",
        Topic.DAILY_LIFE,
        SummarySpec(
            short_answer=(
                "Many people drink plenty, sit for tasks like showering or cooking, wear "
                "compression garments and pace their energy. Planning around heat and mornings, "
                "often the hardest times, also helps."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                Small practical changes add up. Strategies people often use:

                - drinking water before getting up in the morning;
                - getting up slowly, in stages, from lying to sitting to standing;
                - sitting to shower, dress or cook, for example on a perching stool;
                - avoiding standing still for long, or shifting weight and tensing leg muscles
                  when it cannot be avoided;
                - eating smaller meals, and keeping salty snacks to hand if salt has been
                  advised.

                Heat is a common trigger, so fans, cool showers and shade help. A simple
                diary of symptoms, fluids and activity can show what makes the biggest
                difference for each person.
                """
            ),
            key_points=(
                "Fluids and slow changes of position help many people.",
                "Sitting for everyday tasks saves energy.",
                "Heat and standing still are common triggers.",
                "A symptom diary reveals personal patterns.",
            ),
            references=(DYSAUTONOMIA, NHS),
        ),
    ),
    QuestionSpec(
        "How do you cope with work or school when you have POTS?",
        Topic.WORK_OR_SCHOOL,
        SummarySpec(
            short_answer=(
                "Many people with POTS work or study with adjustments such as seating, access "
                "to water and snacks, later start times and the option to work from home. "
                "Schools can put a formal support plan in place."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                Standing, heat and mornings are often the hardest parts of a working or school
                day with POTS. Useful adjustments tend to target those:

                - a seat for tasks usually done standing;
                - permission to drink and snack at a desk or in class;
                - later start times or flexible hours;
                - working or learning from home on difficult days;
                - a cool workspace, and somewhere quiet to lie down briefly if needed.

                Brain fog can affect memory and concentration, so written instructions,
                reminders and recorded lessons may help. Students can ask about a formal
                support plan, and adults can raise reasonable adjustments with their employer
                or occupational health service.
                """
            ),
            key_points=(
                "Standing, heat and mornings are common challenges.",
                "Seating, fluids and flexible hours are common adjustments.",
                "Written notes help with brain fog.",
                "Many schools and workplaces offer formal support plans.",
            ),
            references=(JAN, DYSAUTONOMIA),
        ),
    ),
)

POTS_FRAGMENTS = {
    Topic.TREATMENTS: Fragments(
        patient_openers=(
            "The basics did more for me than I expected, and medicines came later.",
            "It has been a layered approach for me: fluids and salt first, then compression, "
            "then medicine.",
            "I tried several things over the first couple of years, some helpful and some not.",
        ),
        patient_details=(
            "I always carry a big water bottle, because I notice quickly when I fall behind on "
            "fluids.",
            "Starting exercise lying down felt slow, but it's the thing I'd most suggest asking "
            "about.",
            "I checked with my doctor before adding salt, since it isn't right for everyone.",
            "Hot days are still difficult whatever I'm taking.",
            "Progress was gradual, so it helped to look back over months rather than days.",
        ),
        caregiver_lines=(
            "I'm writing about my {relative}, who was diagnosed with POTS a few years ago.",
            "We built up my {relative}'s plan step by step with the cardiology team.",
            "A heart-rate log at home helped us see what was really making a difference for my "
            "{relative}.",
        ),
    ),
    Topic.FIRST_SYMPTOMS: Fragments(
        patient_openers=(
            "My first symptom was feeling faint every time I stood in a queue.",
            "It began after a bad viral illness, when I never quite bounced back.",
            "I remember my heart pounding just from getting out of bed in the morning.",
        ),
        patient_details=(
            "Hot showers left me lightheaded and needing to sit on the floor.",
            "Brain fog made conversations hard to follow, which worried me more than the "
            "dizziness.",
            "My legs turned a reddish-purple colour if I stood still for a while.",
            "I was exhausted all the time, even after a full night's sleep.",
            "At first I blamed it on not eating or drinking enough.",
        ),
        caregiver_lines=(
            "My {relative} started feeling faint whenever they had to stand for long.",
            "We noticed my {relative} always needed to sit or lie down soon after getting up.",
            "My {relative} seemed constantly worn out, and at first we put it down to stress.",
        ),
    ),
    Topic.DIAGNOSIS: Fragments(
        patient_openers=(
            "A tilt table test confirmed it, after a couple of years of being told I was just "
            "anxious.",
            "My family doctor did a simple standing test, measuring my pulse lying down and "
            "then standing.",
            "I had a lot of tests to rule out heart and thyroid problems before anyone said POTS.",
        ),
        patient_details=(
            "My heart rate jumped by well over thirty beats a minute within minutes of standing.",
            "Readings from my fitness watch helped me get taken seriously.",
            "A cardiologist with an interest in dysautonomia finally put the pieces together.",
            "My blood tests were normal, which was reassuring but also frustrating at first.",
            "I was also checked for conditions that often come with POTS, including hypermobility.",
        ),
        caregiver_lines=(
            "It took over a year before a specialist diagnosed my {relative}.",
            "We recorded my {relative}'s pulse lying down and standing at home, and the doctor "
            "took it from there.",
            "My {relative} had a tilt table test, which was tiring but gave clear answers.",
        ),
    ),
    Topic.DAILY_LIFE: Fragments(
        patient_openers=(
            "Mornings are my hardest time, so I drink a large glass of water before I even sit up.",
            "I sit down for almost everything now, from showering to cooking.",
            "Pacing and planning around heat are what make my days work.",
        ),
        patient_details=(
            "A perching stool in the kitchen means I can cook without getting dizzy.",
            "Compression leggings are part of my everyday outfit now.",
            "Smaller meals help, because a big lunch leaves me lightheaded all afternoon.",
            "I keep salty snacks in every bag I own.",
            "Raising the head of my bed slightly has made getting up a little easier.",
        ),
        caregiver_lines=(
            "We keep a water bottle and salty snacks ready for my {relative} wherever we go.",
            "My {relative} showers sitting down, which has cut down on dizzy spells.",
            "We plan outings with places to sit, because standing still is the hardest part "
            "for my {relative}.",
        ),
    ),
    Topic.WORK_OR_SCHOOL: Fragments(
        patient_openers=(
            "I work from home most days now, and it has made a big difference to my symptoms.",
            "School was very difficult until we got a support plan in place.",
            "I changed to a job that lets me sit most of the time.",
        ),
        patient_details=(
            "Being allowed water and snacks at my desk sounds small, but it matters.",
            "Long standing meetings were my worst trigger, so I asked for seated alternatives.",
            "A later start time helps because I'm at my worst in the morning.",
            "Brain fog means I rely on lists and reminders to keep on top of tasks.",
            "I had to learn to ask for help rather than push through and crash.",
        ),
        caregiver_lines=(
            "My {relative}'s school agreed to a lift pass, water breaks and a rest area.",
            "A reduced timetable for one term helped my {relative} catch up gradually.",
            "Online lessons on bad days have kept my {relative} connected with classmates.",
        ),
    ),
}

POTS = ConditionSpec(
    name="Postural Orthostatic Tachycardia Syndrome (POTS)",
    slug="postural-orthostatic-tachycardia-syndrome",
    description=(
        "Demo content: a form of dysautonomia in which the heart rate rises sharply on "
        "standing, often with dizziness, tiredness and brain fog. This community is sample "
        "data for exploring the forum."
    ),
    symptom="the dizziness and racing heart",
    treatments=POTS_TREATMENTS,
    questions=POTS_QUESTIONS,
    fragments=POTS_FRAGMENTS,
)


# ---------------------------------------------------------------------------------------------
# Hypermobile Ehlers-Danlos Syndrome
# ---------------------------------------------------------------------------------------------

HEDS_TREATMENTS = (
    TreatmentSpec(
        "Physiotherapy for joint stability",
        TreatmentKind.THERAPY,
        ("physical therapy", "strengthening", "PT"),
        Tendency.OFTEN_HELPFUL,
        ("flare-ups when I overdid it",),
    ),
    TreatmentSpec(
        "Hydrotherapy",
        TreatmentKind.THERAPY,
        ("aquatic therapy", "pool exercise", "swimming"),
        Tendency.OFTEN_HELPFUL,
    ),
    TreatmentSpec(
        "Braces and splints",
        TreatmentKind.LIFESTYLE,
        ("ring splints", "joint supports", "braces"),
        Tendency.MIXED,
        ("skin irritation",),
    ),
    TreatmentSpec(
        "Occupational therapy",
        TreatmentKind.THERAPY,
        ("OT", "aids and adaptations"),
        Tendency.OFTEN_HELPFUL,
    ),
    TreatmentSpec(
        "Over-the-counter pain relievers",
        TreatmentKind.MEDICATION,
        ("paracetamol", "acetaminophen", "ibuprofen", "NSAIDs"),
        Tendency.MIXED,
        ("an upset stomach",),
    ),
    TreatmentSpec(
        "Nerve pain medicines",
        TreatmentKind.MEDICATION,
        ("amitriptyline", "duloxetine", "pregabalin"),
        Tendency.MIXED,
        ("morning grogginess", "a dry mouth"),
    ),
    TreatmentSpec(
        "Pain management programme",
        TreatmentKind.THERAPY,
        ("pain clinic", "CBT for pain", "pain psychology"),
        Tendency.MODEST,
    ),
    TreatmentSpec(
        "Pacing and sleep routine",
        TreatmentKind.LIFESTYLE,
        ("pacing", "energy management", "sleep hygiene"),
        Tendency.MODEST,
    ),
    TreatmentSpec(
        "Joint stabilisation surgery",
        TreatmentKind.PROCEDURE,
        ("orthopaedic surgery", "joint surgery"),
        Tendency.MIXED,
        ("a long recovery",),
    ),
)

HEDS_QUESTIONS = (
    QuestionSpec(
        "What are the primary treatments for Hypermobile Ehlers-Danlos Syndrome?",
        Topic.TREATMENTS,
        SummarySpec(
            short_answer=(
                "There is no cure for hypermobile EDS, so treatment focuses on strengthening "
                "the muscles around joints, managing pain and fatigue, and protecting joints "
                "day to day. Physiotherapy from someone familiar with hypermobility is usually "
                "the foundation."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                Hypermobile Ehlers-Danlos syndrome (hEDS) affects connective tissue, so
                joints can move too far and be injured easily. Care is usually shared
                between several professionals.

                - **Physiotherapy.** A gradual programme that builds strength and body
                  awareness around joints, starting gently to avoid flares.
                - **Occupational therapy.** Advice on pacing, joint protection, splints and
                  equipment for home, work or school.
                - **Pain management.** Simple pain relievers, medicines for nerve-type pain,
                  and pain-management programmes that include psychological approaches.
                - **Supports and braces.** Useful for particular activities, ideally alongside
                  strengthening rather than instead of it.

                Surgery for unstable joints is considered carefully, because healing can be
                slower and results less predictable. Associated problems, such as POTS or
                digestive symptoms, may need treatment of their own.
                """
            ),
            key_points=(
                "Treatment focuses on strength, joint protection and symptom control.",
                "Physiotherapy with a hypermobility-aware therapist is central.",
                "Pain care often combines medicines and non-drug approaches.",
                "Surgery is weighed carefully.",
            ),
            references=(EDS_SOCIETY, MEDLINEPLUS, GARD),
        ),
    ),
    QuestionSpec(
        "What were your first symptoms of hypermobile EDS?",
        Topic.FIRST_SYMPTOMS,
        SummarySpec(
            short_answer=(
                "Early signs often include very flexible joints, frequent sprains or partial "
                "dislocations, and joint pain that starts in childhood or the teenage years. "
                "Easy bruising, soft skin and tiredness are also common."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                Many people with hEDS were noticeably flexible as children. Flexibility on
                its own is common and harmless for most people, so the signs that suggest
                hEDS usually come as a pattern:

                - joints that sprain, partly slip out (subluxate) or dislocate with minor
                  strain;
                - joint and muscle pain, sometimes dismissed as growing pains;
                - skin that is soft, slightly stretchy or bruises easily;
                - fatigue and, for some, dizziness on standing or digestive symptoms.

                Symptoms often become more noticeable in adolescence or early adulthood. A
                family history of similar joints or injuries is common, because hEDS runs in
                families.
                """
            ),
            key_points=(
                "Very flexible joints alone do not mean hEDS.",
                "Repeated sprains, dislocations and pain form the typical pattern.",
                "Skin changes, bruising and fatigue are common.",
                "A family history is often present.",
            ),
            references=(EDS_SOCIETY, GARD, NHS),
        ),
    ),
    QuestionSpec(
        "How did you get a hypermobile EDS diagnosis?",
        Topic.DIAGNOSIS,
        SummarySpec(
            short_answer=(
                "Hypermobile EDS is diagnosed clinically, against published international "
                "criteria, because no genetic test for it exists yet. Doctors assess joint "
                "flexibility with the Beighton score, look at other features and family "
                "history, and rule out other conditions."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                A clinician, often a rheumatologist or clinical geneticist, works through
                three parts of the criteria:

                1. **Generalised joint hypermobility**, usually measured with the nine-point
                   Beighton score, with thresholds that depend on age.
                2. **Other features**, such as skin findings, a family history, or
                   complications like recurrent dislocations or long-term pain.
                3. **Ruling out other conditions**, including other types of EDS and other
                   connective tissue disorders.

                Genetic testing may be used to rule out the other EDS types, which do have
                known genetic causes. People who are hypermobile with symptoms but do not meet
                every criterion may be diagnosed with a hypermobility spectrum disorder, and
                their care is often similar.
                """
            ),
            key_points=(
                "hEDS has no genetic test yet; the diagnosis is clinical.",
                "The Beighton score measures joint hypermobility.",
                "Other EDS types and related conditions are ruled out.",
                "Hypermobility spectrum disorder is a closely related diagnosis.",
            ),
            references=(EDS_SOCIETY, GARD, NORD),
        ),
    ),
    QuestionSpec(
        "How do you protect your joints in daily life with hypermobile EDS?",
        Topic.DAILY_LIFE,
        SummarySpec(
            short_answer=(
                "Day-to-day management usually means pacing activity, protecting joints with "
                "good technique and supports, and keeping up gentle strengthening. Many people "
                "also plan ahead for fatigue and flare-ups."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                People often describe learning to work with their body rather than against
                it. Common approaches:

                - spreading activities across the day and week, with rest before and after
                  busy days;
                - avoiding end-of-range positions, such as locked knees or overstretching;
                - using ring splints, braces or supportive pillows for particular tasks or at
                  night;
                - choosing lower-impact exercise, such as swimming or Pilates, with guidance;
                - using equipment like trolleys, jar openers and ergonomic tools to reduce
                  strain.

                A flare-up plan agreed in advance with a physiotherapist or doctor can make
                difficult days less frightening. Support for mood and sleep is part of good
                care too.
                """
            ),
            key_points=(
                "Pacing reduces boom-and-bust cycles.",
                "Joint protection and supports help with specific tasks.",
                "Low-impact strengthening is usually encouraged.",
                "A flare-up plan helps on bad days.",
            ),
            references=(EDS_SOCIETY, NHS),
        ),
    ),
    QuestionSpec(
        "How has hypermobile EDS affected your work or school?",
        Topic.WORK_OR_SCHOOL,
        SummarySpec(
            short_answer=(
                "Many people with hEDS work or study with adjustments such as ergonomic "
                "equipment, regular changes of position, less lifting and flexible hours. "
                "Occupational therapists can help set up a workstation and plan support."
            ),
            body=_markdown(
                f"""
                {DEMO_NOTICE}

                Typical challenges are repetitive tasks, heavy lifting, long periods in one
                position, and fatigue. Adjustments people find helpful include:

                - ergonomic keyboards, mice, chairs and wrist supports;
                - voice-to-text software or a laptop instead of handwriting;
                - regular breaks to change position;
                - lockers or digital materials so heavy bags are not needed;
                - flexible hours, part-time work or working from home.

                Schools can arrange extra time for written work and exams. A letter from a
                clinician describing how hEDS affects daily activities often makes requests
                easier.
                """
            ),
            key_points=(
                "Ergonomic equipment reduces strain on joints.",
                "Breaks and changes of position help prevent stiffness and pain.",
                "Schools can offer extra time and lighter loads.",
                "A clinician's letter supports requests.",
            ),
            references=(JAN, EDS_SOCIETY),
        ),
    ),
)

HEDS_FRAGMENTS = {
    Topic.TREATMENTS: Fragments(
        patient_openers=(
            "Physio aimed at joint stability has been the core of my treatment for years.",
            "Nothing fixes hypermobility, but a few things together have made my days more "
            "manageable.",
            "I've tried medicines, supports and therapies, and the non-medicine options have "
            "helped me most.",
        ),
        patient_details=(
            "Finding a physiotherapist who understood hypermobility was the most important step.",
            "I learned to go slowly, because pushing too hard in therapy led to injuries.",
            "Strength work is boring, but my joints slip out less often since I stuck with it.",
            "I still get flares, but now I know what to do when they happen.",
            "Pain management became less about medicines and more about pacing for me.",
        ),
        caregiver_lines=(
            "I'm sharing on behalf of my {relative}, who has hypermobile EDS.",
            "My {relative}'s care has been mostly therapy-based, with medicines for flares.",
            "It took time to find professionals who understood my {relative}'s condition.",
        ),
    ),
    Topic.FIRST_SYMPTOMS: Fragments(
        patient_openers=(
            "As a child I was the bendy one who could do party tricks with my joints.",
            "My first real sign was a shoulder that kept slipping out of place.",
            "I always had sprained ankles, far more than anyone else I knew.",
        ),
        patient_details=(
            "Aching joints after ordinary days were dismissed as growing pains.",
            "My skin bruised very easily, which I didn't connect to anything for years.",
            "Fatigue crept in during my twenties and never really left.",
            "Writing by hand made my fingers hurt long before anyone else's did.",
            "I often felt dizzy on standing, which later turned out to be related.",
        ),
        caregiver_lines=(
            "My {relative} was always very flexible, and we thought it was just a fun quirk.",
            "We noticed my {relative} injuring joints doing ordinary things.",
            "My {relative} complained of aching legs at night for years.",
        ),
    ),
    Topic.DIAGNOSIS: Fragments(
        patient_openers=(
            "It took over a decade of seeing different doctors before I was diagnosed.",
            "A rheumatologist measured my flexibility with the Beighton score and went through "
            "the criteria with me.",
            "My physiotherapist was the first to suggest hypermobile EDS.",
        ),
        patient_details=(
            "Genetic testing was done to rule out other types of EDS, since there is no test "
            "for the hypermobile type.",
            "Writing a timeline of all my injuries helped the specialist see the bigger picture.",
            "Family history counted too, as my mother has very similar joints.",
            "Being believed after years of being told it was nothing was emotional.",
            "Looking back, the signs had been there since childhood.",
        ),
        caregiver_lines=(
            "My {relative} was diagnosed by a genetics team after a long wait for a referral.",
            "We brought a list of every sprain and dislocation to the appointment, which helped.",
            "The diagnosis made support for my {relative} much easier to arrange.",
        ),
    ),
    Topic.DAILY_LIFE: Fragments(
        patient_openers=(
            "Joint protection is part of everything I do now, from carrying bags to how I sleep.",
            "I pace my activity carefully, because one overdone day can cost me several.",
            "My routine centres on gentle strengthening and plenty of rest.",
        ),
        patient_details=(
            "Ring splints on a few fingers made writing and cooking far less painful.",
            "A supportive pillow reduced how often I wake up with neck pain.",
            "I use a trolley instead of carrying heavy shopping.",
            "Swimming is the one exercise that doesn't seem to hurt.",
            "I keep a heat pack and a cold pack ready for different kinds of pain.",
        ),
        caregiver_lines=(
            "We have simple aids around the house to help my {relative} protect their joints.",
            "My {relative} rests before and after busy days, and we plan around that.",
            "Helping my {relative} with heavier chores frees up energy for things they enjoy.",
        ),
    ),
    Topic.WORK_OR_SCHOOL: Fragments(
        patient_openers=(
            "I work part time now, which gives my joints time to recover between shifts.",
            "At school I had a support plan that let me use a laptop instead of writing by hand.",
            "Desk work suits me better than the physical job I had before my diagnosis.",
        ),
        patient_details=(
            "An ergonomic keyboard and wrist supports cut down my hand pain.",
            "I take regular breaks to change position, because staying still stiffens me up.",
            "Using the lift instead of the stairs saves my knees on busy days.",
            "Fatigue is harder to explain to colleagues than pain, but I try.",
            "An occupational therapist helped me set up my workstation properly.",
        ),
        caregiver_lines=(
            "My {relative}'s school agreed to extra time for written work and a locker to "
            "avoid heavy bags.",
            "My {relative} works from home a few days a week, which reduces the strain.",
            "Having the diagnosis on paper made support for my {relative} easier to arrange.",
        ),
    ),
}

HYPERMOBILE_EDS = ConditionSpec(
    name="Hypermobile Ehlers-Danlos Syndrome",
    slug="hypermobile-ehlers-danlos-syndrome",
    description=(
        "Demo content: an inherited connective tissue condition with very flexible joints, "
        "frequent sprains or dislocations, long-term pain and fatigue. This community is "
        "sample data for exploring the forum."
    ),
    symptom="the joint pain",
    treatments=HEDS_TREATMENTS,
    questions=HEDS_QUESTIONS,
    fragments=HEDS_FRAGMENTS,
)


CONDITIONS: tuple[ConditionSpec, ...] = (
    STIFF_PERSON_SYNDROME,
    MYASTHENIA_GRAVIS,
    POTS,
    HYPERMOBILE_EDS,
)


# ---------------------------------------------------------------------------------------------
# People: five demo accounts to sign in with, and a community of fictional members
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
    MemberSpec("DemoAdmin", "admin@demo.example", (), Role.ADMIN),
)

REVIEWER_EMAIL = "reviewer@demo.example"
WRITER_EMAIL = "admin@demo.example"

DEMO_REVIEWER_PROFILE = ReviewerProfileSpec(
    full_name="Dr. Demo Reviewer (demo)",
    credentials="MD",
    specialty="neurology",
    conflict_of_interest="None declared. This is a fictional reviewer used for demo content.",
)


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
