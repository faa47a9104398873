"""Ranges of dates: "between March and May 2018", "from 2016 to 2019", "March–May 2018", "from 3 to
5 June", "from July 19 to 25" are ONE interval each, both ends in the stated year.

:func:`merge_ranges` works on the expressions :mod:`workbook.extract.dates` has already read: the end
of a range is a full expression ("May 2018", "5 June", "2019", "the 31st of December 2022"); its start may be
written in full after "between"/"from" with a word connector ("between 3 May 2021 and the 31st of December
2022"; a dash between two full dates, "(8 February 1700 – 17 March 1782)", is a birth and a death: two
dates) or partial ("March",
"3", "2016") and takes the missing month and year from the end, so that "between March and May 2018"
starts in March 2018, not in March of the publication year. A written start that contradicts the
end ("from 2019 to 2016") is not a range: both stay as they were. "from"/"between" are context, not
part of the expression, as prepositions are elsewhere; a word connector ("to", "and", "until")
needs them, a dash does not.

Two dates joined by "and"/"or" without "between" ("in March and May 2018", "on 3 or 5 June 2018") are
two expressions, and the year written after the second belongs to the first too; a first date that
cannot take it ("in December and May 2018": December of which year?) is left out.

A range of days in one month may be followed by its year ("from March 3 to 5, 2019", "from Aug. 10 to 19, 2024"):
both ends are in that year, not in the publication's.

A month's part may open a range ("between early March and late May 2018", "from the end of March to late May
2021", "from mid-June to August 2019"): the range starts on the part's first day
(:func:`workbook.extract.date_relative.part_of_month`) of the end's year; it was read alone in the publication's
year.

The precision of a range is the coarser of its ends ("from March to May 25": month); a range of days
has precision ``days`` (a ``day`` is always one day).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from workbook.extract.date_relative import month_span, part_of_month
from workbook.extract.date_words import DAY, MONTH, YEAR_NAMED, S, day_of, month_of

__all__ = ["Resolved", "merge_ranges"]

#: (start, end, precision, resolution, date_start, date_end, anchor), as in workbook.extract.dates.
Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

#: The words of a month's part written as a phrase ("the end of March"): see :func:`date_relative.part_of_month`.
_PART_WORD = r"(?i:beginning|start|middle|end)"
_ORDER = {"day": 0, "days": 0, "month": 1, "year": 2, "decade": 3}
_WORD_CONN = r"(?:to|and|or|until|till|through|thru)"
_HEAD = re.compile(
    rf"(?:(?P<kw>\b(?i:from|between)){S}+(?:(?i:the){S}+(?!{_PART_WORD}{S}+of))?)?"
    rf"(?P<a>(?P<md_m>{MONTH}){S}+(?P<md_d>{DAY})(?:,?{S}+(?P<md_y>{YEAR_NAMED}))?"
    rf"|(?P<dm_d>(?<![\w.,]){DAY})(?:{S}+of)?{S}+(?P<dm_m>{MONTH})(?:,?{S}+(?P<dm_y>{YEAR_NAMED}))?"
    rf"|(?:(?P<m_part>(?i:early|late)){S}+|(?P<m_mid>(?i:mid))(?:-|{S}+)|(?:(?i:the){S}+)?(?P<m_ph>{_PART_WORD}){S}+of{S}+)?"
    rf"(?P<m_m>{MONTH})(?:,?{S}+(?P<m_y>{YEAR_NAMED}))?"
    rf"|(?P<d_d>(?<![\w.,]){DAY})"
    rf"|(?<![\w.,])(?P<y_y>{YEAR_NAMED}))"
    rf"{S}*(?P<conn>[-–]|{_WORD_CONN}(?={S}))"
    rf"(?:{S}+(?i:the)(?={S}))?{S}*\Z"
)
_TAIL = re.compile(rf"{S}+(?P<conn>{_WORD_CONN}){S}+(?P<d>{DAY})(?!{S}*(?:of{S}+)?{MONTH})(?![-–/:.,]?[0-9])")
_KW_BEFORE = re.compile(rf"\b(?i:from|between){S}+\Z")
#: The year written after a range of days in one month ("from March 3 to 5, 2019", "from Aug. 10 to 19 2024").
_YEAR_AFTER_DAYS = re.compile(rf",?{S}+(?P<y>{YEAR_NAMED})(?![\w-])")


_CONNECTOR_WORDS = ("to", "and", "or", "until", "till", "through", "thru")


def _connector_before(text: str, s: int) -> bool:
    """Is a range's connector ("to", "and", a dash...; then maybe "the") written right before ``s``? A plain string
    test, so that :data:`_HEAD` runs only where a range can end."""
    tail = text[max(0, s - 16) : s].rstrip()
    if tail[-3:].lower() == "the" and (len(tail) == 3 or tail[-4].isspace()):
        tail = tail[:-3].rstrip()
    if tail.endswith(("-", "\u2013")):
        return True
    word = tail.rsplit(None, 1)[-1].lower() if tail.strip() else ""
    return word in _CONNECTOR_WORDS


def _connector_ok(kw: str | None, conn: str) -> bool:
    if conn in "-–":
        return True
    if kw is None:
        return False
    return (conn == "and") == (kw.lower() == "between")


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _head_start(h: re.Match[str], end: Resolved) -> tuple[date, str] | None:
    """The start date and precision of a range's first part ``h`` given its end (see module rules)."""
    _, _, prec, _, ds, de, _ = end
    if ds is None or de is None:
        return None
    if h["md_m"] or h["dm_m"]:
        if prec != "day":
            return None
        m, d = (month_of(h["md_m"]), day_of(h["md_d"])) if h["md_m"] else (month_of(h["dm_m"]), day_of(h["dm_d"]))
        written = h["md_y"] or h["dm_y"]
        if written and (h["kw"] is None or h["conn"] in "-–"):
            return None  # "(8 February 1700 – 17 March 1782)": a birth and a death, two dates
        if written:  # "between 3 May 2021 and the 31st of December 2022": both ends written in full
            start = _safe_date(int(written), m, d)
            return None if start is None else (start, "days")
        start = _safe_date(ds.year - ((m, d) > (ds.month, ds.day)), m, d)
        return None if start is None else (start, "days")
    if h["d_d"]:
        if prec != "day":
            return None
        start = _safe_date(ds.year, ds.month, day_of(h["d_d"]))
        return None if start is None else (start, "days")
    if h["m_m"]:
        if prec not in ("day", "days", "month"):
            return None
        m = month_of(h["m_m"])
        y = int(h["m_y"]) if h["m_y"] else ds.year - (m > ds.month)
        if not 1 <= y <= 9999:
            return None  # year 0 before a range ending in January of year 1
        part = _part_name(h)
        if part is None:
            return date(y, m, 1), "month"
        return part_of_month(month_span(y, m), part)[0], "days"  # "from early March to late May 2018"
    if h["y_y"]:
        return date(int(h["y_y"]), 1, 1), "year"
    return None


