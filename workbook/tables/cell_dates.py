"""Date, date-and-time and time-of-day cells of typed table columns (see :mod:`workbook.tables.parsing`).

Strict like every cell parser there: a cell that does not fit raises
:class:`~workbook.errors.CellTypeError` with the reason the analyst is shown (parsing reports the cell);
nothing is guessed. Slashed dates ("3/4/2024") return their two parts so the column can decide the
day/month order once for all its cells.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

import numpy as np
import pandas as pd

from workbook.errors import CellTypeError

__all__ = ["date_cell", "datetime_cell", "time_cell"]


_MONTH_NAMES = (
    "jan january",
    "feb february",
    "mar march",
    "apr april",
    "may",
    "jun june",
    "jul july",
    "aug august",
    "sep sept september",
    "oct october",
    "nov november",
    "dec december",
)
_MONTHS = {m: i for i, names in enumerate(_MONTH_NAMES, start=1) for m in names.split()}
_MON = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), prec)
    for p, prec in (
        (r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})", "day"),
        (rf"(?P<d>\d{{1,2}})[- ]{_MON}[- ,]+(?P<y>\d{{4}}|\d{{2}})(?!\d)", "day"),
        (rf"{_MON}[ ](?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?[ ](?P<y>\d{{4}})", "day"),
        (r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?!\d)", "slash"),
        (rf"{_MON}[- ,]+(?P<y>\d{{4}}|\d{{2}})(?!\d)", "month"),
        (r"(?P<y>\d{4})-(?P<m>\d{1,2})", "month"),
        (r"(?P<y>\d{4})", "year"),
    )
)
_TIME = re.compile(
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
    r"\s*(?P<tz>\(?\s*(?:UTC|GMT|Z)\s*\)?|[+-]\d{2}:?\d{2})?"
)


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 1900 if y >= 69 else 2000
    return y


def _month(name: str) -> int:
    try:
        return _MONTHS[name.casefold()]
    except KeyError:
        raise CellTypeError(f"{name!r} is not a month") from None


def _make_date(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError as exc:
        raise CellTypeError(f"no such date ({exc})") from None


def _date_part(text: str, dayfirst: bool | None) -> tuple[date, str, tuple[int, int] | None, str]:
    """(date, precision, slash parts (a, b) when the order was not fixed, the rest of the text)."""
    for pattern, prec in _DATE_PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        g = m.groupdict()
        rest = text[m.end() :]
        if rest and rest[0].isalnum() and not (rest[0] in "Tt" and rest[1:2].isdigit()):
            continue
        y = _year(g["y"])
        if prec == "day":
            month = _month(g["mon"]) if g.get("mon") else int(g["m"])
            return _make_date(y, month, int(g["d"])), "day", None, rest
        if prec == "slash":
            a, b = int(g["a"]), int(g["b"])
            first_is_day = dayfirst if dayfirst is not None else a > 12
            d, month = (a, b) if first_is_day else (b, a)
            return _make_date(y, month, d), "day", (a, b), rest
        if prec == "month":
            month = _month(g["mon"]) if g.get("mon") else int(g["m"])
            return _make_date(y, month, 1), "month", None, rest
        return _make_date(y, 1, 1), "year", None, rest
    raise CellTypeError("not a date")


def _time_part(text: str) -> tuple[timedelta, timedelta]:
    """(time since midnight, UTC offset) of a time such as "9:20:00 PM" or "21:13 (UTC)"."""
    m = _TIME.fullmatch(text.strip())
    if m is None:
        raise CellTypeError("not a time of day")
    h, mi, s = int(m.group("h")), int(m.group("mi")), int(m.group("s") or 0)
    ampm = (m.group("ampm") or "").replace(".", "").upper()
    if ampm:
        if not 1 <= h <= 12:
            raise CellTypeError("an AM/PM hour must be 1-12")
        h = h % 12 + (12 if ampm == "PM" else 0)
    if h > 23 or mi > 59 or s > 59:
        raise CellTypeError("no such time of day")
    offset = timedelta(0)
    tz = (m.group("tz") or "").strip("() ")
    if tz and tz[0] in "+-":
        digits = tz[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        offset = -offset if tz[0] == "-" else offset
    return timedelta(hours=h, minutes=mi, seconds=s), offset


def _strptime(text: str, fmt: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), fmt)
    except ValueError as exc:
        raise CellTypeError(f"does not match the format {fmt!r} ({exc})") from None


def date_cell(v: Any, fmt: str | None, dayfirst: bool | None) -> tuple[date, str, tuple[int, int] | None]:
    if isinstance(v, datetime | pd.Timestamp):
        return v.date(), "day", None
    if isinstance(v, date):
        return v, "day", None
    if isinstance(v, int | np.integer) and not isinstance(v, bool) and 1000 <= int(v) <= 2999:
        return date(int(v), 1, 1), "year", None
    if not isinstance(v, str):
        raise CellTypeError(f"a {type(v).__name__}, not a date")
    if fmt:
        return _strptime(v, fmt).date(), "day", None
    d, prec, parts, rest = _date_part(v.strip(), dayfirst)
    if rest.strip(" ,T"):
        raise CellTypeError("more than a date (give the column the type 'datetime' if it holds times)")
    return d, prec, parts


def datetime_cell(v: Any, fmt: str | None, dayfirst: bool | None) -> tuple[datetime, tuple[int, int] | None]:
    if isinstance(v, pd.Timestamp):
        return (v.tz_convert("UTC").tz_localize(None) if v.tzinfo else v).to_pydatetime(), None
    if isinstance(v, datetime):
        return v, None
    if isinstance(v, date):
        return datetime(v.year, v.month, v.day), None
    if not isinstance(v, str):
        raise CellTypeError(f"a {type(v).__name__}, not a date and time")
    if fmt:
        return _strptime(v, fmt), None
    d, prec, parts, rest = _date_part(v.strip(), dayfirst)
    if prec != "day":
        raise CellTypeError("a date and time needs a day")
    rest = rest.strip(" ,T")
    if not rest:
        return datetime(d.year, d.month, d.day), parts
    clock, offset = _time_part(rest)
    return datetime(d.year, d.month, d.day) + clock - offset, parts


def time_cell(v: Any, fmt: str | None) -> timedelta:
    if isinstance(v, time):
        return timedelta(hours=v.hour, minutes=v.minute, seconds=v.second)
    if isinstance(v, datetime):
        return timedelta(hours=v.hour, minutes=v.minute, seconds=v.second)
    if isinstance(v, timedelta | pd.Timedelta):
        return pd.Timedelta(v).to_pytimedelta()
    if not isinstance(v, str):
        raise CellTypeError(f"a {type(v).__name__}, not a time of day")
    if fmt:
        t = _strptime(v, fmt)
        return timedelta(hours=t.hour, minutes=t.minute, seconds=t.second)
    clock, offset = _time_part(v)
    if offset:
        raise CellTypeError("a time with a UTC offset needs a date (use the type 'datetime')")
    return clock
