"""The Stiff Person Syndrome demo community: treatments, questions and answer fragments."""

from __future__ import annotations

from forum.conditions.models import TreatmentKind
from tools.demo.data.references import GARD, JAN, MEDLINEPLUS, NINDS, NORD, SPS_FOUNDATION
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
