"""``wb.load_table``: a CSV, XLSX, JSON or Parquet table as a typed DataFrame, or a clear error.

Nothing is coerced in silence. A cell that does not fit its declared type raises
:class:`~workbook.errors.TableLoadError` listing every such cell as (row, column, value, reason), the
row being the number the analyst sees in the source (CSV line, spreadsheet row, JSON record). With
``errors="null"`` (asked for explicitly) those cells become missing values and are listed in
``df.attrs["coerced"]`` instead. What else was decided on the way is in ``df.attrs``: ``encoding``,
``sheet``, ``header_row``, ``types``, ``warnings`` (merged cells filled, columns renamed, slashed-date
order assumed, ...), ``comments`` (leading ``#`` lines of a CSV, often a licence) and ``row_label``.

Awkward inputs, decided here:

* ragged CSV lines (fewer or more fields than the header) raise, naming the lines; ``ragged="pad"``
  fills short lines with missing values. Surplus fields that are empty are dropped; surplus fields with
  text always raise (the header probably lacks a column);
* merged spreadsheet cells take the value of their top-left cell in every cell they cover; a merged
  header cell over several columns names them "Name", "Name (2)", ... and the warnings say so;
* ``header_row`` is the spreadsheet row (1-based, as Excel shows it) or the CSV line of the header;
  several rows (``header_row=(1, 2)``) give names joined with " / ". Without it: the header of the
  sheet's only Excel table, else the first non-empty row. Empty header cells over data become
  "column_<letter or number>"; duplicate names get " (2)"; empty unnamed columns are dropped;
* a workbook with several non-empty sheets needs ``sheet=`` (the error lists them);
* formula cells without a saved result (a workbook written by a program, never opened in a spreadsheet)
  read as empty, and the warnings say where;
* date columns with some values coarser than a day ("Sep-84") get a companion column "<name> precision"
  (day, month or year); their value is the first day of the period.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbook.errors import TableLoadError
from workbook.tables.parsing import NA_TOKENS, ColumnType, convert_column, parse_type
from workbook.tables.readers import RawTable, read_raw, table_format

__all__ = ["ERRORS", "MAX_LISTED_PROBLEMS", "RAGGED", "load_table"]

ERRORS: tuple[str, ...] = ("raise", "null")
RAGGED: tuple[str, ...] = ("raise", "pad")
#: How many bad cells or lines an error message lists (all of them are in ``TableLoadError.problems``).
MAX_LISTED_PROBLEMS = 15


def _letter(col: int) -> str:
    """1 → A, 27 → AA."""
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, float) and np.isnan(v))


def _fill_merged(raw: RawTable, header_numbers: set[int], warnings: list[str]) -> None:
    for r1, c1, r2, c2 in sorted(raw.merged):
        value = raw.rows[r1 - 1][c1 - 1] if r1 - 1 < len(raw.rows) and c1 - 1 < len(raw.rows[r1 - 1]) else None
        for r in range(r1, min(r2, len(raw.rows)) + 1):
            row = raw.rows[r - 1]
            for c in range(c1, min(c2, len(row)) + 1):
                row[c - 1] = value
        where = f"{_letter(c1)}{r1}:{_letter(c2)}{r2}"
        if header_numbers & set(range(r1, r2 + 1)):
            warnings.append(f"header cells {where} are merged ({value!r}): each column they cover takes that name")
        elif value is not None:
            warnings.append(f"merged cells {where} ({str(value)[:40]!r}): the value fills every cell they cover")


def _header_index(raw: RawTable, header_row: int | Sequence[int] | None) -> tuple[list[int], int | None]:
    """Indexes into raw.rows of the header row(s), and the last data index (an Excel table's end)."""
    if header_row is None:
        tables = raw.meta.get("excel_tables") or {}
        if len(tables) == 1:
            ref = next(iter(tables.values()))
            m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)", ref)
            if m:
                return [int(m.group(2)) - 1], int(m.group(4)) - 1
        for i, row in enumerate(raw.rows):
            if any(not _empty(v) for v in row):
                return [i], None
        return [], None
    wanted = [header_row] if isinstance(header_row, int) else list(header_row)
    index = {n: i for i, n in enumerate(raw.numbers)}
    missing = [n for n in wanted if n not in index]
    if missing:
        last = raw.numbers[-1] if raw.numbers else 0
        raise TableLoadError(f"header_row {missing} is not in the table: its {raw.row_label}s run 1-{last}.")
    return [index[n] for n in wanted], None


