"""Exports: charts, tables and report bundles out of the workbook, each traceable to its sources.

    >>> import workbook as wb
    >>> book = wb.open("seeds/")
    >>> result = wb.export_report(book, wb.FilterSpec(), title="Seed report")   # exports/Seed-report/
    >>> wb.open_report(result.path).tables["01-claims"]                          # the same rows again

- :func:`export_report` / :class:`ReportExporter`: a bundle folder (``report.html``, ``report.md``,
  ``manifest.json``, ``citations.csv``, chart images, table files; optionally a ``.zip``).
- :func:`open_report`: reopen a bundle, check its sources' sha256 and reproduce its tables.
- :func:`export_table` and the table exporters: CSV (optional BOM), XLSX, Parquet, Markdown, HTML.
- :func:`export_figure`, :class:`ImageRenderer`: self-contained HTML, and PNG, SVG, PDF through kaleido
  and the system Chromium (see :mod:`workbook.export.figures` for how it is found).

Every exporter shares :class:`~workbook.export.base.Exporter` (``write`` then ``finalize``): atomic
writes, never overwriting (``name-2``, ... or :class:`~workbook.errors.ExportExistsError`), names from
titles sanitised by :func:`~workbook.export.names.safe_filename`.
"""

from __future__ import annotations

from workbook.export.base import Exporter, publish_dir, publish_file
from workbook.export.citations import citation_table
from workbook.export.figures import (
    FigureHtmlExporter,
    FigureImageExporter,
    ImageRenderer,
    export_figure,
    figure_html,
    find_chromium,
)
from workbook.export.manifest import MANIFEST_SCHEMA, validate_manifest
from workbook.export.names import safe_filename, safe_member_name
from workbook.export.reopen import OpenedReport, open_report, read_manifest
from workbook.export.report import (
    CHARTS,
    DEFAULT_FORMATS,
    REPORT_FORMATS,
    REPORT_TABLES,
    ChartSpec,
    ReportExporter,
    ReportResult,
    TableSpec,
    export_report,
)
from workbook.export.tables import (
    CsvExporter,
    HtmlTableExporter,
    MarkdownExporter,
    ParquetExporter,
    XlsxExporter,
    export_table,
)

__all__ = [
    "CHARTS",
    "DEFAULT_FORMATS",
    "MANIFEST_SCHEMA",
    "REPORT_FORMATS",
    "REPORT_TABLES",
    "ChartSpec",
    "CsvExporter",
    "Exporter",
    "FigureHtmlExporter",
    "FigureImageExporter",
    "HtmlTableExporter",
    "ImageRenderer",
    "MarkdownExporter",
    "OpenedReport",
    "ParquetExporter",
    "ReportExporter",
    "ReportResult",
    "TableSpec",
    "XlsxExporter",
    "citation_table",
    "export_figure",
    "export_report",
    "export_table",
    "figure_html",
    "find_chromium",
    "open_report",
    "publish_dir",
    "publish_file",
    "read_manifest",
    "safe_filename",
    "safe_member_name",
    "validate_manifest",
]
