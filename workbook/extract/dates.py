"""Date expressions in news prose, resolved to intervals.

:func:`find_dates` finds expressions such as "January 19, 2019", "last June", "on Thursday" or
"Juche 113" and turns each into an inclusive interval ``[date_start, date_end]`` with a precision
(day, month, year, decade) and a resolution (see :data:`workbook.model.DATE_RESOLUTIONS`).
``text[m.start:m.end] == m.text`` always; a preposition ("in", "on", "since") is context, not part
of the expression, while a modifier that changes the meaning ("last", "early", "mid-") is.

Speed: a cheap trigger regex (a month or weekday name, a digit, a relative word) finds candidate
positions and an anchored regex is tried only there; no dateparser. About 30 MB/s on the KCNA archive
(3.4 MB of story text in ~0.11 s on one core; ``tests/test_dates.py`` measures it).

Rules, decided once here (``anchor`` is the publication date):

* Absolute: "January 19, 2019", "19 January 2019", "Jan. 19, 2019", "Thursday, January 17, 2019",
  "June 2018", "June of 2018", ranges "January 19-21, 2019", "28-30 December 2018", "January 23 -
  March 9 2014" (a written year belongs to the range's end: "December 28 - January 3, 2019" starts
  in 2018; "January 30-2" is skipped), ISO "2019-01-19" and "2019/01/19"; "19/01/2019",
  "01/19/2019" and "19.01.2019" when only one of day-month and month-day exists ("10/03/2023" is
  skipped); quarters and halves with their year ("Q3 2023", "the first half of 2024"; fiscal ones and
  those without a year are skipped): see :mod:`workbook.extract.date_periods`; fiscal years when the text
  settles them ("the fiscal year ended June 30, 2025 ... fiscal 2026", the US federal year in a text about
  the Pentagon): :mod:`workbook.extract.date_fiscal`; "Juche 113"
  (KCNA's calendar, Juche N = N + 1911, with an optional "(2024)" that agrees), "July 30, Juche 98".
* A four-digit year written after a day and month or a month is honoured from 1000 to 2199
  ("14 October 1066"); a number after a day and month that cannot be their year ("14 October 0966"),
  or a day and month inside a name ("the April 25 Hostel"), leaves the expression out: never a
  silently wrong date; a year written before a month and day is theirs ("in 2018 September 19 was").
  Ranges ("between March and May 2018", "from 2016 to 2019", "from 3 to 5 June", "from July 19 to 25") are one
  interval: see :mod:`workbook.extract.date_ranges`.
* A day and month or a month without a year is left out when the last year the text wrote before it
  is not the year it resolves to ("In 2013, ... on July 6"): see :mod:`workbook.extract.date_context`.
* Precision ``day`` is always one day; a range of days or a week has precision ``days``.
* Bare years need context: a year 1900-2100 preceded by in/since/until/by/during/from/through/
  before/after/between/and/to/of/the/year/a season, or by early/late/mid(-), and not followed by
  a unit ("2000 km", "1950 tonnes", "1,000", "No. 2017", "Hwasong-15" are not years) or a time zone
  ("by 2000 GMT" is a clock time); a fiscal year ("fiscal year 2026", "FY 2025") is skipped. "2017-18"
  or "2023/24" after such context is a two-year interval. Month names take years 1800-2100.
* "early 2018", "mid-2017", "late 2019" are a third of the year (January-April, May-August, September-December,
  precision ``month``), "the early / mid / late 1990s" 1990-1993, 1993-1996, 1997-1999 (precision ``decade``);
  the modifier is part of the text. A month's modifier names a part of it, as "the
  beginning / middle / end of" do: "early June" is days 1-10, "mid-June" 11-20, "late June" 21 to the last,
  precision ``days`` (the whole month when the tense puts those days on the wrong side of the report: "fell in
  late November" said on the 5th). "the end of January", "the middle of next month", "the beginning of March
  2026" and "the end of the month" (the anchor's month) are days 21 to the last, 11-20 and 1-10 of that month,
  precision ``days``, read in the tense written before "the end of"
  (:func:`workbook.extract.date_relative.find_month_parts`).
* Decades: "1990s" (2000s and later, and 1010s-1990s: "the 1790s"); "the 1800s" is a century, as "the 18th
  century" and "the late 1600s" are: :mod:`workbook.extract.date_centuries`.
  Outside 1900-2100 a bare year needs "in", "since", "until", "during", "before", "after", "from",
  "between" or "year" before it and no noun after it ("in 1066 the", not "in 1200 cases").
* Month and day without a year ("January 19", the KCNA dateline "December 24 (KCNA)") is
  ``relative``: the year is the one that puts the date latest but not more than
  :data:`FUTURE_MARGIN_DAYS` after the anchor, and not after the anchor at all when a past-tense
  verb leads the clause ("took place on"); with a future cue before it in the clause ("will",
  "is due to", "scheduled", "upcoming"...; not inside a quotation that closes before the date, not
  after "was"/"had") the first such date on or after the anchor, unless that is over half a year
  ahead while the past reading is within a month (the nearest reading wins).
* A bare month needs context ("in March", "since June", "last June", "early May"; "May" only after
  in/since/until/till/during/through/throughout/before/after or a modifier: it is also a verb and a
  name). "in March": the most recent March whose first day is not after the anchor (future cue:
  the next March whose last day is not before it); "last June": the latest June strictly before the
  anchor's month; "next June": the first strictly after; "this June": the anchor's year.
* Weekdays ("Thursday", "on Thursday", "last Thursday"): the most recent such day up to the anchor
  (0-6 days back: "said on Thursday" in a Thursday report is that day, as in wire copy and KCNA's
  "Rodong Sinmun Monday says"); "last Thursday" is strictly before (1-7 days back); after a future
  cue (see :mod:`workbook.extract.date_tense`) the first on or after it, "next"/"coming" strictly after;
  "this Thursday": the one in the anchor's Monday-Sunday week. Plurals and "Black Monday" & co are
  not dates; "Good Friday", "Easter Monday", "Boxing Day" are holidays
  (:mod:`workbook.extract.date_holidays`).
* Seasons ("last winter", "the summer of 2019", "until the fall"), meteorological in the hemisphere of the
  text's dateline, none in a text without one that names a place of the southern hemisphere:
  :mod:`workbook.extract.date_seasons`.
* Dates written against another date of the text ("the following day", "two days later", "the 17th"):
  :mod:`workbook.extract.date_anchored`, after every other expression is read.
* today/tonight/this morning (anchor), yesterday/last night (anchor - 1), tomorrow (anchor + 1).
  "Today" in the sense of "nowadays" (common in KCNA) cannot be told apart and also gets the anchor.
* this/last/next/earlier this/later this + week/month/year. A week is the Monday-Sunday ISO week
  with precision "day" (the model has no week precision; the bounds are days). "earlier this
  month" is [first of month, anchor], "later this year" is [anchor, Dec 31], keeping the precision
  of the unit.
* "N days/weeks/months/years ago" (N a numeral, a/an, one-twenty): a day; the ISO week holding
  anchor - 7N ("a week ago" is "last week"); the calendar month N months back; the year N back.
* "April last year", "May 12 last year", "October this year": month or day in that year, relative.
* Without an anchor, relative expressions keep their precision, resolution ``unanchored`` and no
  dates. Dates that do not exist ("February 30, 2019") or fall outside years 1-9999 are skipped.
* Months in capitals next to a day or year ("OCT. 6, 2025", "MARCH 3 —", "17 NOV 2025") and compact military
  dates ("01DEC25"): :mod:`workbook.extract.date_capitals`.
* "late last year", and quarters without a year in texts that count by the calendar: :mod:`.date_year_parts`.
* Habits and schedules ("usually held in late January", "every Sunday", "each year in June") are left out:
  :mod:`workbook.extract.date_habits`.
* Overlapping candidates: the longest wins (then the earliest), sweeping from left to right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from workbook.extract.date_agreement import agree_with_weekdays
from workbook.extract.date_anchored import add_anchored
from workbook.extract.date_capitals import find_compact_dates, title_months
from workbook.extract.date_centuries import find_centuries
from workbook.extract.date_context import drop_out_of_narrative
from workbook.extract.date_fiscal import find_fiscal_periods
from workbook.extract.date_habits import drop_habitual
from workbook.extract.date_holidays import find_holidays
from workbook.extract.date_month_nouns import month_before_noun, past_verb_after
from workbook.extract.date_periods import find_periods, is_fiscal_year
from workbook.extract.date_possessive_seasons import possessive_season
from workbook.extract.date_ranges import merge_ranges
from workbook.extract.date_relative import (
    MONTH_PART_MODIFIERS,
    RELATIVE_WORD,
    Resolved,
    back_modifier,
    find_month_parts,
    month_part_before,
    month_span,
    part_of_month,
    part_of_year,
    relative_match,
    resolve_relative_word,
    year_span,
)
from workbook.extract.date_reported import adjust_reported, find_document_years
from workbook.extract.date_seasons import find_seasons
from workbook.extract.date_tense import (
    DEADLINE_PAST_DAYS,
    FUTURE_MARGIN_DAYS,
    any_deadline,
    future_cue,
    is_name,
    since_before,
    year_for,
)
from workbook.extract.date_weekday_links import link_weekdays
from workbook.extract.date_weeks import find_numbered_weeks, resolve_weekday, widen_to_weeks
from workbook.extract.date_words import (
    DAY,
    FULL_MONTH,
    MONTH,
    OLD_YEAR_PREPS,
    WEEKDAY,
    WEEKDAYS,
    YEAR_BARE,
    YEAR_NAMED,
    YEAR_OLD,
    S,
    day_of,
    month_of,
)
from workbook.extract.date_year_parts import find_year_parts

__all__ = ["FUTURE_MARGIN_DAYS", "DateMatch", "find_dates"]


@dataclass(frozen=True)
class DateMatch:
    """One date expression: ``text[start:end]`` and the interval it denotes (inclusive)."""

    start: int
    end: int
    text: str
    date_start: date | None
    date_end: date | None
    precision: str  # day | month | year | decade
    resolution: str  # absolute | relative | unanchored
    anchor: date | None = None  # the anchor a relative expression was resolved against


_S = S
_MONTH = MONTH
_FULL_MONTH = FULL_MONTH
_WEEKDAY = WEEKDAY
_WEEKDAYS = WEEKDAYS
_DAY = DAY
_YEAR_NAMED = YEAR_NAMED
_YEAR_BARE = YEAR_BARE
_JUCHE = r"Juche" + _S + r"+(?P<{g}>[0-9]{{1,3}})(?![0-9])(?:" + _S + r"*\((?P<{g}p>[0-9]{{4}})\))?"
_REL_YEAR = r"(?P<{g}>last|this|next)" + _S + r"+year(?![\w-])"
_UNITS = (
    r"km|kilomet(?:re|er)s?|miles?|m|mm|cm|met(?:re|er)s?|t|tons?|tonnes?|kg|kilograms?|feet|ft|"
    r"people|persons|men|soldiers|troops|workers|units|households|hectares?|ha|won|yuan|dollars|euros|"
    r"yen|rubles|pieces|times|sq|square|cubic|hours|hrs|minutes|seconds|votes|delegates|members|copies|"
    # a clock time with its zone: "by 2000 GMT", "until 2100 KST"
    r"GMT|UTC|KST|JST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|MSK|IST|AEST|AEDT|local|Zulu"
)
_DIGIT_START = r"(?:(?<=[Mm]id-)|(?<![\w.,/:+#$%\-]))"
_RANGE = _S + r"*[-–]" + _S + r"*"

_CORE = re.compile(
    rf"(?P<ISO>{_DIGIT_START}(?P<iso_y>[12][0-9]{{3}})(?P<sep>[-/])(?P<iso_m>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<iso_d>0[1-9]|[12][0-9]|3[01])(?![0-9]))"
    rf"|(?P<DMY>(?:{_WEEKDAY},?{_S}+)?{_DIGIT_START}(?P<dmy_d>{_DAY})(?:{_RANGE}(?P<dmy_d2>{_DAY}))?"
    rf"(?:{_S}+of)?{_S}+(?P<dmy_m>{_MONTH})(?:,?{_S}+(?:(?P<dmy_y>{_YEAR_NAMED})|{_REL_YEAR.format(g='dmy_r')}))?)"
    rf"|(?P<MDY>(?:{_WEEKDAY},?{_S}+)?(?P<mdy_m>{_MONTH}){_S}+(?P<mdy_d>{_DAY})"
    rf"(?:{_RANGE}(?:(?P<mdy_m2>{_MONTH}){_S}+)?(?P<mdy_d2>{_DAY}))?"
    rf"(?:(?:,{_S}*|{_S}+)(?:(?P<mdy_y>{_YEAR_NAMED})|{_JUCHE.format(g='mdy_j')}|{_REL_YEAR.format(g='mdy_r')}))?)"
    rf"|(?P<MY>(?P<my_m>{_MONTH})(?:,{_S}*|{_S}+of{_S}+|{_S}+)(?:(?P<my_y>{_YEAR_NAMED})|"
    rf"{_JUCHE.format(g='my_j')}|{_REL_YEAR.format(g='my_r')}))"
    rf"|(?P<JUCHE>{_JUCHE.format(g='j')})"
    rf"|(?P<DECADE>{_DIGIT_START}(?P<dec>1[0-9][1-9]0|20[0-9]0)s(?![\w]))"
    rf"|(?P<YEAR>{_DIGIT_START}(?P<yr>{_YEAR_BARE}|{YEAR_OLD})(?:(?:{_RANGE}|/)(?P<yr2>{_YEAR_BARE}|{YEAR_OLD}|[0-9]{{2}}))?"
    rf"(?!\w|[.,][0-9]|{_S}*(?:%|\$|°|(?:{_UNITS})(?![\w]))))"
    rf"|(?P<WEEKDAY>{_WEEKDAY})"
    rf"|(?P<MONTH>{_FULL_MONTH}(?![a-z]))"
)
# Candidate starts, at the start of a word: the first three letters of a month or weekday name or of
# "Juche"; a four-digit number; a day number followed by a month's capital, an ordinal or a dash.
# It begins with a character class and the rest is zero-width, so the engine skips fast in C.
_TRIGGER = re.compile(
    r"[JFMASONDTW0-9](?<![\w.,/].)(?=[a-z]{2}(?<=Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat"
    r"|Sun|Juc)|(?<=[0-9])(?:[0-9]{3}(?![0-9])|[0-9]?(?:st|nd|rd|th)?[^\S\n]+(?:of[^\S\n]+)?[JFMASOND]|[0-9]?[^\S\n]*[-–]))"
)
_MONTH_PREPS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "during",
        "from",
        "through",
        "throughout",
        "before",
        "after",
        "between",
        "and",
        "or",
        "to",
        "of",
    ]
)
_MAY_PREPS = frozenset(["in", "since", "until", "till", "during", "through", "throughout", "before", "after"])
#: A bare year needs the lead-ins of a month ("in", "since", ...) except "or", or a season word.
_YEAR_PREPS = (_MONTH_PREPS - {"or"}) | frozenset(("the", "year", "spring", "summer", "autumn", "fall", "winter"))

#: What may follow a year outside the current era: punctuation, the end, a capital, or a function word.
_OLD_YEAR_NEXT = re.compile(
    r"(?:\Z|[^\w\s]|\s+(?:[A-Z]|(?:the|a|an|and|or|but|when|as|at|on|in|to|by|with|he|she|it|they|we|its|his"
    r"|their|there|was|were|had|is|are)\b))"
)
#: A number right after a day and month that was not read as their year ("14 October 0966"): unsafe.
#: A four-digit clock time with a leading zero ("0700") joined to the number: both are times of day.
_CLOCK_PAIR = re.compile(r"(?<![\w.,])0[0-9][0-5][0-9]" + _S + r"*(?:and|to|until|till|[-–])" + _S + r"*\Z")
_CLOCK_PAIR_AFTER = re.compile(_S + r"*(?:and|to|until|till|[-–])" + _S + r"*0[0-9][0-5][0-9](?![\w])")
#: A year written right before a month and day ("the 2018 September 19 agreement").
_YEAR_FIRST = re.compile(r"(?<![\w.,/:-])(?P<y>" + _YEAR_BARE + r")" + _S + r"+\Z")
_NUMBER_NEXT = re.compile(r",?" + _S + r"+[0-9]{3,}(?![0-9])")


def _named_year(m: re.Match[str], p: str, anchor: date | None) -> tuple[str, int | None]:
    """The year given after a month: ("absolute", year) for a number or a Juche year,
    ("relative", year or None without anchor) for last/this/next year, ("none", None) otherwise."""
    if m.group(p + "_y"):
        return "absolute", int(m.group(p + "_y"))
    if p + "_j" in _CORE.groupindex and m.group(p + "_j") is not None:
        return "absolute", _juche(m, p + "_j")
    rel = m.group(p + "_r")
    if rel is not None:
        return "relative", None if anchor is None else anchor.year + {"last": -1, "this": 0, "next": 1}[rel]
    return "none", None


def _juche(m: re.Match[str], g: str) -> int:
    n = int(m.group(g))
    if not 1 <= n <= 189:
        raise ValueError("Juche year out of range")
    return n + 1911


def _juche_end(m: re.Match[str], g: str) -> int:
    """End of a Juche expression: the "(2024)" after it counts only when it agrees."""
    paren = m.group(g + "p")
    if paren is not None and int(paren) != int(m.group(g)) + 1911:
        return m.end(g)
    return m.end()


def _resolve_core(text: str, m: re.Match[str], anchor: date | None) -> Resolved | None:
    kind = m.lastgroup
    s, e = m.start(), m.end()
    if kind == "ISO":
        d = date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        return s, e, "day", "absolute", d, d, None
    if kind in ("DMY", "MDY"):
        p = "dmy" if kind == "DMY" else "mdy"
        month = month_of(m[p + "_m"])
        month2 = month_of(m["mdy_m2"]) if kind == "MDY" and m["mdy_m2"] else month
        d1 = day_of(m[p + "_d"])
        d2 = day_of(m[p + "_d2"]) if m[p + "_d2"] else d1
        if month2 == month and d2 < d1:
            return None
        wraps = (month2, d2) < (month, d1)  # "December 28 - January 3": the range ends the next year
        prec = "day" if (month2, d2) == (month, d1) else "days"
        if kind == "MDY" and m["mdy_j"] is not None:
            e = _juche_end(m, "mdy_j")
        given, year = _named_year(m, p, anchor)
        first = _YEAR_FIRST.search(text, max(0, s - 6), s) if given == "none" and kind == "MDY" else None
        if first is not None:  # "the 2018 September 19 military agreement": year, month and day
            given, year, s = "absolute", int(first["y"]), first.start()
        if given == "none" and (_NUMBER_NEXT.match(text, e) or is_name(text, s, e)):
            return None  # "14 October 0966", "the April 25 Hostel": no safe reading
        if given == "absolute" and year is not None:  # the year written belongs to the range's end
            return s, e, prec, "absolute", date(year - wraps, month, d1), date(year, month2, d2), None
        if given == "none" and anchor is not None:
            year = year_for(text, s, month, d1, anchor, e)
        span = None if year is None else (date(year, month, d1), date(year + wraps, month2, d2))
        return relative_match(s, e, prec, anchor, span)
    if kind == "MY":
        month = month_of(m["my_m"])
        b = back_modifier(text, s)
        part_name = None
        if b is not None and b["mod"] and b["mod"].lower() in MONTH_PART_MODIFIERS:
            s, part_name = b.start(), b["mod"].lower()  # "late June 2018": days 21-30
        if m["my_j"] is not None:
            e = _juche_end(m, "my_j")
        given, year = _named_year(m, "my", anchor)
        part = month_part_before(text, s) if part_name is None else None
        if part is not None:  # "the end of March 2026": days 21-31
            s, part_name = part.start(), part["part"]
        span = None if year is None else month_span(year, month)
        if span is not None and part_name is not None:
            span = part_of_month(span, part_name)
        prec = "month" if part_name is None else "days"
        if given == "absolute" and span is not None:
            return (s, e, prec, "absolute", *span, None)
        return relative_match(s, e, prec, anchor, span)
    if kind == "JUCHE":
        return (s, _juche_end(m, "j"), "year", "absolute", *year_span(_juche(m, "j")), None)
    if kind == "DECADE":
        dec = int(m["dec"])
        b = back_modifier(text, s)
        third = b["mod"].lower() if b is not None and b["mod"] else None
        if b is None or third not in ("early", "late", "mid"):
            return s, e, "decade", "absolute", *year_span(dec, dec + 9), None
        return b.start(), e, "decade", "absolute", *part_of_year(dec, str(third), decade=True), None  # 1990-1993
    if kind == "YEAR":
        b = back_modifier(text, s)
        if b is None and not possessive_season(text, s, m.end()):  # "the club's 2025 season" reads as "the"
            return None
        if _CLOCK_PAIR.search(text, max(0, s - 24), s) or _CLOCK_PAIR_AFTER.match(text, m.end()):
            return None  # "between 0700 and 1900 daily": the other end, 0700, is a clock time, and so is this
        if is_fiscal_year(text, m.start("yr")):
            return None  # "fiscal year 2026": October 2025 to September 2026 for some, April-March for others
        y1 = int(m["yr"])
        old = not 1900 <= y1 <= 2100
        if b is not None and b["mod"]:
            if b["mod"].lower() not in ("early", "late", "mid"):
                return None
            s = b.start()
        elif b is not None and b["prep"].lower() not in (OLD_YEAR_PREPS if old else _YEAR_PREPS):
            return None
        if old and not _OLD_YEAR_NEXT.match(text, m.end()):
            return None  # "in 1200 cases": a count, not a year
        y2 = None
        if m["yr2"]:
            y2 = int(m["yr2"]) if len(m["yr2"]) == 4 else y1 // 100 * 100 + int(m["yr2"])
            if y2 <= y1 or ("/" in text[m.end("yr") : m.start("yr2")] and y2 != y1 + 1):
                y2, e = None, m.end("yr")  # "2023/24" is a season or a financial year; "2019/2023" is no range
        if b is not None and b["mod"] and y2 is None:  # "early 2018": January to April
            if text.startswith(("'s", "\u2019s"), e):
                whole = y1 % 10 == 0  # "the mid-1990's": 1993-1996
                return (
                    s,
                    e + 2 * whole,
                    "decade" if whole else "year",
                    "absolute",
                    *(part_of_year(y1, b["mod"], True) if whole else year_span(y1)),
                    None,
                )
            return (s, e, "month", "absolute", *part_of_year(y1, b["mod"]), None)
        return (s, e, "year", "absolute", *year_span(y1, y2), None)
    if kind == "WEEKDAY":
        return resolve_weekday(text, s, e, anchor)
    if kind == "MONTH":
        return _resolve_month(text, s, e, anchor)
    return None


def _resolve_month(text: str, s: int, e: int, anchor: date | None) -> Resolved | None:
    month = month_of(text[s:e])
    part = month_part_before(text, s)  # "the end of January": its days 21-31, read in the tense before "the end"
    b = None if part is not None else back_modifier(text, s)
    if b is None and part is None:
        return month_before_noun(text, s, e, month, anchor)  # "a June deadline", "the September cabinet"
    mod = b["mod"].lower() if b is not None and b["mod"] else None
    if part is not None:
        s = part.start()
    elif mod is not None:
        if mod not in ("last", "next", "this", "early", "late", "mid"):
            return None
        s = b.start() if b is not None else s
    elif b is not None and b["prep"].lower() not in (_MAY_PREPS if month == 5 else _MONTH_PREPS):
        return month_before_noun(text, s, e, month, anchor)  # "the September cabinet"; None after "on", "at"...
    prec = "month" if part is None else "days"
    if anchor is None:
        return relative_match(s, e, "days" if mod in MONTH_PART_MODIFIERS else prec, None, None)
    y = anchor.year
    if mod == "last":
        y -= month >= anchor.month
    elif mod == "next":
        y += month <= anchor.month
    elif mod != "this" and month != anchor.month:
        if since_before(text, s):
            y -= month > anchor.month
        elif future_cue(text, s) and not past_verb_after(text, e):  # "the update in December showed": past
            past = y - (month > anchor.month)
            y += month < anchor.month
            if (month_span(y, month)[0] - anchor).days > 183 and (anchor - month_span(past, month)[1]).days <= 31:
                y = past  # the nearest reading: "would be ready by the end of June" in a July report
        else:
            y -= month > anchor.month
            if month_span(y, month)[1] < anchor - timedelta(days=DEADLINE_PAST_DAYS) and any_deadline(text, s):
                y += 1  # a deadline ("would return by mid-January", "extended through March") lies ahead
    span = month_span(y, month)
    if part is not None:
        span = part_of_month(span, part["part"])
    elif mod in MONTH_PART_MODIFIERS:  # "late June": days 21-30, unless the tense puts them on the wrong side
        days = part_of_month(span, mod)
        ahead = future_cue(text, s) or any_deadline(text, s)
        if not ((ahead and days[1] < anchor) or (not ahead and days[0] > anchor)):
            span, prec = days, "days"
    return relative_match(s, e, prec, anchor, span)


def _candidates(text: str, anchor: date | None) -> list[Resolved]:
    out: list[Resolved] = []
    last_end = 0
    for t in _TRIGGER.finditer(text):
        pos = t.start()
        if pos < last_end:
            continue
        m = _CORE.match(text, pos)
        if m is None:
            continue
        try:
            r = _resolve_core(text, m, anchor)
        except (ValueError, OverflowError):
            r = None
        if r is not None:
            out.append(r)
            last_end = r[1]
    out.extend(find_periods(text))
    out.extend(find_centuries(text, anchor))
    out.extend(find_numbered_weeks(text, anchor))
    out.extend(find_holidays(text, anchor))
    out.extend(find_seasons(text, anchor))
    out.extend(find_month_parts(text, anchor))
    out.extend(find_document_years(text))
    out.extend(find_fiscal_periods(text))
    out.extend(find_compact_dates(text))
    out.extend(find_year_parts(text, anchor))
    for m in RELATIVE_WORD.finditer(text):
        try:
            r = resolve_relative_word(text, m, anchor)
        except (ValueError, OverflowError):
            r = None
        if r is not None:
            out.append(r)
    return out


def find_dates(text: str, anchor: date | None = None) -> list[DateMatch]:
    """Every date expression in ``text``, in order, without overlaps; relative ones are resolved
    against ``anchor`` (the publication date) or left ``unanchored`` when it is None. A datetime
    anchor (or a pandas Timestamp) counts as its date."""
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    shown, text = text, title_months(text)  # "OCT. 6, 2025" read as "Oct. 6, 2025"; the same length
    kept: list[Resolved] = []
    for r in sorted(_candidates(text, anchor), key=lambda r: (r[0], r[0] - r[1])):  # by start, longest first
        if kept and r[0] < kept[-1][1]:  # overlaps the last kept one: the longer stays
            if r[1] - r[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = r
            continue
        kept.append(r)
    return [
        DateMatch(s, e, shown[s:e], ds, de, "days" if prec == "day" and ds != de else prec, res, anc)
        for s, e, prec, res, ds, de, anc in widen_to_weeks(
            text,
            add_anchored(
                text,
                drop_out_of_narrative(
                    text,
                    drop_habitual(
                        text,
                        adjust_reported(
                            text, link_weekdays(text, agree_with_weekdays(text, merge_ranges(text, kept))), anchor
                        ),
                    ),
                ),
                anchor,
            ),
        )
        if ds is None or de is None or ds <= de
    ]
