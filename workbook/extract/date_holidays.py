"""Holidays as dates: "Christmas Day", "Boxing Day", "New Year's Eve 2018", "Good Friday", "Easter Monday",
"at Easter", "over Christmas".

A holiday's day in a year is fixed (Christmas Eve, Christmas Day, Boxing Day, New Year's Day and Eve) or
follows Easter Sunday (the Gregorian computus: Good Friday two days before, Easter Monday the day after)
or US Thanksgiving (the fourth Thursday of November: the shopping days "Black Friday" the day after, "Cyber
Monday" four days after and "Giving Tuesday" five days after, the same days wherever the shops took them up;
"Small Business Saturday" is left out: the Saturday after Thanksgiving in the US, the first Saturday of December
in the UK; "Labor Day" is left out: the first
Monday of September in the US and Canada, May 1 in the Philippines);
"at Easter" is the long weekend, Good Friday to Easter Monday. The year is the one written after the name
("New Year's Eve 2018"), "this/last/next year" after it, or else the occurrence the clause's tense points
to, read as a day and month without a year is (:func:`workbook.extract.date_tense.nearest_occurrence`);
a clause with no tense at all reads only a holiday within :data:`UNTENSED_REACH_DAYS` of the anchor.

Safe readings only: a bare "Christmas" or "Easter" needs a preposition before it ("at Easter", "over
Christmas", "by Christmas") and no noun after it ("Christmas holidays", "Easter egg", "Christmas Island"
are no dates); a holiday name that begins another name ("the Good Friday Agreement", "the Boxing Day
Test") or modifies a noun ("Boxing Day sales", "the Boxing Day tsunami") is left out too; a possessive
names the day ("Easter Sunday's parade"). Holidays of other calendars ("the lunar New Year's Day",
"Orthodox Christmas") and of lunar calendars (Ramadan, Eid, Diwali: they depend on the year's moon
sightings or on tables this module does not hold) are left out. A name that stands for the day as a kind or a
custom ("every Boxing Day", "Boxing Day is traditionally the busiest day") is left out:
:mod:`workbook.extract.date_day_kinds`.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from workbook.extract.date_day_kinds import holiday_as_kind
from workbook.extract.date_tense import deadline_cue, future_after, future_cue, nearest_occurrence, past_cue
from workbook.extract.date_words import S, after_date_word

__all__ = ["UNTENSED_REACH_DAYS", "easter_sunday", "find_holidays", "is_holiday_name", "thanksgiving"]

_S = S
Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

#: Holidays on the same day every year: (month, day).
_FIXED: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "christmas": (12, 25),
}
#: Holidays at a fixed distance from Easter Sunday: (first, last) offsets in days.
_EASTER: dict[str, tuple[int, int]] = {
    "good friday": (-2, -2),
    "easter sunday": (0, 0),
    "easter day": (0, 0),
    "easter monday": (1, 1),
    "easter": (-2, 1),
}
#: Shopping days counted from US Thanksgiving (the fourth Thursday of November), kept on the same day by
#: the shops of every country that took them up: offset in days from Thanksgiving.
_THANKSGIVING: dict[str, int] = {
    "black friday": 1,
    "cyber monday": 4,
    "giving tuesday": 5,
}
#: How far from the anchor a holiday may be read when its clause has no tense ("is a bank holiday"): the one
#: at hand; further off, this year's and last year's are both likely.
UNTENSED_REACH_DAYS = 45
_APOSTROPHE = "['\u2019]"
_HOLIDAY = re.compile(
    r"\b(?P<name>Christmas"
    + _S
    + r"+(?:Day|Eve)|Boxing"
    + _S
    + r"+Day|New"
    + _S
    + r"+Year"
    + _APOSTROPHE
    + r"?s"
    + _S
    + r"+(?:Day|Eve)|Good"
    + _S
    + r"+Friday|Easter"
    + _S
    + r"+(?:Sunday|Monday|Day)|Black"
    + _S
    + r"+Friday|Cyber"
    + _S
    + r"+Monday|Giving"
    + _S
    + r"+Tuesday|Christmas|Easter)(?![\w-])(?!['\u2019](?!s\b))"
    r"(?:(?:,"
    + _S
    + r"*|"
    + _S
    + r"+)(?P<year>1[0-9]{3}|20[0-9]{2}|2100)(?![0-9])|"
    + _S
    + r"+(?P<rel>this|last|next)"
    + _S
    + r"+year(?![\w-]))?"
)
#: What may follow a holiday that is a date (:func:`date_words.after_date_word`; also "onwards", and the verbs that
#: place a day in the calendar: "Black Friday falls on", "Cyber Monday follows on").
_AFTER_OK = after_date_word("onwards?|falls|fell|follows|followed")
#: A bare "Christmas" or "Easter" is a date after one of these.
_BARE_LEAD = re.compile(
    r"\b(?i:at|over|by|before|after|until|till|since|for|on|during|through|throughout)" + _S + r"+\Z"
)
_THE_BEFORE = re.compile(r"\b(?i:the)" + _S + r"+\Z")
#: Another calendar's holiday of the same name: "the lunar New Year's Day", "Orthodox Christmas" (7 January).
_OTHER_CALENDAR = re.compile(
    r"\b(?i:lunar|chinese|korean|vietnamese|tibetan|jewish|islamic|hijri|persian|iranian|orthodox|julian|coptic"
    r"|ethiopian|armenian|tamil|sinhala|sinhalese|thai|khmer|lao|nepali|bengali|solar)[^\S\n]+\Z"
)


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _key(name: str) -> str:
    return " ".join(name.lower().replace("\u2019", "'").replace("years", "year's").split())


def is_holiday_name(surface: str) -> bool:
    """Is ``surface`` a holiday this module reads ("Christmas Day", "Easter Monday 2019")? Its day or
    weekday word does not tie it to the publication date the way "Monday" alone does."""
    m = _HOLIDAY.fullmatch(surface)
    return m is not None


def thanksgiving(year: int) -> date:
    """US Thanksgiving of ``year``: the fourth Thursday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _span(key: str, year: int) -> tuple[date, date]:
    if key in _FIXED:
        d = date(year, *_FIXED[key])
        return d, d
    if key in _THANKSGIVING:
        d = thanksgiving(year) + timedelta(days=_THANKSGIVING[key])
        return d, d
    lo, hi = _EASTER[key]
    sunday = easter_sunday(year)
    return sunday + timedelta(days=lo), sunday + timedelta(days=hi)


