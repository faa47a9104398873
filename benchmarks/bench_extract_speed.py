"""Extraction speed beside spaCy's bare tokenizer, in MB of text per CPU-second, measured side by side.

Runs, over the same texts (by default the KCNA 2024 archive) and in one process:

* spaCy's ``blank("en")`` tokenizer (``tokenizer.pipe``), the yardstick of the issue's speed goal;
* the default extractor step by step (sentences → entities → acronyms → claims → events → table rows,
  as :meth:`workbook.extract.pipeline.DefaultExtractor.extract` and the build run them) and the
  corpus assembly (:func:`workbook.assemble.assemble_tables`, with the corpus-wide entity links);
* optionally (``--build``) a whole default build into a temporary folder (ingest, extraction,
  assembly, Parquet), timed the same way (with any worker processes); with ``--by-stage`` its CPU
  is also attributed to its pieces (ingest, normalisation, each extraction stage, rows to column
  batches, entity links, Parquet...) by ``time.process_time`` around each (:mod:`build_stages`).

Duplicate records are measured once, as the build extracts them once, so every figure is over the same
distinct texts.

CPU time is ``time.process_time`` (this process only, so other users of the machine count less than
in wall time); each measurement is repeated ``--repeats`` times and the median is shown. The goal is
extraction at >= 0.5 x the tokenizer's MB/cpu-s.

    .venv/bin/python benchmarks/bench_extract_speed.py                 # kcna-2024, 3 repeats
    .venv/bin/python benchmarks/bench_extract_speed.py --repeats 5 --build
    .venv/bin/python benchmarks/bench_extract_speed.py --repeats 3 --build --by-stage
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_stages import timed_build
from corpora import corpus, default_data_dir, load_average
from profile_extract import documents

from workbook.assemble import DocRows, assemble_tables, extraction_rows
from workbook.engines import base as engines_base
from workbook.extract import entities as entities_module
from workbook.extract.acronyms import link_acronyms
from workbook.extract.base import DocumentInput, Extraction
from workbook.extract.claims import extract_claims
from workbook.extract.entities import extract_entities
from workbook.extract.events import extract_events
from workbook.extract.pipeline import DefaultExtractor
from workbook.extract.sentences import split_sentences

STAGES = ("sentences", "entities", "acronyms", "claims", "events", "rows")


def stage_times(ex: DefaultExtractor, docs: list[DocumentInput]) -> tuple[dict[str, float], list[DocRows]]:
    """CPU seconds per stage over all documents, each stage fed the previous stages' output (as
    ``DefaultExtractor.extract_many`` does, the entity stage over 32 documents at a time as in a build,
    or one at a time in a tree without it; the watchlist step is absent from the default extractor)."""
    out = dict.fromkeys(STAGES, 0.0)
    rows: list[DocRows] = []
    clock = time.process_time

    def timed(key: str, fn: Callable[[], Any]) -> Any:
        t = clock()
        result = fn()
        out[key] += clock() - t
        return result

    batch_call = getattr(entities_module, "extract_entities_batch", None)  # absent in trees before round eight
    step = getattr(engines_base, "EXTRACT_DOCS", 32) if batch_call is not None else 1
    for k in range(0, len(docs), step):
        part = docs[k : k + step]
        sents = [timed("sentences", lambda: split_sentences(d.text)) for d in part]  # noqa: B023
        if batch_call is not None:  # the learned stage over the batch, as a build runs it
            found = timed(
                "entities",
                lambda: batch_call(
                    [(d.text, s) for d, s in zip(part, sents, strict=True)],  # noqa: B023
                    ex.gazetteer,
                    ex.entity_model,
                ),
            )
        else:
            found = [
                timed("entities", lambda: extract_entities(d.text, s, ex.gazetteer, ex.entity_model))  # noqa: B023
                for d, s in zip(part, sents, strict=True)
            ]
        for doc, sentences, (ents, ments, places) in zip(part, sents, found, strict=True):
            text = doc.text
            ents, ments, places = timed("acronyms", lambda: link_acronyms(text, sentences, ents, ments, places))  # noqa: B023
            claims = timed("claims", lambda: extract_claims(text, sentences, ents, ments))  # noqa: B023
            spans = [(m.start, m.end, m.entity_key) for m in ments]
            events = timed("events", lambda: extract_events(text, sentences, doc.published, spans))  # noqa: B023
            extraction = Extraction(entities=ents, mentions=ments, claims=claims, events=events, places=places)
            rows.append(timed("rows", lambda: extraction_rows(doc.doc_id, text, extraction)))  # noqa: B023
    return out, rows


def tokenizer_seconds(texts: list[str]) -> float:
    import spacy

    tok = spacy.blank("en").tokenizer
    t = time.process_time()
    for _ in tok.pipe(texts, batch_size=256):
        pass
    return time.process_time() - t


def assemble_seconds(rows: list[DocRows]) -> float:
    """The corpus tables from the documents' rows (the documents table itself is left out)."""
    t = time.process_time()
    assemble_tables([], rows, [])
    return time.process_time() - t


