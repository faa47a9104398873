"""What the explorer widgets decide, as pure functions: a widget event in, a new FilterSpec (or options,
labels, log entries) out.

The widgets in :mod:`workbook.widgets` only translate events into calls of these functions and redraw;
everything here is plain Python over a :class:`~workbook.book.Book` and a
:class:`~workbook.filtering.FilterSpec`, tested without widgets.

Clicks (``spec_after_click``): a view's mark carries ``customdata`` ids (see :mod:`workbook.charts`); what a
click on each view does is in the chart catalogue (:mod:`workbook.charts.catalog`), which also declares
the views, their options and the tables they are drawn from.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from workbook.book import Book
from workbook.charts.catalog import CATALOG, CHART_NAMES, draw_chart
from workbook.charts.catalog import DEFAULT_VIEWS as _CATALOG_DEFAULT_VIEWS
from workbook.errors import ExploreError
from workbook.explore.log import FilterChange, FilterLog, jsonable, make_change
from workbook.filtering import FilterMasks, FilterSpec, diff_specs
from workbook.filtering.query import match_query
from workbook.filtering.text import TextColumn
from workbook.labels import count_pairs
from workbook.model import CONFIDENCE_BANDS, ENTITY_TYPES, QUOTE_KINDS

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from workbook.charts import ChartCache

__all__ = [
    "CLICKS",
    "CONTROL_FIELDS",
    "DEFAULT_VIEWS",
    "DEFAULT_VIEW_OPTIONS",
    "VIEWS",
    "VIEW_TABLES",
    "Choice",
    "EntityCatalog",
    "ExploreError",
    "FilterChange",
    "FilterLog",
    "active_filters",
    "build_view",
    "control_values",
    "count_choices",
    "date_bounds",
    "date_hints",
    "inert",
    "jsonable",
    "make_change",
    "publisher_choices",
    "reader_target",
    "speaker_choices",
    "spec_after_click",
    "spec_with_control",
    "summary_html",
    "view_key",
    "vocabulary",
    "with_selected",
]

#: Every view the explorer can show, in display order: the charts of the catalogue.
VIEWS: tuple[str, ...] = CHART_NAMES
#: The views shown by default (mentions over time is optional).
DEFAULT_VIEWS: tuple[str, ...] = _CATALOG_DEFAULT_VIEWS
#: The FilterSpec fields the filter panel's controls set (a control is named after its field).
CONTROL_FIELDS: tuple[str, ...] = (
    "entity_ids",
    "entity_types",
    "date_from",
    "date_to",
    "date_match",
    "published_from",
    "published_to",
    "speakers",
    "quote_kinds",
    "confidence_bands",
    "publishers",
    "text",
    "stars_only",
)
#: The two date windows a control can move: (from field, to field).
_WINDOWS: dict[str, tuple[str, str]] = {
    "date_from": ("date_from", "date_to"),
    "date_to": ("date_from", "date_to"),
    "published_from": ("published_from", "published_to"),
    "published_to": ("published_from", "published_to"),
}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

#: (label, value) pairs, as ipywidgets selection widgets take them.
Choice = tuple[str, str]


# -- labels ------------------------------------------------------------------------------------------


def inert(text: Any, max_chars: int = 80) -> str:
    """A one-line label for a widget that shows text as text (option lists, button captions).

    Such widgets do not interpret HTML, but their values travel to the page; ``<`` and ``>`` become the
    look-alike ``‹`` and ``›`` so that no markup from a document reaches any widget value.
    """
    s = " ".join(str("" if text is None else text).split())
    if len(s) > max_chars:
        s = s[: max_chars - 1].rstrip() + "…"
    return s.replace("<", "‹").replace(">", "›")


# -- clicks ------------------------------------------------------------------------------------------


def _first_customdata(points: Sequence[Mapping[str, Any]]) -> list[Any] | None:
    for p in points:
        cd = p.get("customdata") if isinstance(p, Mapping) else None
        if isinstance(cd, list | tuple) and cd:
            return list(cd)
        if isinstance(cd, str) and cd:
            return [cd]
    return None


def _add_or_remove_all(spec: FilterSpec, changes: Mapping[str, Sequence[str]]) -> FilterSpec:
    """Add every value to its tuple field; when all are already there, remove them all instead."""
    present = all(v in getattr(spec, f) for f, vals in changes.items() for v in vals)
    new: dict[str, tuple[str, ...]] = {}
    for f, vals in changes.items():
        current: tuple[str, ...] = getattr(spec, f)
        new[f] = tuple(v for v in current if v not in vals) if present else (*current, *vals)
    return spec.with_(**new)


def _day(value: Any) -> date:
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise ExploreError(f"expected an ISO day 'YYYY-MM-DD' in the click, got {value!r}.")
    return date.fromisoformat(value)


def _document_or_dates(spec: FilterSpec, values: list[str]) -> FilterSpec:
    if len(values) >= 2 and _ISO_DAY.fullmatch(values[0]) and _ISO_DAY.fullmatch(values[1]):
        first, last = _day(values[0]), _day(values[1])
        if (spec.date_from, spec.date_to) == (first, last):
            return spec.with_(date_from=None, date_to=None)
        return spec.with_(date_from=first, date_to=last)
    if len(values) < 2:
        raise ExploreError(f"a timeline mark carries [event_id, doc_id]; got {values!r}.")
    return spec.toggle("doc_ids", values[1])


def _speaker_band(spec: FilterSpec, values: list[str]) -> FilterSpec:
    if len(values) != 3:
        raise ExploreError(f"a claims mark carries [speaker_kind, speaker_key, band]; got {values!r}.")
    kind, key, band = values
    if band not in CONFIDENCE_BANDS:
        raise ExploreError(f"unknown confidence band {band!r} in a claims click.")
    changes: dict[str, list[str]] = {"confidence_bands": [band]}
    if kind in ("entity", "text") and key:
        changes["speakers"] = [key]
    elif kind == "unattributed":
        changes["quote_kinds"] = ["unattributed"]
    return _add_or_remove_all(spec, changes)


def _entity(spec: FilterSpec, values: list[str]) -> FilterSpec:
    return spec.toggle("entity_ids", values[0])


def _entity_or_pair(spec: FilterSpec, values: list[str]) -> FilterSpec:
    if len(values) >= 3:
        return _add_or_remove_all(spec, {"entity_ids": values[:2]})
    return spec.toggle("entity_ids", values[0])


#: How each click rule of the chart catalogue (:data:`workbook.charts.catalog.CLICK_RULES`) changes the spec.
CLICKS: Mapping[str, Callable[[FilterSpec, list[str]], FilterSpec]] = MappingProxyType(
    {
        "document_or_dates": _document_or_dates,
        "speaker_band": _speaker_band,
        "entity": _entity,
        "entity_or_pair": _entity_or_pair,
    }
)


def spec_after_click(spec: FilterSpec, view: str, points: Sequence[Mapping[str, Any]]) -> FilterSpec | None:
    """The spec after a click on ``points`` of ``view`` (the view's click rule in the chart catalogue,
    :data:`workbook.charts.catalog.CLICK_RULES`), or None when the click hit nothing that filters (a link
    line, an empty figure).

    Raises :class:`ExploreError` for an unknown view or customdata of the wrong shape.
    """
    if view not in VIEWS:
        raise ExploreError(f"unknown view {view!r}; the views are {', '.join(VIEWS)}.")
    cd = _first_customdata(points)
    if cd is None:
        return None
    return CLICKS[CATALOG[view].click](spec, [str(v) for v in cd])


# -- views ------------------------------------------------------------------------------------------

#: Options the explorer passes to each chart builder (override per view with ``view_options``): the
#: catalogue's defaults.
DEFAULT_VIEW_OPTIONS: Mapping[str, Mapping[str, Any]] = MappingProxyType({n: k.defaults for n, k in CATALOG.items()})
#: The filtered tables each view is drawn from: a view is rebuilt only when one of them changed.
VIEW_TABLES: Mapping[str, tuple[str, ...]] = MappingProxyType({n: k.tables for n, k in CATALOG.items()})


def build_view(
    book: Book,
    view: str,
    options: Mapping[str, Any] | None = None,
    cache: ChartCache | None = None,
    names: pd.DataFrame | None = None,
    launches: pd.DataFrame | None = None,
) -> go.Figure:
    """The figure of ``view`` for ``book`` (a filtered Book), with the explorer's default options updated
    by ``options`` (:func:`workbook.charts.catalog.draw_chart`, which the report's charts use too).
    Building several views of one Book, pass them the same ``cache`` (``workbook.charts.ChartCache(book)``):
    they then share the coding of the Book's mentions. ``names`` (the unfiltered Book's entities) names the
    speakers of the claims view whose own mentions are filtered out; ``launches`` are drawn as a layer on
    the views that take one (None: no layer)."""
    if view not in VIEWS:
        raise ExploreError(f"unknown view {view!r}; the views are {', '.join(VIEWS)}.")
    return draw_chart(book, view, options, cache=cache, names=names, launches=launches)


def view_key(view: str, masks: FilterMasks | None) -> tuple[str, ...]:
    """What ``view``'s figure depends on: the surviving rows of its tables (a digest of each mask; "all"
    for the unfiltered Book). Equal keys give equal figures."""
    if view not in VIEW_TABLES:
        raise ExploreError(f"unknown view {view!r}; the views are {', '.join(VIEWS)}.")
    if masks is None:
        return (view, "all")
    digests = [
        hashlib.blake2b(np.packbits(getattr(masks, t)).tobytes(), digest_size=16).hexdigest() for t in VIEW_TABLES[view]
    ]
    return (view, *digests)


def reader_target(view: str, points: Sequence[Mapping[str, Any]]) -> tuple[str, str] | None:
    """(doc_id, selected row id) to show in the reader after a click, or None: a timeline event opens
    its document at the event."""
    cd = _first_customdata(points)
    if view == "timeline" and cd is not None and len(cd) >= 2 and not _ISO_DAY.fullmatch(str(cd[0])):
        return str(cd[1]), str(cd[0])
    return None


# -- controls ----------------------------------------------------------------------------------------


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return _day(value)
    raise ExploreError(f"expected a date, got {value!r}.")


def spec_with_control(spec: FilterSpec, control: str, value: Any) -> FilterSpec:
    """The spec after control ``control`` (one of :data:`CONTROL_FIELDS`) took ``value``.

    A date bound moved past the other one drags the other along (so the window never inverts).
    """
    if control not in CONTROL_FIELDS:
        raise ExploreError(f"unknown control {control!r}; the controls are {', '.join(CONTROL_FIELDS)}.")
    if control in _WINDOWS:
        d = _as_date(value)
        lo_f, hi_f = _WINDOWS[control]
        lo, hi = (d, getattr(spec, hi_f)) if control == lo_f else (getattr(spec, lo_f), d)
        if lo is not None and hi is not None and lo > hi:
            lo, hi = (d, d)
        return spec.with_(**{lo_f: lo, hi_f: hi})
    if control == "date_match":
        return spec.with_(date_match=str(value or "overlaps"))
    if control == "text":
        return spec.with_(text=str(value or "").strip())
    if control == "stars_only":
        return spec.with_(stars_only=bool(value))
    if isinstance(value, str):
        raise ExploreError(f"control {control!r} takes a sequence of values, got the string {value!r}.")
    return spec.with_(**{control: tuple(str(v) for v in (value or ()))})


def control_values(spec: FilterSpec) -> dict[str, Any]:
    """What each control shows for ``spec`` (the inverse of :func:`spec_with_control`)."""
    return {name: getattr(spec, name) for name in CONTROL_FIELDS}


def with_selected(
    choices: Sequence[Choice], selected: Iterable[str], labels: Mapping[str, str] | None = None
) -> list[Choice]:
    """``choices`` plus a choice for every selected value missing from them (a selection widget needs
    its value among its options); ``labels`` names them (else the value itself)."""
    out = list(choices)
    have = {v for _, v in out}
    for v in selected:
        if v not in have:
            out.append((inert((labels or {}).get(v, v)), v))
            have.add(v)
    return out


def count_choices(values: pd.Series, labels: Mapping[str, str] | None = None) -> list[Choice]:
    """One choice per distinct non-null value, labelled "label (count)", most frequent first."""
    counts = values.dropna().astype(str).value_counts()
    return _choices(counts.items(), labels)


def _choices(counts: Iterable[tuple[Any, Any]], labels: Mapping[str, str] | None) -> list[Choice]:
    items = sorted(counts, key=lambda kv: (-int(kv[1]), str(kv[0]).lower()))
    return [(f"{inert((labels or {}).get(str(v), v))} ({int(n)})", str(v)) for v, n in items]


def speaker_choices(book: Book, labels: Mapping[str, str]) -> list[Choice]:
    """Speakers of the Book's claims: resolved speakers by entity id (shown by name), the others by the
    speaker as written; with their number of claims. Counted per distinct (speaker id, speaker text)
    pair first, so the per-value work is done once per pair, not once per claim (1.1M claims at 100k
    documents took most of the explorer's first draw)."""
    c = book.claims
    speakers = pd.DataFrame({"sid": c["speaker_id"], "text": c["speaker_text"]})
    pairs = count_pairs(speakers, ["sid", "text"], dropna=False, sort=False)
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for pair, n in pairs.items():
        sid, raw = cast("tuple[Any, Any]", pair)
        text = " ".join(raw.split()) if isinstance(raw, str) else None
        if text is not None:
            shown[text] = f"“{text}”"
        key = sid if isinstance(sid, str) else text
        if key is not None:
            counts[key] = counts.get(key, 0) + int(n)
    return _choices(counts.items(), {**shown, **labels})


def publisher_choices(book: Book) -> list[Choice]:
    """Publishers of the Book's documents with their number of documents."""
    return count_choices(book.documents["publisher"].astype(object))


def date_hints(book: Book) -> tuple[str, str]:
    """The hints under the two date windows: where the events are dense (and how many lie outside) and
    the publication span, e.g. ``"Events mostly 2023-01-01 – 2025-01-01 (202 outside)"``."""
    from workbook.filtering.dates import event_span, publication_span

    events, published = event_span(book), publication_span(book)
    ev = "no dated events in the Book" if events.first is None else f"Events mostly {events}"
    if events.n_outside:
        ev += f" ({events.n_outside:,} outside)"
    pub = "no publication dates in the Book" if published.first is None else f"Published {published}"
    return ev, pub


def date_bounds(book: Book) -> tuple[date | None, date | None]:
    """The first and last day of the Book's events and publication dates (None when there are none)."""
    parts = [book.events["date_start"], book.events["date_end"], book.documents["published"]]
    days = pd.concat([pd.to_datetime(p) for p in parts], ignore_index=True).dropna()
    if days.empty:
        return None, None
    return days.min().date(), days.max().date()


@dataclass(frozen=True, eq=False)
class EntityCatalog:
    """The Book's entities, prepared once for the search box: ids, display names, types, what a query is
    matched against (name and aliases, lower-cased) and the order of names."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    types: np.ndarray[Any, Any]
    haystack: tuple[str, ...]
    totals: np.ndarray[Any, Any]
    name_rank: np.ndarray[Any, Any]
    position: Mapping[str, int]
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def column(self) -> TextColumn:
        """The haystack as a :class:`TextColumn` (built on first search, then kept)."""
        cached = self._cache.get("column")
        if not isinstance(cached, TextColumn):
            cached = TextColumn.build(pd.Series(self.haystack, dtype=object))
            self._cache["column"] = cached
        return cached

    @classmethod
    def build(cls, book: Book, labels: Mapping[str, str]) -> EntityCatalog:
        e = book.entities
        ids = tuple(e["entity_id"].astype(str))
        aliases = [list(a) if isinstance(a, list | tuple | np.ndarray) else [] for a in e["aliases"]]
        hay = tuple(
            "\n".join([str(n), *map(str, al)]).lower() for n, al in zip(e["name"].astype(str), aliases, strict=True)
        )
        names = tuple(labels.get(i, i) for i in ids)
        lowered = np.array([n.lower() for n in names], dtype=object)
        rank = np.empty(len(ids), dtype=np.int64)
        rank[np.argsort(lowered, kind="stable")] = np.arange(len(ids))
        return cls(
            ids=ids,
            names=names,
            types=e["type"].astype(str).to_numpy(dtype=object),
            haystack=hay,
            totals=e["n_mentions"].to_numpy(dtype=np.int64),
            name_rank=rank,
            position={i: k for k, i in enumerate(ids)},
        )

    def label_of(self, entity_id: str) -> str:
        """The display name of ``entity_id`` (the id itself when unknown)."""
        k = self.position.get(entity_id)
        return entity_id if k is None else self.names[k]

    def choices(
        self,
        query: str,
        counts: np.ndarray[Any, Any] | None = None,
        selected: Sequence[str] = (),
        limit: int = 50,
        types: Sequence[str] = (),
    ) -> list[Choice]:
        """Entities whose name or aliases match ``query`` (the search syntax of :mod:`workbook.filtering.query`:
        plain words are case-insensitive substrings, names match across romanisations; all when blank;
        a malformed query raises :class:`~workbook.errors.SearchSyntaxError`), of ``types``
        (all when empty), labelled "Name (n)" with ``n`` their mentions in the current view (``counts``,
        aligned with the Book's entities rows; the Book's totals when None); most mentioned first, at most
        ``limit``, after every ``selected`` entity, which is always listed."""
        n = len(self.ids)
        shown = self.totals if counts is None else np.asarray(counts, dtype=np.int64)
        if len(shown) != n:
            raise ExploreError(f"counts has {len(shown)} values for {n} entities.")
        keep = np.ones(n, dtype=bool)
        if query.strip():
            keep &= match_query(query, self.column)
        if types:
            keep &= np.isin(self.types, list(types))
        hits = np.flatnonzero(keep)
        order = hits[np.lexsort((self.name_rank[hits], -self.totals[hits], -shown[hits]))][:limit]
        chosen = [self.position[s] for s in selected if s in self.position]
        picked = list(dict.fromkeys([*chosen, *order.tolist()]))
        out = [(f"{inert(self.names[i])} ({int(shown[i])})", self.ids[i]) for i in picked]
        return with_selected(out, selected)


# -- summary (the log: workbook.explore.log) ---------------------------------------------------------


def active_filters(spec: FilterSpec, book: Book | None = None) -> list[tuple[str, str]]:
    """(field, caption) for every field of ``spec`` that constrains something, e.g.
    ``("entity_ids", "entities: Sinpho")``, for "clear this filter" buttons. Captions are :func:`inert`."""
    out = []
    for name, (_, value) in diff_specs(FilterSpec(), spec).items():
        caption = FilterSpec(**{name: value}).describe(book)
        out.append((name, inert(caption, 60)))
    return out


def summary_html(spec: FilterSpec, book: Book, counts: Mapping[str, int]) -> str:
    """One escaped HTML line: what the spec keeps and how many rows of each table are in view."""
    what = html.escape(spec.describe(book))
    shown = ", ".join(f"{int(n):,} {html.escape(t)}" for t, n in counts.items())
    return f"<b>Filter:</b> {what} &nbsp;·&nbsp; <b>In view:</b> {shown}"


def vocabulary(name: str) -> tuple[str, ...]:
    """The closed vocabulary behind a toggle control (entity types, quote kinds, confidence bands)."""
    vocab = {"entity_types": ENTITY_TYPES, "quote_kinds": QUOTE_KINDS, "confidence_bands": CONFIDENCE_BANDS}
    if name not in vocab:
        raise ExploreError(f"{name!r} has no closed vocabulary; those that do: {', '.join(vocab)}.")
    return vocab[name]
