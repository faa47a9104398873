"""Report bundles: a folder (and optionally a .zip) with the report, its data, citations and a manifest.

    >>> import workbook as wb
    >>> result = wb.export_report(book, spec, charts=["timeline", "claims", "map"],
    ...                           tables=["claims"], title="Seed report")
    >>> result.path                                   # exports/Seed-report/ (or Seed-report-2/, ...)

The bundle (see :class:`ReportExporter` for each file)::

    exports/<title>/
      report.html        charts (interactive, offline), tables, citations, sources, filter log
      report.md          the same in Markdown, charts as images (or links to report.html)
      manifest.json      filter, filter log, sources' sha256, versions, files' sha256 (workbook.export.manifest)
      citations.csv      every claim and event shown, with document, offsets, quote and the analyst's status,
                         tags, star and notes
      charts/01-timeline.png ...   tables/01-claims.csv, .parquet; tables/tables.xlsx

The bundle is written into a hidden temporary folder beside its destination and renamed into place
when complete; an existing bundle is never overwritten (``-2``, ``-3``, ... or an error, by
``if_exists``). :func:`workbook.export.reopen.open_report` reproduces the tables from the manifest.
"""

from __future__ import annotations

import html
import json
import shutil
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from workbook.book import Book
from workbook.charts import ChartCache
from workbook.charts.catalog import DEFAULT_REPORT_CHARTS, chart_options, draw_chart
from workbook.errors import ExportError
from workbook.export.base import (
    Exporter,
    IfExists,
    iter_files,
    publish_dir,
    publish_file,
    temp_dir,
    temp_file,
)
from workbook.export.citations import citation_table
from workbook.export.figures import IMAGE_FORMATS, ImageRenderer
from workbook.export.manifest import MANIFEST_KIND, MANIFEST_VERSION, ids_digest, package_versions
from workbook.export.names import safe_filename, safe_member_name
from workbook.export.onward import ONWARD_FILES, ONWARD_FORMATS, write_onward
from workbook.export.readable import COLUMN_LABELS, readable_table, report_title
from workbook.export.render import ChartPart, ReportContent, TablePart, render_html, render_markdown
from workbook.export.report_provenance import log_entries, manifest_documents, manifest_files, workspace_info
from workbook.export.specs import (
    CHARTS,
    DISPLAY_COLUMNS,
    REPORT_TABLES,
    ChartSpec,
    TableSpec,
    chart_spec,
    row_ids,
    table_data,
    table_spec,
)
from workbook.export.tables import CsvExporter, ParquetExporter, XlsxExporter
from workbook.filtering import FilterSpec, apply
from workbook.model import SCHEMA_VERSION, table
from workbook.tables.layers import launches_in_window

__all__ = [
    "CHARTS",
    "DEFAULT_FORMATS",
    "REPORT_FORMATS",
    "REPORT_TABLES",
    "ChartSpec",
    "ReportExporter",
    "ReportResult",
    "TableSpec",
    "chart_spec",
    "export_report",
    "log_entries",
    "row_ids",
    "table_data",
    "table_spec",
]

#: What a bundle can hold: report pages (html, md), chart images (png, svg, pdf), table files (csv, xlsx, parquet).
REPORT_FORMATS: tuple[str, ...] = ("html", "md", "png", "svg", "pdf", "csv", "xlsx", "parquet", *ONWARD_FORMATS)
DEFAULT_FORMATS: tuple[str, ...] = ("html", "md", "png", "csv", "xlsx", "parquet")
_TABLE_FORMATS = ("csv", "parquet")


@dataclass(frozen=True)
class ReportResult:
    """What :func:`export_report` wrote: the bundle folder, the zip (if asked for) and the manifest."""

    path: Path
    zip_path: Path | None
    manifest: dict[str, Any]

    @property
    def report_html(self) -> Path:
        return self.path / "report.html"

    def __fspath__(self) -> str:
        return str(self.path)


