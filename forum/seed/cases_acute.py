"""Demo cases: cardiology, emergency medicine, pediatrics, infectious diseases.

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
    # ------------------------------------------------------------------ case: cardiology
    {
        "kind": "case",
        "title": "Pain-free, troponin 'ruled out', but the repeat ECG looks different",
        "specialty": "cardiology",
        "tags": ["chest-pain", "ecg", "acs"],
        "author": SAM,
        "sections": {
            "presentation": "A man in his late 50s came in with two episodes of central chest "
            "pressure over the past three days, each lasting 10-15 minutes at rest. The last "
            "episode ended about six hours before arrival. He was pain-free in the department.",
            "history": "Current smoker (about 30 pack-years), hypertension on amlodipine, "
            "untreated dyslipidemia. Father had an MI in his 60s. No prior cardiac history, "
            "no cocaine use, no recent travel or immobility.",
            "examination": "BP 148/88, HR 72, RR 14, SpO2 98% on room air, afebrile. Normal "
            "heart sounds, no murmur, clear chest, no edema. Chest wall not tender.",
            "investigations": "First ECG: sinus rhythm, subtle biphasic T waves in V2-V3, no ST "
            "elevation. Repeat ECG three hours later (still pain-free): deep, symmetric T-wave "
            "inversion V1-V4.\n\n"
            "| Test | 0 h | 1 h |\n|---|---|---|\n"
            "| hs-troponin T (ng/L) | 9 | 11 |\n"
            "| Creatinine (mg/dL) | 0.9 | |\n"
            "| LDL-C (mg/dL) | 168 | |\n",
            "question": "By the ESC 0h/1h algorithm he is in the rule-out zone, and the day "
            "team suggested a stress test in the morning. The evolving T waves worry me. Is "
            "this a Wellens pattern, and what is the right next step?",
            "learning_points": "- **Wellens pattern** (type A biphasic, type B deep symmetric "
            "TWI in V2-V3) seen in a *pain-free* patient after recent angina signals critical "
            "proximal LAD stenosis.\n"
            "- Troponin algorithms rule out MI, not unstable angina; serial ECGs matter.\n"
            "- Stress testing is contraindicated; treat as high-risk NSTE-ACS and arrange "
            "early angiography.\n"
            "- Consider mimics (PE, cocaine, raised ICP, LVH strain) before anchoring.",
        },
        "replies": [
            {
                "author": TOMAS,
                "body": "Troponin is flat and he is pain-free, so HEART is probably 4-5. Admit "
                "to obs and stress test in the morning seems reasonable to me. The T waves "
                "could just be LVH strain from his hypertension.",
                "votes": [LENA],
                "endorsements": [],
            },
            {
                "author": AMARA,
                "body": "This is Wellens until proven otherwise. The discriminating feature "
                "is the **dynamic change between two tracings in a pain-free patient** after "
                "recent rest angina. LVH strain is asymmetric, comes with high voltage and "
                "does not evolve over three hours.\n\n"
                "@tomas-alvarez HEART assumes a non-ischemic ECG; once you have dynamic T-wave "
                "changes the score no longer applies, and the troponin rule-out only tells "
                "you he has not infarcted *yet*. A stress test can precipitate an anterior "
                "MI here.\n\n"
                "Plan: aspirin, high-intensity statin, parenteral anticoagulation, no "
                "provocative testing, and angiography within 24 hours per ESC NSTE-ACS "
                "guidance (dynamic ST/T change = high risk).",
                "votes": [SAM, TOMAS, GRACE, DANIEL, BEN, LENA],
                "endorsements": [
                    {
                        "mentor": DANIEL,
                        "note": "Names the discriminating feature, explains exactly why the "
                        "rule-out algorithm and HEART do not apply, and turns it into a "
                        "guideline-anchored plan.",
                    }
                ],
            },
            {
                "author": DANIEL,
                "body": "From the ED side: keep him on a monitor and nil exercise. Before "
                "anchoring, run the mimics: PE can give TWI in V1-V4 (look for inferior TWI "
                "and a big RV on bedside echo), cocaine can cause pseudo-Wellens, and raised "
                "ICP gives deep giant T waves. A quick POCUS for anterior wall motion and RV "
                "size takes two minutes.",
                "votes": [SAM, MARIA, AMARA],
                "endorsements": [
                    {
                        "mentor": AMARA,
                        "note": "Good habit of generating mimics and using a cheap bedside "
                        "test to separate them before committing.",
                    }
                ],
            },
            {
                "author": SAM,
                "body": "Update: cath the next morning showed a 95% proximal LAD stenosis, "
                "treated with a drug-eluting stent. Echo: mild anterior hypokinesis, EF 50%. "
                "Discharged on day 3 on DAPT, atorvastatin 80 mg and a smoking cessation plan. "
                "The stress test would have been a bad idea. Thanks all.",
                "votes": [AMARA, LENA, TOMAS],
                "endorsements": [],
            },
        ],
        "opening_votes": [AMARA, TOMAS, LENA, GRACE],
    },
    # ------------------------------------------------------------------ case: emergency medicine
    {
        "kind": "case",
        "title": "Vomiting, tachypneic, glucose 186: DKA or not?",
        "specialty": "emergency-medicine",
        "tags": ["dka", "sglt2", "acid-base"],
        "author": TOMAS,
        "sections": {
            "presentation": "A woman in her 40s with type 2 diabetes presented with two days "
            "of vomiting, vague abdominal pain and malaise. Triage glucose was 186 mg/dL, so "
            "she was streamed as gastroenteritis.",
            "history": "Type 2 diabetes for 8 years on metformin 1 g twice daily and "
            "empagliflozin 25 mg daily (started four months ago). No insulin. Poor oral intake "
            "for three days after a stomach bug in the household. Minimal alcohol.",
            "examination": "HR 118, BP 104/66, RR 28 and deep, T 37.2 C, SpO2 99% on room air. "
            "Dry mucous membranes, mild diffuse abdominal tenderness without guarding. Alert "
            "but exhausted.",
            "investigations": "| Test | Result |\n|---|---|\n"
            "| pH / pCO2 | 7.12 / 21 mmHg |\n"
            "| HCO3 | 8 mmol/L |\n"
            "| Na / Cl / K | 136 / 104 / 4.6 mmol/L |\n"
            "| Anion gap | 24 |\n"
            "| Beta-hydroxybutyrate | 6.2 mmol/L |\n"
            "| Lactate | 1.6 mmol/L |\n"
            "| Creatinine | 1.3 mg/dL (baseline 0.8) |\n"
            "| Lipase | normal |\n\n"
            "Urinalysis: ketones 3+, glucose 4+.",
            "question": "Our DKA protocol starts insulin at 0.1 units/kg/h and adds dextrose "
            "once glucose falls below 250 mg/dL. She is already below that. How do I run the "
            "protocol without making her hypoglycemic?",
            "learning_points": "- SGLT2 inhibitors cause **euglycemic DKA**; glucose below "
            "250 mg/dL does not exclude DKA, so measure ketones.\n"
            "- Give fixed-rate insulin *and* dextrose from the start; treat to ketone "
            "clearance and gap closure, not to glucose.\n"
            "- Stop the SGLT2 inhibitor; teach sick-day rules; hold it 3 days before surgery "
            "(4 for ertugliflozin).",
        },
        "replies": [
            {
                "author": BEN,
                "body": "Run fixed-rate insulin at 0.1 units/kg/h and start **D10 alongside** "
                "your crystalloid from the first hour, titrating dextrose to keep glucose "
                "around 150-200 mg/dL. The lever is dextrose, not the insulin rate: the "
                "insulin is there to switch off ketogenesis.\n\n"
                "K 4.6 is fine to start insulin (hold if below 3.3); add potassium to fluids "
                "once it drops under 5.0 with urine output. Check K every 2 hours early on. "
                "Hold empagliflozin and metformin (AKI plus acidosis). This matches the 2024 "
                "ADA/EASD hyperglycemic crises consensus and JBDS guidance.",
                "votes": [TOMAS, DANIEL, SAM, MARIA],
                "endorsements": [
                    {
                        "mentor": DANIEL,
                        "note": "Clear on why dextrose rather than insulin reduction is the "
                        "lever, and ties each potassium threshold to an action.",
                    }
                ],
            },
            {
                "author": LENA,
                "body": "Could this just be starvation ketosis? She has not eaten for three "
                "days and her glucose is barely raised.",
                "votes": [],
                "endorsements": [],
            },
            {
                "author": DANIEL,
                "body": "@lena-park worth asking, but starvation ketosis rarely drops "
                "bicarbonate below 18 and the pH stays near normal. A BHB of 6.2 with pH 7.12 "
                "is DKA. In any high anion gap acidosis also think about alcoholic "
                "ketoacidosis and toxic alcohols (send an osmolar gap) and lactate.\n\n"
                "Check compensation too: Winter's formula gives 1.5 x 8 + 8 = 20 +/- 2, so a "
                "pCO2 of 21 is appropriate. If it were 30 she would be tiring and I would be "
                "calling ICU.",
                "votes": [LENA, TOMAS, BEN],
                "endorsements": [],
            },
            {
                "author": TOMAS,
                "body": "Update: fixed-rate insulin plus D10 at 125 mL/h, with saline, closed "
                "the gap by hour 16 and BHB fell below 0.6. Basal-bolus insulin was overlapped "
                "for two hours before stopping the drip. Endocrine stopped empagliflozin "
                "permanently; she went home on day 3 with sick-day rules written down.",
                "votes": [BEN, DANIEL],
                "endorsements": [],
            },
        ],
        "opening_votes": [DANIEL, BEN, SAM],
    },
    # ------------------------------------------------------------------ case: pediatrics
    {
        "kind": "case",
        "title": "Seven-week-old with bronchiolitis and a pause in breathing",
        "specialty": "pediatrics",
        "tags": ["bronchiolitis", "hfnc", "apnea"],
        "author": GRACE,
        "sections": {
            "presentation": "A 7-week-old infant, day 3 of illness, with coryza, cough and "
            "feeding at about half the usual volume. Parents describe one pause in breathing "
            "with duskiness lasting around 15 seconds, resolving with gentle stimulation.",
            "history": "Born at 35 weeks, two days in special care for feeding, otherwise "
            "well. Did not receive nirsevimab. An older sibling in daycare has a cold. Wet "
            "diapers reduced to three in the last 24 hours.",
            "examination": "Weight 4.1 kg. T 37.9 C, HR 172, RR 64, SpO2 89% in air, 95% on "
            "1 L/min nasal cannula. Subcostal and intercostal recession, head bobbing, "
            "bilateral fine crackles and wheeze. Capillary refill 2 seconds, fontanelle flat.",
            "investigations": "RSV PCR positive. Capillary gas: pH 7.31, pCO2 58 mmHg. Glucose "
            "88 mg/dL. No chest X-ray done.",
            "question": "She is on the ward on low-flow oxygen. The night team wants to trial "
            "salbutamol nebs and hypertonic saline. Should we? And at what point should we "
            "move to high-flow, or call PICU?",
            "learning_points": "- Bronchiolitis care is supportive: no routine bronchodilators, "
            "steroids or chest X-rays (AAP bronchiolitis guideline, NICE NG9).\n"
            "- Risk factors for deterioration: age under 2 months, prematurity, apnea, "
            "rising pCO2.\n"
            "- HFNC at about 2 L/kg/min for increasing work of breathing; agree escalation "
            "triggers up front.\n"
            "- A baby who looks 'calmer' with less recession may be tiring, not improving.",
        },
        "replies": [
            {
                "author": MARIA,
                "body": "From the bedside: gentle nasal suction before feeds helps more than "
                "anything else we do. And watch for the *quiet* infant. Less recession with a "
                "rising CO2 is exhaustion, not improvement. She needs continuous sat and apnea "
                "monitoring, not spot checks.",
                "votes": [GRACE, KWAME, TOMAS],
                "endorsements": [
                    {
                        "mentor": KWAME,
                        "note": "Pinpoints the most dangerous misread at the bedside "
                        "(tiring mistaken for settling) and matches monitoring to risk.",
                    }
                ],
            },
            {
                "author": TOMAS,
                "body": "I have seen salbutamol help a few wheezy babies. Why not a trial and "
                "stop it if there is no response?",
                "votes": [],
                "endorsements": [],
            },
            {
                "author": KWAME,
                "body": "@tomas-alvarez the 'trial' approach is how every wheezy infant ends "
                "up on nebs. Trials and the Cochrane reviews show no effect on admission, "
                "length of stay or oxygen need; the 'responses' we see are mostly natural "
                "fluctuation. Hypertonic saline is optional for inpatients expected to stay "
                "more than 72 hours and should not be used in the ED.\n\n"
                "For this baby, the priority is that she is high risk: under 2 months, "
                "preterm, an apnea, and pCO2 58. I would:\n"
                "- start HFNC at 2 L/kg/min (about 8 L/min);\n"
                "- NG feeds at two-thirds maintenance;\n"
                "- get PICU to see her **now**, not at 3 am.\n\n"
                "Triggers to escalate: recurrent apnea, pH below 7.25 or pCO2 above 65, FiO2 "
                "above 0.5 on HFNC, or no fall in HR and RR within 60-90 minutes.",
                "votes": [GRACE, MARIA, TOMAS, SAM, DANIEL],
                "endorsements": [
                    {
                        "mentor": DANIEL,
                        "note": "Declines a low-value intervention with evidence, then "
                        "gives explicit, measurable escalation triggers.",
                    }
                ],
            },
            {
                "author": GRACE,
                "body": "Update: on HFNC at 2 L/kg/min her HR came down to 150 and RR to 50 "
                "within an hour. One further brief apnea overnight needing stimulation; PICU "
                "reviewed and kept her on the ward with continuous monitoring. Weaned off "
                "high-flow on day 5 and home on day 7 on full oral feeds.",
                "votes": [KWAME, MARIA],
                "endorsements": [],
            },
        ],
        "opening_votes": [KWAME, MARIA],
    },
    # ------------------------------------------------------------------ case: infectious diseases
    {
        "kind": "case",
        "title": "MSSA bacteremia still positive on day 3 of cefazolin",
        "specialty": "infectious-diseases",
        "tags": ["staph-aureus", "endocarditis", "bacteremia"],
        "author": LENA,
        "sections": {
            "presentation": "A man in his 30s who injects drugs presented with four days of "
            "fever, rigors and pleuritic chest pain. I am following him on my medicine "
            "sub-internship.",
            "history": "Injects fentanyl daily, sometimes shares equipment. Hepatitis C "
            "antibody positive, never treated. No prior endocarditis, no known drug "
            "allergies. He is worried about withdrawal and has asked twice about leaving.",
            "examination": "T 39.1 C, HR 112, BP 110/64, RR 22, SpO2 94% on room air. Track "
            "marks on both forearms, one fluctuant 3 cm abscess on the left forearm. "
            "Holosystolic murmur at the left lower sternal border, louder on inspiration. "
            "No splinter hemorrhages or Janeway lesions.",
            "investigations": "| Test | Result |\n|---|---|\n"
            "| WBC | 17.2 x10^9/L |\n"
            "| Hemoglobin | 11.1 g/dL |\n"
            "| Platelets | 98 x10^9/L |\n"
            "| Creatinine | 1.0 mg/dL |\n"
            "| CRP | 186 mg/L |\n\n"
            "Admission blood cultures: MSSA in 4/4 bottles. Repeat cultures on day 2 and day 3 "
            "still growing MSSA on cefazolin 2 g every 8 hours. TTE: 1.4 cm tricuspid "
            "vegetation, moderate TR. CT chest: multiple peripheral cavitating nodules.",
            "question": "The team is split: switch to vancomycin, or add gentamicin? And if he "
            "insists on leaving, is oral step-down an option?",
            "learning_points": "- Persistent S. aureus bacteremia means *find the source*: "
            "drain abscesses, look for metastatic foci, consider TEE.\n"
            "- For MSSA a beta-lactam beats vancomycin; gentamicin adds nephrotoxicity "
            "without benefit.\n"
            "- Duration counts from the first negative culture; persistence excludes the "
            "2-week right-sided regimen.\n"
            "- Treating opioid use disorder in hospital is part of treating endocarditis.",
        },
        "replies": [
            {
                "author": SAM,
                "body": "I would broaden to vancomycin plus cefazolin in case a later bottle "
                "turns out to be MRSA, and add gentamicin for synergy until he clears.",
                "votes": [],
                "endorsements": [],
            },
            {
                "author": SOFIA,
                "body": "Please don't switch. For MSSA, cefazolin or an antistaphylococcal "
                "penicillin is superior to vancomycin, and the AHA endocarditis statement no "
                "longer recommends gentamicin for native-valve S. aureus; it just adds kidney "
                "injury. The antibiotic is right; **the source isn't controlled.**\n\n"
                "- Drain the forearm abscess today.\n"
                "- Ask about back, joint and flank pain and image accordingly.\n"
                "- TEE for perivalvular extension and left-sided involvement.\n"
                "- Duration counts from the first negative culture; persistence puts him "
                "outside the 2-week right-sided criteria, so plan 4-6 weeks.\n\n"
                "On oral step-down: the 2023 ESC endocarditis guideline supports partial oral "
                "therapy in stable patients after at least 10 days of IV treatment and "
                "cleared cultures. Not yet. Most importantly, untreated withdrawal is the "
                "commonest reason people leave: start buprenorphine or methadone now. "
                "@lena-park great write-up.",
                "votes": [LENA, SAM, BEN, MARIA, AMARA],
                "endorsements": [
                    {
                        "mentor": AMARA,
                        "note": "Separates 'wrong drug' from 'uncontrolled source', which is "
                        "the right frame for persistent bacteremia, and deals with why "
                        "patients leave, not just what to prescribe.",
                    }
                ],
            },
            {
                "author": BEN,
                "body": "Pharmacy notes: cefazolin 2 g every 8 hours is right at his renal "
                "function. Rifampin adds interactions (it will crater methadone or "
                "buprenorphine levels) and ARREST showed no benefit, so I would avoid it. "
                "With daily fentanyl use, a buprenorphine micro-induction avoids precipitated "
                "withdrawal; addiction medicine can guide it.",
                "votes": [SOFIA, LENA],
                "endorsements": [],
            },
            {
                "author": LENA,
                "body": "Update: the forearm abscess was drained on day 3 and grew MSSA. "
                "Cultures were negative from day 5. TEE showed no left-sided involvement and "
                "no abscess. Addiction medicine started buprenorphine by micro-induction and "
                "he has stayed. Plan is 6 weeks from clearance, with a discussion about oral "
                "step-down after two weeks of IV therapy. HCV treatment is booked for clinic.",
                "votes": [SOFIA, BEN],
                "endorsements": [],
            },
        ],
        "opening_votes": [SOFIA, SAM, BEN],
    },
]
