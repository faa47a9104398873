"""How long the explorer takes from a filter change to every view updated (no browser).

For synthetic Books of 1k, 10k and 100k events (and proportionate documents, mentions, claims, entities and
places), build an explorer, then set a sequence of different specs and time each ``explorer.spec = ...``:
one filter (compute_masks + apply on the FilterIndex), every view's figure rebuilt and serialised for the
page, the table page and the filter panel. Prints the median and worst times, split into parts, and the
size of the figure JSON sent to the page. Target: <= 150 ms per change at 100k events. ``cpu`` is the median
CPU time of this process per change: on a shared machine it is close to what the wall time would be alone.

``--per-chart`` also prints, per view, the median time of its chart builder and of turning its figure into
the page's JSON (``PlotHost.payload``), and the median payload size, measured inside the same refreshes.
``--views`` picks the views (default: the explorer's default views; ``all`` for every view). It also times
building every view of each filtered Book directly, one by one and sharing one ``ChartCache`` (what the
explorer would gain by passing one to ``build_view``).

    .venv/bin/python benchmarks/bench_explorer.py [--sizes 1000 10000 100000] [--repeat 2] [--per-chart]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

import workbook.widgets.explorer_views as explorer_module
from workbook.book import Book
from workbook.charts import ChartCache
from workbook.explore.state import DEFAULT_VIEWS, VIEWS, build_view
from workbook.filtering import FilterSpec
from workbook.model import CONFIDENCE_BANDS, ENTITY_TYPES, QUOTE_KINDS, conform
from workbook.widgets import explore

WORDS = ("missile", "launch", "factory", "meeting", "statement", "test", "engine", "delegation", "visit", "site")


def synthetic_book(n_events: int, seed: int = 0) -> Book:
    """A consistent Book with ``n_events`` events, n/10 documents, 3n mentions, n/2 claims, ~n/30 entities."""
    rng = np.random.default_rng(seed)
    n_docs = max(n_events // 10, 3)
    n_ent = max(n_events // 30, 12)
    n_places = max(n_ent // 6, 2)
    n_ment, n_claims = 3 * n_events, max(n_events // 2, 3)
    doc_ids = np.array([f"d{i:016x}" for i in range(n_docs)], dtype=object)
    ent_ids = np.array([f"e{i:012x}" for i in range(n_ent)], dtype=object)
    ent_types = np.array(ENTITY_TYPES, dtype=object)[rng.integers(0, len(ENTITY_TYPES), n_ent)]
    ent_types[:n_places] = "place"
    published = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 3650, n_docs), unit="D")
    texts = [" ".join(rng.choice(WORDS, 40)) + f" doc {i}." for i in range(n_docs)]
    documents = pd.DataFrame(
        {
            "doc_id": doc_ids,
            "title": [f"Report {i}: {t[:30]}" for i, t in enumerate(texts)],
            "publisher": np.array(["KCNA", "Yonhap", "Reuters", None], dtype=object)[rng.integers(0, 4, n_docs)],
            "published": published,
            "source": [f"{d}.txt" for d in doc_ids],
            "sha256": [d * 4 for d in doc_ids],
            "text": texts,
            "n_chars": [len(t) for t in texts],
            "language": "en",
            "format": "txt",
        }
    )

    def spans(n: int, key: str) -> pd.DataFrame:
        doc = rng.integers(0, n_docs, n)
        start = rng.integers(0, 200, n)
        return pd.DataFrame(
            {
                f"{key}_id": [f"{key[0]}{i:015x}" for i in range(n)],
                "doc_id": doc_ids[doc],
                "start": start,
                "end": start + 6,
                "sentence": rng.integers(0, 12, n),
            }
        )

    m = spans(n_ment, "mention")
    ment_ent = np.minimum(rng.zipf(1.6, n_ment) - 1, n_ent - 1)
    m["entity_id"] = ent_ids[ment_ent]
    m["surface"] = "surface"
    m["resolution"] = "exact"
    m["candidates"] = [[] for _ in range(n_ment)]
    counts = m.groupby("entity_id").agg(n_mentions=("mention_id", "size"), n_docs=("doc_id", "nunique"))
    entities = pd.DataFrame(
        {
            "entity_id": ent_ids,
            "name": [f"Entity {i}" for i in range(n_ent)],
            "type": ent_types,
            "aliases": [[] for _ in range(n_ent)],
            "origin": "rules",
        }
    )
    entities = entities.join(counts, on="entity_id").fillna({"n_mentions": 0, "n_docs": 0})
    c = spans(n_claims, "claim")
    c["text"] = "the missile may fly"
    speaker = rng.integers(-1, n_ent, n_claims)
    c["speaker_id"] = np.where(speaker >= 0, ent_ids[np.maximum(speaker, 0)], None)
    c["speaker_text"] = np.where(speaker >= 0, "someone", None)
    c["quote_kind"] = np.array(QUOTE_KINDS, dtype=object)[rng.integers(0, 3, n_claims)]
    c["confidence"] = np.array(CONFIDENCE_BANDS, dtype=object)[rng.integers(0, len(CONFIDENCE_BANDS), n_claims)]
    c["entity_ids"] = [[ent_ids[j]] for j in rng.integers(0, n_ent, n_claims)]
    v = spans(n_events, "vevent")
    v = v.rename(columns={"vevent_id": "event_id"})
    v["text"] = "last June"
    v["context"] = "Kim visited the site last June."
    day0 = pd.Timestamp("2010-01-01") + pd.to_timedelta(rng.integers(0, 5000, n_events), unit="D")
    precision = np.array(["day", "month", "year"], dtype=object)[rng.integers(0, 3, n_events)]
    length = np.select([precision == "day", precision == "month"], [0, 29], 364)
    v["date_start"] = day0
    v["date_end"] = day0 + pd.to_timedelta(length, unit="D")
    v["precision"] = precision
    v["resolution"] = "absolute"
    v["entity_ids"] = [[ent_ids[a], ent_ids[b]] for a, b in rng.integers(0, n_ent, (n_events, 2))]
    places = pd.DataFrame(
        {
            "entity_id": ent_ids[:n_places],
            "lat": rng.uniform(35, 43, n_places),
            "lon": rng.uniform(124, 131, n_places),
            "uncertainty_km": rng.uniform(1, 50, n_places),
            "coord_source": "gazetteer",
            "source_name": "synthetic",
        }
    )
    return Book(
        documents=conform("documents", documents),
        entities=conform("entities", entities),
        mentions=conform("mentions", m),
        claims=conform("claims", c),
        events=conform("events", v),
        places=conform("places", places),
    )


def specs_for(book: Book) -> list[FilterSpec]:
    """A sequence of different filters, as an analyst would click them."""
    ents = book.entities.sort_values("n_mentions", ascending=False)["entity_id"].astype(str).tolist()
    base = FilterSpec()
    return [
        base.with_(entity_types=("place",)),
        base.with_(entity_ids=(ents[0],)),
        base.with_(entity_ids=(ents[0], ents[3])),
        base.with_(date_from=date(2012, 1, 1), date_to=date(2013, 6, 30)),
        base.with_(confidence_bands=("likely", "very likely")),
        base.with_(quote_kinds=("direct",), confidence_bands=("likely",)),
        base.with_(text="delegation"),
        base.with_(entity_ids=(ents[5],), date_from=date(2011, 1, 1)),
        base.with_(publishers=("KCNA",)),
        base,
    ]


class ChartTimer:
    """Wraps the explorer's ``build_view`` and a host's ``payload`` to record, per view, the seconds spent
    building each figure, turning it into the page's JSON, and that JSON's size."""

    def __init__(self) -> None:
        self.build: dict[str, list[float]] = {}
        self.payload: dict[str, list[float]] = {}
        self.kb: dict[str, list[float]] = {}
        self._view = ""
        self._original = explorer_module.build_view

    def build_view(self, book: Book, view: str, options: Mapping[str, Any] | None = None, **kwargs: Any) -> Any:
        t = time.perf_counter()
        fig = self._original(book, view, options, **kwargs)
        self.build.setdefault(view, []).append(time.perf_counter() - t)
        self._view = view
        return fig

    def wrap_payload(self, payload: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
        def timed(fig: Any) -> dict[str, Any]:
            t = time.perf_counter()
            out = payload(fig)
            self.payload.setdefault(self._view, []).append(time.perf_counter() - t)
            self.kb.setdefault(self._view, []).append(len(json.dumps(out)) / 1024)
            return out

        return timed

    def __enter__(self) -> ChartTimer:
        explorer_module.build_view = self.build_view  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        explorer_module.build_view = self._original


def bench(n_events: int, repeat: int, views: Sequence[str] = DEFAULT_VIEWS) -> dict[str, Any]:
    t = time.perf_counter()
    book = synthetic_book(n_events)
    made = time.perf_counter() - t
    with ChartTimer() as timer:
        t = time.perf_counter()
        ex = explore(book, views=views)
        built = time.perf_counter() - t
        ex.host.payload = timer.wrap_payload(ex.host.payload)  # type: ignore[method-assign]
        timer.build.clear()
        totals: list[float] = []
        cpu: list[float] = []
        parts: dict[str, list[float]] = {}
        direct: dict[str, list[float]] = {"alone": [], "shared": []}
        for _ in range(repeat):
            for spec in specs_for(book):
                ex._figures.clear()  # measure rebuilt figures, not the explorer's cache of recent ones
                c, t = time.process_time(), time.perf_counter()
                ex.spec = spec
                totals.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
                for k, v in ex.timings.items():
                    parts.setdefault(k, []).append(v)
                for how in ("shared", "alone"):
                    cache = ChartCache(ex.filtered) if how == "shared" else None
                    t = time.perf_counter()
                    for view in views:
                        build_view(ex.filtered, view, ex.view_options.get(view), cache=cache)
                    direct[how].append(time.perf_counter() - t)
        per_chart = {
            view: (
                1000 * statistics.median(timer.build[view]),
                1000 * statistics.median(timer.payload[view]),
                statistics.median(timer.kb[view]),
            )
            for view in views
            if view in timer.build
        }
    ex.spec = specs_for(book)[1]
    t = time.perf_counter()
    ex.undo()  # back to a spec whose figures are cached
    undo = time.perf_counter() - t
    payload = len(json.dumps(ex.host.figures))
    row = {
        "events": n_events,
        "book_s": made,
        "explore_s": built,
        "median_ms": 1000 * statistics.median(totals),
        "cpu_ms": 1000 * statistics.median(cpu),
        "max_ms": 1000 * max(totals),
        "undo_ms": 1000 * undo,
        "figures_kb": payload / 1024,
        **{f"{k}_ms": 1000 * statistics.median(v) for k, v in parts.items()},
        "per_chart": per_chart,
        **{f"direct_{k}_ms": 1000 * statistics.median(v) for k, v in direct.items()},
    }
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--views", nargs="+", default=list(DEFAULT_VIEWS), help="views to show, or 'all'")
    parser.add_argument("--per-chart", action="store_true", help="print each view's build and payload times")
    args = parser.parse_args()
    views = list(VIEWS) if args.views == ["all"] else args.views
    print(
        f"{'events':>8} {'median':>8} {'cpu':>7} {'max':>8} {'filter':>7} {'charts':>7} {'views':>7} {'tbl+pnl':>7} "
        f"{'undo':>6} {'fig KB':>7} {'explore()':>9}"
    )
    rows = []
    for n in args.sizes:
        r = bench(n, args.repeat, views)
        rows.append(r)
        print(
            f"{r['events']:>8,} {r['median_ms']:>6.0f}ms {r['cpu_ms']:>5.0f}ms {r['max_ms']:>6.0f}ms "
            f"{r['filter_ms']:>5.0f}ms {r['charts_ms']:>5.0f}ms {r['views_ms']:>5.0f}ms "
            f"{r['table_panel_ms']:>5.0f}ms {r['undo_ms']:>4.0f}ms {r['figures_kb']:>7.0f} {r['explore_s']:>8.2f}s",
            flush=True,
        )
    if args.per_chart:
        print("\nper chart, median over the refreshes: build ms / payload (JSON for the page) ms / payload KB")
        print(f"{'view':>10} " + " ".join(f"{r['events']:>22,}" for r in rows))
        for view in views:
            cells = []
            for r in rows:
                b, p, kb = r["per_chart"].get(view, (float("nan"),) * 3)
                cells.append(f"{b:>7.1f} /{p:>6.1f} /{kb:>6.0f}")
            print(f"{view:>10} " + " ".join(f"{c:>22}" for c in cells))
        print("\nevery view built directly, median ms: one by one / sharing one ChartCache")
        print(f"{'':>10} " + " ".join(f"{r['direct_alone_ms']:>12.1f} /{r['direct_shared_ms']:>7.1f}" for r in rows))


if __name__ == "__main__":
    main()
