"""The timeline: dated events as points (day precision) and spans (month, year, decade precision).

Marks sit in lanes, one lane per group of ``color_by`` (event kind, entity, precision or document). A
day-precision event is a marker at its date; a coarser one is a horizontal bar from ``date_start`` to
``date_end`` + 1 day, so "June 2018" covers 2018-06-01..2018-07-01 and is never drawn as a fake
first-of-month point. Every mark's ``customdata`` is ``[event_id, doc_id]``.

Above ``max_marks`` marks the figure is aggregated instead: stacked bars of event counts per day, week,
month, quarter, year or decade (the finest that gives at most :data:`MAX_BINS` bins per lane and at most
``max_marks`` bars in all, so the payload stays bounded, and, with ``max_bars``, at most that many bars
drawn, so the page's drawing stays quick), each event counted at the start of its
interval. ``customdata`` of a bar is ``[first_day, last_day]`` of its bin, and the trace's
``meta["group"]`` is the lane (kind, entity id, precision or doc id; ``__none__`` / ``__other__`` for the
"(no …)" and "(other …)" lanes). ``layout.meta["aggregated"]`` says which kind of figure it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workbook.book import Book
from workbook.charts._cache import ChartCache, cache_for
from workbook.charts._text import codes_of
from workbook.charts.common import (
    NONE_COLOR,
    OTHER_COLOR,
    PRECISION_COLORS,
    bin_index,
    bin_range,
    bin_starts,
    check_choice,
    count_axis,
    distinct,
    doc_lookup,
    entity_lookup,
    escape_texts,
    fmt_count,
    group_colors,
    hover_escape,
    isin,
    iso_days,
    label_texts,
    make_figure,
    next_bin,
    no_data_figure,
    top_order,
)
from workbook.errors import ChartError
from workbook.filtering.dates import event_span, window_span
from workbook.lazybook import table_columns
from workbook.model import DATE_PRECISIONS

__all__ = ["BIN_FREQS", "COLOR_BY", "MAX_BINS", "X_RANGES", "timeline"]

COLOR_BY: tuple[str, ...] = ("kind", "entity", "precision", "document")
#: What the time axis shows first: ``dense`` (where most events are, see :func:`workbook.filtering.dates.event_span`)
#: or ``all`` (every dated event).
X_RANGES: tuple[str, ...] = ("dense", "all")
#: At most this many bins per lane in an aggregated timeline.
MAX_BINS = 500
#: Aggregation bins, finest first: (code, name, approximate length in days, plotly ``xperiod``).
BIN_FREQS: tuple[tuple[str, str, float, str | int], ...] = (
    ("D", "day", 1.0, 86_400_000),
    ("W", "week", 7.0, 7 * 86_400_000),
    ("M", "month", 30.44, "M1"),
    ("Q", "quarter", 91.31, "M3"),
    ("Y", "year", 365.25, "M12"),
    ("10Y", "decade", 3652.5, "M120"),
)
#: The events' column each ``color_by`` groups by.
_GROUP_COLUMN = {"kind": "kind", "entity": "entity_ids", "precision": "precision", "document": "doc_id"}
_OTHER = "__other__"
_NONE = "__none__"
_CONTEXT_CHARS = 280


@dataclass(frozen=True)
class _Lanes:
    """The marks of a timeline: ``pos`` (row of the dated events) and ``lane`` (index into ``keys``) per
    mark, sorted by row; ``keys`` are the lanes' group keys in display order, ``names`` their raw names."""

    pos: np.ndarray[Any, Any]
    lane: np.ndarray[Any, Any]
    keys: list[str]
    names: list[str]


