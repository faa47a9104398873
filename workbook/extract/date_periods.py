"""Parts of a written year, and all-numeric dates that can be read only one way.

:func:`find_periods` reads, in text order:

* quarters and halves of a year written with it: "Q3 2023", "Q3 of 2023", "third-quarter 2023",
  "the third quarter of 2023", "the first half of 2024", "H1 2024", "the second half of the year
  2022". They are calendar periods; a fiscal one ("fiscal Q3 2023", "the second quarter of fiscal
  year 2026", "FY2024 Q1") is left out: its months depend on the organisation, and no date is better
  than a wrong one. A quarter or half without its year ("in the fourth quarter", "Q1 results") is left
  out for the same reason.
* all-numeric dates with a four-digit year whose day and month cannot be swapped: "19/05/2024" and
  "05/19/2024" are both May 19, 2024, "14.10.2023" is October 14; "10/03/2023" (March 10 or October
  3?) is left out, and so is "03/03/2023"'s twin only when the two readings differ.

:func:`is_fiscal_year` tells :mod:`workbook.extract.dates` that a year is a fiscal year ("fiscal year
2026", "financial year 2023", "FY 2025"), which the calendar year would misstate by months.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from workbook.extract.date_words import S

__all__ = ["Resolved", "find_periods", "is_fiscal_year"]

#: (start, end, precision, resolution, date_start, date_end, anchor), as in workbook.extract.dates.
Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
_YEAR = r"(?P<y>(?:19|20)[0-9]{2})(?![0-9]|[-/–][0-9])"
# Each pattern opens with a character class and looks behind after it, so that the engine skips fast.
#: "Q3 2023", "Q3 of 2023", "Q3-2023", "H1 2024", "3Q 2023".
_CODE = re.compile(
    r"[QH1-4](?<![\w].)(?:(?<=[QH])(?P<qn>[1-4])(?:"
    + S
    + r"+|"
    + S
    + r"+of"
    + S
    + r"+|"
    + S
    + r"*[-/'’]"
    + S
    + r"*)|(?<=[1-4])(?P<qh>[QH])"
    + S
    + r"+)"
    + _YEAR
)
_HALF_CODES = ("H1", "H2", "1H", "2H")
#: "quarter"/"half" after an ordinal: "the third quarter of 2023", "first-quarter 2026", "the first half of 2024".
_PART_WORD = re.compile(r"[QqHh](?<![\w].)(?:(?<=[Qq])(?i:uarter)|(?<=[Hh])(?i:alf))(?![\w-])")
_ORDINAL_BEFORE = re.compile(
    r"(?:\b(?i:the)" + S + r"+)?\b(?P<o>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))(?:-|" + S + r"+)\Z"
)
_YEAR_AFTER = re.compile(r"(?:,?" + S + r"+|" + S + r"+of" + S + r"+(?:the" + S + r"+year" + S + r"+)?)" + _YEAR)
#: "19/05/2024", "05/19/2024", "14.10.2023": found from the separator (rare) back to the first number.
_NUMERIC_TAIL = re.compile(r"(?P<sep>[/.])(?P<b>[0-3]?[0-9])(?P=sep)(?P<ny>[12][0-9]{3})(?![\w/-]|\.[0-9])")
_NUMERIC_HEAD = re.compile(r"(?<![\w./-])(?P<a>[0-3]?[0-9])\Z")
_FISCAL_BEFORE = re.compile(r"\b(?:fiscal|financial|FY)" + S + r"*(?:year" + S + r"+)?\Z", re.IGNORECASE)
_FISCAL_INSIDE = re.compile(r"\b(?:fiscal|financial)\b", re.IGNORECASE)
_FISCAL_YEAR_BEFORE = re.compile(r"\b(?i:fiscal|financial)" + S + r"+(?i:year)" + S + r"+\Z|\bFY" + S + r"*\Z")


def is_fiscal_year(text: str, start: int) -> bool:
    """Is the year written at ``start`` a fiscal one ("fiscal year 2026", "financial year 2023", "FY 2025")?"""
    return _FISCAL_YEAR_BEFORE.search(text, max(0, start - 24), start) is not None


def _numeric(a: int, b: int, y: int) -> tuple[date, date] | None:
    readings = {(y, mo, d) for d, mo in ((a, b), (b, a)) if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]}
    if len(readings) != 1:
        return None  # "10/03/2023": March 10 or October 3
    d = date(*readings.pop())
    return d, d


def _fiscal(text: str, s: int, e: int) -> bool:
    return bool(_FISCAL_BEFORE.search(text, max(0, s - 24), s) or _FISCAL_INSIDE.search(text, s, e))


def find_periods(text: str) -> list[Resolved]:
    """Quarters, halves and one-way numeric dates in ``text`` (see the module docs), in text order."""
    out: list[Resolved] = []
    for m in _NUMERIC_TAIL.finditer(text):
        h = _NUMERIC_HEAD.search(text, max(0, m.start() - 3), m.start())
        span = None if h is None else _numeric(int(h["a"]), int(m["b"]), int(m["ny"]))
        if h is not None and span is not None:
            out.append((h.start(), m.end(), "day", "absolute", span[0], span[1], None))
    coded = "Q" in text or any(h in text for h in _HALF_CODES)  # H3, H4 would be unresolved and dropped anyway
    for m in _CODE.finditer(text) if coded else ():
        n = int(m["qn"] or m.group(0)[0])
        unit = m.group(0)[0] if m["qn"] else m["qh"]
        if not _fiscal(text, m.start(), m.end()):
            out.append(_part(m.start(), m.end(), int(m["y"]), 3 if unit == "Q" else 6, n))
    lowered = text.lower()
    parts = _PART_WORD.finditer(text) if "quarter" in lowered or "half" in lowered else ()
    for w in parts:  # the word scan costs more than the two plain searches that skip most texts
        o = _ORDINAL_BEFORE.search(text, max(0, w.start() - 16), w.start())
        y = _YEAR_AFTER.match(text, w.end())
        if o is None or y is None or _fiscal(text, o.start(), y.end()):
            continue
        n = _ORDINAL[o["o"].lower()]
        months = 3 if w.group(0).lower() == "quarter" else 6
        out.append(_part(o.start(), y.end(), int(y["y"]), months, 2 if months == 6 and n == 4 else n))
    return sorted(r for r in out if r[4] is not None)


def _part(s: int, e: int, y: int, months: int, n: int) -> Resolved:
    """The ``n``-th quarter (``months`` 3) or half (6) of year ``y`` as text[s:e]; unresolved if none."""
    if months == 6 and n > 2:
        return s, e, "month", "absolute", None, None, None
    first = (n - 1) * months + 1
    last = first + months - 1
    return s, e, "month", "absolute", date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1]), None
