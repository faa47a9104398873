"""The explorer's one-screen layout: the filter panel beside tabs of the views and of the table with the reader.

On one screen at 1440x900 the filter panel (scrolling on its own) sits beside tabs of the views (a grid
that scrolls inside its box) and of the table with the reader, so that a control and its effect are seen
together and nothing lies 3,000 px down the page. Each pane is a block box that scrolls: its content keeps
its natural height (a flex box of a fixed height would squeeze the controls onto each other).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as w

__all__ = ["PANE_HEIGHT", "TAB_TITLES", "ExplorerLayout", "explorer_layout", "scrolling_pane"]

#: The height of the panes beside each other (the filter panel, the views, the table and reader).
PANE_HEIGHT = "78vh"
#: The titles of the tabs beside the filter panel.
TAB_TITLES = ("Views", "Table and reader")


@dataclass(frozen=True)
class ExplorerLayout:
    """The explorer's boxes: the filter panel's pane, the tabs beside it and the whole widget."""

    panel_pane: w.Box
    tabs: w.Tab
    widget: w.VBox


def scrolling_pane(child: w.Widget, **layout: str) -> w.Box:
    """``child`` in a block box at most :data:`PANE_HEIGHT` high that scrolls on its own."""
    return w.Box(
        [child],
        layout=w.Layout(display="block", max_height=PANE_HEIGHT, overflow="auto", min_width="0", **layout),
    )


def explorer_layout(
    panel: w.Widget,
    views: w.Widget,
    table: Sequence[w.Widget],
    reader: Sequence[w.Widget],
    header: Sequence[w.Widget],
) -> ExplorerLayout:
    """The layout (see the module docstring): ``header`` widgets above; the ``panel`` beside tabs of the
    ``views`` and of the ``table`` widgets (stacked) beside the ``reader`` widgets (stacked)."""
    panel.add_class("wb-explorer-panel")
    panel_pane = scrolling_pane(panel, flex="0 0 auto")
    views_pane = scrolling_pane(views)
    rows_pane = scrolling_pane(
        w.HBox(
            [
                w.VBox(list(table), layout=w.Layout(flex="3 1 0", min_width="0")),
                w.VBox(list(reader), layout=w.Layout(flex="2 1 0", min_width="0")),
            ]
        )
    )
    tabs = w.Tab(children=[views_pane, rows_pane], layout=w.Layout(flex="1 1 auto", min_width="0"))
    for i, name in enumerate(TAB_TITLES):
        tabs.set_title(i, name)
    widget = w.VBox([*header, w.HBox([panel_pane, tabs])])
    widget.add_class("wb-explorer")
    return ExplorerLayout(panel_pane, tabs, widget)
