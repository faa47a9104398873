"""What every chart builder shares: escaping, colours, lookups, figure assembly without validation, bins.

Figures are assembled from plain dicts by :func:`make_figure` with plotly's validation skipped (it cost
25-35 ms per figure, mostly in validating the template): a builder's dicts are checked by its tests
through ``fig.data``/``fig.layout`` instead. Big arrays go in as numpy arrays, which plotly copies and
serialises (as base64 typed arrays) without touching each element.

Every piece of document-derived text shown in a figure goes through the escaping of
:mod:`workbook.charts._text` (:func:`hover_escape`, :func:`label` and their array forms, public here).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pyarrow as pa

from workbook.charts._text import (
    arrow_strings,
    escape_texts,
    hover_escape,
    index_in,
    is_missing,
    isin,
    label,
    label_texts,
)
from workbook.errors import ChartError
from workbook.model import CONFIDENCE_BANDS, DATE_PRECISIONS, ENTITY_TYPES

__all__ = [
    "CONFIDENCE_COLORS",
    "ENTITY_TYPE_COLORS",
    "NONE_COLOR",
    "OTHER_COLOR",
    "PRECISION_COLORS",
    "QUALITATIVE_COLORS",
    "TEMPLATE",
    "TRACE_TYPES",
    "bin_index",
    "bin_range",
    "bin_starts",
    "check_choice",
    "count_axis",
    "distinct",
    "doc_lookup",
    "doc_titles",
    "entity_labels",
    "entity_lookup",
    "escape_texts",
    "finite",
    "fmt_count",
    "group_colors",
    "hover_escape",
    "index_in",
    "is_missing",
    "isin",
    "iso_days",
    "label",
    "label_texts",
    "make_figure",
    "next_bin",
    "no_data_figure",
    "top_order",
    "unique_labels",
]

#: One colour per entity type (d3 category10 hues), used by every chart and the document reader.
ENTITY_TYPE_COLORS: Mapping[str, str] = MappingProxyType(
    dict(zip(ENTITY_TYPES, ("#1f77b4", "#ff7f0e", "#2ca02c", "#8c564b", "#d62728", "#7f7f7f"), strict=True))
)
#: The ICD 203 bands as an ordered, diverging scale from red (almost no chance) through grey (roughly even
#: chance) to blue (almost certain), ColorBrewer RdBu; ``unhedged`` sits outside the scale in purple.
CONFIDENCE_COLORS: Mapping[str, str] = MappingProxyType(
    dict(
        zip(
            CONFIDENCE_BANDS,
            ("#b2182b", "#d6604d", "#f4a582", "#bababa", "#92c5de", "#4393c3", "#2166ac", "#762a83"),
            strict=True,
        )
    )
)
#: Finest to coarsest date precision, dark to light.
PRECISION_COLORS: Mapping[str, str] = MappingProxyType(
    dict(zip(DATE_PRECISIONS, ("#08306b", "#08519c", "#2171b5", "#6baed6", "#9ecae1"), strict=True))
)
QUALITATIVE_COLORS: tuple[str, ...] = (
    "#636efa",
    "#ef553b",
    "#00cc96",
    "#ab63fa",
    "#ffa15a",
    "#19d3f3",
    "#ff6692",
    "#b6e880",
    "#ff97ff",
    "#fecb52",
    "#1f77b4",
    "#8c564b",
)
OTHER_COLOR = "#c7c7c7"
#: For "(no kind)", "(no entity)" groups: visible, but plainly not a category colour.
NONE_COLOR = "#8c8c8c"
TEMPLATE = "plotly_white"


def check_choice(option: str, value: Any, choices: Sequence[Any]) -> None:
    """Raise :class:`ChartError` unless ``value`` is one of ``choices``."""
    if value not in choices:
        raise ChartError(f"{option}={value!r} is not supported; use one of {', '.join(map(repr, choices))}.")


def group_colors(keys: Sequence[str], other_key: str | None = None) -> dict[str, str]:
    """Qualitative colours for ``keys`` in their order; ``other_key`` gets the neutral grey."""
    out: dict[str, str] = {}
    i = 0
    for k in keys:
        if k == other_key:
            out[k] = OTHER_COLOR
        else:
            out[k] = QUALITATIVE_COLORS[i % len(QUALITATIVE_COLORS)]
            i += 1
    return out


# -- lookups -----------------------------------------------------------------------------------------


def entity_labels(entities: pd.DataFrame) -> dict[str, str]:
    """entity_id -> display name (raw, unescaped), with the type added where names collide."""
    if entities.empty:
        return {}
    names = entities["name"].astype(str)
    dup = names.duplicated(keep=False)
    types = entities["type"].astype(str)
    shown = names.where(~dup, names + " (" + types + ")")
    return dict(zip(entities["entity_id"].astype(str), shown, strict=True))


def doc_titles(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> title (raw, unescaped)."""
    if documents.empty:
        return {}
    return dict(zip(documents["doc_id"].astype(str), documents["title"].astype(str), strict=True))


