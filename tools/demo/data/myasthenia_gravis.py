"""The Myasthenia Gravis demo community: treatments, questions and answer fragments."""

from __future__ import annotations

from forum.conditions.models import TreatmentKind
from tools.demo.data.references import GARD, JAN, MEDLINEPLUS, MGFA, NHS, NINDS
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
