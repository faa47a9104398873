"""Charts drawn by plotly.js in headless chromium with no network: the place map's basemap comes from
the packaged topojson inlined by ``geo_assets_script``. Checks the DOM (layers and marks), not pixels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from plotly.offline import get_plotlyjs

from tests.browser_support import CHROMIUM_ARGS, find_chromium, playwright_missing_reason
from workbook.book import Book
from workbook.charts import geo_assets_script, place_map, required_topojson, timeline

pytestmark = pytest.mark.browser

_DOM = """() => ({
  layers: Object.fromEntries([...document.querySelectorAll('.geolayer g.layer')].map(
      g => [g.getAttribute('class').replace('layer ', ''), (g.querySelector('path')?.getAttribute('d') || '').length])),
  geoPoints: document.querySelectorAll('g.trace.scattergeo path.point').length,
  geoLines: document.querySelectorAll('g.trace.scattergeo path.js-line').length,
  bars: document.querySelectorAll('g.trace.bars path').length,
  points: document.querySelectorAll('g.trace.scatter path.point').length,
})"""


def _render(fig: go.Figure, folder: Path) -> tuple[dict[str, Any], list[str], list[str]]:
    from playwright.sync_api import sync_playwright

    names = required_topojson(fig)
    assets = f"<script>{geo_assets_script(names)}</script>" if names else ""
    div = pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id="fig")
    page_file = folder / "chart.html"
    page_file.write_text(
        f"<!doctype html><html><head><meta charset='utf-8'>{assets}<script>{get_plotlyjs()}</script></head>"
        f"<body>{div}</body></html>",
        encoding="utf-8",
    )
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 700})
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(page_file.as_uri())
            page.wait_for_selector(".main-svg", timeout=15_000)
            page.wait_for_timeout(500)
            dom: dict[str, Any] = page.evaluate(_DOM)
        finally:
            browser.close()
    return dom, [u for u in requests if u != page_file.as_uri()], errors


@pytest.fixture(autouse=True)
def _needs_browser() -> None:
    reason = playwright_missing_reason()
    if reason:
        pytest.skip(reason)


def test_place_map_draws_its_basemap_offline(tiny_book: Book, tmp_path: Path) -> None:
    dom, requests, errors = _render(place_map(tiny_book), tmp_path)
    assert requests == [] and errors == []
    for layer in ("land", "ocean", "countries", "coastlines"):
        assert dom["layers"].get(layer, 0) > 1000, dom["layers"]  # Korea's outline, not an empty path
    assert dom["geoPoints"] == 2 and dom["geoLines"] == 1  # two places, one trace of uncertainty circles


def test_timeline_draws_a_point_and_a_span(tiny_book: Book, tmp_path: Path) -> None:
    dom, requests, errors = _render(timeline(tiny_book), tmp_path)
    assert requests == [] and errors == []
    assert dom["bars"] == 1 and dom["points"] == 1
