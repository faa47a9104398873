"""Browser tier for the explorer's daily work (issue 15): real JupyterLab on 127.0.0.1 and Debian's chromium
at 1440×900 with the file browser open, and Notebook 7.

One JupyterLab serves the module; one page (a small notebook that opens the seed corpus and shows
``wb.explore(book)``) is shared by the JupyterLab tests, each of which starts from a reset filter. What the
page shows is checked against Python: the counts a search should give are computed here with ``wb.apply``,
a saved view is read back from the workspace with ``wb.view``, an export's bundle is looked for on disk.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import (
    ARTIFACTS,
    CHROMIUM_ARGS,
    LabServer,
    copy_project,
    find_chromium,
    is_local_url,
    isolated_jupyter_env,
    playwright_missing_reason,
    start_lab,
)
from tests.test_browser import COLD_CACHE, NOTEBOOK_STATE_JS, USER_SETTINGS, _kernel_idle, _wait

pytestmark = [pytest.mark.browser, pytest.mark.slow]

_REASON = playwright_missing_reason()
VIEWPORT = {"width": 1440, "height": 900}
#: The page's notebook: the seed corpus in the explorer, nothing else (the quickstart's other cells cost time).
EXPLORER_NB = "explorer_tier.ipynb"
EXPLORER_SOURCE = (
    'from pathlib import Path\nimport workbook as wb\nbook = wb.open(Path("../seeds"))\nex = wb.explore(book)\nex'
)
DRAWN_JS = (
    '() => document.querySelector(\'.wb-explorer .wb-plothost[data-rendered="true"]'
    " .wb-view[data-revision] .main-svg')"
)
#: Every code cell of the current notebook has run (an execution count); works in JupyterLab and Notebook 7.
ALL_RAN_JS = """() => {
    const p = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const cells = p && p.content && p.content.model ? p.content.model.sharedModel.cells : [];
    return cells.length > 0 && cells.every((c) => c.cell_type !== 'code' || c.execution_count != null);
}"""
BOX_JS = """(el) => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height}; }"""


def _notebook(source: str) -> str:
    cell = {
        "cell_type": "code",
        "execution_count": None,
        "id": "explorer",
        "metadata": {},
        "outputs": [],
        "source": source,
    }
    return json.dumps(
        {
            "cells": [cell],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def _server(base: Path, *, notebook7: bool = False) -> Any:
    """A JupyterLab (or Notebook 7) context manager on a copy of the project, with the tier's settings."""
    project = copy_project(base / "project")
    (project / "notebooks" / EXPLORER_NB).write_text(_notebook(EXPLORER_SOURCE), encoding="utf-8")
    state = base / "state"
    for rel, value in USER_SETTINGS.items():
        path = state / "lab-user-settings" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")
    if not COLD_CACHE:
        env = {**os.environ, **isolated_jupyter_env(state)}
        warm = "from workbook.widgets.assets import geo_asset, plotly_asset; plotly_asset(); geo_asset()"
        subprocess.run([sys.executable, "-c", warm], env=env, check=True, timeout=120)
    return start_lab(project, state, timeout=120, notebook7=notebook7)


@pytest.fixture(scope="module")
def pw() -> Iterator[Any]:
    """One playwright for the module (its sync API cannot be started twice at once)."""
    if _REASON:
        pytest.skip(_REASON)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def explorer_page(pw: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, LabServer, list[str]]]:
    """(page, server, requests): the explorer notebook run in JupyterLab at 1440×900, file browser open."""
    with _server(tmp_path_factory.mktemp("btier")) as lab:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        try:
            context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
            page = context.new_page()
            requests: list[str] = []
            context.on("request", lambda r: requests.append(r.url))
            page.goto(lab.url(f"lab/tree/notebooks/{EXPLORER_NB}") + "&reset", wait_until="domcontentloaded")
            page.wait_for_selector(".jp-Notebook", timeout=120_000)
            _kernel_idle(page, 120)
            page.evaluate(
                "() => { window.jupyterapp.shell.collapseRight();"
                " window.jupyterapp.commands.execute('filebrowser:activate'); }"
            )
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            _wait(page, ALL_RAN_JS, 120, "the explorer cell to run")
            _wait(page, DRAWN_JS, 120, "the explorer's views to be drawn")
            _kernel_idle(page, 60)
            errors = [e for c in page.evaluate(NOTEBOOK_STATE_JS) for e in c["errors"]]
            assert not errors, errors
            yield page, lab, requests
        finally:
            browser.close()
    assert all(is_local_url(u) for u in requests), sorted({u for u in requests if not is_local_url(u)})


def _explorer(page: Any) -> Any:
    return page.locator(".wb-explorer").first


def _summary(page: Any) -> str:
    text: str = _explorer(page).locator(".widget-html").first.inner_text()
    return " ".join(text.split())