def build_seconds(name: str, data: Path, pieces: list[dict[str, float]] | None = None) -> float:
    """CPU seconds of a whole default build of corpus ``name``; with ``pieces``, timed piece by piece
    (:func:`build_stages.timed_build`) and the pieces' seconds appended to it."""
    from workbook.build import build

    c = corpus(name, data)
    if c is None:
        raise SystemExit(f"corpus {name} is not available here")
    if pieces is not None:
        total, by_piece = timed_build(list(c.paths), c.mapping)
        pieces.append(by_piece)
        return total
    with tempfile.TemporaryDirectory() as tmp:
        t = _cpu_with_children()
        build(list(c.paths), Path(tmp) / "ws", mapping=c.mapping, progress=False, force=True)
        return _cpu_with_children() - t


def _cpu_with_children() -> float:
    """CPU seconds of this process and of its finished children (the build may extract in workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--corpus", default="kcna-2024")
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--limit", type=int, default=None, help="at most this many documents")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--build", action="store_true", help="also time a whole default build")
    ap.add_argument("--by-stage", action="store_true", help="with --build: the build's CPU piece by piece")
    args = ap.parse_args(argv)

    docs = documents(args.corpus, args.data, args.limit)
    first: dict[str, DocumentInput] = {}
    for d in docs:  # the build extracts each distinct text once (kcna-2024: 2,111 records, 1,300 texts)
        first.setdefault(d.text.strip(), d)
    docs = list(first.values())
    texts = [d.text for d in docs]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    ex = DefaultExtractor()
    print(f"{args.corpus}: {len(docs)} documents, {mb:.2f} MB; {args.repeats} repeats; load {load_average()}")

    tok, per_stage, assemble, builds = [], [], [], []
    pieces: list[dict[str, float]] | None = [] if args.by_stage else None
    for _ in range(args.repeats):  # interleaved, so a busy spell on the machine hits both alike
        tok.append(tokenizer_seconds(texts))
        stages, rows = stage_times(ex, docs)
        per_stage.append(stages)
        assemble.append(assemble_seconds(rows))
        if args.build:
            builds.append(build_seconds(args.corpus, args.data, pieces))

    med = {k: statistics.median(s[k] for s in per_stage) for k in STAGES}
    med["assemble"] = statistics.median(assemble)
    total = sum(med.values())
    tok_s = statistics.median(tok)
    print(f"\n{'stage':12} {'cpu s':>7} {'MB/cpu-s':>9} {'share':>6}")
    for k, v in med.items():
        print(f"{k:12} {v:>7.2f} {mb / v if v else float('inf'):>9.2f} {v / total:>6.1%}")
    print(f"{'extraction':12} {total:>7.2f} {mb / total:>9.2f}   (all stages and the assembly)")
    print(f"{'tokenizer':12} {tok_s:>7.2f} {mb / tok_s:>9.2f}   (spaCy blank('en'), same text)")
    if builds:
        b = statistics.median(builds)
        print(f"{'build':12} {b:>7.2f} {mb / b:>9.2f}   (whole default build: ingest, extract, assemble, write)")
    if pieces:
        names = list(dict.fromkeys(k for p in pieces for k in p))
        print(f"\n{'piece of the build (CPU s, median)':42} {'cpu s':>7} {'share':>6}")
        b = statistics.median(builds)
        for k in names:
            v = statistics.median(p.get(k, 0.0) for p in pieces)
            print(f"{k:42} {v:>7.2f} {v / b:>6.1%}")
    print(f"\nextraction / tokenizer speed: {tok_s / total:.2f} (goal >= 0.5)")
    if builds:
        print(f"build / tokenizer speed: {tok_s / statistics.median(builds):.2f}")
    print(f"load average at end: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
