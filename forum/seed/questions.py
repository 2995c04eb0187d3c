"""Demo clinical questions, some answered and accepted, one still open.

Fictional and de-identified.
"""

from __future__ import annotations

from typing import Any

from .people import (  # noqa: F401 - the emails the threads refer to
    ADMIN,
    AMARA,
    BEN,
    COORD,
    DANIEL,
    GRACE,
    JORDAN,
    KWAME,
    LENA,
    MARIA,
    RAJESH,
    SAM,
    SOFIA,
    TOMAS,
)

QUESTIONS: list[dict[str, Any]] = [
    # ------------------------------------------------------------------ question: pharmacology
    {
        "kind": "question",
        "title": "AUC-guided vancomycin: do I still need to order troughs?",
        "specialty": "clinical-pharmacology",
        "tags": ["vancomycin", "tdm", "antibiotics"],
        "author": SAM,
        "body": "Our pharmacy moved to AUC-guided vancomycin dosing, but I still reflexively "
        "order a trough before the fourth dose. For a patient with stable renal function on "
        "1250 mg every 12 hours for MRSA pneumonia, **what should I actually order, and what "
        "is the target?**",
        "replies": [
            {
                "author": TOMAS,
                "body": "We still aim for troughs of 15-20 for serious infections. That is "
                "what I was taught.",
                "votes": [],
                "endorsements": [],
            },
            {
                "author": BEN,
                "body": "The 2020 ASHP/IDSA/PIDS/SIDP consensus guideline moved away from "
                "trough targets of 15-20: they increased nephrotoxicity without improving "
                "outcomes. The target is an **AUC24 of 400-600 mg*h/L** (assuming an MIC of "
                "1).\n\n"
                "Two ways to get there: two timed levels (post-distribution peak and trough) "
                "at steady state, or Bayesian software using one level, often before steady "
                "state. In practice you do not need to order anything; pharmacy times the "
                "levels. The commonest error is a level drawn 'around' the right time with no "
                "documented infusion times. Re-check with AKI, big fluid shifts or "
                "concomitant piperacillin-tazobactam.",
                "votes": [SAM, SOFIA, MARIA, TOMAS, LENA],
                "endorsements": [
                    {
                        "mentor": SOFIA,
                        "note": "Explains the why (toxicity without efficacy gain) and the "
                        "real-world failure mode (timing), not just the number.",
                    }
                ],
            },
            {
                "author": SAM,
                "body": "Update: no more reflex troughs. Pharmacy ran a one-level Bayesian "
                "estimate on day 2 (AUC about 520) and kept the dose. Accepting "
                "@ben-hollis's answer.",
                "votes": [BEN],
                "endorsements": [],
            },
        ],
        "accepted": 1,
        "opening_votes": [BEN, TOMAS],
    },
    # ------------------------------------------------------------------ question: obstetrics
    {
        "kind": "question",
        "title": "Postpartum BP 152/98 with a mild headache: send in or recheck?",
        "specialty": "obstetrics-gynecology",
        "tags": ["postpartum", "hypertension", "preeclampsia"],
        "author": JORDAN,
        "body": "Patient about one week after an uncomplicated vaginal delivery, no "
        "hypertension during pregnancy. In family medicine clinic today: BP 152/98, repeat "
        "148/96. Mild frontal headache that settled with acetaminophen. No visual symptoms, "
        "RUQ pain or breathlessness. Urine dip: protein 1+.\n\n"
        "I know postpartum preeclampsia can present de novo. What is the threshold for "
        "same-day evaluation versus an outpatient recheck, and what would you start?",
        "replies": [
            {
                "author": LENA,
                "body": "Headaches are really common postpartum with sleep deprivation. "
                "Could you recheck in a week with a home BP cuff?",
                "votes": [],
                "endorsements": [],
            },
            {
                "author": AMARA,
                "body": "New hypertension postpartum plus a headache needs **same-day "
                "evaluation** (L&D or OB triage) with CBC, creatinine, LFTs and a "
                "protein:creatinine ratio. Dip 1+ is not diagnostic on its own.\n\n"
                "By ACOG criteria her headache responded to medication and her BP is below "
                "160/110, so if the UPCR is at least 0.3 this is preeclampsia *without* "
                "severe features. Severe-range BP needs treatment within 30-60 minutes "
                "(IV labetalol or hydralazine, or oral immediate-release nifedipine). ACOG "
                "advises treating persistent postpartum BP of 150/100 or more; nifedipine ER "
                "30 mg daily or labetalol 200 mg twice daily are both fine with "
                "breastfeeding.\n\n"
                "Last, this is a cardiovascular risk marker for life (AHA): flag her for "
                "yearly BP, lipids and glucose.",
                "votes": [JORDAN, GRACE, DANIEL, COORD],
                "endorsements": [
                    {
                        "mentor": DANIEL,
                        "note": "Applies the guideline criteria precisely instead of "
                        "pattern-matching, and closes with long-term risk, the part most of "
                        "us forget.",
                    }
                ],
            },
            {
                "author": JORDAN,
                "body": "Update: sent to OB triage. UPCR 0.42, platelets and LFTs normal. "
                "Diagnosed postpartum preeclampsia without severe features; started "
                "nifedipine ER 30 mg with a home cuff and a recheck in 72 hours. Thanks "
                "@amara-okafor.",
                "votes": [AMARA],
                "endorsements": [],
            },
        ],
        "accepted": 1,
        "opening_votes": [AMARA, GRACE, COORD],
    },
    # ------------------------------------------------------------------ question: psychiatry
    {
        "kind": "question",
        "title": "Starting fluoxetine in a teenager: how do you talk about the boxed warning?",
        "specialty": "psychiatry",
        "tags": ["ssri", "adolescent", "depression"],
        "author": GRACE,
        "body": "Adolescent in clinic with moderate depression (PHQ-A 17), no current "
        "suicidal ideation, eight weeks of CBT with only a partial response. The family is "
        "hesitant after reading about the FDA boxed warning online.\n\n"
        "How do you frame the warning, and what follow-up cadence do you use after starting?",
        "replies": [
            {
                "author": JORDAN,
                "body": "I frame it as: the warning is about suicidal *thoughts and "
                "behaviors*, not completed suicides. In the pooled trials roughly 4% on an "
                "antidepressant versus 2% on placebo reported them, and untreated depression "
                "carries the larger risk.\n\n"
                "Fluoxetine 10 mg for a week, then 20 mg. A written safety plan, lethal "
                "means counseling (firearms, medication storage), a phone check at one week "
                "and a visit within two weeks.",
                "votes": [GRACE, KWAME, LENA],
                "endorsements": [],
            },
            {
                "author": KWAME,
                "body": "Agree with @jordan-blake. Per AAP GLAD-PC and the AACAP depression "
                "guideline, fluoxetine and escitalopram have the evidence and FDA approval in "
                "this age group. Screen for bipolarity first (family history, prior "
                "hypomania), and warn about activation (restlessness, insomnia) in the first "
                "weeks so it is reported rather than feared. Keep the CBT going: in TADS the "
                "combination did best. Give the family a concrete plan of who to call and "
                "which changes are urgent.",
                "votes": [GRACE, JORDAN, SAM],
                "endorsements": [],
            },
        ],
        "accepted": None,
        "opening_votes": [KWAME, JORDAN],
    },
    # ------------------------------------------------------------------ question: nursing
    {
        "kind": "question",
        "title": "Hold parameters for metoprolol in AF with RVR: is 'hold if SBP < 100' sensible?",
        "specialty": "nursing-practice",
        "tags": ["atrial-fibrillation", "beta-blockers", "medication-safety"],
        "author": MARIA,
        "body": "Step-down patient with AF and RVR on metoprolol tartrate 50 mg every 6 "
        "hours. The order says hold if SBP below 100 or HR below 60. At the morning dose: "
        "HR 118 irregular, BP 96/60 (MAP 72), asymptomatic.\n\n"
        "Following the order literally means holding the drug that controls the rate, and "
        "the low BP may be *caused* by the rate. How do others handle this?",
        "replies": [
            {
                "author": TOMAS,
                "body": "I would give it. The BP is probably rate-related and will come up "
                "once the rate slows.",
                "votes": [],
                "endorsements": [],
            },
            {
                "author": AMARA,
                "body": "Your instinct is right, but it runs both ways. In AF with RVR the "
                "short diastolic filling time lowers cardiac output, so slowing the rate "
                "often *raises* BP. The reverse is also common: sepsis, bleeding or "
                "hypovolemia driving a compensatory tachycardia, where a beta-blocker can "
                "cause harm.\n\n"
                "So: check perfusion (mentation, urine output, skin, lactate if worried), "
                "volume status, temperature, and whether this is new. Then **call the "
                "prescriber** rather than silently giving or holding, and ask for a "
                "conditional order such as 'hold for MAP below 65; if HR above 110, call'. "
                "Smaller, more frequent doses help, and digoxin or amiodarone are options "
                "when BP is marginal (2023 ACC/AHA/ACCP/HRS AF guideline).",
                "votes": [MARIA, BEN, SAM, TOMAS],
                "endorsements": [],
            },
            {
                "author": MARIA,
                "body": "Thanks all. Our unit is now drafting rate-control parameter wording "
                "with pharmacy based on @amara-okafor's suggestion.",
                "votes": [AMARA, BEN],
                "endorsements": [],
            },
        ],
        "accepted": 1,
        "opening_votes": [BEN, AMARA, JORDAN],
    },
    # ------------------------------------------------------------------ question: GI
    {
        "kind": "question",
        "title": "Glasgow-Blatchford score of 0: are you really discharging these patients?",
        "specialty": "gastroenterology",
        "tags": ["gi-bleed", "risk-scores", "transfusion"],
        "author": TOMAS,
        "body": "Patient in their 30s with one episode of coffee-ground vomiting after a night "
        "of heavy drinking and retching. Hb 14.2 g/dL, BUN normal, HR 88, SBP 128, no melena, "
        "no liver disease. GBS 0. My attending discharged with a PPI and outpatient "
        "endoscopy, and I was uncomfortable.\n\n"
        "What is the evidence, and how do you set transfusion thresholds when they are "
        "sicker?",
        "replies": [
            {
                "author": SAM,
                "body": "A GBS of 0-1 is the validated low-risk group: in the large "
                "international validation (Stanley, BMJ) it was the best score for "
                "identifying patients who need no intervention, and both the international "
                "consensus (Barkun) and ESGE endorse outpatient management. The story sounds "
                "like Mallory-Weiss.\n\n"
                "For sicker patients, use a restrictive threshold of Hb 7 g/dL (Villanueva, "
                "NEJM) or 8 g/dL with cardiovascular disease.",
                "votes": [TOMAS, LENA, DANIEL],
                "endorsements": [],
            },
            {
                "author": DANIEL,
                "body": "Agree with @sam-whitaker. The caveat is that scores do not capture "
                "the person: someone intoxicated, alone or without a way back to follow-up "
                "is not low risk. Any sign of cirrhosis changes everything (vasoactive drug, "
                "ceftriaxone, endoscopy within 12 hours per Baveno VII). And write the "
                "return precautions down.",
                "votes": [TOMAS, SAM, MARIA],
                "endorsements": [],
            },
            {
                "author": TOMAS,
                "body": "Update: reassured. I called the next day and they were well, and "
                "endoscopy is booked. Accepting Sam's answer for the evidence summary.",
                "votes": [],
                "endorsements": [],
            },
        ],
        "accepted": 0,
        "opening_votes": [SAM],
    },
    # ------------------------------------------------------------------ question: surgery (open)
    {
        "kind": "question",
        "title": "Antibiotics-first for uncomplicated appendicitis: who actually gets offered it?",
        "specialty": "general-surgery",
        "tags": ["appendicitis", "antibiotics", "shared-decision"],
        "author": LENA,
        "body": "On my surgery rotation every CT-confirmed uncomplicated appendicitis went "
        "straight to the OR. From reading CODA, antibiotics were non-inferior on 30-day "
        "health status, but about 3 in 10 patients had an appendectomy by 90 days, and more "
        "if there was an appendicolith. APPAC follow-up showed roughly 4 in 10 recurrences "
        "at five years.\n\n"
        "For those in practice:\n"
        "- Who do you offer antibiotics-first to, and how do you present it?\n"
        "- Does an appendicolith on CT take it off the table?\n"
        "- Do outpatient oral regimens work in your setting?",
        "replies": [],
        "accepted": None,
        "opening_votes": [SAM, GRACE],
    },
]
