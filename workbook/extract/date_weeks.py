"""Weekdays and weeks named around a date: :func:`resolve_weekday` reads "on Friday", "last Monday", "next
Tuesday" (moved out of ``dates.py``); "the week of Nov. 27", "the week beginning 13 September", "the week ending
March 3", and weekdays listed under "this week" or "next week".

:func:`widen_to_weeks` turns a day written after "the week of", "the week beginning / starting / commencing"
into the seven days from it, and a day after "the week ending" into the seven days up to it: the
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

from workbook.extract.date_relative import back_modifier, relative_match, week_span
from workbook.extract.date_tense import (
    before_clock_time,
    deadline_cue,
    future_after,
    future_cue,
    open_deadline,
    since_before,
    term_deadline,
)
from workbook.extract.date_words import PAST_VERB, SENTENCE_END, WEEKDAYS, YEAR_NAMED, S

__all__ = ["find_numbered_weeks", "listed_week_monday", "resolve_weekday", "widen_to_weeks"]

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
_BAD_WEEKDAY = re.compile(
    r"\b(?:Good|Black|Bloody|Ash|Super|Easter|Holy|Cyber|Maundy|Palm|Shrove|Fat|Business|Giving)" + S + r"+\Z"
)
_PAST = re.compile(PAST_VERB)


#: "week 27 of 2025", "calendar week 3 of next year", "ISO week 48 of this year": a numbered week with its year.
_NUMBERED_WEEK = re.compile(
    r"\b(?:(?i:calendar|ISO)"
    + S
    + r"+)?[Ww]eek"
    + S
    + r"+(?P<n>5[0-3]|[1-4][0-9]|0?[1-9])"
    + S
    + r"+of"
    + S
    + r"+(?:(?P<y>"
    + YEAR_NAMED
    + r")|(?P<rel>next|this|last)"
    + S
    + r"+year)(?![\w-])"
)


_WEEK_NUMBER = re.compile(r"eek[ \t]+[0-9]")


def _numbered_week_matches(text: str) -> list[re.Match[str]]:
    """Matches of :data:`_NUMBERED_WEEK` around each "eek" followed by a number (found by a literal-led regex)."""
    out = []
    for hit in _WEEK_NUMBER.finditer(text):
        m = _NUMBERED_WEEK.search(text, max(0, hit.start() - 14), hit.end() + 40)
        if m is not None and m.start() <= hit.start() < m.end():
            out.append(m)
    return out


def find_numbered_weeks(text: str, anchor: date | None) -> list[Resolved]:
    """Numbered weeks with their year ("week 27 of 2025", "week 3 of next year"): the ISO week, Monday to Sunday,
    as shipping, factories and statistics number them. A bare "week 27" is left out: "week 12" of a season, a
    trial or a pregnancy is no calendar week."""
    out: list[Resolved] = []
    for m in _numbered_week_matches(text):
        if m["y"] is None and anchor is None:
            continue
        year = int(m["y"]) if m["y"] else anchor.year + {"next": 1, "this": 0, "last": -1}[m["rel"]]  # type: ignore[union-attr]
        try:
            monday = date.fromisocalendar(year, int(m["n"]), 1)
        except ValueError:
            continue  # week 53 of a year that has 52
        res, anc = ("absolute", None) if m["y"] else ("relative", anchor)
        out.append((m.start(), m.end(), "days", res, monday, monday + timedelta(days=6), anc))
    return out


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


#: A present copula right before the weekday: "the final round is on Sunday", "the vote is Tuesday" (a timetable).
_COPULA_ON = re.compile(r"\b(?:is|are)\s+(?:on\s+)?\Z", re.IGNORECASE)


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


def resolve_weekday(text: str, s: int, e: int, anchor: date | None) -> Resolved | None:
    """The day a weekday at ``text[s:e]`` names, by its modifier ("last", "next", "this"), a week named before it
    in its sentence, or its tense (see :mod:`workbook.extract.date_tense`); None after "Good", "Black"..."""
    if _BAD_WEEKDAY.search(text, max(0, s - 12), s):
        return None
    wd = WEEKDAYS.index(text[s:e].lower())
    b = back_modifier(text, s)
    mod = None
    if b is not None and b["mod"] and b["mod"].lower() in ("last", "next", "this", "coming", "past"):
        mod, s = b["mod"].lower(), b.start()
    if anchor is None:
        return relative_match(s, e, "day", None, None)
    cue = before_clock_time(text, s)  # "until midday on Sunday": the deadline word before the time governs
    listed = listed_week_monday(text, s, e, anchor) if mod is None and text.find("week", s - 160, s) >= 0 else None
    if mod == "this":
        d = week_span(anchor)[0] + timedelta(days=wd)
    elif listed is not None:  # "This week: jobs figures on Friday"
        d = listed + timedelta(days=wd)
    elif mod in ("next", "coming") or (
        mod is None
        and not since_before(text, cue)
        and (
            future_cue(text, cue, modal=True)
            or future_after(text, e)
            or _COPULA_ON.search(text, max(0, s - 12), s) is not None
            or deadline_cue(text, cue)
            or term_deadline(text, cue)
        )
    ):
        ahead = (wd - anchor.weekday()) % 7
        if ahead == 0 and mod is not None:
            ahead = 7  # "next Wednesday" said on a Wednesday: a week ahead
        # "will meet on Wednesday" / "till Wednesday" said on a Wednesday: that day (a paper names the next
        # week's day as "next Wednesday"; dates12)
        d = anchor + timedelta(days=ahead)
    elif mod is None and not since_before(text, cue) and open_deadline(text, cue, e):
        d = anchor + timedelta(days=(wd - anchor.weekday()) % 7)  # "till Wednesday" said on a Wednesday: that day
    elif mod is None:  # "said on Thursday" in a report of that Thursday is that day (wire copy)
        d = anchor - timedelta(days=(anchor.weekday() - wd) % 7)
    else:
        d = anchor - timedelta(days=(anchor.weekday() - wd) % 7 or 7)
    return relative_match(s, e, "day", anchor, (d, d))
