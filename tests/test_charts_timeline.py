"""The timeline: points and spans on tiny_book, escaping, undated events, aggregation and payload size."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from workbook.book import Book
from workbook.charts import timeline
from workbook.charts.timeline import MAX_BINS
from workbook.errors import ChartError
from workbook.labels import fill_labels
from workbook.model import conform

pytestmark = pytest.mark.unit


def synthetic_book(n_events: int, seed: int = 1, n_docs: int = 200, n_entities: int = 60) -> Book:
    """``n_events`` events over 35 years (70% day, 20% month, 8% year, 2% decade precision; 5% undated)."""
    rng = np.random.default_rng(seed)
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i:016x}" for i in range(n_docs)],
            "title": [f"Report <{i}> & co" for i in range(n_docs)],
            "publisher": "Wire",
            "source": [f"{i}.txt" for i in range(n_docs)],
            "sha256": "0" * 64,
            "text": "x",
            "published": pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 1500, n_docs), unit="D"),
            "n_chars": 1,
            "format": "txt",
        }
    )
    ents = pd.DataFrame(
        {
            "entity_id": [f"e{i:012x}" for i in range(n_entities)],
            "name": [f"Entity {i}" for i in range(n_entities)],
            "type": rng.choice(["person", "organization", "place"], n_entities),
            "aliases": [[] for _ in range(n_entities)],
            "n_mentions": 1,
            "n_docs": 1,
            "origin": "rules",
        }
    )
    day = np.datetime64("1990-01-01") + rng.integers(0, 35 * 365, n_events).astype("timedelta64[D]")
    prec = rng.choice(["day", "month", "year", "decade"], n_events, p=[0.7, 0.2, 0.08, 0.02])
    month, year = day.astype("datetime64[M]"), day.astype("datetime64[Y]")
    month_start, year_start = month.astype("datetime64[D]"), year.astype("datetime64[D]")
    ds = np.where(prec == "day", day, np.where(prec == "month", month_start, year_start))
    month_end = (month + 1).astype("datetime64[D]") - 1
    de = np.where(prec == "day", day, np.where(prec == "month", month_end, (year + 1).astype("datetime64[D]") - 1))
    undated = rng.random(n_events) < 0.05
    eids = ents["entity_id"].to_numpy()
    events = pd.DataFrame(
        {
            "event_id": [f"v{i:012x}" for i in range(n_events)],
            "doc_id": rng.choice(docs["doc_id"].to_numpy(), n_events),
            "start": 0,
            "end": 1,
            "text": "in <June>",
            "sentence": 0,
            "context": "Officials said <script>x</script> the test happened in June & later.",
            "date_start": pd.Series(ds).where(~undated),
            "date_end": pd.Series(de).where(~undated),
            "precision": prec,
            "resolution": np.where(undated, "unanchored", "absolute"),
            "anchor": None,
            "kind": rng.choice(np.array(["meeting", "launch", "visit", "test", None], dtype=object), n_events),
            "entity_ids": [list(rng.choice(eids, k, replace=False)) for k in rng.integers(0, 4, n_events)],
        }
    )
    return Book(
        documents=conform("documents", docs), entities=conform("entities", ents), events=conform("events", events)
    )


def _traces(fig: go.Figure, marks: str) -> list[Any]:
    return [t for t in fig.data if (t.meta or {}).get("marks") == marks]


def _notes(fig: go.Figure) -> list[str]:
    """The notes of a figure; they are also shown, joined, in its one "note" annotation."""
    notes = list(fig.layout.meta["notes"])
    shown = [a.text for a in fig.layout.annotations if a.name == "note"]
    assert shown == (["<br>".join(notes)] if notes else [])
    return notes


def test_tiny_book_has_one_point_and_one_span(tiny_book: Book) -> None:
    fig = timeline(tiny_book)
    points, spans = _traces(fig, "point"), _traces(fig, "span")
    assert [len(t.x) for t in points] == [1] and [len(t.x) for t in spans] == [1]
    ev = tiny_book.events.set_index("text")
    assert points[0].x == ("2024-01-08",)
    assert list(points[0].customdata[0]) == [ev.loc["on Monday", "event_id"], ev.loc["on Monday", "doc_id"]]
    span = spans[0]
    assert span.orientation == "h" and span.type == "bar"
    start = pd.Timestamp(span.base[0])
    end = start + pd.Timedelta(milliseconds=int(span.x[0]))
    assert (start, end) == (pd.Timestamp("2018-06-01"), pd.Timestamp("2018-07-01"))
    assert list(span.customdata[0]) == [ev.loc["June 2018", "event_id"], ev.loc["June 2018", "doc_id"]]
    assert fig.layout.xaxis.type == "date"
    assert fig.layout.meta["aggregated"] is False and fig.layout.meta["n_dated"] == 2
    assert _notes(fig) == []


def test_hover_names_title_expression_and_sentence(tiny_book: Book) -> None:
    fig = timeline(tiny_book, color_by="precision")
    (span,) = _traces(fig, "span")
    hover = span.hovertext[0]
    assert "Analysts locate plants" in hover and "“June 2018”" in hover and "(month, absolute)" in hover
    assert "Kim Jong Un met<br>Donald Trump" in hover  # the sentence, wrapped
    (point,) = _traces(fig, "point")
    assert "Kim Jong Un inspects missile factory" in point.hovertext[0] and "“on Monday”" in point.hovertext[0]
    assert [t.name for t in fig.data] == ["day", "month"]


@pytest.mark.parametrize("color_by", ["kind", "entity", "precision", "document"])
def test_every_color_by_draws_every_event(tiny_book: Book, color_by: str) -> None:
    fig = timeline(tiny_book, color_by=color_by)
    ids = {c[0] for t in fig.data for c in t.customdata}
    assert ids == set(tiny_book.events["event_id"])


def test_entity_lanes_repeat_an_event_for_each_entity(tiny_book: Book) -> None:
    fig = timeline(tiny_book, color_by="entity")
    lanes: dict[str, set[str]] = {}
    for t in fig.data:  # a lane may hold a span trace and a point trace
        lanes.setdefault(t.name, set()).update(c[0] for c in t.customdata)
    by_text = dict(zip(tiny_book.events["text"], tiny_book.events["event_id"], strict=True))
    assert lanes["Kim Jong Un"] == {by_text["on Monday"], by_text["June 2018"]}
    assert lanes["Donald Trump"] == {by_text["June 2018"]}
    assert lanes["Sinpho"] == {by_text["on Monday"]}
    assert fig.layout.yaxis.categoryarray[-1] == "Kim Jong Un"  # the busiest lane on top


def test_hover_and_lane_names_are_escaped(tiny_book: Book) -> None:
    ev = tiny_book.events.copy()
    ev = ev.assign(context=ev["context"].astype(object), text=ev["text"].astype(object))  # new values: as text
    ev.loc[0, "context"] = 'Hostile <script>alert(1)</script> & <b>bold</b> <a href="javascript:x">y</a>'
    ev.loc[0, "text"] = "<i>on Monday</i>"
    docs = tiny_book.documents.copy()
    docs.loc[docs["doc_id"] == ev.loc[0, "doc_id"], "title"] = "<img src=x onerror=alert(1)> & co"
    fig = timeline(tiny_book.with_tables(events=ev, documents=docs), color_by="document")
    text = " ".join(h for t in fig.data for h in t.hovertext) + " ".join(t.name for t in fig.data)
    for raw in ("<script>", "<b>bold", "<a href", "<img", "<i>"):
        assert raw not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; co" in text
    assert '"javascript:x"' in text  # quotes are left as they are: plotly does not decode &quot;


def test_undated_events_are_left_out_with_a_note(tiny_book: Book) -> None:
    undated = tiny_book.events.iloc[[0]].assign(
        event_id="vundated", date_start=None, date_end=None, resolution="unanchored"
    )
    ev = pd.concat([tiny_book.events, undated], ignore_index=True)
    fig = timeline(tiny_book.with_tables(events=conform("events", ev)))
    assert fig.layout.meta["n_undated"] == 1 and fig.layout.meta["n_dated"] == 2
    assert "vundated" not in {c[0] for t in fig.data for c in t.customdata}
    assert _notes(fig) == ["1 undated event not shown (relative dates in undated documents)."]


def test_empty_and_undated_only_books_give_a_no_data_figure(tiny_book: Book) -> None:
    fig = timeline(Book())
    assert fig.data == () and fig.layout.meta["empty"] is True
    assert fig.layout.annotations[0].name == "no-data" and "No data" in fig.layout.annotations[0].text
    nat = pd.Series(pd.NaT, index=tiny_book.events.index, dtype="datetime64[s]")
    undated = tiny_book.events.assign(date_start=nat, date_end=nat)
    fig = timeline(tiny_book.with_tables(events=undated))
    assert fig.layout.meta["empty"] is True and "2 undated events" in fig.layout.annotations[0].text


def test_bad_options_raise_chart_error(tiny_book: Book) -> None:
    with pytest.raises(ChartError, match="color_by"):
        timeline(tiny_book, color_by="colour")
    with pytest.raises(ChartError):
        timeline(tiny_book, max_marks=0)


def test_above_max_marks_counts_per_bin(tiny_book: Book) -> None:
    fig = timeline(tiny_book, color_by="precision", max_marks=1)
    meta = fig.layout.meta
    assert meta["aggregated"] is True
    assert all(t.type == "bar" and t.meta["marks"] == "bins" for t in fig.data)
    assert fig.layout.barmode == "stack"
    # 2018-06..2024-01 in at most max_marks=1 bar per lane is impossible: the coarsest bin, decades
    assert meta["freq"] == "10Y" and "aggregated" in fig.layout.title.text and "per decade" in fig.layout.title.text
    bins = {t.name: (list(t.x), list(t.y), [list(c) for c in t.customdata]) for t in fig.data}
    assert bins["month"] == (["2010-01-01"], [1], [["2010-01-01", "2019-12-31"]])
    assert bins["day"] == (["2020-01-01"], [1], [["2020-01-01", "2029-12-31"]])
    assert any("exceed max_marks=1" in n for n in _notes(fig))


def test_bins_are_as_fine_as_the_bar_budget_allows(tiny_book: Book) -> None:
    fig = timeline(tiny_book, color_by="precision", max_marks=2 * 300)  # 2 lanes x 299 weeks fit; days do not
    assert fig.layout.meta["aggregated"] is False  # 2 marks only
    many = tiny_book.events.iloc[[0]].assign(date_start=pd.Timestamp("2018-06-01"), date_end=pd.Timestamp("2018-06-01"))
    events = pd.concat([tiny_book.events, *[many.assign(event_id=f"v{i}") for i in range(700)]], ignore_index=True)
    fig = timeline(tiny_book.with_tables(events=conform("events", events)), color_by="precision", max_marks=600)
    assert fig.layout.meta["freq"] == "W"
    bins = {t.name: (list(t.x), list(t.y), [list(c) for c in t.customdata]) for t in fig.data}
    # 2018-06-01 was a Friday: its week runs from Monday 2018-05-28 to Sunday 2018-06-03
    assert bins["month"] == (["2018-05-28"], [1], [["2018-05-28", "2018-06-03"]])
    assert bins["day"][0][:1] == ["2018-05-28"] and bins["day"][1][:1] == [700]
    assert bins["day"][0][-1] == "2024-01-08" and bins["day"][2][-1] == ["2024-01-08", "2024-01-14"]


def test_aggregated_counts_add_up_and_lanes_are_capped() -> None:
    book = synthetic_book(10_000)
    fig = timeline(book, color_by="precision", x_range="all")
    meta = fig.layout.meta
    assert meta["aggregated"] is True
    assert sum(int(np.sum(t.y)) for t in fig.data) == meta["n_dated"] == int(book.events["date_start"].notna().sum())
    assert max(len(t.x) for t in fig.data) <= MAX_BINS
    dense = timeline(book, color_by="precision").layout.meta  # by default the bins cover where events are dense
    assert (
        sum(int(np.sum(t.y)) for t in timeline(book, color_by="precision").data) + dense["n_outside"] == meta["n_dated"]
    )
    fig = timeline(book, color_by="entity", max_groups=5)
    names = [t.name for t in fig.data]
    assert len(names) == 5 and names[-2:] == ["(no entity)", "(other 57 entities)"]  # 60 entities - 3 kept
    fig = timeline(book, color_by="entity")
    assert fig.layout.meta["aggregated"] is True
    assert sum(len(t.x) for t in fig.data) <= 3000  # at most max_marks bars


@pytest.mark.parametrize(
    ("n_events", "aggregated", "max_kb"), [(1_000, False, 600), (10_000, True, 200), (100_000, True, 200)]
)
def test_payload_stays_bounded(n_events: int, aggregated: bool, max_kb: int) -> None:
    book = synthetic_book(n_events)
    for color_by in ("kind", "entity"):
        fig = timeline(book, color_by=color_by)
        assert fig.layout.meta["aggregated"] is aggregated
        size = len(fig.to_json().encode("utf-8"))
        assert size < max_kb * 1024, f"{n_events} events, color_by={color_by}: {size / 1024:.0f} KB"


def test_same_book_same_figure(tiny_book: Book) -> None:
    assert timeline(tiny_book, color_by="entity").to_json() == timeline(tiny_book, color_by="entity").to_json()


def test_meta_holds_escaped_lane_names(tiny_book: Book) -> None:
    docs = tiny_book.documents.copy()
    docs.loc[0, "title"] = "<img src=x> & co"
    fig = timeline(tiny_book.with_tables(documents=docs), color_by="document")
    assert "&lt;img src=x&gt; &amp; co" in fig.layout.meta["groups"]
    assert not any("<img" in g for g in fig.layout.meta["groups"])


def test_documents_sharing_a_title_get_their_id(tiny_book: Book) -> None:
    docs = tiny_book.documents.assign(title="Same title")
    fig = timeline(tiny_book.with_tables(documents=docs), color_by="document")
    lanes = {t.name for t in fig.data}
    assert lanes == {f"Same title [{d}]" for d in tiny_book.events["doc_id"]}


def test_aggregated_counts_match_a_groupby() -> None:
    book = synthetic_book(10_000)
    fig = timeline(book, color_by="kind", x_range="all")
    assert fig.layout.meta["aggregated"] is True and fig.layout.meta["freq"] == "M"
    ev = book.events[book.events["date_start"].notna()]
    month = ev["date_start"].dt.to_period("M").dt.start_time.dt.strftime("%Y-%m-%d")
    expected = ev.assign(kind=fill_labels(ev["kind"], "(no kind)"), month=month).groupby(["kind", "month"]).size()
    got = {(t.name, x): int(y) for t in fig.data for x, y in zip(t.x, t.y, strict=True)}
    assert got == {k: int(v) for k, v in expected.items()}
    assert fig.layout.yaxis.tickformat == ",d"
