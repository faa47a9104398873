"""A fingerprint of the default extractor's whole output, to check that a speed-up changes nothing.

Runs :class:`workbook.extract.pipeline.DefaultExtractor` (rules + the learned entity stage) over

* every 5th distinct text of the KCNA 2024 archive (``kcna-2024``, about 260 documents),
* the GUM news texts (``gum-news_amir-zeldes``, 24 documents, rebuilt from their tokens),
* the seed document (``seeds/``),

and hashes the entities, mentions, places, claims and events (every field) plus the table rows made
from them (:func:`workbook.assemble.extraction_rows`) and the corpus tables assembled from the rows
(:func:`workbook.assemble.assemble_tables`, with the corpus-wide entity links).

    .venv/bin/python benchmarks/fingerprint_extract.py                 # print the hash per set
    .venv/bin/python benchmarks/fingerprint_extract.py --save fp.json  # keep the hashes
    .venv/bin/python benchmarks/fingerprint_extract.py --check fp.json # exit 1 when any hash differs
    .venv/bin/python benchmarks/fingerprint_extract.py --check fp.json --batch 32  # documents 32 at a time

The hashes depend on the rules, the model and the gazetteer, so they are kept beside a working copy
(``--save``) rather than in the repository: compare before and after a change that should not change
what is found.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import SHARED_DATA, default_data_dir
from ner_data import gum_docs
from profile_extract import documents

from workbook.assemble import assemble_tables, extraction_rows
from workbook.extract.base import DocumentInput
from workbook.extract.pipeline import DefaultExtractor

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def fingerprint_sets(data: Path) -> dict[str, list[DocumentInput]]:
    """The document sets to fingerprint, by name (a set whose source is absent is left out)."""
    sets: dict[str, list[DocumentInput]] = {}
    if (SHARED_DATA / "kcna-archive_stiles").is_dir():
        first: dict[str, DocumentInput] = {}
        for d in documents("kcna-2024", data, None):
            first.setdefault(d.text.strip(), d)
        sets["kcna-2024 every 5th"] = list(first.values())[::5]
    gum = SHARED_DATA / "gum-news_amir-zeldes"
    if gum.is_dir():
        sets["gum-news"] = [DocumentInput(d.doc_id, d.text) for d in gum_docs(gum)]
    seeds = sorted(SEEDS.glob("*.txt"))
    if seeds:
        sets["seed"] = [DocumentInput(p.stem, p.read_text(encoding="utf-8")) for p in seeds]
    return sets


def _cell(v: Any) -> str:
    """A cell as text, whatever the column's dtype: a missing value (None, NaN, NA, NaT) is one thing, so
    that holding a column as a categorical or an Arrow string does not change the hash."""
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
        return "None"
    return repr(v.tolist() if hasattr(v, "tolist") and not isinstance(v, str) else v)


def _frame_rows(frame: Any) -> list[Any]:
    cols = [frame[c].astype(object) for c in frame.columns]
    return [[_cell(v) for v in row] for row in zip(*cols, strict=True)] + [list(frame.columns)]


def digest(ex: DefaultExtractor, docs: list[DocumentInput], batch: int = 0) -> str:
    """The hash of every document's extraction, its rows and the assembled tables; with ``batch``,
    documents are extracted that many at a time (``extract_many``), else one by one (``extract``)."""
    h = hashlib.sha256()
    rows = []
    found = (
        [x for k in range(0, len(docs), batch) for x in ex.extract_many(docs[k : k + batch])]
        if batch > 0
        else map(ex.extract, docs)
    )
    for d, out in zip(docs, found, strict=True):
        h.update(json.dumps(dataclasses.asdict(out), sort_keys=True, default=str).encode())
        r = extraction_rows(d.doc_id, d.text, out)
        rows.append(r)
        h.update(json.dumps(dataclasses.asdict(r), sort_keys=True, default=str).encode())
    tables = assemble_tables([], rows, [])
    for name in sorted(tables):
        h.update(f"{name}:".encode() + json.dumps(_frame_rows(tables[name]), default=str).encode())
    return h.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--save", type=Path, help="write the hashes to this JSON file")
    ap.add_argument("--check", type=Path, help="compare with the hashes in this JSON file")
    ap.add_argument("--batch", type=int, default=0, help="extract this many documents at a time (extract_many)")
    args = ap.parse_args(argv)
    ex = DefaultExtractor()
    got = {name: digest(ex, docs, args.batch) for name, docs in fingerprint_sets(args.data).items()}
    for name, h in got.items():
        print(f"{name:24} {h}")
    if args.save:
        args.save.write_text(json.dumps(got, indent=1), encoding="utf-8")
    if args.check:
        want = json.loads(args.check.read_text(encoding="utf-8"))
        bad = [k for k in want if got.get(k) != want[k]]
        if bad:
            print("CHANGED: " + ", ".join(bad))
            return 1
        print("identical")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
