"""File readers for :func:`workbook.tables.load_table`: bytes on disk to raw rows, no typing yet.

Each reader returns a :class:`RawTable`: the records as lists of cells, each with the number an analyst
would use to find it (the CSV line, the spreadsheet row, the JSON record), plus what was learnt on the
way (encoding, sheet names, merged ranges, comment lines). Deciding the header and the types is
:mod:`workbook.tables.load`'s job.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.errors import DecodingError, TableLoadError
from workbook.ingest.text_decoding import decode_bytes

__all__ = ["FORMATS", "MAX_XLSX_CELLS", "MAX_XLSX_UNCOMPRESSED", "RawTable", "read_raw", "table_format"]

FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
#: A spreadsheet whose parts unpack to more than this many bytes is refused (a zip bomb, or far too
#: big to read cell by cell).
MAX_XLSX_UNCOMPRESSED = 300_000_000
#: A sheet whose used range holds more cells than this is refused rather than read cell by cell.
MAX_XLSX_CELLS = 20_000_000
_DELIMITERS = ",;\t|"


@dataclass
class RawTable:
    """Raw records. ``columns`` is known for JSON and Parquet; for CSV and XLSX the header is among
    ``rows``. ``numbers[i]`` is the source number of ``rows[i]`` (a ``row_label``: line, row, record)."""

    rows: list[list[Any]]
    numbers: list[int]
    row_label: str
    columns: list[str] | None = None
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def table_format(path: Path, format: str | None) -> str:
    """The reader to use: ``format`` when given, else from the extension."""
    if format is not None:
        fmt = format.lower().lstrip(".")
        if fmt not in set(FORMATS.values()):
            raise TableLoadError(f"Unknown table format {format!r}; give one of {sorted(set(FORMATS.values()))}.")
        return fmt
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise TableLoadError(
            f"{path.name}: cannot tell the table format from the extension {path.suffix!r}; pass format= "
            f"(one of {sorted(set(FORMATS.values()))})."
        ) from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise TableLoadError(f"{path} does not exist.") from None
    except OSError as exc:
        raise TableLoadError(f"{path} cannot be read: {exc}.") from exc


# --- CSV -----------------------------------------------------------------------------------------


#: The longest CSV field read, in characters (a whole article in one cell is fine; 16M is not a table).
MAX_CSV_FIELD = 16 * 1024 * 1024


@contextlib.contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    """Read with exactly ``limit`` as the csv module's field limit, whatever another library set the
    process-wide value to, and put the previous value back afterwards."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    try:
        for record in reader:
            yield line, record
            line = reader.line_num + 1
    except csv.Error as exc:
        raise TableLoadError(f"malformed CSV near line {reader.line_num}: {exc}") from exc


def _delimiter(text: str, path: Path, given: str | None) -> str:
    if given:
        return given
    if path.suffix.lower() == ".tsv":
        return "\t"
    sample = "\n".join(line for line in text[:65536].splitlines() if not line.startswith("#"))
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


def read_csv_raw(path: Path, encoding: str | None, delimiter: str | None, comment: str | None) -> RawTable:
    """Records of a delimited text file. Lines starting with ``comment`` before the first record are
    kept aside in ``meta['comments']`` (a licence or citation line, as in the admin-divisions CSV)."""
    data = _read_bytes(path)
    try:
        if encoding:
            text, enc = data.decode(encoding).replace("\r\n", "\n"), encoding
        else:
            text, enc = decode_bytes(data)
    except (UnicodeDecodeError, LookupError) as exc:
        raise TableLoadError(f"{path.name} is not valid {encoding}: {exc}. Leave encoding= out to detect it.") from exc
    except DecodingError as exc:
        raise TableLoadError(f"{path.name}: {exc}") from exc
    text = text.lstrip("\ufeff")
    comments: list[str] = []
    skipped = 0
    if comment:
        lines = text.split("\n")
        while skipped < len(lines) and lines[skipped].startswith(comment):
            comments.append(lines[skipped][len(comment) :].strip())
            skipped += 1
        text = "\n".join(lines[skipped:])
    delim = _delimiter(text, path, delimiter)
    try:
        with _csv_field_limit(MAX_CSV_FIELD):
            pairs = list(_records(text, delim))
    except TableLoadError as exc:
        raise TableLoadError(f"{path.name}: {exc}. Check the quoting of that line.") from None
    rows = [r for _, r in pairs]
    numbers = [n + skipped for n, _ in pairs]
    meta = {"encoding": enc, "delimiter": delim, "comments": comments}
    return RawTable(rows, numbers, "line", meta=meta)


