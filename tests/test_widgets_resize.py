"""Views keep their size through a resize (finding 1): the plot host in headless chromium (no JupyterLab),
its container resized the way hiding the file browser resizes a notebook's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser_support import CHROMIUM_ARGS, find_chromium, playwright_missing_reason
from tests.conftest import make_tiny_book
from tests.test_widgets_js import harness_page
from workbook.widgets import explore

pytestmark = [pytest.mark.browser, pytest.mark.slow]

_REASON = playwright_missing_reason() or (None if find_chromium() else "chromium is not installed")
SIZES_JS = """() => Array.from(document.querySelectorAll('#a .wb-view')).map((v) => {
    const r = v.querySelector('.wb-plot:not(.wb-kept) .main-svg').getBoundingClientRect();  // the plot shown
    return {view: v.dataset.view, width: Math.round(r.width), height: Math.round(r.height)}; })"""


@pytest.mark.skipif(_REASON is not None, reason=_REASON or "")
def test_views_keep_their_height_when_the_page_is_resized(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    ex = explore(make_tiny_book())
    heights = {v: int(ex.figure(v)["layout"]["height"]) for v in ex.views}
    page_html = harness_page(ex, " #a { width: 1300px; }")
    path = tmp_path / "harness.html"
    path.write_text(page_html, encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1500, "height": 1100})
        page.goto(path.as_uri())
        page.wait_for_function(
            "() => document.querySelectorAll('.wb-plothost[data-rendered=\"true\"]').length === 2", timeout=60_000
        )
        # the explorer's host is lazy: a view below the fold is drawn when it comes into sight
        for i in range(len(ex.views)):
            page.locator("#a .wb-view").nth(i).scroll_into_view_if_needed()
            page.wait_for_function(
                "(i) => document.querySelectorAll('#a .wb-view')[i].dataset.revision === '1'", arg=i, timeout=20_000
            )
        page.evaluate("() => window.scrollTo(0, 0)")
        before = page.evaluate(SIZES_JS)
        for width in ("700px", "1100px"):  # narrower (file browser shown), then wider again
            page.evaluate("(w) => { document.getElementById('a').style.width = w; }", width)
            page.wait_for_timeout(800)  # the ResizeObserver, then plotly's relayout
            after = page.evaluate(SIZES_JS)
            for b, a in zip(before, after, strict=True):
                assert a["height"] == b["height"] == heights[a["view"]], (width, b, a)
            assert any(a["width"] != b["width"] for b, a in zip(before, after, strict=True))
        # a zoom of the timeline's x axis is sent back (Python rebins it), a reset too; other views' are not
        page.evaluate("""() => {
            const gd = (v) => document.querySelector(`#a .wb-view[data-view="${v}"] .wb-plot:not(.wb-kept)`);
            gd('timeline').emit('plotly_relayout', {'xaxis.range[0]': '2018-05-01', 'xaxis.range[1]': '2018-07-31'});
            gd('timeline').emit('plotly_relayout', {'xaxis.autorange': true});
            gd('entities').emit('plotly_relayout', {'xaxis.range[0]': 0, 'xaxis.range[1]': 2}); }""")
        zooms = [m for m in page.evaluate("() => window.__sent") if m["type"] == "zoom"]
        assert zooms == [
            {"type": "zoom", "view": "timeline", "range": ["2018-05-01", "2018-07-31"]},
            {"type": "zoom", "view": "timeline", "range": None},
        ]
        # Python answers with the rebinned timeline; drawing it must not send another zoom (no feedback loop)
        ex.host.handle_message(zooms[0])
        page.locator('#a .wb-view[data-view="timeline"]').scroll_into_view_if_needed()  # redrawn when in sight
        page.evaluate(
            """([figures, revisions]) => { const m = window.__models.a;
            m.fire('figures', figures); m.fire('revisions', revisions); }""",
            [ex.host.figures, ex.host.revisions],
        )
        page.wait_for_function(
            "() => document.querySelector('#a .wb-view[data-view=\"timeline\"]').dataset.revision === '2'",
            timeout=20_000,
        )
        page.wait_for_timeout(500)
        assert len([m for m in page.evaluate("() => window.__sent") if m["type"] == "zoom"]) == 2
        page.set_viewport_size({"width": 1440, "height": 900})  # a window resize: plotly's own handler
        page.wait_for_timeout(800)
        assert [v["height"] for v in page.evaluate(SIZES_JS)] == [heights[v["view"]] for v in before]
        browser.close()
