"""Capitalised spans that are no names, whichever stage read them (issue 12, round thirteen).

Each test looks at one place, organisation or facility candidate (people are left to the person
rules) and says whether its words are something other than a name:

* :func:`opening_hours_word`: an abbreviated weekday in opening hours or a timetable ("Mon-Fri
  08:30 am", "Sat 9-5", "Tue & Thu"), read as a place ("Mon") or an organisation ("Sun");
* :func:`group_plural`: a plural of a nationality or group adjective ("Argentineans", "Mexicans",
  "Brazilians") read as a place or an organisation: people, not a country (a party's members,
  "Republicans", "Democrats", are left alone);
* :func:`review_heading`: an adjective of praise or blame and what a customer judges, in Title Case
  as reviews head them ("Great Service", "Poor Service After", "Excellent Staff", "Bad Food"), read
  as an organisation: no name ("Great Western Railway", "Best Buy", "Good Samaritan Hospital" are
  none of these shapes);
* :func:`title_cut`: a person's title at the start of an organisation or place ("President of the
  European Commission", "Counsel for the Police Service of Northern Ireland", "Director of the CIA"):
  the title is no part of the name; the span starts at the name after "of the" or "for the". Only
  when the name after it is two capitalised words or more, ends in an organisation's head word or is
  an acronym ("Secretary of State", "King of the Hill", "Queen of the South" stay whole);
* :func:`po_box`: "PO Box", "P.O. Box" and "P O Box" before a number ("PO Box 366", "PO Box B93"),
  part of a postal address: its "PO" is no place and "PO Box" no organisation (round sixteen).
"""

from __future__ import annotations

import dataclasses
import re

from workbook.extract.common_word_spans import without_common_word_spans
from workbook.extract.entity_runs import Candidate
from workbook.extract.ner_features import DEMONYMS
from workbook.extract.ner_model import EntityModel
from workbook.extract.vocabulary import ORG_HEADS, TITLE_MODIFIERS, TITLES

__all__ = [
    "WEEKDAY_ABBREVIATIONS",
    "group_plural",
    "names_only",
    "opening_hours_word",
    "po_box",
    "review_heading",
    "title_cut",
]

