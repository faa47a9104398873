"""Fiscal years, read only when the text says when its fiscal year ends.

A fiscal year's months depend on who keeps it, so :mod:`workbook.extract.dates` leaves "fiscal 2026" out
unless the text settles them. :func:`fiscal_year_end` reads the settlement, once per text:

* a definition in the text: "the fiscal year ended June 30, 2025", "whose financial year ended on 30 June
  2025", "results for the year ended 31 December 2024", "a financial year ending in September", "its
  fiscal year begins on 1 October", "whose fiscal year matches the calendar year". Two definitions that
  disagree settle nothing;
* else the US federal fiscal year (October to September) when the text names the US federal government by a
  name no other country's uses (:data:`US_FEDERAL_CUES`: "the Pentagon", "the Department of Defense", "the
  House Armed Services Committee", "the Office of Management and Budget", ...; or "Congress" in a text that
  also says "Washington", "U.S." or "United States").

A fiscal year is named by the calendar year it ends in ("fiscal 2026" ending June 30, 2026), which holds for
a year ending in June to December; one ending in January to May is named either way (a Japanese company's
"fiscal 2024" ends in March 2025, an American retailer's "fiscal 2025" in January 2025): left out.

:func:`find_fiscal_periods` then reads "fiscal 2026", "fiscal year 2026", "financial year 2026", "the 2025
financial year", "FY2025", "FY 2025", "FY25" and the halves and quarters of one ("the first half of fiscal
2026", "the second quarter of fiscal year 2026").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from workbook.extract.date_words import FULL_MONTH, MONTH, S, day_of, month_of

__all__ = ["US_FEDERAL_CUES", "find_fiscal_periods", "fiscal_year_end"]

Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

#: Names of the US federal government no other country's uses: a text that says one keeps the US federal
#: fiscal year (October 1 to September 30, named by the year it ends in).
US_FEDERAL_CUES: tuple[str, ...] = (
    "Pentagon",
    "Department of Defense",
    "Defense Department",
    "House Armed Services",
    "Senate Armed Services",
    "House Appropriations",
    "Senate Appropriations",
    "Office of Management and Budget",
    "National Defense Authorization",
    "NDAA",
    "Capitol Hill",
    "Congressional Budget Office",
)
_FEDERAL = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in US_FEDERAL_CUES) + r")\b")
_CONGRESS = re.compile(r"\bCongress\b")
_US = re.compile(r"\b(?:Washington|WASHINGTON|U\.S\.|United States)")

_DM = (
    r"(?:(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?"
    + S
    + r"+(?P<m1>"
    + MONTH
    + r")|(?P<m2>"
    + MONTH
    + r")"
    + S
    + r"+(?P<d2>[0-9]{1,2})(?![0-9]))"
)
#: "fiscal year", "financial year that", "fiscal year which": what opens a definition of the year's end.
_FISCAL_YEAR_THAT = r"\b(?i:fiscal|financial)" + S + r"+year" + S + r"+(?:(?:that|which)" + S + r"+)?"
_END_DEFINED = re.compile(
    _FISCAL_YEAR_THAT
    + r"(?:ends|ended|ending|closes|closed|runs"
    + S
    + r"+to|ran"
    + S
    + r"+to)(?:"
    + S
    + r"+on)?"
    + S
    + r"+"
    + _DM
)
#: "results for the year ended 31 December 2024", "the twelve months to 30 June 2025".
_YEAR_ENDED = re.compile(
    r"\b(?i:the)"
    + S
    + r"+(?:year|twelve"
    + S
    + r"+months|12"
    + S
    + r"+months)"
    + S
    + r"+(?:ended|ending|to)"
    + S
    + r"+"
    + _DM
)
_END_MONTH = re.compile(_FISCAL_YEAR_THAT + r"(?:ends|ending)" + S + r"+in" + S + r"+(?P<m>" + FULL_MONTH + r")\b")
_START_DEFINED = re.compile(
    r"\b(?i:fiscal|financial)"
    + S
    + r"+year"
    + S
    + r"+(?:begins|began|starts|started|beginning|starting)(?:"
    + S
    + r"+on)?"
    + S
    + r"+"
    + _DM
)
_CALENDAR = re.compile(
    r"\b(?i:fiscal|financial)"
    + S
    + r"+year"
    + S
    + r"+(?:matches|is|follows)"
    + S
    + r"+the"
    + S
    + r"+calendar"
    + S
    + r"+year"
)
_YEAR4 = r"(?P<y>(?:19|20)[0-9]{2})(?![0-9]|[-/\u2013][0-9])"
_NAMED = re.compile(
    r"\b(?:(?i:fiscal|financial)(?:"
    + S
    + r"+year)?"
    + S
    + r"+"
    + _YEAR4
    + r"|FY"
    + S
    + r"?(?:(?P<y2>(?:19|20)[0-9]{2})|(?P<yy>[0-9]{2}))(?![\w/\u2013-])|(?P<y3>(?:19|20)[0-9]{2})"
    + S
    + r"+(?i:fiscal|financial)"
    + S
    + r"+year)"
)
_PART_BEFORE = re.compile(
    r"(?:\b(?i:the)"
    + S
    + r"+)?\b(?P<o>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))(?:-|"
    + S
    + r"+)(?P<u>(?i:half|quarter))"
    + S
    + r"+of"
    + S
    + r"+(?:(?i:the)"
    + S
    + r"+)?\Z"
)
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}


def _day_month(m: re.Match[str]) -> tuple[int, int]:
    if m["m1"] is not None:
        return month_of(m["m1"]), day_of(m["d1"])
    return month_of(m["m2"]), day_of(m["d2"])


def fiscal_year_end(text: str) -> tuple[int, int] | None:
    """(month, day) the text's fiscal year ends on, when the text settles it (module rules), else None."""
    ends: set[tuple[int, int]] = set()
    for pattern in (_END_DEFINED, _YEAR_ENDED):
        ends.update(_day_month(m) for m in pattern.finditer(text))
    for m in _END_MONTH.finditer(text):
        month = month_of(m["m"])
        ends.add((month, (date(2001 + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day))
    for m in _START_DEFINED.finditer(text):
        month, day = _day_month(m)
        before = date(2001, month, day) - timedelta(days=1)
        ends.add((before.month, before.day))
    if _CALENDAR.search(text):
        ends.add((12, 31))
    ends = {e for e in ends if e[1] <= 31}
    if len(ends) == 1:
        return ends.pop()
    if ends:
        return None
    if _FEDERAL.search(text) or (_CONGRESS.search(text) and _US.search(text)):
        return 9, 30
    return None


def _fiscal_span(year: int, end: tuple[int, int]) -> tuple[date, date]:
    last = date(year, *end)
    first = date(year - 1, *end) + timedelta(days=1)
    return first, last


def _part(span: tuple[date, date], months: int, n: int) -> tuple[date, date] | None:
    if months == 6 and n > 2:
        return None
    first = span[0]
    for _ in range((n - 1) * months):
        first = (first.replace(day=1) + timedelta(days=32)).replace(day=1)
    last = first
    for _ in range(months):
        last = (last.replace(day=1) + timedelta(days=32)).replace(day=1)
    return first, min(last - timedelta(days=1), span[1])


def find_fiscal_periods(text: str) -> list[Resolved]:
    """Fiscal years and their halves and quarters in ``text``, when the text settles its fiscal year and the
    year's name (module rules); nothing otherwise."""
    if "iscal" not in text and "inancial" not in text and "FY" not in text:
        return []
    end = fiscal_year_end(text)
    if end is None or end[0] < 6:
        return []
    out: list[Resolved] = []
    for m in _NAMED.finditer(text):
        y = m["y"] or m["y2"] or m["y3"]
        year = int(y) if y else 2000 + int(m["yy"])
        try:
            span = _fiscal_span(year, end)
        except ValueError:
            continue
        s = m.start()
        part = _PART_BEFORE.search(text, max(0, s - 40), s)
        if part is not None:
            sub = _part(span, 3 if part["u"].lower() == "quarter" else 6, _ORDINAL[part["o"].lower()])
            if sub is None:
                continue
            s, span = part.start(), sub
        out.append((s, m.end(), "month", "absolute", span[0], span[1], None))
    return out
