"""Chart builders: pure functions from a (filtered) Book and options to a plotly Figure or HTML.

Every builder returns a ``plotly.graph_objects.Figure`` (the reader returns an HTML string) and never
displays or writes anything. Conventions shared by all figures:

- ``customdata[0]`` of a mark is the id of the row it stands for (event, entity, place, ...); each
  builder's docs say what else ``customdata`` holds, so a click maps back to rows.
- Document-derived text is escaped for plotly's HTML-like labels (:func:`hover_escape`), in ``layout.meta``
  too (lane and speaker names there are the escaped labels shown in the figure).
- ``layout.meta`` is a dict naming the chart, its options and counts; ``meta["notes"]`` repeats the
  notes shown in the figure (left-out rows, aggregation), and ``meta["empty"]`` is True for the
  "no data" figure an empty Book gives.
- Colours: :data:`ENTITY_TYPE_COLORS` and :data:`CONFIDENCE_COLORS` are the same in every chart.
- Counts are computed with numpy/pyarrow over integer codes, with no Python per row; Python loops run only
  over what is drawn (bars, lanes, nodes, at most ``max_marks`` marks). Figures are assembled from dicts
  without plotly's validation (see :mod:`workbook.charts.common`); strings and numbers travel as numpy
  arrays, so ``fig.data[i].hovertext`` may be an array rather than a tuple.
- The charts the explorer and reports draw are declared once in :mod:`workbook.charts.catalog` (name,
  builder, default options, source tables, launch layer, what a click does); the helpers every builder
  shares are public in :mod:`workbook.charts.common`.
- Drawing several charts of one Book, share a :class:`ChartCache` (``cache=ChartCache(book)``): the
  mention-based charts then code the mentions' entities and documents once between them.
"""

from __future__ import annotations

from workbook.charts._cache import ChartCache
from workbook.charts.common import CONFIDENCE_COLORS, ENTITY_TYPE_COLORS, PRECISION_COLORS, hover_escape
from workbook.charts.counts import claims_by_confidence, mentions_over_time, top_entities
from workbook.charts.geo import geo_assets_script, place_map, required_topojson, topojson_dir
from workbook.charts.network import co_mentions
from workbook.charts.reader import READER_CSS, document_reader_html
from workbook.charts.timeline import timeline

__all__ = [
    "CONFIDENCE_COLORS",
    "ENTITY_TYPE_COLORS",
    "PRECISION_COLORS",
    "READER_CSS",
    "ChartCache",
    "claims_by_confidence",
    "co_mentions",
    "document_reader_html",
    "geo_assets_script",
    "hover_escape",
    "mentions_over_time",
    "place_map",
    "required_topojson",
    "timeline",
    "top_entities",
    "topojson_dir",
]
