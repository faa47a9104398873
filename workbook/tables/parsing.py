"""Cell parsers: one declared column type turns raw cells (strings, numbers, dates) into typed values.

Types (``load_table(types={...})``), all strict: a cell that does not fit is reported, never guessed:

* ``string`` (text, kept as written; empty cells are missing), ``category`` (text as a pandas category);
* ``int`` (a whole number, "1,234" included), ``float``;
* ``number``: one number with an optional unit after it ("2802 km", "1,380 km", "7 687.5km", "50");
  ranges ("between 25 and 90 km") and several numbers are refused;
* ``km``: a distance in kilometres: a bare number, or a number in km, m, mi or nmi (converted to km);
  any other unit ("330 lm") is refused;
* ``date``: day ("9-Apr-84", "2024-10-31", "October 31, 2024", "31 Oct 2024", "3/23/2023"), month
  ("Sep-84", "September 1984", "2024-10") or year ("1984"). The value is the first day; the precision
  (day, month, year) is returned beside it. Two-digit years follow strptime: 69-99 → 1900s, 00-68 →
  2000s. Slashed dates are read month-first or day-first for the whole column: a part above 12 decides;
  a column that never decides uses ``dayfirst`` and says so in the warnings;
* ``datetime``: a date with an optional time and zone label ("2024-10-30 22:11", "21:13 (UTC)" after a
  date, "...Z", "+09:00"); offsets are converted to UTC and the result is timezone-naive UTC;
* ``time``: a time of day ("21:13", "9:20:00 PM", "21:13 (UTC)") as a ``Timedelta`` since midnight;
* ``lat``/``lon``: decimal degrees or degrees-minutes-seconds, with an optional hemisphere letter,
  checked against [-90, 90] / [-180, 180];
* ``bool``: true/false, yes/no, y/n, t/f, 1/0.

A format can follow a colon for ``date``/``datetime``/``time``: ``"date:%d/%m/%Y"`` (strptime codes).
Tokens that mean "no value" ("Unknown", "N/A", "na", "-", ...: :data:`NA_TOKENS`) are missing values in
every typed column, not errors.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbook.errors import CellTypeError
from workbook.tables.cell_dates import date_cell, datetime_cell, time_cell

__all__ = [
    "NA_TOKENS",
    "TYPE_NAMES",
    "ColumnType",
    "Converted",
    "convert_column",
    "parse_type",
]

TYPE_NAMES: tuple[str, ...] = (
    "string",
    "category",
    "int",
    "float",
    "number",
    "km",
    "date",
    "datetime",
    "time",
    "lat",
    "lon",
    "bool",
)
#: Cells that mean "no value" in a typed column (compared case-insensitively, stripped).
NA_TOKENS: frozenset[str] = frozenset(
    {"", "unknown", "unk", "n/a", "na", "n.a.", "nan", "none", "null", "nil", "-", "--", "\u2014", "\u2013", "?"}
)
_FORMATTED = ("date", "datetime", "time")


@dataclass(frozen=True)
class ColumnType:
    """A declared column type: a name from :data:`TYPE_NAMES` and, for dates and times, a strptime format."""

    name: str
    format: str | None = None

    def __str__(self) -> str:
        return self.name if self.format is None else f"{self.name}:{self.format}"


def parse_type(spec: str | ColumnType) -> ColumnType:
    """``"km"`` → ColumnType("km"); ``"date:%d/%m/%Y"`` → ColumnType("date", "%d/%m/%Y"). Raises
    ValueError naming the known types for anything else."""
    if isinstance(spec, ColumnType):
        return spec
    name, _, fmt = str(spec).partition(":")
    name = name.strip().lower()
    if name not in TYPE_NAMES:
        raise ValueError(f"unknown column type {spec!r}; the types are {', '.join(TYPE_NAMES)}")
    if fmt and name not in _FORMATTED:
        raise ValueError(f"type {name!r} takes no format (only {', '.join(_FORMATTED)} do)")
    return ColumnType(name, fmt or None)


@dataclass
class Converted:
    """A converted column: the values, the (position, reason) of every cell that did not fit, the
    precision of each date (for ``date`` columns) and warnings about the column as a whole."""

    values: pd.Series
    bad: list[tuple[int, str]] = field(default_factory=list)
    precision: pd.Series | None = None
    warnings: list[str] = field(default_factory=list)


def _is_missing(v: Any, na: frozenset[str]) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    return isinstance(v, str) and v.strip().casefold() in na


# --- numbers -------------------------------------------------------------------------------------

_NUM = r"[-+\u2212]?(?:(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?"
_NUMBER_UNIT = re.compile(rf"\s*(?P<num>{_NUM})\s*(?P<unit>[^\W\d_][\w./²³-]{{0,15}})?\s*", re.UNICODE)
_KM_UNITS = {
    "": 1.0,
    "km": 1.0,
    "kms": 1.0,
    "kilometre": 1.0,
    "kilometres": 1.0,
    "kilometer": 1.0,
    "kilometers": 1.0,
    "m": 0.001,
    "metre": 0.001,
    "metres": 0.001,
    "meter": 0.001,
    "meters": 0.001,
    "mi": 1.609344,
    "mile": 1.609344,
    "miles": 1.609344,
    "nmi": 1.852,
    "nautical miles": 1.852,
}


def _number_of(text: str) -> float:
    return float(re.sub(r"[,\u202f\u00a0 ]", "", text).replace("\u2212", "-"))


def _number(v: Any, units: dict[str, float] | None) -> float:
    if isinstance(v, bool):
        raise CellTypeError("a true/false value, not a number")
    if isinstance(v, int | float | np.integer | np.floating):
        return float(v)
    text = str(v).strip()
    m = _NUMBER_UNIT.fullmatch(text)
    if m is None:
        if len(re.findall(r"\d+(?:\.\d+)?", text)) > 1:
            raise CellTypeError("several numbers (a range or a list), not one value")
        raise CellTypeError("not a number")
    unit = (m.group("unit") or "").strip().casefold()
    value = _number_of(m.group("num"))
    if units is None:
        return value
    if unit not in units:
        raise CellTypeError(f"unit {m.group('unit')!r} is not a distance unit (km, m, mi, nmi)")
    return value * units[unit]


def _int(v: Any) -> int:
    x = _number(v, {"": 1.0})
    if not float(x).is_integer():
        raise CellTypeError("not a whole number")
    return int(x)


def _float(v: Any) -> float:
    return _number(v, {"": 1.0})


# --- coordinates ---------------------------------------------------------------------------------

_DMS = re.compile(
    r"\s*(?P<deg>[-+]?\d+(?:\.\d+)?)\s*(?:°|d|deg)?\s*(?:(?P<min>\d+(?:\.\d+)?)\s*(?:'|′|m|min)\s*)?"
    r"(?:(?P<sec>\d+(?:\.\d+)?)\s*(?:\"|″|''|s|sec)\s*)?(?P<hemi>[NSEWnsew])?\s*"
)


def _coordinate(v: Any, limit: float, hemis: str) -> float:
    if isinstance(v, bool):
        raise CellTypeError("a true/false value, not a coordinate")
    if isinstance(v, int | float | np.integer | np.floating):
        x = float(v)
    else:
        text = str(v).strip()
        lead = re.match(r"([NSEWnsew])\s*(.+)$", text)
        if lead:
            text = f"{lead.group(2)}{lead.group(1)}"
        m = _DMS.fullmatch(text)
        if m is None:
            raise CellTypeError("not a coordinate in degrees")
        hemi = (m.group("hemi") or "").upper()
        if hemi and hemi not in hemis:
            raise CellTypeError(f"hemisphere {hemi!r} does not belong to this axis ({'/'.join(hemis)})")
        deg = float(m.group("deg"))
        x = abs(deg) + float(m.group("min") or 0) / 60 + float(m.group("sec") or 0) / 3600
        if deg < 0 or hemi in ("S", "W"):
            x = -x
    if not -limit <= x <= limit:
        raise CellTypeError(f"{x} is outside [-{limit:g}, {limit:g}]")
    return x


_TRUE = frozenset({"true", "yes", "y", "t", "1"})
_FALSE = frozenset({"false", "no", "n", "f", "0"})


def _bool(v: Any) -> bool:
    if isinstance(v, bool | np.bool_):
        return bool(v)
    if isinstance(v, int | float) and v in (0, 1):
        return bool(v)
    text = str(v).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellTypeError("not true/false (true, false, yes, no, 1, 0)")


# --- columns -------------------------------------------------------------------------------------


def _slash_order(parts: Sequence[tuple[int, int] | None], dayfirst: bool) -> tuple[bool | None, str | None]:
    """The column's reading of slashed dates: (dayfirst, warning)."""
    seen = [p for p in parts if p is not None]
    if not seen:
        return None, None
    day_first = any(a > 12 for a, _ in seen)
    month_first = any(b > 12 for _, b in seen)
    if day_first and month_first:
        return None, "mixes day-first and month-first slashed dates"
    if day_first or month_first:
        return day_first, None
    order = "day-first" if dayfirst else "month-first"
    return dayfirst, f"slashed dates never show which part is the day; read as {order} (pass dayfirst= to change)"


