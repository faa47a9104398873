"""The explorer's export bar and annotation panel: ipywidgets controls that report what the analyst did.

Like the filter panel, they never decide anything: the :class:`~workbook.widgets.explorer.Explorer` passes
their reports to :mod:`workbook.explore.actions` and shows the result with their ``show`` methods.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as w

from workbook.explore.actions import DEFAULT_EXPORT_FORMATS, EXPORT_FORMATS, NO_WORKSPACE, annotation_html
from workbook.model import CLAIM_STATUSES
from workbook.widgets.panel import ToggleGroup

__all__ = ["AnnotationPanel", "ExportBar", "ViewsBar"]

#: ``callback(action, value)``: an annotation action of :data:`workbook.explore.actions.ANNOTATION_ACTIONS`.
AnnotateCallback = Callable[[str, Any], None]


class ExportBar(w.VBox):
    """Title, formats and an Export button; ``status`` shows where the bundle went (or the error)."""

    def __init__(self, out: Path, title: str = "", formats: Sequence[str] = DEFAULT_EXPORT_FORMATS) -> None:
        self.title = w.Text(
            value=title,
            description="Report",
            placeholder="title (default: from the filter)",
            style={"description_width": "60px"},
            layout=w.Layout(width="320px"),
        )
        self.formats = ToggleGroup(EXPORT_FORMATS)
        self.formats.value = tuple(f for f in EXPORT_FORMATS if f in formats)
        self.button = w.Button(
            description="Export",
            icon="download",
            tooltip=f"write a report bundle into {out}",
            layout=w.Layout(width="auto"),
        )
        self.status = w.HTML()
        self._callbacks: list[Callable[[], object]] = []
        self.button.on_click(lambda _b: self.click())
        super().__init__(
            [w.HBox([self.title, self.formats, self.button], layout=w.Layout(flex_flow="row wrap")), self.status]
        )

    def on_export(self, callback: Callable[[], object]) -> None:
        """``callback()`` when the Export button is pressed."""
        self._callbacks.append(callback)

    def click(self) -> None:
        """What pressing Export does (also for tests)."""
        for callback in list(self._callbacks):
            callback()


class ViewsBar(w.HBox):
    """Save the current filter under a name; pick a saved view and open it. ``status`` says what happened."""

    def __init__(self) -> None:
        self.name = w.Text(placeholder="name this view", layout=w.Layout(width="180px"))
        self.save_button = w.Button(description="Save view", icon="bookmark", layout=w.Layout(width="auto"))
        self.choice = w.Dropdown(
            options=[], description="Views", style={"description_width": "40px"}, layout=w.Layout(width="220px")
        )
        self.open_button = w.Button(description="Open", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self._on_save: list[Callable[[str], None]] = []
        self._on_open: list[Callable[[str], None]] = []
        self.save_button.on_click(lambda _b: self._emit(self._on_save, self.name.value))
        self.open_button.on_click(lambda _b: self._emit(self._on_open, self.choice.value or ""))
        super().__init__(
            [self.name, self.save_button, self.choice, self.open_button, self.status],
            layout=w.Layout(flex_flow="row wrap", align_items="center"),
        )

    def on_save(self, callback: Callable[[str], None]) -> None:
        """``callback(name)`` when Save view is pressed."""
        self._on_save.append(callback)

    def on_open(self, callback: Callable[[str], None]) -> None:
        """``callback(name)`` when Open is pressed."""
        self._on_open.append(callback)

    @staticmethod
    def _emit(callbacks: list[Callable[[str], None]], value: str) -> None:
        for callback in list(callbacks):
            callback(value)

    def show(self, names: Sequence[str], message: str = "", *, writable: bool = True) -> None:
        """List the saved ``names``; ``message`` (escaped here) under the bar; without a workspace the
        controls are disabled."""
        if list(self.choice.options) != list(names):
            self.choice.options = list(names)
        for control in (self.name, self.save_button, self.choice, self.open_button):
            control.disabled = not writable
        text = message if writable else "Saved views need a workspace (wb.open a corpus or workspace)."
        self.status.value = f'<span style="color:#666;font-size:11px">{html.escape(text)}</span>' if text else ""


class AnnotationPanel(w.VBox):
    """The selected row's annotations (status, star, tags, notes) and controls to add to them."""

    def __init__(self) -> None:
        self.summary = w.HTML(annotation_html(None))
        self.star_button = w.Button(description="☆ Star", layout=w.Layout(width="auto"))
        self.tag_text = w.Text(placeholder="tag", layout=w.Layout(width="160px"))
        self.tag_button = w.Button(description="Add tag", layout=w.Layout(width="auto"))
        self.note_text = w.Textarea(placeholder="note", layout=w.Layout(width="98%", height="60px"))
        self.note_button = w.Button(description="Add note", layout=w.Layout(width="auto"))
        self.status = w.Dropdown(
            options=list(CLAIM_STATUSES),
            value=CLAIM_STATUSES[0],
            description="Status",
            style={"description_width": "50px"},
            layout=w.Layout(width="220px"),
        )
        self.status_button = w.Button(description="Set status", layout=w.Layout(width="auto"))
        self._starred = False
        self._callbacks: list[AnnotateCallback] = []
        self.star_button.on_click(lambda _b: self._emit("star", not self._starred))
        self.tag_button.on_click(lambda _b: self._emit("tag", self.tag_text.value))
        self.note_button.on_click(lambda _b: self._emit("note", self.note_text.value))
        self.status_button.on_click(lambda _b: self._emit("status", self.status.value))
        self.status_row = w.HBox([self.status, self.status_button])
        super().__init__(
            [
                self.summary,
                w.HBox([self.star_button, self.tag_text, self.tag_button]),
                self.note_text,
                self.note_button,
                self.status_row,
            ],
            layout=w.Layout(padding="4px 6px"),
        )
        self.show(None, None, writable=False)

    @property
    def controls(self) -> list[w.Widget]:
        return [
            self.star_button,
            self.tag_text,
            self.tag_button,
            self.note_text,
            self.note_button,
            self.status,
            self.status_button,
        ]

    def on_annotate(self, callback: AnnotateCallback) -> None:
        """``callback(action, value)`` for Star (value: star on/off), Add tag, Add note and Set status."""
        self._callbacks.append(callback)

    def _emit(self, action: str, value: Any) -> None:
        for callback in list(self._callbacks):
            callback(action, value)

    def show(
        self, target: tuple[str, str] | None, summary: dict[str, Any] | None, *, writable: bool, message: str = ""
    ) -> None:
        """Show ``target``'s ``summary``; the controls are enabled only for a target in a ``writable`` Book
        (one with a workspace; otherwise the panel says annotations need one)."""
        if not writable:
            message = message or NO_WORKSPACE
        self.summary.value = annotation_html(target, summary, message)
        self._starred = bool(summary and summary.get("starred"))
        self.star_button.description = "★ Unstar" if self._starred else "☆ Star"
        enabled = target is not None and writable
        for control in self.controls:
            control.disabled = not enabled
        is_claim = target is not None and target[0] == "claim"
        self.status_row.layout.display = None if is_claim else "none"
        if is_claim and summary is not None and summary.get("status") in CLAIM_STATUSES:
            self.status.value = summary["status"]

    def clear_inputs(self) -> None:
        self.tag_text.value = ""
        self.note_text.value = ""
