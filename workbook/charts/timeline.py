"""The timeline: dated events as points (day precision) and spans (month, year, decade precision).

Marks sit in lanes, one lane per group of ``color_by`` (event kind, entity, precision or document). A
day-precision event is a marker at its date; a coarser one is a horizontal bar from ``date_start`` to
``date_end`` + 1 day, so "June 2018" covers 2018-06-01..2018-07-01 and is never drawn as a fake
first-of-month point. Every mark's ``customdata`` is ``[event_id, doc_id]``.

Above ``max_marks`` marks the figure is aggregated instead: stacked bars of event counts per day, week,
month, year or decade (the finest that gives at most :data:`MAX_BINS` bins per lane and at most
``max_marks`` bars in all, so the payload stays bounded), each event counted at the start of its
interval. ``customdata`` of a bar is ``[first_day, last_day]`` of its bin, and the trace's
``meta["group"]`` is the lane (kind, entity id, precision or doc id; ``__none__`` / ``__other__`` for the
"(no …)" and "(other …)" lanes). ``layout.meta["aggregated"]`` says which kind of figure it is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workbook.book import Book
from workbook.charts._common import (
    NONE_COLOR,
    OTHER_COLOR,
    PRECISION_COLORS,
    bin_starts,
    check_choice,
    counts_by_key_and_bin,
    doc_titles,
    entity_labels,
    finish_layout,
    fmt_count,
    group_colors,
    hover_escape,
    is_missing,
    iso_days,
    label,
    next_bin,
    no_data_figure,
)
from workbook.errors import ChartError
from workbook.model import DATE_PRECISIONS

__all__ = ["BIN_FREQS", "COLOR_BY", "MAX_BINS", "timeline"]

COLOR_BY: tuple[str, ...] = ("kind", "entity", "precision", "document")
#: At most this many bins per lane in an aggregated timeline.
MAX_BINS = 500
#: Aggregation bins, finest first: (code, name, approximate length in days, plotly ``xperiod``).
BIN_FREQS: tuple[tuple[str, str, float, str | int], ...] = (
    ("D", "day", 1.0, 86_400_000),
    ("W", "week", 7.0, 7 * 86_400_000),
    ("M", "month", 30.44, "M1"),
    ("Y", "year", 365.25, "M12"),
    ("10Y", "decade", 3652.5, "M120"),
)
_OTHER = "__other__"
_NONE = "__none__"
_DAY_MS = 86_400_000
_CONTEXT_CHARS = 280


def _entity_list(v: Any) -> list[str]:
    if isinstance(v, list | tuple | np.ndarray) and len(v):
        return [str(x) for x in v]
    return [_NONE]


def _lanes(book: Book, ev: pd.DataFrame, color_by: str, max_groups: int) -> tuple[pd.DataFrame, dict[str, str]]:
    """One row per mark: ``pos`` (row of ``ev``), ``key`` (lane). Returns the marks and key -> raw label."""
    pos = np.arange(len(ev))
    names: dict[str, str] = {}
    if color_by == "entity":
        lists = ev["entity_ids"].map(_entity_list)
        marks = pd.DataFrame({"pos": pos, "key": lists.to_numpy()}).explode("key", ignore_index=True)
        names = entity_labels(book.entities)
        names[_NONE] = "(no entity)"
    elif color_by == "document":
        marks = pd.DataFrame({"pos": pos, "key": ev["doc_id"].astype(str).to_numpy()})
        titles = doc_titles(book.documents)
        keys = marks["key"].unique()
        shown = pd.Series([titles.get(k, k) for k in keys])
        dup = shown.duplicated(keep=False)
        names = {k: (f"{t} [{k}]" if d else t) for k, t, d in zip(keys, shown, dup, strict=True)}
    elif color_by == "kind":
        kinds = ev["kind"].astype(object).where(ev["kind"].notna(), _NONE)
        marks = pd.DataFrame({"pos": pos, "key": kinds.astype(str).to_numpy()})
        names = {k: k for k in marks["key"].unique()}
        names[_NONE] = "(no kind)"
    else:
        marks = pd.DataFrame({"pos": pos, "key": ev["precision"].astype(str).to_numpy()})
        names = {p: p for p in DATE_PRECISIONS}
    marks["key"] = marks["key"].astype(str)
    if color_by != "precision":
        sizes = marks["key"].value_counts()
        ranked = sorted((k for k in sizes.index if k != _NONE), key=lambda k: (-int(sizes[k]), names.get(k, k)))
        budget = max_groups - (1 if _NONE in sizes.index else 0)
        if len(ranked) > budget:
            keep = {*ranked[: max(budget - 1, 1)], _NONE}
            marks["key"] = marks["key"].where(marks["key"].isin(keep), _OTHER)
            marks = marks.drop_duplicates(["pos", "key"], ignore_index=True)
            plural = "entities" if color_by == "entity" else color_by + "s"
            names[_OTHER] = f"(other {len(ranked) - len(keep) + 1} {plural})"
    return marks, names


def _lane_order(marks: pd.DataFrame, names: dict[str, str], color_by: str) -> list[str]:
    present = set(marks["key"])
    if color_by == "precision":
        return [p for p in DATE_PRECISIONS if p in present]
    sizes = marks["key"].value_counts()
    order = sorted((k for k in present if k not in (_OTHER, _NONE)), key=lambda k: (-int(sizes[k]), names.get(k, k)))
    return order + [k for k in (_NONE, _OTHER) if k in present]


def _colors(order: list[str], color_by: str) -> dict[str, str]:
    if color_by == "precision":
        return {k: PRECISION_COLORS.get(k, OTHER_COLOR) for k in order}
    colors = group_colors(order, other_key=_OTHER)
    if _NONE in colors:
        colors[_NONE] = NONE_COLOR
    return colors


def _date_label(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> str:
    if precision == "day" and start == end:
        return start.strftime("%Y-%m-%d")
    coarse = {"month": start.strftime("%Y-%m"), "year": start.strftime("%Y"), "decade": f"{start.year // 10 * 10}s"}
    head = coarse.get(precision, "")
    span = f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"
    return f"{head} ({span})" if head else span


def _hovers(ev: pd.DataFrame, titles: dict[str, str], published: dict[str, str]) -> list[str]:
    out = []
    for did, expr, ctx, ds, de, prec, res, kind in zip(
        ev["doc_id"], ev["text"], ev["context"], ev["date_start"], ev["date_end"], ev["precision"],
        ev["resolution"], ev["kind"], strict=True,
    ):  # fmt: skip
        end = ds if is_missing(de) else de
        head = f"<b>{hover_escape(titles.get(did, did), max_chars=90)}</b>"
        if published.get(did):
            head += f" · {published[did]}"
        what = f"“{hover_escape(expr, max_chars=80)}” → {_date_label(ds, end, str(prec))} ({prec}, {res})"
        if not is_missing(kind):
            what += f"<br>kind: {hover_escape(kind, max_chars=60)}"
        out.append(f"{head}<br>{what}<br>{hover_escape(ctx, width=80, max_chars=_CONTEXT_CHARS)}")
    return out


def _marks_figure(book: Book, ev: pd.DataFrame, marks: pd.DataFrame, order: list[str], names: dict[str, str],
                  colors: dict[str, str]) -> go.Figure:  # fmt: skip
    titles = doc_titles(book.documents)
    pub = book.documents.set_index(book.documents["doc_id"].astype(str))["published"]
    published = {str(k): f"{v:%Y-%m-%d}" for k, v in pub.items() if not is_missing(v)}
    hovers = np.array(_hovers(ev, titles, published), dtype=object)
    start = ev["date_start"].to_numpy(dtype="datetime64[s]")
    end = ev["date_end"].to_numpy(dtype="datetime64[s]")
    end = np.where(np.isnat(end) | (end < start), start, end)  # a reversed interval is drawn as its start
    is_point = ((ev["precision"].astype(str) == "day").to_numpy()) & (end == start)
    day = start.astype("datetime64[D]")
    excl = end.astype("datetime64[D]") + np.timedelta64(1, "D")
    ids = np.column_stack([ev["event_id"].astype(str).to_numpy(), ev["doc_id"].astype(str).to_numpy()])
    fig = go.Figure()
    for key in order:
        pos = marks.loc[marks["key"] == key, "pos"].to_numpy()
        name = label(names.get(key, key))
        pts, spans = pos[is_point[pos]], pos[~is_point[pos]]
        common: dict[str, Any] = {"name": name, "legendgroup": key, "hoverinfo": "text"}
        common["hoverlabel"] = {"align": "left"}
        if len(spans):
            dur_ms = (excl[spans] - day[spans]).astype("timedelta64[ms]").astype(np.int64)
            fig.add_trace(go.Bar(
                orientation="h", base=iso_days(day[spans]).tolist(), x=dur_ms.tolist(),
                y=[name] * len(spans), customdata=ids[spans].tolist(), hovertext=hovers[spans].tolist(),
                marker={"color": colors[key], "opacity": 0.45, "line": {"color": colors[key], "width": 1}},
                width=0.5, showlegend=True, meta={"marks": "span", "group": key}, **common,
            ))  # fmt: skip
        if len(pts):
            fig.add_trace(go.Scatter(
                mode="markers", x=iso_days(day[pts]).tolist(), y=[name] * len(pts),
                customdata=ids[pts].tolist(), hovertext=hovers[pts].tolist(),
                marker={"color": colors[key], "size": 9, "line": {"color": "white", "width": 1}},
                showlegend=not len(spans), meta={"marks": "point", "group": key}, **common,
            ))  # fmt: skip
    lanes = [label(names.get(k, k)) for k in order]
    fig.update_layout(
        barmode="overlay",
        xaxis={"type": "date", "title": {"text": "date"}},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": lanes[::-1], "automargin": True},
        hovermode="closest",
        legend={"title": {"text": ""}},
    )
    return fig


def _choose_freq(day: np.ndarray, n_lanes: int, max_bars: int) -> tuple[str, str, float, str | int]:
    """The finest bin giving at most MAX_BINS bins and at most ``max_bars`` bars over all lanes."""
    first, last = day.min(), day.max()
    for f in BIN_FREQS:
        starts = bin_starts(np.array([first, last]), f[0])
        n_bins = float((starts[1] - starts[0]).astype(np.int64)) / f[2] + 1.0
        if n_bins <= MAX_BINS and n_bins * n_lanes <= max_bars:
            return f
    return BIN_FREQS[-1]


def _aggregated_figure(ev: pd.DataFrame, marks: pd.DataFrame, order: list[str], names: dict[str, str],
                       colors: dict[str, str], max_bars: int) -> tuple[go.Figure, str]:  # fmt: skip
    day = ev["date_start"].to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
    code, unit, _, period = _choose_freq(day, len(order), max_bars)
    starts = bin_starts(day, code)
    counts = counts_by_key_and_bin(marks["key"].to_numpy(), starts[marks["pos"].to_numpy()])
    fig = go.Figure()
    for key in order:
        if key not in counts:
            continue
        b, c = counts[key]
        first_s, last_s = iso_days(b), iso_days(next_bin(b, code) - np.timedelta64(1, "D"))
        fig.add_trace(go.Bar(
            x=first_s.tolist(), y=c, name=label(names.get(key, key)),
            customdata=np.column_stack([first_s, last_s]).tolist(), marker={"color": colors[key]},
            xperiod=period, xperiod0="2000-01-03" if code == "W" else "2000-01-01", xperiodalignment="middle",
            hovertemplate=f"%{{customdata[0]}} – %{{customdata[1]}}<br>%{{y}} events per {unit}",
            meta={"marks": "bins", "group": key, "freq": code},
        ))  # fmt: skip
    fig.update_layout(
        barmode="stack",
        bargap=0.05,
        xaxis={"type": "date", "title": {"text": f"{unit} (events counted at the start of their interval)"}},
        yaxis={"title": {"text": f"events per {unit}"}},
        hovermode="closest",
    )
    return fig, code


def timeline(book: Book, color_by: str = "kind", max_marks: int = 3000, max_groups: int = 12) -> go.Figure:
    """The dated events of ``book`` on a time axis, in one lane per ``color_by`` group.

    ``color_by`` is ``kind``, ``entity`` (an event is drawn in the lane of every entity named in its
    sentence), ``precision`` or ``document``; the ``max_groups`` biggest groups get lanes, the rest
    share an "(other …)" lane. Events without a date (relative expressions in undated documents) are
    left out and counted in a note. Above ``max_marks`` marks the figure shows counts per bin instead
    (see the module docs). Raises :class:`ChartError` for an unknown ``color_by`` or a bad limit.
    """
    check_choice("color_by", color_by, COLOR_BY)
    if max_marks < 1 or max_groups < 2:
        raise ChartError(f"max_marks must be >= 1 and max_groups >= 2 (got {max_marks}, {max_groups}).")
    events = book.events
    dated = events["date_start"].notna().to_numpy()
    ev = events.loc[dated].reset_index(drop=True)
    n_undated = int((~dated).sum())
    notes = []
    if n_undated:
        notes.append(f"{fmt_count(n_undated, 'undated event')} not shown (relative dates in undated documents).")
    meta: dict[str, Any] = {
        "chart": "timeline", "color_by": color_by, "n_events": len(events), "n_dated": len(ev),
        "n_undated": n_undated, "max_marks": max_marks,
    }  # fmt: skip
    if ev.empty:
        msg = "No data: no dated events in this view."
        if n_undated:
            msg += f" ({fmt_count(n_undated, 'undated event')} not shown.)"
        return no_data_figure("Timeline", msg, {**meta, "aggregated": False, "n_marks": 0})
    marks, names = _lanes(book, ev, color_by, max_groups)
    order = _lane_order(marks, names, color_by)
    colors = _colors(order, color_by)
    meta["n_marks"] = len(marks)
    meta["groups"] = [names.get(k, k) for k in order]
    if len(marks) <= max_marks:
        fig = _marks_figure(book, ev, marks, order, names, colors)
        meta.update(aggregated=False, freq=None)
        title = f"Timeline: {fmt_count(len(ev), 'dated event')}"
        height = 160 + 36 * len(order)
    else:
        fig, code = _aggregated_figure(ev, marks, order, names, colors, max_marks)
        unit = next(f[1] for f in BIN_FREQS if f[0] == code)
        meta.update(aggregated=True, freq=code, bin_unit=unit)
        title = f"Timeline (aggregated: events per {unit}): {fmt_count(len(ev), 'dated event')}"
        notes.append(f"{len(marks):,} marks exceed max_marks={max_marks:,}: showing counts per {unit}.")
        height = 450
    return finish_layout(fig, title, meta, notes, height=height)
