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
from plotly.subplots import make_subplots

from workbook.book import Book
from workbook.charts._common import (
    CONFIDENCE_COLORS,
    ENTITY_TYPE_COLORS,
    OTHER_COLOR,
    QUALITATIVE_COLORS,
    bin_range,
    bin_starts,
    check_choice,
    counts_by_key_and_bin,
    entity_labels,
    finish_layout,
    fmt_count,
    hover_escape,
    iso_days,
    label,
    next_bin,
    no_data_figure,
    unique_labels,
)
from workbook.errors import ChartError
from workbook.model import CONFIDENCE_BANDS, ENTITY_TYPES

__all__ = ["FREQS", "MAX_PERIODS", "claims_by_confidence", "mentions_over_time", "top_entities"]

#: Bin codes for :func:`mentions_over_time` and their names.
FREQS: dict[str, str] = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "10Y": "decade"}
#: A line never gets more points than this; a finer ``freq`` is coarsened (and a note says so).
MAX_PERIODS = 2000


def _mention_counts(book: Book) -> pd.DataFrame:
    """Per entity in the Book's mentions: n (mentions), docs (distinct documents), name, label, type."""
    m = book.mentions
    if m.empty:
        return pd.DataFrame(columns=["entity_id", "n", "docs", "name", "type"])
    cnt = m.groupby(m["entity_id"].astype(str)).agg(n=("mention_id", "size"), docs=("doc_id", "nunique"))
    ents = book.entities.assign(entity_id=book.entities["entity_id"].astype(str)).set_index("entity_id")
    names = entity_labels(book.entities)
    cnt["name"] = [names.get(e, e) for e in cnt.index]
    cnt["type"] = ents["type"].astype(object).reindex(cnt.index).fillna("other").astype(str)
    return cnt.rename_axis("entity_id").reset_index()


def mentions_over_time(
    book: Book, entity_ids: Sequence[str] | None = None, top: int = 8, freq: str = "M"
) -> go.Figure:
    """Mentions of each entity per ``freq`` bin of their documents' publication date, as lines.

    ``entity_ids`` picks the entities (in that order); by default the ``top`` entities with the most
    mentions in dated documents. ``freq`` is one of :data:`FREQS`; a bin with no mentions counts 0.
    Mentions in documents without a publication date are counted apart, in a note and in each trace's
    ``meta["undated"]``.
    """
    check_choice("freq", freq, tuple(FREQS))
    if top < 1:
        raise ChartError(f"top must be >= 1 (got {top}).")
    m = book.mentions
    title = "Mentions over time"
    if m.empty:
        return no_data_figure(title, "No data: no mentions in this view.", {"chart": "mentions_over_time"})
    pub = book.documents.set_index(book.documents["doc_id"].astype(str))["published"]
    frame = pd.DataFrame({"entity_id": m["entity_id"].astype(str).to_numpy(),
                          "doc_id": m["doc_id"].astype(str).to_numpy()})  # fmt: skip
    frame["published"] = frame["doc_id"].map(pub).to_numpy(dtype="datetime64[s]")
    dated = frame[frame["published"].notna()]
    undated = frame[frame["published"].isna()]
    names = entity_labels(book.entities)
    if entity_ids is None:
        sizes = dated["entity_id"].value_counts()
        chosen = sorted(sizes.index, key=lambda e: (-int(sizes[e]), names.get(e, e)))[:top]
    else:
        chosen = list(dict.fromkeys(str(e) for e in entity_ids))
    undated_by = undated["entity_id"].value_counts()
    notes = []
    if len(undated):
        n_docs = undated["doc_id"].nunique()
        notes.append(f"{fmt_count(len(undated), 'mention')} in {fmt_count(n_docs, 'undated document')} not counted.")
    meta: dict[str, Any] = {"chart": "mentions_over_time", "freq": freq, "entity_ids": chosen,
                            "n_undated_mentions": len(undated)}  # fmt: skip
    if dated.empty or not chosen:
        msg = "No data: no mentions in dated documents in this view."
        if len(undated):
            msg += f" {notes[0]}"
        return no_data_figure(title, msg, meta)
    sel = dated[dated["entity_id"].isin(chosen)]
    days = dated["published"].to_numpy(dtype="datetime64[D]")
    first, last = days.min(), days.max()
    code = freq
    codes = list(FREQS)
    bins = bin_range(first, last, code, MAX_PERIODS)
    while bins is None:
        code = codes[codes.index(code) + 1]
        bins = bin_range(first, last, code, MAX_PERIODS)
    if code != freq:
        notes.append(f"Too many {FREQS[freq]}s for one chart: counted per {FREQS[code]}.")
    meta.update(freq=code, requested_freq=freq)
    starts = bin_starts(sel["published"].to_numpy(dtype="datetime64[D]"), code)
    counts = counts_by_key_and_bin(sel["entity_id"].to_numpy(), starts)
    first_s = iso_days(bins)
    last_s = iso_days(next_bin(bins, code) - np.timedelta64(1, "D"))
    fig = go.Figure()
    unit = FREQS[code]
    mode = "lines+markers" if len(bins) <= 60 else "lines"
    for i, eid in enumerate(chosen):
        y = np.zeros(len(bins), dtype=np.int64)
        if eid in counts:
            b, c = counts[eid]
            y[np.searchsorted(bins, b)] = c
        n_und = int(undated_by.get(eid, 0))
        fig.add_trace(go.Scatter(
            x=first_s.tolist(), y=y, mode=mode, name=label(names.get(eid, eid)),
            customdata=np.column_stack([np.full(len(bins), eid), first_s, last_s]).tolist(),
            hovertemplate="%{customdata[1]} – %{customdata[2]}<br>%{y} mentions"
            + (f" (+{n_und} undated)" if n_und else ""),
            line={"color": QUALITATIVE_COLORS[i % len(QUALITATIVE_COLORS)]},
            meta={"entity_id": eid, "undated": n_und},
        ))  # fmt: skip
    fig.update_layout(
        xaxis={"type": "date", "title": {"text": f"publication date ({unit})"}},
        yaxis={"title": {"text": f"mentions per {unit}"}, "rangemode": "tozero"},
        hovermode="closest",
    )
    return finish_layout(fig, f"Mentions per {unit}, by publication date", meta, notes)


