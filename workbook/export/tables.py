"""Tables out of the workbook: CSV, XLSX, Parquet, Markdown and HTML exporters (the cell rendering
the report shares is in :mod:`workbook.export.table_cells` and exported from here too).

Every exporter takes pandas DataFrames (a Book table, filtered or not, or any frame) through
:meth:`~workbook.export.base.Exporter.write`:

- :class:`CsvExporter`: UTF-8, optionally with a BOM (``bom=True``) so that Excel detects the encoding.
  CSV has no types: list cells (``entity_ids``) are joined with ``"; "`` and dates written as ISO
  ``YYYY-MM-DD``. Excel evaluates a cell starting with ``= + - @`` (or a tab, a carriage return) as a
  formula, so by default text cells starting so are prefixed with ``'`` (:mod:`workbook.csv_cells`;
  numeric, boolean and date columns are never touched, so ``-5`` stays ``-5``). ``formula_guard=False``
  writes text exactly as it is (for programs, not spreadsheets); XLSX and Parquet always keep the raw
  values. Several writes append rows (same columns).
- :class:`XlsxExporter` (openpyxl): one sheet per ``sheet`` name, typed cells (numbers, dates, booleans),
  text cells always stored as text, never as formulas; a bold, frozen header row and an autofilter.
  Excel holds at most 32,767 characters per cell, so longer text is cut (and :attr:`notes` says so).
- :class:`ParquetExporter`: the frame as it is (types and list columns kept), zstd-compressed.
- :class:`MarkdownExporter` and :class:`HtmlTableExporter`: a document with one captioned table per
  write; every cell is escaped (Markdown: HTML entities and backslash escapes; HTML: ``html.escape``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from workbook.csv_cells import guard_formula
from workbook.errors import ExportDependencyError, ExportError
from workbook.export.base import Exporter, IfExists
from workbook.export.table_cells import (
    LIST_SEPARATOR,
    PAGE_CSS,
    cell_text,
    html_table,
    is_missing,
    is_text_column,
    markdown_table,
    md_escape,
    plain_frame,
)
from workbook.lists import arrow_table

__all__ = [
    "LIST_SEPARATOR",
    "PAGE_CSS",
    "TABLE_FORMATS",
    "XLSX_MAX_CELL",
    "CsvExporter",
    "HtmlTableExporter",
    "MarkdownExporter",
    "ParquetExporter",
    "XlsxExporter",
    "cell_text",
    "export_table",
    "html_table",
    "markdown_table",
    "md_escape",
    "plain_frame",
    "table_exporter",
]

XLSX_MAX_CELL = 32_767
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _frame(item: Any) -> pd.DataFrame:
    if not isinstance(item, pd.DataFrame):
        raise ExportError(f"Table exporters write pandas DataFrames, not {type(item).__name__}.")
    if not all(isinstance(c, str) for c in item.columns):
        return item.rename(columns=str)
    return item


class _RowsExporter(Exporter):
    """An exporter of one table: several writes append rows with the same columns."""

    def __init__(self, dest: str | Path, *, if_exists: IfExists = "suffix") -> None:
        super().__init__(dest, if_exists=if_exists)
        self._parts: list[pd.DataFrame] = []

    def write(self, item: Any, **options: Any) -> None:
        """Append the rows of DataFrame ``item`` (its columns must be those of the first write)."""
        self._check_open()
        if options:
            raise ExportError(f"{type(self).__name__}.write takes no options; got {sorted(options)}.")
        df = _frame(item)
        if self._parts and list(df.columns) != list(self._parts[0].columns):
            raise ExportError(
                f"{type(self).__name__} holds one table: columns {list(df.columns)} differ from the first write's "
                f"{list(self._parts[0].columns)}. Use one exporter per table (or XLSX with one sheet each)."
            )
        self._parts.append(df)

    def _table(self) -> pd.DataFrame:
        if not self._parts:
            raise ExportError(f"Nothing was written to {type(self).__name__} for {self.dest}.")
        return self._parts[0] if len(self._parts) == 1 else pd.concat(self._parts, ignore_index=True)


class CsvExporter(_RowsExporter):
    """CSV, UTF-8 (``bom=True`` adds a byte-order mark for Excel); see the module docs for ``formula_guard``."""

    suffix = ".csv"

    def __init__(
        self, dest: str | Path, *, bom: bool = False, formula_guard: bool = True, if_exists: IfExists = "suffix"
    ) -> None:
        super().__init__(dest, if_exists=if_exists)
        self.bom = bom
        self.formula_guard = formula_guard

    def _write_output(self, tmp: Path) -> None:
        table = self._table()
        text = plain_frame(table)
        if self.formula_guard:
            for name, col in zip(text.columns, table.columns, strict=True):
                if is_text_column(table[col]):
                    text[name] = text[name].map(guard_formula).astype("string")
        text.to_csv(tmp, index=False, encoding="utf-8-sig" if self.bom else "utf-8", lineterminator="\r\n")


class ParquetExporter(_RowsExporter):
    """Parquet (zstd): the frame with its types, list columns as Parquet lists."""

    suffix = ".parquet"

    def _write_output(self, tmp: Path) -> None:
        df = self._table()
        try:
            table = arrow_table(df)
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise ExportError(f"This table cannot be written as Parquet ({exc}).") from exc
        pq.write_table(table, tmp, compression="zstd")


def _sheet_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\']", "-", unicodedata.normalize("NFKC", name)).strip() or "table"
    base = base[:31]
    candidate, i = base, 2
    while candidate.lower() in taken:
        suffix = f"-{i}"
        candidate, i = base[: 31 - len(suffix)] + suffix, i + 1
    return candidate


@dataclass
class _Sheet:
    name: str
    parts: list[pd.DataFrame]


class XlsxExporter(Exporter):
    """An Excel workbook (openpyxl): ``write(df, sheet="claims")`` adds a sheet (or rows to that sheet)."""

    suffix = ".xlsx"

    def __init__(self, dest: str | Path, *, if_exists: IfExists = "suffix") -> None:
        super().__init__(dest, if_exists=if_exists)
        self._sheets: dict[str, _Sheet] = {}
        #: What had to change on the way to Excel (cut cells, removed control characters).
        self.notes: list[str] = []

    def write(self, item: Any, **options: Any) -> None:
        """Add DataFrame ``item`` as sheet ``sheet`` (default ``Sheet<n>``); rows append to an existing sheet."""
        self._check_open()
        unknown = set(options) - {"sheet"}
        if unknown:
            raise ExportError(f"XlsxExporter.write takes only sheet=...; got {sorted(unknown)}.")
        df = _frame(item)
        key = str(options.get("sheet") or f"Sheet{len(self._sheets) + 1}")
        if key in self._sheets:
            sheet = self._sheets[key]
            if list(df.columns) != list(sheet.parts[0].columns):
                raise ExportError(f"Sheet {key!r} has columns {list(sheet.parts[0].columns)}; got {list(df.columns)}.")
            sheet.parts.append(df)
        else:
            taken = {s.name.lower() for s in self._sheets.values()}
            self._sheets[key] = _Sheet(_sheet_name(key, taken), [df])

    def _write_output(self, tmp: Path) -> None:
        try:
            from openpyxl import Workbook
        except ImportError as exc:
            raise ExportDependencyError("XLSX export needs openpyxl: pip install openpyxl.") from exc
        if not self._sheets:
            raise ExportError(f"Nothing was written to XlsxExporter for {self.dest}.")
        wb = Workbook(write_only=True)
        for sheet in self._sheets.values():
            df = sheet.parts[0] if len(sheet.parts) == 1 else pd.concat(sheet.parts, ignore_index=True)
            self._sheet(wb, sheet.name, df)
        wb.save(tmp)

    def _sheet(self, wb: Any, name: str, df: pd.DataFrame) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        ws = wb.create_sheet(name)
        ws.freeze_panes = "A2"
        widths = [min(max(len(str(c)) + 2, 8), 60) for c in df.columns]
        kinds = [self._kind(df[c]) for c in df.columns]
        for j, col in enumerate(df.columns):
            if kinds[j] == "text":
                longest = max((len(cell_text(v)) for v in df[col].head(200).tolist()), default=0)
                widths[j] = min(max(widths[j], longest + 2), 60)
            elif kinds[j] == "date":
                widths[j] = max(widths[j], 12)
            ws.column_dimensions[get_column_letter(j + 1)].width = widths[j]
        header = []
        for col in df.columns:
            cell = WriteOnlyCell(ws, value=self._text(str(col), name, "header"))
            cell.data_type = "s"
            cell.font = Font(bold=True)
            header.append(cell)
        ws.append(header)
        columns = [df[c].tolist() for c in df.columns]
        for i in range(len(df)):
            ws.append([self._cell(ws, columns[j][i], kinds[j], name, str(df.columns[j])) for j in range(len(kinds))])
        last = get_column_letter(max(len(df.columns), 1))
        ws.auto_filter.ref = f"A1:{last}{len(df) + 1}"

    @staticmethod
    def _kind(series: pd.Series) -> str:
        dtype = series.dtype
        if pd.api.types.is_bool_dtype(dtype):
            return "bool"
        if pd.api.types.is_numeric_dtype(dtype):
            return "number"
        if pd.api.types.is_datetime64_any_dtype(dtype):
            return "date"
        return "text"

    def _text(self, text: str, sheet: str, column: str) -> str:
        clean = _XML_ILLEGAL.sub("", text)
        if clean != text:
            self._note(f"{sheet}.{column}: control characters Excel cannot hold were removed.")
        if len(clean) > XLSX_MAX_CELL:
            marker = f" … [cut: {len(clean):,} characters; the CSV and Parquet exports hold the whole text]"
            clean = clean[: XLSX_MAX_CELL - len(marker)] + marker
            self._note(f"{sheet}.{column}: text longer than Excel's {XLSX_MAX_CELL:,} characters per cell was cut.")
        return clean

    def _note(self, note: str) -> None:
        if note not in self.notes:
            self.notes.append(note)

    def _cell(self, ws: Any, value: Any, kind: str, sheet: str, column: str) -> Any:
        from openpyxl.cell import WriteOnlyCell

        if is_missing(value):
            return None
        if kind == "number":
            v = value.item() if isinstance(value, np.generic) else value
            return v if isinstance(v, int) or np.isfinite(v) else None
        if kind == "bool":
            return bool(value)
        if kind == "date":
            ts = pd.Timestamp(value)
            cell = WriteOnlyCell(ws, value=ts.to_pydatetime().replace(tzinfo=None))
            cell.number_format = "yyyy-mm-dd" if ts == ts.normalize() else "yyyy-mm-dd hh:mm:ss"
            return cell
        cell = WriteOnlyCell(ws, value=self._text(cell_text(value), sheet, column))
        cell.data_type = "s"  # text stays text: a cell starting with "=" is never a formula
        return cell


class _DocumentExporter(Exporter):
    """A Markdown or HTML document holding one captioned table per write."""

    def __init__(
        self, dest: str | Path, *, title: str = "Tables", max_rows: int | None = None, if_exists: IfExists = "suffix"
    ) -> None:
        super().__init__(dest, if_exists=if_exists)
        self.title = title
        self.max_rows = max_rows
        self._sections: list[tuple[str, str, pd.DataFrame]] = []

    def write(self, item: Any, **options: Any) -> None:
        """Add DataFrame ``item`` as a section: ``heading=...`` and ``caption=...`` (plain text, escaped)."""
        self._check_open()
        unknown = set(options) - {"heading", "caption"}
        if unknown:
            raise ExportError(f"{type(self).__name__}.write takes heading= and caption=; got {sorted(unknown)}.")
        heading = str(options.get("heading") or f"Table {len(self._sections) + 1}")
        self._sections.append((heading, str(options.get("caption") or ""), _frame(item)))


class MarkdownExporter(_DocumentExporter):
    """A Markdown document of captioned tables (cells escaped, see :func:`md_escape`)."""

    suffix = ".md"

    def _write_output(self, tmp: Path) -> None:
        parts = [f"# {md_escape(self.title)}", ""]
        for heading, caption, df in self._sections:
            parts += [f"## {md_escape(heading)}", ""]
            if caption:
                parts += [md_escape(caption), ""]
            parts += [markdown_table(df, self.max_rows), ""]
        tmp.write_text("\n".join(parts), encoding="utf-8")


class HtmlTableExporter(_DocumentExporter):
    """A standalone HTML page of captioned tables; every cell escaped, no scripts, no external resources."""

    suffix = ".html"

    def _write_output(self, tmp: Path) -> None:
        esc = html.escape
        body = [f"<h1>{esc(self.title)}</h1>"]
        for heading, caption, df in self._sections:
            body.append(f"<section><h2>{esc(heading)}</h2>")
            if caption:
                body.append(f'<p class="wb-caption">{esc(caption)}</p>')
            body.append(html_table(df, self.max_rows, max_cell_chars=None))
            body.append("</section>")
        csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        page = (
            f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}"><meta name="referrer" content="no-referrer">'
            f"<title>{esc(self.title)}</title><style>{PAGE_CSS}</style></head><body>{''.join(body)}</body></html>"
        )
        tmp.write_text(page, encoding="utf-8")


#: File suffix -> exporter class.
TABLE_FORMATS: dict[str, type[Exporter]] = {
    "csv": CsvExporter,
    "xlsx": XlsxExporter,
    "parquet": ParquetExporter,
    "md": MarkdownExporter,
    "html": HtmlTableExporter,
}


def table_exporter(fmt: str, dest: str | Path, **options: Any) -> Exporter:
    """A new exporter of format ``fmt`` (``csv``, ``xlsx``, ``parquet``, ``md``, ``html``) for ``dest``."""
    key = fmt.lower().lstrip(".")
    if key == "markdown":
        key = "md"
    if key not in TABLE_FORMATS:
        raise ExportError(f"Unknown table format {fmt!r}; use one of {', '.join(TABLE_FORMATS)}.")
    try:
        return TABLE_FORMATS[key](dest, **options)
    except TypeError as exc:
        raise ExportError(f"Bad option for the {key} exporter: {exc}.") from exc


def export_table(
    df: pd.DataFrame,
    path: str | Path,
    fmt: str | None = None,
    *,
    name: str | None = None,
    caption: str = "",
    if_exists: IfExists = "suffix",
    **options: Any,
) -> Path:
    """Write one table to ``path`` in format ``fmt`` (default: from the suffix); returns the path written.

    ``name`` is the sheet (XLSX) or heading (Markdown, HTML); ``caption`` a line above the table
    (Markdown, HTML). Other options go to the exporter (``bom=True``, ``formula_guard=False`` for CSV,
    ``title=`` for Markdown and HTML). Never overwrites: see :mod:`workbook.export.base`.
    """
    p = Path(path)
    key = (fmt or p.suffix).lower().lstrip(".")
    exporter = table_exporter(key, p, if_exists=if_exists, **options)
    if isinstance(exporter, XlsxExporter):
        exporter.write(df, sheet=name or p.stem)
    elif isinstance(exporter, _DocumentExporter):
        exporter.write(df, heading=name or p.stem, caption=caption)
    else:
        exporter.write(df)
    return exporter.finalize()