def _counts_text(counts: dict[str, int]) -> str:
    """The status line's "In view:" part for ``counts``, as :func:`workbook.explore.state.summary_html` writes
    it (rebuilt here from the numbers, not by calling it)."""
    return "In view: " + ", ".join(f"{n:,} {t}" for t, n in counts.items())


def _expected_counts(lab: LabServer, text: str | None) -> dict[str, int]:
    import workbook as wb

    book = wb.open(lab.root / "seeds")
    shown = wb.apply(book, wb.FilterSpec(text=text)) if text else book
    return {t: len(shown.table(t)) for t in ("documents", "claims", "events", "mentions", "entities")}


def _wait_summary(page: Any, needle: str, what: str, timeout_s: float = 60) -> None:
    _wait(
        page,
        "(needle) => (document.querySelector('.wb-explorer .widget-html')?.innerText || '')"
        ".replace(/\\s+/g, ' ').includes(needle)",
        timeout_s,
        what,
        arg=needle,
    )


def _reset(page: Any, lab: LabServer) -> None:
    _explorer(page).locator("button:has-text('Reset')").first.click()
    _wait_summary(page, _counts_text(_expected_counts(lab, None)), "the reset filter's counts")
    _kernel_idle(page, 60)


def _search(page: Any, query: str) -> None:
    box = _explorer(page).locator(".widget-text input[placeholder^='words']").first
    box.fill(query)
    box.press("Enter")


@pytest.mark.skipif(_REASON is not None, reason=_REASON or "")
def test_layout_at_1440x900_shows_a_control_a_view_and_the_status_line(explorer_page: Any) -> None:
    page, _lab, _ = explorer_page
    assert page.evaluate("() => !window.jupyterapp.shell.leftCollapsed"), "the file browser should be open"
    _explorer(page).scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    # the panel's first control (the entity search); the panel scrolls on its own for the others
    control = _explorer(page).locator(".wb-explorer-panel input, .wb-explorer-panel button").first
    view = _explorer(page).locator(".wb-plothost .wb-view .main-svg").first
    status = _explorer(page).locator(".widget-html").first
    boxes = {name: loc.evaluate(BOX_JS) for name, loc in (("control", control), ("view", view), ("status", status))}
    w, h = VIEWPORT["width"], VIEWPORT["height"]

    def inside(b: dict[str, float]) -> bool:
        return b["left"] >= 0 and b["top"] >= 0 and b["right"] <= w and b["bottom"] <= h and b["width"] > 0

    assert inside(boxes["control"]), boxes
    # the view: its top-left corner on screen and at least half of its drawing visible
    v = boxes["view"]
    visible = max(0.0, min(v["bottom"], h) - max(v["top"], 0)) * max(0.0, min(v["right"], w) - max(v["left"], 0))
    assert inside({**v, "right": min(v["right"], w), "bottom": min(v["bottom"], h)}), boxes
    assert visible >= 0.5 * v["width"] * v["height"] > 0, boxes
    assert inside(boxes["status"]) and status.is_visible(), boxes
    assert "In view:" in _summary(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "btier-layout-1440x900.png"))


@pytest.mark.skipif(_REASON is not None, reason=_REASON or "")
def test_search_syntax_changes_the_counts_as_wb_apply_says(explorer_page: Any) -> None:
    page, lab, _ = explorer_page
    _reset(page, lab)
    full = _expected_counts(lab, None)
    # the syntax's meaning, on the claims (the table the text filter narrows on the one-document seed):
    # A OR B keeps at least what each part keeps (a parser that took the operators as words would keep
    # nothing), A NOT B at most what A keeps (on the seed nothing: its one document names Kim)
    claims = {q: _expected_counts(lab, q)["claims"] for q in ('"Kim Jong Un"', "missil*")}
    for query in ('"Kim Jong Un" OR missil*', "missil* NOT Kim"):
        expected = _expected_counts(lab, query)
        assert expected != full, f"{query!r} keeps everything on the seed: pick a query that narrows it"
        if " OR " in query:
            assert expected["claims"] >= max(claims['"Kim Jong Un"'], claims["missil*"]) > 0, (query, expected)
        else:
            assert expected["claims"] <= claims["missil*"], (query, expected)
        _search(page, query)
        _wait_summary(page, _counts_text(expected), f"the status line to show {expected} for {query!r}")
        _kernel_idle(page, 60)
    _reset(page, lab)


