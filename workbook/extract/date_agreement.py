"""Dates that must agree with what the text writes beside them: weekdays named with a day and month, weekday
ranges in front of a day range, two days joined by "and", and weekdays of an event whose days the text gives.

:func:`agree_with_weekdays` runs on the resolved expressions (after :func:`workbook.extract.date_ranges.merge_ranges`):

* "Thursday 20 August" without a year in a January report: the tense rules pick a year, but the weekday
  tells it. When the picked year's 20 August is no Thursday, the year before or after whose 20 August is one
  is taken; when neither is, the expression is left out (never a date that contradicts its own weekday). The
  dates without a year that follow in the paragraph in the same month and the year first picked move with it
  ("late openings on 16 and 17 January" after "Friday to Sunday, 16 to 18 January").
* "Friday to Sunday, 16 to 18 January" is one expression: the weekdays name the days written after them
  (they are not the nearest Friday and Sunday), and must agree with them as above.
* "16 and 17 January", "January 16 and 17": both days, not only the one next to the month (two days in a row
  only: "October 3 and 9" are two days apart, and the interval between them would hold five days not meant);
  "runs 16 to 18 January"
  without "from" is one range of days as "from 16 to 18 January" is.
* A weekday after an event of two to seven days the paragraph has just dated ("runs 16 to 18 January ...
  headliners play on the Saturday") is that event's day, unless its sentence tells a past; "the Thursday"
  (a definite weekday, the day of something the text placed in time) may also be the day before or after such
  an event, and is left out when the paragraph dates no event around it and tells no past: the next Thursday is
  a guess, while "won the Friday match" in wire copy is the most recent Friday, as the tense rules read it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from workbook.extract.date_relative import Resolved
from workbook.extract.date_words import DAY, PAST_VERB, SENTENCE_END, WEEKDAY, WEEKDAYS, YEAR_NAMED, S, day_of

__all__ = ["agree_with_weekdays", "sentence_has_past"]

#: How far back (characters) a weekday looks for the event it belongs to, within its paragraph.
EVENT_REACH = 400
#: An event's days: a weekday belongs to a dated event of at most this many days.
EVENT_MAX_DAYS = 7

_LEADING_WEEKDAY = re.compile(WEEKDAY + r",?" + S + r"*(?=[0-9A-Z])")
_WEEKDAY_RANGE_BEFORE = re.compile(
    r"(?P<first>" + WEEKDAY + r")" + S + r"*(?:to|through|until|till|[-–])" + S + r"*(?P<last>" + WEEKDAY + r")"
    r",?" + S + r"*(?:(?i:from)" + S + r"+)?\Z"
)
_LEADING_WEEKDAY_WORD = re.compile(WEEKDAY)
_WEEKDAY_INITIALS = frozenset("MTWFS")
#: The words that join a first day to a day and month ("16 and 17 January", "16 to 18 January").
_JOINERS = ("and", "to", "until", "till", "through")
_WEEKDAY_TO_BEFORE = re.compile(WEEKDAY + S + r"*(?:to|through|until|till|[-–])" + S + r"*\Z")
_DAY_AND_BEFORE = re.compile(
    r"(?<![\w,.:/-])(?P<d>" + DAY + r")" + S + r"+(?P<w>and|to|until|till|through)" + S + r"+\Z"
)
_AND_DAY_AFTER = re.compile(
    S + r"+and" + S + r"+(?P<d>" + DAY + r")(?:,?" + S + r"*(?P<y>" + YEAR_NAMED + r"))?(?=" + S + r"*(?:[,.;:)]|\Z))"
)
_THE_BEFORE = re.compile(r"\b[Tt]he" + S + r"+\Z")
#: After a definite weekday, words that place it themselves ("the Tuesday after Labor Day", "the Friday before
#: the vote"): the tense rules read it, as they do a weekday in apposition to a date ("Sept. 3, the Tuesday").
_TOLD_AROUND = re.compile(S + r"+(?:after|before|following|of|when)\b")
_PASSIVE_OR_PERFECT = re.compile(r"\b(?:is|are|be|been|being|has|have)" + S + r"+\Z")
_PAST = re.compile(PAST_VERB)
_SENTENCE_END = re.compile(SENTENCE_END)
_PARAGRAPH_BREAK = "\n\n"


def _weekday_index(word: str) -> int:
    return WEEKDAYS.index(word.lower())


def _shift_year(d: date, k: int) -> date | None:
    try:
        return d.replace(year=d.year + k)
    except ValueError:  # 29 February
        return None


def _agreeing_year(ds: date, de: date, first: int, last: int | None) -> int | None:
    """The year shift (0, -1 or +1) under which ``ds`` falls on weekday ``first`` (and ``de`` on ``last``)."""
    for k in (0, -1, 1):
        a, b = _shift_year(ds, k), _shift_year(de, k)
        if a is not None and b is not None and a.weekday() == first and (last is None or b.weekday() == last):
            return k
    return None


def sentence_has_past(text: str, s: int, e: int, *, upto: bool = False) -> bool:
    """Whether the sentence around ``text[s:e]`` has a past verb (not "are sold", "has been"); with ``upto``,
    only its words up to ``e``."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, s - 300), s)), default=max(0, s - 300))
    stop_m = None if upto else _SENTENCE_END.search(text, e)
    stop = e if upto else stop_m.start() if stop_m is not None else len(text)
    for m in _PAST.finditer(text.lower(), start, stop):
        if not _PASSIVE_OR_PERFECT.search(text, max(0, m.start() - 12), m.start()):
            return True
    return False


