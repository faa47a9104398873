"""Exports that need a browser: the seed's report bundle (made by code and by the CLI) opened offline from
file:// in headless chromium with every request recorded, the hostile-document report running nothing,
and PNG/SVG/PDF through kaleido (map and timeline), one-shot and kept alive. Screenshots and timings go to
test-artifacts/."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.conftest import SEEDS
from tests.test_export_helpers import (
    ARTIFACTS,
    browser_missing_reason,
    external_requests,
    hostile_book,
    kaleido_missing_reason,
    open_offline,
)
from workbook.book import Book
from workbook.charts import place_map, timeline
from workbook.cli import main
from workbook.export import ImageRenderer, export_figure, export_report, open_report
from workbook.filtering import FilterSpec

pytestmark = pytest.mark.browser

SEED_CHARTS = ["timeline", "claims_by_confidence", "place_map"]
_LAND = (0xF3, 0xF3, 0xF0)  # the map's landcolor


@pytest.fixture(scope="module")
def seed_book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    """The seed corpus built into a workspace of its own."""
    from workbook.build import build
    from workbook.workspace import read_book

    ws = tmp_path_factory.mktemp("seed") / "seeds.workbook"
    build([SEEDS], ws, progress=False)
    return read_book(ws)


def _needs(*reasons: str | None) -> None:
    for reason in reasons:
        if reason:
            pytest.skip(reason)


def _check_offline(page: dict[str, Any], n_plots: int) -> None:
    assert external_requests(page["requests"]) == [], page["requests"]
    assert page["errors"] == [] and page["dialogs"] == []
    assert page["dom"]["plots"] == n_plots
    assert page["dom"]["pwned"] is None


def _land_pixels(png: Path) -> int:
    image = pytest.importorskip("PIL.Image", reason="Pillow is not installed: pixel check skipped")
    with image.open(png) as im:
        rgb = np.asarray(im.convert("RGB"))
    return int(np.all(rgb == np.array(_LAND, dtype=np.uint8), axis=-1).sum())


def test_seed_report_by_code_opens_offline(seed_book: Book, tmp_path: Path) -> None:
    _needs(browser_missing_reason(), kaleido_missing_reason())
    t0 = time.perf_counter()
    result = export_report(
        seed_book,
        FilterSpec(),
        charts=SEED_CHARTS,
        tables=["claims"],
        title="Seed report",
        out=tmp_path / "exports",
        zip=True,
    )
    seconds = time.perf_counter() - t0
    files = result.manifest["files"]
    for name in ("charts/01-timeline.png", "charts/02-claims.png", "charts/03-map.png"):
        assert (result.path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and name in files
    assert _land_pixels(result.path / "charts/03-map.png") > 10_000  # the basemap was drawn offline
    page = open_offline(result.report_html, ARTIFACTS / "export-seed-report.png")
    _check_offline(page, n_plots=3)
    assert page["dom"]["geoLand"] > 1000
    text = page["dom"]["text"]
    assert "Citations" in text and "C1–C" in text  # the document's group, collapsed: its summary line shows
    html_text = result.report_html.read_text(encoding="utf-8")  # the citations inside the collapsed group
    assert "C14" in html_text and "characters 844–938" in html_text
    assert "North Korea may be reluctant to share those locations" in text
    assert len(open_report(result.path).tables["01-claims"]) == len(seed_book.claims)
    (ARTIFACTS / "export-seed-report.json").write_text(
        json.dumps({"seconds": round(seconds, 2), "files": {k: v["bytes"] for k, v in files.items()}}, indent=2),
        encoding="utf-8",
    )


def test_seed_report_by_cli_opens_offline(seed_book: Book, tmp_path: Path) -> None:
    _needs(browser_missing_reason(), kaleido_missing_reason())
    spec = tmp_path / "spec.json"
    spec.write_text(FilterSpec(confidence_bands=("likely", "roughly even chance")).to_json(), encoding="utf-8")
    code = main(
        [
            "export",
            str(spec),
            "--workspace",
            str(seed_book.workspace),
            "--format",
            "html,md,png,svg,csv",
            "--out",
            str(tmp_path / "exports"),
            "--title",
            "Seed report (CLI)",
        ]
    )
    assert code == 0
    folder = tmp_path / "exports" / "Seed-report-CLI"
    assert (folder / "charts/03-map.svg").read_text(encoding="utf-8").lstrip().startswith("<")
    page = open_offline(folder / "report.html", ARTIFACTS / "export-seed-report-cli.png")
    _check_offline(page, n_plots=3)
    opened = open_report(folder)
    assert set(opened.tables["01-claims"]["confidence"].astype(str)) == {"likely", "roughly even chance"}


def test_hostile_report_runs_nothing(tmp_path: Path) -> None:
    _needs(browser_missing_reason())
    book = hostile_book()
    result = export_report(
        book,
        FilterSpec(),
        charts=["timeline", "claims_by_confidence"],
        tables=["claims", "documents"],
        title="<script>window.__pwned='t'</script>",
        out=tmp_path / "exports",
        formats=("html",),
    )
    page = open_offline(result.report_html, ARTIFACTS / "export-hostile-report.png")
    _check_offline(page, n_plots=2)
    assert page["dom"]["jsLinks"] == 0 and page["dom"]["images"] == 0
    assert page["dom"]["title"] == "<script>window.__pwned='t'</script>"
    text = page["dom"]["text"]
    assert '<script>window.__pwned = "text"</script>' in text  # shown as text
    assert "javascript:alert(1)" in text and "<i>Analysts</i>" in text
    assert "the test may resume </script><!-- in June 2018." in text


def test_single_figure_html_opens_offline(tiny_book: Book, tmp_path: Path) -> None:
    _needs(browser_missing_reason())
    path = export_figure(place_map(tiny_book), tmp_path / "map.html", title="Places")
    page = open_offline(path, ARTIFACTS / "export-figure-map.png")
    _check_offline(page, n_plots=1)
    assert page["dom"]["geoLand"] > 1000


def test_images_of_map_and_timeline_offline(tiny_book: Book, tmp_path: Path) -> None:
    _needs(kaleido_missing_reason())
    figures = {"map": place_map(tiny_book), "timeline": timeline(tiny_book)}
    t0 = time.perf_counter()
    one_shot = export_figure(figures["timeline"], tmp_path / "one-shot.png")
    one_shot_s = time.perf_counter() - t0
    assert one_shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    kept: list[float] = []
    with ImageRenderer() as renderer:
        for name, fig in figures.items():
            for fmt in ("png", "svg", "pdf"):
                t0 = time.perf_counter()
                path = export_figure(fig, tmp_path / f"{name}.{fmt}", renderer=renderer)
                kept.append(time.perf_counter() - t0)
                data = path.read_bytes()
                head = {"png": b"\x89PNG", "svg": b"<", "pdf": b"%PDF-"}[fmt]
                assert data.lstrip()[: len(head)] == head and len(data) > 5_000, (name, fmt, len(data))
    assert _land_pixels(tmp_path / "map.png") > 10_000
    assert "<svg" in (tmp_path / "map.svg").read_text(encoding="utf-8")[:2000]
    # a kept-alive Chromium renders a chart in well under the cost of starting one
    assert statistics.median(kept) < one_shot_s
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "export-kaleido-timings.json").write_text(
        json.dumps(
            {
                "one_shot_png_seconds": round(one_shot_s, 3),
                "kept_alive_seconds": [round(s, 3) for s in kept],
                "kept_alive_median": round(statistics.median(kept), 3),
            },
            indent=2,
        ),
        encoding="utf-8",
    )
