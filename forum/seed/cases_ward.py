"""Demo cases: nephrology, neurology, critical care.

Fictional and de-identified: ages in decades, timing relative, no names or places.
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

CASES: list[dict[str, Any]] = [
    # ------------------------------------------------------------------ case: nephrology
    {
        "kind": "case",
        "title": "K 7.1 and HR 48 five days after starting an antibiotic",
        "specialty": "nephrology",
        "tags": ["hyperkalemia", "aki", "drug-interactions"],
        "author": BEN,
        "sections": {
            "presentation": "A man in his 70s with heart failure and CKD presented with "
            "weakness and lightheadedness five days after urgent care started "
            "trimethoprim-sulfamethoxazole DS twice daily for urinary symptoms.",
            "history": "HFrEF (EF 30%), CKD stage 3b (baseline creatinine 1.7 mg/dL, eGFR "
            "about 38). Medications: sacubitril/valsartan 49/51 mg twice daily, "
            "spironolactone 25 mg daily, carvedilol 12.5 mg twice daily, empagliflozin 10 mg "
            "daily, furosemide 40 mg daily. Eating and drinking poorly for three days.",
            "examination": "HR 48 and regular, BP 96/58, RR 18, SpO2 96%. Dry mucous "
            "membranes, JVP not visible, no edema, clear chest.",
            "investigations": "| Test | Result |\n|---|---|\n"
            "| K | 7.1 mmol/L |\n"
            "| Na | 131 mmol/L |\n"
            "| HCO3 | 17 mmol/L |\n"
            "| Creatinine / BUN | 2.9 / 68 mg/dL |\n"
            "| Glucose | 110 mg/dL |\n\n"
            "ECG: junctional rhythm at 48, peaked T waves, QRS 118 ms.",
            "question": "The acute management went fine. I would like help with the "
            "medication side: which drug was the final straw, what do we restart, and when?",
            "learning_points": "- Trimethoprim blocks ENaC like amiloride (hyperkalemia) and "
            "blocks tubular creatinine secretion (a rise without true GFR loss).\n"
            "- Bradycardia + hyperkalemia + AV nodal blockers + AKI = **BRASH** physiology.\n"
            "- Restart GDMT stepwise with potassium checks; binders can enable RAAS "
            "inhibition (KDIGO 2024 CKD guideline).\n"
            "- Document the reaction so the combination is not repeated.",
        },
        "replies": [
            {
                "author": RAJESH,
                "body": "He was on a knife-edge (ARNI + MRA + CKD 3b) and trimethoprim "
                "pushed him off. It acts like amiloride in the collecting duct and also "
                "blocks creatinine secretion, so part of the creatinine rise is 'pseudo-AKI'. "
                "But BUN 68 and a BP of 96 say there is real prerenal injury too, from poor "
                "intake, diuretic and ARNI.\n\n"
                "Note the loop: hyperkalemia slows the heart, carvedilol piles on, low output "
                "worsens the kidneys, and potassium climbs further. That is BRASH, and it "
                "explains why a modest K can produce a dramatic ECG.\n\n"
                "Restart order once K is below 5.0 and creatinine is near baseline: ARNI at a "
                "low dose first, then carvedilol, then spironolactone 12.5 mg only with a "
                "binder and K checks at 3 days and 1 week.",
                "votes": [BEN, AMARA, SAM, TOMAS],
                "endorsements": [
                    {
                        "mentor": AMARA,
                        "note": "Recognises the BRASH loop rather than a lone lab value, "
                        "and gives a prioritised GDMT restart that respects the mortality "
                        "benefit of each drug.",
                    }
                ],
            },
            {
                "author": JORDAN,
                "body": "I prescribe in urgent care, so this one stings. What should he have "
                "been given instead for a male UTI with an eGFR of 38 on this list of meds?",
                "votes": [BEN],
                "endorsements": [],
            },
            {
                "author": SOFIA,
                "body": "@jordan-blake send a urine culture first. Without features of "
                "prostatitis, nitrofurantoin for 7 days is reasonable at an eGFR of 38 (the "
                "Beers cut-off is CrCl below 30), or an oral cephalosporin such as "
                "cefpodoxime. If TMP-SMX is genuinely needed, hold the MRA for the course and "
                "check potassium at 48-72 hours. Fever or perineal pain changes the choice.",
                "votes": [JORDAN, BEN, RAJESH],
                "endorsements": [
                    {
                        "mentor": RAJESH,
                        "note": "Practical, renally aware alternatives plus a mitigation "
                        "plan when the interacting drug is unavoidable.",
                    }
                ],
            },
            {
                "author": BEN,
                "body": "Update: K normalized within 24 hours with calcium, insulin/dextrose, "
                "salbutamol and sodium zirconium cyclosilicate 10 g three times daily. HR "
                "recovered to the 70s without pacing. Creatinine 1.8 by day 4. "
                "Sacubitril/valsartan restarted at 24/26 mg twice daily on day 5, "
                "spironolactone held until clinic, SZC 5 g daily. Culture-directed "
                "cefpodoxime completed the course. TMP-SMX added to his adverse reactions.",
                "votes": [RAJESH, JORDAN],
                "endorsements": [],
            },
        ],
        "opening_votes": [RAJESH, SOFIA, JORDAN],
    },
    # ------------------------------------------------------------------ case: neurology (open)
    {
        "kind": "case",
        "title": "Acute vertigo in urgent care: was my HINTS exam any use?",
        "specialty": "neurology",
        "tags": ["vertigo", "stroke", "hints"],
        "author": JORDAN,
        "sections": {
            "presentation": "A woman in her 60s woke with continuous spinning vertigo, nausea "
            "and vomiting, about eight hours before she reached urgent care. She could not "
            "walk without holding on. No headache, hearing loss, diplopia or dysarthria.",
            "history": "Hypertension, type 2 diabetes, current smoker. Upper respiratory "
            "infection a week ago. No previous vertigo, no known atrial fibrillation.",
            "examination": "BP 172/94, HR 84 regular. Left-beating horizontal nystagmus in "
            "primary and left gaze; on right gaze I thought it changed direction but was not "
            "sure. Head impulse test looked normal both ways, though I am not confident in my "
            "technique. Did not test skew. Could not stand unsupported and veered to the "
            "right. Finger-nose normal, cranial nerves otherwise normal.",
            "investigations": "Fingerstick glucose 164 mg/dL. ECG: sinus rhythm. No imaging "
            "on site.",
            "question": "I sent her to the ED. Was that right? How do I get better at HINTS, "
            "and would a CT have helped?",
            "learning_points": "",
        },
        "replies": [
            {
                "author": LENA,
                "body": "After a viral illness this sounds like vestibular neuritis to me. "
                "Could she have gone home on meclizine with vestibular rehab?",
                "votes": [],
                "endorsements": [],
            },
            {
                "author": DANIEL,
                "body": "Right call. Several features point central: vascular risk factors, "
                "inability to stand unaided (severe truncal ataxia), possible direction-"
                "changing nystagmus, and, the one people miss, a **normal head impulse in "
                "someone with acute continuous vertigo and nystagmus**. In that setting a "
                "normal HIT is worrying, not reassuring.\n\n"
                "HINTS only applies to the acute vestibular syndrome, and any of the "
                "'INFARCT' findings (Impulse Normal, Fast-phase Alternating, Refixation on "
                "Cover Test) means central. A preceding URI does not rule out stroke.\n\n"
                "CT misses most early posterior fossa infarcts, and even MRI diffusion can be "
                "falsely negative in the first 24-48 hours. To build skill, do HIT and cover "
                "testing on every dizzy patient, including the obvious BPPV ones.",
                "votes": [JORDAN, TOMAS, LENA, GRACE],
                "endorsements": [],
            },
            {
                "author": JORDAN,
                "body": "Update: CTA in the ED showed no occlusion and the first MRI was read "
                "as normal. She still cannot walk unaided two days later, so neurology has "
                "asked for a repeat MRI. I will post again once we know. The group has not "
                "settled on learning points yet.",
                "votes": [DANIEL],
                "endorsements": [],
            },
        ],
        "opening_votes": [DANIEL, TOMAS],
    },
    # ------------------------------------------------------------------ case: critical care
    {
        "kind": "case",
        "title": "Peak pressure alarm on day 3 of ventilation: what should I check first?",
        "specialty": "pulmonology-critical-care",
        "tags": ["ventilation", "ards", "nursing"],
        "author": MARIA,
        "sections": {
            "presentation": "A man in his 60s on day 3 of mechanical ventilation for severe "
            "pneumonia with ARDS. Over about an hour his peak pressure rose from 28 to "
            "44 cmH2O and SpO2 fell from 94% to 88%.",
            "history": "Volume control, VT 420 mL (6 mL/kg predicted body weight), PEEP 12, "
            "FiO2 0.5. Propofol and fentanyl, RASS -2, not paralyzed. Thick secretions all "
            "shift. A left subclavian line was placed six hours earlier.",
            "examination": "HR 118, BP 102/60 (from 124/70). Coughing and biting on the tube. "
            "Reduced breath sounds at the right base (consolidated since admission), no new "
            "asymmetry. Trachea midline, no subcutaneous emphysema.",
            "investigations": "| Parameter | Baseline | Now |\n|---|---|---|\n"
            "| Peak pressure (cmH2O) | 28 | 44 |\n"
            "| Plateau pressure (cmH2O) | 22 | 24 |\n"
            "| PEEP (cmH2O) | 12 | 12 |\n\n"
            "ABG: pH 7.29, pCO2 56 mmHg, PaO2 58 mmHg on FiO2 0.5.",
            "question": "I suctioned and called the resident and it settled. Looking back, "
            "how should the peak-plateau gap have guided me, and what should I do first "
            "next time?",
            "learning_points": "- Peak minus plateau reflects **resistance** (tube, "
            "secretions, biting, bronchospasm); a plateau rise reflects **compliance** "
            "(pneumothorax, mainstem intubation, atelectasis, abdominal pressure).\n"
            "- If unstable: DOPE, disconnect and hand-bag on 100% oxygen.\n"
            "- Pass a suction catheter to test patency; POCUS for lung sliding.\n"
            "- Check humidification when secretions thicken.",
        },
        "replies": [
            {
                "author": BEN,
                "body": "Could be bronchospasm. Four to eight puffs of inline salbutamol is "
                "cheap and quick, and it is worth checking that sedation has not lapsed.",
                "votes": [MARIA],
                "endorsements": [],
            },
            {
                "author": DANIEL,
                "body": "Your numbers answer the question. The peak-plateau gap went from 6 to "
                "20 while plateau barely moved, so this is a **resistance** problem: "
                "secretions, a plug, a kinked or bitten tube, or bronchospasm. A pneumothorax "
                "from that new line would push the plateau up as well and usually drop the "
                "BP further.\n\n"
                "Next time: if unstable, disconnect and bag on 100%. Easy to bag means look "
                "at the circuit and vent; hard to bag means the tube or the patient. Pass a "
                "suction catheter to prove patency, insert a bite block, listen for wheeze, "
                "and POCUS for lung sliding if there is any doubt. Measuring a plateau was "
                "exactly right; most people skip it.",
                "votes": [MARIA, BEN, TOMAS, SAM],
                "endorsements": [
                    {
                        "mentor": KWAME,
                        "note": "Localises the problem from the mechanics before acting, "
                        "and pairs it with a safety-first sequence for the unstable patient.",
                    }
                ],
            },
            {
                "author": MARIA,
                "body": "Update: deep inline suction brought back a large thick plug; peak "
                "came back to 29 within minutes and SpO2 to 93%. His HME was saturated, so "
                "RT switched him to a heated humidifier. Bronchoscopy on day 4 cleared "
                "residual right lower lobe collapse. Peak-plateau is now on our preceptor "
                "teaching sheet.",
                "votes": [DANIEL, BEN],
                "endorsements": [],
            },
        ],
        "opening_votes": [DANIEL, BEN, TOMAS],
    },
]
