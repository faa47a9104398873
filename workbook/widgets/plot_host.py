"""PlotHost: one anywidget that draws plotly views, and PlotlyAsset: the one copy of plotly.js they share.

A plotly ``FigureWidget`` ships plotly.js (4.8 MB) to the page and into the saved notebook, once per
figure. A PlotHost holds several figures instead (``figures``: view name -> figure JSON) and draws them
with plotly.js from the :class:`PlotlyAsset` it refers to (trait ``asset``, a widget reference). There is
one PlotlyAsset per kernel process and bundle (:func:`shared_asset`, made on first use and reused: a cached
resource, not data): the workbook's partial plotly.js bundle (about 470 KB gzip-compressed), which draws
every chart of the workbook, and, only when a host is given a figure of another trace type
(:func:`~workbook.widgets.assets.needs_full_plotly`), plotly's full bundle (about 1.5 MB), to which that host
then switches. So plotly.js and the map data cross the wire once per kernel
session however many hosts are displayed. The page evaluates them as soon as the asset's model arrives,
once per page, while the kernel still builds the figures (``static/plot_host.js``).

Clicks on a mark come back as ``{"type": "click", "view": ..., "points": [...]}`` messages and are passed
to the callbacks registered with :meth:`PlotHost.on_click`. :func:`figure_view` shows any plotly figures
this way (``figure_view(fig_a, fig_b)``), without a second copy of plotly.js.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anywidget
import ipywidgets as w
import traitlets

from workbook.errors import FigureViewError
from workbook.widgets.assets import figure_payload, geo_asset, is_figure, needs_full_plotly, plotly_asset

if TYPE_CHECKING:
    import plotly.graph_objects as go

__all__ = ["STATIC", "ClickCallback", "FigureViewError", "PlotHost", "PlotlyAsset", "figure_view", "shared_asset"]

STATIC = Path(__file__).resolve().parent / "static"

#: ``callback(view, (x0, x1) or None)``: a view's x axis zoomed (or reset).
ZoomCallback = Callable[[str, "tuple[Any, Any] | None"], None]
#: ``callback(view, points)``: ``points`` are dicts with ``customdata``, ``curve``, ``point``, ``x``, ``y``.
ClickCallback = Callable[[str, list[dict[str, Any]]], None]


class PlotlyAsset(anywidget.AnyWidget):
    """plotly.js (the partial bundle, or with ``full`` the whole one) and the map data, gzip-compressed, for
    every PlotHost of the page. Never displayed: hosts refer to it (use :func:`shared_asset` rather than
    making another, which would send plotly.js again)."""

    # The hosts' module: its ``initialize`` starts evaluating the scripts as soon as this model reaches the page.
    _esm = STATIC / "plot_host.js"

    plotly_js = traitlets.Bytes(b"").tag(sync=True)
    plotly_key = traitlets.Unicode("").tag(sync=True)
    geo_js = traitlets.Bytes(b"").tag(sync=True)
    geo_key = traitlets.Unicode("").tag(sync=True)

    def __init__(self, full: bool = False, **kwargs: Any) -> None:
        #: Whether this asset carries plotly's full bundle (else the workbook's partial one).
        self.full = full
        plotly = plotly_asset(full)
        geo = geo_asset()
        super().__init__(
            plotly_js=plotly.gz,
            plotly_key=plotly.key,
            geo_js=geo.gz if geo else b"",
            geo_key=geo.key if geo else "",
            **kwargs,
        )


_shared: dict[bool, PlotlyAsset] = {}
_shared_lock = threading.Lock()


def shared_asset(full: bool = False) -> PlotlyAsset:
    """This process's PlotlyAsset of the partial bundle (or with ``full``, of plotly's whole bundle), made on
    first use (which sends it to the page) and reused by every host; made again only if it was closed
    (``Widget.close_all()``)."""
    with _shared_lock:
        asset = _shared.get(full)
        if asset is None or asset.comm is None:
            asset = _shared[full] = PlotlyAsset(full=full)
        return asset


class PlotHost(anywidget.AnyWidget):
    """Draws the figures in ``figures`` (view name -> plotly JSON) in a grid, in the order of ``views``, with
    the plotly.js of ``asset`` (by default the process's :func:`shared_asset` of the partial bundle; switched
    to the full bundle's when a figure needs it, see :meth:`set_figures`)."""

    _esm = STATIC / "plot_host.js"
    _css = STATIC / "plot_host.css"

    views = traitlets.List(traitlets.Unicode()).tag(sync=True)
    #: Columns of the grid of views; 0: as many as fit with each view at least ``min_view_width`` pixels wide.
    columns = traitlets.Int(0).tag(sync=True)
    min_view_width = traitlets.Int(460).tag(sync=True)
    #: Draw a view only while it is on screen (below the fold or in a hidden tab: when first shown), so that
    #: the page spends plotly's drawing on the views in sight; the explorer's host is lazy, figure views not.
    lazy = traitlets.Bool(False).tag(sync=True)
    #: Views whose figure is out of date (left unbuilt while out of sight): the page shows them dimmed.
    stale = traitlets.List(traitlets.Unicode()).tag(sync=True)
    #: Views whose x-axis zooms are sent back (``on_zoom``), e.g. a timeline that rebins to the zoomed range.
    zoom_views = traitlets.List(traitlets.Unicode()).tag(sync=True)
    figures = traitlets.Dict().tag(sync=True)
    #: view -> revision number; the page redraws a view only when its revision changes.
    revisions = traitlets.Dict().tag(sync=True)
    #: layout templates by key; figures refer to them by key (see ``assets.figure_payload``).
    templates = traitlets.Dict().tag(sync=True)
    #: The widget carrying plotly.js; the page's copy of this trait is a reference (``IPY_MODEL_<id>``).
    asset = traitlets.Instance(PlotlyAsset).tag(sync=True, **w.widget_serialization)

    def __init__(
        self, views: Sequence[str] = (), columns: int = 0, asset: PlotlyAsset | None = None, **kwargs: Any
    ) -> None:
        super().__init__(views=list(views), columns=columns, asset=asset or shared_asset(), **kwargs)
        self._click_callbacks: list[ClickCallback] = []
        self._zoom_callbacks: list[ZoomCallback] = []
        self._sight_callbacks: list[Callable[[list[str]], None]] = []
        self._rendered_callbacks: list[Callable[[list[str]], None]] = []
        #: The views a lazy host's page has on screen (its last report), None until it reports.
        self.in_sight: set[str] | None = None
        #: view -> the page's last report of drawing it (revision and milliseconds since the page loaded).
        self.rendered: dict[str, dict[str, Any]] = {}
        #: Whether a page runs this host's module (it has sent a message): from then on :meth:`set_figures`
        #: sends only the changed figures, as a message the page merges into its copy of ``figures``.
        self._page_listens = False
        self.on_msg(self._on_msg)

    def payload(self, fig: go.Figure | Mapping[str, Any]) -> dict[str, Any]:
        """``fig`` as the JSON this host sends (its template stored once in ``templates``)."""
        templates = dict(self.templates)
        payload = figure_payload(fig, templates)
        if templates != self.templates:
            self.templates = templates
        return payload

    def set_figures(self, figures: Mapping[str, go.Figure | Mapping[str, Any]]) -> list[str]:
        """Replace the figures of the given views (others stay); returns the views whose payload changed.

        A value is a plotly Figure or a payload made by :meth:`payload` (passed as it is). A figure the partial
        plotly.js bundle cannot draw (:func:`~workbook.widgets.assets.needs_full_plotly`) switches the host to
        the full bundle's asset (the page then draws every view of the host with it)."""
        templates = dict(self.templates)
        current = dict(self.figures)
        revisions = dict(self.revisions)
        changed = []
        for view, fig in figures.items():
            payload = figure_payload(fig, templates) if is_figure(fig) else dict(fig)
            if current.get(view) is payload or current.get(view) == payload:
                continue
            current[view] = payload
            revisions[view] = int(revisions.get(view, 0)) + 1
            changed.append(view)
        if changed:
            full = not self.asset.full and any(needs_full_plotly(current[view]) for view in changed)
            with self.hold_sync():
                if full:
                    self.asset = shared_asset(full=True)
                if templates != self.templates:
                    self.templates = templates
                self.figures = current
                self.revisions = revisions
                if self._page_listens:  # not the whole trait: the changed figures, after the templates (below)
                    self._states_to_send.difference_update({"figures", "revisions"})
            if self._page_listens:  # one message the page merges into its copy (see ``static/plot_host.js``)
                self.send({"type": "figures", "figures": {v: current[v] for v in changed}, "revisions": revisions})
        return changed

    def on_click(self, callback: ClickCallback, remove: bool = False) -> None:
        """Call ``callback(view, points)`` when a mark is clicked in the page (or stop, with ``remove``)."""
        if remove:
            self._click_callbacks.remove(callback)
        else:
            self._click_callbacks.append(callback)

    def on_zoom(self, callback: ZoomCallback) -> None:
        """Call ``callback(view, (x0, x1))`` when the x axis of a view is zoomed in the page, and
        ``callback(view, None)`` when it is reset (double click)."""
        self._zoom_callbacks.append(callback)

    def on_sight(self, callback: Callable[[list[str]], None]) -> None:
        """Call ``callback(views)`` with the views that came into sight on the page (a lazy host's report)."""
        self._sight_callbacks.append(callback)

    def on_rendered(self, callback: Callable[[list[str]], None]) -> None:
        """Call ``callback(views)`` with the views the page has just drawn (its report after each draw)."""
        self._rendered_callbacks.append(callback)

    def handle_message(self, content: Mapping[str, Any]) -> None:
        """Handle a message from the page (what a click in the browser sends); unknown messages are ignored."""
        kind = content.get("type")
        if kind in ("sight", "rendered"):
            self._page_listens = True  # the page's module is loaded: its ``initialize`` listens for figures
        if kind == "click":
            view = content.get("view")
            points = content.get("points")
            if not isinstance(view, str) or not isinstance(points, list):
                return
            clean = [p for p in points if isinstance(p, dict)]
            for callback in list(self._click_callbacks):
                callback(view, clean)
        elif kind == "zoom":
            view, rng = content.get("view"), content.get("range")
            if not isinstance(view, str):
                return
            window = (
                (rng[0], rng[1])
                if isinstance(rng, list) and len(rng) == 2 and all(isinstance(v, str | int | float) for v in rng)
                else None
            )
            for zoom in list(self._zoom_callbacks):
                zoom(view, window)
        elif kind == "sight":
            views = content.get("views")
            if not isinstance(views, list):
                return
            shown = {v for v in views if isinstance(v, str) and v in self.views}
            came = sorted(shown - (self.in_sight or set()))
            self.in_sight = shown
            if came:
                for sight in list(self._sight_callbacks):
                    sight(came)
        elif kind == "rendered":
            views = content.get("views")
            if isinstance(views, list):
                drawn = [view for view in views if isinstance(view, str)]
                for view in drawn:
                    self.rendered[view] = {"revision": self.revisions.get(view), "ms": content.get("ms")}
                for rendered in list(self._rendered_callbacks):
                    rendered(drawn)

    def _on_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict):
            self.handle_message(content)