def _formats(formats: Sequence[str] | str) -> tuple[str, ...]:
    items = [f.strip().lower() for f in (formats.split(",") if isinstance(formats, str) else formats)]
    items = ["md" if f == "markdown" else f for f in items if f]
    unknown = [f for f in items if f not in REPORT_FORMATS]
    if unknown or not items:
        raise ExportError(f"Unknown report format(s) {unknown or items}; choose from {', '.join(REPORT_FORMATS)}.")
    return tuple(dict.fromkeys(items))


def _fig_label(fig: go.Figure) -> str:
    text = fig.layout.title.text if fig.layout.title and fig.layout.title.text else "Figure"
    return html.unescape(str(text))


class ReportExporter(Exporter):
    """A report bundle: :meth:`write` charts (names, :class:`ChartSpec` or Figures) and tables (names or
    :class:`TableSpec`), then :meth:`finalize` writes the folder and returns its path; :attr:`result`
    then holds the :class:`ReportResult`."""

    def __init__(
        self,
        out_dir: str | Path,
        book: Book,
        spec: FilterSpec | None = None,
        *,
        title: str | None = None,
        log: Any = None,
        formats: Sequence[str] | str = DEFAULT_FORMATS,
        zip: bool = False,
        renderer: ImageRenderer | None = None,
        max_rows: int | None = 500,
        max_citations: int | None = 2000,
        name: str | None = None,
        if_exists: IfExists = "suffix",
        saved_views: Sequence[str] = (),
        launches: pd.DataFrame | None = None,
    ) -> None:
        if not isinstance(book, Book):
            raise ExportError(f"export_report needs a Book; got {type(book).__name__}.")
        spec = FilterSpec() if spec is None else spec
        if not isinstance(spec, FilterSpec):
            raise ExportError(f"spec must be a FilterSpec (or None); got {type(spec).__name__}.")
        self.out_dir = Path(out_dir)
        title = report_title(title, spec, book)  # none given: the filter names the report
        super().__init__(self.out_dir / safe_filename(name or title, default="report"), if_exists=if_exists)
        self.book, self.spec, self.title = book, spec, title
        #: The names of the saved views this filter is (recorded in the manifest).
        self.saved_views = [str(v) for v in saved_views]
        #: The launches drawn as a layer on the charts that take one, within the spec's event dates (None: none).
        self.launches = None if launches is None else launches_in_window(launches, spec.date_from, spec.date_to)
        self.log = log_entries(log)
        self.formats = _formats(formats)
        self.zip, self.renderer = zip, renderer
        self.max_rows, self.max_citations = max_rows, max_citations
        self.result: ReportResult | None = None
        self._charts: list[ChartSpec | go.Figure] = []
        self._tables: list[TableSpec] = []

    def write(self, item: Any, **options: Any) -> None:
        """Add a chart (name in :data:`CHARTS`, ChartSpec, Figure) or a table (name in :data:`REPORT_TABLES`,
        TableSpec). ``caption=`` adds a caption to a name."""
        self._check_open()
        unknown = set(options) - {"caption"}
        if unknown:
            raise ExportError(f"ReportExporter.write takes caption=...; got {sorted(unknown)}.")
        caption = str(options.get("caption") or "")
        if isinstance(item, TableSpec) or (isinstance(item, str) and item in REPORT_TABLES):
            t = table_spec(item)
            self._tables.append(TableSpec(t.name, t.columns, caption or t.caption))
        else:
            c = chart_spec(item)
            self._charts.append(ChartSpec(c.name, c.options, caption or c.caption) if isinstance(c, ChartSpec) else c)

    def _write_output(self, tmp: Path) -> None:  # pragma: no cover - finalize() is overridden
        raise ExportError("ReportExporter writes a folder; call finalize().")

    def finalize(self) -> Path:
        """Write the bundle (atomically, never over an existing one) and return its folder."""
        self._check_open()
        self._finalized = True
        tmp = temp_dir(self.dest)
        try:
            manifest = self._build(tmp)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        final = publish_dir(tmp, self.dest, self.if_exists)
        zip_path = self._zip(final) if self.zip else None
        self.path = final
        self.result = ReportResult(final, zip_path, manifest)
        return final

    # -- the bundle ---------------------------------------------------------------------------------

    def _build(self, tmp: Path) -> dict[str, Any]:
        renderer, own = self.renderer, False
        if renderer is None and self._charts and any(f in IMAGE_FORMATS for f in self.formats):
            renderer, own = ImageRenderer(), True
            renderer.start(wait=False)  # Chromium starts while the tables are written
        try:
            return self._build_with(tmp, renderer)
        finally:
            if own and renderer is not None:
                renderer.close()

    def _build_with(self, tmp: Path, renderer: ImageRenderer | None) -> dict[str, Any]:
        book, spec = self.book, self.spec
        view = apply(book, spec)
        description = spec.describe(book)
        created = datetime.now(UTC).replace(microsecond=0).isoformat()
        cited = {k for c in self._charts if isinstance(c, ChartSpec) for k in CHARTS[c.name].cites}
        cited |= {t.name for t in self._tables if t.name in ("claims", "events")}
        cites = citation_table(view, sorted(cited))
        refs = dict(zip(cites["row_id"].astype(str), cites["ref"].astype(str), strict=True))
        cites_path = tmp / "citations.csv"
        with CsvExporter(cites_path, if_exists="error") as csv:
            csv.write(cites)
        tables, table_records, notes = self._tables_part(tmp, view, description, refs)
        for fmt in (f for f in ONWARD_FORMATS if f in self.formats):  # the next tool's formats, under onward/
            write_onward(view, fmt, tmp / "onward" / ONWARD_FILES[fmt], self.title)
        charts, chart_records = self._charts_part(tmp, view, description, cites, renderer)
        counts = {
            n: (len(view.table(n)), len(book.table(n))) for n in ("documents", "claims", "events", "entities", "places")
        }
        content = ReportContent(
            title=self.title,
            created=created,
            version=package_versions().get("workbook") or "unknown",
            schema_version=SCHEMA_VERSION,
            filter_description=description,
            counts=counts,
            charts=charts,
            tables=tables,
            citations=cites,
            documents=view.documents,
            log=self.log,
            max_rows=self.max_rows,
            max_citations=self.max_citations,
            notes=notes,
        )
        if "html" in self.formats:
            (tmp / "report.html").write_text(render_html(content), encoding="utf-8")
        if "md" in self.formats:
            (tmp / "report.md").write_text(render_markdown(content), encoding="utf-8")
        manifest = self._manifest(tmp, view, created, description, chart_records, table_records, cites, notes)
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        return manifest

    def _charts_part(
        self, tmp: Path, view: Book, description: str, cites: pd.DataFrame, renderer: ImageRenderer | None
    ) -> tuple[list[ChartPart], list[dict[str, Any]]]:
        parts, records = [], []
        images = [f for f in self.formats if f in IMAGE_FORMATS]
        figures: list[tuple[go.Figure, str, dict[str, Any]]] = []
        cache = ChartCache(view)  # the charts of one view share the coding of its mentions, as in the explorer
        for item in self._charts:
            if isinstance(item, ChartSpec):  # drawn as the explorer draws it (the chart catalogue)
                kind = CHARTS[item.name]
                options = chart_options(item.name, item.options)
                fig = draw_chart(
                    view, item.name, item.options, cache=cache, names=self.book.entities, launches=self.launches
                )
                label = kind.label
                record = {
                    "name": item.name,
                    "options": json.loads(json.dumps(options, default=str)),
                    "caption": item.caption,
                    "reproducible": True,
                    "cites": list(kind.cites),
                }
            else:
                fig, label = item, _fig_label(item)
                record = {"name": "figure", "options": {}, "caption": "", "reproducible": False, "cites": []}
            figures.append((fig, label, record))
        for i, (fig, label, record) in enumerate(figures, 1):
            meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
            notes = [str(n) for n in meta.get("notes", [])]
            if self.launches is not None and record["name"] in CHARTS and CHARTS[record["name"]].launch_layer:
                notes.append(
                    f"With {len(self.launches):,} launches (nagix) in the filter's dates as a layer of "
                    "their own; the manifest does not hold them."
                )
            files = {}
            for fmt in images:
                rel = f"charts/{i:02d}-{safe_filename(record['name'])}.{fmt}"
                (tmp / "charts").mkdir(exist_ok=True)
                (tmp / rel).write_bytes(self._image(renderer, fig, fmt))
                files[fmt] = rel
            caption = self._chart_caption(i, label, record, description, notes, cites)
            parts.append(ChartPart(i, label, fig, caption, files))
            records.append({**record, "notes": notes, "files": files})
        return parts, records

    @staticmethod
    def _image(renderer: ImageRenderer | None, fig: go.Figure, fmt: str) -> bytes:
        if renderer is None:  # pragma: no cover - _build starts one whenever images are asked for
            raise ExportError("No image renderer is running.")
        return renderer.render(fig, fmt)

    @staticmethod
    def _chart_caption(
        i: int, label: str, record: Mapping[str, Any], description: str, notes: list[str], cites: pd.DataFrame
    ) -> str:
        bits = [f"Figure {i}. {label}."]
        if record["caption"]:
            bits.append(str(record["caption"]))
        bits.append(f"Filter: {description}.")
        for kind, word in (("events", "event"), ("claims", "claim")):
            if kind in record["cites"]:
                refs = cites.loc[cites["kind"] == word, "ref"].astype(str).tolist()
                bits.append(
                    f"Sources: {len(refs):,} {kind}, cited as {refs[0]}–{refs[-1]}." if refs else f"No {kind} in view."
                )
        if not record["reproducible"]:
            bits.append("(A figure made outside the report; the manifest cannot rebuild it.)")
        bits += notes
        return " ".join(bits)

    def _tables_part(
        self, tmp: Path, view: Book, description: str, refs: Mapping[str, str]
    ) -> tuple[list[TablePart], list[dict[str, Any]], list[str]]:
        parts, records = [], []
        xlsx = XlsxExporter(tmp / "tables" / "tables.xlsx", if_exists="error") if "xlsx" in self.formats else None
        for i, t in enumerate(self._tables, 1):
            data = table_data(view, t)
            stem = f"tables/{i:02d}-{safe_filename(t.name)}"
            files = {}
            for fmt in (f for f in _TABLE_FORMATS if f in self.formats):
                exporter = (
                    CsvExporter(tmp / f"{stem}.csv", if_exists="error")
                    if fmt == "csv"
                    else ParquetExporter(tmp / f"{stem}.parquet", if_exists="error")
                )
                exporter.write(data)
                exporter.finalize()
                files[fmt] = f"{stem}.{fmt}"
            if xlsx is not None:
                xlsx.write(data, sheet=f"{i:02d}-{t.name}")
                files["xlsx"] = "tables/tables.xlsx"
            key = list(table(t.name).key)
            ids = row_ids(view.table(t.name), key)
            display = self._display(view, t, refs)
            caption = f"{t.caption + ' ' if t.caption else ''}{len(data):,} rows. Filter: {description}."
            if COLUMN_LABELS["ref"] in display.columns:
                caption += f" The {COLUMN_LABELS['ref']} column links each row to its citation."
            if self.max_rows is not None and len(data) > self.max_rows and files:
                caption += f" The full table is in {', '.join(sorted(files.values()))}."
            parts.append(TablePart(i, t.name, caption, display, len(data), files))
            records.append(
                {
                    "name": t.name,
                    "columns": list(data.columns),
                    "caption": t.caption,
                    "key": key,
                    "n_rows": len(data),
                    "ids_sha256": ids_digest(ids),
                    "files": files,
                }
            )
        notes: list[str] = []
        if xlsx is not None and self._tables:
            xlsx.finalize()
            notes = [f"tables.xlsx: {n}" for n in xlsx.notes]
        return parts, records, notes

    @staticmethod
    def _display(view: Book, t: TableSpec, refs: Mapping[str, str]) -> pd.DataFrame:
        df = view.table(t.name)
        cols = list(t.columns) if t.columns is not None else list(DISPLAY_COLUMNS[t.name])
        out = df[cols].reset_index(drop=True)
        if t.name in ("claims", "events"):
            key = "claim_id" if t.name == "claims" else "event_id"
            out.insert(0, "ref", [refs.get(str(k), "") for k in df[key]])
        return readable_table(out, view.documents)

    def _manifest(
        self,
        tmp: Path,
        view: Book,
        created: str,
        description: str,
        charts: list[dict[str, Any]],
        tables: list[dict[str, Any]],
        cites: pd.DataFrame,
        notes: list[str],
    ) -> dict[str, Any]:
        return {
            "kind": MANIFEST_KIND,
            "manifest_version": MANIFEST_VERSION,
            "title": self.title,
            "created": created,
            "schema_version": SCHEMA_VERSION,
            "packages": package_versions(),
            "filter": {
                "spec": self.spec.to_dict(),
                "description": description,
                "is_empty": self.spec.is_empty,
                "saved_views": self.saved_views,
            },
            "filter_log": self.log,
            "workspace": workspace_info(self.book, self.out_dir),
            "documents": manifest_documents(view.documents),
            "charts": charts,
            "tables": tables,
            "citations": {
                "n_claims": int((cites["kind"] == "claim").sum()),
                "n_events": int((cites["kind"] == "event").sum()),
                "file": "citations.csv",
            },
            "formats": list(self.formats),
            "files": manifest_files(tmp),
            "view_counts": {n: len(view.table(n)) for n in REPORT_TABLES},
            "notes": notes,
        }

    def _zip(self, folder: Path) -> Path:
        dest = folder.with_name(folder.name + ".zip")
        tmp = temp_file(dest)
        try:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for f in iter_files(folder):
                    zf.write(f, safe_member_name(f"{folder.name}/{f.relative_to(folder).as_posix()}"))
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return publish_file(tmp, dest, self.if_exists)


