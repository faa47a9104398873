"""Month names in capitals: headlines, datelines and military or government release lines.

Release lines and headlines write months in capitals: "CONTRACTS FOR OCT. 6, 2025", "MARCH 3 — FLOOD BARRIER
TO CLOSE", "3 APRIL 2025: PORT STRIKE ENDS", "DATE: 17 NOV 2025", "rebook by 28 NOV". The rules of
:mod:`workbook.extract.dates` know month names in title case only, so :func:`title_months` gives
:func:`workbook.extract.dates.find_dates` a copy of the text, of the same length, in which such a month is in title
case ("OCT." -> "Oct.", "MARCH" -> "March"); the spans it finds index the original text alike.

Only a month in capitals that stands next to a day or a year becomes a month: a number of one or two digits
(or an ordinal) right before it ("17 NOV", "3rd MARCH"), or a number right after it ("MARCH 3", "OCT. 6", "NOV
2025"). A capital word alone stays a word: "WORKERS TO MARCH IN LONDON", "MAY BE DELAYED", "DEC" as a
company's initials.

:func:`find_compact_dates` reads the US military's compact day-month-year ("01DEC25", "07JUL25", "14JAN2025"):
two digits of day, the month's three capitals, two or four digits of year; two joined by "to" or a dash are one
range ("01DEC25 to 05DEC25"). A two-digit year is 2000-2049 when it is
below 50 and 1950-1999 otherwise (a military memo of the 1990s writes "12FEB95"). A date-time group with a
time and zone ("121530ZFEB25") is not such a date and is left out.

Speed: both passes first check for one of the twelve three-letter capitals with one literal alternation, which
fails on nearly every text; only then does a pattern run.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["find_compact_dates", "has_capital_month", "title_months"]

Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

_ABBREVIATIONS: tuple[str, ...] = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
#: The pre-check: one of the twelve three-letter capitals, anywhere (one pass of the text, in C).
_ANY_CAPITAL = re.compile("|".join(_ABBREVIATIONS))
_CAPITAL = re.compile(
    r"(?<![\w'’])(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)(?![\w'’])"
)
#: A day right before the month: "17 NOV", "3rd MARCH", "3 APRIL 2025".
_DAY_BEFORE = re.compile(r"(?<![\w.,/:])(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th|ST|ND|RD|TH)?[^\S\n]+\Z")
#: A day or year right after it: "MARCH 3", "OCT. 6, 2025", "NOV 2025".
_NUMBER_AFTER = re.compile(r"\.?[^\S\n]+[0-9]{1,4}(?![0-9])")
_COMPACT = re.compile(
    r"(?<![\w])(?P<d>0[1-9]|[12][0-9]|3[01])(?P<m>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
    r"(?P<y>[0-9]{4}|[0-9]{2})(?![\w])"
)

#: Between the two ends of a range: "01DEC25 to 05DEC25", "01DEC25-05DEC25".
_TO = re.compile(r"[^\S\n]*(?:[-–]|to|through|until|till)[^\S\n]*")


#: The last text asked about and the answer: ``find_dates`` asks twice of one text (:func:`title_months`, then
#: :func:`find_compact_dates` on the text it returned, the same object when nothing was titled).
_LAST: list[tuple[str, bool]] = [("", False)]


def has_capital_month(text: str) -> bool:
    """Does ``text`` hold one of the twelve three-letter month capitals anywhere (a cheap pre-check)?"""
    last = _LAST[0]
    if last[0] is text:
        return last[1]
    found = _ANY_CAPITAL.search(text) is not None
    _LAST[0] = (text, found)
    return found


def title_months(text: str) -> str:
    """``text`` with each month in capitals that stands next to a day or a year in title case, same length."""
    if not has_capital_month(text):
        return text
    pieces: list[str] = []
    last = 0
    for m in _CAPITAL.finditer(text):
        s, e = m.start(), m.end()
        if _DAY_BEFORE.search(text, max(0, s - 6), s) or _NUMBER_AFTER.match(text, e):
            pieces.append(text[last:s])
            pieces.append(m.group(0).capitalize())
            last = e
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def find_compact_dates(text: str) -> list[Resolved]:
    """Compact military dates ("01DEC25", "14JAN2025") in ``text``, each the day it names."""
    out: list[Resolved] = []
    if not has_capital_month(text):
        return out
    days: list[tuple[int, int, date]] = []
    for m in _COMPACT.finditer(text):
        y = int(m["y"])
        if len(m["y"]) == 2:
            y += 2000 if y < 50 else 1900
        try:
            days.append((m.start(), m.end(), date(y, _ABBREVIATIONS.index(m["m"]) + 1, int(m["d"]))))
        except ValueError:  # "31FEB25"
            continue
    i = 0
    while i < len(days):
        s, e, d = days[i]
        if i + 1 < len(days) and _TO.fullmatch(text, e, days[i + 1][0]) and days[i + 1][2] > d:
            out.append((s, days[i + 1][1], "days", "absolute", d, days[i + 1][2], None))  # "01DEC25 to 05DEC25"
            i += 2
            continue
        out.append((s, e, "day", "absolute", d, d, None))
        i += 1
    return out
