"""Launches as their own layer on the charts of :mod:`workbook.charts`, beside the document events.

:func:`add_launch_layer` takes a figure made by :func:`workbook.charts.timeline` or
:func:`workbook.charts.place_map` (it reads ``layout.meta["chart"]``) and returns a copy with the
launches added; the input figure is left as it was. It only adds traces (and widens the axes to show
them), so it works whatever the chart builders draw.

* timeline: one triangle per Korea-time day and facility in a lane of its own ("launches"), at the day
  KCNA would name (``date_kst``: UTC + 9 h, see :func:`workbook.tables.adapters.kst_date`). In an
  aggregated timeline (counts per bin) the triangles sit on the zero line. ``customdata`` of a mark is
  ``[first launch_id, "launch", facility, n_missiles]``. Launches outside the figure's dates (padded by
  ``pad_days``) are left out unless ``clip=False``;
* place map: one triangle per launch facility, sized by its number of launches, ``customdata =
  [facility key, "launch_facility"]``; the map's view is widened to show them.

Trace ``meta`` is ``{"layer": "launches", ...}`` so that the explorer can find and toggle the layer.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workbook.errors import ChartError
from workbook.extract.nagix import NAGIX_UNCERTAINTY_KM

__all__ = [
    "LAUNCH_COLOR",
    "LAUNCH_LANE",
    "add_launch_layer",
    "add_launch_map_layer",
    "add_launch_timeline_layer",
    "launches_in_window",
]

LAUNCH_COLOR = "#8b0000"
LAUNCH_LANE = "launches (nagix, Korea time)"
_REQUIRED = ("launch_id", "date_kst", "facility", "facility_name", "lat", "lon", "missile_name")


def _check(launches: pd.DataFrame) -> None:
    missing = [c for c in _REQUIRED if c not in launches.columns]
    if missing:
        raise ChartError(
            f"The launches table lacks {missing}; give the table of workbook.tables.adapters.load_nagix_launches."
        )


def _esc(text: Any) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _figure_days(fig: go.Figure) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last day drawn by the figure's traces (x values and bar bases that are dates)."""
    values: list[str] = []
    for tr in fig.data:
        if (tr.meta or {}).get("layer") == "launches" if isinstance(tr.meta, dict) else False:
            continue
        for attr in ("x", "base"):  # a bar's x is a duration in ms; only date strings count
            v = getattr(tr, attr, None)
            if v is not None and not isinstance(v, int | float | str):
                values.extend(x for x in v if isinstance(x, str))
    days = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce", format="ISO8601").dropna()
    if days.empty:
        return None
    return days.min().normalize(), days.max().normalize()


def _by_day(launches: pd.DataFrame) -> pd.DataFrame:
    df = launches.dropna(subset=["date_kst"]).copy()
    df["day"] = pd.to_datetime(df["date_kst"]).dt.normalize()
    agg = df.groupby(["day", "facility"], observed=True, sort=True).agg(
        launch_id=("launch_id", "first"),
        n=("launch_id", "size"),
        facility_name=("facility_name", "first"),
        missiles=("missile_name", lambda s: ", ".join(dict.fromkeys(str(x) for x in s))),
        exact=("date_kst_exact", "all") if "date_kst_exact" in df.columns else ("launch_id", lambda s: True),
        utc=("datetime_utc", "min") if "datetime_utc" in df.columns else ("day", "min"),
    )
    return agg.reset_index()


def add_launch_timeline_layer(
    fig: go.Figure, launches: pd.DataFrame, *, clip: bool = True, pad_days: int = 30, lane: str = LAUNCH_LANE
) -> go.Figure:
    """A copy of the timeline ``fig`` with the launches in their own lane (see the module docs)."""
    _check(launches)
    out = go.Figure(fig)
    marks = _by_day(launches)
    span = _figure_days(out) if clip else None
    if span is not None:
        lo, hi = span[0] - pd.Timedelta(days=pad_days), span[1] + pd.Timedelta(days=pad_days)
        marks = marks[(marks["day"] >= lo) & (marks["day"] <= hi)]
    meta = dict(out.layout.meta or {})
    aggregated = bool(meta.get("aggregated"))
    recs = marks.to_dict("records")
    hover = [
        f"<b>launch: {_esc(r['missiles'])}</b><br>{r['day']:%Y-%m-%d} Korea time"
        + ("" if r["exact"] else " (time unknown: the UTC day)")
        + (f" · {r['utc']:%Y-%m-%d %H:%M} UTC" if r["exact"] and pd.notna(r["utc"]) else "")
        + f"<br>{_esc(r['facility_name'])} · {r['n']} missile(s)"
        for r in recs
    ]
    y: list[Any] = [0] * len(marks) if aggregated else [lane] * len(marks)
    out.add_trace(
        go.Scatter(
            x=[f"{d:%Y-%m-%d}" for d in marks["day"]],
            y=y,
            mode="markers",
            name=lane,
            marker={
                "symbol": "triangle-up",
                "size": [9 + min(int(n), 12) for n in marks["n"]],
                "color": LAUNCH_COLOR,
                "line": {"color": "white", "width": 1},
            },
            customdata=[[r["launch_id"], "launch", r["facility"], int(r["n"])] for r in recs],
            hovertext=hover,
            hoverinfo="text",
            hoverlabel={"align": "left"},
            meta={"layer": "launches", "marks": "launch", "n_launches": int(marks["n"].sum())},
        )
    )
    if not aggregated:
        cats = list(out.layout.yaxis.categoryarray or [])
        if lane not in cats:
            cats.append(lane)  # the category array runs bottom to top: the launches lane is on top
        out.update_yaxes(type="category", categoryorder="array", categoryarray=cats, visible=True)
        if out.layout.height:
            out.update_layout(height=int(out.layout.height) + 36)
    out.update_xaxes(type="date", visible=True)
    meta.setdefault("layers", [])
    layer = {"layer": "launches", "n_marks": len(marks), "n_launches": int(marks["n"].sum())}
    meta["layers"] = [*meta["layers"], layer]
    out.update_layout(meta=meta)
    return out