def convert_column(
    values: Sequence[Any],
    ctype: ColumnType,
    *,
    na_tokens: Iterable[str] = NA_TOKENS,
    dayfirst: bool = False,
) -> Converted:
    """Convert raw cells to ``ctype``. Missing cells (None, NaN, :data:`NA_TOKENS`) become missing values;
    cells that do not fit are missing too and listed in ``bad`` as (position, reason)."""
    na = frozenset(str(t).strip().casefold() for t in na_tokens)
    name, fmt = ctype.name, ctype.format
    n = len(values)
    out: list[Any] = [None] * n
    bad: list[tuple[int, str]] = []
    warnings: list[str] = []
    if name in ("string", "category"):
        texts = [None if v is None or (isinstance(v, float) and math.isnan(v)) else str(v) for v in values]
        texts = [None if t is None or not t.strip() else t for t in texts]
        series = pd.Series(texts, dtype="string")
        return Converted(series.astype("category") if name == "category" else series)
    simple = {
        "int": _int,
        "float": _float,
        "bool": _bool,
        "number": lambda v: _number(v, None),
        "km": lambda v: _number(v, _KM_UNITS),
        "lat": lambda v: _coordinate(v, 90.0, "NS"),
        "lon": lambda v: _coordinate(v, 180.0, "EW"),
        "time": lambda v: time_cell(v, fmt),
    }
    precision: list[str | None] | None = None
    if name in simple:
        parse = simple[name]
        for i, v in enumerate(values):
            if _is_missing(v, na):
                continue
            try:
                out[i] = parse(v)
            except CellTypeError as exc:
                bad.append((i, str(exc)))
    else:  # date / datetime: slashed dates need the whole column to decide their order
        parts: list[tuple[int, int] | None] = [None] * n
        precision = [None] * n
        for i, v in enumerate(values):
            if _is_missing(v, na):
                continue
            try:
                if name == "date":
                    out[i], precision[i], parts[i] = date_cell(v, fmt, None)
                else:
                    out[i], parts[i] = datetime_cell(v, fmt, None)
                    precision[i] = "day"
            except CellTypeError as exc:
                bad.append((i, str(exc)))
        order, note = _slash_order(parts, dayfirst)
        for i, p in enumerate(parts):
            if p is None:
                continue
            if order is None:  # the column mixes both orders: every slashed date is suspect
                bad.append((i, f"the column {note}"))
                out[i] = precision[i] = None
                continue
            try:
                if name == "date":
                    out[i], precision[i], _ = date_cell(values[i], fmt, order)
                else:
                    out[i] = datetime_cell(values[i], fmt, order)[0]
            except CellTypeError as exc:
                bad.append((i, str(exc)))
                out[i] = precision[i] = None
        if note and order is not None:
            warnings.append(note)
    bad.sort()
    series = _typed_series(out, name)
    prec_series = pd.Series(precision, dtype="string") if precision is not None and name == "date" else None
    return Converted(series, bad, prec_series, warnings)


def _typed_series(out: list[Any], name: str) -> pd.Series:
    if name == "int":
        return pd.Series(out, dtype="Int64")
    if name in ("float", "number", "km", "lat", "lon"):
        return pd.Series([np.nan if v is None else v for v in out], dtype="float64")
    if name == "bool":
        return pd.Series(out, dtype="boolean")
    if name == "time":
        return pd.Series([pd.NaT if v is None else v for v in out], dtype="timedelta64[s]")
    return pd.Series([pd.NaT if v is None else pd.Timestamp(v) for v in out], dtype="datetime64[s]")