@pytest.mark.skipif(_REASON is not None, reason=_REASON or "")
def test_a_view_saved_in_the_page_is_listed_and_reopens_its_filter(explorer_page: Any) -> None:
    import workbook as wb

    page, lab, _ = explorer_page
    _reset(page, lab)
    query = "Sinpo OR missil*"
    narrowed = _counts_text(_expected_counts(lab, query))
    _search(page, query)
    _wait_summary(page, narrowed, "the search to apply")
    _kernel_idle(page, 60)
    bar = _explorer(page)
    bar.locator("input[placeholder='name this view']").first.fill("Browser tier view")
    bar.locator("button:has-text('Save view')").first.click()
    try:
        _wait(
            page,
            "() => Array.from(document.querySelectorAll('.wb-explorer select option'))"
            ".some((o) => o.textContent.replace(/\\s+/g, ' ').trim() === 'Browser tier view')",
            60,
            "the views bar to list the view",
        )
    except AssertionError as exc:
        raise AssertionError(f"{exc}; the explorer's bars say: {_explorer(page).inner_text()[:400]!r}") from exc
    assert wb.view(lab.root / "seeds.workbook", "Browser tier view").text == query  # saved in the workspace
    _reset(page, lab)
    # ipywidgets writes the option's spaces as no-break spaces: find the select and the option by their text
    where = page.evaluate("""() => { const sels = Array.from(document.querySelectorAll('.wb-explorer select'));
        for (const [k, s] of sels.entries()) { const i = Array.from(s.options).findIndex(
            (o) => o.textContent.replace(/\\s+/g, ' ').trim() === 'Browser tier view'); if (i >= 0) return [k, i]; }
        return null; }""")
    assert where is not None, "the views bar lost the saved view after a reset"
    bar.locator("select").nth(where[0]).select_option(index=where[1])
    _kernel_idle(page, 30)
    bar.locator("button:has-text('Open')").first.click()
    _wait_summary(page, narrowed, "the reopened view to restore the search's counts")
    _wait(
        page,
        "(q) => document.querySelector(\".wb-explorer input[placeholder^='words']\").value === q",
        30,
        "the text box to show the reopened view's query",
        arg=query,
    )
    _kernel_idle(page, 60)
    _reset(page, lab)


@pytest.mark.skipif(_REASON is not None, reason=_REASON or "")
def test_export_button_writes_a_bundle_and_links_to_it(explorer_page: Any) -> None:
    page, lab, _ = explorer_page
    exports = lab.root / "notebooks" / "exports"
    before = set(exports.glob("*")) if exports.exists() else set()
    _explorer(page).locator("button:has-text('Export')").first.click()
    _wait(
        page,
        "() => (document.querySelector('.wb-explorer')?.innerText || '').includes('Report written to')",
        120,
        "the export to finish",
    )
    _kernel_idle(page, 60)
    new = sorted(set(exports.glob("*")) - before)
    assert len(new) == 1 and (new[0] / "report.html").is_file() and (new[0] / "manifest.json").is_file(), new
    link = _explorer(page).locator("a:has-text('open report.html')").first
    href = link.get_attribute("href") or ""
    assert link.is_visible() and href.endswith(f"{new[0].name}/report.html"), href
    status = _explorer(page).inner_text()
    assert re.search(re.escape(new[0].name), status), status


@pytest.mark.skipif(_REASON is not None, reason=_REASON or "")
def test_quickstart_explorer_draws_in_notebook7(pw: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    pytest.importorskip("notebook.app", reason="Notebook 7 is not installed (pip install -e '.[test]')")
    requests: list[str] = []
    with _server(tmp_path_factory.mktemp("nb7"), notebook7=True) as server:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        try:
            context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
            context.on("request", lambda r: requests.append(r.url))
            page = context.new_page()
            page.goto(server.url("notebooks/notebooks/01_quickstart.ipynb"), wait_until="domcontentloaded")
            page.wait_for_selector(".jp-Notebook", timeout=120_000)
            _wait(page, "() => !!window.jupyterapp", 60, "the application object")
            assert page.evaluate("() => window.jupyterapp.name") == "Jupyter Notebook"  # Notebook 7, not Lab
            _wait(
                page,
                "() => window.jupyterapp && window.jupyterapp.shell.currentWidget?.sessionContext?.session"
                "?.kernel?.status === 'idle'",
                120,
                "Notebook 7's kernel to be idle",
            )
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            _wait(page, ALL_RAN_JS, 300, "every cell of the quickstart to run in Notebook 7")
            errors = [e for c in page.evaluate(NOTEBOOK_STATE_JS) for e in c["errors"]]
            assert not errors, errors
            # the explorer draws the views on screen (the others when scrolled to): bring its first view into sight
            page.locator(".wb-explorer .wb-view").first.scroll_into_view_if_needed(timeout=120_000)
            _wait(page, DRAWN_JS, 120, "the explorer's views to be drawn in Notebook 7")
            drawn = page.evaluate(
                "() => document.querySelectorAll('.wb-explorer .wb-view[data-revision] .main-svg').length"
            )
            assert drawn >= 2, drawn
        finally:
            browser.close()
    assert all(is_local_url(u) for u in requests), sorted({u for u in requests if not is_local_url(u)})
