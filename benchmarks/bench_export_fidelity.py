"""Does the explorer's Export button export what is on screen, and how long does it take?

For a synthetic Book (``bench_explorer.synthetic_book``) and a filter, build an explorer with every view,
press Export (report.html only), then compare each view's figure on screen with the figure in the
exported report.html (data and layout, as ``tests/test_export_on_screen.py`` does). Prints the views whose
figures match and the median time of an export (wall and this process's CPU: on a shared machine the CPU
time is close to what the wall time would be alone).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_export_fidelity.py [--events 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.bench_explorer import synthetic_book
from tests.test_export_on_screen import plain_figure, report_figures, same_json
from workbook.filtering import FilterSpec
from workbook.widgets import explore

VIEWS = ("timeline", "claims", "entities", "network", "map", "mentions")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    book = synthetic_book(args.events)
    with tempfile.TemporaryDirectory() as tmp:
        ex = explore(book, views=VIEWS, export_dir=Path(tmp))
        ex.spec = FilterSpec(entity_types=("person", "place", "organization"))
        ex.export_bar.formats.value = ("html",)
        times, cpu = [], []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            ex.export_bar.click()
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        latest = max((p for p in Path(tmp).iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
        exported = report_figures((latest / "report.html").read_text(encoding="utf-8"))
        same = [
            v
            for v, fig in zip(VIEWS, exported, strict=True)
            if same_json(plain_figure(fig), plain_figure(ex.figure(v)))
        ]
    print(
        f"{args.events:,} events: {len(same)}/{len(VIEWS)} views exported as on screen ({', '.join(same) or '-'}); "
        f"export (html) median {statistics.median(times):.2f} s wall, {statistics.median(cpu):.2f} s CPU over "
        f"{args.repeat}"
    )


if __name__ == "__main__":
    main()
