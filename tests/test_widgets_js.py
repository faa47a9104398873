"""The explorer's own JavaScript in a real headless chromium, without JupyterLab: the PlotHost and TableView
ES modules rendered against a stand-in widget model holding the state Python made (the same ``get``/``on``/
``send`` API anywidget gives them). Checks that plotly.js is evaluated once per page for two hosts, that every
view is drawn offline (the map from the packaged basemap), that a click sends the mark's customdata back,
and that the table sends sort and select messages. The hosts find plotly.js in the one PlotlyAsset model
they refer to (``model.widget_manager.get_model``), whose ``initialize`` starts evaluating it before any
host is rendered. Every request the page makes must stay on the machine.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import CHROMIUM_ARGS, find_chromium, playwright_missing_reason
from tests.conftest import make_tiny_book
from workbook.widgets import explore, shared_asset

pytestmark = [pytest.mark.browser, pytest.mark.slow]

_REASON = playwright_missing_reason() or (None if find_chromium() else "chromium is not installed")

HARNESS = """<!doctype html><html><head><meta charset="utf-8"><style>%(css)s</style></head><body>
<div id="a"></div><div id="b"></div><div id="t"></div>
<script type="module">
const fromB64 = (s) => { const b = atob(s); const u = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) u[i] = b.charCodeAt(i); return new DataView(u.buffer); };
const models = {};
function model(state, id) {
  const handlers = {};
  for (const [k, v] of Object.entries(state)) if (v && v.__bytes__ !== undefined) state[k] = fromB64(v.__bytes__);
  const m = { get: (k) => state[k], on: (e, f) => { (handlers[e] ||= []).push(f); }, off: () => {},
    send: (m) => window.__sent.push(m), save_changes: () => {},
    set: (k, v) => { state[k] = v; (handlers['change:' + k] || []).forEach((f) => f()); },
    widget_manager: { get_model: async (ref) => { window.__lookups.push(ref); return models[ref]; } },
    fire: (k, v) => { state[k] = v; (handlers['change:' + k] || []).forEach((f) => f()); },
    emit: (e, ...args) => (handlers[e] || []).forEach((f) => f(...args)) };
  models[id] = m;
  return m;
}
window.__sent = [];
window.__lookups = [];
const load = async (src) => (await import(URL.createObjectURL(new Blob([src], {type: 'text/javascript'})))).default;
const host = await load(%(host_esm)s);
const table = await load(%(table_esm)s);
const asset = model(%(asset_state)s, %(asset_id)s);
host.initialize({model: asset});  // what anywidget does when the asset's model reaches the page
const state = %(host_state)s;
window.__models = {a: model(structuredClone(state), 'a'), b: model(structuredClone(state), 'b'),
                   t: model(%(table_state)s, 't')};
host.initialize({model: window.__models.a});
host.render({model: window.__models.a, el: document.getElementById('a')});
host.render({model: window.__models.b, el: document.getElementById('b')});
table.render({model: window.__models.t, el: document.getElementById('t')});
window.__model = model;
window.__ready = true;
</script></body></html>"""


def _jsonable_state(widget: Any) -> dict[str, Any]:
    out = {}
    for k, v in widget.get_state().items():
        out[k] = {"__bytes__": base64.b64encode(bytes(v)).decode()} if isinstance(v, bytes | memoryview) else v
    return out


def harness_page(ex: Any, extra_css: str = "") -> str:
    """The harness page holding the explorer's plot host and table, with their state as the kernel has it."""
    return HARNESS % {
        "css": ex.host._css + ex.table._css + extra_css,
        "host_esm": json.dumps(ex.host._esm),
        "table_esm": json.dumps(ex.table._esm),
        "host_state": json.dumps(_jsonable_state(ex.host)),
        "asset_state": json.dumps(_jsonable_state(ex.host.asset)),
        "asset_id": json.dumps(ex.host.asset.model_id),
        "table_state": json.dumps(_jsonable_state(ex.table)),
    }


