"""Where a Book's dates are: the publication span and the range where its events are dense.

Events in news text reach far from the news: anniversaries ("June 25, 1950"), targets ("by 2055"),
year-precision mentions ("this year"). A timeline or a date hint over the full extent of the events
squeezes the months the documents are about into a sliver. :func:`event_span` gives the range an
analyst wants to see first: the shortest window holding :data:`DENSE_SHARE` of the dated events
(the highest-density interval of their start days), taking back the events within
:data:`DENSE_MARGIN` of its width beyond either end (so evenly spread events lose no tail), widened
to the publication span of the documents, together with how many events lie wholly outside it. On the
KCNA 2024 archive (events 1895–2055, 95% of articles published July–November 2024) it is
2022-10-17 – 2025-06-09, with 202 of 2,392 dated events outside.

Pure functions over a Book's tables; the timeline chart and the explorer's date hint both read them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from workbook.book import Book

__all__ = [
    "DENSE_MARGIN",
    "DENSE_SHARE",
    "MIN_EVENTS_FOR_DENSE",
    "DateSpan",
    "dense_window",
    "event_span",
    "publication_span",
    "window_span",
]

#: The share of dated events the dense window holds.
DENSE_SHARE = 0.9
#: Days within this share of the dense core's width beyond either end of it still count as dense.
DENSE_MARGIN = 0.25
#: Below this many dated events the dense window is their whole extent (too few to call anything an outlier).
MIN_EVENTS_FOR_DENSE = 20

DayArray = np.ndarray[Any, np.dtype[np.datetime64]]


@dataclass(frozen=True)
class DateSpan:
    """A range of days (``first`` and ``last`` inclusive; both None when there are no dates), how many
    dated events there are and how many lie wholly outside the range."""

    first: date | None
    last: date | None
    n_events: int = 0
    n_outside: int = 0

    def __str__(self) -> str:
        if self.first is None or self.last is None:
            return "no dates"
        return f"{self.first.isoformat()} – {self.last.isoformat()}"


def _days(values: pd.Series) -> DayArray:
    out: DayArray = pd.to_datetime(values).to_numpy(dtype="datetime64[D]")
    return out


def _as_date(day: np.datetime64) -> date:
    return date.fromisoformat(str(day.astype("datetime64[D]")))


def dense_window(days: DayArray, share: float = DENSE_SHARE) -> tuple[np.datetime64, np.datetime64] | None:
    """The shortest window of days holding ``share`` of ``days`` (NaT ignored; the earliest such window
    on ties); the whole extent below :data:`MIN_EVENTS_FOR_DENSE` days; None when there are none."""
    if not 0.0 < share <= 1.0:
        raise ValueError(f"share must be in (0, 1], got {share!r}")
    d = np.sort(days[~np.isnat(days)])
    n = len(d)
    if n == 0:
        return None
    if n < MIN_EVENTS_FOR_DENSE:
        return d[0], d[-1]
    k = max(math.ceil(share * n) - 1, 0)
    widths = d[k:] - d[: n - k]
    i = int(np.argmin(widths))
    core_lo, core_hi = d[i], d[i + k]
    # the core cuts the tails of evenly spread days too: take back the days within a quarter of its width
    margin = np.timedelta64(math.ceil(max(int((core_hi - core_lo).astype(np.int64)), 1) * DENSE_MARGIN), "D")
    near = d[(d >= core_lo - margin) & (d <= core_hi + margin)]
    return near[0], near[-1]


def publication_span(book: Book) -> DateSpan:
    """The first and last publication day of the Book's documents (undated ones ignored)."""
    days = _days(book.documents["published"])
    days = days[~np.isnat(days)]
    if not len(days):
        return DateSpan(None, None)
    return DateSpan(_as_date(days.min()), _as_date(days.max()))


def event_span(book: Book, share: float = DENSE_SHARE, *, dense: bool = True) -> DateSpan:
    """Where the Book's dated events are dense (see the module docstring), widened to the publication
    span; with ``dense=False`` their whole extent. ``n_outside`` counts events whose interval lies
    wholly outside the range. Without dated events: the publication span (or no dates)."""
    ev = book.events
    start, end = _days(ev["date_start"]), _days(ev["date_end"])
    start = np.where(np.isnat(start), end, start)
    end = np.where(np.isnat(end), start, end)
    dated = ~np.isnat(start)
    pub = publication_span(book)
    if not dated.any():
        return pub
    start, end = start[dated], end[dated]
    if dense:
        window = dense_window(start, share)
        if window is None:  # pragma: no cover - there are dated events
            return pub
        lo, hi = window
    else:
        lo, hi = start.min(), end.max()
    if pub.first is not None and pub.last is not None:
        lo, hi = min(lo, np.datetime64(pub.first, "D")), max(hi, np.datetime64(pub.last, "D"))
    outside = int(np.count_nonzero((end < lo) | (start > hi)))
    return DateSpan(_as_date(lo), _as_date(hi), n_events=int(dated.sum()), n_outside=outside)


def window_span(book: Book, first: date, last: date) -> DateSpan:
    """The window ``first`` – ``last`` as a :class:`DateSpan` of the Book's dated events: how many there
    are and how many lie wholly outside the window (a zoomed timeline's range)."""
    ev = book.events
    start, end = _days(ev["date_start"]), _days(ev["date_end"])
    start = np.where(np.isnat(start), end, start)
    end = np.where(np.isnat(end), start, end)
    dated = ~np.isnat(start)
    lo, hi = np.datetime64(first, "D"), np.datetime64(last, "D")
    outside = int(np.count_nonzero(dated & ((end < lo) | (start > hi))))
    return DateSpan(first, last, n_events=int(dated.sum()), n_outside=outside)
