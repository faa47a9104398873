"""The explorer in a real browser: time from running its cell to every view drawn, from a click to every view
redrawn, and the bytes the page received, on the seed, the KCNA 2024 archive and a 100,000-document workspace.

Each workspace is opened in a notebook served by JupyterLab on 127.0.0.1 (the same settings as the browser
tests, ``tests/browser_support.py``) and driven by Debian's chromium through playwright, at 1440x900:

1. the first cell (``import workbook``; ``book = wb.open(workspace)``) runs and the kernel goes idle: the
   kernel is running and the Book is open, as when an analyst runs the explorer cell;
2. the explorer cell (``ex = wb.explore(book)``) runs. **first draw** = from the cell's start (its
   ``iopub.execute_input`` time, recorded by JupyterLab) to the last view drawn (the page's views change
   ``data-revision`` when plotly has drawn them) once the page has settled (kernel idle, no redraw for
   ``--settle`` seconds). The explorer's host is lazy: it draws the views in sight (at 1440x900 the timeline,
   claims and entities views; the network and the map are below the fold) and the others when they are
   scrolled to, so *first draw* is the views in sight; **below the fold** = then each undrawn view scrolled
   into sight in turn, from the scroll to its first draw (then the page is scrolled back to where it was);
3. ``--rounds`` times each of: pick an entity in the entity list, click a bar of the entities chart, set the
   events' "From" date (half-way through the published dates), and press Reset after each. **click to
   redraw** = from the action to the last view redrawn after it (settled as above; views out of sight whose
   figure changed wait until scrolled to, and are counted as *pending*; each action starts from the page
   scrolled as the cell left it, so the same views are in sight); **status** = to the status line
   ("In view: ...") changing.

**page side**: when the plotly.js asset's model reached the page and when the page had evaluated plotly.js
and the map data, and how long plotly took to draw each
view (``data-draw-ms`` of each view, set by ``plot_host.js``); per action, plotly's drawing time summed over
the views it redrew.

**breakdown** (``--breakdown``; ``--traces DIR`` keeps each action's Chromium trace for DevTools): each action's
wall time in parts, per kind of action (medians): from the action to the kernel's refresh starting, the refresh's
parts (filter, views: the figures built and sent, table, panel, status line), the wire (figures sent to their
message received by the page), the page's wait, copy and ``Plotly.react`` (the plot host's debug trace), the
status line after the kernel was done, and Chromium's main thread over the action (scripts, style and layout,
paint, garbage collection, idle; self time, from its trace). See ``browser_breakdown.py``. A chart-bar action
is the click: the bar is found and scrolled into sight (and drawn) before the action starts.

**payload** = bytes that reached the page: HTTP responses (encoded, as on the wire) plus websocket frames
(the kernel's messages: figures, widget state), from loading the page to the explorer drawn; per click, the
websocket bytes. Goals (issue 14): first draw <= 3 s, median click to redraw <= 300 ms, payload <= 8 MB.

Workspaces (``--workspaces``): ``seed`` (``seeds/``, built once), ``kcna-2024`` (see ``corpora.py``), ``synth-100k``:
the built ``synth-5k`` workspace tiled 20 times (each copy's documents, mentions, claims and events under new
ids, entities' counts multiplied; the text, and so every offset, as built), so that a 100k workspace is made
in a minute instead of a build of an hour on a shared machine; ``--tile-from`` and ``--tiles`` change it. Any
other argument is a workspace folder to use as it is. Workspaces are kept in ``<data>/ws`` and reused.
Needs playwright and chromium (``apt-get install chromium``). Run from the repository root::

    .venv/bin/python benchmarks/bench_explorer_browser.py --workspaces seed kcna-2024 synth-100k
    .venv/bin/python benchmarks/bench_explorer_browser.py --workspaces synth-100k --rounds 2 --breakdown
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]

from browser_breakdown import BREAKDOWN_PARTS, TRACE_CATEGORIES, breakdown, main_thread  # noqa: E402
from corpora import corpus, default_data_dir, load_average  # noqa: E402

from tests.browser_support import (  # noqa: E402
    CHROMIUM_ARGS,
    RequestLog,
    find_chromium,
    isolated_jupyter_env,
    playwright_missing_reason,
    start_lab,
)

VIEWPORT = {"width": 1440, "height": 900}
#: Where --traces keeps each action's Chromium trace (None: not kept).
TRACES: dict[str, Path | None] = {"dir": None}
NOTEBOOK = "explorer_bench.ipynb"
#: JupyterLab settings: every cell stays in the DOM, cell timing recorded (the explorer cell's start).
USER_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none", "recordTiming": True},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
        "doNotDisturbMode": True,
    },
}
#: Page-side bookkeeping: the time of every view (re)drawn in the explorer and of the status line changing.
WATCH_JS = """
() => {
  if (window.__wbm) return;
  const m = window.__wbm = {draws: [], statusAt: null, statusBefore: null, actionAt: null};
  // textContent, not innerText: reading it forces no style or layout (the page is measured, not disturbed)
  const status = () => (document.querySelector('.wb-explorer .widget-html')?.textContent || '').replace(/\\s+/g, ' ');
  new MutationObserver((records) => {
    const now = Date.now();
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName === 'data-revision' && r.target.closest('.wb-explorer')) {
        m.draws.push([now, r.target.dataset.view || '']);
      }
    }
    if (m.actionAt !== null && m.statusAt === null && status() !== m.statusBefore) m.statusAt = now;
  }).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true,
                             attributeFilter: ['data-revision']});
  m.begin = (mark) => {
    m.actionAt = Date.now(); m.statusAt = null; m.statusBefore = status();
    if (mark) console.timeStamp(mark); // the action's start in Chromium's trace (--breakdown)
  };
}
"""
IDLE_JS = "() => /\\| Idle/.test(document.querySelector('#jp-main-statusbar')?.innerText || '')"
#: Settled: the kernel idle and nothing drawn for `quiet` ms since the action (or the last draw).
SETTLED_JS = """
([since, quiet]) => {
  const m = window.__wbm; const last = Math.max(since, ...m.draws.map((d) => d[0]));
  return Date.now() - last > quiet && /\\| Idle/.test(document.querySelector('#jp-main-statusbar')?.innerText || '');
}
"""
#: When the page evaluated plotly.js and the map data (epoch ms), and how long plotly took to draw each view
#: the last time (``data-draw-ms``, set by ``plot_host.js``).
PAGE_JS = """
() => {
  const times = window.__workbookPageScriptTimes || {};
  const evaluated = Object.fromEntries(Object.entries(times).map(([k, t]) => [k, performance.timeOrigin + t]));
  const draws = {};
  for (const v of document.querySelectorAll('.wb-explorer .wb-view[data-draw-ms]')) {
    draws[v.dataset.view] = +v.dataset.drawMs;
  }
  const arrived = window.__workbookAssetArrived;
  return {evaluated, draws, arrived: arrived === undefined ? null : performance.timeOrigin + arrived};
}
"""
#: Where every scrolled element of the page is scrolled to (saved), and back there (restored).
SAVE_SCROLL_JS = """
() => { window.__wbScroll = Array.from(document.querySelectorAll('*')).filter((e) => e.scrollTop > 0)
  .map((e) => [e, e.scrollTop]); }
