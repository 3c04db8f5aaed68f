"""The POTS demo community: treatments, questions and answer fragments."""

from __future__ import annotations

from forum.conditions.models import TreatmentKind
from tools.demo.data.references import DYSAUTONOMIA, JAN, MEDLINEPLUS, NHS, NINDS
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