def _first_day(key: str, year: int) -> date:
    return _span(key, year)[0]


def find_holidays(text: str, anchor: date | None) -> list[Resolved]:
    """Every holiday that is a date in ``text`` (see the module docs), resolved against ``anchor``."""
    out: list[Resolved] = []
    if not (
        "Christmas" in text
        or "Easter" in text
        or "Boxing" in text
        or "New Year" in text
        or "Good Fri" in text
        or "Black Fri" in text
        or "Cyber Mon" in text
        or "Giving Tue" in text
    ):
        return out
    for m in _HOLIDAY.finditer(text):
        key = _key(m["name"])
        s, e = m.start(), m.end()
        if not _AFTER_OK.match(text, e) or _OTHER_CALENDAR.search(text, max(0, s - 14), s):
            continue  # "the Good Friday Agreement", "Boxing Day sales", "Christmas Island"
        if holiday_as_kind(text, s, e):
            continue  # "every Boxing Day", "Black Friday has grown into a month-long event"
        if key in ("christmas", "easter") and not _BARE_LEAD.search(text, max(0, s - 12), s):
            continue  # "a white Christmas", "Easter is late": no safe day
        if m["year"] is None and m["rel"] is None and _THE_BEFORE.search(text, max(0, s - 5), s):
            continue  # "the Boxing Day tsunami" was cut above; "the Easter Monday" names one event
        prec = "days" if key == "easter" else "day"
        if m["year"] is not None:
            out.append((s, e, prec, "absolute", *_span(key, int(m["year"])), None))
            continue
        if anchor is None:
            out.append((s, e, prec, "unanchored", None, None, None))
            continue
        if m["rel"] is not None:
            year = anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"]]
            out.append((s, e, prec, "relative", *_span(key, year), anchor))
            continue
        first = nearest_occurrence(text, s, anchor, functools.partial(_first_day, key), e)
        if first is None:
            continue
        if abs((first - anchor).days) > UNTENSED_REACH_DAYS and not _tensed(text, s, e):
            continue  # "Retailers depend on Christmas" in November: this one or the last?
        out.append((s, e, prec, "relative", *_span(key, first.year), anchor))
    return out


def _tensed(text: str, start: int, end: int) -> bool:
    """Does the clause say which way the holiday lies (a past verb, a future cue, a deadline)?"""
    return past_cue(text, start) or future_cue(text, start) or future_after(text, end) or deadline_cue(text, start)
