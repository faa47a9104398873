"""The filter panel: ipywidgets controls, one per FilterSpec field, and nothing else.

The panel never computes a spec. It reports what the analyst did (``control, value``; a search query;
a button) to its callbacks, and :meth:`FilterPanel.show` puts a spec's values back into the controls
without reporting them again.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import ipywidgets as w
import traitlets

from workbook.explore.state import Choice, control_values, vocabulary
from workbook.filtering import FilterSpec

__all__ = ["FilterPanel", "ToggleGroup"]

ControlCallback = Callable[[str, Any], None]
TextCallback = Callable[[str], None]


class ToggleGroup(w.HBox):
    """A row of toggle buttons over a closed vocabulary; ``value`` is the tuple of those pressed."""

    value = traitlets.Tuple()

    def __init__(self, options: Sequence[str], description: str = "", **kwargs: Any) -> None:
        self._buttons = {
            o: w.ToggleButton(description=o.replace("_", " "), layout=w.Layout(width="auto")) for o in options
        }
        label = [w.Label(description, layout=w.Layout(width="90px"))] if description else []
        super().__init__([*label, *self._buttons.values()], layout=w.Layout(flex_flow="row wrap"), **kwargs)
        for option, button in self._buttons.items():
            button.observe(lambda change, o=option: self._pressed(o, change["new"]), names="value")
        self.observe(self._show, names="value")

    @property
    def buttons(self) -> dict[str, w.ToggleButton]:
        return dict(self._buttons)

    def _pressed(self, option: str, down: bool) -> None:
        chosen = set(self.value) | {option} if down else set(self.value) - {option}
        self.value = tuple(o for o in self._buttons if o in chosen)

    def _show(self, change: dict[str, Any]) -> None:
        for option, button in self._buttons.items():
            button.value = option in change["new"]


def _select(description: str, rows: int = 5) -> w.SelectMultiple:
    return w.SelectMultiple(
        options=[],
        rows=rows,
        description=description,
        layout=w.Layout(width="98%"),
        style={"description_width": "90px"},
    )


def _hint(text: str) -> w.HTML:
    return w.HTML(f'<span style="color:#666;font-size:11px;padding-left:94px">{html.escape(text)}</span>')


def _heading(text: str) -> w.HTML:
    return w.HTML(f'<b style="font-size:12px">{html.escape(text)}</b>')


class FilterPanel(w.VBox):
    """Controls for every field the explorer filters on, plus Undo, Reset and "clear this filter" buttons."""

    def __init__(self, events_hint: str = "", published_hint: str = "") -> None:
        style = {"description_width": "90px"}
        wide = w.Layout(width="98%")
        self.entity_query = w.Text(placeholder="search entities…", description="Entities", style=style, layout=wide)
        self.controls: dict[str, w.DOMWidget] = {
            "entity_ids": _select("", rows=8),
            "entity_types": ToggleGroup(vocabulary("entity_types"), "Entity types"),
            "date_from": w.DatePicker(description="From", style=style),
            "date_to": w.DatePicker(description="To", style=style),
            "date_match": w.ToggleButtons(
                options=[("overlaps", "overlaps"), ("lies within", "within")],
                value="overlaps",
                description="An event",
                style={"description_width": "90px", "button_width": "95px"},
                tooltips=[
                    "an event counts when its interval meets the window",
                    "an event counts when its whole interval lies inside the window",
                ],
            ),
            "published_from": w.DatePicker(description="From", style=style),
            "published_to": w.DatePicker(description="To", style=style),
            "speakers": _select("Speakers"),
            "quote_kinds": ToggleGroup(vocabulary("quote_kinds"), "Quote kinds"),
            "confidence_bands": _select("Confidence", rows=8),
            "publishers": _select("Publishers", rows=4),
            "text": w.Text(
                placeholder='words, "a phrase", OR, NOT, missil*, Sinpo~1 (Enter)',
                description="Text",
                style=style,
                layout=wide,
                continuous_update=False,
            ),
            "stars_only": w.Checkbox(description="starred only", indent=False),
        }
        self.controls["confidence_bands"].options = list(vocabulary("confidence_bands"))
        self.undo_button = w.Button(description="Undo", icon="undo", disabled=True, layout=w.Layout(width="auto"))
        self.reset_button = w.Button(description="Reset", icon="times", layout=w.Layout(width="auto"))
        self.clear_box = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.date_span = _hint(events_hint)
        self.published_span = _hint(published_hint)
        self._showing = False
        self._active: list[tuple[str, str]] = []
        self._on_control: list[ControlCallback] = []
        self._on_query: list[TextCallback] = []
        self._on_button: list[TextCallback] = []
        for name, control in self.controls.items():
            control.observe(lambda change, n=name: self._emit(n, change["new"]), names="value")
        self.entity_hint = w.HTML()
        self.text_hint = w.HTML()
        self.entity_query.observe(lambda change: self._query(change["new"]), names="value")
        self.undo_button.on_click(lambda _b: self._button("undo"))
        self.reset_button.on_click(lambda _b: self._button("reset"))
        c = self.controls
        super().__init__(
            [
                w.HBox([self.undo_button, self.reset_button]),
                self.clear_box,
                self.entity_query,
                self.entity_hint,
                c["entity_ids"],
                c["entity_types"],
                _heading("Events between"),
                c["date_from"],
                c["date_to"],
                c["date_match"],
                self.date_span,
                _heading("Published between"),
                c["published_from"],
                c["published_to"],
                self.published_span,
                c["speakers"],
                c["quote_kinds"],
                c["confidence_bands"],
                c["publishers"],
                c["text"],
                self.text_hint,
                c["stars_only"],
            ],
            layout=w.Layout(width="340px", min_width="300px"),
        )

    # -- reporting -------------------------------------------------------------------------------

    def on_control(self, callback: ControlCallback) -> None:
        """``callback(control, value)`` when the analyst changes a control."""
        self._on_control.append(callback)

    def on_query(self, callback: TextCallback) -> None:
        """``callback(query)`` when the entity search text changes."""
        self._on_query.append(callback)

    def on_button(self, callback: TextCallback) -> None:
        """``callback(name)`` for a button: ``undo``, ``reset`` or ``clear:<field>``."""
        self._on_button.append(callback)

    def _emit(self, control: str, value: Any) -> None:
        if not self._showing:
            for callback in list(self._on_control):
                callback(control, value)

    def _query(self, query: str) -> None:
        for callback in list(self._on_query):
            callback(query)

    def _button(self, name: str) -> None:
        for callback in list(self._on_button):
            callback(name)

    def show_text_error(self, message: str) -> None:
        """Say under the text box why the query was not applied (empty: the query is fine)."""
        shown = (
            f'<span style="color:#b00;font-size:11px;padding-left:94px">{html.escape(message)}</span>'
            if message
            else ""
        )
        if self.text_hint.value != shown:
            self.text_hint.value = shown

    def clear_query(self) -> None:
        """Empty the entity search box (Reset does: a query left behind would hide every entity)."""
        if self.entity_query.value:
            self.entity_query.value = ""

    # -- showing ---------------------------------------------------------------------------------

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        self._showing = True
        try:
            yield
        finally:
            self._showing = False

    def show(
        self,
        spec: FilterSpec,
        options: dict[str, list[Choice]],
        active: Sequence[tuple[str, str]],
        can_undo: bool,
        entity_error: str = "",
    ) -> None:
        """Show ``spec`` in the controls: ``options`` per selection control, ``active`` (field, caption)
        filters as "clear" buttons, whether Undo has anything to undo, and why the entity search failed
        (``entity_error``, a search syntax error)."""
        with self._quiet():
            for name, choices in options.items():
                control = self.controls[name]
                if list(control.options) != list(choices):
                    control.value = ()
                    control.options = choices
            for name, value in control_values(spec).items():
                control = self.controls[name]
                if name in ("entity_types", "quote_kinds", "entity_ids", "speakers", "confidence_bands", "publishers"):
                    value = tuple(value)
                if control.value != value:
                    control.value = value
        query = self.entity_query.value.strip()
        hint = ""
        if entity_error:
            hint = html.escape(entity_error)
        elif query and not options.get("entity_ids", [None]):
            hint = f"No entity matches “{html.escape(query)}” in this view; clear the search to see them all."
        elif query:
            hint = f"Entities matching “{html.escape(query)}”."
        hint_html = f'<span style="color:#666;font-size:11px;padding-left:94px">{hint}</span>' if hint else ""
        if self.entity_hint.value != hint_html:
            self.entity_hint.value = hint_html
        self.undo_button.disabled = not can_undo
        if list(active) != self._active:
            self._active = list(active)
            self.clear_box.children = [self._clear_button(field, caption) for field, caption in active]

    def _clear_button(self, field: str, caption: str) -> w.Button:
        button = w.Button(description=f"× {caption}", tooltip=f"clear {field}", layout=w.Layout(width="auto"))
        button.on_click(lambda _b: self._button(f"clear:{field}"))
        return button
