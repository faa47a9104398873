"""A report as a reader sees it: the seed's report.html at 1440x900 in headless chromium, saved as a PNG.

Builds the seed workspace in a temporary folder, exports a report of a filter (its title comes from the
filter), opens ``report.html`` offline and screenshots the first screen (and, with ``--full``, the page).

    .venv/bin/python benchmarks/report_screenshot.py --out docs/report-1440x900.png
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import workbook as wb  # noqa: E402
from tests.browser_support import CHROMIUM_ARGS, find_chromium  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("report-1440x900.png"))
    parser.add_argument("--full", action="store_true", help="the whole page, not the first screen")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "seeds"
        shutil.copytree(REPO / "seeds", corpus)
        book = wb.open(corpus)
        kim = book.entities.loc[book.entities["name"] == "Kim Jong Un", "entity_id"].tolist()
        spec = wb.FilterSpec(entity_ids=tuple(kim[:1]))
        result = wb.export_report(
            book,
            spec,
            charts=["timeline", "claims_by_confidence", "place_map"],
            tables=["claims"],
            formats=("html",),
            out=Path(tmp) / "exports",
        )
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.goto((result.path / "report.html").as_uri())
            page.wait_for_timeout(2500)  # plotly draws the charts
            page.screenshot(path=str(args.out), full_page=args.full)
            browser.close()
    print(f"{args.out}: report {result.manifest['title']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
