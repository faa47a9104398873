"""The explorer's export bar, launch layer and annotation panel, driven from Python (no browser)."""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.conftest import SEEDS, make_launches
from workbook.book import Book
from workbook.explore.actions import (
    NO_WORKSPACE,
    annotation_html,
    annotation_target,
    export_status_html,
    launches_in_window,
    report_charts,
    with_launch_layer,
)
from workbook.explore.state import build_view
from workbook.filtering import FilterSpec
from workbook.tables.layers import LAUNCH_LANE
from workbook.widgets import Explorer, explore

pytestmark = pytest.mark.widgets

SCRIPT = "<script>alert(1)</script>"


def _launches() -> pd.DataFrame:
    return make_launches()


def _layer(fig: dict[str, Any]) -> list[dict[str, Any]]:
    """The launch traces of a figure payload (trace ``meta`` stays in Python: found by name)."""
    return [t for t in fig["data"] if t.get("name") in (LAUNCH_LANE, "launch facilities (nagix)")]


def _n_launches(fig: dict[str, Any]) -> int:
    return sum(len(t.get("customdata") or []) for t in _layer(fig))


# -- export ------------------------------------------------------------------------------------------


def test_report_charts_follow_the_views() -> None:
    charts = report_charts(["timeline", "claims", "map"], {"claims": {"max_speakers": 3}})
    assert [c.name for c in charts] == ["timeline", "claims", "map"]
    assert charts[0].options == {"color_by": "precision", "max_marks": 1500, "max_bars": 400}  # the explorer's defaults
    assert charts[1].options == {"max_speakers": 3}  # the user's options
    assert [c.name for c in report_charts(["entities", "network", "mentions"])] == ["entities", "network", "mentions"]


def test_export_button_writes_a_bundle(tiny_book: Book, tmp_path: Path) -> None:
    ex = explore(tiny_book, export_dir=tmp_path / "exports")
    ex.spec = FilterSpec(entity_types=("person",))
    ex.export_bar.title.value = "Seed <report>"
    assert ex.export_bar.formats.value == ("html", "md", "csv", "xlsx")
    ex.export_bar.click()
    status = ex.export_bar.status.value
    assert "failed" not in status, status
    (bundle,) = [p for p in (tmp_path / "exports").iterdir() if not p.name.startswith(".")]
    assert (bundle / "report.html").is_file() and (bundle / "manifest.json").is_file()
    assert html.escape(str(bundle)) in status and "<report>" not in status


def test_export_error_is_shown_escaped(tiny_book: Book, tmp_path: Path) -> None:
    ex = explore(tiny_book, export_dir=tmp_path)
    ex.export_bar.formats.value = ()  # no format: export_report refuses
    ex.export_bar.click()
    assert "Export failed" in ex.export_bar.status.value
    failed = export_status_html(error=SCRIPT)
    assert failed == f'<span style="color:#b00020">Export failed: {html.escape(SCRIPT)}</span>'
    assert SCRIPT not in export_status_html(path=Path(SCRIPT))


# -- launches ----------------------------------------------------------------------------------------


def test_launches_add_a_timeline_and_map_layer(tiny_book: Book) -> None:
    plain = explore(tiny_book)
    assert not _layer(plain.figure("timeline"))
    ex = explore(tiny_book, launches=_launches())
    assert _layer(ex.figure("timeline")) and _n_launches(ex.figure("timeline")) >= 2
    assert _layer(ex.figure("map"))
    assert not _layer(ex.figure("claims"))
    ex.spec = FilterSpec(date_from=pd.Timestamp("2024-01-01").date(), date_to=pd.Timestamp("2024-01-10").date())
    assert _n_launches(ex.figure("timeline")) == 1  # only the launch inside the spec's dates
    ex.undo()
    assert _n_launches(ex.figure("timeline")) >= 2


def test_view_path_adds_a_launch_layer(tiny_book: Book) -> None:
    for view in ("timeline", "map"):
        fig = with_launch_layer(build_view(tiny_book, view), view, _launches())
        assert [t for t in fig.data if (t.meta or {}).get("layer") == "launches"]
    claims = build_view(tiny_book, "claims")
    assert with_launch_layer(claims, "claims", _launches()) is claims
    timeline = build_view(tiny_book, "timeline")
    assert with_launch_layer(timeline, "timeline", None) is timeline


def test_launches_in_window() -> None:
    df = _launches()
    assert launches_in_window(df) is df
    kept = launches_in_window(df, pd.Timestamp("2024-01-01").date(), None)
    assert kept["launch_id"].tolist() == ["n1", "n3"]
    assert launches_in_window(df, None, pd.Timestamp("2019-01-01").date())["launch_id"].tolist() == ["n2"]


# -- annotations -------------------------------------------------------------------------------------


def test_annotation_panel_without_workspace_is_disabled(tiny_book: Book) -> None:
    ex = explore(tiny_book)
    claim = str(tiny_book.claims["claim_id"].iloc[0])
    ex.table.handle_message({"type": "select", "row_id": claim})
    assert NO_WORKSPACE in ex.annotations.summary.value
    assert all(c.disabled for c in ex.annotations.controls)
    mention = tiny_book.mentions.iloc[0]
    assert annotation_target(tiny_book, "mentions", str(mention["mention_id"])) == ("entity", mention["entity_id"])
    assert annotation_target(tiny_book, "claims", "nope") is None
    out = annotation_html(("claim", SCRIPT), {"status": SCRIPT, "tags": [SCRIPT], "starred": True, "notes": [SCRIPT]})
    assert SCRIPT not in out and "★ starred" in out


@pytest.fixture
def ws_book(tmp_path: Path) -> Book:
    from workbook.api import open as wb_open
    from workbook.build import build

    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    build([corpus], tmp_path / "ws", progress=False)
    book = wb_open(tmp_path / "ws")
    if book.claims.empty:
        pytest.skip("the seeds give no claims")
    return book


def test_annotation_panel_stars_tags_and_filters(ws_book: Book) -> None:
    ex = explore(ws_book)
    claim = str(ws_book.claims["claim_id"].iloc[0])
    ex.table.handle_message({"type": "select", "row_id": claim})
    panel = ex.annotations
    assert not any(c.disabled for c in panel.controls) and panel.star_button.description == "☆ Star"
    panel.star_button.click()
    assert panel.star_button.description == "★ Unstar" and "★ starred" in panel.summary.value
    panel.tag_text.value = "priority"
    panel.tag_button.click()
    panel.note_text.value = "check <this>"
    panel.note_button.click()
    panel.status.value = "disputed"
    panel.status_button.click()
    summary = panel.summary.value
    assert "priority" in summary and "check &lt;this&gt;" in summary and "disputed" in summary
    assert panel.tag_text.value == "" and panel.note_text.value == ""
    ex.spec = FilterSpec(stars_only=True)
    assert ex.filtered.claims["claim_id"].tolist() == [claim]
    ex.spec = FilterSpec(tags=("priority",), claim_statuses=("disputed",))
    assert claim in set(ex.filtered.claims["claim_id"])
    panel.star_button.click()  # unstar
    ex.spec = FilterSpec(stars_only=True)
    assert ex.filtered.claims.empty


def test_annotation_errors_show_in_the_panel(ws_book: Book) -> None:
    ex: Explorer = explore(ws_book)
    ex.table.handle_message({"type": "select", "row_id": str(ws_book.claims["claim_id"].iloc[0])})
    ex.annotations.tag_button.click()  # an empty tag is refused
    assert "tag" in ex.annotations.summary.value and "b00020" in ex.annotations.summary.value