def _bar_hover(row: Any) -> str:
    return (f"<b>{hover_escape(row.name, max_chars=80)}</b> ({row.type})<br>"
            f"{fmt_count(int(row.n), 'mention')} in {fmt_count(int(row.docs), 'document')}")  # fmt: skip


def top_entities(book: Book, by_type: bool = True, n: int = 10) -> go.Figure:
    """Horizontal bars of the entities with the most mentions in the Book.

    ``by_type=True``: one facet per entity type, each with its ``n`` top entities; ``False``: the ``n``
    top entities overall, coloured by type. ``customdata`` is ``[entity_id]``.
    """
    if n < 1:
        raise ChartError(f"n must be >= 1 (got {n}).")
    cnt = _mention_counts(book)
    title = "Most mentioned entities"
    if cnt.empty:
        return no_data_figure(title, "No data: no mentions in this view.", {"chart": "top_entities"})
    cnt = cnt.sort_values(["n", "name"], ascending=[False, True], kind="stable")
    types = [t for t in ENTITY_TYPES if t in set(cnt["type"])]
    meta: dict[str, Any] = {"chart": "top_entities", "by_type": by_type, "n": n}
    if by_type:
        parts = [(t, cnt[cnt["type"] == t].head(n)) for t in types]
        heights = [len(p) for _, p in parts]
        gap_px = 50  # room for each facet's title
        plot_px = 24 * sum(heights) + gap_px * (len(parts) - 1)
        height = plot_px + 150
        fig = make_subplots(rows=len(parts), cols=1, shared_xaxes=True, row_heights=heights,
                            vertical_spacing=gap_px / plot_px if len(parts) > 1 else 0.0,
                            subplot_titles=[t.replace("_", " ") for t, _ in parts])  # fmt: skip
        for r, (t, part) in enumerate(parts, start=1):
            part = part.iloc[::-1]
            ys = unique_labels([label(x, 40) for x in part["name"]])
            fig.add_trace(go.Bar(
                orientation="h", x=part["n"].to_numpy(), y=ys, name=t.replace("_", " "),
                customdata=[[e] for e in part["entity_id"]], hovertext=[_bar_hover(row) for row in part.itertuples()],
                hoverinfo="text", marker={"color": ENTITY_TYPE_COLORS.get(t, OTHER_COLOR)}, meta={"type": t},
            ), row=r, col=1)  # fmt: skip
            fig.update_yaxes(type="category", categoryorder="array", categoryarray=ys, automargin=True, row=r, col=1)
        fig.update_xaxes(title={"text": "mentions"}, row=len(parts), col=1)
        fig.update_layout(showlegend=False)
        meta["types"] = types
    else:
        part = cnt.head(n).iloc[::-1]
        ys = unique_labels([label(x, 40) for x in part["name"]])
        part = part.assign(y=ys)
        fig = go.Figure()
        for t in types:
            sub = part[part["type"] == t]
            if sub.empty:
                continue
            fig.add_trace(go.Bar(
                orientation="h", x=sub["n"].to_numpy(), y=sub["y"].tolist(), name=t.replace("_", " "),
                customdata=[[e] for e in sub["entity_id"]], hovertext=[_bar_hover(row) for row in sub.itertuples()],
                hoverinfo="text", marker={"color": ENTITY_TYPE_COLORS.get(t, OTHER_COLOR)}, meta={"type": t},
            ))  # fmt: skip
        fig.update_layout(
            barmode="overlay",
            yaxis={"type": "category", "categoryorder": "array", "categoryarray": ys, "automargin": True},
            xaxis={"title": {"text": "mentions"}},
            legend={"title": {"text": "type"}},
        )
        height = 160 + 24 * len(part)
    return finish_layout(fig, title, meta, height=height)