#: Weekdays as opening hours and timetables abbreviate them (lower case, no full stop).
WEEKDAY_ABBREVIATIONS: frozenset[str] = frozenset(
    ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
)
_DAY = "|".join(sorted(WEEKDAY_ABBREVIATIONS, key=len, reverse=True))
_TIME = r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?\b|[-–]\s*\d)|\d{1,2}[:.]\d\d"
#: What follows a weekday in hours: another day after a dash or "&", or a time.
_HOURS_AFTER = re.compile(rf"\.?\s*(?:[-–&/,]|to|and|through)\s*(?:{_DAY})\b\.?|\.?,?\s*(?:{_TIME})", re.IGNORECASE)
#: What stands before a weekday in hours: a day and a dash ("Mon-Sun"), or a time and a comma.
_HOURS_BEFORE = re.compile(rf"(?:\b(?:{_DAY})\.?\s*[-–&/]|(?:[ap]\.?m\.?|\d)\s*[,;])\s*$", re.IGNORECASE)
#: Political and religious words of :data:`DEMONYMS`: their plurals are members ("Republicans").
_MEMBERS = frozenset(
    ["democrat", "democratic", "republican", "communist", "muslim", "christian", "catholic", "protestant"]
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def opening_hours_word(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` one abbreviated weekday of opening hours or a timetable?"""
    if end - start > 5 and text[end - 1 : end] != ".":
        return False  # longer than any abbreviation ("thurs"): most spans, no need to read them
    word = text[start:end].rstrip(".")
    if word.casefold() not in WEEKDAY_ABBREVIATIONS or not word[:1].isupper():
        return False
    return _HOURS_AFTER.match(text, start + len(word)) is not None or (
        _HOURS_BEFORE.search(text, max(0, start - 12), start) is not None
    )


def group_plural(word: str) -> bool:
    """Is ``word`` (one word) the plural of a nationality or group adjective ("Argentineans",
    "Mexicans", "Kenyans"), not a party's members ("Republicans")?"""
    low = word.casefold()
    if not word[:1].isupper() or not low.endswith("ns") or len(low) < 6:
        return False
    single = low[:-1]
    if single in DEMONYMS:
        return single not in _MEMBERS
    # "Argentineans" beside "argentine", "Colombians" beside "colombian": the same adjective spelled another way
    return low.endswith(("ians", "eans")) and any(
        d[:6] == single[:6] and d not in _MEMBERS for d in DEMONYMS if len(d) >= 6
    )


#: Adjectives of praise and blame that head a review ("Great Service", "Rude Staff").
_JUDGING = frozenset(
    [
        "great",
        "excellent",
        "good",
        "bad",
        "poor",
        "fast",
        "slow",
        "best",
        "worst",
        "terrible",
        "horrible",
        "awful",
        "amazing",
        "wonderful",
        "friendly",
        "rude",
        "nice",
        "outstanding",
        "fantastic",
        "superb",
        "lousy",
        "quick",
        "reliable",
        "professional",
    ]
)
#: What a customer judges (the head of a review's heading).
_JUDGED = frozenset(
    [
        "service",
        "services",
        "customer",
        "staff",
        "store",
        "shop",
        "school",
        "team",
        "experience",
        "job",
        "work",
        "value",
        "food",
        "place",
        "price",
        "prices",
        "care",
        "doctor",
        "doctors",
        "dentist",
        "people",
        "stuff",
    ]
)


def review_heading(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a review's heading: an adjective of praise or blame, then at most two
    words of which one is what a customer judges ("Great Service", "Poor Service After", "GREAT Store
    GREAT Service")?"""
    first = _WORD.search(text, start, end)
    if first is None or first.group().casefold() not in _JUDGING:
        return False  # no adjective of praise or blame first: most spans, read no further
    words = [w.casefold() for w in _WORD.findall(text[start:end])]
    return 2 <= len(words) <= 4 and words[0] in _JUDGING and any(w in _JUDGED for w in words[1:3])


#: One-word titles of :data:`TITLES` and a lawyer's "Counsel": a person's, never an organisation's first word.
_PERSON_TITLES = frozenset(t[0] for t in TITLES if len(t) == 1) | {"counsel"}
_TITLE_BEFORE_NAME = re.compile(
    r"((?:[A-Z][a-z]+[ \t]+)?)([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)[ \t]+(?:of|for|to)[ \t]+the[ \t]+(?=[A-Z])"
)


def title_cut(text: str, c: Candidate) -> Candidate:
    """``c`` without a person's title and "of the" / "for the" at its start (see the module docs)."""
    if text.find("the", c.start, c.end) < 0:
        return c  # every cut ends after "the" inside the span: no pattern to run
    m = _TITLE_BEFORE_NAME.match(text, c.start)
    if m is None or m.end() >= c.end:
        return c
    modifier, title = m.group(1).strip().casefold(), m.group(2).casefold()
    if title not in _PERSON_TITLES or (modifier and modifier not in TITLE_MODIFIERS):
        return c
    rest = _WORD.findall(text[m.end() : c.end])
    capitals = [w for w in rest if w[:1].isupper()]
    if not (len(capitals) >= 2 or rest[-1].casefold() in ORG_HEADS or (len(rest) == 1 and rest[0].isupper())):
        return c
    return dataclasses.replace(c, start=m.end(), name=" ".join(text[m.end() : c.end].split()), splittable=False)


_PO_BOX = re.compile(r"(?<![\w.])P\.?[ \t]?O\.?[ \t]+Box[ \t]+[A-Z]{0,2}\d")


def po_box(text: str, start: int, end: int) -> bool:
    """Does the span ``text[start:end]`` start inside a "PO Box" before a number?"""
    if "O" not in text[start : start + 4]:
        return False
    m = _PO_BOX.match(text, start)
    return m is not None and end <= m.end() - 1


_NAME_TYPES = frozenset({"place", "organization", "facility"})


def names_only(text: str, cands: list[Candidate], model: EntityModel | None = None) -> list[Candidate]:
    """``cands`` without the places, organisations and facilities whose words are no name, and with
    a person's title cut from the start of an organisation (the tests above); then without the spans
    of titles or common words (:func:`~workbook.extract.common_word_spans.without_common_word_spans`,
    read with ``model``'s word lists)."""
    out = []
    for c in without_common_word_spans(text, cands, model):
        if c.type in _NAME_TYPES and c.person is None:
            surface = text[c.start : c.end]
            if (
                opening_hours_word(text, c.start, c.end)
                or po_box(text, c.start, c.end)
                or (" " not in surface.strip() and group_plural(surface.strip()))
                or (c.type == "organization" and c.gaz is None and review_heading(text, c.start, c.end))
            ):
                continue
            c = title_cut(text, c)
        out.append(c)
    return out
