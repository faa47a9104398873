"""A timeline of a filtered Book reads only the events' columns its figure needs (the texts only for marks)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.conftest import make_tiny_book
from workbook.book import Book
from workbook.charts import timeline
from workbook.lazybook import RowSelection, SelectedBook, table_columns
from workbook.model import conform

pytestmark = pytest.mark.unit


def _many_events(n: int = 600) -> Book:
    """The tiny Book with ``n`` events over two years (one document's)."""
    book = make_tiny_book()
    proto = book.events.iloc[0].to_dict()
    days = pd.date_range("2020-01-01", periods=n, freq="D")
    rows = [
        {**proto, "event_id": f"v{i:05d}", "date_start": d, "date_end": d, "precision": "day", "kind": f"k{i % 3}"}
        for i, d in enumerate(days)
    ]
    return book.with_tables(events=conform("events", rows))


def test_table_columns_of_a_pending_table_take_only_those_columns() -> None:
    book = _many_events()
    rows = np.arange(0, 600, 7)
    lazy = SelectedBook.from_selections(book, {"events": RowSelection(book.events, rows)})
    got = table_columns(lazy, "events", ["kind", "date_start", "no_such_column"])
    assert lazy.pending == ("events",)  # nothing built
    expected = book.events.take(rows).reset_index(drop=True)[["date_start", "kind"]]  # the table's column order
    pd.testing.assert_frame_equal(got, expected)
    pd.testing.assert_frame_equal(table_columns(book, "events", ["kind"]), book.events[["kind"]])
    pd.testing.assert_frame_equal(table_columns(lazy, "documents", ["doc_id"]), book.documents[["doc_id"]])


def _lazy(book: Book, every: int) -> SelectedBook:
    """``book`` with every ``every``-th event, as a selection not built yet."""
    return SelectedBook.from_selections(book, {"events": RowSelection(book.events, np.arange(0, 600, every))})


@pytest.mark.parametrize("color_by", ["kind", "precision", "entity", "document"])
def test_an_aggregated_timeline_leaves_the_events_texts_unread(color_by: str) -> None:
    book = _many_events()
    lazy = _lazy(book, 2)
    fig = timeline(lazy, color_by=color_by, max_marks=100, max_bars=50)
    assert fig.layout.meta["aggregated"] and lazy.pending == ("events",)  # counted from the date columns alone
    eager = timeline(book.with_tables(events=_lazy(book, 2).events), color_by=color_by, max_marks=100, max_bars=50)
    assert fig.to_json() == eager.to_json()
    few = _lazy(book, 20)
    marks = timeline(few, color_by=color_by)  # few enough for marks: the texts are read for the hovers
    assert not marks.layout.meta["aggregated"] and few.pending == ()
    assert marks.to_json() == timeline(book.with_tables(events=_lazy(book, 20).events), color_by=color_by).to_json()