@pytest.mark.skipif(_REASON is not None, reason=_REASON or "")
def test_plot_host_and_table_in_chromium(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    ex = explore(make_tiny_book())
    row_ids = list(ex.table.row_ids)
    page_html = harness_page(ex)
    path = tmp_path / "harness.html"
    path.write_text(page_html, encoding="utf-8")
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri())
        page.wait_for_function(
            "() => document.querySelectorAll('.wb-plothost[data-rendered=\"true\"]').length === 2", timeout=60_000
        )
        # the explorer's host is lazy: the views below the fold wait, and are drawn when scrolled into sight
        assert page.viewport_size is not None and page.viewport_size["height"] < 1000
        page.wait_for_function("() => document.querySelector('#a .wb-view[data-revision]')", timeout=60_000)
        pending = page.evaluate("() => Array.from(document.querySelectorAll('.wb-view[data-pending]')).length")
        drawn = page.evaluate("() => document.querySelectorAll('.wb-view[data-revision]').length")
        assert pending > 0 and drawn > 0 and pending + drawn == 2 * len(ex.views)
        for host in ("a", "b"):
            for i in range(len(ex.views)):
                page.locator(f"#{host} .wb-view").nth(i).scroll_into_view_if_needed()
                page.wait_for_function(
                    "([h, i]) => document.querySelectorAll(`#${h} .wb-view`)[i].dataset.revision === '1'",
                    arg=[host, i],
                    timeout=20_000,
                )
        assert page.evaluate("() => document.querySelectorAll('.wb-view[data-pending]').length") == 0
        views = page.evaluate("""() => Array.from(document.querySelectorAll('#a .wb-view')).map((v) => ({
            view: v.dataset.view, revision: v.dataset.revision, svg: !!v.querySelector('.main-svg'),
            geo: v.querySelectorAll('.geo .countries path, .geo .land path').length}))""")
        assert [v["view"] for v in views] == list(ex.views)
        assert all(v["svg"] and v["revision"] == "1" for v in views)
        assert next(v for v in views if v["view"] == "map")["geo"] > 0  # the basemap, from PlotlyGeoAssets
        # plotly.js was evaluated once for the two hosts, from the asset model both refer to
        asset = ex.host.asset
        assert page.evaluate("() => Object.keys(window.__workbookPageScripts)") == [asset.geo_key, asset.plotly_key]
        assert page.evaluate("() => window.__lookups") == [asset.model_id, asset.model_id]
        times = page.evaluate("() => window.__workbookPageScriptTimes")
        assert set(times) == {asset.geo_key, asset.plotly_key} and times[asset.geo_key] <= times[asset.plotly_key]
        assert page.evaluate("() => document.querySelectorAll('script').length") == 1  # our harness script only
        # a click on a bar of the entities view sends its customdata back
        page.evaluate("""() => {
            const gd = document.querySelector('#a .wb-view[data-view="entities"] .wb-plot:not(.wb-kept)');
            gd.emit('plotly_click', {points: [{customdata: gd.data[0].customdata[0], curveNumber: 0, pointNumber: 0,
                                               x: 1, y: 'a'}]}); }""")
        sent = page.evaluate("() => window.__sent")
        clicks = [m for m in sent if m["type"] == "click"]
        assert clicks and clicks[0]["view"] == "entities" and clicks[0]["points"][0]["customdata"][0].startswith("e")
        assert any(m["type"] == "rendered" for m in sent)
        # the lazy host tells Python which views are on screen (it builds the others when they come into sight)
        sights = [m["views"] for m in sent if m["type"] == "sight"]
        assert sights and all(set(v) <= set(ex.views) for v in sights) and "map" in {x for v in sights for x in v}
        page.evaluate("() => window.__models.a.fire('stale', ['network'])")  # a stale view is shown dimmed
        page.wait_for_function("() => document.querySelector('#a .wb-view[data-view=\"network\"].wb-stale')")
        assert page.evaluate("() => document.querySelectorAll('#a .wb-view.wb-stale').length") == 1
        # new figures: only the changed view is redrawn (in sight: scrolled to first), and no view is moved in
        # the page (re-appending a drawn view made the browser restyle and lay out every view's plot); with the
        # debug trace on, the host records the figures message and the view's Plotly call (benchmarks)
        page.locator('#a .wb-view[data-view="claims"]').scroll_into_view_if_needed()
        page.evaluate(
            """() => { window.__moved = 0; window.__workbookTrace = [];
            new MutationObserver((rs) => { window.__moved += rs.filter((r) => r.type === 'childList').length; })
              .observe(document.querySelector('#a .wb-grid'), {childList: true}); }"""
        )
        ex.host.handle_message(clicks[0])
        page.evaluate(
            """([figures, revisions]) => { const m = window.__models.a;
            m.fire('figures', figures); m.fire('revisions', revisions); }""",
            [ex.host.figures, ex.host.revisions],
        )
        page.wait_for_function(
            "() => document.querySelector('#a .wb-view[data-view=\"claims\"]').dataset.revision === '2'", timeout=20_000
        )
        assert page.evaluate("() => window.__moved") == 0
        reacts = page.evaluate("() => window.__workbookTrace.filter((e) => e.what === 'react')")
        assert "claims" in {e["view"] for e in reacts} and all(e["react_ms"] >= 0 and e["at"] > 0 for e in reacts)
        # once the page listens, Python sends only the changed figures as one message: merged into the model
        messages: list[dict[str, Any]] = []
        ex.host._send = lambda msg, buffers=None: messages.append(msg)  # type: ignore[method-assign]
        ex.host.handle_message({"type": "sight", "views": ["timeline", "claims"]})
        ex.reset()
        [custom] = [m["content"] for m in messages if m["method"] == "custom"]
        only_claims = {**custom, "figures": {"claims": custom["figures"]["claims"]}}
        page.evaluate("(msg) => window.__models.a.emit('msg:custom', msg)", only_claims)
        assert page.evaluate("() => window.__workbookTrace.filter((e) => e.what === 'figures')[0].views") == ["claims"]
        page.wait_for_function(
            "() => document.querySelector('#a .wb-view[data-view=\"claims\"]').dataset.revision === '3'", timeout=20_000
        )
        kept = page.evaluate("() => window.__models.a.get('figures')")
        assert kept["claims"] == ex.host.figures["claims"] and set(kept) == set(ex.views)  # the others kept
        page.evaluate("(msg) => window.__models.a.emit('msg:custom', msg)", custom)
        assert page.evaluate("() => window.__models.a.get('figures')") == ex.host.figures
        # a figure the view showed just before (Reset, Undo) is shown again from its kept plot, not drawn again
        page.locator('#a .wb-view[data-view="claims"]').scroll_into_view_if_needed()
        shown = ex.host.figures["claims"]
        for step, fig in enumerate((ex.host.figures["entities"], shown), start=1):
            page.evaluate(
                """([fig, step]) => { const m = window.__models.a; window.__workbookTrace = [];
                const revisions = {...m.get('revisions'), claims: 100 + step};
                m.emit('msg:custom', {type: 'figures', figures: {claims: fig}, revisions}); }""",
                [fig, step],
            )
            page.wait_for_function(
                "(r) => document.querySelector('#a .wb-view[data-view=\"claims\"]').dataset.revision === r",
                arg=str(100 + step),
                timeout=20_000,
            )
        [redraw] = page.evaluate("() => window.__workbookTrace.filter((e) => e.what === 'react')")
        assert redraw["view"] == "claims" and redraw.get("kept") is True
        plots = page.evaluate("""() => Array.from(document.querySelectorAll('#a .wb-view[data-view="claims"] .wb-plot'))
            .map((gd) => ({kept: gd.classList.contains('wb-kept'), traces: gd.data.length,
                           visible: getComputedStyle(gd).visibility === 'visible'}))""")
        assert sorted((p["kept"], p["visible"]) for p in plots) == [(False, True), (True, False)]
        assert next(p for p in plots if not p["kept"])["traces"] == len(shown["data"])
        # a plot the analyst zoomed no longer shows its figure as sent: the same figure sent again is drawn again
        page.evaluate(
            """(fig) => { const m = window.__models.a;
            document.querySelector('#a .wb-view[data-view="claims"] .wb-plot:not(.wb-kept)')
              .emit('plotly_relayout', {'xaxis.range[0]': 0, 'xaxis.range[1]': 1});
            window.__workbookTrace = [];
            const revisions = {...m.get('revisions'), claims: 201};
            m.emit('msg:custom', {type: 'figures', figures: {claims: fig}, revisions}); }""",
            shown,
        )
        page.wait_for_function(
            "() => document.querySelector('#a .wb-view[data-view=\"claims\"]').dataset.revision === '201'",
            timeout=20_000,
        )
        redraws = page.evaluate("() => window.__workbookTrace.filter((e) => e.what === 'react')")
        assert [bool(e.get("kept")) for e in redraws] == [False]
        # the table: a header click asks to sort, a row click to select
        page.click("#t th[data-column='confidence']")
        page.click("#t tbody tr >> nth=1")
        sent = page.evaluate("() => window.__sent")
        assert {"type": "sort", "column": "confidence"} in sent
        assert {"type": "select", "row_id": row_ids[1]} in sent
        # a host switched to plotly's full bundle (a figure of another trace type) draws its views anew with it
        full = shared_asset(full=True)
        page.evaluate(
            """([state, id]) => { window.__model(state, id);
            const gd = document.querySelector('#a .wb-view[data-view="claims"] .wb-plot:not(.wb-kept)');
            gd._fullLayout.__old = true;
            window.__models.a.fire('asset', 'IPY_MODEL_' + id); }""",
            [_jsonable_state(full), full.model_id],
        )
        page.locator('#a .wb-view[data-view="claims"]').scroll_into_view_if_needed()
        # the view's plot is made anew with the new bundle: wait through the moment it has none
        page.wait_for_function(
            """() => { const gd = document.querySelector('#a .wb-view[data-view="claims"] .wb-plot:not(.wb-kept)');
            return gd && gd._fullLayout && !gd._fullLayout.__old && gd.querySelector('.main-svg'); }""",
            timeout=60_000,
        )
        assert full.plotly_key in page.evaluate("() => Object.keys(window.__workbookPageScripts)")
        browser.close()
    assert errors == []
    assert all(u.startswith(("file:", "blob:", "data:", "about:")) for u in requests), requests


@pytest.mark.skipif(_REASON is not None, reason=_REASON or "")
def test_without_intersection_observer_every_view_is_drawn_without_scrolling(tmp_path: Path) -> None:
    """A browser without IntersectionObserver cannot tell the lazy host what is on screen: it draws every view."""
    from playwright.sync_api import sync_playwright

    ex = explore(make_tiny_book())
    path = tmp_path / "harness.html"
    path.write_text(harness_page(ex), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1280, "height": 600})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.add_init_script("delete window.IntersectionObserver;")
        page.goto(path.as_uri())
        assert page.evaluate("() => typeof IntersectionObserver") == "undefined"
        page.wait_for_function(
            "(n) => document.querySelectorAll('.wb-view[data-revision=\"1\"]').length === n",
            arg=2 * len(ex.views),
            timeout=60_000,
        )
        assert page.evaluate("() => document.querySelectorAll('.wb-view[data-pending]').length") == 0
        assert page.evaluate("() => window.scrollY") == 0  # nothing was scrolled to draw them
        browser.close()
    assert errors == []
