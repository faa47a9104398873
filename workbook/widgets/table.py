"""TableView: a small anywidget showing one :class:`~workbook.explore.table.TablePage` (sortable by its
headers, paged), without plotly. Sorting, paging and escaping happen in Python
(:mod:`workbook.explore.table`); the page reports clicks as messages, passed to :meth:`TableView.on_action`
callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import anywidget
import traitlets

from workbook.explore.table import TablePage
from workbook.widgets.plot_host import STATIC

__all__ = ["ActionCallback", "TableView"]

#: ``callback(message)`` with the page's message (``{"type": "sort" | "page" | "select", ...}``).
ActionCallback = Callable[[dict[str, Any]], None]


class TableView(anywidget.AnyWidget):
    """One page of rows; a click on a header asks Python to sort, on a row to select it."""

    _esm = STATIC / "table.js"
    _css = STATIC / "table.css"

    caption = traitlets.Unicode("").tag(sync=True)
    columns = traitlets.List(traitlets.Dict()).tag(sync=True)
    rows = traitlets.List(traitlets.List(traitlets.Unicode())).tag(sync=True)
    row_ids = traitlets.List(traitlets.Unicode()).tag(sync=True)
    sort_by = traitlets.Unicode("").tag(sync=True)
    descending = traitlets.Bool(False).tag(sync=True)
    page = traitlets.Int(0).tag(sync=True)
    n_pages = traitlets.Int(1).tag(sync=True)
    total = traitlets.Int(0).tag(sync=True)
    selected = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._callbacks: list[ActionCallback] = []
        self.on_msg(self._on_msg)

    def show(self, page: TablePage, selected: str = "") -> None:
        """Show ``page`` (its cells are already escaped)."""
        noun = page.kind if page.total != 1 else page.kind.rstrip("s")
        with self.hold_sync():
            self.caption = f"{page.total:,} {noun}"
            self.columns = [c.to_dict() for c in page.columns]
            self.rows = page.rows
            self.row_ids = page.row_ids
            self.sort_by = page.sort_by
            self.descending = page.descending
            self.page = page.page
            self.n_pages = page.n_pages
            self.total = page.total
            self.selected = selected

    def on_action(self, callback: ActionCallback) -> None:
        """Call ``callback(message)`` for every message from the page."""
        self._callbacks.append(callback)

    def handle_message(self, content: Mapping[str, Any]) -> None:
        """What a click in the page does: pass the message on (messages without a type are ignored)."""
        if isinstance(content.get("type"), str):
            for callback in list(self._callbacks):
                callback(dict(content))

    def _on_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict):
            self.handle_message(content)