def add_launch_map_layer(
    fig: go.Figure, launches: pd.DataFrame, *, since: Any = None, name: str = "launch facilities (nagix)"
) -> go.Figure:
    """A copy of the place map ``fig`` with each launch facility (of launches on or after ``since``, a
    date, when given) as a triangle sized by its launches (see the module docs)."""
    _check(launches)
    df = launches.dropna(subset=["lat", "lon"])
    if since is not None:
        df = df[pd.to_datetime(df["date_kst"]) >= pd.Timestamp(since)]
    fac = (
        df.groupby("facility", observed=True)
        .agg(
            name=("facility_name", "first"),
            lat=("lat", "first"),
            lon=("lon", "first"),
            n=("launch_id", "size"),
            first=("date_kst", "min"),
            last=("date_kst", "max"),
            missiles=("missile_name", lambda s: ", ".join(list(dict.fromkeys(str(x) for x in s))[:6])),
        )
        .reset_index()
    )
    out = go.Figure(fig)
    hover = [
        f"<b>{_esc(r['name'])}</b> (launch facility)<br>{r['lat']:.4f}, {r['lon']:.4f}"
        f" ± {NAGIX_UNCERTAINTY_KM:g} km (nagix)"
        f"<br>{r['n']} launch(es), {r['first']:%Y-%m-%d} – {r['last']:%Y-%m-%d}"
        f"<br>{_esc(r['missiles'])}"
        for r in fac.to_dict("records")
    ]
    out.add_trace(
        go.Scattergeo(
            lat=fac["lat"].round(5).tolist(),
            lon=fac["lon"].round(5).tolist(),
            mode="markers",
            name=name,
            marker={
                "symbol": "triangle-up",
                "size": (8 + 3 * np.log2(1 + fac["n"].to_numpy())).round(1).tolist(),
                "color": LAUNCH_COLOR,
                "line": {"color": "white", "width": 1},
            },
            customdata=[[k, "launch_facility"] for k in fac["facility"]],
            hovertext=hover,
            hoverinfo="text",
            meta={"layer": "launches", "marks": "launch_facilities", "n_facilities": len(fac)},
        )
    )
    meta = dict(out.layout.meta or {})
    geo = out.layout.geo
    if len(fac):
        lon_r, lat_r = list(geo.lonaxis.range or []), list(geo.lataxis.range or [])
        lons, lats = fac["lon"].to_numpy(float), fac["lat"].to_numpy(float)
        if len(lon_r) == 2 and len(lat_r) == 2:
            lon_span = [min(lon_r[0], lons.min() - 0.5), max(lon_r[1], lons.max() + 0.5)]
            lat_span = [min(lat_r[0], lats.min() - 0.5), max(lat_r[1], lats.max() + 0.5)]
            out.update_geos(lonaxis_range=lon_span, lataxis_range=lat_span)
        elif meta.get("empty"):
            lon_span, lat_span = [lons.min() - 2, lons.max() + 2], [lats.min() - 2, lats.max() + 2]
            out.update_geos(
                scope="asia",
                resolution=50,
                showland=True,
                showcountries=True,
                lonaxis_range=lon_span,
                lataxis_range=lat_span,
            )
    meta["layers"] = [*meta.get("layers", []), {"layer": "launches", "n_facilities": len(fac)}]
    out.update_layout(meta=meta)
    return out


def add_launch_layer(fig: go.Figure, launches: pd.DataFrame, **options: Any) -> go.Figure:
    """A copy of ``fig`` (a timeline or a place map from :mod:`workbook.charts`) with the launches as a
    layer of their own; ``options`` go to :func:`add_launch_timeline_layer` or :func:`add_launch_map_layer`."""
    chart = (fig.layout.meta or {}).get("chart") if isinstance(fig.layout.meta, dict) else None
    if chart == "timeline":
        return add_launch_timeline_layer(fig, launches, **options)
    if chart == "place_map":
        return add_launch_map_layer(fig, launches, **options)
    raise ChartError(f"add_launch_layer takes a timeline or a place map; this figure's chart is {chart!r}.")


def launches_in_window(
    launches: pd.DataFrame, date_from: date | None = None, date_to: date | None = None
) -> pd.DataFrame:
    """The launches whose Korea-time day (``date_kst``) lies in [date_from, date_to] (open ends: no bound):
    those the explorer and a report draw for a filter's event dates."""
    if date_from is None and date_to is None:
        return launches
    days = pd.to_datetime(launches["date_kst"], errors="coerce").dt.normalize()
    keep = days.notna()
    if date_from is not None:
        keep &= days >= pd.Timestamp(date_from)
    if date_to is not None:
        keep &= days <= pd.Timestamp(date_to)
    return launches.loc[keep.to_numpy()]
