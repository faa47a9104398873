"""Co-mention network: entities linked when they are named in the same sentence (or document).

The weight of a link is the number of sentences (or documents) naming both entities. Node size grows
with the entity's mentions in the Book. The layout is a seeded Fruchterman-Reingold spring layout in
numpy (no networkx), computed on nodes sorted by entity id, so the same Book gives the same picture.

Links are counted among the most mentioned entities only (``4 × max_nodes`` candidates): the mentions of
candidates are coded as (group, entity) integers, sorted once, and every pair of distinct entities within
a group is enumerated with numpy (in chunks of bounded size) and counted with ``np.bincount``; the work
grows with the number of co-occurring pairs, never with groups × entities.

``customdata``: a node is ``[entity_id]``; a link's hover point (the midpoint of the line) is
``[entity_id_a, entity_id_b, weight]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workbook.book import Book
from workbook.charts._cache import ChartCache, cache_for
from workbook.charts._text import escape_texts
from workbook.charts.common import (
    ENTITY_TYPE_COLORS,
    OTHER_COLOR,
    check_choice,
    distinct,
    entity_lookup,
    fmt_count,
    label_texts,
    make_figure,
    no_data_figure,
    top_order,
)
from workbook.errors import ChartError
from workbook.model import ENTITY_TYPES

__all__ = ["LEVELS", "co_mention_edges", "co_mentions", "spring_layout"]

LEVELS: tuple[str, ...] = ("sentence", "document")
#: Links are counted among this many times ``max_nodes`` most-mentioned entities.
_CANDIDATE_FACTOR = 4
#: Pairs are enumerated for at most this many (group, entity) rows at a time ...
_CHUNK_ROWS = 1_000_000
#: ... and for about this many pairs at a time, so memory stays bounded.
_CHUNK_PAIRS = 2_000_000
_LABELLED_NODES = 20
#: Pull towards the centre; without it unlinked clusters drift apart and squeeze each cluster to a dot.
_GRAVITY = 3.0


def spring_layout(
    n: int, edges: np.ndarray[Any, Any], weights: np.ndarray[Any, Any], seed: int = 7, iterations: int = 200
) -> np.ndarray[Any, Any]:
    """Fruchterman-Reingold positions (n × 2, within [-1, 1]) for ``n`` nodes and ``edges`` (m × 2 node
    indices) with ``weights`` (m); deterministic for a given ``seed``. Positions are complex numbers
    inside the loop (x + iy), which halves the numpy calls per iteration."""
    if n <= 1:
        return np.zeros((max(n, 0), 2))
    rng = np.random.default_rng(seed)
    start = rng.random((n, 2))
    z = start[:, 0] + 1j * start[:, 1]
    adj = np.zeros((n, n))
    if len(edges):
        w = np.asarray(weights, dtype=float)
        w = 0.5 + w / w.max()
        adj[edges[:, 0], edges[:, 1]] = w
        adj[edges[:, 1], edges[:, 0]] = w
    k = 1.0 / np.sqrt(n)
    k2, adj_k = k * k, adj / k
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = z[:, None] - z[None, :]
        dist = np.abs(delta)
        np.maximum(dist, 0.01, out=dist)
        disp = (delta * (k2 / (dist * dist) - adj_k * dist)).sum(axis=1)
        disp -= _GRAVITY * (z - z.sum() / n)  # gravity keeps separate clusters close and readable
        length = np.abs(disp)
        np.maximum(length, 0.01, out=length)
        z = z + disp * (np.minimum(length, t) / length)
        t -= dt
    pos = np.column_stack([z.real, z.imag])
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max()
    return np.round(pos / scale if scale > 0 else pos, 4)


@dataclass(frozen=True)
class _CoCounts:
    """Links among candidates: ``a``, ``b`` (indices into ``ids``, ``ids[a] < ids[b]``) and ``weight``;
    ``ids`` and ``sizes`` (mentions) of every entity in the mentions."""

    a: np.ndarray[Any, Any]
    b: np.ndarray[Any, Any]
    weight: np.ndarray[Any, Any]
    ids: np.ndarray[Any, Any]
    sizes: np.ndarray[Any, Any]


def _group_codes(shared: ChartCache, level: str) -> np.ndarray[Any, Any]:
    """An integer per mention naming its document (or its document and sentence)."""
    doc, _ = shared.mention_docs()
    if level == "document":
        return doc
    sentence = shared.mention_sentences()
    sentence = sentence - sentence.min(initial=0)
    return doc * (int(sentence.max(initial=0)) + 1) + sentence


def _pair_counts(group: np.ndarray[Any, Any], entity: np.ndarray[Any, Any], c: int) -> np.ndarray[Any, Any]:
    """c × c counts of groups naming both entities (upper triangle), for parallel ``group``/``entity``
    codes (entity in 0..c-1)."""
    # each entity once per group; mentions stored in document order make the keys almost sorted already
    grouped = len(group) < 2 or bool(np.all(group[1:] >= group[:-1]))
    key = distinct(group * c + entity, kind="stable" if grouped else "quicksort")
    g = key // c
    e = (key - g * c).astype(np.int64)  # sorted by group, entities ascending within a group
    n = len(key)
    counts = np.zeros(c * c, dtype=np.int64)
    if n < 2:
        return counts.reshape(c, c)
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(g[1:], g[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    ends = np.append(starts[1:], n)
    after = ends[np.cumsum(new) - 1] - np.arange(n) - 1  # partners after each row, in its group
    cum = np.cumsum(after)
    lo = 0
    while lo < n:  # rows in chunks of about _CHUNK_PAIRS pairs (a row has fewer than c partners)
        hi = int(np.searchsorted(cum, (cum[lo - 1] if lo else 0) + _CHUNK_PAIRS, side="right"))
        hi = min(max(hi, lo + 1), lo + _CHUNK_ROWS, n)
        a = after[lo:hi]
        left = np.repeat(np.arange(lo, hi), a)
        right = left + 1 + np.arange(len(left)) - np.repeat(np.cumsum(a) - a, a)
        counts += np.bincount(e[left] * c + e[right], minlength=c * c)
        lo = hi
    return counts.reshape(c, c)


def _co_counts(shared: ChartCache, level: str, candidates: int | None) -> _CoCounts:
    codes, ids = shared.mention_entities()
    sizes = np.bincount(codes[codes >= 0], minlength=len(ids))
    keep = top_order(sizes, lambda i: ids[i], candidates)
    c = len(keep)
    slot = np.full(len(ids) + 1, -1, dtype=np.int64)  # the last slot: a mention without entity
    slot[keep] = np.arange(c)
    cand = slot[codes]
    rows = cand >= 0
    group = _group_codes(shared, level)[rows] if c else np.zeros(0, dtype=np.int64)
    co = _pair_counts(group, cand[rows], c) if c else np.zeros((0, 0), dtype=np.int64)
    i, j = np.nonzero(np.triu(co, k=1))
    a, b = keep[i], keep[j]
    swap = ids[a] > ids[b]
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    return _CoCounts(a, b, co[i, j], ids, sizes)


def co_mention_edges(
    book: Book, level: str = "sentence", candidates: int | None = None, cache: ChartCache | None = None
) -> pd.DataFrame:
    """Pairs of entities named together: columns ``a``, ``b`` (entity ids, a < b) and ``weight`` (shared
    sentences or documents), among the ``candidates`` most-mentioned entities (all when None)."""
    check_choice("level", level, LEVELS)
    empty = pd.DataFrame(
        {"a": pd.Series([], dtype=object), "b": pd.Series([], dtype=object), "weight": pd.Series([], dtype=np.int64)}
    )
    if book.mentions.empty:
        return empty
    co = _co_counts(cache_for(book, cache), level, candidates)
    if not len(co.weight):
        return empty
    out = pd.DataFrame({"a": co.ids[co.a], "b": co.ids[co.b], "weight": co.weight.astype(np.int64)})
    return out.sort_values(["weight", "a", "b"], ascending=[False, True, True], ignore_index=True)


def _link_lines(
    pos: np.ndarray[Any, Any], a: np.ndarray[Any, Any], b: np.ndarray[Any, Any], axis: int
) -> np.ndarray[Any, Any]:
    """x (axis 0) or y (axis 1) of line segments a→b, separated by NaN (a gap for plotly.js); float32, which
    holds the layout's 4 decimals and halves the typed array sent to the page."""
    out = np.full(3 * len(a), np.nan, dtype=np.float32)
    out[0::3] = pos[a, axis]
    out[1::3] = pos[b, axis]
    return out