# --- XLSX ----------------------------------------------------------------------------------------


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
    except zipfile.BadZipFile:
        raise TableLoadError(f"{path.name} is not an .xlsx workbook (not a zip file); is it an old .xls?") from None
    except OSError as exc:
        raise TableLoadError(f"{path} cannot be read: {exc}.") from exc
    if total > MAX_XLSX_UNCOMPRESSED:
        raise TableLoadError(
            f"{path.name} unpacks to {total:,} bytes (limit {MAX_XLSX_UNCOMPRESSED:,}); export the sheet as CSV."
        )


def _sheet_summary(wb: Any) -> str:
    return ", ".join(f"{ws.title!r} ({ws.max_row}×{ws.max_column})" for ws in wb.worksheets)


def _choose_sheet(wb: Any, sheet: str | int | None, name: str) -> Any:
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if not 0 <= sheet < len(wb.worksheets):
            raise TableLoadError(f"{name} has {len(wb.worksheets)} sheet(s); there is no sheet {sheet} (0-based).")
        return wb.worksheets[sheet]
    if sheet is not None:
        if sheet in wb.sheetnames:
            return wb[sheet]
        folded = {s.casefold().strip(): s for s in wb.sheetnames}
        if str(sheet).casefold().strip() in folded:
            return wb[folded[str(sheet).casefold().strip()]]
        raise TableLoadError(f"{name} has no sheet {sheet!r}; its sheets are {_sheet_summary(wb)}.")
    with_data = [ws for ws in wb.worksheets if any(v is not None for r in ws.iter_rows(values_only=True) for v in r)]
    if len(with_data) == 1:
        return with_data[0]
    if not with_data:
        raise TableLoadError(f"{name}: every sheet is empty.")
    raise TableLoadError(f"{name} has several sheets with data: {_sheet_summary(wb)}; choose one with sheet=.")


def read_xlsx_raw(path: Path, sheet: str | int | None) -> RawTable:
    """Cell values of one sheet (saved formula results, not formulas), merged ranges, Excel tables."""
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a declared dependency
        raise TableLoadError("Reading .xlsx needs openpyxl: pip install openpyxl.") from None
    _check_zip(path)
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of errors for damaged files
        raise TableLoadError(f"{path.name} cannot be read as an .xlsx workbook: {type(exc).__name__}: {exc}") from exc
    ws = _choose_sheet(wb, sheet, path.name)
    if ws.max_row * ws.max_column > MAX_XLSX_CELLS:
        raise TableLoadError(
            f"{path.name}, sheet {ws.title!r}: its used range is {ws.max_row:,} rows × {ws.max_column:,} columns "
            f"(more than {MAX_XLSX_CELLS:,} cells; a stray cell far away?). Delete the empty rows and columns or "
            "export the sheet as CSV."
        )
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
    tables = {name: ws.tables[name].ref for name in ws.tables}
    meta: dict[str, Any] = {"sheet": ws.title, "sheets": list(wb.sheetnames), "excel_tables": tables}
    raw = RawTable(rows, list(range(1, len(rows) + 1)), "row", merged=merged, meta=meta)
    raw.meta["formula_cells"] = _unsaved_formulas(path, ws.title, rows)
    return raw


def _unsaved_formulas(path: Path, title: str, rows: Sequence[Sequence[Any]]) -> list[tuple[int, int]]:
    """(row, column) of formula cells without a saved result: openpyxl reads them as empty."""
    import openpyxl

    if path.stat().st_size > 20_000_000:
        return []
    try:
        ws = openpyxl.load_workbook(path, data_only=False)[title]
    except Exception:  # the values were read; this is only a check
        return []
    out = []
    for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
        for c, v in enumerate(row, start=1):
            is_formula = (isinstance(v, str) and v.startswith("=")) or type(v).__name__ == "ArrayFormula"
            saved = rows[r - 1][c - 1] if r - 1 < len(rows) and c - 1 < len(rows[r - 1]) else None
            if is_formula and saved is None:
                out.append((r, c))
    return out


