"""Where the default extractor spends its time, per step and per function.

Runs the steps of :meth:`workbook.extract.pipeline.DefaultExtractor.extract` one by one over the same
documents (sentences → entities and mentions → claims → events), plus :func:`workbook.assemble.extraction_rows`,
and prints each step's seconds, MB/s and share, beside a spaCy ``blank("en")`` tokenizer pass over the same
text. Then profiles the whole extraction (pyinstrument when installed, else cProfile) and prints the
functions of ``workbook/extract`` with the most time of their own.

    .venv/bin/python benchmarks/profile_extract.py --corpus kcna-2024
    .venv/bin/python benchmarks/profile_extract.py --corpus synth-1k --limit 500 --top 30
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import corpus, default_data_dir, load_average

from workbook.assemble import extraction_rows
from workbook.extract.base import DocumentInput, Extraction
from workbook.extract.claims import extract_claims
from workbook.extract.entities import extract_entities
from workbook.extract.events import extract_events
from workbook.extract.pipeline import DefaultExtractor
from workbook.extract.sentences import split_sentences
from workbook.ingest import RawDocument, iter_documents


def documents(name: str, data: Path, limit: int | None) -> list[DocumentInput]:
    c = corpus(name, data)
    if c is None:
        raise SystemExit(f"corpus {name} is not available here")
    docs = []
    for item in iter_documents(list(c.paths), mapping=c.mapping):
        if isinstance(item, RawDocument):
            docs.append(DocumentInput(f"d{len(docs)}", item.text, item.title or "", item.published, item.language))
        if limit and len(docs) >= limit:
            break
    return docs


def steps(ex: DefaultExtractor, docs: list[DocumentInput]) -> dict[str, float]:
    """Seconds per step over all documents (each step gets the previous steps' outputs, as in extract)."""
    out = dict.fromkeys(("sentences", "entities", "claims", "events", "rows"), 0.0)

    def timed(key: str, fn: Callable[[], Any]) -> Any:
        t = time.perf_counter()
        result = fn()
        out[key] += time.perf_counter() - t
        return result

    for doc in docs:
        text = doc.text
        sentences = timed("sentences", lambda: split_sentences(text))  # noqa: B023
        entities, mentions, places = timed("entities", lambda: extract_entities(text, sentences, ex.gazetteer))  # noqa: B023
        claims = timed("claims", lambda: extract_claims(text, sentences, entities, mentions))  # noqa: B023
        spans = [(m.start, m.end, m.entity_key) for m in mentions]
        events = timed("events", lambda: extract_events(text, sentences, doc.published, spans))  # noqa: B023
        extraction = Extraction(entities=entities, mentions=mentions, claims=claims, events=events, places=places)
        timed("rows", lambda: extraction_rows(doc.doc_id, text, extraction))  # noqa: B023
    return out


def profile(ex: DefaultExtractor, docs: list[DocumentInput], top: int) -> str:
    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None
    if Profiler is not None:
        prof = Profiler(interval=0.001)
        prof.start()
        for d in docs:
            extraction_rows(d.doc_id, d.text, ex.extract(d))
        prof.stop()
        return str(prof.output_text(unicode=False, color=False, show_all=False, short_mode=True))
    cp = cProfile.Profile()
    cp.enable()
    for d in docs:
        extraction_rows(d.doc_id, d.text, ex.extract(d))
    cp.disable()
    buf = io.StringIO()
    pstats.Stats(cp, stream=buf).sort_stats("tottime").print_stats("workbook", top)
    return buf.getvalue()


def own_time_by_function(ex: DefaultExtractor, docs: list[DocumentInput], top: int) -> str:
    """cProfile's own time (tottime) per function, all modules, top ``top``: where the CPU actually goes."""
    cp = cProfile.Profile()
    cp.enable()
    for d in docs:
        extraction_rows(d.doc_id, d.text, ex.extract(d))
    cp.disable()
    stats = pstats.Stats(cp)
    rows = []
    total = 0.0
    for (filename, line, func), (_cc, _nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        total += tt
        short = filename.split("/site-packages/")[-1].split("/workbook/")[-1]
        rows.append((tt, ct, f"{short}:{line}({func})"))
    rows.sort(reverse=True)
    lines = [f"{'own s':>8} {'share':>6} {'cum s':>8}  function"]
    lines += [f"{tt:>8.2f} {tt / total:>6.1%} {ct:>8.2f}  {name}" for tt, ct, name in rows[:top]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--corpus", default="kcna-2024")
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--limit", type=int, default=None, help="at most this many documents")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--tree", action="store_true", help="also print pyinstrument's call tree")
    args = ap.parse_args(argv)

    docs = documents(args.corpus, args.data, args.limit)
    mb = sum(len(d.text.encode()) for d in docs) / 1e6
    ex = DefaultExtractor()
    print(f"{args.corpus}: {len(docs)} documents, {mb:.2f} MB; load average {load_average()}\n")

    import spacy

    tok = spacy.blank("en").tokenizer
    t = time.perf_counter()
    for _ in tok.pipe([d.text for d in docs], batch_size=256):
        pass
    tok_s = time.perf_counter() - t
    by_step = steps(ex, docs)
    total = sum(by_step.values())
    print(f"{'step':12} {'seconds':>8} {'MB/s':>8} {'share':>6}")
    for k, v in by_step.items():
        print(f"{k:12} {v:>8.2f} {mb / v:>8.2f} {v / total:>6.1%}")
    print(f"{'extraction':12} {total:>8.2f} {mb / total:>8.2f} {1:>6.0%}")
    print(f"{'tokenizer':12} {tok_s:>8.2f} {mb / tok_s:>8.2f}   (spaCy blank('en'), same text)")
    print(f"\nextraction / tokenizer speed: {tok_s / total:.2f} (goal >= 1)\n")
    print(own_time_by_function(ex, docs, args.top))
    if args.tree:
        print("\n" + profile(ex, docs, args.top))
    print(f"\nload average at end: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