def co_mentions(
    book: Book,
    level: str = "sentence",
    min_weight: int = 1,
    max_nodes: int = 60,
    seed: int = 7,
    cache: ChartCache | None = None,
) -> go.Figure:
    """Network of entities that share sentences (``level="sentence"``) or documents (``"document"``).

    Links need at least ``min_weight`` shared sentences/documents; entities without such a link are
    left out, and of the rest the ``max_nodes`` most mentioned are shown (notes say how many were cut).
    ``cache``: a :class:`~workbook.charts.ChartCache` of ``book`` shared with other charts.
    """
    check_choice("level", level, LEVELS)
    if min_weight < 1 or max_nodes < 2:
        raise ChartError(f"min_weight must be >= 1 and max_nodes >= 2 (got {min_weight}, {max_nodes}).")
    title = f"Co-mentions by {level}"
    meta: dict[str, Any] = {"chart": "co_mentions", "level": level, "min_weight": min_weight, "seed": seed}
    codes = cache_for(book, cache)
    if not codes.n_mentions():
        return no_data_figure(title, "No data: no mentions in this view.", meta)
    co = _co_counts(codes, level, _CANDIDATE_FACTOR * max_nodes)
    strong = co.weight >= min_weight
    if not strong.any():
        return no_data_figure(title, f"No data: no two entities share a {level} (at least {min_weight} times).", meta)
    ea, eb, weights = co.a[strong], co.b[strong], co.weight[strong].astype(np.int64)
    linked = np.flatnonzero(np.bincount(np.concatenate([ea, eb]), minlength=len(co.ids)))
    ranked = linked[top_order(co.sizes[linked], lambda i: co.ids[linked[i]], max_nodes)]
    nodes_idx = ranked[np.argsort(co.ids[ranked].astype(str), kind="stable")]  # sorted by id: a stable layout
    nodes = [str(e) for e in co.ids[nodes_idx]]
    notes = []
    if len(linked) > max_nodes:
        notes.append(f"Showing the {max_nodes} most mentioned of {len(linked):,} linked entities.")
    node_of = np.full(len(co.ids), -1, dtype=np.int64)
    node_of[nodes_idx] = np.arange(len(nodes_idx))
    pa, pb = node_of[ea], node_of[eb]
    inside = (pa >= 0) & (pb >= 0)
    pa, pb, weights = pa[inside], pb[inside], weights[inside]
    order = np.lexsort((co.ids[eb[inside]].astype(str), co.ids[ea[inside]].astype(str), -weights))
    pa, pb, weights = pa[order], pb[order], weights[order]  # heaviest first, then by ids
    pos = spring_layout(len(nodes), np.column_stack([pa, pb]), weights, seed=seed)
    names, node_types = entity_lookup(book.entities, nodes)
    data: list[dict[str, Any]] = []
    unit = "sentence" if level == "sentence" else "document"
    wmax = int(weights.max())
    level_of = np.ceil(4 * weights / wmax).astype(np.int64)
    for lev in np.unique(level_of).tolist():
        idx = np.flatnonzero(level_of == lev)
        data.append(
            {
                "type": "scatter",
                "x": _link_lines(pos, pa[idx], pb[idx], 0),
                "y": _link_lines(pos, pa[idx], pb[idx], 1),
                "mode": "lines",
                "line": {"width": 0.5 + lev, "color": "rgba(120,120,120,0.5)"},
                "hoverinfo": "skip",
                "showlegend": False,
                "name": f"links (weight ≤ {int(np.ceil(lev * wmax / 4))})",
                "meta": {"marks": "links"},
            }
        )
    mid = (pos[pa] + pos[pb]) / 2
    short = escape_texts(names, max_chars=60)
    shared = np.array([fmt_count(w, "shared " + unit) for w in weights.tolist()], dtype=object)
    link_hover = short[pa] + " — " + short[pb] + ": " + shared
    node_ids = np.array(nodes, dtype=object)
    link_ids = np.empty((len(pa), 3), dtype=object)
    link_ids[:, 0], link_ids[:, 1] = node_ids[pa], node_ids[pb]
    link_ids[:, 2] = weights.tolist()  # ints, not strings
    data.append(
        {
            "type": "scatter",
            "x": mid[:, 0].astype(np.float32),
            "y": mid[:, 1].astype(np.float32),
            "mode": "markers",
            "showlegend": False,
            "name": "links",
            "marker": {"size": 8, "color": "rgba(0,0,0,0)"},
            "hoverinfo": "text",
            "hovertext": link_hover,
            "customdata": link_ids,
            "meta": {"marks": "link-midpoints"},
        }
    )
    degree = np.bincount(np.concatenate([pa, pb]), minlength=len(nodes))
    n_ment = co.sizes[nodes_idx]
    size = 8 + 20 * np.sqrt(n_ment / max(int(n_ment.max()), 1))
    labelled = np.zeros(len(nodes), dtype=bool)
    labelled[top_order(n_ment, lambda i: co.ids[nodes_idx[i]], _LABELLED_NODES)] = True
    text = np.where(labelled, label_texts(names, 28), "")
    bold = escape_texts(names, max_chars=80)
    for t in [*ENTITY_TYPES, *sorted(set(node_types.tolist()) - set(ENTITY_TYPES))]:
        sel = np.flatnonzero(node_types == t)
        if not len(sel):
            continue
        hovers = [
            f"<b>{bold[i]}</b> ({t})<br>{fmt_count(int(n_ment[i]), 'mention')}<br>"
            f"linked to {fmt_count(int(degree[i]), 'entity', 'entities')}"
            for i in sel.tolist()
        ]
        data.append(
            {
                "type": "scatter",
                "x": pos[sel, 0].astype(np.float32),
                "y": pos[sel, 1].astype(np.float32),
                "mode": "markers+text",
                "name": t.replace("_", " "),
                "text": text[sel],
                "textposition": "top center",
                "textfont": {"size": 10},
                "marker": {
                    "size": np.round(size[sel], 1),
                    "color": ENTITY_TYPE_COLORS.get(t, OTHER_COLOR),
                    "line": {"color": "white", "width": 1},
                },
                "customdata": node_ids[sel].reshape(-1, 1),
                "hoverinfo": "text",
                "hovertext": np.array(hovers, dtype=object),
                "meta": {"marks": "nodes", "type": t},
            }
        )
    layout = {
        "xaxis": {"visible": False, "range": [-1.15, 1.15]},
        "yaxis": {"visible": False, "range": [-1.15, 1.15], "scaleanchor": "x"},
        "hovermode": "closest",
        "legend": {"title": {"text": "type"}},
    }
    meta.update(n_nodes=len(nodes), n_edges=len(weights), node_ids=nodes)
    return make_figure(data, layout, title, meta, notes, height=600)
