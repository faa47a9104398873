"""Shared chart helpers: hover escaping, colours, bins, empty figures; every builder on empty input."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from workbook.book import Book
from workbook.charts import (
    CONFIDENCE_COLORS,
    ENTITY_TYPE_COLORS,
    PRECISION_COLORS,
    ChartCache,
    claims_by_confidence,
    co_mentions,
    hover_escape,
    mentions_over_time,
    place_map,
    timeline,
    top_entities,
)
from workbook.charts.common import (
    TRACE_TYPES,
    bin_index,
    bin_range,
    bin_starts,
    count_axis,
    escape_texts,
    index_in,
    isin,
    label,
    label_texts,
    next_bin,
    top_order,
    unique_labels,
)
from workbook.errors import ChartError
from workbook.model import DATE_PRECISIONS, ENTITY_TYPES

pytestmark = pytest.mark.unit

BUILDERS = [timeline, mentions_over_time, top_entities, claims_by_confidence, co_mentions, place_map]


def test_hover_escape_escapes_markup_but_not_quotes() -> None:
    assert hover_escape("<b>x</b> & \"q\" 's'") == "&lt;b&gt;x&lt;/b&gt; &amp; \"q\" 's'"
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


# --- escaping arrays, figures without validation, shared helpers ----------------------------------

_TRICKY = [
    "plain",
    "",
    "   ",
    None,
    float("nan"),
    42,
    "<b>x</b> & \"q\" 's'",
    "a &lt; b",
    "tab\there\nnew line",
    "nbsp\u00a0and\u2003em\u3000ideographic",
    "  padded  both  ",
    "x" * 200,
    "short " + "y" * 95 + " tail",
    "é" * 30 + " ü<ñ>",
    "one two three <four> five",
    "word " * 80,
    "a " + "b" * 20 + " c",
    "x" * 9 + " " + "y" * 9,
    "x" * 10 + " " + "y" * 12 + " z",
    "abcdefghijkl mnopqrstuvw " * 5,
    "x" * 12 + " " * 3 + "<" * 13,
]


@pytest.mark.parametrize(("width", "max_chars"), [(None, None), (None, 5), (None, 90), (9, None), (80, 280), (12, 40)])
def test_escape_texts_gives_what_hover_escape_gives(width: int | None, max_chars: int | None) -> None:
    got = escape_texts(_TRICKY, width=width, max_chars=max_chars)
    assert got.tolist() == [hover_escape(t, width=width, max_chars=max_chars) for t in _TRICKY]
    assert label_texts(_TRICKY, 24).tolist() == [label(t, 24) for t in _TRICKY]
    assert escape_texts([]).tolist() == [] and escape_texts(pd.Series([], dtype="string")).tolist() == []
    arrow = pd.Series([t if isinstance(t, str) else None for t in _TRICKY], dtype="string")
    assert escape_texts(arrow, width=width, max_chars=max_chars).tolist() == [
        hover_escape(t, width=width, max_chars=max_chars) for t in arrow
    ]


def test_wrapping_fills_lines_and_cuts_long_words() -> None:
    assert hover_escape("aaa " + "b" * 12 + " cc", width=5) == "aaa<br>bbbbb<br>bbbbb<br>bb cc"
    for line in hover_escape("word " * 50 + "<x>", width=20).split("<br>"):
        assert 0 < len(line.replace("&lt;", "<").replace("&gt;", ">")) <= 20


def test_isin_and_index_in_compare_as_strings() -> None:
    values = pd.Series(["a", None, "c", "b"], dtype="string")
    assert isin(values, ["b", "c", "z"]).tolist() == [False, False, True, True]
    assert isin(values, []).tolist() == [False] * 4
    assert index_in(values, np.array(["c", "a"], dtype=object)).tolist() == [1, -1, 0, -1]


def test_top_order_breaks_ties_by_name_and_only_names_candidates() -> None:
    counts = np.array([5, 1, 5, 3, 9, 1])
    names = np.array(["e", "f", "a", "c", "z", "b"], dtype=object)
    asked: list[list[int]] = []

    def names_of(i: np.ndarray) -> np.ndarray:
        asked.append(sorted(i.tolist()))
        return names[i]

    assert top_order(counts, names_of, 3).tolist() == [4, 2, 0]  # 9, then the 5s by name: a, e
    assert asked == [[0, 2, 4]]  # only the entries that could make the cut
    assert top_order(counts, lambda i: names[i]).tolist() == [4, 2, 0, 3, 5, 1]
    assert top_order(counts, lambda i: names[i], 0).tolist() == []


@pytest.mark.parametrize("code", ["D", "W", "M", "Q", "Y", "10Y"])
def test_bin_index_is_the_position_in_bin_range(code: str) -> None:
    rng = np.random.default_rng(3)
    days = np.datetime64("1987-03-05") + rng.integers(0, 40 * 365, 500).astype("timedelta64[D]")
    every = bin_range(days.min(), days.max(), code, 10**6)
    assert every is not None
    assert np.array_equal(bin_index(days, every[0], code), np.searchsorted(every, bin_starts(days, code)))


def test_count_axis_has_whole_number_ticks() -> None:
    small, big = count_axis(2, "claims"), count_axis(500, "claims")
    assert small["dtick"] == 1 and small["tick0"] == 0 and small["tickformat"] == ",d"
    assert "dtick" not in big and big["tickformat"] == ",d" and big["rangemode"] == "tozero"


def _variants(book: Book) -> list[go.Figure]:
    return [
        timeline(book),
        timeline(book, color_by="entity"),
        timeline(book, color_by="document"),
        timeline(book, max_marks=1),
        mentions_over_time(book),
        top_entities(book),
        top_entities(book, by_type=False),
        claims_by_confidence(book),
        claims_by_confidence(book, max_speakers=1),
        co_mentions(book),
        co_mentions(book, level="document"),
        place_map(book),
        place_map(book, scope="world"),
    ]


def test_unvalidated_figures_are_valid_plotly(tiny_book: Book) -> None:
    """The builders skip plotly's validation for speed; every property they set must still be valid."""
    for fig in _variants(tiny_book) + _variants(Book()):
        go.Figure(fig.to_plotly_json())  # validates: raises ValueError on any invalid property


def test_every_figure_shares_one_trimmed_template(tiny_book: Book) -> None:
    templates = [fig.layout.template.to_plotly_json() for fig in _variants(tiny_book)]
    assert all(t == templates[0] for t in templates)
    assert set(templates[0]["data"]) == set(TRACE_TYPES) and templates[0]["layout"]["paper_bgcolor"] == "white"
    fig = timeline(tiny_book)
    fig.layout.template.layout.paper_bgcolor = "red"  # editing a figure does not touch the shared template
    assert timeline(tiny_book).layout.template.layout.paper_bgcolor == "white"


def test_a_shared_chart_cache_changes_nothing_but_the_work(tiny_book: Book) -> None:
    cache = ChartCache(tiny_book)
    for builder in BUILDERS:
        assert builder(tiny_book, cache=cache).to_json() == builder(tiny_book).to_json()
    assert set(cache._values) == {"mention_entities", "mention_docs"}  # each coded once, for every chart
    codes, ids = cache.mention_entities()
    assert not codes.flags.writeable and not ids.flags.writeable
    assert sorted(set(ids[codes].tolist())) == sorted(set(tiny_book.mentions["entity_id"]))
    with pytest.raises(ChartError, match="another Book"):
        top_entities(Book(), cache=cache)
