"""The Hypermobile Ehlers-Danlos Syndrome demo community: treatments, questions and fragments."""

from __future__ import annotations

from forum.conditions.models import TreatmentKind
from tools.demo.data.references import EDS_SOCIETY, GARD, JAN, MEDLINEPLUS, NHS, NORD
from tools.demo.data.specs import (
    DEMO_NOTICE,
    ConditionSpec,
    Fragments,
    QuestionSpec,
    SummarySpec,
    Tendency,
    Topic,
    TreatmentSpec,
    _markdown,
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