# --- JSON and Parquet ----------------------------------------------------------------------------


def _walk(node: Any, parts: Sequence[str], where: str) -> list[Any]:
    if not parts:
        return [node]
    head, rest = parts[0], parts[1:]
    if head == "*":
        items = node.values() if isinstance(node, Mapping) else node if isinstance(node, list) else None
        if items is None:
            raise TableLoadError(f"record_path: {where or 'the top'} is not a list or object, so '*' cannot apply.")
        return [x for item in items for x in _walk(item, rest, f"{where}/*")]
    if isinstance(node, Mapping) and head in node:
        return _walk(node[head], rest, f"{where}/{head}")
    have = list(node)[:20] if isinstance(node, Mapping) else type(node).__name__
    raise TableLoadError(f"record_path: no {head!r} under {where or 'the top'} (it has {have}).")


def _to_records(found: list[Any], name: str) -> tuple[list[Mapping[str, Any]], bool]:
    """Records from what the path found, and whether they came from an object keyed by name."""
    if len(found) == 1 and isinstance(found[0], Mapping):
        obj = found[0]
        if obj and all(isinstance(v, Mapping) for v in obj.values()):
            return [{"key": k, **v} for k, v in obj.items()], True
        lists = [v for v in obj.values() if isinstance(v, list)]
        if len(lists) == 1:
            found = lists[0]
        else:
            raise TableLoadError(
                f"{name}: the JSON object holds {len(lists)} lists ({list(obj)[:10]}); say which with record_path=."
            )
    elif found and all(isinstance(f, list) for f in found):  # "timeBins/*/data": one list per bin
        found = [r for f in found for r in f]
    bad = [i for i, r in enumerate(found, start=1) if not isinstance(r, Mapping)]
    if bad:
        raise TableLoadError(f"{name}: records {bad[:10]} are not JSON objects; a table needs one object per row.")
    return list(found), False


def read_json_raw(path: Path, record_path: str | None, lines: bool) -> RawTable:
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
        if lines:
            docs = [json.loads(line) for line in text.splitlines() if line.strip()]
            tree: Any = docs
        else:
            tree = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TableLoadError(f"{path.name} is not valid UTF-8 JSON: {exc}.") from exc
    parts = [p for p in (record_path or "").split("/") if p]
    records, keyed = _to_records(_walk(tree, parts, ""), path.name)
    frame = pd.json_normalize([dict(r) for r in records], sep=".") if records else pd.DataFrame()
    columns = [str(c) for c in frame.columns]
    rows = frame.astype(object).where(frame.notna(), None).values.tolist() if len(frame) else []
    meta = {"encoding": "utf-8", "record_path": record_path, "keyed": keyed}
    return RawTable(rows, list(range(1, len(rows) + 1)), "record", columns=columns, meta=meta)


def read_parquet_raw(path: Path) -> RawTable:
    try:
        frame = pd.read_parquet(path)
    except FileNotFoundError:
        raise TableLoadError(f"{path} does not exist.") from None
    except Exception as exc:  # pyarrow raises ArrowInvalid & co for damaged files
        raise TableLoadError(f"{path.name} cannot be read as Parquet: {type(exc).__name__}: {exc}") from exc
    raw = RawTable([], [], "row", columns=[str(c) for c in frame.columns], meta={"frame": frame})
    raw.numbers = list(range(1, len(frame) + 1))
    return raw


def read_raw(
    path: Path,
    fmt: str,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    comment: str | None = "#",
    record_path: str | None = None,
) -> RawTable:
    """Dispatch to the reader of ``fmt``."""
    if fmt == "csv":
        return read_csv_raw(path, encoding, delimiter, comment)
    if fmt == "xlsx":
        return read_xlsx_raw(path, sheet)
    if fmt in ("json", "jsonl"):
        return read_json_raw(path, record_path, fmt == "jsonl")
    return read_parquet_raw(path)
