"""Onward exports, each opened by its target's reader: TimelineJS JSON, GEXF (networkx), GeoJSON; uncapped
tables; and `workbook export --format timelinejs,gexf,geojson`."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import SEEDS
from workbook.book import Book
from workbook.cli import main
from workbook.errors import ExportError, TooManyEventsError
from workbook.export.onward import (
    export_onward,
    export_view_table,
    gexf_text,
    places_geojson,
    timelinejs_json,
)
from workbook.filtering import FilterSpec, apply
from workbook.model import conform

pytestmark = pytest.mark.unit

SCRIPT = "<script>alert(1)</script>"


def _hostile(book: Book) -> Book:
    ev = book.events.assign(context=book.events["context"].astype(str) + SCRIPT)
    ents = book.entities.assign(
        name=book.entities["name"].where(book.entities["type"] != "place", book.entities["name"] + " <b>&")
    )
    return book.with_tables(events=conform("events", ev), entities=conform("entities", ents))


def test_timelinejs_follows_the_documented_shape_with_fuzzy_dates(tiny_book: Book) -> None:
    doc = timelinejs_json(_hostile(tiny_book), title="Kim & co")
    assert doc["title"]["text"]["headline"] == "Kim &amp; co"
    events = {e["display_date"]: e for e in doc["events"]}
    assert set(events) == {"2024-01-08", "June 2018"}
    day, month = events["2024-01-08"], events["June 2018"]
    assert day["start_date"] == {"year": 2024, "month": 1, "day": 8, "display_date": "2024-01-08"}
    assert "end_date" not in day
    assert month["start_date"] == {"year": 2018, "month": 6, "display_date": "June 2018"}  # no invented day
    assert month["end_date"] == {"year": 2018, "month": 6}
    for e in doc["events"]:
        assert isinstance(e["start_date"]["year"], int) and e["unique_id"] and e["group"] in ("day", "month")
        assert SCRIPT not in e["text"]["text"] and "&lt;script&gt;" in e["text"]["text"]
    json.dumps(doc, allow_nan=False)


def test_timelinejs_years_and_decades_stay_fuzzy(tiny_book: Book) -> None:
    proto = tiny_book.events.iloc[0].to_dict()
    rows = [
        {**proto, "event_id": "v1", "date_start": "2010-01-01", "date_end": "2019-12-31", "precision": "decade"},
        {**proto, "event_id": "v2", "date_start": "2024-01-01", "date_end": "2024-12-31", "precision": "year"},
        {**proto, "event_id": "v3", "date_start": None, "date_end": None, "precision": "day"},
    ]
    doc = timelinejs_json(tiny_book.with_tables(events=conform("events", rows)))
    by_id = {e["unique_id"]: e for e in doc["events"]}
    assert set(by_id) == {"v1", "v2"}  # the undated event is left out
    assert by_id["v1"]["display_date"] == "2010s" and by_id["v1"]["end_date"] == {"year": 2019}
    assert by_id["v2"]["start_date"] == {"year": 2024, "display_date": "2024"}


def test_timelinejs_above_the_cap_is_a_named_error_not_a_file_the_viewer_cannot_open(
    tiny_book: Book, tmp_path: Path
) -> None:
    proto = tiny_book.events.iloc[0].to_dict()
    rows = [
        {**proto, "event_id": f"e{i}", "date_start": f"2024-01-{i % 28 + 1:02d}", "date_end": None, "precision": "day"}
        for i in range(5)
    ] + [{**proto, "event_id": "undated", "date_start": None, "date_end": None, "precision": "day"}]
    book = tiny_book.with_tables(events=conform("events", rows))
    assert len(timelinejs_json(book, max_events=5)["events"]) == 5  # undated events do not count
    with pytest.raises(TooManyEventsError, match=r"5 dated events .* cap is 4.*narrow the filter.*max_events=None"):
        timelinejs_json(book, max_events=4)
    with pytest.raises(TooManyEventsError):
        export_onward(book, "timelinejs", tmp_path / "t.json", max_events=4)
    assert not list(tmp_path.iterdir())  # nothing half-written is left behind
    assert len(timelinejs_json(book, max_events=None)["events"]) == 5
    path = export_onward(book, "timelinejs", tmp_path / "t.json", max_events=None)
    assert len(json.loads(path.read_text(encoding="utf-8"))["events"]) == 5


def test_networkx_reads_the_gexf(tiny_book: Book, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx", reason="networkx is a test dependency (pip install -e '.[test]')")
    path = export_onward(_hostile(tiny_book), "gexf", tmp_path / "net.gexf")
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() == len(tiny_book.entities)
    ids = dict(zip(tiny_book.entities["name"], tiny_book.entities["entity_id"], strict=True))
    kim, trump = ids["Kim Jong Un"], ids["Donald Trump"]
    assert graph.has_edge(kim, trump) and graph[kim][trump]["weight"] == 1
    assert graph.nodes[kim]["type"] == "person" and graph.nodes[kim]["n_mentions"] == 2
    assert graph.nodes[ids["Sinpho"]]["label"] == "Sinpho <b>&"  # markup is text, escaped by the XML writer
    assert "<b>" not in gexf_text(_hostile(tiny_book)).split("<nodes>")[1].split("</nodes>")[0].replace("&lt;b&gt;", "")


def test_the_geojson_is_a_valid_feature_collection(tiny_book: Book, tmp_path: Path) -> None:
    path = export_onward(tiny_book, "geojson", tmp_path / "places.geojson")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2
    for f in doc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["uncertainty_km"] > 0 and f["properties"]["coord_source"] == "gazetteer"
    sinpho = next(f for f in doc["features"] if f["properties"]["name"] == "Sinpho")
    assert sinpho["geometry"]["coordinates"] == [128.18, 40.03]  # GeoJSON order: lon, lat
    nan_place = tiny_book.places.assign(lon=[float("inf"), 125.75])  # JSON has no infinity: left out
    assert len(places_geojson(tiny_book.with_tables(places=nan_place))["features"]) == 1


def test_any_table_uncapped_as_csv_and_parquet(tiny_book: Book, tmp_path: Path) -> None:
    big = pd.concat([tiny_book.mentions] * 300, ignore_index=True)
    big = big.assign(mention_id=[f"m{i}" for i in range(len(big))])
    book = tiny_book.with_tables(mentions=conform("mentions", big))
    spec = FilterSpec(entity_types=("person",))
    expected = apply(book, spec).mentions
    assert len(expected) > 1000
    csv = export_view_table(book, "mentions", tmp_path / "m.csv", spec)
    assert len(pd.read_csv(csv)) == len(expected)
    parquet = export_view_table(book, "mentions", tmp_path / "m.parquet", spec)
    assert len(pd.read_parquet(parquet)) == len(expected)
    with pytest.raises(ExportError, match="tables are"):
        export_view_table(book, "nope", tmp_path / "x.csv")
    with pytest.raises(ExportError, match="onward format"):
        export_onward(book, "kml", tmp_path / "x.kml")


def test_workbook_export_writes_the_three_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nx = pytest.importorskip("networkx", reason="networkx is a test dependency (pip install -e '.[test]')")
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    assert main(["build", str(corpus), "-q"]) == 0
    spec = tmp_path / "spec.json"
    spec.write_text(FilterSpec(published_to=date(2100, 1, 1)).to_json(), encoding="utf-8")
    args = [
        "export",
        str(spec),
        "--workspace",
        str(tmp_path / "seeds.workbook"),
        "--format",
        "timelinejs,gexf,geojson",
        "--out",
        str(tmp_path / "out"),
        "--title",
        "Onward",
    ]
    assert main(args) == 0
    bundle = tmp_path / "out" / "Onward"
    timeline = json.loads((bundle / "onward" / "timeline.json").read_text(encoding="utf-8"))
    assert timeline["events"] and all("start_date" in e for e in timeline["events"])
    assert nx.read_gexf(bundle / "onward" / "network.gexf").number_of_nodes() > 0
    assert json.loads((bundle / "onward" / "places.geojson").read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    assert {"onward/timeline.json", "onward/network.gexf", "onward/places.geojson"} <= set(manifest["files"])
