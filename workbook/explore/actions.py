"""What the explorer's export bar, launch layer and annotation panel decide, as plain functions.

The widgets (:mod:`workbook.widgets.integrations`) only turn clicks into calls of these functions and
redraw. Everything here is plain Python over a Book, a FilterSpec and DataFrames (the writes go through
:mod:`workbook.curation.annotations`, the report through :func:`workbook.export.export_report`).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbook.book import Book
from workbook.charts.catalog import CATALOG, chart_options
from workbook.errors import AnnotationError, WorkbookError
from workbook.tables.layers import launches_in_window

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from workbook.export.report import ReportResult
    from workbook.export.specs import ChartSpec
    from workbook.filtering import FilterSpec

__all__ = [
    "ANNOTATION_ACTIONS",
    "DEFAULT_EXPORT_FORMATS",
    "EXPORT_FORMATS",
    "LAYER_VIEWS",
    "NO_WORKSPACE",
    "annotate",
    "annotation_html",
    "annotation_target",
    "export_status_html",
    "launches_in_window",
    "layer_key",
    "report_charts",
    "report_link",
    "run_export",
    "summary_of",
    "with_launch_layer",
]

# -- export ------------------------------------------------------------------------------------------

#: The formats the export bar offers (PNG needs kaleido and Chromium; timelinejs, gexf and geojson are the
#: events, network and places for the next tool) and those chosen at first.
EXPORT_FORMATS: tuple[str, ...] = ("html", "md", "csv", "xlsx", "parquet", "png", "timelinejs", "gexf", "geojson")
DEFAULT_EXPORT_FORMATS: tuple[str, ...] = ("html", "md", "csv", "xlsx")


def report_charts(views: Sequence[str], view_options: Mapping[str, Mapping[str, Any]] | None = None) -> list[ChartSpec]:
    """The report charts of the explorer's ``views``, in their order: each view's chart of the catalogue
    with the options it is drawn with on screen (the catalogue's defaults updated by ``view_options``)."""
    from workbook.export.specs import ChartSpec

    opts = view_options or {}
    return [ChartSpec(v, chart_options(v, opts.get(v))) for v in dict.fromkeys(views) if v in CATALOG]


def run_export(
    book: Book,
    spec: FilterSpec,
    *,
    log: Any,
    views: Sequence[str],
    title: str,
    formats: Sequence[str],
    out: str | Path,
    view_options: Mapping[str, Mapping[str, Any]] | None = None,
    launches: pd.DataFrame | None = None,
) -> ReportResult:
    """Write the report bundle of what the explorer shows: ``book`` (unfiltered) under ``spec``, the charts
    of ``views`` drawn as on screen (with ``view_options`` and the ``launches`` layer), the claims table,
    the filter ``log``; see :func:`workbook.export.export_report`."""
    from workbook.curation.saved_views import matching_views
    from workbook.export import export_report

    return export_report(
        book,
        spec,
        log=log,
        charts=report_charts(views, view_options),
        tables=["claims"],
        title=title.strip() or None,
        formats=list(formats),
        out=out,
        saved_views=matching_views(book, spec),
        launches=launches,
    )


def report_link(path: str | Path, cwd: str | Path | None = None) -> str:
    """The href that opens ``path`` from a notebook page: relative to the kernel's working folder (the
    notebook's folder, which is where JupyterLab resolves a relative link: it opens the file in the lab),
    else a ``file:`` URI."""
    target = Path(path).resolve()
    try:
        return target.relative_to(Path(cwd or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return target.as_uri()


def export_status_html(
    path: str | Path | None = None, error: str | None = None, *, busy: Sequence[str] = (), cwd: str | Path | None = None
) -> str:
    """One escaped HTML line: that an export is running (``busy``: its formats), where the bundle was
    written (its full path, with links to the report page and the folder), or why it was not."""
    if error is not None:
        return f'<span style="color:#b00020">Export failed: {html.escape(error)}</span>'
    if busy:
        slow = " (charts as images take 10 s or more)" if set(busy) & {"png", "svg", "pdf"} else ""
        return (
            f'<span class="wb-busy" style="color:#555">⏳ Exporting {html.escape(", ".join(busy))}…'
            f"{html.escape(slow)}</span>"
        )
    if path is None:
        return ""
    folder = Path(path).resolve()
    links = []
    for target, label in ((folder / "report.html", "open report.html"), (folder, "the folder")):
        if target == folder or target.exists():
            href = html.escape(report_link(target, cwd), quote=True)
            links.append(f'<a href="{href}" target="_blank" rel="noopener noreferrer">{label}</a>')
    return f"✓ Report written to <span class='wb-path'>{html.escape(str(folder))}</span> · " + " · ".join(links)


# -- launch layer ------------------------------------------------------------------------------------

#: The views that take the launches as a layer of their own (the catalogue's ``launch_layer``).
LAYER_VIEWS: tuple[str, ...] = tuple(k.name for k in CATALOG.values() if k.launch_layer)


def layer_key(
    view: str, launches: pd.DataFrame | None, date_from: date | None, date_to: date | None
) -> tuple[str, ...]:
    """What ``view``'s launch layer depends on, to add to its ``view_key`` (empty without a layer)."""
    if launches is None or view not in LAYER_VIEWS:
        return ()
    return ("launches", str(date_from), str(date_to))


def with_launch_layer(fig: go.Figure, view: str, launches: pd.DataFrame | None) -> go.Figure:
    """``fig`` of ``view`` with ``launches`` as their own layer (timeline and map; other views unchanged);
    :func:`~workbook.explore.state.build_view` with ``launches=`` draws a view with its layer at once."""
    if launches is None or view not in LAYER_VIEWS:
        return fig
    from workbook.tables.layers import add_launch_layer

    return add_launch_layer(fig, launches)


# -- annotations -------------------------------------------------------------------------------------

#: What the annotation panel can do to its row.
ANNOTATION_ACTIONS: tuple[str, ...] = ("star", "tag", "note", "status")
NO_WORKSPACE = "annotations need a built workspace"
#: The annotation target kind of a row of each explorer table (a mention is annotated through its entity).
_TARGETS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "claims": ("claim", "claim_id"),
        "events": ("event", "event_id"),
        "documents": ("document", "doc_id"),
    }
)


def annotation_target(book: Book, table: str, row_id: str) -> tuple[str, str] | None:
    """(target kind, id) annotated for the selected ``row_id`` of explorer table ``table``: the claim, event
    or document itself, a mention's entity; None when nothing is selected or the row is unknown."""
    if not row_id:
        return None
    if table in _TARGETS:
        kind, col = _TARGETS[table]
        return (kind, row_id) if (book.table(table)[col].astype(str) == row_id).any() else None
    if table == "mentions":
        m = book.mentions
        hit = m.loc[m["mention_id"].astype(str) == row_id, "entity_id"].dropna()
        return ("entity", str(hit.iloc[0])) if len(hit) else None
    return None


def annotation_html(target: tuple[str, str] | None, summary: Mapping[str, Any] | None = None, message: str = "") -> str:
    """The escaped HTML of the annotation panel: the target, its status, star, tags and notes (a row of
    :func:`workbook.curation.views.annotation_summary`), then ``message``."""
    esc = html.escape
    if target is None:
        body = '<span style="color:#666">Select a claim, event, document or mention to annotate it.</span>'
    else:
        kind, tid = target
        lines = [f"<b>{esc(kind)}</b> <span class='wb-id'>{esc(tid)}</span>"]
        if summary is not None:
            if kind == "claim":
                lines.append(f"status: <b>{esc(str(summary.get('status')))}</b>")
            tags = ", ".join(esc(str(t)) for t in summary.get("tags") or []) or "none"
            star = "★ starred" if summary.get("starred") else "☆ not starred"
            lines.append(f"{star} · tags: {tags}")
            lines += [f"note: {esc(str(n))}" for n in summary.get("notes") or []]
        body = "<br>".join(lines)
    if message:
        body += f'<div style="color:#b00020">{esc(message)}</div>'
    return f'<div class="wb-annotations">{body}</div>'


def annotate(book: Book, target: tuple[str, str], action: str, value: Any) -> Book:
    """Write one annotation of ``target`` (``star`` with value on/off, ``tag``, ``note``, ``status`` of a
    claim) to ``book``'s workspace; returns the Book with its annotations read again.

    Raises :class:`~workbook.errors.AnnotationError` without a workspace or for an unknown action."""
    from workbook.curation.annotations import note, refresh_annotations, set_status, star, tag

    if book.workspace is None:
        raise AnnotationError(f"{NO_WORKSPACE}: this Book was not opened from one.")
    kind, tid = target
    if action == "star":
        star(book, kind, tid, on=bool(value))
    elif action == "tag":
        tag(book, kind, tid, str(value))
    elif action == "note":
        note(book, kind, tid, str(value))
    elif action == "status":
        if kind != "claim":
            raise AnnotationError(f"only claims have a status, not a {kind}.")
        set_status(book, tid, str(value))
    else:
        raise AnnotationError(f"unknown annotation action {action!r}; use one of {list(ANNOTATION_ACTIONS)}.")
    return refresh_annotations(book)


def summary_of(book: Book, target: tuple[str, str] | None) -> dict[str, Any] | None:
    """The :func:`~workbook.curation.views.annotation_summary` row of ``target`` as a dict (None for none)."""
    if target is None:
        return None
    from workbook.curation.views import annotation_summary

    try:
        rows = annotation_summary(book, target[0], [target[1]])
    except WorkbookError:
        return None
    return {str(k): v for k, v in rows.iloc[0].items()} if len(rows) else None
