"""Bare weekdays read with what the text writes beside them, after :func:`agree_with_weekdays`.

:func:`link_weekdays` runs on the resolved expressions (sorted, without overlaps):

* The bounds of a period written as two weekdays, with or without times of day: "from 6pm Thursday until
  midday Saturday", "from Friday morning until Sunday", "in effect from noon Friday through 8 p.m. Sunday",
  "between Monday and Wednesday" (two different weekdays). The first day comes before the last and at most six
  days before it: when the
  tense rules read the two apart ("is in force from Thursday" read as the last Thursday, "until Saturday" as the
  next Saturday), the first is the latest such weekday on or before the last. When the sentence puts the period
  ahead ("is in force", "in effect", "runs", "will", "are likely to") and tells no past up to the last bound, the
  first is the next such weekday (the publication day itself when it falls on it) and the last the first one
  after it; a past verb before them ("temperatures fell from Monday to Wednesday") or no cue at all ("according
  to the weather data from 03:00 Monday to 15:00 Tuesday") keeps the tense rules' reading of the last.
* A bare weekday in a sentence that tells no past, in a paragraph that dates the same weekday within six days
  of publication ("Timetable change on Sunday. The winter timetable takes effect on Sunday 10 December"): it is
  that day, not the other side of the publication date (a headline has no verb to give the tense rules).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from workbook.extract.date_agreement import sentence_has_past
from workbook.extract.date_relative import Resolved
from workbook.extract.date_words import SENTENCE_END, WEEKDAY, WEEKDAYS, S

__all__ = ["link_weekdays"]

#: The most days a dated weekday may lie from the publication date to date a bare one of its paragraph.
NEAR_DAYS = 6
_PARAGRAPH_BREAK = "\n\n"
_CLOCK = (
    r"(?:midday|noon|midnight|dawn|[0-9]{1,2}(?:[:.][0-9]{2})?"
    + S
    + r"*(?:[ap]\.m\.|[ap]m\b)|[0-9]{1,2}:[0-9]{2}|[0-9]{4}(?:"
    + S
    + r"*(?:GMT|UTC|[A-Z]{2,4}T|hours|hrs))?)"
)
#: Before the first bound: "from 6pm", "from noon on", "between".
_LOCAL_TIME_ON = r"(?:" + S + r"+local" + S + r"+time)?" + S + r"+(?:on" + S + r"+)?"
_FROM_BEFORE = re.compile(r"\b(?i:from|between)" + S + r"+(?:" + _CLOCK + _LOCAL_TIME_ON + r")?\Z")
#: Between the bounds: " morning until midday ", " through 8 p.m. ", " and ".
_BOUND_GAP = re.compile(
    r"(?:" + S + r"+(?:morning|afternoon|evening|night))?,?" + S + r"+(?i:until|till|through|to|and|into)" + S + r"+"
    r"(?:" + _CLOCK + _LOCAL_TIME_ON + r")?"
)
#: A sentence that puts a period ahead: a future or a present term ("will", "are likely to", "is in force",
#: "in effect", "runs"); a sentence with neither ("according to the weather data from 03:00 Monday to 15:00
#: Tuesday") keeps the tense rules' reading of the last bound.
_AHEAD_CUE = re.compile(
    r"\b(?:will|shall|(?:is|are)"
    + S
    + r"+(?:likely|expected|forecast|due|set|scheduled|planned)|in"
    + S
    + r"+(?:effect|force)|runs|lasts|remains|stays|applies|continues)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(SENTENCE_END)
_LEADING_WEEKDAY = re.compile(WEEKDAY + r",?" + S + r"*(?=[0-9A-Z])")


def _bare_weekday(text: str, item: Resolved) -> int | None:
    """The weekday (0 Monday) of a bare weekday expression resolved to one day, else None."""
    s, e, prec, res, ds, de, _anc = item
    if prec != "day" or not 6 <= e - s <= 9 or res != "relative" or ds is None or ds != de:
        return None
    word = text[s:e].lower()
    return WEEKDAYS.index(word) if word in WEEKDAYS else None


def _ahead(text: str, s: int, e: int) -> bool:
    """Whether the sentence around ``text[s:e]`` holds a cue of a period ahead (:data:`_AHEAD_CUE`)."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, s - 200), s)), default=max(0, s - 200))
    stop_m = _SENTENCE_END.search(text, e, e + 200)
    return _AHEAD_CUE.search(text, start, stop_m.start() if stop_m is not None else min(len(text), e + 200)) is not None


def _bounds(text: str, items: list[Resolved], bare: dict[int, int]) -> list[Resolved]:
    out = list(items)
    for i, wd1 in bare.items():
        wd2 = bare.get(i + 1)
        first = out[i]
        if wd2 is None or wd1 == wd2 or first[6] is None:  # "from noon Friday until 9pm Friday": no period
            continue
        last = out[i + 1]
        gap = _BOUND_GAP.match(text, first[1])
        if gap is None or gap.end() != last[0] or _FROM_BEFORE.search(text, max(0, first[0] - 40), first[0]) is None:
            continue
        if text[first[1] : last[0]].strip().startswith("and") and text[first[0] - 8 : first[0]].strip() != "between":
            continue  # "from Monday and Tuesday's talks": no period
        anchor: date = first[6]
        end_day = last[4]
        assert end_day is not None
        if _ahead(text, first[0], last[1]) and not sentence_has_past(text, first[0], last[1], upto=True):
            start_day = anchor + timedelta(days=(wd1 - anchor.weekday()) % 7)
            end_day = start_day + timedelta(days=(wd2 - wd1) % 7)
        else:
            start_day = end_day - timedelta(days=(wd2 - wd1) % 7)
        out[i] = (*first[:4], start_day, start_day, anchor)
        out[i + 1] = (*last[:4], end_day, end_day, anchor)
    return out


def _dated_weekdays(text: str, items: list[Resolved]) -> list[tuple[int, date]]:
    """(start, day) of each weekday written with its date ("Sunday 10 December") near its anchor."""
    found = []
    for s, e, prec, _res, ds, de, anc in items:
        if (
            prec == "day"
            and ds is not None
            and ds == de
            and anc is not None
            and abs((ds - anc).days) <= NEAR_DAYS
            and _LEADING_WEEKDAY.match(text, s)
            and any(c.isdigit() for c in text[s:e])
            and text[s:e].split(",")[0].split()[0].lower() == WEEKDAYS[ds.weekday()]
        ):
            found.append((s, ds))
    return found


def link_weekdays(text: str, items: list[Resolved]) -> list[Resolved]:
    """``items`` with bare weekdays read as the bounds of a period or as the day their paragraph dates (see the
    module rules)."""
    if len(items) < 2:
        return items
    bare = {i: wd for i, item in enumerate(items) if (wd := _bare_weekday(text, item)) is not None}
    if not bare:
        return items
    out = _bounds(text, items, bare)
    dated = _dated_weekdays(text, out)
    if not dated:
        return out
    for i in bare:
        item, wd = out[i], bare[i]
        s, e = item[0], item[1]
        for at, day in dated:
            lo, hi = min(at, s), max(at, s)
            if day.weekday() == wd and day != item[4] and _PARAGRAPH_BREAK not in text[lo:hi]:
                if not sentence_has_past(text, s, e):
                    out[i] = (*item[:4], day, day, item[6])
                break
    return out
