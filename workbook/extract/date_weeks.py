"""Weeks named around a date: "the week of Nov. 27", "the week beginning 13 September", "the week ending
March 3", and weekdays listed under "this week" or "next week".

:func:`widen_to_weeks` turns a day written after "the week of", "the week beginning / starting / commencing"
into the seven days from it, and a day after "the week ending / to" into the seven days up to it: the
day alone would date the event more narrowly than the text does (an argument "set for the week of April 8"
may be heard on any day of it).

:func:`listed_week_monday` reads a weekday in a sentence that names "this week" or "next week" before it and
tells no past ("This week: factory data on Dec. 2, jobs figures on Friday"; "Next week the council meets on
Tuesday and Thursday"): the weekday is that week's, not the most recent one. A past verb anywhere in the
sentence ("this week's rally erased Friday's losses", "will meet next week after talks collapsed on Friday")
leaves the weekday to the tense rules.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from workbook.extract.date_relative import week_span
from workbook.extract.date_words import PAST_VERB, SENTENCE_END, S

__all__ = ["listed_week_monday", "widen_to_weeks"]

#: (start, end, precision, resolution, date_start, date_end, anchor), as in workbook.extract.dates.
Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

_WEEK_FROM = re.compile(
    r"\b(?i:the)"
    + S
    + r"+(?i:week)"
    + S
    + r"+(?:(?P<from>of|beginning|starting|commencing)|(?P<to>ending))"
    + S
    + r"+\Z"
)
_NAMED_WEEK = re.compile(r"\b(?P<which>this|next)" + S + r"+week\b(?!" + S + r"*(?:end|-?long))", re.IGNORECASE)
_SENTENCE_END = re.compile(SENTENCE_END, re.IGNORECASE)
_PAST = re.compile(PAST_VERB)


def widen_to_weeks(text: str, resolved: list[Resolved]) -> list[Resolved]:
    """``resolved`` with each day written after "the week of / beginning / ending" made the week it names."""
    if "week" not in text:
        return resolved
    out: list[Resolved] = []
    for r in resolved:
        s, e, prec, res, ds, de, anc = r
        if prec == "day" and ds is not None and ds == de and text.find("week", max(0, s - 22), s) >= 0:
            m = _WEEK_FROM.search(text, max(0, s - 30), s)
            if m is not None:
                try:
                    lo, hi = (ds, ds + timedelta(days=6)) if m["from"] else (ds - timedelta(days=6), ds)
                except OverflowError:
                    out.append(r)
                    continue
                out.append((m.start(), e, "days", res, lo, hi, anc))
                continue
        out.append(r)
    return out


def listed_week_monday(text: str, start: int, end: int, anchor: date) -> date | None:
    """The Monday of the week ("this week", "next week") named before the weekday at ``start`` in its
    sentence, when the sentence holds no past verb; None otherwise (see the module rules)."""
    lo = max(0, start - 160)
    for stop in _SENTENCE_END.finditer(text, lo, start):
        lo = stop.end()
    named = None
    for m in _NAMED_WEEK.finditer(text, lo, start):
        named = m
    if named is None:
        return None
    after = _SENTENCE_END.search(text, end, end + 200)
    if _PAST.search(text, lo, after.start() if after else min(len(text), end + 200)):
        return None
    monday = week_span(anchor)[0]
    return monday + timedelta(days=7) if named["which"].lower() == "next" else monday
