"""Relative date words and the calendar spans dates resolve to (moved out of ``dates.py``).

:func:`resolve_relative_word` reads the relative expressions :data:`RELATIVE_WORD` finds: "today",
"tonight", "tomorrow", "yesterday", "this morning", "last night", "three days ago", "a year ago",
"last week", "next month", "earlier this year", "later this month", "this weekend", "over the
weekend", "a decade ago" (the year ten years before the anchor's; "decade" alone is no date); each resolves against the
anchor (the publication date) to a :data:`Resolved` tuple, or stays ``unanchored`` without one.
:func:`month_span`, :func:`year_span`, :func:`week_span` and :func:`shift_month` are the calendar
intervals every date expression resolves to; :func:`back_modifier` reads the modifier or
preposition written right before an expression ("last", "early", "in", "since").
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from workbook.extract.date_tense import any_deadline, future_cue, open_deadline, past_cue
from workbook.extract.date_words import NUMBER_WORDS, S

__all__ = [
    "MONTH_PART_MODIFIERS",
    "RELATIVE_WORD",
    "Resolved",
    "back_modifier",
    "find_month_parts",
    "month_part_before",
    "month_span",
    "part_of_month",
    "part_of_year",
    "relative_match",
    "resolve_relative_word",
    "shift_month",
    "week_span",
    "year_span",
]

_S = S

RELATIVE_WORD = re.compile(
    r"[TtYywmdn](?<!\w.)(?:oday|onight|omorrow|esterday|eekend|eeks?|onths?|ears?|ays?|orning|ight|ecades?)(?![\w-])"
)
_LEX_WORDS = frozenset(
    [
        "today",
        "tonight",
        "tomorrow",
        "yesterday",
        "day",
        "days",
        "week",
        "weekend",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "morning",
        "night",
        "decade",
        "decades",
    ]
)
_AGO = re.compile(_S + r"+ago(?![\w])")
_BACK_NUMBER = re.compile(r"(?<![\w.,-])(?P<n>[0-9]{1,3}|(?i:" + "|".join(NUMBER_WORDS) + r"))" + _S + r"+\Z")
_BACK = re.compile(
    r"\b(?:(?P<mod>(?i:earlier|later)"
    + _S
    + r"+this|(?i:last|next|this|coming|past|early|late|mid))(?:-|"
    + _S
    + r"+)|(?P<prep>(?i:in|since|until|till|by|during|from|through|throughout|before|after|between|and|or|to|of|the"
    r"|year|spring|summer|autumn|fall|winter))" + _S + r"+)\Z"
)

#: A part of a month written before it: "the end of January", "the middle of next month", "the start of March".
_MONTH_PART = re.compile(
    r"\b(?i:the)" + _S + r"+(?P<part>(?i:end|middle|beginning|start))" + _S + r"+(?:of|Of|OF)" + _S + r"+\Z"
)
#: The days of a month each part holds: the beginning days 1-10, the middle 11-20, the end 21 to the last; a
#: month's modifier names the same parts ("early June" days 1-10, "mid-June" 11-20, "late June" 21 to the last).
_PART_DAYS = {
    "beginning": (1, 10),
    "start": (1, 10),
    "early": (1, 10),
    "middle": (11, 20),
    "mid": (11, 20),
    "end": (21, 31),
    "late": (21, 31),
}
#: The modifiers of a month that name a part of it ("early", "mid", "late"): see :data:`_PART_DAYS`.
MONTH_PART_MODIFIERS = frozenset(("early", "mid", "late"))


#: "the same day / week / month (of)" right before "last year": a comparable day the text does not date (the whole
#: of last year would claim a year); "the same period last year" keeps the year, which holds it.
_SAME_BEFORE = re.compile(
    r"\bsame\s+(?:[\w-]+\s+)?(?:day|date|weekday|weekend|week|month)(?:\s+of)?\s+\Z", re.IGNORECASE
)


def month_part_before(text: str, start: int) -> re.Match[str] | None:
    """ "the end of", "the middle of", "the beginning of" or "the start of" right before ``start`` (group
    ``part``), or None."""
    lo = max(0, start - 25)
    if text.find("of", lo, start) < 0 and text.find("Of", lo, start) < 0 and text.find("OF", lo, start) < 0:
        return None  # most months: no "of" before them, no pattern to run
    return _MONTH_PART.search(text, lo, start)


def part_of_month(span: tuple[date, date], part: str) -> tuple[date, date]:
    """The days of the month ``span`` (its first and last day) that ``part`` ("end", "middle", ...) holds."""
    first, last = _PART_DAYS[part.lower()]
    lo = span[0]
    return lo.replace(day=first), span[1] if last == 31 else lo.replace(day=last)


#: The months of a year's part ("early 2018": January-April) and the years of a decade's ("the late 1990s": 1997-1999).
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_PART_YEARS = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}


def part_of_year(y: int, part: str, decade: bool = False) -> tuple[date, date]:
    """The months of year ``y`` that "early", "mid" or "late" names (a third of it), or with ``decade`` the years
    of the decade starting in ``y`` ("the early 1990s": 1990-1993)."""
    if decade:
        lo, hi = _PART_YEARS[part.lower()]
        return date(y + lo, 1, 1), date(y + hi, 12, 31)
    first, last = _PART_MONTHS[part.lower()]
    return date(y, first, 1), month_span(y, last)[1]


#: What leads "the weekend" when it is a date: "over the weekend", "at the weekend".
_WEEKEND_LEAD = re.compile(r"\b(?i:over|at|during|on|until|till)" + _S + r"+\Z")
#: "until the weekend" looks ahead when its sentence tells no past ("the store is closed until the weekend").
_UNTIL_BEFORE = re.compile(r"\b(?i:until|till)" + _S + r"+\Z")

Resolved = tuple[int, int, str, str, date | None, date | None, date | None]  # start end prec res ds de anchor


def month_span(y: int, m: int) -> tuple[date, date]:
    """The first and last day of month ``m`` of year ``y``."""
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def year_span(y: int, y2: int | None = None) -> tuple[date, date]:
    """January 1 of ``y`` to December 31 of ``y2`` (of ``y`` when None)."""
    return date(y, 1, 1), date(y if y2 is None else y2, 12, 31)


def week_span(d: date) -> tuple[date, date]:
    """The Monday-to-Sunday week holding ``d``."""
    start = d - timedelta(days=d.weekday())
    return start, start + timedelta(days=6)


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) ``k`` months after month ``m`` of ``y`` (before it when ``k`` < 0)."""
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def back_modifier(text: str, start: int) -> re.Match[str] | None:
    """The modifier (``mod``: "last", "early", ...) or preposition (``prep``: "in", "since", ...) written
    right before ``start``, within 30 characters."""
    return _BACK.search(text, max(0, start - 30), start)


