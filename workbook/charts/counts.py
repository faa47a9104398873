"""Count charts: mentions over time, top entities, claims by speaker and confidence band.

Counts come from the rows in the Book (a filtered Book gives the counts of its view). ``customdata``
maps every mark back to rows:

- :func:`mentions_over_time`: ``[entity_id, first_day, last_day]`` of the bin;
- :func:`top_entities`: ``[entity_id]``;
- :func:`claims_by_confidence`: ``[speaker_kind, speaker_key, band]`` where ``speaker_kind`` is
  ``entity`` (``speaker_key`` = claims.speaker_id), ``text`` (``speaker_key`` = claims.speaker_text of a
  claim without speaker_id), ``unattributed`` (no speaker at all; key "") or ``other`` (the speakers
  beyond ``max_speakers``; key "").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workbook.book import Book
from workbook.charts._cache import ChartCache, cache_for
from workbook.charts._text import codes_of, collapse
from workbook.charts.common import (
    CONFIDENCE_COLORS,
    ENTITY_TYPE_COLORS,
    OTHER_COLOR,
    QUALITATIVE_COLORS,
    bin_index,
    bin_range,
    check_choice,
    count_axis,
    distinct,
    entity_lookup,
    fmt_count,
    hover_escape,
    index_in,
    iso_days,
    label,
    label_texts,
    make_figure,
    next_bin,
    no_data_figure,
    top_order,
    unique_labels,
)
from workbook.errors import ChartError
from workbook.model import CONFIDENCE_BANDS, ENTITY_TYPES

__all__ = ["FREQS", "MAX_PERIODS", "claims_by_confidence", "mentions_over_time", "top_entities"]

#: Bin codes for :func:`mentions_over_time` and their names.
FREQS: dict[str, str] = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "10Y": "decade"}
#: A line never gets more points than this; a finer ``freq`` is coarsened (and a note says so).
MAX_PERIODS = 2000
#: Above this many (entity, document) cells, distinct documents are counted by sorting instead.
_DENSE_CELLS = 20_000_000


def _distinct_per_lane(
    lane: np.ndarray[Any, Any], n_lanes: int, docs: np.ndarray[Any, Any], n_docs: int
) -> np.ndarray[Any, Any]:
    """How many distinct documents each lane (0..n_lanes-1, -1 for none) has, over parallel rows of lanes
    and document codes (0..n_docs-1, -1 for none)."""
    keep = (lane >= 0) & (docs >= 0)
    lane, d_codes = lane[keep], docs[keep]
    if n_lanes * n_docs <= _DENSE_CELLS:
        seen = np.zeros(n_lanes * n_docs, dtype=bool)
        seen[lane * n_docs + d_codes] = True
        out: np.ndarray[Any, Any] = seen.reshape(n_lanes, n_docs).sum(axis=1)
        return out
    pairs = distinct(lane * n_docs + d_codes)
    return np.bincount(pairs // n_docs, minlength=n_lanes)


def mentions_over_time(
    book: Book, entity_ids: Sequence[str] | None = None, top: int = 8, freq: str = "M", cache: ChartCache | None = None
) -> go.Figure:
    """Mentions of each entity per ``freq`` bin of their documents' publication date, as lines.

    ``entity_ids`` picks the entities (in that order); by default the ``top`` entities with the most
    mentions in dated documents. ``freq`` is one of :data:`FREQS`; a bin with no mentions counts 0.
    Mentions in documents without a publication date are counted apart, in a note and in each trace's
    ``meta["undated"]``. ``cache``: a :class:`~workbook.charts.ChartCache` of ``book`` shared with other charts.
    """
    check_choice("freq", freq, tuple(FREQS))
    if top < 1:
        raise ChartError(f"top must be >= 1 (got {top}).")
    m = book.mentions
    title = "Mentions over time"
    if m.empty:
        return no_data_figure(title, "No data: no mentions in this view.", {"chart": "mentions_over_time"})
    shared = cache_for(book, cache)
    e_codes, e_ids = shared.mention_entities()
    d_codes, d_ids = shared.mention_docs()
    row = index_in(d_ids, book.documents["doc_id"])  # each document's row, or -1
    published = book.documents["published"].to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
    doc_day = np.where(row >= 0, published[np.maximum(row, 0)], np.datetime64("NaT"))
    doc_dated = np.append(~np.isnat(doc_day), False)  # the last slot: a mention without a document
    dated = doc_dated[d_codes] & (e_codes >= 0)
    undated = ~dated & (e_codes >= 0)
    n_undated = int(undated.sum())
    undated_by = np.bincount(e_codes[undated], minlength=len(e_ids))
    if entity_ids is None:
        sizes = np.bincount(e_codes[dated], minlength=len(e_ids))
        present = np.flatnonzero(sizes)
        picked = present[top_order(sizes[present], lambda i: entity_lookup(book.entities, e_ids[present[i]])[0], top)]
        chosen = [str(e) for e in e_ids[picked]]
    else:
        chosen = list(dict.fromkeys(str(e) for e in entity_ids))
    notes = []
    if n_undated:
        n_docs = int(np.count_nonzero(np.bincount(d_codes[undated & (d_codes >= 0)], minlength=len(d_ids))))
        notes.append(f"{fmt_count(n_undated, 'mention')} in {fmt_count(n_docs, 'undated document')} not counted.")
    meta: dict[str, Any] = {
        "chart": "mentions_over_time",
        "freq": freq,
        "entity_ids": chosen,
        "n_undated_mentions": n_undated,
    }
    if not dated.any() or not chosen:
        msg = "No data: no mentions in dated documents in this view."
        if n_undated:
            msg += f" {notes[0]}"
        return no_data_figure(title, msg, meta)
    used = doc_dated[:-1] & (np.bincount(d_codes[dated], minlength=len(d_ids)) > 0)
    first, last = doc_day[used].min(), doc_day[used].max()
    code = freq
    codes = list(FREQS)
    bins = bin_range(first, last, code, MAX_PERIODS)
    while bins is None:
        code = codes[codes.index(code) + 1]
        bins = bin_range(first, last, code, MAX_PERIODS)
    if code != freq:
        notes.append(f"Too many {FREQS[freq]}s for one chart: counted per {FREQS[code]}.")
    meta.update(freq=code, requested_freq=freq)
    doc_bin = np.full(len(d_ids) + 1, -1, dtype=np.int64)  # per document (last slot: none), its bin
    doc_bin[:-1][used] = bin_index(doc_day[used], bins[0], code)
    where = {e: i for i, e in enumerate(e_ids.tolist())}
    lane_of = np.full(len(e_ids) + 1, -1, dtype=np.int64)  # per entity (last slot: none), its line
    for k, eid in enumerate(chosen):
        if eid in where:
            lane_of[where[eid]] = k
    lane = lane_of[e_codes]
    sel = (lane >= 0) & dated
    n_bins = len(bins)
    cell = lane[sel] * n_bins + doc_bin[d_codes[sel]]
    counts = np.bincount(cell, minlength=len(chosen) * n_bins).reshape(len(chosen), n_bins)
    first_s = iso_days(bins)
    last_s = iso_days(next_bin(bins, code) - np.timedelta64(1, "D"))
    names, _ = entity_lookup(book.entities, chosen)
    unit = FREQS[code]
    mode = "lines+markers" if n_bins <= 60 else "lines"
    data = []
    for i, eid in enumerate(chosen):
        n_und = int(undated_by[where[eid]]) if eid in where else 0
        data.append(
            {
                "type": "scatter",
                "x": first_s,
                "y": counts[i],
                "mode": mode,
                "name": label(names[i]),
                "customdata": np.column_stack([np.full(n_bins, eid, dtype=object), first_s, last_s]),
                "hovertemplate": "%{customdata[1]} – %{customdata[2]}<br>%{y} mentions"
                + (f" (+{n_und} undated)" if n_und else ""),
                "line": {"color": QUALITATIVE_COLORS[i % len(QUALITATIVE_COLORS)]},
                "meta": {"entity_id": eid, "undated": n_und},
            }
        )
    layout = {
        "xaxis": {"type": "date", "title": {"text": f"publication date ({unit})"}},
        "yaxis": count_axis(int(counts.max(initial=0)), f"mentions per {unit}"),
        "hovermode": "closest",
    }
    return make_figure(data, layout, f"Mentions per {unit}, by publication date", meta, notes)


def _bar_hovers(
    names: np.ndarray[Any, Any], types: np.ndarray[Any, Any], n: np.ndarray[Any, Any], docs: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    return np.array(
        [
            f"<b>{hover_escape(name, max_chars=80)}</b> ({t})<br>"
            f"{fmt_count(int(k), 'mention')} in {fmt_count(int(d), 'document')}"
            for name, t, k, d in zip(names, types, n, docs, strict=True)
        ],
        dtype=object,
    )


def _bar(
    t: str,
    x: np.ndarray[Any, Any],
    ys: np.ndarray[Any, Any],
    ids: np.ndarray[Any, Any],
    hovers: np.ndarray[Any, Any],
    **extra: Any,
) -> dict[str, Any]:
    return {
        "type": "bar",
        "orientation": "h",
        "x": x,
        "y": ys,
        "name": t.replace("_", " "),
        "customdata": ids.reshape(-1, 1),
        "hovertext": hovers,
        "hoverinfo": "text",
        "marker": {"color": ENTITY_TYPE_COLORS.get(t, OTHER_COLOR)},
        "meta": {"type": t},
        **extra,
    }


def top_entities(book: Book, by_type: bool = True, n: int = 10, cache: ChartCache | None = None) -> go.Figure:
    """Horizontal bars of the entities with the most mentions in the Book.

    ``by_type=True``: one facet per entity type, each with its ``n`` top entities; ``False``: the ``n``
    top entities overall, coloured by type. ``customdata`` is ``[entity_id]``. ``cache``: a
    :class:`~workbook.charts.ChartCache` of ``book`` shared with other charts.
    """
    if n < 1:
        raise ChartError(f"n must be >= 1 (got {n}).")
    title = "Most mentioned entities"
    shared = cache_for(book, cache)
    e_codes, e_ids = shared.mention_entities() if shared.n_mentions() else (np.zeros(0, np.int64), np.zeros(0, object))
    if not len(e_ids):
        return no_data_figure(title, "No data: no mentions in this view.", {"chart": "top_entities"})
    sizes = np.bincount(e_codes[e_codes >= 0], minlength=len(e_ids))
    meta: dict[str, Any] = {"chart": "top_entities", "by_type": by_type, "n": n}
    if by_type:
        all_names, all_types = entity_lookup(book.entities, e_ids)
        types = [t for t in (*ENTITY_TYPES, *sorted(set(all_types) - set(ENTITY_TYPES))) if t in set(all_types)]
        parts = []
        for t in types:
            members = np.flatnonzero(all_types == t)

            def names_of(i: np.ndarray[Any, Any], members: np.ndarray[Any, Any] = members) -> np.ndarray[Any, Any]:
                return all_names[members[i]]

            parts.append((t, members[top_order(sizes[members], names_of, n)]))
        picked = np.concatenate([p for _, p in parts])
    else:
        picked = top_order(sizes, lambda i: entity_lookup(book.entities, e_ids[i])[0], n)
    lane_of = np.full(len(e_ids), -1, dtype=np.int64)
    lane_of[picked] = np.arange(len(picked))
    d_codes, d_ids = shared.mention_docs()
    lanes = np.where(e_codes >= 0, lane_of[np.maximum(e_codes, 0)], -1)
    docs = _distinct_per_lane(lanes, len(picked), d_codes, len(d_ids))
    names, etypes = entity_lookup(book.entities, e_ids[picked])
    hovers = _bar_hovers(names, etypes, sizes[picked], docs)
    ys_all = label_texts(names, 40)
    if by_type:
        fig = _facets(parts, sizes, e_ids, ys_all, hovers, title, meta)
        meta["types"] = types
        return fig
    rev = np.arange(len(picked))[::-1]  # the most mentioned on top
    ys = np.array(unique_labels(ys_all[rev].tolist()), dtype=object)
    data = []
    present = set(etypes.tolist())
    for t in [t for t in (*ENTITY_TYPES, *sorted(present - set(ENTITY_TYPES))) if t in present]:
        sel = rev[etypes[rev] == t]
        k = np.isin(rev, sel)
        data.append(_bar(t, sizes[picked][sel], ys[k], e_ids[picked][sel], hovers[sel]))
    layout = {
        "barmode": "overlay",
        "yaxis": {"type": "category", "categoryorder": "array", "categoryarray": ys, "automargin": True},
        "xaxis": count_axis(int(sizes[picked].max(initial=0)), "mentions"),
        "legend": {"title": {"text": "type"}},
    }
    return make_figure(data, layout, title, meta, height=160 + 24 * len(picked))


def _facets(
    parts: list[tuple[str, np.ndarray[Any, Any]]],
    sizes: np.ndarray[Any, Any],
    e_ids: np.ndarray[Any, Any],
    ys_all: np.ndarray[Any, Any],
    hovers: np.ndarray[Any, Any],
    title: str,
    meta: dict[str, Any],
) -> go.Figure:
    """One facet (row of a shared x axis) per entity type, laid out as ``make_subplots`` would."""
    heights = [len(p) for _, p in parts]
    gap_px = 50  # room for each facet's title
    plot_px = 24 * sum(heights) + gap_px * (len(parts) - 1)
    spacing = gap_px / plot_px if len(parts) > 1 else 0.0
    usable = 1.0 - spacing * (len(parts) - 1)
    data: list[dict[str, Any]] = []
    layout: dict[str, Any] = {"showlegend": False, "annotations": []}
    top, offset, rows = 1.0, 0, len(parts)
    for r, (t, members) in enumerate(parts, start=1):
        bottom = top - usable * heights[r - 1] / sum(heights)
        lanes = np.arange(offset, offset + len(members))[::-1]
        offset += len(members)
        ys = np.array(unique_labels(ys_all[lanes].tolist()), dtype=object)
        suffix = "" if r == 1 else str(r)
        data.append(
            _bar(
                t, sizes[members][::-1], ys, e_ids[members][::-1], hovers[lanes], xaxis=f"x{suffix}", yaxis=f"y{suffix}"
            )
        )
        xaxis: dict[str, Any] = {"anchor": f"y{suffix}", "domain": [0.0, 1.0]}
        if r < rows:
            xaxis.update(matches=f"x{rows}", showticklabels=False)
        else:
            xaxis.update(count_axis(int(sizes[np.concatenate([p for _, p in parts])].max()), "mentions"))
        layout[f"xaxis{suffix}"] = xaxis
        layout[f"yaxis{suffix}"] = {
            "anchor": f"x{suffix}",
            "domain": [max(bottom, 0.0), top],
            "type": "category",
            "categoryorder": "array",
            "categoryarray": ys,
            "automargin": True,
        }
        layout["annotations"].append(
            {
                "text": t.replace("_", " "),
                "x": 0.5,
                "y": top,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "center",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 16},
            }
        )
        top = bottom - spacing
    return make_figure(data, layout, title, meta, height=plot_px + 150)


def _speakers(book: Book) -> tuple[np.ndarray[Any, Any], list[tuple[str, str]]]:
    """Per claim, the index of its speaker; and the speakers as (kind, key): resolved entities (by id),
    speakers as written (whitespace collapsed) and, last, "unattributed" when some claim has no speaker."""
    c = book.claims
    sid = c["speaker_id"]
    has_id = sid.notna().to_numpy(dtype=bool)
    t_codes, t_raw = codes_of(c["speaker_text"])
    t_norm = np.array([collapse(t) for t in t_raw.tolist()], dtype=object)
    t_group, t_keys = pd.factorize(t_norm) if len(t_norm) else (np.zeros(0, np.int64), np.zeros(0, object))
    text_code = np.append(np.asarray(t_group, dtype=np.int64), -1)[t_codes]  # code -1 picks the trailing -1
    empty = np.flatnonzero(np.asarray(t_keys, dtype=object) == "")
    if len(empty):
        text_code[np.isin(text_code, empty)] = -1
    e_codes, e_ids = codes_of(sid, has_id)
    speaker = np.empty(len(c), dtype=np.int64)
    speaker[has_id] = e_codes
    has_text = ~has_id & (text_code >= 0)
    t_used = np.flatnonzero(np.bincount(text_code[has_text], minlength=len(t_keys)))
    t_dense = np.full(len(t_keys), -1, dtype=np.int64)
    t_dense[t_used] = np.arange(len(t_used))
    speaker[has_text] = len(e_ids) + t_dense[text_code[has_text]]
    keys = [("entity", str(e)) for e in e_ids] + [("text", str(t_keys[i])) for i in t_used]
    none = ~has_id & ~has_text
    if none.any():
        speaker[none] = len(keys)
        keys.append(("unattributed", ""))
    return speaker, keys


def _speaker_names(book: Book, ids: np.ndarray[Any, Any], entities: pd.DataFrame) -> np.ndarray[Any, Any]:
    """Display names of the speaker entities ``ids``: from ``entities``; an id without a row there is named
    by the commonest ``speaker_text`` of its claims (then by "(unnamed speaker)"), never shown raw."""
    labels, types = entity_lookup(entities, ids, unknown_type="\x00missing")
    missing = np.flatnonzero(types == "\x00missing")
    if len(missing):
        c = book.claims
        sub = c.loc[c["speaker_id"].isin(ids[missing].tolist()), ["speaker_id", "speaker_text"]].dropna()
        sub = sub.assign(speaker_text=[collapse(t) for t in sub["speaker_text"].astype(str)])
        sub = sub[sub["speaker_text"] != ""]
        common = sub.groupby("speaker_id")["speaker_text"].agg(lambda s: s.value_counts().index[0]).to_dict()
        labels[missing] = [common.get(str(i), "(unnamed speaker)") for i in ids[missing].tolist()]
    return labels


def _band_codes(values: pd.Series) -> np.ndarray[Any, Any]:
    """The index of each value in :data:`CONFIDENCE_BANDS` (-1 for anything else)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        lut = np.array(
            [CONFIDENCE_BANDS.index(c) if c in CONFIDENCE_BANDS else -1 for c in values.cat.categories] + [-1],
            dtype=np.int64,
        )
        return lut[values.cat.codes.to_numpy()]  # code -1 (missing) picks the trailing -1
    codes, uniques = codes_of(values)
    lut = np.array([CONFIDENCE_BANDS.index(c) if c in CONFIDENCE_BANDS else -1 for c in uniques] + [-1], dtype=np.int64)
    return lut[codes]


