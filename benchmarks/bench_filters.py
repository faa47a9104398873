"""Benchmark of workbook.filtering.apply against DuckDB in-memory, asking both the same question.

Synthesises a Book (default: ~100k documents, 1M mentions, 100k claims, 100k events) with numpy
and pyarrow, builds the FilterIndex once, then times, for each representative spec, over ``--runs``
runs (after two warm-up runs):

* ``masks``: :func:`workbook.filtering.compute_masks` only (the numpy bitmaps);
* ``eager``: the masks plus all six filtered pandas tables copied at once (what ``apply`` returned
  before filtered Books became lazy, given the index);
* ``wb.apply``: what a notebook cell does, ``len(wb.apply(book, spec).mentions)``: no index passed
  (the Book's own, built once on the first call and reused), the filtered mentions table read; run
  again with the same spec, so the Book's kept filtered Book for it is returned (``RECENT_VIEWS``);
* ``cold``: the same call for a spec the Book has not kept (its kept views dropped before each call):
  the masks computed and the mentions table built, as every repeated call did before Books kept views;
* ``duck-m``: the same question in SQL on native in-memory DuckDB tables, returning the filtered
  mentions table as Arrow (no conversion to pandas, which favours DuckDB);
* ``duck-6``: the same, producing all six filtered tables (documents, mentions, claims, events,
  entities with recomputed counts, places).

Before this Book cached its index, ``wb.apply(book, spec)`` without ``index=`` also rebuilt the
FilterIndex on every call: the ``FilterIndex.build`` time printed first is what each call paid on
top of ``eager``.

Row counts of both sides are compared for every spec (a cross-check of the semantics); the script
exits non-zero on any mismatch. Run from the repository root::

    .venv/bin/python benchmarks/bench_filters.py            # full size
    .venv/bin/python benchmarks/bench_filters.py --scale 0.1 --runs 10
    .venv/bin/python benchmarks/bench_filters.py --modes masks cold --no-duckdb --cpu   # CPU ms, two columns

``--cpu`` times the process's CPU seconds instead of wall time (steadier when other jobs share the
cores); ``--arrow-lists`` holds the list columns (``candidates``, ``entity_ids``, ``aliases``) as Arrow
lists instead of Python lists.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbook.book import Book
from workbook.filtering import FilterIndex, FilterSpec, apply, compute_masks
from workbook.lists import LIST_TYPE, list_series
from workbook.model import CONFIDENCE_BANDS, DATE_RESOLUTIONS, ENTITY_TYPES, QUOTE_KINDS, TABLES

WORDS = [
    *("the", "of", "and", "to", "in", "said", "that", "missile", "launch", "test", "nuclear", "talks", "summit"),
    *("leader", "army", "navy", "border", "sanctions", "report", "official", "state", "media", "factory"),
    *("engine", "satellite", "submarine", "rocket", "fuel", "site", "visit", "meeting", "week", "government"),
    *("minister", "defence", "foreign", "policy", "statement", "analysts", "believe", "likely", "may", "could"),
]
TABLE_ORDER = ("documents", "mentions", "claims", "events", "entities", "places")
#: What main() can time (``--modes``).
MODES = ("masks", "eager", "cold", "wb.apply", "duck-m", "duck-6")


def _ids(prefix: str, n: int, width: int) -> pd.Series:
    return pd.Series(pd.array([f"{prefix}{i:0{width}x}" for i in range(n)], dtype="string"))


def _str(values: Any) -> pd.Series:
    return pd.Series(pd.array(values, dtype="string"))


def _cat(codes: np.ndarray[Any, Any], categories: tuple[str, ...] | list[str]) -> Any:
    return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(list(categories)))


def _where(mask: np.ndarray[Any, Any], values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """``values`` where ``mask``, else None (an object array)."""
    out = np.full(len(mask), None, dtype=object)
    out[mask] = values[mask]
    return out


def _arrow_str(arr: pa.Array) -> pd.Series:
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([arr.cast(pa.large_string())])))


def _lists(codes: np.ndarray[Any, Any], lengths: np.ndarray[Any, Any], ids: np.ndarray[Any, Any]) -> pd.Series:
    """A list column: row i holds ids[codes[offsets[i]:offsets[i]+lengths[i]]]."""
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    arr = pa.ListArray.from_arrays(pa.array(offsets, type=pa.int32()), pa.array(ids[codes[: offsets[-1]]]))
    return list_series(arr)  # the declared dtype of list columns: Arrow lists


def synth_book(scale: float = 1.0, seed: int = 7) -> Book:
    """A Book shaped like a large corpus, all tables with their declared dtypes."""
    rng = np.random.default_rng(seed)
    n_docs, n_ents = int(100_000 * scale), int(20_000 * scale)
    n_ment, n_claims, n_events = int(1_000_000 * scale), int(100_000 * scale), int(100_000 * scale)

    vocab = pa.array(WORDS + [f"w{i}" for i in range(3000)])
    p = 1.0 / np.arange(1, len(vocab) + 1) ** 1.1
    p /= p.sum()
    cols = [vocab.take(pa.array(rng.choice(len(vocab), n_docs, p=p))) for _ in range(30)]
    text = pc.binary_join_element_wise(*cols, " ")
    publishers = np.array([f"Outlet {i}" for i in range(40)] + [None], dtype=object)
    doc_id = _ids("d", n_docs, 16)
    documents = pd.DataFrame(
        {
            "doc_id": doc_id,
            "title": _str([f"Title {i}" for i in range(n_docs)]),
            "publisher": _str(publishers[rng.integers(0, len(publishers), n_docs)]),
            "published": (np.datetime64("2000-01-01") + rng.integers(0, 9000, n_docs)).astype("datetime64[s]"),
            "source": doc_id + ".txt",
            "sha256": _str(["0" * 64] * n_docs),
            "text": _arrow_str(text),
            "n_chars": pc.utf8_length(text).to_numpy().astype(np.int64),
            "language": _str(["en"] * n_docs),
            "format": _str(["txt"] * n_docs),
        }
    )
    for c in TABLES["documents"].column_names:
        if c not in documents:
            documents[c] = _str([None] * n_docs)

    ent_ids = np.array([f"e{i:012x}" for i in range(n_ents)], dtype=object)
    ent_type = rng.choice(len(ENTITY_TYPES), n_ents, p=[0.4, 0.2, 0.2, 0.08, 0.07, 0.05])
    popularity = 1.0 / np.arange(1, n_ents + 1) ** 0.9
    popularity /= popularity.sum()

    m_doc = np.sort(rng.integers(0, n_docs, n_ment))
    m_ent = rng.choice(n_ents, n_ment, p=popularity)
    mentions = pd.DataFrame(
        {
            "mention_id": _ids("m", n_ment, 12),
            "doc_id": doc_id.iloc[m_doc].reset_index(drop=True),
            "start": rng.integers(0, 150, n_ment),
            "end": rng.integers(150, 200, n_ment),
            "entity_id": _str(ent_ids[m_ent]),
            "surface": _str(["Name"] * n_ment),
            "sentence": rng.integers(0, 10, n_ment),
            "resolution": _cat(rng.integers(0, 3, n_ment), ["exact", "alias", "ambiguous"]),
            "candidates": list_series(pa.array([[]] * n_ment, type=LIST_TYPE)),
        }
    )
    counts = pd.DataFrame({"e": m_ent, "d": m_doc})
    n_mentions = np.bincount(m_ent, minlength=n_ents)
    n_docs_per = np.bincount(counts.drop_duplicates()["e"].to_numpy(), minlength=n_ents)
    entities = pd.DataFrame(
        {
            "entity_id": _str(ent_ids),
            "name": _str([f"Entity {i}" for i in range(n_ents)]),
            "type": _cat(ent_type, ENTITY_TYPES),
            "aliases": list_series(pa.array([[]] * n_ents, type=LIST_TYPE)),
            "n_mentions": n_mentions.astype(np.int64),
            "n_docs": n_docs_per.astype(np.int64),
            "origin": _str(["rules"] * n_ents),
        }
    )
    located = np.flatnonzero(np.isin(ent_type, [2, 3]))
    korea = rng.random(len(located)) < 0.4
    places = pd.DataFrame(
        {
            "entity_id": _str(ent_ids[located]),
            "lat": np.where(korea, rng.uniform(34, 43, len(located)), rng.uniform(-60, 70, len(located))),
            "lon": np.where(korea, rng.uniform(124, 131, len(located)), rng.uniform(-180, 180, len(located))),
            "uncertainty_km": rng.uniform(0.5, 50, len(located)),
            "coord_source": _cat(np.zeros(len(located), dtype=np.int64), ["gazetteer", "dataset", "analyst"]),
            "source_name": _str(["synthetic"] * len(located)),
            "admin_area": _str([None] * len(located)),
        }
    )

    persons = np.flatnonzero(ent_type == 0)
    c_doc = np.sort(rng.integers(0, n_docs, n_claims))
    has_speaker = rng.random(n_claims) < 0.6
    speaker = np.where(has_speaker, persons[rng.choice(len(persons), n_claims, p=_norm(popularity[persons]))], -1)
    c_words = [vocab.take(pa.array(rng.choice(len(vocab), n_claims, p=p))) for _ in range(8)]
    c_lens = rng.integers(0, 3, n_claims)
    claims = pd.DataFrame(
        {
            "claim_id": _ids("c", n_claims, 12),
            "doc_id": doc_id.iloc[c_doc].reset_index(drop=True),
            "start": np.zeros(n_claims, dtype=np.int64),
            "end": np.full(n_claims, 40, dtype=np.int64),
            "text": _arrow_str(pc.binary_join_element_wise(*c_words, " ")),
            "sentence": rng.integers(0, 10, n_claims),
            "speaker_id": _str(_where(has_speaker, ent_ids[np.maximum(speaker, 0)])),
            "speaker_text": _str(_where(has_speaker, np.char.add("Speaker ", speaker.astype(str)))),
            "quote_kind": _cat(rng.integers(0, 3, n_claims), QUOTE_KINDS),
            "cue": _str(["said"] * n_claims),
            "hedge": _str([None] * n_claims),
            "confidence": _cat(rng.integers(0, 8, n_claims), CONFIDENCE_BANDS),
            "entity_ids": _lists(rng.choice(n_ents, c_lens.sum() + 1, p=popularity), c_lens, ent_ids),
        }
    )

    v_doc = np.sort(rng.integers(0, n_docs, n_events))
    start = np.datetime64("2000-01-01") + rng.integers(0, 9000, n_events)
    precision = rng.choice(3, n_events, p=[0.6, 0.3, 0.1])
    length = np.choose(precision, [0, 29, 364])
    unanchored = rng.random(n_events) < 0.05
    v_lens = rng.integers(0, 4, n_events)
    events = pd.DataFrame(
        {
            "event_id": _ids("v", n_events, 12),
            "doc_id": doc_id.iloc[v_doc].reset_index(drop=True),
            "start": np.zeros(n_events, dtype=np.int64),
            "end": np.full(n_events, 9, dtype=np.int64),
            "text": _str(["last June"] * n_events),
            "sentence": rng.integers(0, 10, n_events),
            "context": _str(["context"] * n_events),
            "date_start": np.where(unanchored, np.datetime64("NaT"), start).astype("datetime64[s]"),
            "date_end": np.where(unanchored, np.datetime64("NaT"), start + length).astype("datetime64[s]"),
            "precision": _cat(precision, ["day", "month", "year", "decade"]),
            "resolution": _cat(np.where(unanchored, 2, rng.integers(0, 2, n_events)), DATE_RESOLUTIONS),
            "anchor": pd.Series(np.full(n_events, np.datetime64("NaT"), dtype="datetime64[s]")),
            "kind": _str([None] * n_events),
            "entity_ids": _lists(rng.choice(n_ents, v_lens.sum() + 1, p=popularity), v_lens, ent_ids),
        }
    )
    tables = {"documents": documents, "entities": entities, "mentions": mentions, "claims": claims}
    tables.update(events=events, places=places)
    return Book(**{name: _labels(name, df) for name, df in tables.items()})


def _labels(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the columns the model declares ``labels`` (schema 1.4) made categoricals, as a Book read
    from a workspace holds them; with an older model (no such columns) ``df`` itself."""
    labels = [c.name for c in TABLES[name].columns if c.dtype == "labels"]
    if not labels:
        return df
    from workbook.labels import labels_series

    return df.assign(**{c: labels_series(df[c]) for c in labels if c in df.columns})


