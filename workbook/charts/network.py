"""Co-mention network: entities linked when they are named in the same sentence (or document).

The weight of a link is the number of sentences (or documents) naming both entities. Node size grows
with the entity's mentions in the Book. The layout is a seeded Fruchterman-Reingold spring layout in
numpy (no networkx), computed on nodes sorted by entity id, so the same Book gives the same picture.

``customdata``: a node is ``[entity_id]``; a link's hover point (the midpoint of the line) is
``[entity_id_a, entity_id_b, weight]``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workbook.book import Book
from workbook.charts._common import (
    ENTITY_TYPE_COLORS,
    OTHER_COLOR,
    check_choice,
    entity_labels,
    finish_layout,
    fmt_count,
    hover_escape,
    label,
    no_data_figure,
)
from workbook.errors import ChartError
from workbook.model import ENTITY_TYPES

__all__ = ["LEVELS", "co_mention_edges", "co_mentions", "spring_layout"]

LEVELS: tuple[str, ...] = ("sentence", "document")
#: Links are counted among this many times ``max_nodes`` most-mentioned entities.
_CANDIDATE_FACTOR = 4
_CHUNK_GROUPS = 20_000
_LABELLED_NODES = 20
#: Pull towards the centre; without it unlinked clusters drift apart and squeeze each cluster to a dot.
_GRAVITY = 3.0


def spring_layout(n: int, edges: np.ndarray, weights: np.ndarray, seed: int = 7, iterations: int = 200) -> np.ndarray:
    """Fruchterman-Reingold positions (n × 2, within [-1, 1]) for ``n`` nodes and ``edges`` (m × 2 node
    indices) with ``weights`` (m); deterministic for a given ``seed``."""
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    adj = np.zeros((n, n))
    if len(edges):
        w = np.asarray(weights, dtype=float)
        w = 0.5 + w / w.max()
        adj[edges[:, 0], edges[:, 1]] = w
        adj[edges[:, 1], edges[:, 0]] = w
    k = 1.0 / np.sqrt(n)
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.sqrt((delta**2).sum(axis=-1)), 0.01)
        force = k * k / dist**2 - adj * dist / k
        disp = (delta * force[:, :, None]).sum(axis=1)
        disp -= _GRAVITY * (pos - pos.mean(axis=0))  # gravity keeps separate clusters close and readable
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 0.01)
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= dt
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max()
    return np.round(pos / scale if scale > 0 else pos, 4)


def co_mention_edges(book: Book, level: str = "sentence", candidates: int | None = None) -> pd.DataFrame:
    """Pairs of entities named together: columns ``a``, ``b`` (entity ids, a < b) and ``weight`` (shared
    sentences or documents), among the ``candidates`` most-mentioned entities (all when None)."""
    check_choice("level", level, LEVELS)
    m = book.mentions
    empty = pd.DataFrame({"a": pd.Series([], dtype=object), "b": pd.Series([], dtype=object),
                          "weight": pd.Series([], dtype=np.int64)})  # fmt: skip
    if m.empty:
        return empty
    ents = m["entity_id"].astype(str)
    sizes = ents.value_counts()
    ranked = sorted(sizes.index, key=lambda e: (-int(sizes[e]), e))
    keep = ranked if candidates is None else ranked[:candidates]
    codes = {e: i for i, e in enumerate(keep)}
    group = m["doc_id"].astype(str)
    if level == "sentence":
        group = group + ":" + m["sentence"].astype(str)
    sub = pd.DataFrame({"g": group.to_numpy(), "e": ents.map(codes).to_numpy()}).dropna().drop_duplicates()
    sub["e"] = sub["e"].astype(np.int64)
    multi = sub.groupby("g")["e"].transform("size") >= 2
    sub = sub[multi.to_numpy()]
    if sub.empty:
        return empty
    g_codes, _ = pd.factorize(sub["g"], sort=True)
    e_codes = sub["e"].to_numpy()
    c = len(keep)
    co = np.zeros((c, c), dtype=np.int64)
    n_groups = int(g_codes.max()) + 1
    for lo in range(0, n_groups, _CHUNK_GROUPS):
        sel = (g_codes >= lo) & (g_codes < lo + _CHUNK_GROUPS)
        inc = np.zeros((min(_CHUNK_GROUPS, n_groups - lo), c), dtype=np.float64)
        inc[g_codes[sel] - lo, e_codes[sel]] = 1.0
        co += np.rint(inc.T @ inc).astype(np.int64)
    i, j = np.nonzero(np.triu(co, k=1))
    a = np.array(keep, dtype=object)[i]
    b = np.array(keep, dtype=object)[j]
    lo_id, hi_id = np.where(a < b, a, b), np.where(a < b, b, a)
    out = pd.DataFrame({"a": lo_id, "b": hi_id, "weight": co[i, j]})
    return out.sort_values(["weight", "a", "b"], ascending=[False, True, True], ignore_index=True)


def co_mentions(
    book: Book, level: str = "sentence", min_weight: int = 1, max_nodes: int = 60, seed: int = 7
) -> go.Figure:
    """Network of entities that share sentences (``level="sentence"``) or documents (``"document"``).

    Links need at least ``min_weight`` shared sentences/documents; entities without such a link are
    left out, and of the rest the ``max_nodes`` most mentioned are shown (notes say how many were cut).
    """
    check_choice("level", level, LEVELS)
    if min_weight < 1 or max_nodes < 2:
        raise ChartError(f"min_weight must be >= 1 and max_nodes >= 2 (got {min_weight}, {max_nodes}).")
    title = f"Co-mentions by {level}"
    meta: dict[str, Any] = {"chart": "co_mentions", "level": level, "min_weight": min_weight, "seed": seed}
    if book.mentions.empty:
        return no_data_figure(title, "No data: no mentions in this view.", meta)
    edges = co_mention_edges(book, level, candidates=_CANDIDATE_FACTOR * max_nodes)
    edges = edges[edges["weight"] >= min_weight]
    if edges.empty:
        return no_data_figure(title, f"No data: no two entities share a {level} (at least {min_weight} times).", meta)
    sizes = book.mentions["entity_id"].astype(str).value_counts()
    linked = pd.unique(np.concatenate([edges["a"].to_numpy(), edges["b"].to_numpy()]))
    ranked = sorted(linked, key=lambda e: (-int(sizes.get(e, 0)), e))
    nodes = sorted(ranked[:max_nodes])
    notes = []
    if len(ranked) > max_nodes:
        notes.append(f"Showing the {max_nodes} most mentioned of {len(ranked):,} linked entities.")
    node_set = set(nodes)
    edges = edges[edges["a"].isin(node_set) & edges["b"].isin(node_set)].reset_index(drop=True)
    index = {e: i for i, e in enumerate(nodes)}
    pairs = np.column_stack([edges["a"].map(index).to_numpy(), edges["b"].map(index).to_numpy()]).astype(np.int64)
    weights = edges["weight"].to_numpy(dtype=np.int64)
    pos = spring_layout(len(nodes), pairs, weights, seed=seed)
    names = entity_labels(book.entities)
    types_by_id = dict(zip(book.entities["entity_id"].astype(str), book.entities["type"].astype(str), strict=True))
    fig = go.Figure()
    unit = "sentence" if level == "sentence" else "document"
    wmax = int(weights.max())
    level_of = np.ceil(4 * weights / wmax).astype(np.int64)
    for lev in sorted(set(level_of.tolist())):
        idx = np.nonzero(level_of == lev)[0]
        xs: list[float | None] = []
        ys: list[float | None] = []
        for a, b in pairs[idx]:
            xs += [float(pos[a, 0]), float(pos[b, 0]), None]
            ys += [float(pos[a, 1]), float(pos[b, 1]), None]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", line={"width": 0.5 + lev, "color": "rgba(120,120,120,0.5)"},
            hoverinfo="skip", showlegend=False, name=f"links (weight ≤ {int(np.ceil(lev * wmax / 4))})",
            meta={"marks": "links"},
        ))  # fmt: skip
    mid = (pos[pairs[:, 0]] + pos[pairs[:, 1]]) / 2
    triples = list(edges[["a", "b", "weight"]].itertuples(index=False))
    fig.add_trace(go.Scatter(
        x=np.round(mid[:, 0], 4), y=np.round(mid[:, 1], 4), mode="markers", showlegend=False, name="links",
        marker={"size": 8, "color": "rgba(0,0,0,0)"}, hoverinfo="text",
        hovertext=[f"{hover_escape(names.get(a, a), max_chars=60)} — {hover_escape(names.get(b, b), max_chars=60)}: "
                   f"{fmt_count(int(w), 'shared ' + unit)}" for a, b, w in triples],
        customdata=[[a, b, int(w)] for a, b, w in triples],
        meta={"marks": "link-midpoints"},
    ))  # fmt: skip
    degree = np.bincount(pairs.ravel(), minlength=len(nodes))
    n_ment = np.array([int(sizes.get(e, 0)) for e in nodes])
    size = 8 + 20 * np.sqrt(n_ment / max(int(n_ment.max()), 1))
    labelled = set(sorted(nodes, key=lambda e: (-int(sizes.get(e, 0)), e))[:_LABELLED_NODES])
    node_types = [types_by_id.get(e, "other") for e in nodes]
    for t in [*ENTITY_TYPES, *sorted(set(node_types) - set(ENTITY_TYPES))]:
        sel_idx = [i for i, nt in enumerate(node_types) if nt == t]
        if not sel_idx:
            continue
        fig.add_trace(go.Scatter(
            x=pos[sel_idx, 0], y=pos[sel_idx, 1], mode="markers+text", name=t.replace("_", " "),
            text=[label(names.get(nodes[i], nodes[i]), 28) if nodes[i] in labelled else "" for i in sel_idx],
            textposition="top center", textfont={"size": 10},
            marker={"size": np.round(size[sel_idx], 1), "color": ENTITY_TYPE_COLORS.get(t, OTHER_COLOR),
                    "line": {"color": "white", "width": 1}},
            customdata=[[nodes[i]] for i in sel_idx], hoverinfo="text",
            hovertext=[f"<b>{hover_escape(names.get(nodes[i], nodes[i]), max_chars=80)}</b> ({t})<br>"
                       f"{fmt_count(int(n_ment[i]), 'mention')}<br>"
                       f"linked to {fmt_count(int(degree[i]), 'entity', 'entities')}" for i in sel_idx],
            meta={"marks": "nodes", "type": t},
        ))  # fmt: skip
    fig.update_layout(
        xaxis={"visible": False, "range": [-1.15, 1.15]},
        yaxis={"visible": False, "range": [-1.15, 1.15], "scaleanchor": "x"},
        hovermode="closest",
        legend={"title": {"text": "type"}},
    )
    meta.update(n_nodes=len(nodes), n_edges=len(edges), node_ids=nodes)
    return finish_layout(fig, title, meta, notes, height=600)
