"""What a report can hold: the charts it can build (:data:`CHARTS`, the chart catalogue of
:mod:`workbook.charts.catalog`), the tables it can show (:data:`REPORT_TABLES`), and :class:`ChartSpec` /
:class:`TableSpec` naming one of each with its options."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from workbook.book import Book
from workbook.charts.catalog import ALIASES, CATALOG, ChartKind, chart_name
from workbook.errors import ExportError
from workbook.model import table

__all__ = [
    "CHARTS",
    "DISPLAY_COLUMNS",
    "REPORT_TABLES",
    "ChartKind",
    "ChartSpec",
    "TableSpec",
    "chart_spec",
    "row_ids",
    "table_data",
    "table_spec",
]

#: The Book tables a report can show.
REPORT_TABLES: tuple[str, ...] = ("documents", "entities", "mentions", "claims", "events", "places")


#: Chart name -> how to build it from the filtered Book: the chart catalogue (its aliases are accepted too).
CHARTS: Mapping[str, ChartKind] = CATALOG
#: Table -> columns the report page shows by default (the data files hold every column).
DISPLAY_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "documents": ("doc_id", "title", "publisher", "published", "source", "n_chars"),
    "entities": ("name", "type", "n_mentions", "n_docs", "origin"),
    "mentions": ("surface", "entity_id", "doc_id", "start", "end", "resolution"),
    "claims": ("speaker_text", "quote_kind", "hedge", "confidence", "text", "doc_id", "start", "end"),
    "events": ("text", "date_start", "date_end", "precision", "resolution", "kind", "doc_id", "start", "end"),
    "places": ("entity_id", "lat", "lon", "uncertainty_km", "coord_source", "source_name", "admin_area"),
}


@dataclass(frozen=True)
class ChartSpec:
    """A chart of a report: ``name`` in :data:`CHARTS` (or an alias of one), builder ``options`` (over its
    defaults), a ``caption``."""

    name: str
    options: Mapping[str, Any] = field(default_factory=dict)
    caption: str = ""


@dataclass(frozen=True)
class TableSpec:
    """A table of a report: ``name`` in :data:`REPORT_TABLES`, the ``columns`` to export (default all, in the
    declared order) and a ``caption``."""

    name: str
    columns: tuple[str, ...] | None = None
    caption: str = ""


def chart_spec(item: Any) -> ChartSpec | go.Figure:
    """``item`` (a chart name, a :class:`ChartSpec` or a Figure) as a ChartSpec named as in the catalogue,
    or the Figure itself; raises :class:`~workbook.errors.ExportError` for an unknown chart."""
    if isinstance(item, str):
        item = ChartSpec(item)
    if isinstance(item, go.Figure):
        return item
    if not isinstance(item, ChartSpec):
        raise ExportError(f"A report chart is a chart name, a ChartSpec or a plotly Figure; got {type(item).__name__}.")
    if item.name not in CHARTS and item.name not in ALIASES:
        raise ExportError(f"Unknown chart {item.name!r}; the charts are {', '.join(CHARTS)}.")
    return item if item.name in CHARTS else ChartSpec(chart_name(item.name), item.options, item.caption)


def table_spec(item: Any) -> TableSpec:
    spec = TableSpec(item) if isinstance(item, str) else item
    if not isinstance(spec, TableSpec):
        raise ExportError(f"A report table is a table name or a TableSpec; got {type(item).__name__}.")
    if spec.name not in REPORT_TABLES:
        raise ExportError(f"Unknown table {spec.name!r}; a report can show {', '.join(REPORT_TABLES)}.")
    if spec.columns is not None:
        declared = table(spec.name).column_names
        unknown = [c for c in spec.columns if c not in declared]
        if unknown or not spec.columns:
            raise ExportError(f"Table {spec.name!r} has no column(s) {unknown}; its columns are {declared}.")
    return spec


def table_data(view: Book, spec: TableSpec) -> pd.DataFrame:
    """The rows of ``spec.name`` in ``view`` with ``spec.columns`` (all when None): what the files hold."""
    df = view.table(spec.name)
    cols = list(spec.columns) if spec.columns is not None else table(spec.name).column_names
    return df[cols].reset_index(drop=True)


def row_ids(df: pd.DataFrame, key: Sequence[str]) -> list[str]:
    """The key of every row as one string (``a|b`` for a composite key)."""
    if df.empty:
        return []
    return [str(v) for v in df[list(key)].astype(str).agg("|".join, axis=1)]