def claims_by_confidence(
    book: Book, max_speakers: int = 20, cache: ChartCache | None = None, names: pd.DataFrame | None = None
) -> go.Figure:
    """Claims per speaker, stacked by ICD 203 confidence band in band order (unlikely to certain).

    A speaker is the resolved entity (its name), else the speaker as written (in quotes), else
    "(unattributed)". The ``max_speakers`` speakers with most claims get a bar each; the rest share one.
    ``names`` is the entities table speakers are named from (default ``book.entities``): a filtered Book
    keeps only the entities named in view, so pass the unfiltered Book's entities to name a speaker
    whose own mentions are filtered out; a speaker found in neither is named by its ``speaker_text``,
    never by its raw id. ``cache`` is accepted (and checked) like every builder's; this chart needs
    nothing from it.
    """
    if max_speakers < 1:
        raise ChartError(f"max_speakers must be >= 1 (got {max_speakers}).")
    cache_for(book, cache)
    title = "Claims by speaker and confidence"
    if book.claims.empty:
        return no_data_figure(title, "No data: no claims in this view.", {"chart": "claims_by_confidence"})
    speaker, keys = _speakers(book)
    n_bands = len(CONFIDENCE_BANDS)
    band = _band_codes(book.claims["confidence"])
    totals = np.bincount(speaker, minlength=len(keys))
    ok = band >= 0
    cells = np.bincount(speaker[ok] * n_bands + band[ok], minlength=len(keys) * n_bands).reshape(len(keys), n_bands)
    kinds = np.array([k for k, _ in keys], dtype=object)
    skeys = np.array([v for _, v in keys], dtype=object)
    ent = np.flatnonzero(kinds == "entity")
    labels = np.empty(len(keys), dtype=object)
    labels[:] = [f"“{v}”" if k == "text" else "(unattributed)" for k, v in keys]
    if len(ent):
        labels[ent] = _speaker_names(book, skeys[ent], book.entities if names is None else names)
    sort_key = labels + "\x00" + kinds + "\x00" + skeys  # ties on count and label: by kind, then key
    keep = top_order(totals, lambda i: sort_key[i], max_speakers)
    keep = np.concatenate([keep[kinds[keep] != "unattributed"], keep[kinds[keep] == "unattributed"]])
    rest = np.setdiff1d(np.arange(len(keys)), keep)
    n_other = len(rest)
    rows_k = kinds[keep].tolist()
    rows_v = skeys[keep].tolist()
    shown = labels[keep].tolist()
    row_cells = cells[keep]
    row_totals = totals[keep]
    if n_other:
        rows_k.append("other")
        rows_v.append("")
        shown.append(f"({fmt_count(n_other, 'other speaker')})")
        row_cells = np.vstack([row_cells, cells[rest].sum(axis=0)])
        row_totals = np.append(row_totals, totals[rest].sum())
    ys = np.array(unique_labels(label_texts(shown, 40).tolist()), dtype=object)
    data = []
    for b, name in enumerate(CONFIDENCE_BANDS):
        rows = np.flatnonzero(row_cells[:, b])
        if not len(rows):
            continue
        custom = np.array([[rows_k[r], rows_v[r], name] for r in rows.tolist()], dtype=object)
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "x": row_cells[rows, b],
                "y": ys[rows],
                "name": name,
                "customdata": custom,
                "marker": {"color": CONFIDENCE_COLORS[name]},
                "hovertemplate": f"%{{y}}<br>{name}: %{{x}} claims<extra></extra>",
                "meta": {"band": name},
            }
        )
    layout = {
        "barmode": "stack",
        "yaxis": {"type": "category", "categoryorder": "array", "categoryarray": ys[::-1], "automargin": True},
        "xaxis": count_axis(int(row_totals.max(initial=0)), "claims"),
        "legend": {"title": {"text": "confidence (ICD 203)"}, "traceorder": "normal"},
    }
    meta = {"chart": "claims_by_confidence", "n_claims": len(speaker), "speakers": [hover_escape(s) for s in shown]}
    return make_figure(data, layout, title, meta, height=160 + 26 * len(shown))
