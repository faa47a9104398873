"""The explorer widgets: :func:`explore` a Book in JupyterLab, :func:`figure_view` any plotly figures.

    >>> from workbook.widgets import explore, figure_view
    >>> ex = explore(book)      # display ``ex`` as the last expression of a cell
    >>> ex.spec                 # the current FilterSpec (settable)
    >>> ex.log                  # every filter change, in order (a table in the notebook)
    >>> figure_view(timeline(book), place_map(book))   # figures, drawn offline

Every view is drawn by a :class:`PlotHost` with the one copy of plotly.js of the kernel's
:class:`PlotlyAsset`: plotly.js crosses the wire once per kernel session, however many explorers and
figure views are shown. The widgets are thin: the decisions are in :mod:`workbook.explore.state` and
:mod:`workbook.explore.table` (pure functions); the figures come from :mod:`workbook.charts`, the filtering
from :mod:`workbook.filtering`.

Importing this module is light (no chart layer, no plotly figures): :func:`explore` first sends plotly.js
to the page, then imports and builds the rest, so that the page evaluates plotly.js while the kernel builds
the first figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.widgets.plot_host import FigureViewError, PlotHost, PlotlyAsset, figure_view, shared_asset

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

    from workbook.book import Book
    from workbook.widgets.explorer import Explorer
    from workbook.widgets.table import TableView

__all__ = [
    "Explorer",
    "FigureViewError",
    "PlotHost",
    "PlotlyAsset",
    "TableView",
    "explore",
    "figure_view",
    "shared_asset",
    "show",
]


def explore(
    book: Book,
    views: Sequence[str] | None = None,
    view_options: Mapping[str, Mapping[str, Any]] | None = None,
    table: str = "claims",
    page_size: int = 25,
    columns: int = 0,
    *,
    export_dir: str | Path = Path("exports"),
    launches: pd.DataFrame | None = None,
) -> Explorer:
    """An explorer over ``book``: filter panel, linked views (``views``, any of
    ``timeline, claims, entities, network, map, mentions``; None: all but mentions; chart options per view
    in ``view_options``), a sortable table (``table`` shown first: claims, events, mentions or documents;
    ``page_size`` rows a page) and the document reader. The views sit in ``columns`` columns (0: as many as
    fit). Display it as the last expression of a cell.

    The Export button writes a report bundle of what is in view into ``export_dir``; ``launches`` (the table of
    ``workbook.tables.load_dataset("nagix-launches", ...)``) are drawn as a layer of their own on the timeline
    and the map, within the spec's dates. The annotation panel stars, tags, notes and sets the status of the
    selected row (a Book opened from a workspace).

        >>> ex = explore(book)
        >>> ex.spec = ex.spec.with_(entity_types=("place",))
        >>> ex.log.to_dict()
    """
    shared_asset()  # plotly.js leaves for the page now, before the chart layer is imported and run
    from workbook.widgets.explorer import Explorer

    return Explorer(book, views, view_options, table, page_size, columns, export_dir=export_dir, launches=launches)


def show(
    *figures: go.Figure | Mapping[str, Any],
    columns: int = 1,
    min_view_width: int = 460,
    **named: go.Figure | Mapping[str, Any],
) -> None:
    """Display plotly figures now, like ``fig.show()`` but offline and with the page's one copy of plotly.js
    (see :func:`figure_view`, which returns the widget instead)."""
    from IPython.display import display

    display(figure_view(*figures, columns=columns, min_view_width=min_view_width, **named))


def __getattr__(name: str) -> Any:
    if name == "Explorer":
        from workbook.widgets.explorer import Explorer

        return Explorer
    if name == "TableView":
        from workbook.widgets.table import TableView

        return TableView
    raise AttributeError(f"module 'workbook.widgets' has no attribute {name!r}")
