"""Table cells as text: plain text, escaped Markdown and HTML tables, and the exported pages' style sheet.

What CSV, the Markdown and HTML exporters (:mod:`workbook.export.tables`) and the report show of a cell:
:func:`cell_text` ("" for missing, lists joined by ``"; "``, dates as ISO), :func:`plain_frame` (a
frame as text), :func:`md_escape` and :func:`markdown_table` (every cell escaped for Markdown),
:func:`html_table` (every header and cell HTML-escaped) and :data:`PAGE_CSS`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from workbook.errors import ExportError

__all__ = [
    "LIST_SEPARATOR",
    "PAGE_CSS",
    "cell_text",
    "html_table",
    "is_missing",
    "is_text_column",
    "markdown_table",
    "md_escape",
    "plain_frame",
]

LIST_SEPARATOR = "; "
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^(?:[#+=-]|(\d+)([.)]))")
#: A style sheet for exported pages (no external resources).
PAGE_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1200px;
color:#222;padding:0 16px}
h1{font-size:24px}h2{font-size:19px;margin-top:32px;border-bottom:1px solid #ddd}h3{font-size:16px}
table.wb-table{border-collapse:collapse;margin:8px 0;font-size:13px;width:100%}
.wb-table th,.wb-table td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
.wb-table th{background:#f4f4f4;position:sticky;top:0}.wb-table td.num{text-align:right}
.wb-caption,.wb-note{color:#555;font-size:13px}figure{margin:16px 0}
.wb-cite{font-size:13px}.wb-cite blockquote{margin:4px 0 4px 16px;color:#333;white-space:pre-wrap}
code{background:#f4f4f4;padding:0 3px}
"""


def is_missing(value: Any) -> bool:
    """Is ``value`` a missing cell (None, NaN, NaT, pd.NA)? A list, array, dict or set never is."""
    if value is None:
        return True
    if isinstance(value, list | tuple | np.ndarray | dict | set):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def cell_text(value: Any) -> str:
    """One cell as plain text: "" for missing, lists joined by ``"; "``, dates as ISO, midnight times as dates."""
    if is_missing(value):
        return ""
    if isinstance(value, list | tuple | np.ndarray):
        return LIST_SEPARATOR.join(cell_text(v) for v in value)
    if isinstance(value, pd.Timestamp | datetime):
        ts = pd.Timestamp(value)
        return ts.strftime("%Y-%m-%d") if ts == ts.normalize() else ts.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | np.floating) and float(value).is_integer() and abs(float(value)) < 1e15:
        return repr(float(value))
    return str(value)


def plain_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every column as text (see :func:`cell_text`): what CSV, Markdown and HTML show."""
    out = {}
    for col in df.columns:
        series = df[col]
        if pd.api.types.is_integer_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
            out[str(col)] = series.astype(object).map(cell_text)
        else:
            out[str(col)] = series.map(cell_text) if len(series) else series.astype(object)
    return pd.DataFrame(out, index=df.index).astype("string").fillna("")


def is_text_column(series: pd.Series) -> bool:
    """Does ``series`` hold text (strings, lists joined as text), as opposed to numbers, booleans, dates?"""
    kind = series.dtype
    return not (
        pd.api.types.is_numeric_dtype(kind)
        or pd.api.types.is_bool_dtype(kind)
        or pd.api.types.is_datetime64_any_dtype(kind)
    )


def _escape_start(m: re.Match[str]) -> str:
    return f"{m.group(1)}\\{m.group(2)}" if m.group(1) else "\\" + m.group(0)


def md_escape(text: Any) -> str:
    """``text`` safe inside one line of Markdown: whitespace collapsed, ``& < >`` as HTML entities (so no raw
    HTML reaches the renderer), the punctuation of links, emphasis, tables and code backslash-escaped, and a
    leading ``#``, ``+``, ``-``, ``=`` or ``1.`` escaped so that the text never starts a heading or a list."""
    s = " ".join(cell_text(text).split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return _MD_LINE_START.sub(_escape_start, s)  # never a heading, list or rule at a line start


def _clip(text: str, max_chars: int | None) -> str:
    if max_chars is not None and len(text) > max_chars:
        return text[: max(max_chars - 1, 0)] + "…"
    return text


def markdown_table(df: pd.DataFrame, max_rows: int | None = None, max_cell_chars: int | None = 400) -> str:
    """``df`` as a GitHub-flavoured Markdown table, every cell escaped; at most ``max_rows`` rows (a line
    below says how many were left out)."""
    shown = df if max_rows is None else df.head(max_rows)
    text = plain_frame(shown)
    cols = [md_escape(c) for c in text.columns]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in text.itertuples(index=False):
        lines.append("| " + " | ".join(md_escape(_clip(str(v), max_cell_chars)) for v in row) + " |")
    if len(shown) < len(df):
        lines.append("")
        lines.append(f"*{len(shown):,} of {len(df):,} rows shown.*")
    return "\n".join(lines)


def html_table(
    df: pd.DataFrame,
    max_rows: int | None = None,
    max_cell_chars: int | None = 400,
    links: Mapping[str, Mapping[str, str]] | None = None,
    table_id: str | None = None,
) -> str:
    """``df`` as an HTML ``<table class="wb-table">``, every header and cell escaped.

    ``links`` maps a column to ``{cell text: fragment}``: such cells link to ``#fragment`` inside the page
    (used for citation numbers; fragments are restricted to ``[A-Za-z0-9_-]``). At most ``max_rows`` rows.
    """
    shown = df if max_rows is None else df.head(max_rows)
    text = plain_frame(shown)
    numeric = [
        pd.api.types.is_numeric_dtype(shown[c].dtype) and not pd.api.types.is_bool_dtype(shown[c].dtype)
        for c in shown.columns
    ]
    links = links or {}
    out = [f'<table class="wb-table"{_id_attr(table_id)}><thead><tr>']
    out += [f"<th>{html.escape(str(c))}</th>" for c in text.columns]
    out.append("</tr></thead><tbody>")
    for row in text.itertuples(index=False):
        out.append("<tr>")
        for col, value, is_num in zip(text.columns, row, numeric, strict=True):
            cls = ' class="num"' if is_num else ""
            shown_text = html.escape(_clip(str(value), max_cell_chars))
            target = links.get(str(col), {}).get(str(value))
            if target and re.fullmatch(r"[A-Za-z0-9_-]+", target):
                shown_text = f'<a href="#{target}">{shown_text}</a>'
            out.append(f"<td{cls}>{shown_text}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    if len(shown) < len(df):
        out.append(f'<p class="wb-note">{len(shown):,} of {len(df):,} rows shown.</p>')
    return "".join(out)


def _id_attr(value: str | None) -> str:
    if not value:
        return ""
    if not re.fullmatch(r"[A-Za-z0-9_-]+", value):
        raise ExportError(f"HTML id {value!r} must be letters, digits, '-' or '_'.")
    return f' id="{value}"'
