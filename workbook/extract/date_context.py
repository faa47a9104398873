"""Dates read against the document, not only the publication date.

A day and month or a month written without a year ("July 14", "on 2 June", "in March") is resolved
against the publication date by :mod:`workbook.extract.dates`. That is right for news about the
present, and silently wrong in a narrative set in another year: a biography that has said "In 2013,
Holt played for ..." and then "called up on July 6", or a history of 1831 that says "before Galois'
July 14 arrest". :func:`drop_out_of_narrative` leaves such an expression out when the last year the
text itself wrote before it (in an absolute expression: "2013", "May 1831", "12 March 1832"; not
after "since" or "by": "the first rise since April 2019", "by 2025" bound a state or set a target), at most
:data:`NARRATIVE_REACH` characters back, is not the year it was resolved to: the reading is not
safe, and no date is better than a wrong one. A year of another era (over :data:`OTHER_ERA_YEARS` from the
publication's: "the March 1 Uprising of 1919") sets the narrative at any distance: a history told at length
("... had been arrested from March 1 to the end of May") does not fall back to the report's year. (The reach
was chosen on the GUM training genres: 300, 600, 1,200 characters and unlimited left 13, 9, 8 and 8 wrong
dates of 727 and kept 481, 472, 467 and 464 expressions.)

An expression after a future cue ("will publish its figures on 10 September", "the series starts on
14 March") is about what comes next, not about the narrative's past, and keeps its reading too, as does an
order's deadline ("ordered him to surrender by Jan. 9") or a term's ("can return it until Jan. 15"), and so does a
month before a deadline noun or a noun a future cue follows ("a June deadline", "the July cabinet will").

Expressions that name their own relation to the publication date ("last June", "yesterday", "two
weeks ago", "Thursday", "April last year") keep their reading: the writer chose it (a holiday's "Day" or
"Monday" is no such word: "Christmas Day" in a narrative of 2013 is that year's or none); and they bring the
text back to its own time: when they fall in the publication year, that year is the narrative's year
after them ("damaged in a flood in November 2019; the council approved the plan last June and work
began in July": July of last June's year), and a reading within :data:`OWN_TIME_DAYS` of the publication
date is that own time too, across a year's end ("the board said on Wednesday ... cases peaked in late
December" in a January report: the December before it), and so is one after "since" read within the year before
it ("won on Saturday ... unbeaten since Boxing Day" in an April report: the last Boxing Day).
"""

from __future__ import annotations

import re
from datetime import date

from workbook.extract.date_holidays import is_holiday_name
from workbook.extract.date_month_nouns import noun_ahead
from workbook.extract.date_tense import any_deadline, future_cue, since_before
from workbook.extract.date_words import WEEKDAY

__all__ = ["NARRATIVE_REACH", "OTHER_ERA_YEARS", "OWN_TIME_DAYS", "drop_out_of_narrative"]

#: How far back (characters) a written year sets the narrative's year.
NARRATIVE_REACH = 1200

Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

#: Words by which an expression states its relation to the publication date.
_DEICTIC = re.compile(
    r"\b(?:last|next|this|coming|past|ago|year|years|month|months|week|weeks|day|days|today|tonight|tomorrow"
    r"|yesterday|morning|night|earlier|later)\b|" + WEEKDAY,
    re.IGNORECASE,
)


#: A year after "since" or "by" bounds a state or a target ("the first increase since April 2019", "95%
#: coverage by 2025"); it does not set the year the text is telling.
_BOUNDARY_BEFORE = re.compile(r"\b(?i:since|by)\s+\Z")


def _in_anchor_year(ds: date | None, de: date | None, anchor: date | None) -> bool:
    """Do ``ds`` and ``de`` both fall in the anchor's year ("last June", "on Monday" read this year)?"""
    return ds is not None and de is not None and anchor is not None and ds.year == de.year == anchor.year


#: How many years from the publication's a written year must lie for the text to be telling another era: a
#: narrative that last wrote such a year ("the uprising of March 1919", "the war of 1950") is read in it at any
#: distance, not only within :data:`NARRATIVE_REACH`, until a year or a deictic word brings the text back.
OTHER_ERA_YEARS = 25
#: A span of at least this many years written in full ("the 20th century", "the early 1800s") names no year that a
#: later day and month could take, as a decade does not: it leaves the narrative's year as it was.
CENTURY_LIKE_YEARS = 30

#: How near the publication date a reading in another year may lie and still be the text's own time.
OWN_TIME_DAYS = 92


def _near_anchor(ds: date, anchor: date | None) -> bool:
    """Does ``ds`` lie within :data:`OWN_TIME_DAYS` of ``anchor`` ("in late December" in a January report)?"""
    return anchor is not None and abs((ds - anchor).days) <= OWN_TIME_DAYS


def _since_last(text: str, s: int, ds: date, anchor: date | None) -> bool:
    """Is the expression at ``s`` after "since" and read as a day within the year before ``anchor`` ("unbeaten
    since Boxing Day" in an April report): the last such day before the text's own time, however far back?"""
    return anchor is not None and ds <= anchor and (anchor - ds).days <= 366 and since_before(text, s)


def drop_out_of_narrative(text: str, items: list[Resolved]) -> list[Resolved]:
    """``items`` (in text order) without the implicit-year expressions that disagree with the last
    year the text wrote before them (see the module docs)."""
    out: list[Resolved] = []
    last_year: int | None = None
    last_end = -1
    own_time = False  # the last year set is the publication's, by a deictic expression
    for r in items:
        s, e, _prec, res, ds, de, _anc = r
        if res == "absolute":
            if (
                de is not None
                and _prec != "decade"
                and (ds is None or de.year - ds.year < CENTURY_LIKE_YEARS)  # "the 20th century" sets no year
                and not _BOUNDARY_BEFORE.search(text, max(0, s - 8), s)
            ):
                last_year, last_end, own_time = de.year, e, False
            out.append(r)
            continue
        deictic = _DEICTIC.search(text, s, e) is not None and not is_holiday_name(text[s:e])
        if (
            res == "relative"
            and ds is not None
            and last_year is not None
            and (s - last_end <= NARRATIVE_REACH or (_anc is not None and abs(_anc.year - last_year) > OTHER_ERA_YEARS))
            and ds.year != last_year
            and (de is None or de.year != last_year)
            and not deictic
            and not future_cue(text, s, reported=False)
            and not any_deadline(text, s)
            and not (_prec == "month" and noun_ahead(text, e))
            and not (own_time and (_near_anchor(ds, _anc) or _since_last(text, s, ds, _anc)))
        ):
            continue
        if deictic and res == "relative" and _in_anchor_year(ds, de, _anc):
            last_year, last_end = _anc.year if _anc is not None else None, e  # back in its own year
            own_time = True
        out.append(r)
    return out
