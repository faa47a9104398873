"""The explorer's Export button exports what is on screen: for every view, the figure in the exported
report.html has the data and layout of the figure the explorer shows (same builder, same options, the
user's view options and the launch layer)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.conftest import make_launches
from workbook.book import Book
from workbook.filtering import FilterSpec
from workbook.widgets import explore

pytestmark = pytest.mark.widgets

ALL_VIEWS = ("timeline", "claims", "entities", "network", "map", "mentions")
#: The user's options for some views (the others keep the explorer's defaults).
USER_OPTIONS = {
    "entities": {"n": 2},
    "network": {"max_nodes": 3},
    "claims": {"max_speakers": 1},
    "mentions": {"top": 2},
}


def plain_figure(value: Any) -> Any:
    """``value`` with plotly's typed arrays decoded to lists and the template and ``meta`` left out, so that
    a page payload and a report's figure compare by what they draw."""
    if isinstance(value, dict):
        if set(value) >= {"dtype", "bdata"}:
            arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            if "shape" in value:
                arr = arr.reshape([int(n) for n in str(value["shape"]).split(",")])
            return arr.tolist()
        return {k: plain_figure(v) for k, v in value.items() if k not in ("template", "meta")}
    if isinstance(value, list):
        return [plain_figure(v) for v in value]
    return value


def same_json(a: Any, b: Any) -> bool:
    """Equal as JSON (NaN, which ends the network's link lines, equals NaN)."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def report_figures(report_html: str) -> list[dict[str, Any]]:
    """The (data, layout) of every ``Plotly.newPlot`` call of a report page, in order."""
    decoder = json.JSONDecoder()
    out = []
    start = report_html.find("Plotly.newPlot(")
    while start >= 0:
        pos = start + len("Plotly.newPlot(")
        values = []
        for _ in range(3):  # the div id, the data, the layout
            value, pos = decoder.raw_decode(report_html, pos)
            values.append(value)
            pos += 1  # the comma
        out.append({"data": values[1], "layout": values[2]})
        start = report_html.find("Plotly.newPlot(", pos)
    return out


def _exported(ex: Any, tmp_path: Path) -> list[dict[str, Any]]:
    ex.export_bar.formats.value = ("html",)
    ex.export_bar.click()
    assert "failed" not in ex.export_bar.status.value, ex.export_bar.status.value
    (bundle,) = [p for p in (tmp_path / "exports").iterdir() if not p.name.startswith(".")]
    return report_figures((bundle / "report.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "spec", [FilterSpec(), FilterSpec(entity_types=("person", "place"))], ids=["unfiltered", "filtered"]
)
def test_export_draws_every_view_as_on_screen(tiny_book: Book, tmp_path: Path, spec: FilterSpec) -> None:
    ex = explore(
        tiny_book, views=ALL_VIEWS, view_options=USER_OPTIONS, launches=make_launches(), export_dir=tmp_path / "exports"
    )
    ex.spec = spec
    exported = _exported(ex, tmp_path)
    assert len(exported) == len(ALL_VIEWS)
    for view, fig in zip(ALL_VIEWS, exported, strict=True):
        shown = plain_figure(ex.figure(view))
        assert same_json(plain_figure(fig["data"]), shown["data"]), view
        assert same_json(plain_figure(fig["layout"]), shown["layout"]), view
    launch_traces = [t for t in exported[0]["data"] if str(t.get("name", "")).startswith("launches")]
    assert launch_traces, "the timeline's launch layer is exported"
    manifest = json.loads(next((tmp_path / "exports").glob("*/manifest.json")).read_text(encoding="utf-8"))
    assert [c["name"] for c in manifest["charts"]] == list(ALL_VIEWS)
    assert manifest["charts"][2]["options"] == {"by_type": False, "n": 2}  # the user's top-N over the default
    assert any("launches (nagix)" in n for n in manifest["charts"][0]["notes"])