def _rows_of(table: pd.DataFrame, key: str, ids: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """For each of ``ids``, the position of its row in ``table`` (keys are unique), or -1."""
    if table.empty or not len(ids):
        return np.full(len(ids), -1, dtype=np.int64)
    return index_in(ids, table[key])


def entity_lookup(
    entities: pd.DataFrame, ids: Any, unknown_type: str = "other"
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Display names (raw, unescaped, as :func:`entity_labels` gives them) and types of the entities
    ``ids``; an id without an entities row is shown as itself, with type ``unknown_type``. Works on the rows
    of ``ids`` only (plus hashed passes over the table in Arrow), so it costs little for a few ids."""
    ids = np.asarray(ids, dtype=object).astype(str).astype(object)
    labels = ids.copy()
    types = np.full(len(ids), unknown_type, dtype=object)
    pos = _rows_of(entities, "entity_id", ids)
    found = np.flatnonzero(pos >= 0)
    if len(found):
        all_names = arrow_strings(entities["name"])
        names = all_names.take(pa.array(pos[found])).to_numpy(zero_copy_only=False).astype(object)
        kinds = _strings_at(entities["type"], pos[found])
        # a name borne by several entities is shown with the type: count each name among all the names
        which = index_in(all_names, names)
        shared = np.bincount(which[which >= 0], minlength=len(names)) > 1
        labels[found] = np.where(shared, names + " (" + kinds + ")", names)
        types[found] = kinds
    return labels, types


def _strings_at(column: pd.Series, rows: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """``column[rows]`` as an object array of str (through the codes for a categorical column)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        cats = np.append(np.asarray(column.cat.categories, dtype=object).astype(str), "nan").astype(object)
        return cats[column.cat.codes.to_numpy()[rows]]
    return column.to_numpy(dtype=object)[rows].astype(str).astype(object)


def doc_lookup(documents: pd.DataFrame, ids: Any) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Titles (raw; the id when the document is unknown) and publication days (``YYYY-MM-DD``, "" when
    unknown) of the documents ``ids``."""
    ids = np.asarray(ids, dtype=object).astype(str).astype(object)
    titles = ids.copy()
    published = np.full(len(ids), "", dtype=object)
    pos = _rows_of(documents, "doc_id", ids)
    found = np.flatnonzero(pos >= 0)
    if len(found):
        rows = pa.array(pos[found])
        titles[found] = arrow_strings(documents["title"]).take(rows).to_numpy(zero_copy_only=False).astype(object)
        days = documents["published"].to_numpy(dtype="datetime64[s]")[pos[found]].astype("datetime64[D]")
        published[found] = np.where(np.isnat(days), "", iso_days(days)).astype(object)
    return titles, published


def top_order(
    counts: np.ndarray[Any, Any], names_of: Callable[[np.ndarray[Any, Any]], np.ndarray[Any, Any]], k: int | None = None
) -> np.ndarray[Any, Any]:
    """Indices of the ``k`` largest ``counts`` (all when None), largest first, ties by name
    (``names_of(indices)`` gives the names of those indices); names are asked only for the candidates
    that can make the cut."""
    counts = np.asarray(counts)
    n = len(counts)
    if k is not None and k < n:
        threshold = np.partition(counts, n - k)[n - k] if k > 0 else np.inf
        cand = np.flatnonzero(counts >= threshold)
    else:
        cand = np.arange(n)
    if not len(cand):
        return cand
    names = np.asarray(names_of(cand), dtype=object)
    by_name = np.argsort(names, kind="stable")
    order = by_name[np.argsort(-counts[cand][by_name], kind="stable")]
    return cand[order][:k] if k is not None else cand[order]


def distinct(values: np.ndarray[Any, Any], kind: Any = "quicksort") -> np.ndarray[Any, Any]:
    """The sorted distinct values of an integer array (a sort and a mask: ``np.unique`` is several times
    slower on large arrays; values in 0..2**32-1 are sorted as uint32, faster still). ``kind="stable"``
    (timsort) is much faster on nearly sorted values."""
    out = np.asarray(values).ravel()
    if len(out) and out.dtype.kind in "iu" and int(out.max()) < 2**32 and int(out.min()) >= 0:
        out = out.astype(np.uint32)
    out = np.sort(out, kind=kind)
    if len(out) > 1:
        out = out[np.concatenate([[True], out[1:] != out[:-1]])]
    return out


# -- figures -----------------------------------------------------------------------------------------


#: The trace types the charts draw; the template keeps the trace defaults of these only.
TRACE_TYPES: tuple[str, ...] = ("bar", "scatter", "scattergeo")


@functools.cache
def _template() -> dict[str, Any]:
    """The ``plotly_white`` template as plain JSON, computed once; read-only (figures copy it). Its trace
    defaults are kept for :data:`TRACE_TYPES` only: the others (heatmaps, 3-d, ...) are never drawn here and
    would only be copied and serialised with every figure."""
    tpl: dict[str, Any] = pio.templates[TEMPLATE].to_plotly_json()
    tpl["data"] = {k: v for k, v in tpl.get("data", {}).items() if k in TRACE_TYPES}
    return tpl


def _note_text(notes: Iterable[str]) -> str:
    return "<br>".join(notes)


def _note_annotation(notes: Sequence[str]) -> dict[str, Any]:
    return {
        "text": _note_text(hover_escape(n) for n in notes),
        "name": "note",
        "x": 1,
        "y": 1.01,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "right",
        "yanchor": "bottom",
        "align": "right",
        "showarrow": False,
        "font": {"size": 11, "color": "#666666"},
    }


def make_figure(
    data: Sequence[Mapping[str, Any]],
    layout: Mapping[str, Any],
    title: str,
    meta: Mapping[str, Any],
    notes: Sequence[str] = (),
    height: int | None = None,
) -> go.Figure:
    """A figure from trace dicts (each with its ``type``) and layout dicts, without plotly's validation:
    the shared template, an escaped title, ``layout.meta`` (with the notes) and the note annotation."""
    lay: dict[str, Any] = {"template": _template(), "title": {"text": hover_escape(title)}, **layout}
    lay["meta"] = {**meta, "notes": list(notes), "empty": False}
    lay["margin"] = {**lay.get("margin", {}), "t": 80 + 14 * len(notes)}
    if height is not None:
        lay["height"] = int(max(height, 250))
    if notes:
        lay["annotations"] = [*lay.get("annotations", []), _note_annotation(notes)]
    return go.Figure(data=[_plain(t) for t in data], layout=lay, _validate=False)


def _plain(trace: Mapping[str, Any]) -> dict[str, Any]:
    """A trace dict ready for an unvalidated figure: object arrays of strings (labels, hover texts,
    customdata of ids) become numpy unicode arrays, which plotly copies (and serialises) in one go instead
    of string by string; other 1-d object arrays become lists; numeric arrays stay as they are."""
    out = {}
    for k, v in trace.items():
        if isinstance(v, np.ndarray) and v.dtype == object and v.ndim <= 2:
            if v.size and pd.api.types.infer_dtype(v.ravel(), skipna=False) == "string":
                v = v.astype(str)
            elif v.ndim == 1:
                v = v.tolist()
        out[k] = v
    return out


def no_data_figure(title: str, message: str, meta: Mapping[str, Any] | None = None) -> go.Figure:
    """A figure that says there is nothing to draw (``message`` is escaped), instead of raising."""
    note = {
        "text": hover_escape(message),
        "name": "no-data",
        "x": 0.5,
        "y": 0.5,
        "xref": "paper",
        "yref": "paper",
        "showarrow": False,
        "font": {"size": 14, "color": "#666666"},
    }
    layout = {
        "template": _template(),
        "title": {"text": hover_escape(title)},
        "annotations": [note],
        "xaxis": {"visible": False},
        "yaxis": {"visible": False},
        "height": 300,
        "meta": {**(meta or {}), "empty": True, "message": message},
    }
    return go.Figure(data=[], layout=layout, _validate=False)


def count_axis(max_count: float, title: str) -> dict[str, Any]:
    """An axis of counts: whole-number ticks only (a step of 1 for small counts, where plotly would pick
    0.2 or 0.5), from zero."""
    axis: dict[str, Any] = {"title": {"text": title}, "rangemode": "tozero", "tickformat": ",d"}
    if max_count <= 10:
        axis.update(tick0=0, dtick=1)
    return axis


def fmt_count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 event', '3 events'."""
    word = singular if n == 1 else (plural or singular + "s")
    return f"{n:,} {word}"


def finite(x: float) -> bool:
    """True when ``x`` is a finite number."""
    return not (x is None or math.isnan(x) or math.isinf(x))


def unique_labels(labels: Sequence[str]) -> list[str]:
    """``labels`` with a " [2]", " [3]", ... suffix on repeats, so that category axes keep every bar."""
    seen: dict[str, int] = {}
    out = []
    for lab in labels:
        n = seen.get(lab, 0) + 1
        seen[lab] = n
        out.append(lab if n == 1 else f"{lab} [{n}]")
    return out


# -- date bins ---------------------------------------------------------------------------------------


def bin_starts(day: np.ndarray[Any, Any], code: str) -> np.ndarray[Any, Any]:
    """The first day of the bin holding each day (``datetime64[D]``) for bins ``D``, ``W`` (weeks start on
    Monday), ``M``, ``Q``, ``Y`` or ``10Y`` (decades)."""
    day = day.astype("datetime64[D]")
    if code == "D":
        return day
    if code == "W":  # 1970-01-01 was a Thursday
        n = day.astype(np.int64)
        return (n - (n + 3) % 7).astype("datetime64[D]")
    months = day.astype("datetime64[M]")
    if code == "M":
        return months.astype("datetime64[D]")
    if code == "Q":
        m = months.astype(np.int64)
        return (m - m % 3).astype("datetime64[M]").astype("datetime64[D]")
    years = day.astype("datetime64[Y]")
    if code == "Y":
        return years.astype("datetime64[D]")
    y = years.astype(np.int64) + 1970
    return ((y // 10 * 10) - 1970).astype("datetime64[Y]").astype("datetime64[D]")


def bin_index(day: np.ndarray[Any, Any], first: Any, code: str) -> np.ndarray[Any, Any]:
    """For each day, the index of its bin in the run of bins that starts with the bin starting at ``first``
    (what ``np.searchsorted(bin_range(first, ...), bin_starts(day, code))`` gives, by arithmetic)."""
    day = np.asarray(day).astype("datetime64[D]")
    first = np.asarray(first).astype("datetime64[D]")
    if code == "D":
        return (day - first).astype(np.int64)
    if code == "W":
        return (bin_starts(day, "W") - first).astype(np.int64) // 7
    if code in ("M", "Q"):
        months = day.astype("datetime64[M]").astype(np.int64) - first.astype("datetime64[M]").astype(np.int64)
        return months if code == "M" else months // 3
    years = day.astype("datetime64[Y]").astype(np.int64) + 1970
    first_year = int(first.astype("datetime64[Y]").astype(np.int64)) + 1970
    return years - first_year if code == "Y" else years // 10 - first_year // 10


def next_bin(starts: np.ndarray[Any, Any], code: str) -> np.ndarray[Any, Any]:
    """The first day of the bin after each bin start."""
    starts = starts.astype("datetime64[D]")
    if code in ("D", "W"):
        return starts + np.timedelta64(1 if code == "D" else 7, "D")
    if code in ("M", "Q"):
        return (starts.astype("datetime64[M]") + np.timedelta64(1 if code == "M" else 3, "M")).astype("datetime64[D]")
    step = 1 if code == "Y" else 10
    return (starts.astype("datetime64[Y]") + np.timedelta64(step, "Y")).astype("datetime64[D]")


def bin_range(first: np.datetime64, last: np.datetime64, code: str, limit: int) -> np.ndarray[Any, Any] | None:
    """Every bin start from the bin of ``first`` to the bin of ``last``; None when there would be more
    than ``limit`` bins."""
    a, b = bin_starts(np.array([first, last], dtype="datetime64[D]"), code)
    approx = {"D": 1, "W": 7, "M": 28, "Q": 90, "Y": 365, "10Y": 3652}[code]
    if int((b - a).astype(np.int64)) // approx + 1 > limit:
        return None
    if code in ("D", "W"):
        return np.arange(a, b + np.timedelta64(1, "D"), 1 if code == "D" else 7)
    if code in ("M", "Q"):
        am, bm = a.astype("datetime64[M]"), b.astype("datetime64[M]")
        return np.arange(am, bm + np.timedelta64(1, "M"), 1 if code == "M" else 3).astype("datetime64[D]")
    ay, by = a.astype("datetime64[Y]"), b.astype("datetime64[Y]")
    return np.arange(ay, by + np.timedelta64(1, "Y"), 1 if code == "Y" else 10).astype("datetime64[D]")


def iso_days(days: Any) -> np.ndarray[Any, Any]:
    """'YYYY-MM-DD' strings of an array of dates."""
    return np.datetime_as_string(np.asarray(days, dtype="datetime64[D]"), unit="D")
