"""SliderTable: an IntSlider above a summary line and an HTML table, redrawn when the slider moves.

The widget only draws: what the table holds comes from the caller's pure function of the slider's value
(e.g. :func:`workbook.casestudy.views.visits_before_launch_widget`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w
import pandas as pd

__all__ = ["SliderTable"]

#: ``draw(value) -> (table, summary HTML, table HTML)``, the two HTML strings already escaped.
Draw = Callable[[int], tuple[pd.DataFrame, str, str]]


class SliderTable(w.VBox):
    """``children``: the slider, the summary and the table; :meth:`result` is the current table."""

    def __init__(self, draw: Draw, *, value: int, low: int, high: int, description: str) -> None:
        self.slider = w.IntSlider(
            value=value, min=low, max=high, step=1, description=description, continuous_update=False
        )
        self.summary = w.HTML()
        self.table = w.HTML()
        self._draw = draw
        self._df = pd.DataFrame()
        self.slider.observe(self.redraw, names="value")
        super().__init__([self.slider, self.summary, self.table])
        self.redraw()

    def redraw(self, _change: Any = None) -> None:
        """Draw the table of the slider's current value."""
        self._df, self.summary.value, self.table.value = self._draw(int(self.slider.value))

    def result(self) -> pd.DataFrame:
        """The table for the slider's current value."""
        return self._df