def relative_match(s: int, e: int, prec: str, anchor: date | None, span: tuple[date, date] | None) -> Resolved:
    """A relative expression ``text[s:e]`` of precision ``prec`` resolved to ``span`` against ``anchor``, or
    ``unanchored`` without an anchor or a span."""
    if anchor is None or span is None:
        return s, e, prec, "unanchored", None, None, None
    return s, e, prec, "relative", span[0], span[1], anchor


def resolve_relative_word(text: str, m: re.Match[str], anchor: date | None) -> Resolved | None:
    """The relative expression around the word :data:`RELATIVE_WORD` matched (see the module docstring), or
    None when the word is no date here."""
    s, e = m.start(), m.end()
    word = text[s:e].lower()
    if word not in _LEX_WORDS:
        return None
    offsets = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}
    if word in offsets:
        return relative_match(
            s, e, "day", anchor, None if anchor is None else (anchor + timedelta(days=offsets[word]),) * 2
        )
    if word in ("morning", "night"):
        b = back_modifier(text, s)
        mod = b["mod"].lower() if b is not None and b["mod"] else None
        if b is None or mod not in ("this", "last") or (mod, word) == ("last", "morning"):
            return None
        d = None if anchor is None else anchor - timedelta(days=mod == "last")
        return relative_match(b.start(), e, "day", anchor, None if d is None else (d, d))
    if word == "weekend":
        return _weekend(text, s, e, anchor)
    unit = word.rstrip("s")
    ago = _AGO.match(text, e)
    if unit == "decade" and ago is None:  # only "a decade ago", "two decades ago": the year ten, twenty... back
        return None
    if ago is not None:
        nb = _BACK_NUMBER.search(text, max(0, s - 14), s)
        if nb is None:
            return None
        n = int(nb["n"]) if nb["n"].isdigit() else NUMBER_WORDS[nb["n"].lower()]
        if n == 0 or (n == 1) != (unit == word):
            return None
        if unit == "decade":
            span = None if anchor is None else year_span(anchor.year - 10 * n)
            return relative_match(nb.start(), ago.end(), "year", anchor, span)
        return relative_match(
            nb.start(),
            ago.end(),
            {"year": "year", "month": "month", "week": "days"}.get(unit, "day"),
            anchor,
            None if anchor is None else _ago_span(anchor, n, unit),
        )
    if unit != word or unit == "day":
        return None
    b = back_modifier(text, s)
    if b is None or not b["mod"]:
        return None
    mod = " ".join(b["mod"].lower().split())
    if mod not in ("last", "next", "this", "earlier this", "later this"):
        return None
    if mod in ("last", "next") and _SAME_BEFORE.search(text, max(0, b.start() - 40), b.start()):
        return None  # "up 3% on the same day last year": a comparable day, not the whole of last year
    prec = "days" if unit == "week" else unit
    span = None if anchor is None else _unit_span(anchor, mod, unit)
    part = month_part_before(text, b.start()) if unit == "month" and mod in ("last", "next", "this") else None
    if part is not None:  # "the end of next month": days 21 to the last of it
        return relative_match(
            part.start(), e, "days", anchor, None if span is None else part_of_month(span, part["part"])
        )
    return relative_match(b.start(), e, prec, anchor, span)


