"""CPU of the learned entity stage as a build runs it: the entity stage over batches of documents, with
the classifier's part (``EntityModel.predict_batch``: candidates, feature ids, scores, pooling, decoding)
timed on its own, directly (no profiler).

    PYTHONPATH=<tree> .venv/bin/python benchmarks/bench_learned_stage.py [--repeats 3] [--batch 32]

Over the distinct texts of a corpus (default KCNA 2024), each pass with a fresh extractor (a cold word
table, as a build starts) and then the same extractor again (warm), the garbage collector held back as
in a build (:func:`workbook.collector.quiet_collector`). Prints CPU seconds
(``time.process_time``) of the whole entity stage and of its learned part, the median over the passes,
with the load average. Run it once per tree (``PYTHONPATH``), trees alternating, to compare them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import default_data_dir, load_average
from profile_extract import documents

import workbook
from workbook.collector import quiet_collector
from workbook.extract.entities import extract_entities_batch
from workbook.extract.ner_model import EntityModel
from workbook.extract.pipeline import DefaultExtractor
from workbook.extract.sentences import split_sentences


def _pass(texts: list[str], sents: list[Any], ex: DefaultExtractor, batch: int) -> tuple[float, float]:
    """CPU seconds of the entity stage and of its learned part over ``texts``, ``batch`` at a time."""
    learned = [0.0]
    plain: Callable[..., Any] = EntityModel.predict_batch

    def timed(self: EntityModel, *args: Any, **kw: Any) -> Any:
        t = time.process_time()
        try:
            return plain(self, *args, **kw)
        finally:
            learned[0] += time.process_time() - t

    EntityModel.predict_batch = timed  # type: ignore[method-assign]
    try:
        t0 = time.process_time()
        for k in range(0, len(texts), batch):
            extract_entities_batch(
                list(zip(texts[k : k + batch], sents[k : k + batch], strict=True)), ex.gazetteer, ex.entity_model
            )
        return time.process_time() - t0, learned[0]
    finally:
        EntityModel.predict_batch = plain  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--corpus", default="kcna-2024")
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch", type=int, default=32, help="documents per call, as a build runs them")
    args = ap.parse_args(argv)
    first: dict[str, str] = {}
    for d in documents(args.corpus, args.data, None):  # each distinct text once, as a build extracts it
        first.setdefault(d.text.strip(), d.text)
    texts = list(first.values())
    sents = [split_sentences(t) for t in texts]
    print(f"{workbook.__file__}: {args.corpus}, {len(texts)} distinct texts; load {load_average()}")
    cold, warm = [], []
    for _ in range(args.repeats):
        ex = DefaultExtractor()
        model = ex.entity_model
        assert model is not None
        model._featurizer.__init__(model.bits, model.common, model.names)  # type: ignore[misc]  # a cold word table
        with quiet_collector():  # as a build runs the extractor
            cold.append(_pass(texts, sents, ex, args.batch))
            warm.append(_pass(texts, sents, ex, args.batch))
    for name, runs in (("cold", cold), ("warm", warm)):
        stage = statistics.median(r[0] for r in runs)
        part = statistics.median(r[1] for r in runs)
        print(f"{name}: entity stage {stage:.2f} CPU-s, learned part {part:.2f} CPU-s")
    print(f"load after: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
