"""Words and regex fragments of date expressions, declared once for :mod:`workbook.extract.dates` and
:mod:`workbook.extract.date_ranges`.

Years: a four-digit year written next to a month (or a day and month) is honoured from 1000 to 2199
(:data:`YEAR_NAMED`), so "14 October 1066" is 1066, never the publication year. A bare year needs
context (see :mod:`workbook.extract.dates`); inside the current era (1900-2100, :data:`YEAR_BARE`)
the usual lead-ins suffice, outside it only a narrow set of lead-ins does (:data:`OLD_YEAR_PREPS`).
"""

from __future__ import annotations

import re

__all__ = [
    "ABBREVIATIONS",
    "DAY",
    "FULL_MONTH",
    "MONTH",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "OLD_YEAR_PREPS",
    "PAST_VERB",
    "SENTENCE_END",
    "TIMETABLE_RUNS",
    "WEEKDAY",
    "WEEKDAYS",
    "YEAR_BARE",
    "YEAR_NAMED",
    "YEAR_OLD",
    "S",
    "after_date_word",
    "day_of",
    "month_of",
]

S = r"[^\S\n]"  # white space within a line: an expression never spans a line break
#: Words after a holiday or a season that start no noun phrase the word would modify ("at Christmas
#: when", "in the summer he left"): there the word is a date, not a modifier ("Christmas tree").
_AFTER_DATE_WORDS = (
    "and|or|but|when|while|as|to|into|through|in|at|on|with|for|from|after|before|until|this|that|the|a|an"
    "|he|she|they|it|we|I|you|is|was|will|would|are|were|has|had|have"
)


def after_date_word(extra: str = "") -> re.Pattern[str]:
    """What may follow a holiday or season that is a date: the end, punctuation, a possessive, or a
    word of :data:`_AFTER_DATE_WORDS` or of ``extra`` (more words, ``|``-separated)."""
    words = _AFTER_DATE_WORDS + (f"|{extra}" if extra else "")
    return re.compile(r"(?:\Z|['\u2019]s\b|" + S + r"*[^\w\s]|" + S + r"+(?:" + words + r")\b)")


#: Abbreviations whose full stops end no sentence ("4 a.m. Wednesday", "Oct. 14", "Gen. Kim").
ABBREVIATIONS: tuple[str, ...] = (
    "a.m.",
    "p.m.",
    "U.S.",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "St.",
    "No.",
    "Gen.",
    "Lt.",
    "Col.",
    "Sgt.",
    "Capt.",
    "Adm.",
    "Gov.",
    "Sen.",
    "Rep.",
    "Prof.",
)
#: The end of a sentence within a line: "!", "?", ";", a line break, or a full stop that ends no
#: abbreviation of :data:`ABBREVIATIONS` (compile it case-insensitive).
SENTENCE_END = r"[!?;\n]|\." + "".join(
    rf"(?<!\b{re.escape(a[: i + 1])})" for a in ABBREVIATIONS for i, c in enumerate(a) if c == "."
)
MONTH_NAMES: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_NUM = {name[:3]: i + 1 for i, name in enumerate(MONTH_NAMES)}
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH = FULL_MONTH[:-1] + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z])"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?![0-9])(?:st|nd|rd|th)?(?![a-z])"
#: "runs" as a timetable verb: only right before the days it runs ("the fair runs 16 to 18 October", "the show
#: runs from October 3", "runs 4-6 May"; ``\Z``: the date searched for is next), never "scored 120 runs from 16
#: balls on Sunday" nor "120 runs on 16 August" (a plural noun: no date right after it).
TIMETABLE_RUNS = (
    r"runs(?="
    + S
    + r"+(?:(?:from|between)"
    + S
    + r"+)?(?:\Z|"
    + DAY
    + S
    + r"*(?:[-\u2013]|to\b|and\b)|"
    + DAY
    + S
    + r"+"
    + MONTH
    + r"|"
    + MONTH
    + S
    + r"+[0-9]))"
)
#: A year written next to a month or a day and month: 1000-2199.
YEAR_NAMED = r"(?:1[0-9]{3}|2[01][0-9]{2})(?![0-9])"
#: A bare year of the current era (1900-2100): the usual lead-ins make it a year.
YEAR_BARE = r"(?:19[0-9]{2}|20[0-9]{2}|2100)"
#: A bare year outside the current era (1000-1899, 2101-2199): only :data:`OLD_YEAR_PREPS` make it one.
YEAR_OLD = r"(?:1[0-8][0-9]{2}|210[1-9]|21[1-9][0-9])"
#: Lead-ins that make a four-digit number outside the current era a year ("in 1066", "since 1871").
OLD_YEAR_PREPS = frozenset(["in", "since", "until", "till", "during", "before", "after", "year", "from", "between"])


def month_of(name: str) -> int:
    """1-12 for a month name or its abbreviation ("Sept.", "march")."""
    return _MONTH_NUM[name[:3].lower()]


def day_of(text: str) -> int:
    """The day number of "5", "05", "5th", "21st"."""
    return int(text.rstrip("stndrh"))


#: Numbers written as words in "three days ago", "two days later" (a/an is one).
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}


#: Irregular past forms, a word class rather than a list of the verbs seen: the strong and irregular pasts of
#: English whose form is not also a present or base form ("withdrew", "hid", "paid", "found", "fled"). Forms
#: that are their own present ("cut", "put", "set", "shut", "hit", "cost", "read") or a common noun ("bit",
#: "ground", "wound", "bound", "lit") are left out: "they shut on Mondays" is no past. "-ed" forms are
#: :data:`PAST_VERB`'s other half. Separated by white space.
_IRREGULAR_PAST = """was were had did made said paid laid took gave came went saw began won left broke fell rose ran
    held met
    told sold stood understood withstood withheld upheld struck lost bought brought thought sought fought caught
    taught spoke wrote flew became chose drove threw drew grew knew blew withdrew overthrew sat shot swore tore
    wore bore froze rode stole woke awoke arose hid led fled fed bred bled sped slid dug hung clung flung
    swung stung spun stuck sank sang rang drank swam shrank sprang stank forgot got overcame forgave forbade ate
    shook mistook undertook overtook kept slept swept wept crept leapt knelt dealt felt meant built lent spent
    sent bent heard found strove shone slew oversaw foresaw underwent outgrew overran overrode
    rebuilt resold retook rewrote reran mislaid overheard befell"""
#: Words that end in "ed" but are no past ("need", "succeed", "proceed", "hundred", "indeed").
_ED_NOT_PAST = (
    "need|speed|succeed|proceed|exceed|feed|breed|bleed|heed|seed|weed|deed|greed|indeed|creed|reed|steed"
    "|tweed|hundred|kindred|sacred|naked|wicked|embed|shed|sled"
)
#: A past verb, lower case: an irregular past of :data:`_IRREGULAR_PAST` or a regular "-ed" form (not "need",
#: "hundred": :data:`_ED_NOT_PAST`). "led", "fed", "fled" are irregular pasts.


def _first_letter_groups(words: str) -> str:
    """``words`` (separated by white space) as one alternation grouped by first letter ("a(?:te|rose)|..."):
    the regex engine tries one group per position instead of every word."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words.split()), key=lambda w: (-len(w), w)):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{k}(?:{'|'.join(v)})" for k, v in sorted(groups.items()))


PAST_VERB = r"\b(?:(?:" + _first_letter_groups(_IRREGULAR_PAST) + r")|(?!(?:" + _ED_NOT_PAST + r")\b)[a-z]{2,}ed)\b"
