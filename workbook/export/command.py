"""``workbook export``: a report bundle from the shell (the argument parsing is in :mod:`workbook.cli`).

    workbook export SPEC.json --workspace seeds.workbook --format html,md,png,csv --out exports/

``SPEC.json`` holds a FilterSpec (``FilterSpec.to_json()``, as the explorer saves it); ``-`` reads it from
standard input, ``none`` means no filter and ``view:NAME`` the workspace's saved view NAME. The bundle is
the one :func:`workbook.export_report` writes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbook.charts.catalog import DEFAULT_REPORT_CHARTS
from workbook.errors import ExportError, FilterSpecError

__all__ = ["DEFAULT_CHARTS", "DEFAULT_TABLES", "run_export"]

#: The charts of the bundle when ``--chart`` is not given (the catalogue's report charts).
DEFAULT_CHARTS: tuple[str, ...] = DEFAULT_REPORT_CHARTS
DEFAULT_TABLES: tuple[str, ...] = ("claims",)


def _spec_text(spec: str) -> str | None:
    if spec.lower() == "none":
        return None
    if spec == "-":
        return sys.stdin.read()
    try:
        return Path(spec).read_text(encoding="utf-8")
    except OSError as exc:
        raise FilterSpecError(f"Cannot read the FilterSpec file {spec} ({exc.strerror}).") from exc


def _log(path: str | None) -> list[object] | None:
    if not path:
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExportError(f"Cannot read the filter log {path} ({exc}); it must be a JSON list of entries.") from exc
    if isinstance(data, dict) and isinstance(data.get("filter_log"), list):  # a report manifest
        data = data["filter_log"]
    if not isinstance(data, list):
        raise ExportError(f"The filter log {path} must be a JSON list of entries (explorer.log as dicts).")
    return data


def run_export(args: argparse.Namespace) -> int:
    """Run ``workbook export`` with parsed ``args``; prints the bundle's folder (and zip) and its files."""
    from workbook.curation.attach import open_workspace
    from workbook.export.report import export_report
    from workbook.filtering import FilterSpec

    book = open_workspace(Path(args.workspace))  # statuses and tags, as wb.open gives them
    if args.spec.startswith("view:"):  # a saved view of the workspace
        from workbook.curation.saved_views import view

        spec = view(book, args.spec.removeprefix("view:"))
    else:
        text = _spec_text(args.spec)
        spec = FilterSpec.from_json(text) if text is not None else FilterSpec()
    from workbook.curation.saved_views import matching_views

    result = export_report(
        book,
        spec,
        charts=args.chart or DEFAULT_CHARTS,
        tables=args.table or DEFAULT_TABLES,
        title=args.title,
        log=_log(args.log),
        out=args.out,
        formats=args.format,
        zip=args.zip,
        max_rows=args.max_rows,
        if_exists=args.if_exists,
        saved_views=matching_views(book, spec),
    )
    print(f"report: {result.path}")
    if result.zip_path is not None:
        print(f"zip:    {result.zip_path}")
    for name in sorted(result.manifest["files"]):
        print(f"  {name}")
    print("  manifest.json")
    return 0