"""
RESTORE_SCROLL_JS = """
() => { for (const e of document.querySelectorAll('*')) if (e.scrollTop > 0) e.scrollTop = 0;
  for (const [e, top] of window.__wbScroll || []) e.scrollTop = top; }
"""
CELLS_JS = """
() => window.jupyterapp.shell.currentWidget.content.model.sharedModel.cells.map((c) => {
  const j = c.toJSON();
  return {count: j.execution_count ?? null, timing: (j.metadata || {}).execution || {},
          errors: (j.outputs || []).filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`),
          text: (j.outputs || []).filter((o) => o.output_type === 'stream')
            .map((o) => [].concat(o.text).join('')).join('')};
})
"""


#: The third cell (run after the actions with --breakdown): the kernel's timings of each refresh.
TIMINGS_CELL = "import json\nprint(json.dumps(list(getattr(ex, 'timings_log', []))))"


def _notebook(workspace: Path) -> str:
    sources = [
        f"from pathlib import Path\nimport workbook as wb\nbook = wb.open(Path({str(workspace)!r}), rebuild=False)\n"
        "len(book.documents)",
        "ex = wb.explore(book)\nex",
        TIMINGS_CELL,
    ]
    cells = [
        {"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [], "source": s}
        for i, s in enumerate(sources)
    ]
    meta = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    return json.dumps({"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5})


# -- workspaces ---------------------------------------------------------------------------------------


def _hex(values: Iterator[str], n: int) -> list[str]:
    return [hashlib.sha1(v.encode(), usedforsecurity=False).hexdigest()[:n] for v in values]


def tile_workspace(source: Path, tiles: int, out: Path) -> Path:
    """``source``'s snapshot ``tiles`` times over in workspace ``out``: copy k > 0 of every document, mention,
    claim and event gets new ids (from the old id and k); entities keep their ids, their counts multiplied."""
    import pandas as pd

    from workbook.assemble import PRIVATE_TABLES
    from workbook.workspace import read_book, read_manifest, read_private_table, write_snapshot

    book = read_book(source)
    private = {name: read_private_table(source, name) for name in PRIVATE_TABLES}
    docs, parts = book.documents, {t: [] for t in ("documents", "mentions", "claims", "events", *PRIVATE_TABLES)}
    id_columns = {"mentions": ("mention_id", "m"), "claims": ("claim_id", "c"), "events": ("event_id", "v")}
    for k in range(tiles):
        fresh = ["d" + h for h in _hex((f"{d}:{k}" for d in docs["doc_id"]), 16)] if k else None
        new_ids = docs["doc_id"] if fresh is None else pd.Series(fresh)
        moved = dict(zip(docs["doc_id"], new_ids, strict=True))
        frame = docs.copy()
        frame["doc_id"] = new_ids.to_numpy()
        if k:
            frame["source"] = frame["source"].astype(str) + f"#tile{k}"
        parts["documents"].append(frame)
        for name in ("mentions", "claims", "events", *PRIVATE_TABLES):
            df = book.table(name) if name in id_columns else private[name]
            if df is None:
                continue
            df = df.copy()
            df["doc_id"] = df["doc_id"].map(moved).to_numpy()
            if name in id_columns and k:
                col, prefix = id_columns[name]
                df[col] = [prefix + h for h in _hex((f"{v}:{k}" for v in df[col]), 12)]
            parts[name].append(df)
    tables: dict[str, pd.DataFrame] = {n: pd.concat(p, ignore_index=True) for n, p in parts.items() if p}
    entities = book.entities.copy()
    entities["n_mentions"] *= tiles
    entities["n_docs"] *= tiles
    tables.update(entities=entities, places=book.places, build_issues=book.build_issues)
    manifest = dict(read_manifest(source))
    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-tiled"
    manifest.update(
        build_id=build_id,
        tiled_from=str(source),
        tiles=tiles,
        counts={n: len(t) for n, t in tables.items() if not n.startswith("_")},
        documents={
            d: {"source": s, "sha256": h}
            for d, s, h in zip(
                tables["documents"]["doc_id"], tables["documents"]["source"], tables["documents"]["sha256"], strict=True
            )
        },
    )
    write_snapshot(out, build_id, tables, manifest)
    return out


def ensure_workspace(name: str, data: Path, tile_from: str, tiles: int) -> Path:
    """The workspace to measure for ``name`` (built or tiled into ``data/ws`` the first time)."""
    from workbook.build import build
    from workbook.workspace import is_workspace

    if Path(name).is_dir() and is_workspace(Path(name)):
        return Path(name)
    ws = data / "ws" / f"{name}.workbook"
    if is_workspace(ws):
        return ws
    t = time.perf_counter()
    if name == "seed":
        build([REPO / "seeds"], ws, progress=False)
    elif name == "synth-100k":
        tile_workspace(ensure_workspace(tile_from, data, tile_from, tiles), tiles, ws)
    else:
        c = corpus(name, data)
        if c is None:
            raise SystemExit(f"{name}: its source data is not here")
        build(list(c.paths), ws, mapping=c.mapping, progress=False)
    print(f"  made {ws} in {time.perf_counter() - t:.0f} s", flush=True)
    return ws


# -- the page -------------------------------------------------------------------------------------------


@contextmanager
def _lab(workspace: Path, base: Path) -> Iterator[Any]:
    root, state = base / "root", base / "state"
    root.mkdir(parents=True)
    (root / NOTEBOOK).write_text(_notebook(workspace.resolve()), encoding="utf-8")
    for rel, value in USER_SETTINGS.items():
        path = state / "lab-user-settings" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")
    env = {**os.environ, **isolated_jupyter_env(state)}
    warm = "from workbook.widgets.assets import geo_asset, plotly_asset; plotly_asset(); geo_asset()"
    subprocess.run([sys.executable, "-c", warm], env=env, check=True, timeout=300)
    with start_lab(root, state, timeout=180) as lab:
        yield lab


def _wait(page: Any, js: str, timeout_s: float, what: str, arg: Any = None) -> None:
    try:
        page.wait_for_function(js, arg=arg, timeout=timeout_s * 1000, polling=50)
    except Exception as exc:  # playwright's TimeoutError: say what was waited for
        raise RuntimeError(f"timed out after {timeout_s:.0f}s waiting for {what}") from exc


def _run_cell(page: Any, index: int, timeout_s: float) -> dict[str, Any]:
    page.evaluate(
        "(i) => { const nb = window.jupyterapp.shell.currentWidget.content; nb.activeCellIndex = i;"
        " return window.jupyterapp.commands.execute('notebook:run-cell'); }",
        index,
    )
    _wait(
        page,
        f"() => window.jupyterapp.shell.currentWidget.content.model.sharedModel.cells[{index}]"
        ".toJSON().execution_count != null",
        timeout_s,
        f"cell {index} to run",
    )
    _wait(page, IDLE_JS, timeout_s, "the kernel to be idle")
    cell: dict[str, Any] = page.evaluate(CELLS_JS)[index]
    if cell["errors"]:
        raise RuntimeError(f"cell {index} failed: {cell['errors']}")
    return cell


def _ms(stamp: str) -> float:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp() * 1000.0


def _settle(page: Any, since: float, settle_s: float, timeout_s: float) -> None:
    _wait(page, SETTLED_JS, timeout_s, "the page to settle", arg=[since, settle_s * 1000])


def _action(
    page: Any, log: RequestLog, act: Callable[[], None], settle_s: float, browser: Any = None
) -> dict[str, Any]:
    """Do ``act`` and measure: to the last view redrawn, to the status line changing, websocket bytes; with
    ``browser`` (--breakdown), Chromium's trace of the page's main thread over the action too."""
    ws0 = log.websocket_bytes
    mark = f"wb-action-{time.monotonic_ns()}" if browser is not None else None
    if browser is not None:
        browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
    page.evaluate("(mark) => window.__wbm.begin(mark)", mark)
    act()
    at = page.evaluate("() => window.__wbm.actionAt")
    _settle(page, at, settle_s, 180)
    trace = browser.stop_tracing() if browser is not None else None
    if trace and TRACES["dir"] is not None:  # for DevTools' Performance panel (--traces)
        (TRACES["dir"] / f"{mark}.json").write_bytes(trace)
    m = page.evaluate("() => window.__wbm")
    after = [d for d in m["draws"] if d[0] >= at]
    views = sorted({d[1] for d in after})
    plotly_ms = page.evaluate(PAGE_JS)["draws"]
    redraw = (max(d[0] for d in after) - at) if after else None
    status = (m["statusAt"] - at) if m["statusAt"] else None
    main = main_thread(trace, mark, max(redraw or 0, status or 0)) if trace and mark else None
    return {
        "at": at,
        "main_thread": main,
        "redraw_ms": redraw,
        "views": views,
        "plotly_ms": sum(plotly_ms.get(v, 0) for v in views),
        "status_ms": status,
        "ws_bytes": log.websocket_bytes - ws0,
        # views out of sight whose figure changed: the lazy host draws them when they are scrolled to
        "pending": page.evaluate("() => document.querySelectorAll('.wb-explorer .wb-view[data-pending]').length"),
    }


def measure(workspace: Path, rounds: int, settle_s: float, shots: Path | None, parts: bool = False) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"workspace": str(workspace)}
    with (
        tempfile.TemporaryDirectory(prefix="bench-explorer-browser-") as tmp,
        _lab(workspace, Path(tmp)) as lab,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        try:
            context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
            page = context.new_page()
            log = RequestLog()
            log.attach(context, page)
            page.goto(lab.url(f"lab/tree/{NOTEBOOK}") + "&reset", wait_until="domcontentloaded")
            page.wait_for_selector(".jp-Notebook", timeout=180_000)
            _wait(page, IDLE_JS, 180, "the kernel to start")
            opened = _run_cell(page, 0, 600)
            t = opened["timing"]
            if t.get("shell.execute_reply") and t.get("iopub.execute_input"):
                out["open_s"] = round((_ms(t["shell.execute_reply"]) - _ms(t["iopub.execute_input"])) / 1000, 2)
            page.evaluate(WATCH_JS)
            if parts:  # the plot host's debug trace (plot_host.js)
                page.evaluate("() => { window.__workbookTrace = []; }")
            cell = _run_cell(page, 1, 600)
            _wait(
                page,
                "() => document.querySelector('.wb-explorer .wb-view[data-revision] .main-svg')",
                300,
                "the explorer's first view",
            )
            started = _ms(cell["timing"]["iopub.execute_input"])
            _settle(page, started, settle_s, 300)
            m = page.evaluate("() => window.__wbm")
            n_views = page.evaluate("() => document.querySelectorAll('.wb-explorer .wb-view').length")
            drawn = page.evaluate("() => document.querySelectorAll('.wb-explorer .wb-view[data-revision]').length")
            page_side = page.evaluate(PAGE_JS)
            evaluated, arrived = page_side["evaluated"], page_side["arrived"]
            out.update(
                asset_arrived_s=round((arrived - started) / 1000, 2) if arrived else None,
                scripts_evaluated_s=round((max(evaluated.values()) - started) / 1000, 2) if evaluated else None,
                plotly_draw_ms=page_side["draws"],
                first_draw_s=round((max(d[0] for d in m["draws"]) - started) / 1000, 2),
                first_view_s=round((min(d[0] for d in m["draws"]) - started) / 1000, 2),
                cell_kernel_s=round((_ms(cell["timing"]["shell.execute_reply"]) - started) / 1000, 2),
                views=n_views,
                views_drawn=drawn,
                http_bytes=log.encoded_bytes,
                ws_bytes=log.websocket_bytes,
                payload_bytes=log.encoded_bytes + log.websocket_bytes,
            )
            if shots:
                page.screenshot(path=str(shots / f"{workspace.stem}-explorer.png"))
            out["scrolled_to"] = _scroll_to_pending(page, settle_s)
            out["clicks"] = _clicks(page, log, rounds, settle_s, workspace, browser if parts else None)
            if parts:
                page_trace = page.evaluate("() => window.__workbookTrace")
                refreshes = json.loads(_run_cell(page, 2, 120)["text"] or "[]")
                clicks = out["clicks"]
                for i, c in enumerate(clicks):
                    until = clicks[i + 1]["at"] if i + 1 < len(clicks) else None
                    c["parts"] = breakdown(c, until, page_trace, refreshes)
        finally:
            browser.close()
    return out


def _scroll_to_pending(page: Any, settle_s: float) -> dict[str, float]:
    """The views a lazy host left undrawn (below the fold): each scrolled into sight in turn, the time from the
    scroll to its first draw (ms). The page is scrolled back to where it was afterwards."""
    out: dict[str, float] = {}
    page.evaluate(SAVE_SCROLL_JS)
    views = page.evaluate(
        "() => Array.from(document.querySelectorAll('.wb-explorer .wb-view[data-pending]')).map((v) => v.dataset.view)"
    )
    for view in views:
        cell = page.locator(f".wb-explorer .wb-view[data-view='{view}']").first
        at = page.evaluate("() => Date.now()")
        cell.scroll_into_view_if_needed()
        _wait(
            page,
            "(v) => !document.querySelector(`.wb-explorer .wb-view[data-view='${v}']`).dataset.pending",
            60,
            f"view {view} drawn",
            arg=view,
        )
        _settle(page, at, settle_s, 120)
        m = page.evaluate("() => window.__wbm")
        mine = [d[0] for d in m["draws"] if d[0] >= at and d[1] == view]
        if mine:
            out[view] = min(mine) - at
    page.evaluate(RESTORE_SCROLL_JS)
    page.wait_for_timeout(settle_s * 1000)
    return out


def _middle_date(workspace: Path) -> str:
    import pandas as pd

    from workbook.workspace import read_book

    published = pd.to_datetime(read_book(workspace).documents["published"]).dropna()
    if published.empty:
        return "2020-01-01"
    return (published.min() + (published.max() - published.min()) / 2).date().isoformat()


def _clicks(
    page: Any, log: RequestLog, rounds: int, settle_s: float, workspace: Path, browser: Any = None
) -> list[dict[str, Any]]:
    explorer = page.locator(".wb-explorer").first
    middle = _middle_date(workspace)

    def pick_entity(i: int) -> Callable[[], None]:
        return lambda: explorer.locator("select[multiple]").first.select_option(index=i)

    def click_bar(i: int) -> Callable[[], None]:
        def act() -> None:
            # the bar was found and scrolled to before the action started (prepare): the action is the click
            box = prepared["box"]
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

        def prepare() -> None:
            bars = explorer.locator(".wb-view[data-view='entities'] .bars .point path:visible")  # not a kept plot's
            bar = bars.nth(min(i, bars.count() - 1))
            bar.scroll_into_view_if_needed(timeout=180_000)  # after a filter the bars are redrawn: at load, slowly
            _settle(page, page.evaluate("() => Date.now()"), settle_s, 120)  # a view scrolled into sight is drawn
            prepared["box"] = bar.bounding_box()

        prepare_for[act] = prepare
        return act

    def set_from() -> None:
        explorer.locator("input[type='date']").first.fill(middle)

    def reset() -> None:
        explorer.locator("button:has-text('Reset')").first.click()

    prepare_for: dict[Callable[[], None], Callable[[], None]] = {}
    prepared: dict[str, Any] = {}
    results: list[dict[str, Any]] = []
    for r in range(rounds):
        for kind, act in (("entity list", pick_entity(r)), ("chart bar", click_bar(r)), ("date from", set_from)):
            for do, what in ((act, kind), (reset, "reset")):
                # each action from the page as the cell left it (the chart bar's click scrolls to the bar): the
                # same views in sight, those that came into sight meanwhile drawn before the action starts
                page.evaluate(RESTORE_SCROLL_JS)
                _settle(page, page.evaluate("() => Date.now()"), settle_s, 120)
                if do in prepare_for:  # e.g. the bar found and scrolled to: not part of the action's time
                    prepare_for[do]()
                results.append({"kind": what, **_action(page, log, do, settle_s, browser)})
    return results


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _report(name: str, r: dict[str, Any]) -> None:
    clicks = r.get("clicks", [])
    redraws = [c["redraw_ms"] for c in clicks if c["redraw_ms"] is not None]
    print(f"\n{name}: {r['workspace']}  (load {r.get('load')})")
    print(f"  open (cell 1, kernel)   {r.get('open_s', '?')} s")
    print(
        f"  first draw              {r['first_draw_s']:.2f} s after the cell started (first view "
        f"{r['first_view_s']:.2f} s; kernel done at {r['cell_kernel_s']:.2f} s); {r['views_drawn']}/{r['views']} "
        f"views drawn   goal <= 3 s"
    )
    if r.get("scrolled_to"):
        print(f"  views below the fold    drawn when scrolled to, after {r['scrolled_to']} ms")
    draws = r.get("plotly_draw_ms") or {}
    print(
        f"  page side               plotly.js asset reached the page {r.get('asset_arrived_s')} s and was evaluated "
        f"(with the map data) {r.get('scripts_evaluated_s')} s after the cell started; plotly drawing each view "
        f"{draws} ms ({sum(draws.values())} ms in all)"
    )
    print(
        f"  payload                 {r['payload_bytes'] / 1e6:.2f} MB (HTTP {r['http_bytes'] / 1e6:.2f} MB, "
        f"websocket {r['ws_bytes'] / 1e6:.2f} MB)   goal <= 8 MB"
    )
    med = _median(redraws)
    print(
        f"  click to redraw median  {med:.0f} ms over {len(redraws)} of {len(clicks)} actions (the others redrew no "
        f"view in sight), status line median {_median([c['status_ms'] for c in clicks if c['status_ms']]) or 0:.0f} "
        "ms   goal <= 300 ms"
        if med is not None
        else "  click to redraw: no redraw seen"
    )
    for kind in ("entity list", "chart bar", "date from", "reset"):
        mine = [c for c in clicks if c["kind"] == kind]
        red = [c["redraw_ms"] for c in mine if c["redraw_ms"] is not None]
        st = [c["status_ms"] for c in mine if c["status_ms"] is not None]
        ws = [c["ws_bytes"] for c in mine]
        drawing = [c.get("plotly_ms", 0) for c in mine]
        if mine:
            print(
                f"    {kind:12} redraw median {_median(red) or 0:6.0f} ms (max {max(red or [0]):6.0f}), status "
                f"median {_median(st) or 0:6.0f} ms, plotly drawing median {_median(drawing) or 0:5.0f} ms, "
                f"websocket {(_median(ws) or 0) / 1e3:7.0f} kB/action, "
                f"views redrawn {sorted({v for c in mine for v in c['views']})}, "
                f"pending (out of sight) median {_median([c.get('pending', 0) for c in mine]) or 0:.0f}"
            )


def _report_parts(clicks: list[dict[str, Any]]) -> None:
    """The median of each part of the actions' wall time (ms), per kind of action, side by side."""
    kinds = [k for k in ("entity list", "chart bar", "date from", "reset") if any(c["kind"] == k for c in clicks)]
    if not any(c.get("parts") for c in clicks):
        return
    print("  breakdown (median ms per action; kernel_* are the refresh's parts, main_* Chromium's main thread)")
    print("    " + f"{'part':20}" + "".join(f"{k:>13}" for k in kinds))
    for part in ("redraw_ms", "status_ms", *BREAKDOWN_PARTS):
        row = []
        for kind in kinds:
            mine = [c for c in clicks if c["kind"] == kind]
            values = [c[part] if part in c else (c.get("parts") or {}).get(part) for c in mine]
            med = _median([float(v) for v in values if v is not None])
            row.append(f"{med:13.0f}" if med is not None else f"{'-':>13}")
        print("    " + f"{part:20}" + "".join(row))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument(
        "--workspaces",
        nargs="+",
        default=["seed", "kcna-2024", "synth-100k"],
        help="seed, kcna-2024, synth-100k, a corpus of corpora.py, or a workspace folder",
    )
    ap.add_argument("--data", type=Path, default=default_data_dir(), help="where corpora and workspaces are kept")
    ap.add_argument("--tile-from", default="synth-5k", help="the built corpus that synth-100k tiles")
    ap.add_argument("--tiles", type=int, default=20, help="copies of --tile-from in synth-100k")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of (entity list, chart bar, date) actions")
    ap.add_argument("--settle", type=float, default=1.5, help="seconds without a redraw that end a measurement")
    ap.add_argument("--screenshots", type=Path, default=None, help="folder for a screenshot of each explorer")
    ap.add_argument("--json", type=Path, default=None, help="also write every measurement to this file")
    ap.add_argument(
        "--breakdown",
        action="store_true",
        help="break each action's wall time into parts: kernel (its refresh's parts), wire, page (copy, "
        "Plotly.react per view), status line, and Chromium's main thread (scripts, layout, paint) from its trace",
    )
    ap.add_argument(
        "--traces", type=Path, default=None, help="with --breakdown, keep each action's Chromium trace here"
    )
    args = ap.parse_args(argv)
    if args.traces:
        args.traces.mkdir(parents=True, exist_ok=True)
        TRACES["dir"] = args.traces
    reason = playwright_missing_reason()
    if reason:
        print(f"skipped: {reason}")
        return 0
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    for name in args.workspaces:
        ws = ensure_workspace(name, args.data, args.tile_from, args.tiles)
        r = measure(ws, args.rounds, args.settle, args.screenshots, parts=args.breakdown)
        r["load"] = load_average()
        results[name] = r
        _report(name, r)
        _report_parts(r.get("clicks", []))
        if args.json:
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
