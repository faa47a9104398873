"""Centuries: "the 18th century", "the late 18th century", "the mid-19th century", "the 1600s", "the early 1800s".

The Nth century is the years (N-1)*100 to (N-1)*100+99 (the 1st: 1-99); "the 1600s" is 1600-1699 ("the 1790s"
is a decade: :mod:`workbook.extract.dates`). Early / mid / late take a third of it: years 00-33, 33-66 and 66-99,
as a decade's thirds are 0-3, 3-6 and 7-9. The precision is ``year`` (an interval of whole years, as "from 1700
to 1799" would be): the model has no century precision.

Left out, never a wrong date: a century before Christ ("the 5th century BC"), the century the report is written
in or a later one ("21st-century warfare", "the 21st century" in a 2024 report: rhetoric, not a time the text
places something in), "the turn of the 20th century" (a moment near its start, not the century), and the
adjective "19th-century" (a style: "a 19th-century church" tells when it was built, not when the news happened).
"""

from __future__ import annotations

import re
from datetime import date

from workbook.extract.date_relative import Resolved, year_span
from workbook.extract.date_words import S

__all__ = ["find_centuries"]

_CENTURY = re.compile(
    r"\b[Tt]he" + S + r"+(?:(?P<mod>early|mid|late)(?:-|" + S + r"+))?"
    r"(?:(?P<ord>[1-9]|1[0-9]|2[0-9])(?:st|nd|rd|th)" + S + r"+century(?![\w-])"
    r"(?!" + S + r"*(?:B\.?C\.?|BCE|before)(?![\w]))"
    r"|(?P<hundreds>1[0-9])00s(?![\w'’]))"
)
_ORDINAL_ENDS = frozenset(("st", "nd", "rd", "th"))
_TURN_OF = re.compile(r"\b(?i:turn)" + S + r"+of" + S + r"+\Z")
#: A century's thirds, as years into it: early, mid, late.
_THIRDS = {"early": (0, 33), "mid": (33, 66), "late": (66, 99)}


def _candidates(text: str) -> list[re.Match[str]]:
    """The matches around each "century" and "00s" (a plain search: most texts hold neither, or a few)."""
    found: dict[int, re.Match[str]] = {}
    for word, back in (("century", 24), ("00s", 16)):
        i = text.find(word)
        while i >= 0:
            lead = text[i - 3 : i - 1] if word == "century" else text[i - 2 : i]
            if not (lead in _ORDINAL_ENDS if word == "century" else lead.isdigit()):
                i = text.find(word, i + 1)
                continue  # "the century", "a century ago", "500s": no century named by its number
            m = _CENTURY.search(text, max(0, i - back), i + len(word) + 12)
            if m is not None:
                found.setdefault(m.start(), m)
            i = text.find(word, i + 1)
    return [found[k] for k in sorted(found)]


def find_centuries(text: str, anchor: date | None) -> list[Resolved]:
    """Every past century the text names, as an interval of years (absolute)."""
    out: list[Resolved] = []
    for m in _candidates(text):
        first = (int(m["ord"]) - 1) * 100 if m["ord"] else int(m["hundreds"]) * 100
        if first + 99 >= (anchor.year if anchor is not None else 2000):
            continue  # this century or a later one: rhetoric ("the 21st century"), no time placed
        if _TURN_OF.search(text, max(0, m.start() - 12), m.start()):
            continue
        lo, hi = _THIRDS[m["mod"].lower()] if m["mod"] else (0, 99)
        out.append((m.start(), m.end(), "year", "absolute", *year_span(max(1, first + lo), first + hi), None))
    return out
