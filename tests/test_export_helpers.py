"""Helpers for the export tests (a hostile Book, a workspace on disk, an offline page in chromium), and
tests of the helpers themselves."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.conftest import make_tiny_book
from workbook.book import Book
from workbook.ids import doc_id, sha256_text, span_id
from workbook.model import SCHEMA_VERSION, conform
from workbook.workspace import read_book, write_snapshot

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("WORKBOOK_TEST_ARTIFACTS", REPO / "test-artifacts"))
#: Headless chromium that makes no request of its own (updates, sync, QUIC probes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

HOSTILE_TITLE = '<script>window.__pwned = "title"</script><img src=x onerror="window.__pwned=\'img\'"> Report'
HOSTILE_TEXT = (
    'Officials said <script>window.__pwned = "text"</script> the <b>launch</b> failed. '
    "Click <a href=\"javascript:window.__pwned='link'\">here</a> or [here](javascript:alert(1)) now. "
    "Analysts believe the test may resume </script><!-- in June 2018."
)


def chromium() -> str | None:
    """Debian's chromium (or $WORKBOOK_CHROMIUM), or None."""
    env = os.environ.get("WORKBOOK_CHROMIUM")
    if env:
        return env if Path(env).exists() else shutil.which(env)
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_missing_reason() -> str | None:
    """Why report.html cannot be opened in chromium here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if chromium() is None:
        return "no chromium (Debian: apt-get install chromium; or set WORKBOOK_CHROMIUM)"
    return None


def kaleido_missing_reason() -> str | None:
    """Why PNG/SVG/PDF cannot be made here, or None."""
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return "kaleido is not installed (pip install kaleido)"
    if chromium() is None:
        return "no chromium for kaleido (Debian: apt-get install chromium)"
    return None


def hostile_book() -> Book:
    """The tiny Book plus a document whose title, publisher, URL and text carry scripts, markup and
    ``javascript:`` links, with a claim and an event on that text."""
    tiny = make_tiny_book()
    sha = sha256_text(HOSTILE_TEXT)
    did = doc_id(sha)
    doc = {
        "doc_id": did,
        "title": HOSTILE_TITLE,
        "publisher": "</script><script>window.__pwned='pub'</script>",
        "published": "2018-07-01",
        "source": "hostile.html",
        "sha256": sha,
        "text": HOSTILE_TEXT,
        "n_chars": len(HOSTILE_TEXT),
        "language": "en",
        "format": "html",
        "url": "javascript:alert(1)",
    }
    quote = "the test may resume </script><!-- in June 2018."
    s = HOSTILE_TEXT.index(quote)
    claim = {
        "claim_id": span_id("c", did, s, s + len(quote)),
        "doc_id": did,
        "start": s,
        "end": s + len(quote),
        "text": quote,
        "sentence": 2,
        "speaker_id": None,
        "speaker_text": "<i>Analysts</i>",
        "quote_kind": "indirect",
        "cue": "believe",
        "hedge": "may",
        "confidence": "roughly even chance",
        "entity_ids": [],
    }
    m = HOSTILE_TEXT.index("<script>")
    claim2 = {
        "claim_id": span_id("c", did, 0, m + 40),
        "doc_id": did,
        "start": 0,
        "end": m + 40,
        "text": HOSTILE_TEXT[: m + 40],
        "sentence": 0,
        "speaker_id": None,
        "speaker_text": "Officials",
        "quote_kind": "indirect",
        "cue": "said",
        "hedge": None,
        "confidence": "unhedged",
        "entity_ids": [],
    }
    e0 = HOSTILE_TEXT.index("June 2018")
    event = {
        "event_id": span_id("v", did, e0, e0 + 9),
        "doc_id": did,
        "start": e0,
        "end": e0 + 9,
        "text": "June 2018",
        "sentence": 2,
        "context": HOSTILE_TEXT,
        "date_start": "2018-06-01",
        "date_end": "2018-06-30",
        "precision": "month",
        "resolution": "absolute",
        "anchor": None,
        "kind": "<b>test</b>",
        "entity_ids": [],
    }
    return tiny.with_tables(
        documents=conform("documents", pd.concat([tiny.documents, pd.DataFrame([doc])], ignore_index=True)),
        claims=conform("claims", pd.concat([tiny.claims, pd.DataFrame([claim, claim2])], ignore_index=True)),
        events=conform("events", pd.concat([tiny.events, pd.DataFrame([event])], ignore_index=True)),
    )


def write_workspace(book: Book, ws: Path, build_id: str = "20240101T000000-test") -> Book:
    """``book`` written as a workspace at ``ws`` (one snapshot), read back as a Book that knows its folder."""
    tables = {
        name: book.table(name)
        for name in ("documents", "entities", "mentions", "claims", "events", "places", "build_issues", "annotations")
    }
    docs = book.documents
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "build_id": build_id,
        "documents": {
            d: {"source": s, "sha256": h}
            for d, s, h in zip(docs["doc_id"], docs["source"], docs["sha256"], strict=True)
        },
    }
    write_snapshot(ws, build_id, tables, manifest)
    return read_book(ws)


def open_offline(
    page_file: Path, screenshot: Path | None = None, wait_selector: str | None = ".main-svg"
) -> dict[str, Any]:
    """Open ``page_file`` from file:// in headless chromium, recording every request, page error, console
    error and dialog; returns them with a few DOM facts (and saves a full-page screenshot)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"requests": [], "errors": [], "dialogs": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("request", lambda r: out["requests"].append(r.url))
            page.on("pageerror", lambda e: out["errors"].append(str(e)))
            page.on("console", lambda m: out["errors"].append(m.text) if m.type == "error" else None)

            def on_dialog(d: Any) -> None:
                out["dialogs"].append(d.message)
                d.dismiss()

            page.on("dialog", on_dialog)
            page.goto(page_file.as_uri())
            if wait_selector:
                page.wait_for_selector(wait_selector, timeout=20_000)
            page.wait_for_timeout(500)
            out["dom"] = page.evaluate(
                """() => ({
                  plots: document.querySelectorAll('.js-plotly-plot .main-svg').length > 0
                      ? document.querySelectorAll('.js-plotly-plot').length : 0,
                  geoLand: (document.querySelector('.geolayer g.land path')?.getAttribute('d') || '').length,
                  pwned: window.__pwned === undefined ? null : String(window.__pwned),
                  scripts: document.querySelectorAll('script').length,
                  jsLinks: [...document.querySelectorAll('a[href]')].filter(
                      a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript')).length,
                  images: document.querySelectorAll('img').length,
                  text: document.body.innerText,
                  title: document.title,
                })"""
            )
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    return out


def external_requests(requests: list[str]) -> list[str]:
    """The requests that left the machine's files: anything but file: and data: URLs."""
    return [u for u in requests if not (u.startswith("file:") or u.startswith("data:"))]


@pytest.mark.unit
def test_hostile_book_is_consistent() -> None:
    book = hostile_book()
    docs = book.documents.set_index("doc_id")
    for table in (book.claims, book.events):
        for row in table.itertuples():
            assert docs.loc[row.doc_id, "text"][row.start : row.end] == row.text
    assert "<script>" in docs["title"].iloc[-1] and docs["url"].iloc[-1].startswith("javascript:")


@pytest.mark.unit
def test_write_workspace_round_trips(tmp_path: Path) -> None:
    book = write_workspace(make_tiny_book(), tmp_path / "ws.workbook")
    assert book.workspace == tmp_path / "ws.workbook"
    assert book.counts() == make_tiny_book().counts()
    assert json.loads(json.dumps(book.manifest))["schema_version"] == SCHEMA_VERSION
