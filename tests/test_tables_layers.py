"""The launch layer added to the workbook's timeline and place map (pure: the input figure is unchanged)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from workbook.book import Book
from workbook.charts import place_map, timeline
from workbook.errors import ChartError
from workbook.tables.adapters import kst_date
from workbook.tables.layers import LAUNCH_LANE, add_launch_layer

pytestmark = pytest.mark.unit


def _launches() -> pd.DataFrame:
    utc = pd.to_datetime(["2024-01-07 22:10", "2024-01-07 22:12", "2018-06-10 03:00", None])
    day_utc = pd.to_datetime(["2024-01-07", "2024-01-07", "2018-06-10", "2024-01-20"])
    kst, exact = kst_date(pd.Series(utc).astype("datetime64[s]"), pd.Series(day_utc).astype("datetime64[s]"))
    return pd.DataFrame(
        {
            "launch_id": ["n1", "n2", "n3", "n4"],
            "date_kst": kst,
            "date_kst_exact": exact,
            "datetime_utc": pd.Series(utc).astype("datetime64[s]"),
            "facility": ["sinpo", "sinpo", "sohae", "kusong"],
            "facility_name": ["Sinpo Shipyard", "Sinpo Shipyard", "Sohae", "Kusong <Testing> Ground"],
            "lat": [40.04, 40.04, 39.66, 40.01],
            "lon": [128.18, 128.18, 124.71, 125.22],
            "missile_name": ["Pukguksong-3", "Pukguksong-3", "Unha", "Hwasong-12"],
        }
    )


def test_kst_day_is_utc_plus_nine_hours() -> None:
    launches = _launches()
    assert [f"{d:%Y-%m-%d}" for d in launches["date_kst"]] == ["2024-01-08", "2024-01-08", "2018-06-10", "2024-01-20"]
    assert launches["date_kst_exact"].tolist() == [True, True, True, False]


def test_timeline_gets_a_lane_of_launches(tiny_book: Book) -> None:
    fig = timeline(tiny_book)  # events from 2018-06-01 ("June 2018") to 2024-01-08 ("on Monday")
    before = fig.to_json()
    out = add_launch_layer(fig, _launches(), pad_days=30)
    assert fig.to_json() == before
    layer = [t for t in out.data if (t.meta or {}).get("layer") == "launches"]
    assert len(layer) == 1
    (tr,) = layer
    assert list(tr.x) == ["2018-06-10", "2024-01-08", "2024-01-20"]  # one mark per Korea-time day and facility
    assert set(tr.y) == {LAUNCH_LANE} and out.layout.yaxis.categoryarray[-1] == LAUNCH_LANE
    assert list(tr.customdata[1]) == ["n1", "launch", "sinpo", 2]
    assert "2 missile(s)" in tr.hovertext[1] and "2024-01-07 22:10 UTC" in tr.hovertext[1]
    assert "time unknown" in tr.hovertext[2]
    assert out.layout.meta["layers"] == [{"layer": "launches", "n_marks": 3, "n_launches": 4}]
    assert out.layout.height == fig.layout.height + 36


def test_timeline_clip_and_aggregated(tiny_book: Book) -> None:
    clipped = add_launch_layer(timeline(tiny_book), _launches(), pad_days=0)
    (tr,) = [t for t in clipped.data if (t.meta or {}).get("layer") == "launches"]
    assert list(tr.x) == ["2018-06-10", "2024-01-08"]
    agg = add_launch_layer(timeline(tiny_book, max_marks=1), _launches(), clip=False)
    assert agg.layout.meta["aggregated"] is True
    (tr,) = [t for t in agg.data if (t.meta or {}).get("layer") == "launches"]
    assert list(tr.y) == [0, 0, 0]


def test_map_gets_launch_facilities_and_a_wider_view(tiny_book: Book) -> None:
    fig = place_map(tiny_book)
    out = add_launch_layer(fig, _launches())
    (tr,) = [t for t in out.data if (t.meta or {}).get("layer") == "launches"]
    assert sorted(c[0] for c in tr.customdata) == ["kusong", "sinpo", "sohae"]
    assert any("&lt;Testing&gt;" in h for h in tr.hovertext)
    assert out.layout.geo.lonaxis.range[0] <= 124.71 - 0.5 + 1e-9
    recent = add_launch_layer(fig, _launches(), since="2020-01-01")
    (tr2,) = [t for t in recent.data if (t.meta or {}).get("layer") == "launches"]
    assert sorted(c[0] for c in tr2.customdata) == ["kusong", "sinpo"]
    empty = add_launch_layer(place_map(Book()), _launches())
    assert empty.layout.geo.scope == "asia"


def test_other_figures_and_tables_are_refused(tiny_book: Book) -> None:
    with pytest.raises(ChartError, match="timeline or a place map"):
        add_launch_layer(go.Figure(), _launches())
    with pytest.raises(ChartError, match="lacks"):
        add_launch_layer(timeline(tiny_book), _launches().drop(columns=["lat"]))
