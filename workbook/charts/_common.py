"""What every chart builder shares: escaping for plotly's hover/label HTML, colours, empty figures, notes.

Plotly renders hover text, legend names, tick labels, titles and annotations as a small subset of HTML
(``<b>``, ``<br>``, ``<a href>``, ...) and decodes only a few entities (``&amp; &lt; &gt;`` and numeric
ones; not ``&quot;``). Every piece of document-derived text shown in a figure therefore goes through
:func:`hover_escape` (or :func:`label`), which escapes exactly ``&``, ``<`` and ``>``.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

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
    "add_notes",
    "bin_range",
    "bin_starts",
    "check_choice",
    "doc_titles",
    "entity_labels",
    "finish_layout",
    "finite",
    "fmt_count",
    "group_colors",
    "hover_escape",
    "is_missing",
    "label",
    "next_bin",
    "no_data_figure",
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
    dict(zip(DATE_PRECISIONS, ("#08306b", "#2171b5", "#6baed6", "#9ecae1"), strict=True))
)
QUALITATIVE_COLORS: tuple[str, ...] = (
    "#636efa", "#ef553b", "#00cc96", "#ab63fa", "#ffa15a", "#19d3f3", "#ff6692", "#b6e880", "#ff97ff",
    "#fecb52", "#1f77b4", "#8c564b",
)  # fmt: skip
OTHER_COLOR = "#c7c7c7"
#: For "(no kind)", "(no entity)" groups: visible, but plainly not a category colour.
NONE_COLOR = "#8c8c8c"
TEMPLATE = "plotly_white"


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT and pd.NA (and False for lists and other containers)."""
    if value is None:
        return True
    if isinstance(value, list | tuple | dict | set):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def hover_escape(text: Any, width: int | None = None, max_chars: int | None = None) -> str:
    """``text`` made safe for plotly hover text and labels: ``&``, ``<`` and ``>`` escaped.

    With ``max_chars`` the text is cut to that many characters (ending in "…"); with ``width`` its
    whitespace is collapsed and it is wrapped into lines joined by ``<br>``. Missing values give "".
    Quotes are left alone on purpose: plotly does not decode ``&quot;``.
    """
    if is_missing(text):
        return ""
    s = str(text)
    if width is not None:
        s = " ".join(s.split())
    if max_chars is not None and len(s) > max_chars:
        s = s[: max(max_chars - 1, 0)].rstrip() + "…"
    if width is None:
        return html.escape(s, quote=False)
    lines = textwrap.wrap(s, width, break_long_words=True, break_on_hyphens=False) or [""]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def label(text: Any, max_chars: int = 48) -> str:
    """A one-line escaped label (legend name, tick label) of at most ``max_chars`` characters."""
    return hover_escape(" ".join(str("" if is_missing(text) else text).split()), max_chars=max_chars)


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


def _note_text(notes: Iterable[str]) -> str:
    return "<br>".join(notes)


def no_data_figure(title: str, message: str, meta: Mapping[str, Any] | None = None) -> go.Figure:
    """A figure that says there is nothing to draw (``message`` is escaped), instead of raising."""
    fig = go.Figure()
    fig.add_annotation(
        text=hover_escape(message),
        name="no-data",
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 14, "color": "#666666"},
    )
    fig.update_layout(
        template=TEMPLATE,
        title={"text": hover_escape(title)},
        xaxis={"visible": False},
        yaxis={"visible": False},
        height=300,
        meta={**(meta or {}), "empty": True, "message": message},
    )
    return fig


def add_notes(fig: go.Figure, notes: Sequence[str]) -> None:
    """Add ``notes`` (plain text, escaped here) as one small annotation above the plot area, right."""
    if not notes:
        return
    fig.add_annotation(
        text=_note_text(hover_escape(n) for n in notes),
        name="note",
        x=1,
        y=1.01,
        xref="paper",
        yref="paper",
        xanchor="right",
        yanchor="bottom",
        align="right",
        showarrow=False,
        font={"size": 11, "color": "#666666"},
    )


def finish_layout(
    fig: go.Figure, title: str, meta: Mapping[str, Any], notes: Sequence[str] = (), height: int | None = None
) -> go.Figure:
    """Set the shared template, an escaped title, ``layout.meta`` (with the notes) and the note annotation."""
    fig.update_layout(
        template=TEMPLATE,
        title={"text": hover_escape(title)},
        meta={**meta, "notes": list(notes), "empty": False},
        margin={"t": 80 + 14 * len(notes)},
    )
    if height is not None:
        fig.update_layout(height=int(max(height, 250)))
    add_notes(fig, notes)
    return fig


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


def bin_starts(day: np.ndarray, code: str) -> np.ndarray:
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


def next_bin(starts: np.ndarray, code: str) -> np.ndarray:
    """The first day of the bin after each bin start."""
    starts = starts.astype("datetime64[D]")
    if code in ("D", "W"):
        return starts + np.timedelta64(1 if code == "D" else 7, "D")
    if code in ("M", "Q"):
        return (starts.astype("datetime64[M]") + np.timedelta64(1 if code == "M" else 3, "M")).astype("datetime64[D]")
    step = 1 if code == "Y" else 10
    return (starts.astype("datetime64[Y]") + np.timedelta64(step, "Y")).astype("datetime64[D]")


def bin_range(first: np.datetime64, last: np.datetime64, code: str, limit: int) -> np.ndarray | None:
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


def iso_days(days: Any) -> np.ndarray:
    """'YYYY-MM-DD' strings of an array of dates."""
    return np.datetime_as_string(np.asarray(days, dtype="datetime64[D]"), unit="D")


def counts_by_key_and_bin(keys: np.ndarray, bins: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """key -> (sorted bin starts as ``datetime64[D]``, row count per bin), for parallel arrays."""
    frame = pd.DataFrame({"key": keys, "bin": np.asarray(bins, dtype="datetime64[D]")})
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for key, grp in frame.groupby("key", sort=False):
        size = grp.groupby("bin", sort=True).size()
        out[str(key)] = (np.asarray(size.index, dtype="datetime64[D]"), size.to_numpy(dtype=np.int64))
    return out