def _raw_groups(
    book: Book, ev: pd.DataFrame, color_by: str
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Per mark: the row of ``ev`` and the code of its group (-1: none); and the groups' keys."""
    values: Any
    if color_by == "entity":  # an empty or missing list gives one row with a missing value: no entity
        lists = ev["entity_ids"].reset_index(drop=True).explode()
        pos = lists.index.to_numpy(dtype=np.int64)
        values = lists.to_numpy(dtype=object)
    else:
        column = _GROUP_COLUMN[color_by]
        pos = np.arange(len(ev), dtype=np.int64)
        values = ev[column]
    codes, keys = codes_of(values)
    return pos, codes, keys


def _names_of(
    book: Book, keys: np.ndarray[Any, Any], color_by: str
) -> Callable[[np.ndarray[Any, Any]], np.ndarray[Any, Any]]:
    """names_of(indices): the raw lane names of ``keys[indices]``."""
    if color_by == "entity":
        return lambda i: entity_lookup(book.entities, keys[i])[0]
    if color_by == "document":  # titles shared by several documents get the document's id
        docs = book.documents
        titles = docs["title"][isin(docs["doc_id"], keys)].astype(str).value_counts()
        shared = set(titles.index[titles.to_numpy() > 1].tolist())

        def doc_names(i: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
            shown = doc_lookup(docs, keys[i])[0]
            return np.array(
                [f"{t} [{k}]" if t in shared else t for t, k in zip(shown, keys[i], strict=True)], dtype=object
            )

        return doc_names
    return lambda i: keys[i]


def _lanes(book: Book, ev: pd.DataFrame, color_by: str, max_groups: int) -> _Lanes:
    pos, codes, keys = _raw_groups(book, ev, color_by)
    if color_by == "precision":
        present = set(keys.tolist())
        lane_keys = [p for p in DATE_PRECISIONS if p in present]
        lut = np.array([lane_keys.index(k) if k in lane_keys else -1 for k in keys] + [-1], dtype=np.int64)
        lane = lut[codes]  # code -1 (missing) picks the trailing -1; so does a value that is no precision
        ok = lane >= 0
        return _Lanes(pos[ok], lane[ok], lane_keys, list(lane_keys))
    names_of = _names_of(book, keys, color_by)
    sizes = np.bincount(codes[codes >= 0], minlength=len(keys))
    has_none = bool((codes < 0).any())
    budget = max_groups - (1 if has_none else 0)
    capped = len(keys) > budget
    kept = top_order(sizes, names_of, max(budget - 1, 1) if capped else None)
    lane_of = np.full(len(keys) + 1, -1, dtype=np.int64)  # the last slot: no group
    lane_of[kept] = np.arange(len(kept))
    lane_keys = [str(k) for k in keys[kept]]
    names = [str(n) for n in names_of(kept)] if len(kept) else []
    none_lane = other_lane = -1
    if has_none:
        none_lane = len(lane_keys)
        lane_keys.append(_NONE)
        names.append("(no entity)" if color_by == "entity" else f"(no {color_by})")
    if capped:
        other_lane = len(lane_keys)
        lane_keys.append(_OTHER)
        plural = "entities" if color_by == "entity" else color_by + "s"
        names.append(f"(other {len(keys) - len(kept)} {plural})")
    lane_of[lane_of < 0] = other_lane
    lane_of[-1] = none_lane
    lane = lane_of[codes]  # code -1 picks the last slot
    if capped:  # an event in several merged groups is one mark of the "(other …)" lane
        cell = distinct(pos * len(lane_keys) + lane)
        pos, lane = cell // len(lane_keys), cell % len(lane_keys)
    return _Lanes(pos, lane, lane_keys, names)  # "(no …)" and "(other …)" come last, however big


def _colors(keys: list[str], color_by: str) -> list[str]:
    if color_by == "precision":
        return [PRECISION_COLORS.get(k, OTHER_COLOR) for k in keys]
    colors = group_colors(keys, other_key=_OTHER)
    return [NONE_COLOR if k == _NONE else colors[k] for k in keys]


def _date_labels(
    start: np.ndarray[Any, Any], end: np.ndarray[Any, Any], precision: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """Per event: "2018-06-01", "2018-06 (2018-06-01 – 2018-06-30)", "2018 (…)", "2010s (…)" or the span."""
    s_iso, e_iso = iso_days(start).astype(object), iso_days(end).astype(object)
    span = s_iso + " – " + e_iso
    years = start.astype("datetime64[Y]").astype(np.int64) + 1970
    head = np.select(
        [precision == "month", precision == "year", precision == "decade"],
        [
            iso_days(start).astype("<U7").astype(object),
            iso_days(start).astype("<U4").astype(object),
            (years // 10 * 10).astype(str).astype(object) + "s",
        ],
        default="",
    )
    labels = np.where(head != "", head + " (" + span + ")", span)
    return np.where((precision == "day") & (start == end), s_iso, labels).astype(object)


def _hovers(book: Book, ev: pd.DataFrame) -> np.ndarray[Any, Any]:
    """The hover text of every row of ``ev``: title, publication day, expression, interval, sentence."""
    titles, published = doc_lookup(book.documents, ev["doc_id"].to_numpy(dtype=object))
    start = ev["date_start"].to_numpy(dtype="datetime64[s]")
    end = ev["date_end"].to_numpy(dtype="datetime64[s]")
    end = np.where(np.isnat(end), start, end)
    prec = ev["precision"].astype(object).to_numpy(dtype=object).astype(str).astype(object)
    res = ev["resolution"].astype(object).to_numpy(dtype=object).astype(str).astype(object)
    head = "<b>" + escape_texts(titles, max_chars=90) + "</b>" + np.where(published != "", " · " + published, "")
    what = "“" + escape_texts(ev["text"], max_chars=80) + "” → " + _date_labels(start, end, prec)
    what = what + " (" + prec + ", " + res + ")"
    has_kind = ev["kind"].notna().to_numpy(dtype=bool)
    kind = np.where(has_kind, "<br>kind: " + escape_texts(ev["kind"], max_chars=60), "")
    context = escape_texts(ev["context"], width=80, max_chars=_CONTEXT_CHARS)
    out: np.ndarray[Any, Any] = head + "<br>" + what + kind + "<br>" + context
    return out


def _marks_data(
    book: Book, ev: pd.DataFrame, lanes: _Lanes, shown: list[str], colors: list[str]
) -> list[dict[str, Any]]:
    hovers = _hovers(book, ev)
    start = ev["date_start"].to_numpy(dtype="datetime64[s]")
    end = ev["date_end"].to_numpy(dtype="datetime64[s]")
    end = np.where(np.isnat(end) | (end < start), start, end)  # a reversed interval is drawn as its start
    is_point = (ev["precision"].astype(object).to_numpy(dtype=object) == "day") & (end == start)
    day = start.astype("datetime64[D]")
    excl = end.astype("datetime64[D]") + np.timedelta64(1, "D")
    ids = np.column_stack([ev["event_id"].to_numpy(dtype=object), ev["doc_id"].to_numpy(dtype=object)])
    ids = ids.astype(str).astype(object)
    data: list[dict[str, Any]] = []
    for i, key in enumerate(lanes.keys):
        pos = lanes.pos[lanes.lane == i]
        pts, spans = pos[is_point[pos]], pos[~is_point[pos]]
        common: dict[str, Any] = {
            "name": shown[i],
            "legendgroup": key,
            "hoverinfo": "text",
            "hoverlabel": {"align": "left"},
        }
        group = hover_escape(key)
        if len(spans):
            dur_ms = (excl[spans] - day[spans]).astype("timedelta64[ms]").astype(np.int64)
            data.append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "base": iso_days(day[spans]),
                    "x": dur_ms,
                    "y": np.full(len(spans), shown[i], dtype=object),
                    "customdata": ids[spans],
                    "hovertext": hovers[spans],
                    "width": 0.5,
                    "showlegend": True,
                    "marker": {"color": colors[i], "opacity": 0.45, "line": {"color": colors[i], "width": 1}},
                    "meta": {"marks": "span", "group": group},
                    **common,
                }
            )
        if len(pts):
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "x": iso_days(day[pts]),
                    "y": np.full(len(pts), shown[i], dtype=object),
                    "customdata": ids[pts],
                    "hovertext": hovers[pts],
                    "marker": {"color": colors[i], "size": 9, "line": {"color": "white", "width": 1}},
                    "showlegend": not len(spans),
                    "meta": {"marks": "point", "group": group},
                    **common,
                }
            )
    return data