def export_report(
    book: Book,
    spec: FilterSpec | None = None,
    *,
    charts: Sequence[str | ChartSpec | go.Figure] = DEFAULT_REPORT_CHARTS,
    tables: Sequence[str | TableSpec] = ("claims",),
    title: str | None = None,
    log: Any = None,
    out: str | Path = "exports",
    formats: Sequence[str] | str = DEFAULT_FORMATS,
    zip: bool = False,
    renderer: ImageRenderer | None = None,
    max_rows: int | None = 500,
    max_citations: int | None = 2000,
    if_exists: IfExists = "suffix",
    saved_views: Sequence[str] = (),
    launches: pd.DataFrame | None = None,
) -> ReportResult:
    """Write a report bundle of ``book`` filtered by ``spec`` into ``out`` (see the module docstring).

    ``book`` is the *unfiltered* Book (the bundle records the filter and reproduces it); ``log`` the filter
    log (``explorer.log``); without a ``title`` (or with "Report") the report is titled after the filter.
    ``formats`` picks from :data:`REPORT_FORMATS` (PNG/SVG/PDF need kaleido and
    Chromium; pass a running :class:`~workbook.export.figures.ImageRenderer` to reuse one). ``max_rows`` and
    ``max_citations`` limit what the pages list (the data files and ``citations.csv`` hold everything).
    ``zip=True`` also writes ``<bundle>.zip``. ``saved_views`` names the saved views the filter is (see
    :mod:`workbook.curation.saved_views`), recorded in the manifest. ``charts`` are names of the chart
    catalogue (:mod:`workbook.charts.catalog`; the builders' names are accepted too), :class:`ChartSpec` or
    Figures; a named chart is drawn as the explorer draws it, with its options over the catalogue's defaults.
    ``launches`` (the table of ``workbook.tables.load_dataset("nagix-launches", ...)``) are drawn as a layer
    on the timeline and the map, within the spec's event dates, as the explorer draws them. Returns a
    :class:`ReportResult`; never overwrites.
    """
    exporter = ReportExporter(
        out,
        book,
        spec,
        title=title,
        log=log,
        formats=formats,
        zip=zip,
        renderer=renderer,
        max_rows=max_rows,
        max_citations=max_citations,
        if_exists=if_exists,
        saved_views=saved_views,
        launches=launches,
    )
    for c in charts:
        exporter.write(chart_spec(c))
    for t in tables:
        exporter.write(table_spec(t))
    exporter.finalize()
    if exporter.result is None:  # pragma: no cover - finalize() always sets it
        raise ExportError("The report exporter finished without a result.")
    return exporter.result
