"""The explorer's linked views: their figures, drawn from the Book's rows in view, on one lazy plot host.

:class:`ExplorerViews` holds what the views are drawn from and how: the Book with only the columns the
views' charts read (:func:`~workbook.explore.views.views_source`) and its chart cache, the options of each
view (the user's ``view_options``, the timeline's zoomed window), the launches drawn as a layer, and the
:class:`~workbook.widgets.figure_shelf.FigureShelf` that keeps recent figures and sends them to the
:class:`~workbook.widgets.plot_host.PlotHost`. The explorer calls :meth:`ExplorerViews.show` with the filter
and its row masks after each change; a view's figure is rebuilt only when the rows it is drawn from
changed (keyed by a digest of the masks, see ``workbook.explore.state.view_key``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from workbook.book import Book
from workbook.charts import ChartCache
from workbook.explore.actions import launches_in_window, layer_key
from workbook.explore.state import build_view, view_key
from workbook.explore.views import views_book, views_cache, views_source
from workbook.filtering import FilterMasks, FilterSpec
from workbook.widgets.figure_shelf import FigureShelf, in_event_loop
from workbook.widgets.plot_host import PlotHost, PlotlyAsset

__all__ = ["ExplorerViews"]

#: Figures kept per view (Undo and a repeated filter are instant).
_CACHE_PER_VIEW = 8
#: Views at least this wide: two columns of views beside the filter panel on a 1440 px screen.
_MIN_VIEW_WIDTH = 360


class ExplorerViews:
    """The figures of ``views`` of a Book (set with :meth:`use_book`) on a lazy :class:`PlotHost` (``host``)."""

    def __init__(
        self,
        views: Sequence[str],
        view_options: Mapping[str, Mapping[str, Any]] | None,
        launches: pd.DataFrame | None,
        asset: PlotlyAsset,
        columns: int = 0,
    ) -> None:
        self.views = tuple(views)
        self.view_options = {k: dict(v) for k, v in (view_options or {}).items()}
        #: The launches drawn as a layer (None: no layer).
        self.launches = launches
        #: The timeline's zoomed window (first, last ISO day), None for its default range.
        self.zoom: tuple[str, str] | None = None
        self.host = PlotHost(  # lazy: the page draws the views below the fold when they are scrolled to
            self.views, columns, asset, min_view_width=_MIN_VIEW_WIDTH, zoom_views=["timeline"], lazy=True
        )
        self.shelf = FigureShelf(self.host, self.views, _CACHE_PER_VIEW)  # views out of sight: built later
        self._first_draw = True
        #: The filter drawn and its row masks (None: every row), set by :meth:`draw`.
        self.spec = FilterSpec()
        self.masks: FilterMasks | None = None

    def use_book(self, book: Book) -> None:
        """Draw the views of ``book`` from now on (the figures kept for another Book are forgotten)."""
        self.book = book
        self._source = views_source(book, self.views)
        self._cache = ChartCache(self._source)
        self.shelf.clear()

    def options(self, view: str) -> dict[str, Any]:
        """The options ``view`` is drawn with over the catalogue's defaults: the user's ``view_options`` and
        the timeline's zoomed window."""
        options = dict(self.view_options.get(view) or {})
        if view == "timeline" and self.zoom is not None:
            options["x_range"] = self.zoom
        return options

    def zoom_to(self, window: tuple[Any, Any] | None) -> bool:
        """Set the timeline's zoomed window from the page's x range (None: its default range); True when it
        changed (the caller then redraws)."""
        try:
            zoom = None if window is None else tuple(pd.Timestamp(v).date().isoformat() for v in window)
        except (TypeError, ValueError):
            return False
        if zoom == self.zoom:
            return False
        self.zoom = None if zoom is None else (zoom[0], zoom[1])
        return True

    def draw(self, spec: FilterSpec, masks: FilterMasks | None) -> None:
        """Draw the rows of ``masks`` (masks of ``spec``; None: every row): :meth:`show` after a filter change."""
        self.spec, self.masks = spec, masks
        self.show()

    def show(self, only: Sequence[str] | None = None, everything: bool = False) -> None:
        """The figures of the views (``only``: of these) of the rows in view to the host; those out of the
        page's sight are built when they come into sight (``everything``: now)."""
        spec, masks = self.spec, self.masks
        # drawn from the columns the views read, filtered; they share the unfiltered Book's mention codes
        drawn_from = views_book(self._source, masks)
        cache = views_cache(drawn_from, self._cache, masks)
        window = (spec.date_from, spec.date_to)
        launches = None if self.launches is None else launches_in_window(self.launches, *window)

        def key(view: str) -> tuple[Any, ...]:
            zoom = ("zoom", *self.zoom) if view == "timeline" and self.zoom is not None else ()
            return view_key(view, masks) + layer_key(view, launches, *window) + zoom

        def build(view: str) -> Any:
            options = self.options(view)
            return build_view(drawn_from, view, options, cache=cache, names=self.book.entities, launches=launches)

        # in a kernel, the first draw builds the first view now and the others when the page reports them in sight
        first = self._first_draw and in_event_loop()
        self._first_draw = False
        self.shelf.show(key, build, only=only, everything=everything, sight=self.views[:1] if first else None)

    def build_one_stale(self) -> bool:
        """Build the figure of one view left stale (out of sight), in the order of the views, and send it (the
        page draws it when it comes into sight); False when none is stale."""
        stale = [v for v in self.views if v in self.shelf.stale]
        if stale:
            self.show(only=stale[:1], everything=True)
        return bool(stale)

    def figure(self, view: str) -> dict[str, Any]:
        """The figure JSON (``data``, ``layout``) the page draws for ``view`` (built now if it was out of sight)."""
        if view in self.shelf.stale:
            self.show(only=[view], everything=True)
        return dict(self.host.figures[view])
