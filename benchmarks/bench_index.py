"""Memory and CPU of a Book's FilterIndex, stage by stage, on a big workspace.

Opens a workspace (default: ``synth-100k``, the built ``synth-5k`` tiled 20 times, made as
``bench_explorer_browser.py`` makes it and kept in ``<data>/ws``), then runs, in one process, the stages
an analyst's session goes through and prints for each: wall seconds, CPU seconds, the resident memory
added at its peak (sampled every 20 ms) and what is still held after it (RSS after a ``gc.collect()``,
minus RSS before the stage):

1. ``FilterIndex.of(book)``: what ``wb.explore(book)`` and the first ``wb.apply`` pay up front;
2. one ``compute_masks`` per spec of ``stages()`` (the index parts a spec needs that were not built yet
   are built then: a broad entity-type filter, an entity, a publisher, a publication window, a text
   search, preceded by the lower-cased text alone, a speaker, an events window);

and at the end the total kept by the index (RSS after the last stage minus RSS after opening), then the
CPU of the text searches an analyst types next (``SEARCHES``, nothing left to build). Masks
only, no filtered table is built, so the figures are the index's. Run from the repository root::

    .venv/bin/python benchmarks/bench_index.py                      # synth-100k
    .venv/bin/python benchmarks/bench_index.py path/to/workspace.workbook
"""

from __future__ import annotations

import argparse
import gc
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]

from corpora import default_data_dir, load_average  # noqa: E402


def rss_mb() -> float:
    """This process's resident memory in MB (Linux ``/proc``)."""
    with open("/proc/self/statm", encoding="ascii") as fh:
        pages = int(fh.read().split()[1])
    return pages * 4096 / 2**20


class Sampler:
    """The highest RSS seen while a stage runs (a thread sampling every ``every`` seconds)."""

    def __init__(self, every: float = 0.02) -> None:
        self.every = every
        self.peak = rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, rss_mb())

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())


def measure(label: str, fn: Callable[[], Any]) -> Any:
    """Run ``fn`` once and print its wall s, CPU s, peak and kept RSS added."""
    gc.collect()
    before = rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    with Sampler() as s:
        out = fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    gc.collect()
    print(f"{label:34} {wall:8.2f} {cpu:8.2f} {s.peak - before:+10.0f} {rss_mb() - before:+10.0f}", flush=True)
    return out


def stages(book: Any) -> dict[str, Any]:
    """The specs run one after another (each builds what the ones before did not)."""
    from workbook.filtering import FilterSpec

    ents = book.entities
    top = ents.sort_values("n_mentions", ascending=False)
    person = top.loc[top["type"] == "person", "entity_id"].iloc[0]
    publisher = book.documents["publisher"].dropna().iloc[0]
    published = book.documents["published"].dropna().sort_values()
    mid = published.iloc[len(published) // 2]
    speaker = book.claims["speaker_id"].dropna().iloc[0]
    return {
        "type=person (broad)": FilterSpec(entity_types=("person",)),
        "one entity (top person)": FilterSpec(entity_ids=(str(person),)),
        "publisher": FilterSpec(publishers=(str(publisher),)),
        "published: a month": FilterSpec(published_from=mid.date(), published_to=(mid + pd_month()).date()),
        "text 'missile'": FilterSpec(text="missile"),
        "speaker": FilterSpec(speakers=(str(speaker),)),
        "events: a year": FilterSpec(date_from=date(2020, 1, 1), date_to=date(2020, 12, 31)),
    }


#: Searches timed after the stages: the same word, its capitals, a word of common letters (the RE2 path), a
#: name, a romanised place, a prefix.
SEARCHES = ("missile", "MISSILE", "the", "kim jong un", "Phyongyang", "pyong*")


def pd_month() -> Any:
    import pandas as pd

    return pd.Timedelta(days=30)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("workspace", nargs="?", default="synth-100k", help="a workspace folder, or synth-100k")
    ap.add_argument("--data", type=Path, default=default_data_dir(), help="where corpora and workspaces are kept")
    args = ap.parse_args(argv)

    from bench_explorer_browser import ensure_workspace

    from workbook.filtering import FilterIndex, FilterSpec, compute_masks
    from workbook.workspace import read_book

    ws = ensure_workspace(args.workspace, args.data, "synth-5k", 20)
    print(f"load average before: {load_average()}")
    print(f"{'stage':34} {'wall s':>8} {'cpu s':>8} {'peak MB':>10} {'kept MB':>10}")
    book = measure("read_book", lambda: read_book(ws))
    print(f"  {book!r}")
    opened = rss_mb()
    index = measure("FilterIndex.of(book)", lambda: FilterIndex.of(book))
    for label, spec in stages(book).items():
        if label.startswith("text"):  # the lower-cased text alone, then the search (its word index)
            measure("doc_text + c_text", lambda: (index.doc_text, index.c_text))
        counts = measure(f"masks: {label}", lambda spec=spec: compute_masks(spec, index).counts())
        print(f"  documents {counts['documents']:,}, mentions {counts['mentions']:,}")
    gc.collect()
    print(f"index kept after every stage: {rss_mb() - opened:+.0f} MB; load average after: {load_average()}")
    for needle in SEARCHES:  # the text searches an analyst types next (after the first, nothing left to build)
        measure(f"again: text {needle!r}", lambda needle=needle: compute_masks(FilterSpec(text=needle), index).counts())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