def figure_view(
    *figures: go.Figure | Mapping[str, Any],
    columns: int = 1,
    min_view_width: int = 460,
    **named: go.Figure | Mapping[str, Any],
) -> PlotHost:
    """A PlotHost showing plotly figures offline with the page's one copy of plotly.js (and the packaged
    basemaps, so maps draw without a network). Display it as the last expression of a cell.

    Figures are given in order (``figure_view(fig_a, fig_b)``), by name (``figure_view(timeline=fig)``) or
    as one mapping of names to figures (``figure_view({"timeline": fig})``); ``columns`` figures a row
    (0: as many as fit, each at least ``min_view_width`` pixels wide). Update a shown figure with
    ``host.set_figures({name: new_fig})``.
    """
    items: dict[str, go.Figure | Mapping[str, Any]] = {}
    if len(figures) == 1 and isinstance(figures[0], Mapping) and not _looks_like_figure(figures[0]):
        items.update(figures[0])
    else:
        for i, fig in enumerate(figures):
            items[f"figure {i + 1}"] = fig
    for name, fig in named.items():
        if name in items:
            raise FigureViewError(f"two figures are named {name!r}.")
        items[name] = fig
    if not items:
        raise FigureViewError("figure_view needs at least one figure.")
    for name, fig in items.items():
        if not (is_figure(fig) or _looks_like_figure(fig)):
            raise FigureViewError(f"{name!r} is a {type(fig).__name__}, not a plotly figure or figure dict.")
    templates: dict[str, Any] = {}
    payloads = {name: figure_payload(fig, templates) for name, fig in items.items()}
    full = any(needs_full_plotly(p) for p in payloads.values())  # the host is made with the bundle it needs
    host = PlotHost(
        views=list(items),
        columns=columns,
        min_view_width=min_view_width,
        asset=shared_asset(full=full),
        templates=templates,
    )
    host.set_figures(payloads)
    return host


def _looks_like_figure(value: Any) -> bool:
    return isinstance(value, Mapping) and ("data" in value or "layout" in value)
