"""A second pass over one document's entity spans, after the rules and the classifier are combined.

Readings that need the whole document rather than one span:

* **Named storms are events** (:func:`named_events`): "Hurricane Katrina", "Typhoon Haiyan",
  "Tropical Storm Rita" are one event each (type ``other``), and a bare "Katrina" elsewhere in the
  same document is that storm, not a person: a storm is named like a person, so the classifier reads
  the name as one.

* **Authors cited with a year are people** (:func:`cited_authors`): "(Brieber 2014; Heidenreich &
  Turano 2011)", "Binderman et al., 2005": the classifier reads a lone unfamiliar surname as no name.

Pure functions of the text and the spans; :func:`workbook.extract.entities.extract_entities` calls them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from workbook.extract.vocabulary import FACILITY_HEADS, ORG_HEADS

__all__ = [
    "EVENT_WORDS",
    "EventSpan",
    "cited_authors",
    "named_events",
]

#: Words that open the name of a storm: "Hurricane Katrina", "Tropical Storm Rita".
EVENT_WORDS: tuple[str, ...] = (
    "Hurricane",
    "Typhoon",
    "Cyclone",
    "Tropical Storm",
    "Tropical Cyclone",
    "Tropical Depression",
    "Superstorm",
    "Super Typhoon",
)
_EVENT = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(re.escape(w) for w in sorted(EVENT_WORDS, key=len, reverse=True)) + r")"
    r" ([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?![\w-]| [A-Z])"
)

#: The first words of :data:`EVENT_WORDS` ("Tropical Storm" → "Tropical").
_EVENT_FIRST_WORDS = frozenset(w.split()[0] for w in EVENT_WORDS)

_HEADS = ORG_HEADS | FACILITY_HEADS
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]\Z")


class EventSpan(NamedTuple):
    """A named event's mention: ``text[start:end]`` is the surface, ``name`` the full name."""

    start: int
    end: int
    name: str


def named_events(text: str) -> list[EventSpan]:
    """Named storms (:data:`EVENT_WORDS` + one capitalised word that is no organisation or facility
    head, not after a capitalised word: "National Hurricane Center" is no storm) and the bare names
    of those storms elsewhere in the text, not joined to another capitalised word, in text order."""
    found: dict[str, str] = {}
    spans: list[EventSpan] = []
    if not any(w in text for w in _EVENT_FIRST_WORDS):  # every match opens with one: nothing to search
        return spans
    for m in _EVENT.finditer(text):
        if m.group(1).casefold() in _HEADS or _CAPITALISED_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "the National Hurricane Center": an organisation's name, no storm
        found.setdefault(m.group(1), " ".join(m.group().split()))
        spans.append(EventSpan(m.start(), m.end(), found[m.group(1)]))
    if not found:
        return spans
    taken = bytearray(len(text) + 1)
    for s in spans:
        taken[s.start : s.end] = b"\x01" * (s.end - s.start)
    bare = re.compile(r"(?<![\w'’.-])(?<![A-Z][\w'’-] )(" + "|".join(map(re.escape, found)) + r")(?![\w-]| [A-Z])")
    for m in bare.finditer(text):
        if taken.find(1, m.start(), m.end()) < 0:
            spans.append(EventSpan(m.start(), m.end(), found[m.group()]))
    return sorted(spans, key=lambda s: s.start)


#: An author cited with a year, in the citation styles of papers and reports: "(Brieber 2014;",
#: "; Heidenreich & Turano 2011", "Binderman et al., 2005", "(see Baron and Beresford 2014)".
#: The pattern opens with the surname's capital and looks behind it from there, so that ``re`` skips
#: in C to the next capital instead of trying the look-behinds at every character; the surnames are
#: groups 1-3 without their capital (groups 1 and 3) as in the plain form ``(?<=\()([A-Z]…)``.
_CITED = re.compile(
    r"[A-Z](?:(?:(?<=\([A-Z])|(?<=; [A-Z])|(?<=\(see [A-Z])|(?<=\(e\.g\. [A-Z])|(?<=\(cf\. [A-Z]))"
    r"([\w'’-]*[a-z])(?:,? (?:&|and) ([A-Z][\w'’-]*[a-z]))?,? (?:1[5-9]|20)\d\d[a-z]?(?=[;),:])"
    r"|(?<![\w'’-][A-Z])([\w'’-]*[a-z]) et al\.?,? \(?(?:1[5-9]|20)\d\d)"
)


def cited_authors(text: str, never: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The surnames of authors cited with a year (:data:`_CITED`), as (start, end) spans in text
    order; a word in ``never`` (months, weekdays, words that never open a name) is none."""
    out = []
    for m in _CITED.finditer(text):
        for k in (1, 2, 3):
            if m.start(k) >= 0:
                start = m.start(k) - (k != 2)  # groups 1 and 3 start after the capital
                if text[start : m.end(k)].casefold() not in never:
                    out.append((start, m.end(k)))
    return out
