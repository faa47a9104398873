"""Chart builders: pure functions from a (filtered) Book and options to a plotly Figure or HTML.

Every builder returns a ``plotly.graph_objects.Figure`` (the reader returns an HTML string) and never
displays or writes anything. Conventions shared by all figures:

- ``customdata[0]`` of a mark is the id of the row it stands for (event, entity, place, ...); each
  builder's docs say what else ``customdata`` holds, so a click maps back to rows.
- Document-derived text is escaped for plotly's HTML-like labels (:func:`hover_escape`).
- ``layout.meta`` is a dict naming the chart, its options and counts; ``meta["notes"]`` repeats the
  notes shown in the figure (left-out rows, aggregation), and ``meta["empty"]`` is True for the
  "no data" figure an empty Book gives.
- Colours: :data:`ENTITY_TYPE_COLORS` and :data:`CONFIDENCE_COLORS` are the same in every chart.
"""

from __future__ import annotations

from workbook.charts._common import CONFIDENCE_COLORS, ENTITY_TYPE_COLORS, PRECISION_COLORS, hover_escape
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
