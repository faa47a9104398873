"""Datelines: the place of filing, date and source a report opens with.

"Pyongyang, May 26 (KCNA) --", "WASHINGTON, May 3 (Reuters) -", "SEOUL, South Korea (AP) —",
"BEIJING, Jan. 5 (Xinhua) --", "LONDON —", "Paris, 3 March (AFP) -" are read by :func:`parse_dateline`
into the document's place of filing and source (the ``dateline_place`` and ``dateline_source``
columns of the documents table). The extractor makes no mentions inside the dateline: without this
rule the agency and its home city are the most mentioned entities of any wire corpus and the hubs of
every co-mention network, for no reason but the format. The dateline's date is the publication date
of the report: it stays an event of kind ``publication`` (:mod:`workbook.extract.events`), never a
dated happening, so the analyst still sees when each report was filed.

What counts (only at the very start of the text, after white space):

* ``PLACE[, REGION], DATE (SOURCE)`` then an optional dash ("--", "—", "–", "-"), or
* ``PLACE[, REGION] (SOURCE)`` then a dash, or
* ``PLACE[, REGION], DATE`` then a dash, or
* an ALL-CAPS ``PLACE[, REGION]`` of four letters or more, then a dash and the body's first word
  ("WASHINGTON — The"); "PS - we also..." or a shouted "BEST DENTIST EVER -" is not a dateline.

A dateline may also open the line after a headline (round nineteen): one or two short lines first (a headline,
a deck or a byline: at most 150 characters each, not ending as a sentence or a clause does with ".", ",", ";" or
":"), then a dateline of the forms above on its own line's start ("Storm Batters Coast\nLONDON (Reuters) - ...",
"Local Team Wins Cup\nBy Sarah Jones\nMANCHESTER, England — ..."). There an ALL-CAPS place alone before a dash
must be no word of the built-in English list, so a heading's "NOTE -", "UPDATE -" or "WARNING -" is none.

PLACE is one to four capitalised words ("St. Louis", "Nur-Sultan", "NEW YORK"); REGION a place or an
abbreviation ("N.C.", and the news agencies' state abbreviations "Ky.", "Calif.", "W.Va."); a title-case place
needs a date or a source after it, so a first sentence such as "Paris, the capital, is..." or
"Washington - the city - ..." is not a dateline. SOURCE is a short capitalised name in brackets, at most three
words ("KCNA", "Reuters", "AP", "Yonhap"). A place never starts with "The", "In", "It"...
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbook.extract.date_words import DAY, MONTH, YEAR_NAMED, S
from workbook.ingest.normalise import builtin_words

__all__ = ["Dateline", "parse_dateline"]


@dataclass(frozen=True)
class Dateline:
    """A dateline: ``text[start:end]`` is all of it (up to and including its dash)."""

    place: str
    source: str | None
    date_text: str | None
    start: int
    end: int


_WORD = r"(?:[A-Z][a-z]+(?:[-'][A-Za-z]+)*|[A-Z]{2,}(?:[-'][A-Z]+)*|St\.|Ft\.|Mt\.)"
_CAPS = r"(?:[A-Z]{2,}(?:[-'][A-Z]+)*|ST\.)"
_NOT_MONTH = r"(?!" + MONTH + r")"
_NOT_FIRST = r"(?!(?:The|A|An|In|On|At|As|If|It|He|She|We|They|This|That|When|After|Before)\b)"
_PLACE = rf"{_NOT_FIRST}{_NOT_MONTH}{_WORD}(?:{S}{_NOT_MONTH}{_WORD}){{0,3}}"
_REGION = rf"(?:{_PLACE}|[A-Z]\.(?:[A-Z]\.)+|[A-Z][a-z]{{1,4}}\.|W\.Va\.)"  # "N.C.", AP's "Ky.", "Calif."
_CAPS_PLACE = rf"{_CAPS}(?:{S}{_CAPS}){{0,3}}"
_DATE = rf"(?:{MONTH}{S}+{DAY}|{DAY}{S}+{MONTH})(?:,?{S}+{YEAR_NAMED})?"
_SOURCE = r"\((?P<source>[A-Z][A-Za-z&.'\-]*(?: [A-Za-z&.'\-]+){0,2})\)"
_DASH = r"(?:--|—|–|-)(?!-)"
_DATELINE = re.compile(
    rf"\s*(?P<head>(?P<place>{_PLACE})(?:,{S}+(?P<region>{_REGION}))??"
    rf"(?:(?:,{S}*|{S}+)(?P<date>{_DATE}))?"
    rf"(?:{S}*{_SOURCE}(?P<dash>{S}*{_DASH})?|{S}*{_DASH}))(?={S}|\n|\Z)"
)
_CAPS_DATELINE = re.compile(
    rf"\s*(?P<head>(?P<place>{_CAPS_PLACE})(?:,{S}+(?P<region>{_REGION}))?{S}*{_DASH})(?={S}*[\"\u201c'A-Z0-9])"
)


#: A headline, deck or byline line before a dateline: short, not ending as a sentence or clause does.
_HEAD_LINE = re.compile(rf"{S}*(?P<line>[^\n]{{3,150}}?){S}*\n(?:{S}*\n)*")
_HEAD_LINES = 2


def _tidy(place: str) -> str:
    """An ALL-CAPS place in title case ("NEW YORK" -> "New York"); others as written."""
    return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in place.split())


def _dateline_at(text: str, at: int, after_headline: bool) -> Dateline | None:
    """The dateline that opens ``text`` at ``at``, or None."""
    m = _DATELINE.match(text, at, min(len(text), at + 200))
    if m is not None and (m["date"] or (m["source"] and m["dash"])):
        place = _tidy(m["place"]) + (f", {_tidy(m['region'])}" if m["region"] else "")
        return Dateline(place, m["source"], m["date"], m.start("head"), m.end("head"))
    m = _CAPS_DATELINE.match(text, at, min(len(text), at + 200))
    if m is not None and sum(c.isalpha() for c in m["place"]) >= 4:
        if after_headline and " " not in m["place"] and m["place"].casefold() in builtin_words():
            return None  # a heading's "NOTE -", "UPDATE -" after the title line
        place = _tidy(m["place"]) + (f", {_tidy(m['region'])}" if m["region"] else "")
        return Dateline(place, None, None, m.start("head"), m.end("head"))
    return None


def parse_dateline(text: str) -> Dateline | None:
    """The dateline ``text`` opens with, at its start or after a headline line or two, or None (see the
    module rules)."""
    found = _dateline_at(text, 0, False)
    at = 0
    for _ in range(_HEAD_LINES):
        if found is not None:
            return found
        m = _HEAD_LINE.match(text, at, min(len(text), at + 160))
        if m is None or m["line"][-1] in ".,;:" or not any(c.isupper() for c in m["line"]):
            return None
        at = m.end()
        found = _dateline_at(text, at, True)
    return found
