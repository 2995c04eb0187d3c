"""Demo content for Rounds: specialties, users and discussion threads.

Pure data, consumed by the seed loader. Everything is fictional and de-identified: no names,
dates, places or record numbers for patients; ages are given as decades; timing is relative.
"""

from __future__ import annotations

from typing import Any

PASSWORD = "rounds-demo-2026"  # noqa: S105 - shared demo password, documented in the README

ADMIN = "admin@rounds.example"
COORD = "coordinator@rounds.example"
AMARA = "mentor@rounds.example"
DANIEL = "daniel.reyes@rounds.example"
SOFIA = "sofia.lindqvist@rounds.example"
KWAME = "kwame.mensah@rounds.example"
RAJESH = "rajesh.iyer@rounds.example"
SAM = "learner@rounds.example"
LENA = "lena.park@rounds.example"
TOMAS = "tomas.alvarez@rounds.example"
GRACE = "grace.adeyemi@rounds.example"
JORDAN = "jordan.blake@rounds.example"
MARIA = "maria.santos@rounds.example"
BEN = "ben.hollis@rounds.example"

SPECIALTIES: list[dict[str, str]] = [
    {
        "slug": "cardiology",
        "name": "Cardiology",
        "description": "Chest pain, ECGs, arrhythmias, heart failure and vascular disease.",
    },
    {
        "slug": "emergency-medicine",
        "name": "Emergency Medicine",
        "description": "Undifferentiated presentations, resuscitation and first-hour decisions.",
    },
    {
        "slug": "internal-medicine",
        "name": "Internal Medicine",
        "description": "Ward medicine, multimorbidity and diagnostic reasoning in adults.",
    },
    {
        "slug": "pediatrics",
        "name": "Pediatrics",
        "description": "Care of infants, children and adolescents, from clinic to the ward.",
    },
    {
        "slug": "infectious-diseases",
        "name": "Infectious Diseases",
        "description": "Bacteremia, antimicrobial choice, stewardship and unusual infections.",
    },
    {
        "slug": "nephrology",
        "name": "Nephrology",
        "description": "AKI, CKD, electrolytes, acid-base disorders and renal drug dosing.",
    },
    {
        "slug": "neurology",
        "name": "Neurology",
        "description": "Stroke, seizures, dizziness, headache and the neurological examination.",
    },
    {
        "slug": "pulmonology-critical-care",
        "name": "Pulmonology & Critical Care",
        "description": "Respiratory failure, ventilation, ARDS and the sickest patients.",
    },
    {
        "slug": "endocrinology",
        "name": "Endocrinology",
        "description": "Diabetes and its emergencies, thyroid, adrenal and metabolic disease.",
    },
    {
        "slug": "gastroenterology",
        "name": "Gastroenterology",
        "description": "GI bleeding, liver disease, pancreatitis and endoscopy decisions.",
    },
    {
        "slug": "general-surgery",
        "name": "General Surgery",
        "description": "The acute abdomen, perioperative care and when to operate.",
    },
    {
        "slug": "obstetrics-gynecology",
        "name": "Obstetrics & Gynecology",
        "description": "Pregnancy, the postpartum period and gynecologic presentations.",
    },
    {
        "slug": "psychiatry",
        "name": "Psychiatry",
        "description": "Mood, psychosis, substance use and psychopharmacology across settings.",
    },
    {
        "slug": "family-medicine",
        "name": "Family Medicine",
        "description": "Continuity care, prevention and the problems that walk into clinic.",
    },
    {
        "slug": "clinical-pharmacology",
        "name": "Clinical Pharmacology",
        "description": "Dosing, drug levels, interactions and adverse drug events.",
    },
    {
        "slug": "nursing-practice",
        "name": "Nursing Practice",
        "description": "Bedside assessment, escalation, medication safety and care processes.",
    },
]