def _shared_year(h: re.Match[str], end: Resolved) -> Resolved | None:
    """The first of two coordinated dates ("March and May 2018", "3 or 5 June 2018") in the year written
    after the second, or None when it has its own year or would fall after the second."""
    ds, prec = end[4], end[2]
    if ds is None or h["m_y"] or h["md_y"] or h["dm_y"]:
        return None
    if h["m_m"]:
        m = month_of(h["m_m"])
        if m > ds.month or prec not in ("day", "days", "month"):
            return None
        part = _part_name(h)
        if part is not None:  # "in late March and May 2018": March 21-31 of 2018
            return h.start("a"), h.end("a"), "days", "absolute", *part_of_month(month_span(ds.year, m), part), None
        first, last = date(ds.year, m, 1), date(ds.year + (m == 12), m % 12 + 1, 1)
        return h.start("a"), h.end("a"), "month", "absolute", first, last - timedelta(days=1), None
    if (h["md_m"] or h["dm_m"] or h["d_d"]) and prec == "day":
        if h["d_d"]:
            m, d = ds.month, day_of(h["d_d"])
        elif h["md_m"]:
            m, d = month_of(h["md_m"]), day_of(h["md_d"])
        else:
            m, d = month_of(h["dm_m"]), day_of(h["dm_d"])
        day = _safe_date(ds.year, m, d)
        if day is None or day > ds:
            return None
        return h.start("a"), h.end("a"), "day", "absolute", day, day, None
    return None


def _part_name(h: re.Match[str]) -> str | None:
    """The part of the month ("early", "mid", "end", ...) written before a range's first month, or None."""
    if h["m_ph"]:
        return h["m_ph"].lower()
    if h["m_part"]:
        return h["m_part"].lower()
    return "mid" if h["m_mid"] else None


def _coarser(a: str, b: str) -> str:
    return a if _ORDER[a] >= _ORDER[b] else b


def merge_ranges(text: str, kept: list[Resolved]) -> list[Resolved]:
    """``kept`` (in text order, without overlaps) with each range merged into one expression."""
    out: list[Resolved] = []
    for r in kept:
        s, e, prec, res, ds, de, anc = r
        h = _HEAD.search(text, max(0, s - 40), s) if ds is not None and _connector_before(text, s) else None
        if h is not None and h["kw"] is None and h["conn"] in ("and", "or") and res == "absolute":
            shared = _shared_year(h, r)  # "March and May 2018": the year belongs to both
            inside = [o for o in out if o[1] > h.start("a")]
            own_year = h["y_y"] or h["md_y"] or h["dm_y"]
            if all(o[0] >= h.start("a") and o[1] <= h.end("a") for o in inside) and not own_year:
                del out[len(out) - len(inside) :]  # a yearless first date that cannot share the year: unsafe
                if shared is not None:
                    out.append(shared)
        elif h is not None and _connector_ok(h["kw"], h["conn"]):
            a_start, a_end = h.start("a"), h.end("a")
            inside = [o for o in out if o[1] > a_start]
            if all(o[0] >= a_start and o[1] <= a_end for o in inside):
                got = _head_start(h, r)
                if got is not None and de is not None and got[0] < ds:  # type: ignore[operator]
                    del out[len(out) - len(inside) :]
                    out.append((a_start, e, _coarser(got[1], prec), res, got[0], de, anc))
                    continue
        t = _TAIL.match(text, e) if prec == "day" and ds is not None and ds == de else None
        if t is not None and ds is not None and _KW_BEFORE.search(text, max(0, s - 10), s):
            kw = _KW_BEFORE.search(text, max(0, s - 10), s)
            written = _YEAR_AFTER_DAYS.match(text, t.end()) if res != "absolute" else None
            year = int(written["y"]) if written is not None else ds.year  # "from March 3 to 5, 2019": both ends'
            first, end_day = _safe_date(year, ds.month, ds.day), _safe_date(year, ds.month, day_of(t["d"]))
            if (
                kw is not None
                and _connector_ok(kw.group().split()[0], t["conn"])
                and first
                and end_day
                and end_day > first
            ):
                if written is not None:
                    out.append((s, written.end(), "days", "absolute", first, end_day, None))
                else:
                    out.append((s, t.end(), "days", res, ds, end_day, anc))
                continue
        out.append(r)
    return out
