"""A build's assembly and write at 100k documents without extracting them: a built workspace's rows tiled.

A 100k-document build takes about 15 minutes of CPU, nearly all extraction; its peak memory is in what
comes after (the tables linked, merged and written from the column batches). This script replays that
part alone: it reads a built workspace (e.g. synth-5k), tiles its documents and rows ``--times`` times
(document and row ids suffixed per copy; entity ids kept, so the entities do not multiply as a real
corpus's would), hands the rows to a :class:`~workbook.rowbatches.RowCollector` in batches of 256
documents, as a build does, with the batches kept in memory or spilled to disk (``--mode``), then makes
and writes every table as ``workbook.build`` does (:func:`workbook.assemble.iter_tables`, a
:class:`~workbook.workspace.SnapshotWriter`). Each mode runs in a fresh process; printed: resident memory
before the rows are handed over, when they all are (the end of extraction in a build), and the peak.
Run from the repository root::

    .venv/bin/python benchmarks/bench_assemble_tiled.py --workspace WS/synth-5k.workbook --times 20
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.labels import labels_series

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import load_average

_ROW_IDS = {"mentions": "mention_id", "claims": "claim_id", "events": "event_id"}
_KINDS = {
    "doc_entities": "_doc_entities",
    "doc_places": "_doc_places",
    "mentions": "mentions",
    "claims": "claims",
    "events": "events",
}


def _status(field: str) -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _suffixed(df: pd.DataFrame, columns: list[str], suffix: str) -> pd.DataFrame:
    out = df.copy()
    for c in columns:
        text = df[c].astype(str) + suffix
        # a labels column (a categorical of the values present) takes new ids as new categories
        out[c] = labels_series(text) if isinstance(df[c].dtype, pd.CategoricalDtype) else text.astype(df[c].dtype)
    return out


def _child(ws: Path, times: int, mode: str) -> dict[str, Any]:
    from workbook.assemble import iter_tables
    from workbook.build import _system_arrow_pool
    from workbook.model import conform
    from workbook.rowbatches import FLUSH_DOCS, RowBatch, RowCollector
    from workbook.rowspill import spill_folder
    from workbook.workspace import SnapshotWriter, read_book, read_private_table

    book = read_book(ws)
    docs = book.documents
    rows = {
        kind: read_private_table(ws, name) if name.startswith("_") else book.table(name)
        for kind, name in _KINDS.items()
    }
    del book
    doc_ids = list(docs["doc_id"])
    out = Path(tempfile.mkdtemp(prefix="bench-assemble-"))
    with _system_arrow_pool(), spill_folder(out) as spill:
        rss_start = _status("VmRSS")
        documents = conform(
            "documents", pd.concat([_suffixed(docs, ["doc_id"], f"-{k:02d}") for k in range(times)], ignore_index=True)
        )
        collector = RowCollector(spill=spill if mode == "spill" else None)
        by_doc = {}
        for kind, df in rows.items():
            assert df is not None
            by_doc[kind] = {d: g for d, g in df.groupby(df["doc_id"].astype(str), sort=False)}
        for k in range(times):
            for start in range(0, len(doc_ids), FLUSH_DOCS):
                part = doc_ids[start : start + FLUSH_DOCS]
                frames = {}
                for kind in _KINDS:
                    got = [by_doc[kind][d] for d in part if d in by_doc[kind]]
                    df = pd.concat(got, ignore_index=True) if got else rows[kind].iloc[:0]  # type: ignore[union-attr]
                    ids = ["doc_id", *([_ROW_IDS[kind]] if kind in _ROW_IDS else [])]
                    df = _suffixed(df, ids, f"-{k:02d}")
                    frames[kind] = conform(kind, df) if kind in _ROW_IDS else df.reset_index(drop=True)
                collector.add_batch(RowBatch(**frames, n_docs=len(part)))
        del by_doc, rows, docs
        rss_rows = _status("VmRSS")
        t0 = time.process_time()
        counts: dict[str, int] = {}
        with SnapshotWriter(out) as writer:
            for name, table in iter_tables(documents, collector, []):
                counts[name] = len(table)
                writer.add(name, table)
                del table
        cpu = time.process_time() - t0
    shutil.rmtree(out, ignore_errors=True)
    return {"rss_start": rss_start, "rss_rows": rss_rows, "peak": _status("VmHWM"), "cpu": cpu, "counts": counts}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--workspace", type=Path, required=True)
    p.add_argument("--times", type=int, default=20)
    p.add_argument("--modes", nargs="+", default=["memory", "spill"], choices=["memory", "spill"])
    p.add_argument("--one", choices=["memory", "spill"], help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.one:
        print(json.dumps(_child(args.workspace, args.times, args.one)))
        return 0
    print(f"load at start: {load_average()}")
    for mode in args.modes:
        cmd = [sys.executable, __file__, "--workspace", str(args.workspace), "--times", str(args.times), "--one", mode]
        r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
        print(
            f"{mode:<7} rss before rows {r['rss_start']:.0f} MB, all rows handed over {r['rss_rows']:.0f} MB, "
            f"peak {r['peak']:.0f} MB, assemble+write cpu {r['cpu']:.1f} s  load={load_average()}\n"
            f"        {r['counts']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
