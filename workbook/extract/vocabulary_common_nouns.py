"""Common nouns news writes in Title Case that name nothing: diseases and crimes (issue 12, round nineteen).

Headlines capitalise them ("Cholera Cases Climb In Flooded North", "Armed Robbery At Jewellers"), and
running text sometimes does ("Measles and Tuberculosis cases rose"); none is a proper name by GUM's rule.
The built-in English word list lacks most of them, so :mod:`workbook.extract.common_word_spans` reads them
here. Diseases named after a place or a person ("Ebola", "Lyme", "Zika", "Alzheimer's", "COVID-19") are
names and are not listed. Nor is a building every town has: GUM tags a capitalised "City Hall" or "Music
Hall" as proper nouns, so "the Town Hall" is a name by the issue's scoring.
"""

from __future__ import annotations

__all__ = ["CRIME_MODIFIERS", "CRIME_NOUNS", "DISEASE_NOUNS", "HAPPENING_TAILS"]

#: Diseases and infections named by a common noun (lower case).
DISEASE_NOUNS = frozenset(
    [
        "anthrax",
        "asthma",
        "botulism",
        "cancer",
        "chickenpox",
        "cholera",
        "dengue",
        "diabetes",
        "diphtheria",
        "dysentery",
        "flu",
        "hepatitis",
        "influenza",
        "leprosy",
        "listeria",
        "malaria",
        "measles",
        "meningitis",
        "mpox",
        "mumps",
        "norovirus",
        "plague",
        "pneumonia",
        "polio",
        "rabies",
        "rubella",
        "salmonella",
        "scarlatina",
        "sepsis",
        "smallpox",
        "tetanus",
        "tuberculosis",
        "typhoid",
        "typhus",
    ]
)
#: Crimes named by a common noun (lower case).
CRIME_NOUNS = frozenset(
    [
        "arson",
        "assault",
        "burglary",
        "burglaries",
        "carjacking",
        "embezzlement",
        "extortion",
        "fraud",
        "homicide",
        "kidnapping",
        "manslaughter",
        "mugging",
        "murder",
        "robbery",
        "robberies",
        "shoplifting",
        "smuggling",
        "stabbing",
        "theft",
        "vandalism",
    ]
)
#: Words before a crime that the built-in English list lacks ("Armed Robbery", "Aggravated Burglary").
CRIME_MODIFIERS = frozenset(
    ["armed", "aggravated", "attempted", "alleged", "suspected", "violent", "sexual", "indecent"]
)
#: Last words of a headline's phrase about a disease or a crime ("Cholera Outbreak", "Fraud Charges").
HAPPENING_TAILS = frozenset(
    ["outbreak", "outbreaks", "epidemic", "cases", "case", "deaths", "vaccine", "vaccines", "charges", "suspect"]
)
