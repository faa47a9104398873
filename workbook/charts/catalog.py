"""The chart catalogue: one record per chart, read by the explorer's views, the report's charts and the
``workbook export --chart`` option.

    >>> from workbook.charts.catalog import CATALOG, draw_chart
    >>> CATALOG["claims"].label
    'Claims by speaker and confidence'
    >>> fig = draw_chart(book, "claims", {"max_speakers": 10})      # what the explorer and the report draw

A chart is named once (``timeline``, ``claims``, ``entities``, ``network``, ``map``, ``mentions``); the
names of its builder in :mod:`workbook.charts` (``claims_by_confidence``, ``top_entities``,
``co_mentions``, ``place_map``, ``mentions_over_time``), which reports used before, are accepted
everywhere as aliases (:func:`chart_name`).

How a click on a mark maps back to the filter: each chart names one of the :data:`CLICK_RULES` (its
``click``), which :func:`workbook.explore.state.spec_after_click` applies to the ``customdata`` of the
clicked mark (see each builder's docs for what its marks carry).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from workbook.charts.counts import claims_by_confidence, mentions_over_time, top_entities
from workbook.charts.geo import place_map
from workbook.charts.network import co_mentions
from workbook.charts.timeline import timeline
from workbook.errors import ChartError
from workbook.model import TABLES

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

    from workbook.book import Book
    from workbook.charts import ChartCache

__all__ = [
    "ALIASES",
    "BIG_TABLES",
    "CATALOG",
    "CHART_NAMES",
    "CLICK_RULES",
    "DEFAULT_REPORT_CHARTS",
    "DEFAULT_VIEWS",
    "ChartKind",
    "chart_columns",
    "chart_kind",
    "chart_name",
    "chart_options",
    "draw_chart",
]


#: What a click on a mark does to the filter: rule -> ``customdata`` of the mark and the change it makes.
CLICK_RULES: Mapping[str, str] = MappingProxyType(
    {
        "document_or_dates": "[event_id, doc_id]: toggle the event's document (doc_ids); [first_day, last_day] "
        "(an aggregated bin): set date_from/date_to to the bin (clear them if they are the bin)",
        "speaker_band": "[speaker_kind, speaker_key, band]: add the speaker (or unattributed quotes) and the "
        "confidence band (remove both if present)",
        "entity": "[entity_id, ...]: toggle the entity (entity_ids)",
        "entity_or_pair": "[entity_id] (a node): toggle the entity; [entity_a, entity_b, weight] (a link): add both "
        "entities (remove both if present)",
    }
)


@dataclass(frozen=True)
class ChartKind:
    """One chart: its ``name``, ``builder`` (a function of :mod:`workbook.charts`), ``label`` (a report's
    figure title), the filtered ``tables`` it is drawn from (a view is redrawn only when one of them
    changed), its ``defaults`` (the options the explorer and the report pass unless told otherwise), the
    rows a report ``cites`` for it, whether it takes the launches as a ``launch_layer``, whether its builder
    takes ``names`` (the unfiltered Book's entities), what a ``click`` on a mark does to the filter (one of
    :data:`CLICK_RULES`), whether the explorer shows it ``in_views`` by default and a report ``in_report``;
    ``reads``: the columns of the big tables (:data:`BIG_TABLES`) its builder reads, whatever its options
    (the explorer filters only those: see :func:`chart_columns`)."""

    name: str
    builder: Callable[..., go.Figure]
    label: str
    tables: tuple[str, ...]
    defaults: Mapping[str, Any] = field(default_factory=dict)
    cites: tuple[str, ...] = ()
    launch_layer: bool = False
    takes_names: bool = False
    click: str = "entity"
    in_views: bool = True
    in_report: bool = False
    reads: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def builder_name(self) -> str:
        """The name of the builder in :mod:`workbook.charts` (also accepted as the chart's name)."""
        return self.builder.__name__


def _kind(
    name: str,
    builder: Callable[..., go.Figure],
    label: str,
    tables: tuple[str, ...],
    defaults: Mapping[str, Any],
    **more: Any,
) -> ChartKind:
    reads = MappingProxyType({t: tuple(c) for t, c in more.pop("reads", {}).items()})
    return ChartKind(name, builder, label, tables, MappingProxyType(dict(defaults)), reads=reads, **more)


#: The tables whose rows and columns are many (the others, entities, places, ..., are read whole).
BIG_TABLES: tuple[str, ...] = ("documents", "mentions", "claims", "events")
_DOC_DATES = ("doc_id", "title", "published")


#: Every chart, in the explorer's display order.
CATALOG: Mapping[str, ChartKind] = MappingProxyType(
    {
        k.name: k
        for k in (
            _kind(
                "timeline",
                timeline,
                "Timeline of dated events",
                ("events",),
                {"color_by": "precision", "max_marks": 1500, "max_bars": 400},
                cites=("events",),
                launch_layer=True,
                in_report=True,
                click="document_or_dates",
                reads={
                    "events": (
                        "event_id",
                        "doc_id",
                        "text",
                        "context",
                        "date_start",
                        "date_end",
                        "precision",
                        "resolution",
                        "kind",
                        "entity_ids",
                    ),
                    "documents": _DOC_DATES,
                },
            ),
            _kind(
                "claims",
                claims_by_confidence,
                "Claims by speaker and confidence",
                ("claims",),
                {"max_speakers": 15},
                cites=("claims",),
                takes_names=True,
                in_report=True,
                click="speaker_band",
                reads={"claims": ("speaker_id", "speaker_text", "quote_kind", "confidence")},
            ),
            _kind(
                "entities",
                top_entities,
                "Most mentioned entities",
                ("mentions",),
                {"by_type": False, "n": 15},
                click="entity",
                reads={"mentions": ("entity_id", "doc_id")},
            ),
            _kind(
                "network",
                co_mentions,
                "Entities named together",
                ("mentions",),
                {"max_nodes": 40},
                click="entity_or_pair",
                reads={"mentions": ("entity_id", "doc_id", "sentence")},
            ),
            _kind(
                "map",
                place_map,
                "Map of places",
                ("places", "mentions"),
                {"scope": "auto"},
                launch_layer=True,
                in_report=True,
                click="entity",
                reads={"mentions": ("entity_id", "doc_id")},
            ),
            _kind(
                "mentions",
                mentions_over_time,
                "Mentions over time",
                ("mentions",),
                {"top": 6, "freq": "M"},
                in_views=False,
                click="entity",
                reads={"mentions": ("entity_id", "doc_id"), "documents": _DOC_DATES},
            ),
        )
    }
)
#: The charts' names, in display order.
CHART_NAMES: tuple[str, ...] = tuple(CATALOG)
#: The views the explorer shows by default.
DEFAULT_VIEWS: tuple[str, ...] = tuple(k.name for k in CATALOG.values() if k.in_views)
#: The charts of a report (and of ``workbook export``) when none are named.
DEFAULT_REPORT_CHARTS: tuple[str, ...] = tuple(k.name for k in CATALOG.values() if k.in_report)
#: Other names a chart is known by -> its name: the builders' names, which reports used to take.
ALIASES: Mapping[str, str] = MappingProxyType(
    {k.builder_name: k.name for k in CATALOG.values() if k.builder_name != k.name}
)


def chart_name(name: str) -> str:
    """The catalogue name of chart ``name`` (a name or an alias, e.g. ``claims_by_confidence`` ->
    ``claims``); raises :class:`~workbook.errors.ChartError` for an unknown chart."""
    if name in CATALOG:
        return name
    if name in ALIASES:
        return ALIASES[name]
    raise ChartError(f"Unknown chart {name!r}; the charts are {', '.join(CHART_NAMES)}.")


def chart_kind(name: str) -> ChartKind:
    """The catalogue record of chart ``name`` (or an alias of it)."""
    return CATALOG[chart_name(name)]


def chart_columns(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The columns of each big table (:data:`BIG_TABLES`) that the charts ``names`` read, in the table's
    declared order: a Book keeping only these draws the same figures."""
    wanted = {t: {c for n in names for c in chart_kind(n).reads.get(t, ())} for t in BIG_TABLES}
    return {t: tuple(c for c in TABLES[t].column_names if c in wanted[t]) for t in BIG_TABLES}


def chart_options(name: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The options chart ``name`` is drawn with: its defaults updated by ``options``."""
    return {**chart_kind(name).defaults, **(options or {})}


def draw_chart(
    book: Book,
    name: str,
    options: Mapping[str, Any] | None = None,
    *,
    cache: ChartCache | None = None,
    names: pd.DataFrame | None = None,
    launches: pd.DataFrame | None = None,
) -> go.Figure:
    """The figure of chart ``name`` for ``book`` (a filtered Book), drawn with :func:`chart_options`: what
    the explorer shows and what a report exports.

    ``cache``: a :class:`~workbook.charts.ChartCache` of ``book`` shared by the charts of one Book. ``names``:
    the unfiltered Book's entities, naming the speakers of the claims chart whose own mentions are filtered
    out. ``launches``: the launches to draw as a layer of their own on the charts that take one (timeline,
    map; see :func:`workbook.tables.layers.add_launch_layer`), None for no layer."""
    kind = chart_kind(name)
    opts = chart_options(kind.name, options)
    if kind.takes_names and names is not None:
        opts["names"] = names
    fig = kind.builder(book, **opts, cache=cache)
    if launches is None or not kind.launch_layer:
        return fig
    from workbook.tables.layers import add_launch_layer

    return add_launch_layer(fig, launches)
