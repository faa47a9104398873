"""Shared chart helpers: hover escaping, colours, bins, empty figures; every builder on empty input."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go
import pytest

from workbook.book import Book
from workbook.charts import (
    CONFIDENCE_COLORS,
    ENTITY_TYPE_COLORS,
    PRECISION_COLORS,
    claims_by_confidence,
    co_mentions,
    hover_escape,
    mentions_over_time,
    place_map,
    timeline,
    top_entities,
)
from workbook.charts._common import bin_range, bin_starts, label, next_bin, unique_labels
from workbook.model import DATE_PRECISIONS, ENTITY_TYPES

pytestmark = pytest.mark.unit

BUILDERS = [timeline, mentions_over_time, top_entities, claims_by_confidence, co_mentions, place_map]


def test_hover_escape_escapes_markup_but_not_quotes() -> None:
    assert hover_escape('<b>x</b> & "q" \'s\'') == '&lt;b&gt;x&lt;/b&gt; &amp; "q" \'s\''
    assert hover_escape("a &lt; b") == "a &amp;lt; b"  # shown as written, not decoded
    assert hover_escape(None) == "" and hover_escape(float("nan")) == ""
    assert hover_escape("x" * 10, max_chars=5) == "xxxx…"
    wrapped = hover_escape("one two three <four> five", width=9)
    assert wrapped == "one two<br>three<br>&lt;four&gt;<br>five"
    assert label("  <a>\n  b  ") == "&lt;a&gt; b"


def test_colours_cover_every_category() -> None:
    assert set(ENTITY_TYPE_COLORS) == set(ENTITY_TYPES)
    assert list(PRECISION_COLORS) == list(DATE_PRECISIONS)
    for palette in (ENTITY_TYPE_COLORS, CONFIDENCE_COLORS, PRECISION_COLORS):
        assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in palette.values())
        assert len(set(palette.values())) == len(palette)
    with pytest.raises(TypeError):
        ENTITY_TYPE_COLORS["person"] = "#000000"  # type: ignore[index]


def test_bins() -> None:
    days = np.array(["2018-06-01", "2018-06-03", "2018-06-04", "2019-12-31"], dtype="datetime64[D]")
    assert [str(d) for d in bin_starts(days, "W")] == ["2018-05-28", "2018-05-28", "2018-06-04", "2019-12-30"]
    assert [str(d) for d in bin_starts(days, "Q")] == ["2018-04-01", "2018-04-01", "2018-04-01", "2019-10-01"]
    assert [str(d) for d in bin_starts(days, "10Y")] == ["2010-01-01"] * 4
    assert [str(d) for d in next_bin(bin_starts(days[:1], "M"), "M")] == ["2018-07-01"]
    assert [str(d) for d in next_bin(bin_starts(days[:1], "10Y"), "10Y")] == ["2020-01-01"]
    rng = bin_range(days[0], days[-1], "Q", 100)
    assert rng is not None and len(rng) == 7 and str(rng[-1]) == "2019-10-01"
    assert bin_range(days[0], days[-1], "D", 100) is None
    assert unique_labels(["a", "b", "a", "a"]) == ["a", "b", "a [2]", "a [3]"]


@pytest.mark.parametrize("builder", BUILDERS, ids=lambda b: b.__name__)
def test_empty_book_gives_a_no_data_figure(builder: Callable[[Book], go.Figure]) -> None:
    fig = builder(Book())
    assert fig.data == ()
    assert fig.layout.meta["empty"] is True
    (note,) = fig.layout.annotations
    assert note.name == "no-data" and note.text.startswith("No data")
    json.loads(fig.to_json())


@pytest.mark.parametrize("builder", BUILDERS, ids=lambda b: b.__name__)
def test_every_figure_is_self_contained(builder: Callable[[Book], go.Figure], tiny_book: Book) -> None:
    fig = builder(tiny_book)
    assert fig.layout.meta["empty"] is False and fig.layout.meta["chart"] == builder.__name__
    text = fig.to_json()
    assert not re.search(r"https?://", text)
    clickable = [t for t in fig.data if (t.meta or {}).get("marks") not in ("links", "uncertainty")]
    assert clickable and all(t.customdata is not None for t in clickable)