def _bin_counts(
    day: np.ndarray[Any, Any], lanes: _Lanes, code: str
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The bin starts (``code`` bins from the first mark's to the last's) and the marks per lane and bin
    (``day``: the day of each mark)."""
    every = bin_range(day.min(), day.max(), code, 10**9)
    if every is None:  # pragma: no cover - no calendar has 10**9 bins
        raise ChartError("Too many bins for one timeline.")
    n_bins = len(every)
    cell = lanes.lane * n_bins + bin_index(day, every[0], code)
    counts = np.bincount(cell, minlength=len(lanes.keys) * n_bins).reshape(len(lanes.keys), n_bins)
    return every, counts


def _binned(
    day: np.ndarray[Any, Any], lanes: _Lanes, max_marks: int, max_bars: int | None
) -> tuple[tuple[str, str, float, str | int], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The finest bin giving at most MAX_BINS bins and at most ``max_marks`` bars over all lanes (bins in range
    times lanes) and, with ``max_bars``, at most ``max_bars`` bars drawn (non-empty); decades if none does.
    Returns the bin, its starts and the marks per lane and bin (:func:`_bin_counts`)."""
    marks = day[lanes.pos]
    first, last = marks.min(), marks.max()
    for f in BIN_FREQS:
        starts = bin_starts(np.array([first, last]), f[0])
        n_bins = float((starts[1] - starts[0]).astype(np.int64)) / f[2] + 1.0
        n_bars = n_bins * len(lanes.keys)
        if n_bins > MAX_BINS or n_bars > max_marks:
            continue
        every, counts = _bin_counts(marks, lanes, f[0])
        if max_bars is None or n_bars <= max_bars or np.count_nonzero(counts) <= max_bars:
            return f, every, counts
    return BIN_FREQS[-1], *_bin_counts(marks, lanes, BIN_FREQS[-1][0])


def _aggregated_data(
    day: np.ndarray[Any, Any],
    lanes: _Lanes,
    shown: list[str],
    colors: list[str],
    limits: tuple[int, int | None],
    window: tuple[np.datetime64, np.datetime64],
) -> tuple[list[dict[str, Any]], str, int]:
    """Counts per bin of the events starting inside ``window`` (the bins fit the window, not the outliers;
    ``day``: each event's first day); ``limits``: ``max_marks`` and ``max_bars`` (see :func:`_binned`)."""
    inside = (day[lanes.pos] >= window[0]) & (day[lanes.pos] <= window[1])
    lanes = _Lanes(lanes.pos[inside], lanes.lane[inside], lanes.keys, lanes.names)
    if not len(lanes.pos):
        return [], "D", 0
    (code, unit, _, period), every, counts = _binned(day, lanes, *limits)
    first_all = iso_days(every)
    last_all = iso_days(next_bin(every, code) - np.timedelta64(1, "D"))
    data: list[dict[str, Any]] = []
    for i, key in enumerate(lanes.keys):
        nz = np.flatnonzero(counts[i])
        if not len(nz):
            continue
        data.append(
            {
                "type": "bar",
                "x": first_all[nz],
                "y": counts[i, nz],
                "name": shown[i],
                "customdata": np.column_stack([first_all[nz], last_all[nz]]),
                "marker": {"color": colors[i]},
                "xperiod": period,
                "xperiod0": "2000-01-03" if code == "W" else "2000-01-01",
                "xperiodalignment": "middle",
                "hovertemplate": f"%{{customdata[0]}} – %{{customdata[1]}}<br>%{{y}} events per {unit}",
                "meta": {"marks": "bins", "group": hover_escape(key), "freq": code},
            }
        )
    return data, code, int(counts.sum(axis=0).max(initial=0))


def _window(x_range: str | tuple[Any, Any]) -> tuple[date, date] | None:
    """None for ``dense``/``all``; the (first, last) days of a window; a ChartError for anything else."""
    if isinstance(x_range, str):
        check_choice("x_range", x_range, X_RANGES)
        return None
    try:
        first, last = (pd.Timestamp(v).date() for v in x_range)
    except (TypeError, ValueError) as exc:
        raise ChartError(f"x_range must be 'dense', 'all' or (first, last) dates; got {x_range!r}.") from exc
    if first > last:
        first, last = last, first
    return first, last


def _axis_range(first: np.datetime64, last: np.datetime64) -> list[str]:
    """An x range from ``first`` to the end of ``last``, padded by 2% (at least a day) on each side, so a
    single day never becomes an axis of hours ("23:59:59.999")."""
    span = (last - first).astype(np.int64) + 1
    pad = np.timedelta64(max(1, round(span * 0.02)), "D")
    return [str(first - pad), str(last + np.timedelta64(1, "D") + pad)]


#: Date ticks never finer than a day: events are dated to the day at best.
_DAY_TICKS = [{"dtickrange": [None, 86_400_000], "value": "%Y-%m-%d"}]


def timeline(
    book: Book,
    color_by: str = "kind",
    max_marks: int = 3000,
    max_groups: int = 12,
    cache: ChartCache | None = None,
    x_range: str | tuple[Any, Any] = "dense",
    max_bars: int | None = None,
) -> go.Figure:
    """The dated events of ``book`` on a time axis, in one lane per ``color_by`` group.

    ``color_by`` is ``kind``, ``entity`` (an event is drawn in the lane of every entity named in its
    sentence), ``precision`` or ``document``; the ``max_groups`` biggest groups get lanes, the rest
    share an "(other …)" lane. Events without a date (relative expressions in undated documents) are
    left out and counted in a note. Above ``max_marks`` marks the figure shows counts per bin instead
    (see the module docs); ``max_bars`` (None: no limit beyond ``max_marks``) caps the bars drawn, so that the
    bins are coarser where a fine bin would draw many bars (the explorer's 400).
    ``x_range="dense"`` (default) opens the axis where the events are dense
    (:func:`workbook.filtering.dates.event_span`: the shortest window holding 90% of them, widened to the
    publication span) and a note says how many lie outside; aggregated bins (day, week, month, ...) then
    fit that range and count only the events starting in it. ``x_range="all"`` shows every dated event;
    ``x_range=(first, last)`` (dates or ISO strings) that window, binned to fit it (the explorer's zoom).
    Raises :class:`ChartError` for an unknown ``color_by`` or ``x_range``, or a bad limit.
    ``cache`` is accepted (and checked) like every builder's; the timeline needs nothing from it.
    """
    check_choice("color_by", color_by, COLOR_BY)
    window = _window(x_range)
    cache_for(book, cache)
    if max_marks < 1 or max_groups < 2 or (max_bars is not None and max_bars < 1):
        raise ChartError(
            f"max_marks and max_bars must be >= 1 and max_groups >= 2 (got {max_marks}, {max_bars}, {max_groups})."
        )
    # the columns the counts and the range read: a filtered Book's other columns (texts) are taken for marks only
    events = table_columns(book, "events", ["date_start", "date_end", _GROUP_COLUMN[color_by]])
    start = events["date_start"].to_numpy(dtype="datetime64[s]")
    dated = ~np.isnat(start)
    n_dated = int(dated.sum())
    n_undated = len(events) - n_dated
    notes = []
    if n_undated:
        notes.append(f"{fmt_count(n_undated, 'undated event')} not shown (relative dates in undated documents).")
    meta: dict[str, Any] = {
        "chart": "timeline",
        "color_by": color_by,
        "n_events": len(events),
        "n_dated": n_dated,
        "n_undated": n_undated,
        "max_marks": max_marks,
        "max_bars": max_bars,
    }
    if not n_dated:
        msg = "No data: no dated events in this view."
        if n_undated:
            msg += f" ({fmt_count(n_undated, 'undated event')} not shown.)"
        return no_data_figure("Timeline", msg, {**meta, "aggregated": False, "n_marks": 0})
    rows = None if n_dated == len(events) else np.flatnonzero(dated)

    def dated_events(columns: list[str] | None = None) -> pd.DataFrame:
        """The dated events (only ``columns``: a take of a filtered Book's texts costs more than the rest)."""
        df = book.events if columns is None else events[columns]
        return df if rows is None else df.iloc[rows]

    ev = dated_events([_GROUP_COLUMN[color_by]])  # the marks' texts only if they are drawn
    day = (start if rows is None else start[rows]).astype("datetime64[D]")  # each dated event's first day
    lanes = _lanes(book, ev, color_by, max_groups)
    shown = label_texts(lanes.names).tolist()
    colors = _colors(lanes.keys, color_by)
    meta["n_marks"] = len(lanes.pos)
    meta["groups"] = [hover_escape(n) for n in lanes.names]
    dates = book.with_tables(events=events)  # the range from the columns read above
    span = window_span(dates, *window) if window is not None else event_span(dates, dense=x_range == "dense")
    if span.first is None or span.last is None:  # pragma: no cover - there are dated events
        raise ChartError("Dated events without a date range.")
    lo, hi = np.datetime64(span.first, "D"), np.datetime64(span.last, "D")
    meta.update(x_range="window" if window is not None else x_range, range=[str(lo), str(hi)], n_outside=span.n_outside)
    if len(lanes.pos) <= max_marks:
        data = _marks_data(book, dated_events(), lanes, shown, colors)
        layout: dict[str, Any] = {
            "barmode": "overlay",
            "xaxis": {
                "type": "date",
                "title": {"text": "date"},
                "range": _axis_range(lo, hi),
                "tickformatstops": _DAY_TICKS,
            },
            "yaxis": {"type": "category", "categoryorder": "array", "categoryarray": shown[::-1], "automargin": True},
            "hovermode": "closest",
            "legend": {"title": {"text": ""}},
        }
        meta.update(aggregated=False, freq=None)
        title = f"Timeline: {fmt_count(n_dated, 'dated event')}"
        height = 160 + 36 * len(lanes.keys)
        if span.n_outside:
            notes.append(
                f"{fmt_count(span.n_outside, 'event')} outside {span} (where most events are): zoom out to see them."
            )
    else:
        start_day = day[lanes.pos]
        n_out = int(np.count_nonzero((start_day < lo) | (start_day > hi)))
        data, code, top = _aggregated_data(day, lanes, shown, colors, (max_marks, max_bars), (lo, hi))
        unit = next(f[1] for f in BIN_FREQS if f[0] == code)
        layout = {
            "barmode": "stack",
            "bargap": 0.05,
            "xaxis": {
                "type": "date",
                "title": {"text": f"{unit} (events counted at the start of their interval)"},
                "range": _axis_range(lo, hi),
                "tickformatstops": _DAY_TICKS,
            },
            "yaxis": count_axis(top, f"events per {unit}"),
            "hovermode": "closest",
        }
        meta.update(aggregated=True, freq=code, bin_unit=unit)
        title = f"Timeline (aggregated: events per {unit}): {fmt_count(n_dated, 'dated event')}"
        notes.append(f"{len(lanes.pos):,} marks exceed max_marks={max_marks:,}: showing counts per {unit}.")
        if n_out:
            notes.append(
                f"{n_out:,} marks start outside {span} (where most events are) and are not counted; "
                "x_range='all' shows them."
            )
        meta["n_outside"] = n_out
        height = 450
    return make_figure(data, layout, title, meta, notes, height=height)
