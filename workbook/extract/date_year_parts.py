"""Parts of a year named against the publication date: "late last year", "early next year", "in the fourth
quarter", "first-quarter profit".

* "early/mid/late" (or "mid-") before "last year", "this year" or "next year" is that third of the year named
  (January-April, May-August, September-December), as "late 2019" is: "growth had slowed late last year" in a 2025
  report is September-December 2024, where "last year" alone would be all of 2024.
* A quarter without its year ("in the fourth quarter", "third-quarter results", "Q1 growth") is a calendar quarter
  only when the text is sure to count quarters by the calendar: it says its fiscal year is the calendar year
  ("whose fiscal year matches the calendar year", "its fiscal year ends on 31 December", read by
  :func:`workbook.extract.date_fiscal.fiscal_year_end`), or it reports national statistics, which every
  statistics office keeps by calendar quarters ("the economy shrank", "GDP", "data showed", "retail sales") and
  names no company's fiscal year. Then the clause's tense tells which one: after a past verb, the latest such
  quarter that has ended by publication; after a future cue before or after it ("results for the first quarter
  are due"), the first that has not ended. Either must lie within :data:`QUARTER_REACH_DAYS` of publication, or no
  quarter is read; nor is a quarter with "fiscal" near it ("the fourth quarter of the fiscal year"), or one in a
  clause with no tense.

Speed: the quarter pass runs only when the text holds "quarter" or a "Q" followed by a digit, and the year-part
pass looks back from each " year" (found with ``str.find``) for its modifier.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from workbook.extract.date_fiscal import fiscal_year_end
from workbook.extract.date_tense import future_after, future_cue, past_cue
from workbook.extract.date_words import S

__all__ = ["QUARTER_REACH_DAYS", "find_year_parts"]

Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

#: How far from publication a quarter without its year may end (past) or start (future) and still be read.
QUARTER_REACH_DAYS = 200
_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
#: Before " year": "late last", "early next", "mid-this".
_YEAR_PART = re.compile(r"\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate)(?:-|" + S + r"+)(?P<which>last|this|next)\Z")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_QUARTER = re.compile(
    r"\b(?:(?P<o>(?i:first|second|third|fourth|1st|2nd|3rd|4th))(?:-|"
    + S
    + r"+)quarter|Q(?P<q>[1-4]))(?![\w-]|"
    + S
    + r"*(?:of|,)?"
    + S
    + r"*(?:19|20)[0-9]{2}|"
    + S
    + r"+of"
    + S
    + r"+(?:the"
    + S
    + r"+)?(?:fiscal|financial|FY))"
)
#: "quarter" after a hyphen or a space, as every match of :data:`_QUARTER` but "Q1" holds it ("headquarters"
#: does not): ``re`` skips to the literal and looks behind from there.
_QUARTER_CHECK = re.compile(r"quarter(?<=(?:-|" + S + r")quarter)")
_THE_BEFORE = re.compile(r"\b(?i:the)" + S + r"+\Z")
_FISCAL_NEAR = re.compile(r"\b(?:fiscal|financial|FY)", re.IGNORECASE)
#: National statistics, kept by calendar quarters everywhere.
_STATISTICS = re.compile(
    r"\b(?:(?i:the)"
    + S
    + r"+economy|economy"
    + S
    + r"+(?:grew|shrank|contracted|expanded)|GDP|gross"
    + S
    + r"+domestic"
    + S
    + r"+product|data"
    + S
    + r"+(?:showed|released)|[Rr]etail"
    + S
    + r"+sales|[Oo]ffice"
    + S
    + r"+for"
    + S
    + r"+National"
    + S
    + r"+Statistics|[Ss]tatistics"
    + S
    + r"+(?:office|bureau|agency))\b"
)


def find_year_parts(text: str, anchor: date | None) -> list[Resolved]:
    """Thirds of a relative year and quarters without a year in ``text`` (see the module rules)."""
    out: list[Resolved] = []
    if anchor is None:
        return out
    i = text.find(" year")
    while i >= 0:  # from each " year" back to its modifier: most texts say "year" a few times at most
        m = _YEAR_PART.search(text, max(0, i - 16), i)
        e = i + 5
        if m is not None and not (e < len(text) and (text[e].isalnum() or text[e] in "_-")):
            y = anchor.year + {"last": -1, "this": 0, "next": 1}[m["which"]]
            lo, hi = _THIRDS[m["part"].lower()]
            span = (date(y, lo, 1), date(y, hi, calendar.monthrange(y, hi)[1]))
            out.append((m.start(), e, "month", "relative", *span, anchor))
        i = text.find(" year", e)
    if _QUARTER_CHECK.search(text) or re.search(r"Q[1-4]", text):
        out.extend(_quarters(text, anchor))
    return out


def _calendar_quarters(text: str) -> bool:
    end = fiscal_year_end(text)
    if end is not None:
        return end == (12, 31)
    return _STATISTICS.search(text) is not None and not _FISCAL_NEAR.search(text)


def _quarter_span(year: int, n: int) -> tuple[date, date]:
    last = 3 * n
    return date(year, last - 2, 1), date(year, last, calendar.monthrange(year, last)[1])


def _quarters(text: str, anchor: date) -> list[Resolved]:
    found = list(_QUARTER.finditer(text))
    if not found or not _calendar_quarters(text):
        return []
    out: list[Resolved] = []
    for m in found:
        s, e = m.start(), m.end()
        if _FISCAL_NEAR.search(text, max(0, s - 24), s):
            continue  # "fiscal Q3", "the fiscal fourth quarter"
        n = _ORDINALS[m["o"].lower()] if m["o"] else int(m["q"])
        the = _THE_BEFORE.search(text, max(0, s - 5), s)
        cue = the.start() if the else s
        if future_cue(text, cue) or future_after(text, e):
            span = next(
                _quarter_span(y, n)
                for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                if _quarter_span(y, n)[1] >= anchor
            )
            if (span[0] - anchor).days > QUARTER_REACH_DAYS:
                continue
        elif past_cue(text, cue):
            span = next(_quarter_span(y, n) for y in (anchor.year, anchor.year - 1) if _quarter_span(y, n)[1] < anchor)
            if (anchor - span[1]).days > QUARTER_REACH_DAYS:
                continue
        else:
            continue
        out.append((cue, e, "month", "relative", *span, anchor))
    return out
