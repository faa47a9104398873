"""Security: nothing from documents or workspaces is ever executed, and every place that renders document
text escapes it.

1. The package source is scanned (as syntax trees, so comments and strings do not count) for ways to run
   code or unpickle data: ``eval``/``exec``/``compile``/``__import__``, pickle and friends,
   ``yaml.load`` without a safe loader, ``shell=True``, ``os.system``/``os.popen``, archive extraction and
   pandas ``eval``/``query``. :data:`ALLOWED` lists the few accepted uses with the reason for each.
2. A hostile Book (payloads in every string that reaches a page) and a Book *built* from a hostile
   corpus are rendered by the document reader, every chart builder and the explorer widgets; what each
   renders holds no tag or attribute the workbook does not write itself.
3. ``browser``: chromium opens the reader HTML and the charts of both Books from ``file://``, hovers
   every mark, and checks the ``window.__pwned`` sentinel that every payload would set.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ipywidgets as w
import plotly.graph_objects as go
import pyarrow
import pytest

from tests.hostile.hostile_data import (
    MARKUP_PAYLOADS,
    PAYLOAD_TEXT,
    RAW_MARKERS,
    SCRIPT,
    drawn_strings,
    hostile_book,
    unsafe_markup,
    write_files,
)
from workbook.book import Book
from workbook.build import build
from workbook.extract.pipeline import DefaultExtractor
from workbook.workspace import read_book

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "workbook"

# --- 1. the source ------------------------------------------------------------------------------------

_CODE_RUNNERS = {"eval", "exec", "compile", "__import__", "breakpoint"}
_BANNED_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib", "pickletools"}
_UNSAFE_YAML = {"load", "load_all", "unsafe_load", "unsafe_load_all", "full_load", "full_load_all"}
_SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}
_UNSAFE_LOADERS = {"Loader", "FullLoader", "UnsafeLoader", "CLoader", "CFullLoader", "CUnsafeLoader"}
_OS_SHELL = {"system", "popen", "execl", "execle", "execlp", "execv", "execve", "execvp", "spawnl", "spawnv"}
_ARCHIVE_EXTRACT = {"extractall", "extract"}
_PANDAS_EVAL = {"eval", "query", "read_pickle", "to_pickle"}

#: (path relative to the repository, finding) -> why it is acceptable. Keep this short.
ALLOWED: dict[tuple[str, str], str] = {
    (
        "workbook/__init__.py",
        "importlib.import_module(<computed>)",
    ): "lazy attributes: the module name comes from the constant _LAZY table, never from data",
    (
        "workbook/curation/__init__.py",
        "importlib.import_module(<computed>)",
    ): "lazy attributes: the module name comes from the constant _WHERE table, never from data",
    (
        "workbook/reference.py",
        "importlib.import_module(<computed>)",
    ): "the API reference imports the constant DOCUMENTED_MODULES, never a name from data",
    (
        "workbook/engines/local.py",
        "import pickle",
    ): "only to catch pickle.PicklingError when worker processes start; multiprocessing pickles this program's "
    "own extractor and batches between its own processes; nothing read from a file is unpickled",
}
_PICKLE_ERRORS = {"PicklingError", "PickleError"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return "<expr>"


def _findings(tree: ast.AST) -> Iterator[tuple[int, str]]:
    archives = any(
        isinstance(n, ast.Import | ast.ImportFrom)
        and {(n.module or "") if isinstance(n, ast.ImportFrom) else a.name for a in n.names} & {"zipfile", "tarfile"}
        for n in ast.walk(tree)
    )
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in _BANNED_MODULES:
                    yield node.lineno, f"import {alias.name}"
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[0] in _BANNED_MODULES:
                yield node.lineno, f"from {node.module} import"
            for alias in node.names:
                if alias.name in _UNSAFE_LOADERS and (node.module or "").startswith("yaml"):
                    yield node.lineno, f"from yaml import {alias.name}"
        elif isinstance(node, ast.Attribute) and _dotted(node.value) == "yaml" and node.attr in _UNSAFE_LOADERS:
            yield node.lineno, f"yaml.{node.attr}"
        elif (
            isinstance(node, ast.Attribute)
            and _dotted(node.value) in _BANNED_MODULES
            and node.attr not in _PICKLE_ERRORS
        ):
            yield node.lineno, f"{_dotted(node.value)}.{node.attr}"
        elif isinstance(node, ast.Call):
            yield from _call_findings(node, archives)


def _call_findings(node: ast.Call, archives: bool) -> Iterator[tuple[int, str]]:
    func = node.func
    name = _dotted(func)
    keywords = {k.arg: k.value for k in node.keywords if k.arg}
    if isinstance(func, ast.Name) and func.id in _CODE_RUNNERS:
        yield node.lineno, f"{func.id}()"
    if name.startswith("yaml.") and name.split(".")[-1] in _UNSAFE_YAML:
        loader = keywords.get("Loader")
        if loader is None and len(node.args) > 1:
            loader = node.args[1]
        if loader is None or _dotted(loader).split(".")[-1] not in _SAFE_LOADERS:
            yield node.lineno, f"{name}() without a safe loader"
    shell = keywords.get("shell")
    if shell is not None and not (isinstance(shell, ast.Constant) and shell.value is False):
        yield node.lineno, f"{name}(shell=...)"
    allow_pickle = keywords.get("allow_pickle")
    if allow_pickle is not None and not (isinstance(allow_pickle, ast.Constant) and allow_pickle.value is False):
        yield node.lineno, f"{name}(allow_pickle=...)"
    if isinstance(func, ast.Attribute):
        if _dotted(func.value) == "os" and func.attr in _OS_SHELL:
            yield node.lineno, f"os.{func.attr}()"
        if func.attr == "extractall" or (func.attr in _ARCHIVE_EXTRACT and archives):
            yield node.lineno, f".{func.attr}()"
        if name == "shutil.unpack_archive":
            yield node.lineno, f"{name}()"
        if func.attr in _PANDAS_EVAL:
            yield node.lineno, f".{func.attr}()"
        if func.attr == "import_module" and not (node.args and isinstance(node.args[0], ast.Constant)):
            yield node.lineno, f"{name}(<computed>)"


def _package_sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.unit
def test_the_source_scanner_catches_what_it_is_for() -> None:
    sample = """