def _speakers(book: Book) -> pd.DataFrame:
    """Per claim: speaker kind, key and raw label."""
    c = book.claims
    sid = c["speaker_id"].astype(object)
    stext = c["speaker_text"].astype(object).map(lambda v: " ".join(str(v).split()) if isinstance(v, str) else "")
    has_id = sid.notna().to_numpy()
    has_text = (stext != "").to_numpy()
    kind = np.where(has_id, "entity", np.where(has_text, "text", "unattributed"))
    key = np.where(has_id, sid.fillna("").astype(str), np.where(has_text, stext, ""))
    names = entity_labels(book.entities)
    shown = [
        names.get(k, k) if kd == "entity" else (f"“{k}”" if kd == "text" else "(unattributed)")
        for kd, k in zip(kind, key, strict=True)
    ]
    return pd.DataFrame({"kind": kind, "key": key, "label": shown, "band": c["confidence"].astype(str).to_numpy()})


def claims_by_confidence(book: Book, max_speakers: int = 20) -> go.Figure:
    """Claims per speaker, stacked by ICD 203 confidence band in band order (unlikely to certain).

    A speaker is the resolved entity (its name), else the speaker as written (in quotes), else
    "(unattributed)". The ``max_speakers`` speakers with most claims get a bar each; the rest share one.
    """
    if max_speakers < 1:
        raise ChartError(f"max_speakers must be >= 1 (got {max_speakers}).")
    title = "Claims by speaker and confidence"
    if book.claims.empty:
        return no_data_figure(title, "No data: no claims in this view.", {"chart": "claims_by_confidence"})
    sp = _speakers(book)
    totals = sp.groupby(["kind", "key", "label"]).size().reset_index(name="n")
    totals = totals.sort_values(["n", "label"], ascending=[False, True], kind="stable")
    keep = totals.head(max_speakers)
    n_other = len(totals) - len(keep)
    kept = set(zip(keep["kind"], keep["key"], strict=True))
    is_kept = np.array([(k, v) in kept for k, v in zip(sp["kind"], sp["key"], strict=True)], dtype=bool)
    other_label = f"({fmt_count(n_other, 'other speaker')})"
    if n_other:
        sp.loc[~is_kept, ["kind", "key", "label"]] = ["other", "", other_label]
    order = list(zip(keep["kind"], keep["key"], keep["label"], strict=True))
    order.sort(key=lambda t: t[0] == "unattributed")  # stable: unattributed last among the kept
    if n_other:
        order.append(("other", "", other_label))
    ys = unique_labels([label(lab, 40) for _, _, lab in order])
    y_of = {(k, v): y for (k, v, _), y in zip(order, ys, strict=True)}
    counts = sp.groupby(["kind", "key", "band"]).size()
    fig = go.Figure()
    for band in CONFIDENCE_BANDS:
        rows = [(k, v) for k, v, _ in order if (k, v, band) in counts.index]
        if not rows:
            continue
        xs = [int(counts[(k, v, band)]) for k, v in rows]
        fig.add_trace(go.Bar(
            orientation="h", x=xs, y=[y_of[r] for r in rows], name=band,
            customdata=[[k, v, band] for k, v in rows], marker={"color": CONFIDENCE_COLORS[band]},
            hovertemplate=f"%{{y}}<br>{band}: %{{x}} claims<extra></extra>", meta={"band": band},
        ))  # fmt: skip
    fig.update_layout(
        barmode="stack",
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": ys[::-1], "automargin": True},
        xaxis={"title": {"text": "claims"}},
        legend={"title": {"text": "confidence (ICD 203)"}, "traceorder": "normal"},
    )
    meta = {"chart": "claims_by_confidence", "n_claims": len(sp), "speakers": [lab for _, _, lab in order]}
    return finish_layout(fig, title, meta, height=160 + 26 * len(order))