def _names(header_rows: list[list[Any]], width: int) -> list[str | None]:
    names: list[str | None] = []
    for c in range(width):
        parts: list[str] = []
        for row in header_rows:
            v = row[c] if c < len(row) else None
            text = "" if _empty(v) else " ".join(str(v).split())
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        names.append(" / ".join(parts) or None)
    return names


def _dedupe(names: list[str], warnings: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        if n in seen:
            seen[n] += 1
            new = f"{n} ({seen[n]})"
            while new in seen:
                seen[n] += 1
                new = f"{n} ({seen[n]})"
            out.append(new)
            seen[new] = 1
        else:
            seen[n] = 1
            out.append(n)
    renamed = [f"{o!r} → {n!r}" for o, n in zip(names, out, strict=True) if o != n]
    if renamed:
        warnings.append("duplicate column names renamed: " + ", ".join(renamed[:10]))
    return out


def _shape_grid(
    raw: RawTable, header_row: int | Sequence[int] | None, ragged: str, name: str, warnings: list[str]
) -> tuple[list[str], list[list[Any]], list[int], list[int]]:
    """Header names, data rows (all of the header's width), their source numbers and the header's numbers
    (for CSV/XLSX)."""
    idx, last = _header_index(raw, header_row)
    if not idx:
        raise TableLoadError(f"{name} holds no rows.")
    _fill_merged(raw, {raw.numbers[i] for i in idx}, warnings)
    header = [raw.rows[i] for i in idx]
    stop = len(raw.rows) if last is None else min(last + 1, len(raw.rows))
    data = raw.rows[max(idx) + 1 : stop]
    numbers = raw.numbers[max(idx) + 1 : stop]
    width = max(len(r) for r in header)
    names = _names(header, width)
    short, long_ = [], []
    rows: list[list[Any]] = []
    nums: list[int] = []
    n_empty = 0
    for row, num in zip(data, numbers, strict=True):
        if all(_empty(v) for v in row):
            n_empty += 1
            continue
        if len(row) > width:
            extra = row[width:]
            if any(not _empty(v) for v in extra):
                long_.append((num, len(row), [str(v) for v in extra if not _empty(v)][:3]))
                continue
            row = row[:width]
        if len(row) < width:
            if ragged != "pad":
                short.append((num, len(row)))
                continue
            row = row + [None] * (width - len(row))
        rows.append(list(row))
        nums.append(num)
    if short or long_:
        label = raw.row_label
        listed = [f"{label} {n} has {k} field(s)" for n, k in short[:MAX_LISTED_PROBLEMS]]
        listed += [f"{label} {n} has {k} fields, the extra ones not empty: {x}" for n, k, x in long_[:5]]
        hint = (
            "Fix those lines, or pass ragged='pad' to fill short lines with missing values."
            if short
            else "The header probably lacks a column: fix the header or those lines."
        )
        raise TableLoadError(
            f"{name}: {len(short) + len(long_)} {label}(s) do not have the header's {width} fields: "
            + "; ".join(listed)
            + f". {hint}",
            [(n, "", f"{k} fields", "ragged") for n, k in short]
            + [(n, "", f"{k} fields", "ragged") for n, k, _ in long_],
        )
    if n_empty:
        warnings.append(f"{n_empty} empty {raw.row_label}(s) skipped")
    keep = [c for c in range(width) if names[c] is not None or any(not _empty(r[c]) for r in rows)]
    for c in keep:
        if names[c] is None:
            names[c] = f"column_{_letter(c + 1) if raw.row_label == 'row' else c + 1}"
            warnings.append(f"column {c + 1} has data but no header; it is named {names[c]!r}")
    final = _dedupe([str(names[c]) for c in keep], warnings)
    return final, [[r[c] for c in keep] for r in rows], nums, [raw.numbers[i] for i in idx]


def _infer(values: list[Any], column: str, warnings: list[str]) -> pd.Series:
    """An undeclared spreadsheet/JSON column: one pandas dtype when every value shares a kind, else text."""
    present = [v for v in values if not _empty(v)]
    kinds = {
        (
            "bool"
            if isinstance(v, bool)
            else "int"
            if isinstance(v, int | np.integer)
            else "float"
            if isinstance(v, float | np.floating)
            else "datetime"
            if isinstance(v, datetime | date | pd.Timestamp)
            else "str"
        )
        for v in present
    }
    clean = [None if _empty(v) else v for v in values]
    if kinds == {"bool"}:
        return pd.Series(clean, dtype="boolean")
    if kinds == {"int"}:
        return pd.Series(clean, dtype="Int64")
    if kinds and kinds <= {"int", "float"}:
        return pd.Series([np.nan if v is None else float(v) for v in clean], dtype="float64")
    if kinds == {"datetime"}:
        return pd.Series([pd.NaT if v is None else pd.Timestamp(v) for v in clean], dtype="datetime64[s]")
    if len(kinds - {"str"}) and "str" in kinds:
        warnings.append(
            f"column {column!r} mixes text and {'/'.join(sorted(kinds - {'str'}))}: read as text "
            "(declare a type to convert it)"
        )
    return pd.Series(
        [None if v is None else str(v) if not isinstance(v, list | dict) else v for v in clean],
        dtype="string" if not any(isinstance(v, list | dict) for v in clean) else object,
    )


def _check_types(types: Mapping[str, Any], columns: list[str], name: str) -> dict[str, ColumnType]:
    parsed: dict[str, ColumnType] = {}
    problems = []
    for col, spec in types.items():
        if col not in columns:
            close = difflib.get_close_matches(str(col), columns, n=2)
            problems.append(f"{col!r} is not a column" + (f" (did you mean {close}?)" if close else ""))
            continue
        try:
            parsed[col] = parse_type(spec)
        except ValueError as exc:
            problems.append(f"{col!r}: {exc}")
    if problems:
        raise TableLoadError(f"{name}: bad types= argument: " + "; ".join(problems) + f". The columns are {columns}.")
    return parsed


def _problem_message(name: str, label: str, problems: list[tuple[int, str, str, str]]) -> str:
    listed = "; ".join(f"{label} {r}, column {c!r}: {v!r} ({why})" for r, c, v, why in problems[:MAX_LISTED_PROBLEMS])
    more = f" (and {len(problems) - MAX_LISTED_PROBLEMS} more)" if len(problems) > MAX_LISTED_PROBLEMS else ""
    cols = sorted({c for _, c, _, _ in problems})
    return (
        f"{name}: {len(problems)} cell(s) in column(s) {cols} do not fit their declared type{more}: {listed}. "
        "Fix the source, change the column's type, or pass errors='null' to load them as missing values "
        "(they are then listed in df.attrs['coerced'])."
    )


def load_table(
    path: str | Path,
    *,
    types: Mapping[str, str | ColumnType] | None = None,
    errors: str = "raise",
    sheet: str | int | None = None,
    header_row: int | Sequence[int] | None = None,
    format: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    comment: str | None = "#",
    record_path: str | None = None,
    ragged: str = "raise",
    na_values: Iterable[str] | None = None,
    dayfirst: bool = False,
) -> pd.DataFrame:
    """Load a CSV/TSV, XLSX, JSON/JSON Lines or Parquet table as a DataFrame with typed columns.

    ``types`` maps column names to types (see :mod:`workbook.tables.parsing`: ``string``, ``int``,
    ``float``, ``number``, ``km``, ``date``, ``datetime``, ``time``, ``lat``, ``lon``, ``bool``,
    ``category``; ``"date:%d/%m/%Y"`` fixes a format). Undeclared CSV columns are text; undeclared
    spreadsheet and JSON columns keep one dtype when all their values share a kind. ``errors`` is
    ``"raise"`` (default: :class:`~workbook.errors.TableLoadError` lists every bad cell) or ``"null"``
    (bad cells become missing and are listed in ``df.attrs["coerced"]``). ``sheet`` is a sheet name or
    0-based index; ``header_row`` the 1-based spreadsheet row or CSV line of the header (or several);
    ``encoding`` is detected when not given; ``record_path`` ("timeBins/*/data") finds the records in a
    JSON document; ``na_values`` replaces the tokens that mean "no value". See the module docs for how
    ragged lines, merged cells and sheets are handled.
    """
    p = Path(path)
    if errors not in ERRORS:
        raise TableLoadError(f"errors={errors!r}: give 'raise' (the default) or 'null'.")
    if ragged not in RAGGED:
        raise TableLoadError(f"ragged={ragged!r}: give 'raise' (the default) or 'pad'.")
    fmt = table_format(p, format)
    if header_row is not None and fmt in ("json", "jsonl", "parquet"):
        raise TableLoadError(f"{p.name}: header_row applies to CSV and XLSX only; {fmt} names its columns itself.")
    raw = read_raw(
        p, fmt, sheet=sheet, encoding=encoding, delimiter=delimiter, comment=comment, record_path=record_path
    )
    warnings = list(raw.warnings)
    frame: pd.DataFrame | None = raw.meta.pop("frame", None)
    header_numbers: list[int] = []
    if raw.columns is None:
        columns, rows, numbers, header_numbers = _shape_grid(raw, header_row, ragged, p.name, warnings)
    else:
        columns, rows, numbers = raw.columns, raw.rows, raw.numbers
    declared = _check_types(types or {}, columns, p.name)
    na = NA_TOKENS if na_values is None else frozenset(str(v).strip().casefold() for v in na_values)
    out: dict[str, pd.Series] = {}
    problems: list[tuple[int, str, str, str]] = []
    for c, col in enumerate(columns):
        values = frame[col].tolist() if frame is not None else [r[c] for r in rows]
        if col in declared:
            conv = convert_column(values, declared[col], na_tokens=na, dayfirst=dayfirst)
            problems += [(numbers[i], col, str(values[i]), why) for i, why in conv.bad]
            warnings += [f"column {col!r}: {w}" for w in conv.warnings]
            out[col] = conv.values
            if conv.precision is not None and conv.precision.dropna().ne("day").any():
                out[f"{col} precision"] = conv.precision
        elif frame is not None:
            out[col] = frame[col].reset_index(drop=True)
        elif fmt == "csv":
            out[col] = pd.Series([None if _empty(v) else v for v in values], dtype="string")
        else:
            out[col] = _infer(values, col, warnings)
    formulas = raw.meta.pop("formula_cells", [])
    if formulas:
        cells = ", ".join(f"{_letter(c)}{r}" for r, c in formulas[:10])
        warnings.append(
            f"{len(formulas)} formula cell(s) have no saved result and read as empty ({cells}...): "
            "open and save the workbook in a spreadsheet program to store their values"
        )
    problems.sort()
    if problems and errors == "raise":
        raise TableLoadError(_problem_message(p.name, raw.row_label, problems), problems)
    df = pd.DataFrame(out, index=pd.RangeIndex(len(numbers)))
    df.attrs.update(
        source=p.name,
        format=fmt,
        row_label=raw.row_label,
        warnings=warnings,
        types={k: str(v) for k, v in declared.items()},
        coerced=[{"row": r, "column": c, "value": v, "reason": why} for r, c, v, why in problems],
        **{k: v for k, v in raw.meta.items() if k in ("encoding", "sheet", "sheets", "comments", "record_path")},
    )
    if header_numbers:
        df.attrs["header_row"] = header_numbers[0] if len(header_numbers) == 1 else tuple(header_numbers)
    return df
