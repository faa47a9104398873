"""Onward exports: a Book (usually a filtered one) in the formats of the analyst's next tool.

- :func:`timelinejs_json`: TimelineJS 3 JSON (``{"title": ..., "events": [...]}``; every event a slide
  with ``start_date`` ``{year, month, day}``, only as precise as the date is known, an ``end_date`` for
  intervals and a ``display_date`` saying the date as the text knows it: "June 2018", "2018", "2010s").
  TimelineJS loads every slide into the page, so more than :data:`TIMELINEJS_MAX_EVENTS` dated events is a
  :class:`~workbook.errors.TooManyEventsError` saying how many there are (narrow the filter, or pass
  ``max_events=None`` to write them all) rather than a file the viewer cannot open.
- :func:`gexf_text`: the co-mention network as GEXF 1.2 (Gephi, networkx): one node per entity with its
  type and counts, one undirected edge per pair named in the same sentence, weighted by the sentences.
- :func:`places_geojson`: the places as a GeoJSON FeatureCollection (QGIS, Google Earth via conversion):
  a Point per place, with the uncertainty radius (``uncertainty_km``) and where the coordinates came from.
- :func:`export_onward` writes one of them to a file (atomically, never over an existing file);
  :func:`export_view_table` writes any table of a filtered Book to CSV or Parquet without a row cap.

Text that TimelineJS renders as HTML (headlines, slide text) is HTML-escaped; GEXF is written with an
XML serialiser; all JSON is strict (no NaN).
"""

from __future__ import annotations

import html
import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.book import TABLE_NAMES, Book
from workbook.errors import ExportError, TooManyEventsError
from workbook.export.base import IfExists, check_if_exists, publish_file, temp_file
from workbook.export.tables import export_table
from workbook.extract.date_words import MONTH_NAMES
from workbook.filtering import FilterSpec, apply

__all__ = [
    "ONWARD_FILES",
    "ONWARD_FORMATS",
    "TIMELINEJS_MAX_EVENTS",
    "export_onward",
    "export_view_table",
    "gexf_text",
    "places_geojson",
    "timelinejs_json",
    "write_onward",
]

#: The onward formats and the file each is written to in a report bundle.
ONWARD_FILES: Mapping[str, str] = {"timelinejs": "timeline.json", "gexf": "network.gexf", "geojson": "places.geojson"}
ONWARD_FORMATS: tuple[str, ...] = tuple(ONWARD_FILES)
#: The most dated events a TimelineJS export holds unless asked for more: TimelineJS builds every slide
#: in the page at once and pages through them one by one, so a few thousand already stall the browser.
TIMELINEJS_MAX_EVENTS = 2_000
_MONTHS = tuple(m.capitalize() for m in MONTH_NAMES)
_GEXF_NS = "http://www.gexf.net/1.2draft"


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    return str(value)


def _day(value: Any) -> date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _tl_date(d: date, precision: str) -> dict[str, int]:
    """A TimelineJS date object only as precise as ``precision``."""
    if precision in ("year", "decade"):
        return {"year": d.year}
    if precision == "month":
        return {"year": d.year, "month": d.month}
    return {"year": d.year, "month": d.month, "day": d.day}


def _display(start: date, end: date, precision: str) -> str:
    if precision == "decade":
        return f"{start.year // 10 * 10}s"
    if precision == "year":
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if precision == "month" and (start.year, start.month) == (end.year, end.month):
        return f"{_MONTHS[start.month - 1]} {start.year}"
    if start == end:
        return start.isoformat()
    return f"{start.isoformat()} – {end.isoformat()}"


