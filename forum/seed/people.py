"""The demo community: specialties and members (everyone's password is PASSWORD).

Pure data, consumed by the seed loader. Everything is fictional.
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
