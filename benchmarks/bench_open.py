"""Open time and peak memory of a big workspace: 100k documents (their text included), 1M mentions,
100k claims, 100k events.

The workspace is made once (``--data``): bench_filters' synthetic Book at scale 1, with each document's
text replaced by a :mod:`workbook.synth` article (about 1.7 kB each, 172 MB in all), written by
``workbook.workspace.write_snapshot`` as a build writes it. Each way of opening it runs in a fresh child
process, which reports its wall time and its peak resident memory (``ru_maxrss``) and the memory it held
before opening (the interpreter with pandas and pyarrow imported):

* ``arrow``: ``pyarrow.parquet.read_table`` of every table file (the reference: the bytes must be
  decoded at least once);
* ``duckdb``: a DuckDB executor on the workspace (views over the Parquet files; nothing is read until a
  filter asks), then one filter (one person's documents) as a pandas Book;
* ``conform``: every table file read into pandas and passed through ``workbook.model.conform`` (the read
  path before the fast path: per-row conversion of list columns, key checks);
* ``read_book``: ``workbook.workspace.read_book`` (the fast path: declared dtypes from the snapshot's own
  Parquet, list columns from the Arrow offsets, the documents' text memory-mapped from
  ``documents.text.arrow``);
* ``read_book+index``: the same, then ``FilterIndex.build`` (what the explorer does next: it reads and
  lower-cases all text).
* ``read_book+apply``: ``read_book``, then the first real use of the Book: ``wb.apply`` of a broad spec
  (every person's documents) and its mentions, claims and events tables read (so that no figure is made
  good by deferring work to the first use).

Goals: open <= 2 s, peak <= 1 GB.

    .venv/bin/python benchmarks/bench_open.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import default_data_dir, load_average

MODES = ("arrow", "duckdb", "conform", "read_book", "read_book+index", "read_book+apply")


def make_workspace(ws: Path) -> Path:
    """The big workspace (made when absent)."""
    import pandas as pd
    from bench_filters import synth_book

    from workbook.model import SCHEMA_VERSION
    from workbook.synth import articles
    from workbook.workspace import is_workspace, write_snapshot

    if is_workspace(ws):
        return ws
    book = synth_book(1.0)
    texts = [a.text for a in articles(len(book.documents), seed=0)]
    documents = book.documents.assign(text=pd.array(texts, dtype="string"), n_chars=[len(t) for t in texts])
    tables = {
        name: book.table(name)
        for name in ("entities", "mentions", "claims", "events", "places", "build_issues", "annotations")
    }
    tables["documents"] = documents
    write_snapshot(ws, "bench-open", tables, {"schema_version": SCHEMA_VERSION, "build_id": "bench-open"})
    return ws


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM; unlike ru_maxrss it does not carry over the parent's
    peak from before the fork and exec that started this process)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(mode: str, ws: Path) -> dict[str, Any]:
    import pandas as pd  # noqa: F401 - imported before the baseline, as in a notebook
    import pyarrow.parquet as pq

    from workbook.filtering import FilterIndex, FilterSpec
    from workbook.model import conform
    from workbook.workspace import read_book

    snap = ws / "snapshots" / (ws / "CURRENT").read_text().strip()
    names = ("documents", "entities", "mentions", "claims", "events", "places", "build_issues", "annotations")
    before = _rss_mb()
    t, cpu = time.perf_counter(), time.process_time()
    out: dict[str, Any] = {"mode": mode}
    if mode == "arrow":
        tables = [pq.read_table(snap / f"{n}.parquet") for n in names if (snap / f"{n}.parquet").exists()]
        out["rows"] = sum(t.num_rows for t in tables)
    elif mode == "conform":
        frames = [conform(n, pq.read_table(snap / f"{n}.parquet").to_pandas()) for n in names]
        out["rows"] = sum(len(f) for f in frames)
    elif mode == "duckdb":
        from workbook.filtering.duckdb import DuckDBExecutor

        ex = DuckDBExecutor(ws)
        out["open_s"] = time.perf_counter() - t
        person = ex.con.sql("SELECT entity_id FROM entities WHERE type = 'person' LIMIT 1").fetchall()
        view = ex.apply(FilterSpec(entity_ids=(str(person[0][0]) if person else "none",)))
        out["rows"] = sum(view.counts().values())
    else:
        book = read_book(ws)
        out["rows"] = sum(book.counts().values())
        if mode == "read_book+index":
            out["open_s"] = time.perf_counter() - t
            FilterIndex.build(book)
        elif mode == "read_book+apply":
            from workbook.filtering import apply

            out["open_s"] = time.perf_counter() - t
            out["open_peak_mb"] = _peak_mb()
            view = apply(book, FilterSpec(entity_types=("person",)))
            out["rows_used"] = sum(len(view.table(n)) for n in ("mentions", "claims", "events"))
    out["seconds"] = time.perf_counter() - t
    out["cpu"] = time.process_time() - cpu
    out["before_mb"] = before
    out["peak_mb"] = _peak_mb()
    out["after_mb"] = _rss_mb()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--repeat", type=int, default=3, help="runs of each mode (medians are printed)")
    ap.add_argument(
        "--workspace",
        type=Path,
        help="measure this workspace instead (e.g. bench_explorer_browser's tiled synth-100k)",
    )
    ap.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES, help="the ways of opening to measure")
    ap.add_argument("--one", metavar="MODE", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    ws = args.workspace or args.data / "open-100k.workbook"
    if args.one:
        print(json.dumps(measure(args.one, ws)))
        return 0
    t = time.perf_counter()
    if args.workspace is None:
        make_workspace(ws)
    print(f"workspace {ws.name} ready in {time.perf_counter() - t:.1f} s; load average {load_average()}")
    sizes = {p.name: p.stat().st_size / 2**20 for p in sorted((ws / "snapshots").glob("*/*")) if p.is_file()}
    print("files (MB): " + ", ".join(f"{k} {v:.1f}" for k, v in sizes.items()) + "\n")
    print(f"{'mode':16} {'seconds':>8} {'cpu s':>7} {'x arrow':>8} {'peak MB':>8} {'baseline':>9} {'after':>7}  note")
    reference = None
    for mode in args.modes:
        runs = []
        for _ in range(args.repeat):
            cmd = [sys.executable, __file__, "--one", mode, "--data", str(args.data), "--workspace", str(ws)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"{mode} failed:\n{done.stderr[-2000:]}")
                break
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        if not runs:
            continue
        secs = statistics.median(r["seconds"] for r in runs)
        reference = reference or secs
        peak = statistics.median(r["peak_mb"] for r in runs)
        note = ""
        if "open_s" in runs[0]:
            note = f"open {statistics.median(r['open_s'] for r in runs):.2f} s of it"
        if "open_peak_mb" in runs[0]:
            note += f", peak {statistics.median(r['open_peak_mb'] for r in runs):.0f} MB after the open"
        cpu = statistics.median(r["cpu"] for r in runs)
        print(
            f"{mode:16} {secs:>8.2f} {cpu:>7.2f} {secs / reference:>8.2f} {peak:>8.0f} {runs[0]['before_mb']:>9.0f} "
            f"{statistics.median(r['after_mb'] for r in runs):>7.0f}  {note}",
            flush=True,
        )
    print(f"\nmedians of {args.repeat} runs, each in a fresh process; load average {load_average()}")
    print("peak MB = VmHWM of the process (baseline = after imports); goals: open <= 2 s, peak <= 1024 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
