"""The explorer: a filter panel, linked plotly views, a sortable table and the document reader over one Book.

Thin by design. The Explorer holds the current :class:`~workbook.filtering.FilterSpec`, its undo stack and
log; every widget event becomes a new spec through a pure function of :mod:`workbook.explore.state` (or a
new table state through :mod:`workbook.explore.table`), then :meth:`Explorer.refresh` redraws:

1. one ``compute_masks`` + ``apply`` per change, on the Book's own ``FilterIndex`` (built once per Book, on the
   first filter: the first draw shows the whole Book and needs none);
2. the views (:class:`~workbook.widgets.explorer_views.ExplorerViews`): each view's figure is rebuilt only
   when the rows it is drawn from changed (recent figures are kept, so Undo is instant), from only the
   columns the views read, and all go to one lazy :class:`~workbook.widgets.plot_host.PlotHost` (the page
   draws the views on screen), drawn with the kernel's one copy of the partial plotly.js bundle
   (:func:`~workbook.widgets.plot_host.shared_asset`).

Build it with :func:`workbook.widgets.explore`.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import numpy as np
import pandas as pd

from workbook.book import Book
from workbook.charts.common import entity_labels, index_in
from workbook.errors import SearchSyntaxError, WorkbookError
from workbook.explore.actions import (
    annotate,
    annotation_target,
    export_status_html,
    run_export,
    summary_of,
)
from workbook.explore.state import (
    DEFAULT_VIEWS,
    VIEWS,
    Choice,
    EntityCatalog,
    ExploreError,
    FilterChange,
    FilterLog,
    active_filters,
    date_hints,
    make_change,
    publisher_choices,
    reader_target,
    speaker_choices,
    spec_after_click,
    spec_with_control,
    summary_html,
    with_selected,
)
from workbook.explore.table import TABLE_KINDS, TablePage, TableSource, TableState, table_page, table_state_after
from workbook.filtering import FilterIndex, FilterMasks, FilterSpec, apply, compute_masks
from workbook.widgets.explorer_layout import TAB_TITLES, explorer_layout
from workbook.widgets.explorer_views import ExplorerViews
from workbook.widgets.figure_shelf import in_event_loop
from workbook.widgets.idle_index import warm_when_idle
from workbook.widgets.integrations import AnnotationPanel, ExportBar, ViewsBar
from workbook.widgets.panel import FilterPanel
from workbook.widgets.plot_host import shared_asset
from workbook.widgets.reader_pane import READER_EMPTY, READER_LEFT, reader_html
from workbook.widgets.table import TableView

if TYPE_CHECKING:
    from workbook.export.report import ReportResult

__all__ = ["Explorer"]


class Explorer:
    """Explore ``book``: see :func:`workbook.widgets.explore`. Display it in a notebook (it renders as its
    ``widget``)."""

    def __init__(
        self,
        book: Book,
        views: Sequence[str] | None = None,
        view_options: Mapping[str, Mapping[str, Any]] | None = None,
        table: str = "claims",
        page_size: int = 25,
        columns: int = 0,
        entity_limit: int = 50,
        *,
        export_dir: str | Path = Path("exports"),
        launches: pd.DataFrame | None = None,
    ) -> None:
        views = DEFAULT_VIEWS if views is None else views
        unknown = [v for v in views if v not in VIEWS]
        if unknown:
            raise ExploreError(f"unknown view(s) {unknown}; the views are {', '.join(VIEWS)}.")
        if table not in TABLE_KINDS:
            raise ExploreError(f"unknown table {table!r}; the tables are {', '.join(TABLE_KINDS)}.")
        asset = shared_asset()  # first: the page evaluates plotly.js while the figures are built
        self.views = tuple(views)
        self.entity_limit = entity_limit
        #: Where the Export button writes report bundles; the launches drawn as a layer (None: no layer).
        self.export_dir = Path(export_dir)
        self.launches = launches
        self.filtered: Book = book
        self.masks: FilterMasks | None = None
        #: Seconds spent by the last refresh, in its order: filter, status (the status line), views (charts, JSON
        #: for the page, sync; charts: the chart builders), table, panel (the filter panel and annotations),
        #: table_panel (both), views_sent (from the start to the figures sent), total.
        self.timings: dict[str, float] = {}
        #: The last refreshes' :attr:`timings`, each with ``at``: when it started (epoch seconds).
        self.timings_log: deque[dict[str, float]] = deque(maxlen=64)
        self._spec = FilterSpec()
        self._undo: list[FilterSpec] = []
        self._log: list[FilterChange] = []
        self._query = ""
        self._sources: dict[str, TableSource] = {}
        self._table_state = TableState(kind=table, page_size=page_size)
        self._page: TablePage | None = None
        self._reading: tuple[str, str] | None = None
        #: Whether the table's page is out of date: in a kernel, a filter change does not build the page of a
        #: table in a hidden tab; it is built when its tab is shown (:meth:`_on_tab`).
        self._table_stale = False
        self._views = ExplorerViews(self.views, view_options, launches, asset, columns)
        self.host, self._figures = self._views.host, self._views.shelf
        #: Each view's options over the catalogue's defaults (view -> options), as given.
        self.view_options = self._views.view_options
        self._use_book(book)

        self.panel = FilterPanel(*date_hints(book))
        self.table = TableView()
        self.table_tabs = w.ToggleButtons(options=list(TABLE_KINDS), value=table, style={"button_width": "90px"})
        self.reader = w.HTML(READER_EMPTY, layout=w.Layout(max_height="520px", overflow="auto", padding="0 6px"))
        self.summary = w.HTML()
        self.export_bar = ExportBar(self.export_dir)
        self.views_bar = ViewsBar()
        self.annotations = AnnotationPanel()

        layout = explorer_layout(  # the filter panel beside tabs of the views and of the table with the reader
            self.panel,
            self.host,
            table=[self.table_tabs, self.table],
            reader=[self.reader, self.annotations],
            header=[self.summary, self.views_bar, self.export_bar],
        )
        self.panel_pane, self.tabs, self.widget = layout.panel_pane, layout.tabs, layout.widget
        self.tabs.observe(self._on_tab, names="selected_index")

        self.panel.on_control(self._on_control)
        self.panel.on_query(self._on_query)
        self.panel.on_button(self._on_button)
        self.host.on_click(self._on_click)
        self.host.on_zoom(self._on_zoom)
        self.host.on_sight(lambda views: self._views.show(only=views))
        self.host.on_rendered(self._after_first_draw)
        self.table.on_action(self._on_table)
        self.table_tabs.observe(lambda change: self._on_table({"type": "kind", "kind": change["new"]}), names="value")
        self.export_bar.on_export(self.export)
        self.views_bar.on_save(lambda name: self._view_action(self.save_view, name))
        self.views_bar.on_open(lambda name: self._view_action(self.open_view, name))
        self.annotations.on_annotate(self._on_annotate)
        self._show_views_bar()
        self._warming = False
        self.refresh()

    def _use_book(self, book: Book) -> None:
        self.book = book
        self._views.use_book(book)
        labels = entity_labels(book.entities)
        self._catalog = EntityCatalog.build(book, labels)
        self._static_options: dict[str, list[Choice]] = {
            "speakers": speaker_choices(book, labels),
            "publishers": publisher_choices(book),
        }
        self._sources.clear()

    def set_book(self, book: Book) -> None:
        """Explore ``book`` instead (e.g. the same Book with its annotations read again), keeping the spec,
        the log and the table's state; the filter index is rebuilt and every part redrawn."""
        self._use_book(book)
        self.refresh()

    def _after_first_draw(self, _views: list[str]) -> None:
        """The page drew the first views: build the views out of sight, then the filter index's parts, while
        the kernel is idle (once)."""
        if not self._warming:
            self._warming = warm_when_idle(lambda: self.index, first=self._views.build_one_stale)

    @property
    def index(self) -> FilterIndex:
        """The Book's filter index: built on the first filter (``FilterIndex.of``, kept on the Book), not
        before the first draw, which shows the whole Book."""
        return FilterIndex.of(self.book)

    # -- the spec --------------------------------------------------------------------------------

    @property
    def spec(self) -> FilterSpec:
        """The current filter; setting it updates the controls and every view (and is logged)."""
        return self._spec

    @spec.setter
    def spec(self, spec: FilterSpec) -> None:
        if not isinstance(spec, FilterSpec):
            raise ExploreError(f"explorer.spec takes a FilterSpec, got {type(spec).__name__}.")
        self._change(spec, "set")

    @property
    def log(self) -> FilterLog:
        """Every filter change so far, oldest first: a list of :class:`FilterChange` that shows as a table in a
        notebook (``.to_frame()`` for a DataFrame, ``.to_dict()`` for a manifest)."""
        return FilterLog(self._log, book=self.book, label=self._catalog.label_of)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> None:
        """Go back to the spec before the last change (does nothing when there is none)."""
        if self._undo:
            before = self._undo.pop()
            self._log.append(make_change("undo", self._spec, before))
            self._spec = before
            self.refresh()

    def reset(self) -> None:
        """Clear every filter (undoable)."""
        self._change(FilterSpec(), "reset")

    def _change(self, spec: FilterSpec, action: str) -> None:
        if spec == self._spec:
            return
        self._undo.append(self._spec)
        self._log.append(make_change(action, self._spec, spec))
        self._spec = spec
        self.refresh()

    # -- saved views -----------------------------------------------------------------------------

    def save_view(self, name: str, note: str = "") -> None:
        """Save the current filter as view ``name`` in the workspace's analyst log (see
        :mod:`workbook.curation.saved_views`); reopen it with :meth:`open_view` or ``wb.view(book, name)``."""
        from workbook.curation.saved_views import save_view

        record = save_view(self.book, name, self._spec, note)
        self._log.append(make_change(f"save_view:{record['name']}", self._spec, self._spec))
        self._show_views_bar(f"Saved “{record['name']}”.")

    def open_view(self, name: str) -> None:
        """Set the filter to saved view ``name`` (undoable, logged)."""
        from workbook.curation.saved_views import view

        spec = view(self.book, name)
        self._change(spec, f"open_view:{name}")
        self._show_views_bar(f"Opened “{name}”.")

    def _view_action(self, action: Any, name: str) -> None:
        try:
            action(name)
        except WorkbookError as exc:
            self._show_views_bar(str(exc))

    def _show_views_bar(self, message: str = "") -> None:
        from workbook.curation.saved_views import saved_views

        if self.book.workspace is None:
            self.views_bar.show([], writable=False)
            return
        try:
            names = list(saved_views(self.book))
        except WorkbookError as exc:
            names, message = [], str(exc)
        self.views_bar.show(names, message)

    def export(self) -> ReportResult | None:
        """Write a report bundle of what is in view into ``export_dir`` (what the Export button does): the
        views drawn as on screen (the same charts, options, zoom and launch layer), the claims table and
        the filter log. The export bar's status shows the bundle's folder or the error; returns the
        :class:`~workbook.export.report.ReportResult` (None when the export failed)."""
        bar = self.export_bar
        bar.status.value = export_status_html(busy=bar.formats.value or ("nothing",))  # sent to the page at once
        bar.button.disabled = True
        try:
            result = run_export(
                self.book,
                self._spec,
                log=self.log,
                views=self.views,
                title=bar.title.value,
                formats=bar.formats.value,
                out=self.export_dir,
                view_options={v: self._views.options(v) for v in self.views},
                launches=self.launches,
            )
        except WorkbookError as exc:
            bar.status.value = export_status_html(error=str(exc))
            return None
        finally:
            bar.button.disabled = False
        bar.status.value = export_status_html(result.path)
        return result

    # -- events (each one line: a pure function, then a redraw) ------------------------------------

    def _annotation_target(self) -> tuple[str, str] | None:
        return annotation_target(self.book, self._table_state.kind, self._table_state.selected)

    def _on_annotate(self, action: str, value: Any) -> None:
        target = self._annotation_target()
        if target is None:
            return
        try:
            book = annotate(self.book, target, action, value)
        except WorkbookError as exc:
            self._show_annotations(str(exc))
            return
        self.annotations.clear_inputs()
        self.set_book(book)

    def _on_click(self, view: str, points: list[dict[str, Any]]) -> None:
        try:
            spec = spec_after_click(self._spec, view, points)
        except (ExploreError, WorkbookError):
            return
        target = reader_target(view, points)
        self._reading = target or self._reading
        if spec is not None:
            self._change(spec, f"click:{view}")
        self._show_reader()
        if target is not None:  # a timeline event opens its document: show the reader
            self.tabs.selected_index = TAB_TITLES.index("Table and reader")

    def _on_control(self, control: str, value: Any) -> None:
        try:
            spec = spec_with_control(self._spec, control, value)
        except SearchSyntaxError as exc:  # the text box keeps what was typed; the spec stays as it was
            self.panel.show_text_error(str(exc).split("\n", 1)[0])
            return
        self.panel.show_text_error("")
        self._change(spec, f"control:{control}")

    def _on_zoom(self, view: str, window: tuple[Any, Any] | None) -> None:
        """The timeline zoomed in the page: redraw it binned to the new range (day, week, month, ...)."""
        if view == "timeline" and self._views.zoom_to(window):
            self._views.show()

    def _on_query(self, query: str) -> None:
        self._query = query
        self._show_panel()

    def _on_button(self, name: str) -> None:
        if name == "undo":
            self.undo()
        elif name == "reset":
            self._query = ""
            self.panel.clear_query()
            self.reset()
        elif name.startswith("clear:"):
            self._change(self._spec.cleared(name.removeprefix("clear:")), name)

    def _on_table(self, message: dict[str, Any]) -> None:
        try:
            self._table_state = table_state_after(self._table_state, message)
        except WorkbookError:
            return
        if message.get("type") == "select" and self._page is not None and self._table_state.selected:
            self._reading = self._page.target(self._table_state.selected) or self._reading
        self._show_table()
        self._show_reader()
        self._show_annotations()

    # -- drawing ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Filter once and redraw every part (views whose rows did not change are not rebuilt)."""
        at = time.time()
        t0 = time.perf_counter()
        if self._spec.is_empty:  # the whole Book: no index needed
            self.masks, self.filtered = None, self.book
        else:
            self.masks = compute_masks(self._spec, self.index)
            self.filtered = apply(self.book, self._spec, self.index, self.masks)  # the masks, not computed again
        t1 = time.perf_counter()
        # the status line first (counts from the row selections): the page shows it while the views are built
        # and drawn, instead of after the table and the panel
        self.summary.value = summary_html(self._spec, self.book, self.filtered_counts())
        t2 = time.perf_counter()
        self._views.draw(self._spec, self.masks)
        t3 = time.perf_counter()
        self._table_state = table_state_after(self._table_state, {"type": "page", "page": 0})
        if self._table_in_sight():
            self._show_table()
        else:  # a hidden tab: its page is built when the tab is shown, not on every filter change
            self._table_stale = True
        t4 = time.perf_counter()
        self._show_panel()
        self._show_annotations()
        self._drop_reading_outside_filter()
        t5 = time.perf_counter()
        self.timings = {
            "filter": t1 - t0,
            "status": t2 - t1,
            "charts": self._figures.build_s,
            "views": t3 - t2,
            "table": t4 - t3,
            "panel": t5 - t4,
            "table_panel": t5 - t3,
            "views_sent": t3 - t0,
            "total": t5 - t0,
        }
        #: the last refreshes' timings with their start (epoch seconds), for benchmarks' breakdown of a click
        self.timings_log.append({"at": at, **self.timings})

    def filtered_counts(self) -> dict[str, int]:
        """Rows in view per table (documents, claims, events, mentions, entities)."""
        counts = self.filtered.counts()  # from the row selections: no table is built
        return {n: counts[n] for n in ("documents", "claims", "events", "mentions", "entities")}

    def figure(self, view: str) -> dict[str, Any]:
        """The figure JSON (``data``, ``layout``) the page draws for ``view`` (built now if it was out of sight)."""
        return self._views.figure(view)

    def _mask(self, kind: str) -> np.ndarray[Any, Any] | None:
        return None if self.masks is None else np.asarray(getattr(self.masks, kind))

    def _table_in_sight(self) -> bool:
        """Whether the table's tab is shown, or there is no page to wait for (a script or a test: no event loop)."""
        return not in_event_loop() or self.tabs.selected_index == TAB_TITLES.index("Table and reader")

    def _on_tab(self, _change: Any = None) -> None:
        """A tab was shown: the table's page, if a filter changed it while its tab was hidden."""
        if self._table_stale and self._table_in_sight():
            self._show_table()

    def _show_table(self) -> None:
        self._table_stale = False
        state = self._table_state
        if state.kind not in self._sources:
            self._sources[state.kind] = TableSource.build(self.book, state.kind)
        self._page = table_page(
            self._sources[state.kind],
            self._mask(state.kind),
            state.sort_by,
            state.descending,
            state.page,
            state.page_size,
        )
        self.table.show(self._page, selected=state.selected)
        if self.table_tabs.value != state.kind:
            self.table_tabs.value = state.kind

    def _show_panel(self) -> None:
        counts = None if self.masks is None else self.masks.n_mentions
        entity_error = ""
        try:
            entity_choices = self._catalog.choices(
                self._query, counts, self._spec.entity_ids, self.entity_limit, self._spec.entity_types
            )
        except SearchSyntaxError as exc:
            entity_choices = self._catalog.choices("", counts, self._spec.entity_ids, 0)
            entity_error = str(exc).split("\n", 1)[0]
        options = {
            "entity_ids": entity_choices,
            "speakers": with_selected(self._static_options["speakers"], self._spec.speakers),
            "publishers": with_selected(self._static_options["publishers"], self._spec.publishers),
        }
        self.panel.show(
            self._spec, options, active_filters(self._spec, self.book), self.can_undo, entity_error=entity_error
        )

    def _drop_reading_outside_filter(self) -> None:
        """Close the reader when the filter no longer holds its document (and say so)."""
        if self._reading is None or self.masks is None:
            return
        row = index_in([self._reading[0]], self.book.documents["doc_id"])[0]
        if row < 0 or not bool(self.masks.documents[row]):
            self._reading = None
            self.reader.value = READER_LEFT
            return

    def _show_reader(self) -> None:
        self.reader.value = reader_html(self.book, self._reading)

    def _show_annotations(self, message: str = "") -> None:
        target = self._annotation_target()
        self.annotations.show(
            target, summary_of(self.book, target), writable=self.book.workspace is not None, message=message
        )

    # -- display ---------------------------------------------------------------------------------

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<Explorer of {self.book!r}: {self._spec.describe(self.book)}>"
