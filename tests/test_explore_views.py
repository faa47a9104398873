"""The Book the explorer's views are drawn from (workbook/explore/views.py): only the columns the charts
declare they read (the catalogue's ``reads``), filtered by row selections, with mention codes taken from
the unfiltered Book's. Every figure must be the one drawn from the whole filtered Book."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from workbook.book import Book
from workbook.charts import ChartCache
from workbook.charts._cache import selected_codes
from workbook.charts._text import codes_of
from workbook.charts.catalog import BIG_TABLES, CATALOG, chart_columns, draw_chart
from workbook.explore.views import views_book, views_cache, views_source
from workbook.filtering import FilterIndex, FilterSpec, apply, compute_masks

#: Options that take every builder down each of its paths (marks and bins, every grouping, ...).
OPTIONS: dict[str, list[dict[str, Any]]] = {
    "timeline": [
        {"color_by": c, "x_range": x, "max_marks": m}
        for c in ("kind", "entity", "precision", "document")
        for x in ("dense", "all")
        for m in (1, 1500)
    ]
    + [{"x_range": ("2018-01-01", "2024-12-31")}],
    "claims": [{}, {"max_speakers": 1}],
    "entities": [{"by_type": True}, {"by_type": False, "n": 2}],
    "network": [{"level": "sentence"}, {"level": "document", "max_nodes": 2}],
    "map": [{"scope": s} for s in ("asia", "world", "auto")],
    "mentions": [{}, {"freq": "Y", "top": 1}],
}
SPECS: dict[str, Callable[[Book], FilterSpec]] = {
    "nothing": lambda b: FilterSpec(),
    "the most mentioned entity": lambda b: FilterSpec(
        entity_ids=(str(b.entities.sort_values("n_mentions").entity_id.iloc[-1]),)
    ),
    "text": lambda b: FilterSpec(text="missile"),
    "a publisher": lambda b: FilterSpec(publishers=("KCNA",)),
    "events from 2018": lambda b: FilterSpec(date_from=pd.Timestamp("2018-01-01").date()),
}


def _json(fig: Any) -> str:
    """The figure as the page receives it (plotly's encoder: typed arrays with their dtype), keys sorted."""
    return json.dumps(json.loads(fig.to_json()), sort_keys=True)


def test_every_chart_is_listed() -> None:
    assert set(OPTIONS) == set(CATALOG)


@pytest.mark.parametrize("name", list(CATALOG))
def test_a_chart_reads_only_the_columns_it_declares(tiny_book: Book, name: str) -> None:
    narrow = views_source(tiny_book, [name])
    for t in BIG_TABLES:  # the projection keeps the declared columns, and only those
        assert set(narrow.table(t).columns) == set(chart_columns([name])[t]) & set(tiny_book.table(t).columns)
    for options in OPTIONS[name]:
        assert _json(draw_chart(narrow, name, options)) == _json(draw_chart(tiny_book, name, options)), options


@pytest.mark.parametrize("which", list(SPECS))
def test_views_drawn_from_the_narrow_book_equal_the_filtered_books(tiny_book: Book, which: str) -> None:
    spec, views = SPECS[which](tiny_book), list(CATALOG)
    assert spec.is_empty or 0 < len(apply(tiny_book, spec).documents) < len(tiny_book.documents)
    source = views_source(tiny_book, views)
    masks = None if spec.is_empty else compute_masks(spec, FilterIndex.of(tiny_book))
    drawn_from = views_book(source, masks)
    cache = views_cache(drawn_from, ChartCache(source), masks)
    filtered = apply(tiny_book, spec)
    for view in views:
        assert _json(draw_chart(drawn_from, view, cache=cache)) == _json(draw_chart(filtered, view)), view


def test_selected_codes_are_the_codes_of_the_selected_rows() -> None:
    rng = np.random.default_rng(3)
    values = pd.Series(rng.choice(np.array(["a", "b", "c", "d", None], dtype=object), 500), dtype="string")
    codes, uniques = codes_of(values)
    for share in (0.0, 0.05, 0.5, 1.0):
        mask = rng.random(len(values)) < share
        got_codes, got_values = selected_codes(codes, uniques, mask)
        want_codes, want_values = codes_of(values[mask])
        assert got_codes.tolist() == want_codes.tolist() and got_values.tolist() == want_values.tolist()
