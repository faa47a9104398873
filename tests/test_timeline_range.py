"""The timeline opens where the events are dense, says how many lie outside, and bins to fit the range."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from tests.conftest import make_tiny_book
from workbook.book import Book
from workbook.charts import timeline
from workbook.filtering.dates import dense_window, event_span, publication_span
from workbook.model import conform

pytestmark = pytest.mark.unit


def _with_events(days: list[tuple[str, str, str]]) -> Book:
    """The tiny Book with its events replaced by ``(start, end, precision)`` rows (of its first event's span)."""
    book = make_tiny_book()
    proto = book.events.iloc[0].to_dict()
    rows = [
        {**proto, "event_id": f"v{i:05d}", "date_start": s, "date_end": e, "precision": p}
        for i, (s, e, p) in enumerate(days)
    ]
    return book.with_tables(events=conform("events", rows))


def _news_year(n: int = 200) -> list[tuple[str, str, str]]:
    """``n`` day events through 2024 plus the outliers news text is full of."""
    start = date(2024, 1, 5)
    days = [((start + timedelta(days=i * 360 // n)).isoformat(),) * 2 + ("day",) for i in range(n)]
    return [
        *days,
        ("1895-10-08", "1895-10-08", "day"),
        ("1950-06-25", "1950-06-25", "day"),
        ("2055-01-01", "2055-12-31", "year"),
    ]


def test_dense_window_is_the_shortest_window_holding_most_days() -> None:
    import numpy as np

    days = np.array(
        ["1895-10-08", *[f"2024-{m:02d}-15" for m in range(1, 13)] * 5, "2055-01-01"], dtype="datetime64[D]"
    )
    lo, hi = dense_window(days)
    assert (str(lo), str(hi)) == ("2024-01-15", "2024-12-15")
    few = days[:5]
    assert dense_window(few) == (few.min(), few.max())  # too few to call anything an outlier
    assert dense_window(np.array([], dtype="datetime64[D]")) is None


def test_event_span_covers_the_dense_events_and_the_publication_span() -> None:
    book = _with_events(_news_year())
    span = event_span(book)
    pub = publication_span(book)
    assert (pub.first, pub.last) == (date(2019, 1, 19), date(2024, 1, 10))
    assert span.first == date(2019, 1, 19) and date(2024, 12, 1) <= span.last < date(2025, 1, 1)
    assert span.n_outside == 3 and span.n_events == 203
    assert event_span(book, dense=False).first == date(1895, 10, 8)


def test_the_timeline_opens_on_the_dense_range_and_counts_what_is_outside() -> None:
    book = _with_events(_news_year())
    fig = timeline(book, color_by="precision")
    lo, hi = fig.layout.xaxis.range
    assert "2018-12" in lo or "2019-01" in lo
    assert "2025-01-01" <= str(hi) < "2025-03-01"  # the end of 2024, padded by 2% of the range
    assert fig.layout.meta["n_outside"] == 3
    assert "3 events outside" in fig.layout.title.text or any(
        "3 events outside" in (a.text or "") for a in fig.layout.annotations
    )
    wide = timeline(book, color_by="precision", x_range="all")
    assert str(wide.layout.xaxis.range[0]) < "1895-10-08" and wide.layout.meta["n_outside"] == 0


def test_aggregated_bins_fit_the_dense_range() -> None:
    book = _with_events(_news_year(400))
    dense = timeline(book, color_by="precision", max_marks=100)
    wide = timeline(book, color_by="precision", max_marks=100, x_range="all")
    assert dense.layout.meta["aggregated"] and wide.layout.meta["aggregated"]
    order = ["D", "W", "M", "Q", "Y", "10Y"]
    assert order.index(dense.layout.meta["freq"]) < order.index(wide.layout.meta["freq"])
    counted = sum(int(sum(t.y)) for t in dense.data)
    assert counted + dense.layout.meta["n_outside"] == 403


def test_a_single_day_never_makes_an_axis_of_hours() -> None:
    book = _with_events([("2024-06-01", "2024-06-01", "day")])
    fig = timeline(book)
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert hi - lo >= pd.Timedelta(days=3)
    assert fig.layout.xaxis.tickformatstops[0].value == "%Y-%m-%d"


def test_a_zoomed_window_rebins_to_fit() -> None:
    book = _with_events(_news_year(400))
    month = timeline(book, color_by="precision", max_marks=100, x_range=("2024-03-01", "2024-03-31"))
    meta = month.layout.meta
    assert meta["aggregated"] and meta["freq"] == "D" and meta["range"] == ["2024-03-01", "2024-03-31"]
    assert meta["x_range"] == "window" and meta["n_outside"] > 300
    with pytest.raises(Exception, match="x_range"):
        timeline(book, x_range=("not a date", "2024-01-01"))


def test_the_explorer_rebins_the_timeline_on_zoom(tiny_book: Book) -> None:
    from workbook.widgets import explore

    ex = explore(tiny_book)
    assert ex.host.zoom_views == ["timeline"]
    ex.host.handle_message({"type": "zoom", "view": "timeline", "range": ["2018-05-01 00:00", "2018-07-31 12:00"]})
    lo, hi = ex.figure("timeline")["layout"]["xaxis"]["range"]
    assert str(lo).startswith("2018-04") and str(hi).startswith("2018-08")  # the window, padded by 2%
    ex.host.handle_message({"type": "zoom", "view": "timeline", "range": None})  # double click: default range
    assert str(ex.figure("timeline")["layout"]["xaxis"]["range"][1]).startswith("2024")


def _every_other_day(first: date, n: int) -> list[tuple[str, str, str]]:
    return [((first + timedelta(days=2 * i)).isoformat(),) * 2 + ("day",) for i in range(n)]


def test_max_bars_makes_the_bins_coarser_when_many_bars_would_be_drawn() -> None:
    book = _with_events(_every_other_day(date(2022, 1, 3), 548))  # three years, one lane
    counted = []
    for max_bars, freq in ((None, "W"), (200, "W"), (100, "M"), (30, "Q"), (10, "Y")):
        fig = timeline(book, color_by="precision", max_marks=300, max_bars=max_bars, x_range="all")
        assert (fig.layout.meta["freq"], fig.layout.meta["max_bars"]) == (freq, max_bars)
        assert sum(len(t.x) for t in fig.data) <= (max_bars or 300)
        counted.append(sum(int(sum(t.y)) for t in fig.data))
    assert counted == [548] * 5  # coarser bins, the same events
    quarters = timeline(book, color_by="precision", max_marks=300, max_bars=30, x_range="all")
    assert quarters.data[0].customdata[0].tolist() == ["2022-01-01", "2022-03-31"]
    assert quarters.data[0].xperiod == "M3" and "per quarter" in quarters.layout.title.text


def test_max_bars_counts_the_bars_drawn_not_the_bins_in_range() -> None:
    # two busy fortnights two years apart: 105 weeks in range, 4 of them with events
    days = _every_other_day(date(2022, 3, 7), 7) + _every_other_day(date(2024, 3, 4), 7)
    book = _with_events(days * 30)
    fig = timeline(book, color_by="precision", max_marks=300, max_bars=50, x_range="all")
    assert fig.layout.meta["freq"] == "W" and sum(len(t.x) for t in fig.data) <= 50
    with pytest.raises(Exception, match="max_bars"):
        timeline(book, max_bars=0)