import pickle, yaml, zipfile
from marshal import loads
import subprocess, os
pickle.loads(data)
x = pickle.PicklingError
zf.extract(member)
extractor.extract(doc)
eval(x); exec(y); compile(z, "f", "exec")
yaml.load(s)
yaml.load(s, Loader=yaml.FullLoader)
yaml.safe_load(s)
yaml.load(s, Loader=yaml.SafeLoader)
subprocess.run(cmd, shell=True)
subprocess.run(cmd, shell=False)
os.system("ls")
tar.extractall(dest)
df.query(expr)
np.load(f, allow_pickle=True)
importlib.import_module(name)
"""
    found = sorted(f for _, f in _findings(ast.parse(sample)))
    assert found == sorted(
        [
            "import pickle",
            "pickle.loads",
            ".extract()",
            ".extract()",
            "from marshal import",
            "eval()",
            "exec()",
            "compile()",
            "yaml.load() without a safe loader",
            "yaml.load() without a safe loader",
            "yaml.FullLoader",
            "subprocess.run(shell=...)",
            "os.system()",
            ".extractall()",
            ".query()",
            "np.load(allow_pickle=...)",
            "importlib.import_module(<computed>)",
        ]
    )


@pytest.mark.unit
def test_no_code_execution_or_unpickling_in_the_package_source() -> None:
    found: list[str] = []
    used: set[tuple[str, str]] = set()
    for path in _package_sources():
        rel = path.relative_to(REPO).as_posix()
        for line, finding in _findings(ast.parse(path.read_text(encoding="utf-8"), filename=rel)):
            if (rel, finding) in ALLOWED:
                used.add((rel, finding))
            else:
                found.append(f"{rel}:{line}: {finding}")
    assert found == [], "add a reason to ALLOWED only if the data can never reach it:\n" + "\n".join(found)
    stale = set(ALLOWED) - used
    assert not stale, f"ALLOWED entries no longer needed: {sorted(stale)}"


@pytest.mark.unit
def test_no_eval_in_the_package_javascript() -> None:
    for path in sorted(PACKAGE.rglob("*.js")):
        text = path.read_text(encoding="utf-8")
        for needle in ("eval(", "new Function(", "document.write(", 'setTimeout("', "setTimeout('"):
            assert needle not in text, f"{path.relative_to(REPO)} uses {needle}"


@pytest.mark.unit
def test_pyarrow_is_past_the_extension_type_unpickling_hole() -> None:
    """pyarrow < 14.0.1 unpickled PyExtensionType metadata from Parquet/IPC files (CVE-2023-47248); workspaces
    may come from someone else, so the installed pyarrow must be a fixed one."""
    major, minor, patch = (int(x) for x in pyarrow.__version__.split(".")[:3])
    assert (major, minor, patch) >= (14, 0, 1), pyarrow.__version__


# --- 2. what renders document text escapes it -----------------------------------------------------------


def _corpus(root: Path) -> None:
    """Payloads in every field the ingest fills: text, titles (sidecar, HTML, first line, file name,
    collection records), publisher, section, url and unknown sidecar fields."""
    p = MARKUP_PAYLOADS
    files: dict[str, str | bytes] = {
        "plain.txt": f"Kim Jong Un said {p[0]} in Pyongyang on Monday.\n\nOfficials said {p[1]} is likely.",
        "plain.txt.meta.json": json.dumps(
            {"title": p[2], "publisher": p[3], "section": p[4], "url": p[10], "published": "2024-01-10", "note": p[5]}
        ),
        "page.html": (
            f"<html><head><title>{p[0].replace('<', '&lt;')}</title>"
            f"<meta property='og:site_name' content='{p[1].replace(chr(39), '&#39;')}'></head><body>"
            f"<p>Jeffrey Lewis said it is likely {p[3].replace('<', '&lt;')} near Sinpho.</p></body></html>"
        ),
        f"{p[7][:40].replace('/', '_')}.txt": f"{PAYLOAD_TEXT}",
        "records.json": json.dumps(
            [{"title": p[6], "text": f"Report: {p[8]} was seen in June 2018.", "publisher": p[9], "date": "2018-06-30"}]
        ),
    }
    write_files(root, files)


@pytest.fixture(scope="module")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    base = tmp_path_factory.mktemp("security")
    _corpus(base / "corpus")
    build([base / "corpus"], base / "ws", extractor=DefaultExtractor(), progress=False)
    return read_book(base / "ws")


def _books(built_book: Book) -> dict[str, Book]:
    return {"hand-made": hostile_book(), "built": built_book}


@pytest.mark.unit
def test_the_built_book_really_carries_the_payloads(built_book: Book) -> None:
    fields = (
        built_book.documents[["title", "publisher", "section", "url", "text"]].astype(object).fillna("").astype(str)
    )
    shown = " ".join(fields.agg(" ".join, axis=1))
    for payload in MARKUP_PAYLOADS:
        assert payload in shown or payload.replace("'", "&#39;") in shown, payload
    assert len(built_book.mentions) and len(built_book.claims) and len(built_book.events)


@pytest.mark.unit
@pytest.mark.parametrize("which", ["hand-made", "built"])
def test_the_reader_escapes_every_document_and_highlight(built_book: Book, which: str) -> None:
    from workbook.charts import document_reader_html

    book = _books(built_book)[which]
    ids = [*book.mentions["mention_id"], *book.claims["claim_id"], *book.events["event_id"]]
    ids += list(book.entities["entity_id"])
    for did in book.documents["doc_id"]:
        out = document_reader_html(book, str(did), highlight_events=True, selected=[str(i) for i in ids])
        assert unsafe_markup(out) == [], (did, unsafe_markup(out))
        assert not any(m in out.lower() for m in RAW_MARKERS)
    assert "&lt;script&gt;" in "".join(
        document_reader_html(book, str(d)) for d in book.documents["doc_id"]
    )  # shown, escaped


def _chart_builders() -> dict[str, Callable[[Book], go.Figure]]:
    from workbook import charts

    return {
        "timeline": charts.timeline,
        "timeline-entity": lambda b: charts.timeline(b, color_by="entity"),
        "timeline-precision": lambda b: charts.timeline(b, color_by="precision"),
        "timeline-document": lambda b: charts.timeline(b, color_by="document"),
        "claims_by_confidence": charts.claims_by_confidence,
        "co_mentions": charts.co_mentions,
        "co_mentions-document": lambda b: charts.co_mentions(b, level="document"),
        "mentions_over_time": charts.mentions_over_time,
        "place_map": charts.place_map,
        "top_entities": charts.top_entities,
        "top_entities-overall": lambda b: charts.top_entities(b, by_type=False),
    }


@pytest.mark.unit
@pytest.mark.parametrize("which", ["hand-made", "built"])
@pytest.mark.parametrize("chart", list(_chart_builders()))
def test_every_chart_escapes_what_it_draws(built_book: Book, which: str, chart: str) -> None:
    book = _books(built_book)[which]
    fig = _chart_builders()[chart](book)
    raw_json = fig.to_json()
    assert "<script" not in raw_json.lower()
    problems = [(path, unsafe_markup(text)) for path, text in drawn_strings(json.loads(raw_json))]
    assert [p for p in problems if p[1]] == []


def _widgets(root: w.Widget) -> list[w.Widget]:
    out = [root]
    for child in getattr(root, "children", ()) or ():
        out += _widgets(child)
    return out


def _widget_strings(state: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(state, str):
        yield path, state
    elif isinstance(state, dict):
        if "data" in state and "layout" in state:  # a plotly figure: what plotly draws
            yield from ((path + p, t) for p, t in drawn_strings(state))
            return
        for key, value in state.items():
            if key not in ("_esm", "_css", "plotly_js", "geo_js"):
                yield from _widget_strings(value, f"{path}.{key}")
    elif isinstance(state, list | tuple):
        for i, value in enumerate(state):
            yield from _widget_strings(value, f"{path}[{i}]")


@pytest.mark.widgets
@pytest.mark.parametrize("which", ["hand-made", "built"])
def test_every_explorer_widget_trait_is_escaped(built_book: Book, which: str) -> None:
    from workbook.widgets import explore

    book = _books(built_book)[which]
    ex = explore(book, views=("timeline", "claims", "entities", "network", "map", "mentions"))
    claim = str(book.claims["claim_id"].iloc[0])
    ex.table.handle_message({"type": "select", "row_id": claim})
    ex.panel.entity_query.value = "script"
    checked = 0
    for kind in ("claims", "events", "mentions", "documents"):
        ex.table_tabs.value = kind
        for widget in _widgets(ex.widget):
            for path, text in _widget_strings(widget.get_state()):
                checked += 1
                assert unsafe_markup(text) == [], (type(widget).__name__, path, text[:200])
    assert checked > 100
    assert "&lt;script&gt;" in ex.reader.value


# --- 3. in a real browser --------------------------------------------------------------------------------

_HOVER_ALL = """() => {
  let n = 0;
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    (gd.data || []).forEach((trace, c) => {
      const len = (trace.x || trace.lon || trace.y || []).length;
      for (let i = 0; i < len; i++) {
        try { Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: i}]); n++; } catch (e) {}
      }
    });
  }
  return n;
}"""
_EVIL_ELEMENTS = "img, iframe, details, object, embed, a[href^='javascript'], [onerror], [onload], [onclick]"


def _page(book: Book, folder: Path, extra: str = "") -> Path:
    import plotly.io as pio
    from plotly.offline import get_plotlyjs

    from workbook.charts import READER_CSS, document_reader_html, geo_assets_script

    readers = "".join(
        document_reader_html(book, str(d), highlight_events=True, include_style=False) for d in book.documents["doc_id"]
    )
    divs = "".join(
        pio.to_html(build_fig(book), full_html=False, include_plotlyjs=False, div_id=f"fig-{name}")
        for name, build_fig in _chart_builders().items()
    )
    page = folder / "hostile.html"
    page.write_text(
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<script>{geo_assets_script()}</script><script>{get_plotlyjs()}</script><style>{READER_CSS}</style>"
        f"</head><body>{readers}{divs}{extra}</body></html>",
        encoding="utf-8",
    )
    return page


def _visit(page: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from tests.browser_support import CHROMIUM_ARGS, find_chromium

    requests: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        try:
            tab = browser.new_page(viewport={"width": 1200, "height": 900})
            tab.on("request", lambda r: requests.append(r.url))
            tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            tab.goto(page.as_uri())
            tab.wait_for_load_state("load")
            tab.wait_for_timeout(300)
            hovered = tab.evaluate(_HOVER_ALL)
            for span in tab.query_selector_all(".wb-reader span[title]")[:200]:
                span.hover()
            tab.wait_for_timeout(300)
            result: dict[str, Any] = tab.evaluate(
                f"""() => ({{pwned: window.__pwned === undefined ? null : String(window.__pwned),
                             scripts: document.scripts.length,
                             evil: document.querySelectorAll("{_EVIL_ELEMENTS}").length,
                             charts: document.querySelectorAll('.js-plotly-plot .main-svg').length,
                             readers: document.querySelectorAll('.wb-reader').length}})"""
            )
        finally:
            browser.close()
    result.update(hovered=hovered, dialogs=dialogs, requests=[u for u in requests if u != page.as_uri()])
    return result


@pytest.fixture
def _chromium() -> None:
    from tests.browser_support import playwright_missing_reason

    reason = playwright_missing_reason()
    if reason:
        pytest.skip(reason)


@pytest.mark.browser
@pytest.mark.usefixtures("_chromium")
def test_the_sentinel_catches_a_payload_that_does_run(tmp_path: Path) -> None:
    """The control: the same page with one payload pasted in raw does set the sentinel."""
    page = _page(Book(), tmp_path, extra=SCRIPT + MARKUP_PAYLOADS[1])
    assert _visit(page)["pwned"] in ("script", "img")


@pytest.mark.browser
@pytest.mark.usefixtures("_chromium")
@pytest.mark.parametrize("which", ["hand-made", "built"])
def test_nothing_in_the_reader_or_charts_runs_in_a_browser(built_book: Book, tmp_path: Path, which: str) -> None:
    book = _books(built_book)[which]
    result = _visit(_page(book, tmp_path))
    assert result["pwned"] is None, result
    assert result["dialogs"] == [] and result["requests"] == []
    assert result["evil"] == 0
    assert result["scripts"] == 2 + len(_chart_builders())  # the page's two, and one newPlot call per chart
    assert result["charts"] >= len(_chart_builders()) and result["readers"] == len(book.documents)
    assert result["hovered"] > 10
