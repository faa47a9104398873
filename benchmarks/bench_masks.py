"""The explorer's clicks replayed through the kernel's filter, on a big workspace: CPU ms per spec and its parts.

Opens a workspace (default: ``synth-100k``, the built ``synth-5k`` tiled 20 times, as
``bench_explorer_browser.py`` makes it and keeps it in ``<data>/ws``), builds the parts of the Book's
FilterIndex the specs read (not timed), then, for each spec an explorer click makes (``specs()``: an entity
picked in the entity list, one and several; a chart bar: an entity, an entity kind, a place, a speaker and
band; the date input "from" the middle of the publication span, as the browser benchmark sets it, and a
month's window; a text search; the Reset), times over ``--runs`` runs (after one warm-up):

* ``masks``: :func:`workbook.filtering.compute_masks` on the Book's index, the step of the explorer's
  refresh that dominates its *filter* part;
* ``filter``: what that part does on a spec it has not seen: the masks, then ``apply(book, spec, index,
  masks)`` (the row selections of the filtered Book; the Book's kept views dropped before each call). The
  Reset is the empty spec: the explorer computes no masks for it.

in CPU milliseconds (``time.process_time``: steadier than wall time when other jobs share the cores), p50
and p95, and a digest of the masks (every mask's bits and the recomputed counts), so that two trees' runs
can be checked for identical results. ``--parts`` adds, per spec, where ``compute_masks`` spends its time:
cProfile's own time per function of ``workbook/filtering`` (numpy calls counted in the function calling
them), over ``--runs`` more calls. It measures the tree it sits in; it only uses ``compute_masks``,
``apply`` and ``FilterIndex``, so a copy of it in another tree's ``benchmarks/`` measures that tree. Run from
the repository root::

    .venv/bin/python benchmarks/bench_masks.py --runs 20 --parts
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]

from corpora import default_data_dir, load_average  # noqa: E402


def specs(book: Any) -> dict[str, Any]:
    """The specs the explorer's clicks make on ``book`` (see the module docstring)."""
    import pandas as pd

    from workbook.filtering import FilterSpec

    ents = book.entities.sort_values(["n_mentions", "entity_id"], ascending=[False, True])
    ids = [str(e) for e in ents["entity_id"]]
    mid = ids[len(ids) // 20 : len(ids) // 20 + 3]  # three entities from the upper part of the list
    place = str(ents.loc[ents["type"] == "place", "entity_id"].iloc[0])
    claims = book.claims
    speaker = str(claims["speaker_id"].dropna().astype(str).value_counts().index[0])
    bands = claims.loc[claims["speaker_id"].astype(str) == speaker, "confidence"].astype(str)
    band = str(bands.value_counts().index[0])
    published = pd.to_datetime(book.documents["published"]).dropna()
    middle = (published.min() + (published.max() - published.min()) / 2).date()
    month_end = (pd.Timestamp(middle) + pd.Timedelta(days=30)).date()
    return {
        "entity list: the top entity": FilterSpec(entity_ids=(ids[0],)),
        "entity list: the second": FilterSpec(entity_ids=(ids[1],)),
        "entity list: top two": FilterSpec(entity_ids=tuple(ids[:2])),
        "entity list: three mid": FilterSpec(entity_ids=tuple(mid)),
        "bar: entity kind person": FilterSpec(entity_types=("person",)),
        "bar: the top place": FilterSpec(entity_ids=(place,)),
        "bar: speaker + band": FilterSpec(speakers=(speaker,), confidence_bands=(band,)),
        "date from: the middle": FilterSpec(date_from=middle),
        "date: a month": FilterSpec(date_from=middle, date_to=month_end),
        "entity + date from": FilterSpec(entity_ids=(ids[1],), date_from=middle),
        "text: missile": FilterSpec(text="missile"),
        "reset (empty spec)": FilterSpec(),
    }


def digest(masks: Any) -> str:
    """A short digest of every mask and count (equal digests: equal results)."""
    h = hashlib.blake2b(digest_size=6)
    for name in ("documents", "mentions", "claims", "events", "entities", "places"):
        h.update(np.packbits(np.asarray(getattr(masks, name), dtype=bool)).tobytes())
    for name in ("n_mentions", "n_docs"):
        h.update(np.asarray(getattr(masks, name), dtype=np.int64).tobytes())
    return h.hexdigest()


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    """(p50, p95) CPU milliseconds of ``fn`` over ``runs`` calls, after one warm-up call."""
    fn()
    out = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        out.append((time.process_time() - t) * 1000)
    return float(np.percentile(out, 50)), float(np.percentile(out, 95))


def parts(fn: Callable[[], Any], runs: int, top: int = 6) -> str:
    """cProfile's own time per function of ``workbook/filtering`` over ``runs`` calls of ``fn``, in ms a call."""
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(runs):
        fn()
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    rows = [
        (tt / runs * 1000, f"{Path(file).stem}.{name}")
        for (file, _line, name), (_cc, _nc, tt, _ct, _callers) in stats.items()
        if "workbook/filtering" in file.replace("\\", "/")
    ]
    rows.sort(reverse=True)
    return ", ".join(f"{name} {ms:.1f}" for ms, name in rows[:top])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("workspace", nargs="?", default="synth-100k", help="a workspace folder, or synth-100k")
    ap.add_argument("--data", type=Path, default=default_data_dir(), help="where corpora and workspaces are kept")
    ap.add_argument("--runs", type=int, default=20, help="timed calls per spec and mode")
    ap.add_argument("--parts", action="store_true", help="print where compute_masks spends its time, per spec")
    ap.add_argument("--only", nargs="*", default=None, help="run only the specs whose label contains one of these")
    args = ap.parse_args(argv)

    from bench_explorer_browser import ensure_workspace

    import workbook
    from workbook.filtering import FilterIndex, apply, compute_masks
    from workbook.workspace import read_book

    ws = ensure_workspace(args.workspace, args.data, "synth-5k", 20)
    print(f"package: {Path(workbook.__file__).parent}")
    book = read_book(ws)
    print(f"{book!r}")
    index = FilterIndex.of(book)
    chosen = {k: v for k, v in specs(book).items() if args.only is None or any(o in k for o in args.only)}
    t = time.process_time()
    for spec in chosen.values():  # the index parts these specs read, built before timing
        if not spec.is_empty:
            compute_masks(spec, index)
    print(f"index parts built: {time.process_time() - t:.2f} CPU s; load average: {load_average()}")

    def masks_of(spec: Any) -> Callable[[], Any]:
        return lambda: compute_masks(spec, index)

    def filter_of(spec: Any) -> Callable[[], Any]:
        def run() -> Any:  # the explorer's refresh, up to the status line's counts
            if spec.is_empty:
                return book
            book.__dict__.get("_memo", {}).pop("recent_views", None)  # a spec the Book has not kept
            return apply(book, spec, index, compute_masks(spec, index))

        return run

    print(f"CPU ms per call, p50/p95 over {args.runs} calls")
    print(f"{'spec':30} {'docs':>8} {'mentions':>10} {'masks':>13} {'filter':>13}  digest")
    for label, spec in chosen.items():
        if spec.is_empty:
            print(f"{label:30} {'all':>8} {'all':>10} {'-':>13} {'0.0/0.0':>13}  (no masks)")
            continue
        m = compute_masks(spec, index)
        counts = m.counts()
        p50, p95 = timed(masks_of(spec), args.runs)
        f50, f95 = timed(filter_of(spec), args.runs)
        print(
            f"{label:30} {counts['documents']:8,} {counts['mentions']:10,} {p50:6.1f}/{p95:<6.1f} "
            f"{f50:6.1f}/{f95:<6.1f} {digest(m)}",
            flush=True,
        )
        if args.parts:
            print(f"    parts (ms/call): {parts(masks_of(spec), args.runs)}", flush=True)
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