USERS: list[dict[str, Any]] = [
    {
        "email": ADMIN,
        "name": "Rounds Admin",
        "handle": "rounds-admin",
        "role": "admin",
        "profession": "other",
        "training_level": "Platform administrator",
        "specialties": [],
        "bio": "Keeps Rounds running. Flag anything that looks identifiable and I will act on it.",
        "mentor_verified": False,
        "mentor_specialty": None,
    },
    {
        "email": COORD,
        "name": "Dr Priya Raman",
        "handle": "priya-raman",
        "role": "coordinator",
        "profession": "physician",
        "training_level": "Family physician, 20 years; CME director",
        "specialties": ["family-medicine"],
        "bio": "Runs the CME program on Rounds: credit, reflective activities and monthly themes.",
        "mentor_verified": False,
        "mentor_specialty": None,
    },
    {
        "email": AMARA,
        "name": "Dr Amara Okafor",
        "handle": "amara-okafor",
        "role": "mentor",
        "profession": "physician",
        "training_level": "Attending cardiologist, 15 years",
        "specialties": ["cardiology", "internal-medicine"],
        "bio": "Interventional cardiologist. Ask me about chest pain that defies the algorithm.",
        "mentor_verified": True,
        "mentor_specialty": "cardiology",
    },
    {
        "email": DANIEL,
        "name": "Dr Daniel Reyes",
        "handle": "daniel-reyes",
        "role": "mentor",
        "profession": "physician",
        "training_level": "Emergency physician, 12 years",
        "specialties": ["emergency-medicine", "pulmonology-critical-care"],
        "bio": "Simulation lead, interested in how we think when the waiting room is full.",
        "mentor_verified": True,
        "mentor_specialty": "emergency-medicine",
    },
    {
        "email": SOFIA,
        "name": "Dr Sofia Lindqvist",
        "handle": "sofia-lindqvist",
        "role": "mentor",
        "profession": "physician",
        "training_level": "Infectious diseases consultant, 10 years",
        "specialties": ["infectious-diseases", "internal-medicine"],
        "bio": "Stewardship nerd. Cultures first, then antibiotics, then rethink at 48 hours.",
        "mentor_verified": True,
        "mentor_specialty": "infectious-diseases",
    },
    {
        "email": KWAME,
        "name": "Dr Kwame Mensah",
        "handle": "kwame-mensah",
        "role": "mentor",
        "profession": "physician",
        "training_level": "Pediatric hospitalist, 14 years",
        "specialties": ["pediatrics"],
        "bio": "Pediatric hospitalist. Bronchiolitis season is my Olympics; less is usually more.",
        "mentor_verified": True,
        "mentor_specialty": "pediatrics",
    },
    {
        "email": RAJESH,
        "name": "Dr Rajesh Iyer",
        "handle": "rajesh-iyer",
        "role": "mentor",
        "profession": "physician",
        "training_level": "Nephrologist, 18 years",
        "specialties": ["nephrology", "clinical-pharmacology"],
        "bio": "Nephrologist interested in electrolytes and the drugs that derange them.",
        "mentor_verified": True,
        "mentor_specialty": "nephrology",
    },
    {
        "email": SAM,
        "name": "Dr Sam Whitaker",
        "handle": "sam-whitaker",
        "role": "learner",
        "profession": "resident",
        "training_level": "PGY-2 internal medicine",
        "specialties": ["internal-medicine", "cardiology"],
        "bio": "Aspiring cardiologist. I post the cases that kept me up at night.",
        "mentor_verified": False,
        "mentor_specialty": None,
    },
    {
        "email": LENA,
        "name": "Lena Park",
        "handle": "lena-park",
        "role": "learner",
        "profession": "student",
        "training_level": "Third-year medical student",
        "specialties": ["internal-medicine", "general-surgery"],
        "bio": "Student on clinical rotations, asking the questions I am too shy to ask on rounds.",
        "mentor_verified": False,
        "mentor_specialty": None,
    },
    {
        "email": TOMAS,
        "name": "Dr Tomas Alvarez",
        "handle": "tomas-alvarez",
        "role": "learner",
        "profession": "resident",
        "training_level": "PGY-1 emergency medicine",
        "specialties": ["emergency-medicine"],
        "bio": "Intern in emergency medicine. Learning fast, sometimes the hard way.",
        "mentor_verified": False,
        "mentor_specialty": None,
    },
    {
        "email": GRACE,
        "name": "Dr Grace Adeyemi",
        "handle": "grace-adeyemi",
        "role": "learner",
        "profession": "resident",
        "training_level": "PGY-3 pediatrics",
        "specialties": ["pediatrics", "psychiatry"],
        "bio": "Senior pediatric resident heading into adolescent medicine.",
        "mentor_verified": False,
        "mentor_specialty": None,
    },
    {
        "email": JORDAN,
        "name": "Jordan Blake",
        "handle": "jordan-blake",
        "role": "learner",
        "profession": "np_pa",
        "training_level": "Family nurse practitioner, 3 years",
        "specialties": ["family-medicine", "obstetrics-gynecology"],
        "bio": "FNP splitting time between a family practice and urgent care.",
        "mentor_verified": False,
        "mentor_specialty": None,
    },
    {
        "email": MARIA,
        "name": "Maria Santos",
        "handle": "maria-santos",
        "role": "learner",
        "profession": "nurse",
        "training_level": "ICU nurse, 6 years",
        "specialties": ["nursing-practice", "pulmonology-critical-care"],
        "bio": "Medical ICU nurse and unit preceptor. I like knowing the why behind the alarm.",
        "mentor_verified": False,
        "mentor_specialty": None,
    },
    {
        "email": BEN,
        "name": "Ben Hollis",
        "handle": "ben-hollis",
        "role": "learner",
        "profession": "pharmacist",
        "training_level": "Clinical pharmacist, 4 years",
        "specialties": ["clinical-pharmacology", "infectious-diseases"],
        "bio": "Medicine and ICU pharmacist. Happy to talk levels, renal dosing and interactions.",
        "mentor_verified": False,
        "mentor_specialty": None,
    },
]

THREADS: list[dict[str, Any]] = [
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