def timelinejs_json(
    book: Book, title: str = "Timeline", max_events: int | None = TIMELINEJS_MAX_EVENTS
) -> dict[str, Any]:
    """The dated events of ``book`` as a TimelineJS 3 document (see the module docstring); undated events
    are left out. Each slide's ``unique_id`` is the event id; ``group`` is the date's precision.

    Raises :class:`~workbook.errors.TooManyEventsError` when there are more than ``max_events`` dated
    events (``None``: no cap)."""
    dated = int((book.events["date_start"].notna() | book.events["date_end"].notna()).sum())
    if max_events is not None and dated > max_events:
        raise TooManyEventsError(
            f"{dated:,} dated events are too many for one TimelineJS timeline (the cap is {max_events:,}): "
            "narrow the filter (a date window, an entity or a document); from Python, max_events=None writes them all."
        )
    docs: dict[str, dict[Any, Any]] = {str(d["doc_id"]): d for d in book.documents.to_dict("records")}
    events: list[dict[str, Any]] = []
    for r in book.events.itertuples(index=False):
        start, end = _day(r.date_start), _day(r.date_end)
        start = start or end
        end = end or start
        if start is None or end is None:
            continue
        precision = _text(r.precision) or "day"
        doc = docs.get(str(r.doc_id))
        doc_title = _text(doc["title"]) if doc is not None else ""
        publisher = _text(doc["publisher"]) if doc is not None else ""
        published = _day(doc["published"]) if doc is not None else None
        source = " · ".join(x for x in (doc_title, publisher, published.isoformat() if published else "") if x)
        slide: dict[str, Any] = {
            "unique_id": str(r.event_id),
            "start_date": {**_tl_date(start, precision), "display_date": _display(start, end, precision)},
            "display_date": _display(start, end, precision),
            "text": {
                "headline": html.escape(f"“{_text(r.text)}”" + (f" — {_text(r.kind)}" if _text(r.kind) else "")),
                "text": f"<p>{html.escape(_text(r.context))}</p><p><i>{html.escape(source)}</i></p>",
            },
            "group": precision,
        }
        if end != start or precision in ("month", "year", "decade"):
            end_precision = "day" if precision == "day" else precision
            slide["end_date"] = _tl_date(
                end if precision != "decade" else date(start.year // 10 * 10 + 9, 12, 31), end_precision
            )
        events.append(slide)
    return {
        "title": {"text": {"headline": html.escape(title), "text": f"{len(events):,} dated events"}},
        "events": events,
    }


def gexf_text(book: Book, level: str = "sentence") -> str:
    """The co-mention network of ``book`` as GEXF 1.2 XML text (see the module docstring)."""
    from workbook.charts.network import co_mention_edges

    ents = book.entities
    edges = co_mention_edges(book, level=level)
    root = ET.Element("gexf", {"xmlns": _GEXF_NS, "version": "1.2"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "workbook"
    ET.SubElement(meta, "description").text = f"Entities named in the same {level}; weight = shared {level}s."
    graph = ET.SubElement(root, "graph", {"mode": "static", "defaultedgetype": "undirected"})
    attrs = ET.SubElement(graph, "attributes", {"class": "node", "mode": "static"})
    for i, (name, kind) in enumerate((("type", "string"), ("n_mentions", "integer"), ("n_docs", "integer"))):
        ET.SubElement(attrs, "attribute", {"id": str(i), "title": name, "type": kind})
    nodes = ET.SubElement(graph, "nodes")
    for r in ents.itertuples(index=False):
        node = ET.SubElement(nodes, "node", {"id": str(r.entity_id), "label": _text(r.name)})
        values = ET.SubElement(node, "attvalues")
        for i, v in enumerate((_text(r.type), _count(r.n_mentions), _count(r.n_docs))):
            ET.SubElement(values, "attvalue", {"for": str(i), "value": str(v)})
    known = set(ents["entity_id"].astype(str))
    out_edges = ET.SubElement(graph, "edges")
    for i, e in enumerate(edges.itertuples(index=False)):
        if str(e.a) in known and str(e.b) in known:
            ET.SubElement(
                out_edges,
                "edge",
                {"id": str(i), "source": str(e.a), "target": str(e.b), "weight": str(_count(e.weight))},
            )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _count(value: Any) -> int:
    return int(value)


def _number(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def places_geojson(book: Book) -> dict[str, Any]:
    """The places of ``book`` as a GeoJSON FeatureCollection (places without finite coordinates are left
    out). Properties: entity id, name, type, ``uncertainty_km``, ``coord_source``, ``source_name``,
    ``admin_area`` and the entity's mentions in the Book."""
    ents: dict[str, dict[Any, Any]] = {str(e["entity_id"]): e for e in book.entities.to_dict("records")}
    features = []
    for r in book.places.itertuples(index=False):
        lon, lat = _number(r.lon), _number(r.lat)
        if lon is None or lat is None:
            continue
        ent = ents.get(str(r.entity_id))
        features.append(
            {
                "type": "Feature",
                "id": str(r.entity_id),
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "entity_id": str(r.entity_id),
                    "name": _text(ent["name"]) if ent is not None else "",
                    "type": _text(ent["type"]) if ent is not None else "",
                    "uncertainty_km": _number(r.uncertainty_km),
                    "coord_source": _text(r.coord_source),
                    "source_name": _text(r.source_name),
                    "admin_area": _text(r.admin_area) or None,
                    "n_mentions": int(ent["n_mentions"]) if ent is not None else 0,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_onward(
    book: Book, fmt: str, path: Path, title: str = "Timeline", max_events: int | None = TIMELINEJS_MAX_EVENTS
) -> None:
    """Write format ``fmt`` of ``book`` to ``path`` directly (for a bundle being assembled in a temp folder);
    ``max_events`` caps a TimelineJS file (see :func:`timelinejs_json`)."""
    if fmt == "timelinejs":
        text = json.dumps(timelinejs_json(book, title, max_events), ensure_ascii=False, allow_nan=False, indent=1)
    elif fmt == "geojson":
        text = json.dumps(places_geojson(book), ensure_ascii=False, allow_nan=False, indent=1)
    elif fmt == "gexf":
        text = gexf_text(book)
    else:
        raise ExportError(f"Unknown onward format {fmt!r}; use one of {', '.join(ONWARD_FORMATS)}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def export_onward(
    book: Book,
    fmt: str,
    path: str | Path,
    spec: FilterSpec | None = None,
    *,
    title: str = "Timeline",
    if_exists: IfExists = "suffix",
    max_events: int | None = TIMELINEJS_MAX_EVENTS,
) -> Path:
    """Write ``book`` (narrowed to ``spec`` when given) as ``fmt`` (``timelinejs``, ``gexf`` or ``geojson``)
    to ``path``, atomically and never over an existing file; returns the path written. ``max_events`` caps
    a TimelineJS file (:class:`~workbook.errors.TooManyEventsError` above it; ``None``: no cap)."""
    check_if_exists(if_exists)
    if fmt not in ONWARD_FORMATS:
        raise ExportError(f"Unknown onward format {fmt!r}; use one of {', '.join(ONWARD_FORMATS)}.")
    view = apply(book, spec) if spec is not None else book
    dest = Path(path)
    tmp = temp_file(dest)
    try:
        write_onward(view, fmt, tmp, title, max_events)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return publish_file(tmp, dest, if_exists)


def export_view_table(
    book: Book,
    table: str,
    path: str | Path,
    spec: FilterSpec | None = None,
    *,
    fmt: str | None = None,
    if_exists: IfExists = "suffix",
) -> Path:
    """Every row of table ``table`` of ``book`` narrowed to ``spec`` (no row cap), as CSV or Parquet
    (``fmt``, default from the suffix); returns the path written."""
    if table not in TABLE_NAMES:
        raise ExportError(f"Unknown table {table!r}; the tables are {', '.join(TABLE_NAMES)}.")
    key = (fmt or Path(path).suffix).lower().lstrip(".")
    if key not in ("csv", "parquet"):
        raise ExportError(f"export_view_table writes csv or parquet, not {key!r}.")
    view = apply(book, spec) if spec is not None else book
    return export_table(view.table(table), path, key, if_exists=if_exists)