def arrow_lists(book: Book) -> Book:
    """``book`` with its list columns (``candidates``, ``entity_ids``, ``aliases``) as Arrow lists of strings."""
    lists = {"mentions": "candidates", "claims": "entity_ids", "events": "entity_ids", "entities": "aliases"}
    tables = {}
    for table, column in lists.items():
        df = book.table(table).copy()
        arr = pa.array(df[column], type=pa.list_(pa.string()), from_pandas=True)
        df[column] = pd.Series(pd.arrays.ArrowExtensionArray(arr), index=df.index)
        tables[table] = df
    return book.with_tables(**tables)


def _norm(w: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    return np.asarray(w / w.sum())


# -- the same semantics in SQL (for the fields the benchmark uses) -------------------------------------


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"{column} IN ({quoted})"


def _list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def _sql(spec: FilterSpec) -> tuple[list[str], list[str]]:
    """(setup statements, the six output queries) asking DuckDB what apply() computes. Only the
    temp tables a spec needs are built: d (surviving doc ids), fm (surviving mentions), and lens /
    c / v when the entity lens, claim fields or a date window are set."""
    lower_text = spec.text.lower().replace("'", "''")
    ent_cond = []
    if spec.entity_types:
        ent_cond.append(_in("CAST(e.type AS VARCHAR)", spec.entity_types))
    inside = "TRUE"
    if spec.bbox is not None:
        x0, y0, x1, y1 = spec.bbox
        lon = f"p.lon BETWEEN {x0} AND {x1}" if x0 <= x1 else f"(p.lon >= {x0} OR p.lon <= {x1})"
        inside = f"(p.lat BETWEEN {y0} AND {y1} AND {lon})"
        ent_cond.append(f"(p.entity_id IS NULL OR {inside})")
    claim_cond, event_cond, doc_cond = ["TRUE"], ["TRUE"], ["TRUE"]
    if spec.speakers:
        low = tuple(s.lower() for s in spec.speakers)
        claim_cond.append(f"({_in('speaker_id', spec.speakers)} OR {_in('lower(speaker_text)', low)})")
    if spec.quote_kinds:
        claim_cond.append(_in("CAST(quote_kind AS VARCHAR)", spec.quote_kinds))
    if spec.confidence_bands:
        claim_cond.append(_in("CAST(confidence AS VARCHAR)", spec.confidence_bands))
    if spec.text:
        claim_cond.append(f"contains(lower(text), '{lower_text}')")
        doc_cond.append(f"contains(lower(text), '{lower_text}')")
    if spec.entity_ids:
        in_list = f"list_has_any(entity_ids, {_list(spec.entity_ids)})"
        claim_cond.append(f"({_in('speaker_id', spec.entity_ids)} OR {in_list})")
        event_cond.append(in_list)
        doc_cond.append(f"doc_id IN (SELECT doc_id FROM mentions WHERE {_in('entity_id', spec.entity_ids)})")
    window = spec.date_from is not None or spec.date_to is not None
    if window:
        lo = (spec.date_from or date(1, 1, 1)).isoformat()
        hi = (spec.date_to or date(9999, 12, 31)).isoformat()
        event_cond.append(
            f"coalesce(date_start, date_end) <= TIMESTAMP '{hi}' AND coalesce(date_end, date_start) >= TIMESTAMP '{lo}'"
        )
    if spec.doc_ids:
        doc_cond.append(_in("doc_id", spec.doc_ids))
    if spec.publishers:
        doc_cond.append(_in("publisher", spec.publishers))
    setup = []
    lens_on = bool(ent_cond)
    if lens_on:
        setup.append(
            f"CREATE OR REPLACE TEMP TABLE lens AS SELECT e.entity_id, ({' AND '.join(ent_cond)}) AS ok, "
            "p.entity_id IS NOT NULL AS geo FROM entities e LEFT JOIN places p USING (entity_id)"
        )
        lens_docs = "doc_id IN (SELECT m.doc_id FROM mentions m JOIN lens l USING (entity_id) WHERE l.ok{})"
        if spec.entity_types:
            doc_cond.append(lens_docs.format(""))
        if spec.bbox is not None:
            doc_cond.append(lens_docs.format(" AND l.geo"))
    claims_where, events_where = " AND ".join(claim_cond), " AND ".join(event_cond)
    if spec.speakers or spec.quote_kinds or spec.confidence_bands:
        doc_cond.append(f"doc_id IN (SELECT doc_id FROM claims WHERE {claims_where})")
    if window:
        doc_cond.append(f"doc_id IN (SELECT doc_id FROM events WHERE {events_where})")
    setup.append(f"CREATE OR REPLACE TEMP TABLE d AS SELECT doc_id FROM documents WHERE {' AND '.join(doc_cond)}")
    if lens_on:
        keep = "l.ok" + (f" OR {_in('m.entity_id', spec.entity_ids)}" if spec.entity_ids else "")
        setup.append(
            "CREATE OR REPLACE TEMP TABLE fm AS SELECT m.* FROM mentions m JOIN lens l USING (entity_id) "
            f"WHERE m.doc_id IN (SELECT doc_id FROM d) AND ({keep})"
        )
    else:
        setup.append("CREATE OR REPLACE TEMP TABLE fm AS SELECT * FROM mentions WHERE doc_id IN (SELECT doc_id FROM d)")
    in_d = "doc_id IN (SELECT doc_id FROM d)"
    outputs = [
        f"SELECT * FROM documents WHERE {in_d}",
        "SELECT * FROM fm",
        f"SELECT * FROM claims WHERE {claims_where} AND {in_d}",
        f"SELECT * FROM events WHERE {events_where} AND {in_d}",
        "SELECT e.* REPLACE (k.n AS n_mentions, k.nd AS n_docs) FROM entities e JOIN (SELECT entity_id, "
        "count(*) AS n, count(DISTINCT doc_id) AS nd FROM fm GROUP BY entity_id) k USING (entity_id)",
        "SELECT p.* FROM places p WHERE entity_id IN (SELECT entity_id FROM fm)"
        + (f" AND {inside}" if spec.bbox is not None else ""),
    ]
    return setup, outputs


def duckdb_run(con: duckdb.DuckDBPyConnection, spec: FilterSpec) -> dict[str, int]:
    setup, outputs = _sql(spec)
    for s in setup:
        con.execute(s)
    tables = [con.sql(s).to_arrow_table() for s in outputs]
    return {name: t.num_rows for name, t in zip(TABLE_ORDER, tables, strict=True)}


def duckdb_mentions(con: duckdb.DuckDBPyConnection, spec: FilterSpec) -> int:
    """The filtered mentions table only (what ``wb.apply(...).mentions`` answers)."""
    setup, outputs = _sql(spec)
    for s in setup:
        con.execute(s)
    return int(con.sql(outputs[TABLE_ORDER.index("mentions")]).to_arrow_table().num_rows)


def eager_apply(book: Book, spec: FilterSpec, index: FilterIndex) -> dict[str, pd.DataFrame]:
    """The masks and every filtered table copied at once (apply before lazy filtered Books)."""
    masks = compute_masks(spec, index)
    return {name: masks.take(book, name) for name in TABLE_ORDER}


def notebook_apply(book: Book, spec: FilterSpec) -> int:
    """A notebook cell: ``wb.apply`` without an index, then read the filtered mentions table."""
    return len(apply(book, spec).mentions)


def cold_apply(book: Book, spec: FilterSpec) -> int:
    """:func:`notebook_apply` for a spec the Book keeps no filtered Book of (its index kept)."""
    book._memo.pop("recent_views", None)
    return len(apply(book, spec).mentions)


# -- timing ----------------------------------------------------------------------------------------------


def timeit(fn: Callable[[], Any], runs: int, clock: Callable[[], float] = time.perf_counter) -> tuple[float, float]:
    for _ in range(2):
        fn()
    times = []
    for _ in range(runs):
        t = clock()
        fn()
        times.append((clock() - t) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


def specs(book: Book) -> dict[str, FilterSpec]:
    ents = book.entities
    persons = ents.loc[ents["type"] == "person", "entity_id"].tolist()
    places = ents.loc[ents["type"] == "place", "entity_id"].tolist()
    return {
        "one entity (top person)": FilterSpec(entity_ids=(persons[0],)),
        "three mid entities": FilterSpec(entity_ids=(persons[50], persons[51], places[30])),
        "date window (a month)": FilterSpec(date_from=date(2018, 6, 1), date_to=date(2018, 6, 30)),
        "publisher": FilterSpec(publishers=("Outlet 3",)),
        "speaker + direct": FilterSpec(speakers=(persons[1],), quote_kinds=("direct",)),
        "text 'submarine'": FilterSpec(text="Submarine"),
        "bbox Korea": FilterSpec(bbox=(124.0, 37.5, 131.0, 43.0)),
        "entity + window + bands": FilterSpec(
            entity_ids=(persons[0],),
            date_from=date(2010, 1, 1),
            date_to=date(2019, 12, 31),
            confidence_bands=("likely", "very likely", "almost certain"),
        ),
        "type=person (broad)": FilterSpec(entity_types=("person",)),
    }


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = 1M mentions, 100k claims/events/docs")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    ap.add_argument(
        "--modes", nargs="+", choices=MODES, default=list(MODES), help="what to time (default: all; others: nan)"
    )
    ap.add_argument("--no-duckdb", action="store_true", help="skip DuckDB (its load, its timings and its row counts)")
    ap.add_argument(
        "--cpu", action="store_true", help="time this process's CPU seconds, not wall time (steadier when busy)"
    )
    ap.add_argument("--arrow-lists", action="store_true", help="hold the list columns as Arrow lists, not Python lists")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    book = synth_book(args.scale)
    if args.arrow_lists:
        book = arrow_lists(book)
    print(f"synthesised {book!r} in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    index = FilterIndex.of(book)  # the Book's own: wb.apply below reuses it
    getattr(index, "build_all", lambda: index)()  # every part now (an index built part by part has this)
    print(f"FilterIndex.build: {time.perf_counter() - t:.2f} s (paid by every wb.apply call before it was cached)")

    con = None if args.no_duckdb else duckdb.connect(":memory:")
    if con is not None:
        con.execute(f"SET threads = {args.threads}")
        t = time.perf_counter()
        for name in TABLE_ORDER:
            arrow = pa.Table.from_pandas(book.table(name), preserve_index=False)
            con.register(f"{name}_arrow", arrow)
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_arrow")
            con.unregister(f"{name}_arrow")
        print(f"DuckDB load: {time.perf_counter() - t:.1f} s (threads={args.threads})")
    print(f"load average before timing: {_load()} on {os.cpu_count()} cores (other jobs inflate p95)\n")

    header = f"{'spec':28} {'docs':>7} {'mentions':>9} {'masks p50/p95':>14} {'eager p50/p95':>14} "
    header += f"{'cold p50/p95':>14} {'wb.apply p50/p95':>16} {'duck-m p50/p95':>15} {'duck-6 p50/p95':>15} "
    header += f"{'duck-m/cold p95':>15} {'duck-m/wb.apply p95':>19}"
    print(header)
    print("-" * len(header))
    failures = 0
    for label, spec in specs(book).items():
        counts = compute_masks(spec, index).counts()
        view = apply(book, spec, index=index)
        ours = {n: len(view.table(n)) for n in TABLE_ORDER}
        duck_counts = ours if con is None else duckdb_run(con, spec)
        eager = {n: len(df) for n, df in eager_apply(book, spec, index).items()}
        if ours != counts or ours != duck_counts or ours != eager:
            failures += 1
            print(f"MISMATCH {label}: apply={ours} masks={counts} eager={eager} duckdb={duck_counts}")
        timed = {
            "masks": partial(compute_masks, spec, index),
            "eager": partial(eager_apply, book, spec, index),
            "cold": partial(cold_apply, book, spec),
            "wb.apply": partial(notebook_apply, book, spec),
            "duck-m": partial(duckdb_mentions, con, spec),
            "duck-6": partial(duckdb_run, con, spec),
        }
        nan = (float("nan"), float("nan"))
        clock = time.process_time if args.cpu else time.perf_counter
        wanted = [m for m in args.modes if con is not None or not m.startswith("duck")]
        mk, eg, cd, nb, dm, d6 = (timeit(fn, args.runs, clock) if mode in wanted else nan for mode, fn in timed.items())
        print(
            f"{label:28} {ours['documents']:>7} {ours['mentions']:>9} {mk[0]:>6.1f}/{mk[1]:<7.1f} "
            f"{eg[0]:>6.1f}/{eg[1]:<7.1f} {cd[0]:>6.1f}/{cd[1]:<7.1f} {nb[0]:>8.2f}/{nb[1]:<7.2f} "
            f"{dm[0]:>7.1f}/{dm[1]:<7.1f} {d6[0]:>7.1f}/{d6[1]:<7.1f} {dm[1] / cd[1]:>14.1f}x "
            f"{dm[1] / nb[1]:>18.0f}x"
        )
    print("\nmasks = numpy bitmaps only; eager = masks + six filtered pandas tables; cold = apply() with the Book's")
    print("index for a spec it keeps no view of, mentions read; wb.apply = the same spec again (the kept view);")
    print("duck-m / duck-6 = DuckDB in memory, mentions / six tables.")
    print(f"load average after timing: {_load()}")
    if failures:
        print(f"{failures} spec(s) disagree between apply and DuckDB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
