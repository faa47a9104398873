"""Habits and schedules are no dates: "usually held in late January", "every Sunday", "each year in June".

A weekday, a month (with or without "early"/"mid-"/"late"), a day and month without a year or a season that a
habit governs names a day or a month that comes back, not one day or month: "the tournament is usually held in
late January", "prices typically peak in July", "the market, held every Sunday", "drills are held each year in
June", "farmers traditionally dry off their herds in late autumn". Reading one occurrence of it (the last one,
the next one) gives a date the text never meant, so :func:`drop_habitual` leaves such expressions out.

A habit is a frequency adverb ("usually", "typically", "traditionally", "normally", "generally", "often",
"regularly", "customarily", "routinely", "annually") anywhere before the expression in its clause (a clause
ends at a sentence end, ";", ":", "but", "while", "whereas", "although", a quotation mark), or "every"/"each"
right before the expression or before a unit of time ("every year in", "each spring"), or before a weekly unit
and "in" ("every Friday in August"), or "every"/"each" and a unit of time right after the expression ("from March
to November each year"). Expressions that carry
a year ("April 2023"), or say which one they mean ("last June", "next Tuesday", "this summer"), are kept: a
habit does not make them recur. Only the expressions without a year are looked at, each in its own clause:
the text is never searched as a whole.

The day or month a yearly period ends or starts on ("whose fiscal year ends on Dec. 31", "a financial year ending
in March", "the school year starts on September 1") recurs too and is left out; "the fiscal year ended June 30,
2025" carries its year and is :mod:`workbook.extract.date_fiscal`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from workbook.extract.date_words import FULL_MONTH, MONTH, WEEKDAY, S

__all__ = ["HABIT_WORDS", "drop_habitual"]

_S = S
Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

#: Frequency adverbs that make the clause after them a habit.
HABIT_WORDS: tuple[str, ...] = (
    "usually",
    "typically",
    "traditionally",
    "normally",
    "generally",
    "often",
    "regularly",
    "customarily",
    "routinely",
    "annually",
)
_HABIT = re.compile(
    r"\b(?:"
    + "|".join(HABIT_WORDS)
    + r")\b|\b(?:every|each)"
    + _S
    + r"+(?:other"
    + _S
    + r"+)?(?:year|week|month|season|spring|summer|autumn|fall|winter|weekend)s?\b",
    re.IGNORECASE,
)
#: "every Sunday", "each April", "every other Friday", "every second Wednesday": the expression right after.
_EVERY_BEFORE = re.compile(
    r"\b(?:every|each)(?:"
    + _S
    + r"+(?:other|second|third|fourth|alternate))?"
    + _S
    + r"+(?:(?:early|mid|late)-?"
    + _S
    + r"*)?\Z",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.!?;:\n\"\u201c\u201d]|\b(?:but|while|whereas|although|though)\b", re.IGNORECASE)
#: What a recurring expression is: a weekday, a month (perhaps with a day, or early/mid/late), a season, with
#: nothing that says which one ("last", "next", "this", a year).
_RECURRING = re.compile(
    r"(?:(?:early|mid|late)-?"
    + _S
    + r"*)?(?:the"
    + _S
    + r"+)?(?:"
    + WEEKDAY
    + r"(?:"
    + _S
    + r"+to"
    + _S
    + r"+"
    + WEEKDAY
    + r")?|"
    + MONTH
    + r"(?:"
    + _S
    + r"+\d{1,2}(?:st|nd|rd|th)?)?(?:"
    + _S
    + r"*(?:to|until|through|-|–)"
    + _S
    + r"*"
    + MONTH
    + r")?|\d{1,2}(?:st|nd|rd|th)?(?:"
    + _S
    + r"+of)?"
    + _S
    + r"+"
    + FULL_MONTH
    + r"|spring|summer|autumn|fall|winter)\Z",
    re.IGNORECASE,
)
#: "every Friday in August", "each weekend of July": the month of a weekly habit recurs with it.
_EVERY_UNIT_IN = re.compile(
    r"\b(?:every|each)(?:"
    + _S
    + r"+(?:other|second|third|fourth|alternate))?"
    + _S
    + r"+(?:"
    + WEEKDAY
    + r"|day|weekend|week|night|morning|evening)s?"
    + _S
    + r"+(?:in|of|during|throughout)"
    + _S
    + r"+\Z",
    re.IGNORECASE,
)
#: "run from March to November each year", "opens on 5 June every year": a unit of habit right after.
_EVERY_AFTER = re.compile(
    _S + r"+(?:every|each)" + _S + r"+(?:year|week|month|season|spring|summer|autumn|fall|winter)s?\b",
    re.IGNORECASE,
)
#: How far back in its clause a habit word may stand.
_HABIT_REACH = 100


#: Pieces (without the first letter, which may be a capital) one of which the text before an expression must
#: hold before any pattern is tried there.
_HINTS: tuple[str, ...] = (*(w[1:] for w in HABIT_WORDS), "very", "ach")


def _habitual(text: str, s: int, e: int) -> bool:
    lo = max(0, s - _HABIT_REACH)
    window = text[lo : e + 16]
    if not any(h in window for h in _HINTS):  # most expressions: no habit word anywhere near
        return False
    if _EVERY_BEFORE.search(text, max(0, s - 20), s) or _EVERY_UNIT_IN.search(text, max(0, s - 40), s):
        return True
    if _EVERY_AFTER.match(text, e):
        return True
    for m in _CLAUSE_END.finditer(text, lo, s):
        lo = m.end()
    return _HABIT.search(text, lo, s) is not None


#: "whose fiscal year ends on Dec. 31", "a financial year ending in March", "the school year starts on", "Australia's
#: financial year runs from 1 July to 30 June" (dates12): the day or
#: month a yearly period ends or starts on comes back every year; one year of it ("the past fiscal year ending in
#: March", "the 2023 financial year ending in June") is a date.
_PERIOD_BOUND_BEFORE = re.compile(
    r"(?<!past )(?<!last )(?<!this )(?<!next )(?<!current )(?<!previous )(?<!latest )(?<![0-9] )"
    r"\b(?:fiscal|financial|tax|academic|school|business|accounting)"
    + _S
    + r"+years?"
    + _S
    + r"+(?:ends|ending|begins|beginning|starts|starting|closes|closing|runs|running)"
    + _S
    + r"+(?:(?:on|in|from)"
    + _S
    + r"+)?\Z",
    re.IGNORECASE,
)


def drop_habitual(text: str, found: Iterable[Resolved]) -> list[Resolved]:
    """``found`` without the weekdays, months, days and seasons a habit governs (see the module rules), and the
    day or month a yearly period is said to end or start on ("whose fiscal year ends on March 31")."""
    return [
        r
        for r in found
        if r[3] != "relative"
        or r[4] is None
        or not (
            (_habitual(text, r[0], r[1]) and _RECURRING.match(text, r[0], r[1]))
            or (
                text.find("year", max(0, r[0] - 40), r[0]) >= 0
                and _PERIOD_BOUND_BEFORE.search(text, max(0, r[0] - 50), r[0])
            )
        )
    ]
