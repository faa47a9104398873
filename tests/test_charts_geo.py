"""The place map and its packaged, offline basemaps."""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from workbook.book import Book
from workbook.charts import geo
from workbook.charts.geo import (
    CIRCLE_VERTICES,
    MIN_SPAN_KM,
    TOPOJSON_NAMES,
    circle_polygons,
    geo_assets_script,
    place_map,
    required_topojson,
    topojson_dir,
)
from workbook.errors import ChartError
from workbook.ids import entity_id
from workbook.model import conform

pytestmark = pytest.mark.unit

URL = re.compile(r"https?://", re.IGNORECASE)


def _places_trace(fig: go.Figure) -> list[Any]:
    return [t for t in fig.data if t.meta["marks"] == "places"]


def _haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: float, lon2: float) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat, dlon = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(a))


def test_packaged_basemaps_exist_parse_and_are_licensed() -> None:
    folder = topojson_dir()
    for name in TOPOJSON_NAMES:
        data = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        assert data["type"] == "Topology"
        assert {"land", "countries", "coastlines", "ocean", "lakes"} <= set(data["objects"])
    licence = (folder / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Tétreault-Pinard" in licence
    assert "Natural Earth" in (folder / "README.md").read_text(encoding="utf-8")


def test_place_map_on_tiny_book(tiny_book: Book) -> None:
    ids = dict(zip(tiny_book.entities["name"], tiny_book.entities["entity_id"], strict=True))
    fig = place_map(tiny_book)
    geo = fig.layout.geo
    assert (geo.scope, geo.resolution) == ("asia", 50)
    assert required_topojson(fig) == ["asia_50m"] and (topojson_dir() / "asia_50m.json").is_file()
    (places,) = _places_trace(fig)
    assert places.type == "scattergeo"
    got = {c[0]: (lat, lon) for c, lat, lon in zip(places.customdata, places.lat, places.lon, strict=True)}
    assert got == {ids["Sinpho"]: (40.03, 128.18), ids["Pyongyang"]: (39.03, 125.75)}
    hover = dict(zip((c[0] for c in places.customdata), places.hovertext, strict=True))[ids["Sinpho"]]
    assert "<b>Sinpho</b>" in hover and "± 10.0 km (gazetteer: test)" in hover and "South Hamgyong" in hover
    # the view holds every place and circle, and nothing says where to fetch a basemap from
    lo0, lo1 = geo.lonaxis.range
    la0, la1 = geo.lataxis.range
    assert lo0 < 125.75 < 128.18 < lo1 and la0 < 39.03 < 40.03 < la1
    assert not URL.search(fig.to_json())


def test_uncertainty_circles_have_the_right_radius(tiny_book: Book) -> None:
    fig = place_map(tiny_book)
    (circles,) = [t for t in fig.data if t.meta["marks"] == "uncertainty"]
    lat = np.array([np.nan if v is None else v for v in circles.lat], dtype=float)
    lon = np.array([np.nan if v is None else v for v in circles.lon], dtype=float)
    rings = np.split(np.arange(len(lat)), np.nonzero(np.isnan(lat))[0] + 1)
    rings = [r[~np.isnan(lat[r])] for r in rings if len(r[~np.isnan(lat[r])])]
    assert len(rings) == 2
    for ring, (lat0, lon0, km) in zip(rings, [(40.03, 128.18, 10.0), (39.03, 125.75, 15.0)], strict=True):
        dist = _haversine_km(lat[ring], lon[ring], lat0, lon0)
        assert np.allclose(dist, km, rtol=0.01)
        assert (lat[ring][0], lon[ring][0]) == (lat[ring][-1], lon[ring][-1])  # closed
    assert not [t for t in place_map(tiny_book, show_uncertainty=False).data if t.meta["marks"] == "uncertainty"]
    clat, clon = circle_polygons(np.array([0.0]), np.array([0.0]), np.array([111.19]), vertices=4)
    assert np.allclose(clat[0], [1, 0, -1, 0, 1], atol=1e-3) and np.allclose(clon[0], [0, 1, 0, -1, 0], atol=1e-3)


def _with_washington(book: Book) -> Book:
    eid = entity_id("place", "Washington")
    ent = {
        "entity_id": eid,
        "name": "Washington",
        "type": "place",
        "aliases": [],
        "n_mentions": 0,
        "n_docs": 0,
        "origin": "rules",
    }
    place = {
        "entity_id": eid,
        "lat": 38.9,
        "lon": -77.04,
        "uncertainty_km": 20.0,
        "coord_source": "analyst",
        "source_name": "notes",
    }
    ents = pd.concat([book.entities, pd.DataFrame([ent])], ignore_index=True)
    places = pd.concat([book.places, pd.DataFrame([place])], ignore_index=True)
    return book.with_tables(entities=conform("entities", ents), places=conform("places", places))


def test_scope_auto_and_places_off_the_asia_map(tiny_book: Book) -> None:
    assert place_map(tiny_book, scope="auto").layout.geo.scope == "asia"
    book = _with_washington(tiny_book)
    fig = place_map(book, scope="auto")
    assert (fig.layout.geo.scope, fig.layout.geo.resolution) == ("world", 110)
    assert required_topojson(fig) == ["world_110m"]
    fig = place_map(book)
    assert fig.layout.geo.scope == "asia"
    assert fig.layout.meta["notes"] == ["1 place off the Asia basemap; use scope='world'."]
    (places,) = _places_trace(fig)
    assert list(places.marker.symbol) == ["circle", "circle", "diamond"]  # gazetteer, gazetteer, analyst


def test_geo_assets_script_inlines_the_packaged_files() -> None:
    script = geo_assets_script()
    assert script.startswith("(function(){var a=window.PlotlyGeoAssets=window.PlotlyGeoAssets||{};")
    assert script.rstrip().endswith("})();") and "</" not in script and not URL.search(script)
    found = {}
    for line in script.splitlines():
        m = re.fullmatch(r'a\.topojson\["([\w-]+)"\]=(.*);', line)
        if m:
            found[m.group(1)] = json.loads(m.group(2))
    assert set(found) == set(TOPOJSON_NAMES)
    on_disk = json.loads((topojson_dir() / "asia_50m.json").read_text(encoding="utf-8"))
    assert found["asia_50m"] == on_disk
    assert "world_110m" not in geo_assets_script(["asia_50m"])
    with pytest.raises(ChartError, match="europe_50m"):
        geo_assets_script(["europe_50m"])


def test_bad_coordinates_empty_books_and_escaping(tiny_book: Book) -> None:
    assert place_map(Book()).layout.meta["empty"] is True
    places = tiny_book.places.copy()
    places.loc[0, "lat"] = 200.0
    ents = tiny_book.entities.copy()
    ents.loc[ents["name"] == "Pyongyang", "name"] = "<script>alert(1)</script>"
    fig = place_map(tiny_book.with_tables(places=places, entities=ents))
    assert fig.layout.meta["notes"] == ["1 place without valid coordinates not shown."]
    (trace,) = _places_trace(fig)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in trace.hovertext[0] and "<script>" not in trace.hovertext[0]
    assert "<script>" not in trace.text[0]
    with pytest.raises(ChartError, match="scope"):
        place_map(tiny_book, scope="europe")


def test_a_single_place_gets_a_readable_view(tiny_book: Book) -> None:
    one = tiny_book.with_tables(places=tiny_book.places.iloc[[0]])  # Sinpho, ± 10 km
    geo = place_map(one).layout.geo
    (lo0, lo1), (la0, la1) = geo.lonaxis.range, geo.lataxis.range
    assert lo0 < 128.18 < lo1 and la0 < 40.03 < la1
    km_per_degree = np.pi * 6371.0088 / 180
    lat_km = (la1 - la0) * km_per_degree
    lon_km = (lo1 - lo0) * km_per_degree * np.cos(np.radians((la0 + la1) / 2))
    assert lat_km >= MIN_SPAN_KM - 1 and lon_km >= MIN_SPAN_KM - 1
    assert lon_km >= lat_km - 1  # at least as wide as tall: not a sliver in a wide view


def test_circles_are_compact_float32_rings(tiny_book: Book) -> None:
    (circles,) = [t for t in place_map(tiny_book).data if t.meta["marks"] == "uncertainty"]
    lat = np.asarray(circles.lat)
    assert lat.dtype == np.float32 and len(lat) == 2 * (CIRCLE_VERTICES + 2)  # ring, closing vertex, gap
    assert json.loads(place_map(tiny_book).to_json())["data"][0]["lat"]["dtype"] == "f4"  # a typed array


def test_many_places_keep_the_payload_bounded(tiny_book: Book, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(2)
    n = 600
    ids = [entity_id("place", f"Place {i}") for i in range(n)]
    ents = pd.DataFrame(
        {
            "entity_id": ids,
            "name": [f"Place <{i}>" for i in range(n)],
            "type": "place",
            "aliases": [[] for _ in range(n)],
            "n_mentions": 0,
            "n_docs": 0,
            "origin": "rules",
        }
    )
    places = pd.DataFrame(
        {
            "entity_id": ids,
            "lat": rng.uniform(35, 43, n),
            "lon": rng.uniform(124, 131, n),
            "uncertainty_km": rng.uniform(1, 50, n),
            "coord_source": "gazetteer",
            "source_name": "synthetic",
        }
    )
    book = tiny_book.with_tables(entities=conform("entities", ents), places=conform("places", places))
    fig = place_map(book)
    assert fig.layout.meta["n_circles"] == n
    assert len(fig.to_json()) < 350 * 1024
    (trace,) = _places_trace(fig)
    assert all("&lt;" in h and "<P" not in h for h in trace.hovertext)
    monkeypatch.setattr(geo, "MAX_CIRCLES", 50)
    fig = place_map(book)
    assert fig.layout.meta["n_circles"] == 50
    assert "Uncertainty circles of the 50 most mentioned places only." in fig.layout.meta["notes"]
