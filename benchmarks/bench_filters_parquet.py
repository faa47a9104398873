"""Filter latency side by side: the pandas executor, DuckDB in memory, DuckDB over the Parquet files, and
the DuckDB executor of big workspaces (``workbook.filtering.duckdb``), on the same Book and the same specs.

Reuses ``bench_filters.py`` (its synthetic Book: 100k documents, 1M mentions, 100k claims, 100k events at
``--scale 1``; its specs; its SQL, which asks DuckDB the same question and returns the same six tables as
Arrow). The Book is also written as a workspace snapshot (Parquet, as a build writes it) so that:

* ``duck-pq``: bench_filters' SQL runs on views over the snapshot's Parquet files (nothing loaded first);
* ``executor``: :class:`workbook.filtering.duckdb.DuckDBExecutor` answers the spec over the same files and
  returns a pandas Book with the declared dtypes (what the explorer gets on the big-workspace path).

Every executor's row counts are checked against ``apply``'s; p50/p95 are over ``--runs`` runs after two
warm-up runs. Ratios are p95 over ``apply``'s p95 (> 1: slower than the pandas executor).

    .venv/bin/python benchmarks/bench_filters_parquet.py [--scale 1.0] [--runs 20] [--threads 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import duckdb
import pyarrow as pa
from bench_filters import TABLE_ORDER, duckdb_run, specs, synth_book, timeit
from corpora import load_average

from workbook.filtering import FilterIndex, apply, compute_masks
from workbook.filtering.duckdb import DuckDBExecutor
from workbook.model import SCHEMA_VERSION
from workbook.workspace import write_snapshot


def memory_connection(book: object, threads: int) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute(f"SET threads = {threads}")
    for name in TABLE_ORDER:
        con.register(f"{name}_arrow", pa.Table.from_pandas(book.table(name), preserve_index=False))  # type: ignore[attr-defined]
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_arrow")
        con.unregister(f"{name}_arrow")
    return con


def parquet_connection(snapshot: Path, threads: int) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute(f"SET threads = {threads}")
    for name in TABLE_ORDER:
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{snapshot / name}.parquet')")
    return con


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = 1M mentions, 100k claims/events/docs")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    book = synth_book(args.scale)
    print(f"synthesised {book!r} in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    index = FilterIndex.build(book)
    print(f"FilterIndex.build: {time.perf_counter() - t:.2f} s")
    mem = memory_connection(book, args.threads)
    with tempfile.TemporaryDirectory(prefix="bench-filters-") as tmp:
        ws = Path(tmp) / "ws"
        tables = {n: book.table(n) for n in (*TABLE_ORDER, "build_issues", "annotations")}
        snapshot = write_snapshot(ws, "bench", tables, {"schema_version": SCHEMA_VERSION, "build_id": "bench"})
        pq_con = parquet_connection(snapshot, args.threads)
        executor = DuckDBExecutor(ws, threads=args.threads)
        print(f"load average before timing: {load_average()} on {os.cpu_count()} cores\n")
        header = (
            f"{'spec':27} {'docs':>6} {'ments':>7} {'masks':>11} {'apply':>11} {'duck-mem':>11} "
            f"{'duck-pq':>11} {'executor':>11}  p95 ratio to apply: mem / pq / exec"
        )
        print(header + "\n" + "-" * len(header))
        failures = 0
        p95: dict[str, list[float]] = {k: [] for k in ("masks", "apply", "mem", "pq", "exec")}
        for label, spec in specs(book).items():
            ours = {n: len(apply(book, spec, index=index).table(n)) for n in TABLE_ORDER}
            checks = {
                "masks": compute_masks(spec, index).counts(),
                "duck-mem": duckdb_run(mem, spec),
                "duck-pq": duckdb_run(pq_con, spec),
                "executor": executor.counts(spec),
            }
            for what, counts in checks.items():
                if counts != ours:
                    failures += 1
                    print(f"MISMATCH {label} {what}: {counts} != apply {ours}")
            timed = {
                "masks": timeit(partial(compute_masks, spec, index), args.runs),
                "apply": timeit(partial(apply, book, spec, index=index), args.runs),
                "mem": timeit(partial(duckdb_run, mem, spec), args.runs),
                "pq": timeit(partial(duckdb_run, pq_con, spec), args.runs),
                "exec": timeit(partial(executor.apply, spec), max(3, args.runs // 4)),
            }
            for k, v in timed.items():
                p95[k].append(v[1])
            cells = " ".join(f"{v[0]:>5.0f}/{v[1]:<5.0f}" for v in timed.values())
            base = timed["apply"][1]
            ratios = " / ".join(f"{timed[k][1] / base:.1f}" for k in ("mem", "pq", "exec"))
            print(f"{label:27} {ours['documents']:>6} {ours['mentions']:>7} {cells}  {ratios}", flush=True)
        executor.close()
    worst = {k: max(v) for k, v in p95.items()}
    print("\nmilliseconds, p50/p95. worst p95: " + ", ".join(f"{k} {v:.0f}" for k, v in worst.items()))
    print("masks = numpy bitmaps; apply = masks + filtered pandas Book; duck-mem / duck-pq = bench_filters' SQL on")
    print("in-memory tables / on views over the Parquet files, six Arrow tables; executor = DuckDBExecutor.apply,")
    print(f"the same SQL semantics over the Parquet files giving a pandas Book. load average after: {load_average()}")
    if failures:
        print(f"{failures} executor(s) disagree with apply", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
