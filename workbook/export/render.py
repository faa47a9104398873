"""The report's two faces: ``report.html`` (interactive charts, offline) and ``report.md`` (images or links).

Both are rendered from one :class:`ReportContent`. Every value that can come from a document, a title or
a filter is escaped here (``html.escape`` for HTML, :func:`~workbook.export.tables.md_escape` for
Markdown); document URLs become links only when they are ``http``/``https`` (never ``javascript:``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from workbook.export.citations import OPEN_CITATION_SCRIPT, anchor, citations_html, citations_markdown, safe_url
from workbook.export.figures import figure_script, figure_scripts, html_page
from workbook.export.readable import COLUMN_LABELS, counts_frame, readable_table
from workbook.export.tables import cell_text, html_table, markdown_table, md_escape

__all__ = ["ChartPart", "ReportContent", "TablePart", "render_html", "render_markdown"]


@dataclass
class ChartPart:
    """One chart of the report: its number, label, figure, caption (plain text) and files in the bundle."""

    index: int
    label: str
    figure: go.Figure
    caption: str
    files: dict[str, str] = field(default_factory=dict)


@dataclass
class TablePart:
    """One table of the report: what the report shows (``display``) and the files holding the data."""

    index: int
    name: str
    caption: str
    display: pd.DataFrame
    n_rows: int
    files: dict[str, str] = field(default_factory=dict)


@dataclass
class ReportContent:
    """Everything the report pages show."""

    title: str
    created: str
    version: str
    schema_version: str
    filter_description: str
    counts: dict[str, tuple[int, int]]
    charts: list[ChartPart]
    tables: list[TablePart]
    citations: pd.DataFrame
    documents: pd.DataFrame
    log: list[dict[str, Any]]
    max_rows: int | None
    max_citations: int | None
    notes: list[str] = field(default_factory=list)


def _counts_text(counts: dict[str, tuple[int, int]]) -> str:
    return ", ".join(f"{shown:,} of {total:,} {name}" for name, (shown, total) in counts.items())


def _sources_frame(documents: pd.DataFrame) -> pd.DataFrame:
    cols = ["doc_id", "title", "publisher", "published", "source", "url", "sha256", "n_chars"]
    return documents[[c for c in cols if c in documents.columns]].reset_index(drop=True)


def _log_frame(log: list[dict[str, Any]]) -> pd.DataFrame:
    rows = []
    for entry in log:
        changes = entry.get("changes") if isinstance(entry.get("changes"), dict) else {}
        summary = "; ".join(
            f"{k}: {cell_text(v[0] if isinstance(v, list) and v else '')} → "
            f"{cell_text(v[1] if isinstance(v, list) and len(v) > 1 else v)}"
            for k, v in (changes or {}).items()
        )
        rows.append(
            {"Time": cell_text(entry.get("time")), "Action": cell_text(entry.get("action")), "Changes": summary}
        )
    return pd.DataFrame(rows, columns=["Time", "Action", "Changes"])


def _url_links(documents: pd.DataFrame) -> str:
    items = []
    for row in documents.itertuples(index=False):
        url = safe_url(getattr(row, "url", None))
        if url:
            items.append(
                f'<li>{html.escape(cell_text(row.title))}: <a href="{html.escape(url, quote=True)}" '
                f'rel="noopener noreferrer nofollow">{html.escape(url)}</a></li>'
            )
    return f"<p>Links (http/https only; opening one goes online):</p><ul>{''.join(items)}</ul>" if items else ""


def render_html(c: ReportContent) -> str:
    """``report.html``: a self-contained page, charts interactive, nothing fetched from the network."""
    esc = html.escape
    toc = [f'<li><a href="#chart-{p.index}">Figure {p.index}. {esc(p.label)}</a></li>' for p in c.charts]
    toc += [f'<li><a href="#table-{p.index}">Table {p.index}. {esc(p.name.capitalize())}</a></li>' for p in c.tables]
    toc += [
        '<li><a href="#citations">Citations</a></li>',
        '<li><a href="#sources">Sources</a></li>',
        '<li><a href="#reproduce">Filter log and reproduction</a></li>',
    ]
    body = [
        f"<header><h1>{esc(c.title)}</h1>",
        f'<p class="wb-note">Created {esc(c.created)} with workbook {esc(c.version)} (data model '
        f"{esc(c.schema_version)}).</p></header>",
        '<section id="summary"><h2>Summary</h2>',
        f"<p><b>Filter:</b> {esc(c.filter_description)}</p>",
        html_table(counts_frame(c.counts)),
        f'<p class="wb-note">{len(c.charts)} figure(s) and {len(c.tables)} table(s) follow; the citations, the '
        "sources and the filter log close the report.</p>",
        *(f'<p class="wb-note">{esc(n)}</p>' for n in c.notes),
        f"<nav><ol>{''.join(toc)}</ol></nav></section>",
    ]
    scripts = []
    for p in c.charts:
        div = f"wb-fig-{p.index}"
        body.append(
            f'<section id="chart-{p.index}"><h2>Figure {p.index}. {esc(p.label)}</h2><figure>'
            f'<div id="{div}" class="wb-figure"></div><figcaption class="wb-caption">{esc(p.caption)}</figcaption>'
            "</figure></section>"
        )
        scripts.append(figure_script(p.figure, div))
    refs = dict(zip(c.citations["ref"].astype(str), (anchor(r) for r in c.citations["ref"].astype(str)), strict=True))
    for t in c.tables:
        body.append(
            f'<section id="table-{t.index}"><h2>Table {t.index}. {esc(t.name.capitalize())}</h2>'
            f'<p class="wb-caption">{esc(t.caption)}</p>'
            f"{html_table(t.display, c.max_rows, links={COLUMN_LABELS['ref']: refs})}</section>"
        )
    body.append(f'<section id="citations"><h2>Citations</h2>{citations_html(c.citations, c.max_citations)}</section>')
    body.append(
        f'<section id="sources"><h2>Sources</h2><p class="wb-caption">The documents in view, with the sha256 of '
        f"their text.</p>{html_table(readable_table(_sources_frame(c.documents)), c.max_rows)}"
        f"{_url_links(c.documents)}</section>"
    )
    log = _log_frame(c.log)
    log_html = html_table(log, c.max_rows) if len(log) else "<p>No filter log was given.</p>"
    body.append(
        f'<section id="reproduce"><h2>Filter log and reproduction</h2>{log_html}'
        "<p><code>manifest.json</code> holds the filter, the log, each source document's sha256 and the versions. "
        "Reproduce the tables with <code>workbook.open_report(&quot;path/to/this/folder&quot;)</code>.</p></section>"
    )
    heads = figure_scripts([p.figure for p in c.charts]) if c.charts else []
    scripts.append(OPEN_CITATION_SCRIPT)
    return html_page(c.title, "".join(body), heads, scripts)


def render_markdown(c: ReportContent) -> str:
    """``report.md``: charts as images (PNG or SVG when exported) or links to ``report.html``."""
    out = [
        f"# {md_escape(c.title)}",
        "",
        f"Created {md_escape(c.created)} with workbook {md_escape(c.version)} (data model "
        f"{md_escape(c.schema_version)}).",
        "",
        "## Summary",
        "",
        f"**Filter:** {md_escape(c.filter_description)}",
        "",
        markdown_table(counts_frame(c.counts)),
        "",
        f"In view: {md_escape(_counts_text(c.counts))}.",
        "",
    ]
    for n in c.notes:
        out += [f"*{md_escape(n)}*", ""]
    for p in c.charts:
        out += [f"## Figure {p.index}. {md_escape(p.label)}", ""]
        image = p.files.get("png") or p.files.get("svg")
        if image:
            out.append(f"![Figure {p.index}]({image})")
        else:
            out.append(f"Interactive chart: [report.html, figure {p.index}](report.html#chart-{p.index})")
        extra = [f"[{fmt.upper()}]({path})" for fmt, path in p.files.items() if path != image]
        if extra:
            out.append("Also as " + ", ".join(extra) + ".")
        out += ["", f"*{md_escape(p.caption)}*", ""]
    for t in c.tables:
        out += [
            f"## Table {t.index}. {md_escape(t.name.capitalize())}",
            "",
            md_escape(t.caption),
            "",
            markdown_table(t.display, c.max_rows),
            "",
        ]
        if t.files:
            out += ["Data: " + ", ".join(f"[{fmt.upper()}]({path})" for fmt, path in t.files.items()), ""]
    out += ["## Citations", "", citations_markdown(c.citations, c.max_citations), ""]
    out += [
        "## Sources",
        "",
        "The documents in view, with the sha256 of their text.",
        "",
        markdown_table(readable_table(_sources_frame(c.documents)), c.max_rows),
        "",
    ]
    log = _log_frame(c.log)
    log_md = markdown_table(log, c.max_rows) if len(log) else "No filter log was given."
    out += [
        "## Filter log and reproduction",
        "",
        log_md,
        "",
        "`manifest.json` holds the filter, the log, each source document's sha256 and the versions. "
        'Reproduce the tables with `workbook.open_report("path/to/this/folder")`.',
        "",
    ]
    return "\n".join(out)