def _weekend(text: str, s: int, e: int, anchor: date | None) -> Resolved | None:
    """ "this weekend" (the Saturday and Sunday of the anchor's week), "last weekend" (the one before the
    anchor's week), "over/at/during the weekend" (the last one before the anchor on a weekday; the coming one
    after a future cue, or after "until" in a sentence that tells no past). "next weekend" (this one or the one
    after?) and "the weekend" on a Saturday or Sunday are left out."""
    b = back_modifier(text, s)
    if b is None:
        return None
    mod = b["mod"].lower() if b["mod"] else None
    if mod is None:
        if b["prep"].lower() != "the" or not _WEEKEND_LEAD.search(text, max(0, b.start() - 10), b.start()):
            return None
        if anchor is not None and anchor.weekday() >= 5:
            return None
        ahead = future_cue(text, b.start()) or (
            _UNTIL_BEFORE.search(text, max(0, b.start() - 7), b.start()) is not None
            and open_deadline(text, b.start(), e)
        )
        mod = "this" if ahead else "last"
    if mod not in ("this", "last", "past", "coming"):
        return None
    if anchor is None:
        return relative_match(b.start(), e, "days", None, None)
    monday = week_span(anchor)[0]
    saturday = monday + timedelta(days=5 if mod in ("this", "coming") else -2)
    return relative_match(b.start(), e, "days", anchor, (saturday, saturday + timedelta(days=1)))


def _ago_span(anchor: date, n: int, unit: str) -> tuple[date, date]:
    if unit == "day":
        d = anchor - timedelta(days=n)
        return d, d
    if unit == "week":
        return week_span(anchor - timedelta(days=7 * n))
    if unit == "month":
        return month_span(*shift_month(anchor.year, anchor.month, -n))
    return year_span(anchor.year - n)


def _unit_span(anchor: date, mod: str, unit: str) -> tuple[date, date]:
    step = {"last": -1, "next": 1}.get(mod, 0)
    if unit == "week":
        lo, hi = week_span(anchor + timedelta(days=7 * step))
    elif unit == "month":
        lo, hi = month_span(*shift_month(anchor.year, anchor.month, step))
    else:
        lo, hi = year_span(anchor.year + step)
    if mod == "earlier this":
        return lo, anchor
    if mod == "later this":
        return anchor, hi
    return lo, hi


_PART_OF_THIS_MONTH = re.compile(
    r"\b[Tt]he" + _S + r"+(?P<part>end|middle|beginning|start)" + _S + r"+of" + _S + r"+(?:the|this)" + _S + r"+month\b"
    r"|\b[Mm]id-month\b"
)


def find_month_parts(text: str, anchor: date | None) -> list[Resolved]:
    """ "the end of the month", "the middle of this month", "mid-month", "the beginning of the month": days of the
    anchor's month (:func:`part_of_month`). Left out when the tense says the part lies on the wrong side of the
    anchor: a past verb before a part still to come ("sales jumped at the end of the month" on the 8th), a future
    cue or a deadline before a part gone by ("will be finished by the middle of the month" on the 25th)."""
    if "month" not in text or ("of the month" not in text and "of this month" not in text and "id-month" not in text):
        return []  # one scan for most texts: every form holds "month"
    out: list[Resolved] = []
    for m in _PART_OF_THIS_MONTH.finditer(text):
        s, e = m.start(), m.end()
        if anchor is None:
            out.append(relative_match(s, e, "days", None, None))
            continue
        lo, hi = part_of_month(month_span(anchor.year, anchor.month), m["part"] or "middle")
        ahead = future_cue(text, s) or any_deadline(text, s)
        if (ahead and hi < anchor) or (not ahead and lo > anchor and past_cue(text, s)):
            continue
        out.append(relative_match(s, e, "days", anchor, (lo, hi)))
    return out