def _event_day(items: list[Resolved], i: int, text: str, weekday: int, definite: bool) -> date | bool | None:
    """The day of the event before ``items[i]`` that falls on ``weekday``; False when no event is near."""
    s = items[i][0]
    found_event = False
    for j in range(i - 1, -1, -1):
        _ps, pe, prec, _res, ds, de, _anc = items[j]
        if s - pe > EVENT_REACH or _PARAGRAPH_BREAK in text[pe:s]:
            break
        if prec != "days" or ds is None or de is None or not 1 <= (de - ds).days < EVENT_MAX_DAYS:
            continue
        lo, hi = (ds - timedelta(days=1), de + timedelta(days=1)) if definite else (ds, de)
        days = [lo + timedelta(days=k) for k in range((hi - lo).days + 1)]
        match = [d for d in days if d.weekday() == weekday]
        if len(match) == 1:
            return match[0]
        found_event = True  # an event without that weekday: an earlier one in reach may hold it
    return None if found_event else False


def _merge_weekday_ranges(text: str, items: list[Resolved]) -> list[Resolved]:
    out: list[Resolved] = []
    for it in items:
        s, e, prec, res, ds, de, anc = it
        m = None
        if (
            prec in ("day", "days")
            and ds is not None
            and text.find("day", max(0, s - 40), s) >= 0
            and any(c.isdigit() for c in text[s:e])
        ):
            lead = _WEEKDAY_TO_BEFORE if _LEADING_WEEKDAY.match(text, s) else _WEEKDAY_RANGE_BEFORE
            m = lead.search(text, max(0, s - 40), s)
        if m is not None and out and out[-1][0] >= m.start():
            while out and out[-1][0] >= m.start():
                out.pop()  # the weekdays name these days: "Friday to Sunday, 16 to 18 January"
            out.append((m.start(), e, "days", res, ds, de, anc))
            continue
        out.append(it)
    return out


def _join_day_pairs(text: str, items: list[Resolved]) -> list[Resolved]:
    out: list[Resolved] = []
    for s, e, prec, res, ds, de, anc in items:
        if prec == "day" and ds is not None and de is not None:
            day_first = text[s : s + 1].isdigit()
            joined = day_first and text[max(0, s - 9) : s].rstrip().endswith(_JOINERS)
            before = _DAY_AND_BEFORE.search(text, max(0, s - 12), s) if joined else None
            after = None
            if not day_first and text[e - 1 : e].isdigit() and text.startswith("and", e + 1):
                after = _AND_DAY_AFTER.match(text, e)
            first = day_of(before["d"]) if before is not None else 0
            if before is not None and (first == ds.day - 1 or (before["w"] != "and" and first < ds.day)):
                # "16 and 17 January", "runs 16 to 18 January"
                s, ds, prec = before.start(), ds.replace(day=day_of(before["d"])), "days"
            elif after is not None and day_of(after["d"]) == ds.day + 1:
                try:  # "January 16 and 17", "January 16 and 17, 2026"
                    de = ds.replace(day=day_of(after["d"]))
                    if after["y"]:
                        ds, de, res, anc = (
                            ds.replace(year=int(after["y"])),
                            de.replace(year=int(after["y"])),
                            "absolute",
                            None,
                        )
                    e, prec = after.end(), "days"
                except ValueError:
                    pass
        out.append((s, e, prec, res, ds, de, anc))
    return out


def agree_with_weekdays(text: str, items: list[Resolved]) -> list[Resolved]:
    """``items`` (sorted, without overlaps) with weekday ranges joined to their days, "16 and 17 January" read
    whole, years that contradict a written weekday corrected or left out, and weekdays of a dated event
    placed in it."""
    if not items:
        return items
    items = _merge_weekday_ranges(text, _join_day_pairs(text, items))
    out: list[Resolved] = []
    moved: list[tuple[int, int, int, int]] = []  # (end, old year, month, shift): later dates of the month move too
    for s, e, prec, res, ds, de, anc in items:
        if res == "relative" and ds is not None and de is not None:
            for end, old_year, month, k in moved:
                if ds.year == old_year and ds.month == month and _PARAGRAPH_BREAK not in text[end:s]:
                    ds, de = _shift_year(ds, k) or ds, _shift_year(de, k) or de
                    break
            named = text[s] in _WEEKDAY_INITIALS
            if (
                named
                and _LEADING_WEEKDAY_WORD.match(text, s)
                and prec in ("day", "days")
                and any(c.isdigit() for c in text[s:e])
            ):
                names = re.findall(WEEKDAY, text[s:e])
                first_weekday = _weekday_index(names[0])
                last_weekday = _weekday_index(names[-1]) if len(names) > 1 else None
                shift = _agreeing_year(ds, de, first_weekday, last_weekday)
                if shift is None:
                    continue  # no year near the report puts these days on their weekdays: no safe date
                if shift:
                    moved.append((e, ds.year, ds.month, shift))
                    ds, de = _shift_year(ds, shift) or ds, _shift_year(de, shift) or de
            elif named and prec == "day" and text[s:e].lower() in WEEKDAYS:
                definite = _THE_BEFORE.search(text, max(0, s - 5), s) is not None and not _TOLD_AROUND.match(text, e)
                day = _event_day([*out, (s, e, prec, res, ds, de, anc)], len(out), text, ds.weekday(), definite)
                past = (isinstance(day, date) or definite) and sentence_has_past(text, s, e)
                if isinstance(day, date) and not past:
                    ds = de = day
                elif definite and not past:
                    continue  # "will train on the Thursday" of nothing the paragraph dates: which Thursday?
        out.append((s, e, prec, res, ds, de, anc))
    return out
