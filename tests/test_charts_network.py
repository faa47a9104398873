"""Co-mention network on tiny_book: links, weights, node selection, deterministic layout."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from workbook.book import Book
from workbook.charts import network
from workbook.charts.network import LEVELS, co_mention_edges, co_mentions, spring_layout
from workbook.errors import ChartError

pytestmark = pytest.mark.unit


def _ids(book: Book) -> dict[str, str]:
    return dict(zip(book.entities["name"], book.entities["entity_id"], strict=True))


def _links(fig: go.Figure) -> dict[frozenset[str], int]:
    (mid,) = [t for t in fig.data if t.meta["marks"] == "link-midpoints"]
    return {frozenset(c[:2]): int(c[2]) for c in mid.customdata}


def _nodes(fig: go.Figure) -> dict[str, tuple[float, float, float]]:
    out = {}
    for t in fig.data:
        if t.meta["marks"] == "nodes":
            for c, x, y, s in zip(t.customdata, t.x, t.y, t.marker.size, strict=True):
                out[c[0]] = (float(x), float(y), float(s))
    return out


def test_sentence_level_links(tiny_book: Book) -> None:
    i = _ids(tiny_book)
    fig = co_mentions(tiny_book)
    assert _links(fig) == {
        frozenset({i["Kim Jong Un"], i["Sinpho"]}): 1,
        frozenset({i["Kim Jong Un"], i["Donald Trump"]}): 1,
        frozenset({i["Pyongyang"], i["Hwasong-15"]}): 1,
    }
    nodes = _nodes(fig)
    assert set(nodes) == {i[n] for n in ("Kim Jong Un", "Sinpho", "Donald Trump", "Pyongyang", "Hwasong-15")}
    assert nodes[i["Kim Jong Un"]][2] > nodes[i["Sinpho"]][2]  # 2 mentions against 1
    assert fig.layout.meta["n_nodes"] == 5 and fig.layout.meta["n_edges"] == 3
    lines = [t for t in fig.data if t.meta["marks"] == "links"]
    # one segment per link, separated by NaN (a gap for plotly.js; float arrays travel as typed arrays)
    assert sum(int(np.isnan(np.asarray(t.x, dtype=float)).sum()) for t in lines) == 3


def test_document_level_links_and_weights(tiny_book: Book) -> None:
    i = _ids(tiny_book)
    links = _links(co_mentions(tiny_book, level="document"))
    assert len(links) == 6 and links[frozenset({i["Kim Jong Un"], i["Jeffrey Lewis"]})] == 2
    fig = co_mentions(tiny_book, level="document", min_weight=2)
    assert _links(fig) == {frozenset({i["Kim Jong Un"], i["Jeffrey Lewis"]}): 2}
    assert set(_nodes(fig)) == {i["Kim Jong Un"], i["Jeffrey Lewis"]}
    edges = co_mention_edges(tiny_book, "document")
    assert list(edges["weight"]) == [2, 1, 1, 1, 1, 1] and (edges["a"] < edges["b"]).all()


def test_max_nodes_keeps_the_most_mentioned(tiny_book: Book) -> None:
    i = _ids(tiny_book)
    fig = co_mentions(tiny_book, level="document", max_nodes=2)
    assert set(_nodes(fig)) == {i["Kim Jong Un"], i["Jeffrey Lewis"]}
    assert fig.layout.meta["notes"] == ["Showing the 2 most mentioned of 6 linked entities."]


def test_layout_is_deterministic_and_independent_of_row_order(tiny_book: Book) -> None:
    fig = co_mentions(tiny_book, level="document")
    assert fig.to_json() == co_mentions(tiny_book, level="document").to_json()
    shuffled = tiny_book.with_tables(mentions=tiny_book.mentions.sample(frac=1.0, random_state=3))
    assert _nodes(co_mentions(shuffled, level="document")) == _nodes(fig)
    xy = np.array([n[:2] for n in _nodes(fig).values()])
    assert np.abs(xy).max() <= 1.0 and np.abs(xy).max() > 0.5  # scaled to the unit box
    assert fig.layout.yaxis.scaleanchor == "x"


def test_spring_layout_pulls_linked_nodes_together() -> None:
    edges = np.array([[0, 1], [2, 3]])
    pos = spring_layout(4, edges, np.array([5, 5]))
    d = lambda a, b: float(np.hypot(*(pos[a] - pos[b])))  # noqa: E731
    assert d(0, 1) < d(0, 2) and d(2, 3) < d(1, 3)
    assert spring_layout(1, np.zeros((0, 2), dtype=int), np.zeros(0)).tolist() == [[0.0, 0.0]]


def test_chunked_counting_gives_the_same_edges(tiny_book: Book, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = {level: co_mention_edges(tiny_book, level) for level in LEVELS}
    for rows, pairs in ((1, 10**6), (10**6, 1), (2, 2)):
        monkeypatch.setattr(network, "_CHUNK_ROWS", rows)
        monkeypatch.setattr(network, "_CHUNK_PAIRS", pairs)
        for level in LEVELS:
            assert co_mention_edges(tiny_book, level).equals(expected[level])


def test_pair_counts_match_a_brute_force_count() -> None:
    rng = np.random.default_rng(5)
    group = rng.integers(0, 60, 800)
    entity = rng.integers(0, 12, 800)
    members: dict[int, set[int]] = {}
    for g, e in zip(group.tolist(), entity.tolist(), strict=True):
        members.setdefault(g, set()).add(e)
    brute = np.zeros((12, 12), dtype=np.int64)
    for ents in members.values():
        for a in ents:
            for b in ents:
                if a < b:
                    brute[a, b] += 1
    assert np.array_equal(network._pair_counts(group, entity, 12), brute)
    shuffled = rng.permutation(800)  # row order does not matter
    assert np.array_equal(network._pair_counts(group[shuffled], entity[shuffled], 12), brute)
    order = np.argsort(group, kind="stable")  # nor does the already-grouped fast path
    assert np.array_equal(network._pair_counts(group[order], entity[order], 12), brute)


def test_names_are_escaped(tiny_book: Book) -> None:
    ents = tiny_book.entities.copy()
    ents.loc[ents["name"] == "Kim Jong Un", "name"] = "<b>Kim</b> & co"
    fig = co_mentions(tiny_book.with_tables(entities=ents))
    texts = [str(s) for t in fig.data for field in (t.text, t.hovertext) if field is not None for s in field]
    assert "&lt;b&gt;Kim&lt;/b&gt; &amp; co" in texts and not any("<b>Kim" in s for s in texts)


def test_no_links_or_no_mentions_give_a_no_data_figure(tiny_book: Book) -> None:
    assert co_mentions(Book()).layout.meta["empty"] is True
    fig = co_mentions(tiny_book, min_weight=5)
    assert fig.layout.meta["empty"] is True and "share a sentence" in fig.layout.annotations[0].text
    with pytest.raises(ChartError, match="level"):
        co_mentions(tiny_book, level="paragraph")
