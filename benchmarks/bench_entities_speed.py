"""Per-document cost of the learned entity stage on the KCNA 2024 archive, beside spaCy's bare tokenizer.

    python -m benchmarks.bench_entities_speed [--docs 600]

Prints MB per CPU second for ``spacy.blank("en")``'s tokenizer (when spaCy is installed), the default
extractor without the classifier (``entity_model=None``), the default extractor, and the classifier
stage alone (tokens, candidates, features, one matrix product, decoding), all over the same documents.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from workbook.extract.base import DocumentInput
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.ner_model import default_entity_model
from workbook.extract.pipeline import DefaultExtractor

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _time(name: str, texts: Sequence[str], fn: Callable[[int, str], object]) -> None:
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t0 = time.process_time()
    for i, t in enumerate(texts):
        fn(i, t)
    dt = time.process_time() - t0
    print(f"| {name} | {mb / dt:.2f} MB/cpu-s | {1000 * dt / len(texts):.2f} ms/doc |")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--docs", type=int, default=600)
    args = ap.parse_args(argv)
    records = json.loads((args.data / "kcna-archive_stiles" / "headlines_2024-11-11.json").read_text("utf-8"))
    texts = [r["story_text"] or "" for r in records][: args.docs]
    print(f"{len(texts)} KCNA documents\n\n| stage | throughput | per document |\n|---|---|---|")
    try:
        import spacy

        tok = spacy.blank("en").tokenizer
        _time("spaCy blank('en') tokenizer", texts, lambda i, t: tok(t))
    except ImportError:
        print("spaCy not installed: no tokenizer reference")
    rules, full = DefaultExtractor(entity_model=None), DefaultExtractor()
    _time("default extractor, rules only", texts, lambda i, t: rules.extract(DocumentInput(str(i), t)))
    _time("default extractor (rules + classifier)", texts, lambda i, t: full.extract(DocumentInput(str(i), t)))
    gaz, model = builtin_gazetteer(), default_entity_model()
    # the gazetteer's own type_of, as the extractor passes it (the classifier reuses features while it is the same)
    _time("classifier stage alone", texts, lambda i, t: model.predict_with_probs(t, gaz.type_of))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
