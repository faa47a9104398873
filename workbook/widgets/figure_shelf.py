"""The explorer's figures for its plot host: kept by what they are drawn from, and built only for the views
the page shows.

A :class:`FigureShelf` keeps recent figure payloads by key (a view and a digest of the rows it is drawn
from, see ``workbook.explore.state.view_key``), so that Undo or a repeated filter is instant. When the
page has said which views are on screen (:attr:`PlotHost.in_sight <workbook.widgets.plot_host.PlotHost>`,
sent by a lazy host), a view out of sight whose figure is not kept is not built: it is marked stale
(:attr:`stale`, also the host's ``stale`` trait, which the page shows dimmed) and built when it comes into
sight (:meth:`FigureShelf.show` again with that view) or when Python asks for it. Without a page (tests,
scripts) every view is built. In a kernel (:func:`in_event_loop`), the first draw builds the first view's
figure only: the others are built when the page, which reports what is in sight as soon as it shows the
views (before plotly.js is ready), has them in sight, so that views below the fold cost nothing until shown.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbook.widgets.plot_host import PlotHost

__all__ = ["FigureShelf", "in_event_loop"]


def in_event_loop() -> bool:
    """Whether an event loop is running, as in a Jupyter kernel (where a page may display the views and
    report which are in sight); False in a script or a test, where every view is built at once."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class FigureShelf:
    """Recent figure payloads of ``host``'s views (``per_view`` a view), and the views left stale."""

    def __init__(self, host: PlotHost, views: Iterable[str], per_view: int) -> None:
        self.host = host
        self.views = tuple(views)
        self.per_view = per_view
        #: Views whose figure is out of date: out of sight at the last change, built when they come into sight.
        self.stale: set[str] = set()
        #: Seconds spent in the chart builders in the last :meth:`show`.
        self.build_s = 0.0
        self._kept: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()

    def clear(self) -> None:
        """Forget every kept figure (the Book changed)."""
        self._kept.clear()

    def show(
        self,
        key: Callable[[str], tuple[Any, ...]],
        build: Callable[[str], Any],
        only: Iterable[str] | None = None,
        everything: bool = False,
        sight: Iterable[str] | None = None,
    ) -> list[str]:
        """Send the host the figure of each view (of ``only``, default all): kept ones as they are, others
        ``build(view)`` (a plotly figure or payload) unless the page has them out of sight (``everything``:
        build those too; ``sight``: take these as the views in sight, whatever the page said). Returns the
        views whose figure changed on the page."""
        if sight is None:
            sight = None if everything else self.host.in_sight
        payloads: dict[str, dict[str, Any]] = {}
        self.build_s = 0.0
        for view in self.views if only is None else [v for v in self.views if v in set(only)]:
            k = key(view)
            if k in self._kept:
                self._kept.move_to_end(k)
            elif sight is not None and view not in sight:
                self.stale.add(view)  # built when it comes into sight
                continue
            else:
                t = time.perf_counter()
                fig = build(view)
                self.build_s += time.perf_counter() - t
                self._kept[k] = self.host.payload(fig)
                while len(self._kept) > self.per_view * len(self.views):
                    self._kept.popitem(last=False)
            payloads[view] = self._kept[k]
            self.stale.discard(view)
        changed = self.host.set_figures(payloads)
        stale = sorted(self.stale)
        if stale != list(self.host.stale):
            self.host.stale = stale
        return changed
