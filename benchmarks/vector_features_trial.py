"""Speed round seven's trial: the entity classifier's features as integer ids per word, gathered per
candidate with numpy (``benchmarks/vector_features.py``), against the package's featurizer.

    python -m benchmarks.vector_features_trial                 # KCNA 2024's distinct texts, 3 repeats
    python -m benchmarks.vector_features_trial --repeats 5 --limit 400

First a check: for every text, each candidate's ids from :class:`~benchmarks.vector_features.VectorFeaturizer`
are the buckets of the package's feature strings (``workbook.extract.ner_featurize.featurize``), as a
multiset; so the shipped weights score them unchanged. Then CPU seconds, median of the repeats, of a
cold pass (a fresh featurizer: what a build pays, each text extracted once) and a warm pass (the same
featurizer again) for: the package's ``doc_context`` + ``Featurizer.rows`` and the trial's ``matrix``
(both from the same tokens and candidates), then scoring (the package's ``probabilities`` of the rows;
the trial's gather and sum of the id matrix), the two run alternately in each repeat.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np

from benchmarks.corpora import default_data_dir, load_average
from benchmarks.profile_extract import documents
from benchmarks.vector_features import VectorFeaturizer
from workbook.extract.ner_features import Candidate, DocContext, Tokens, candidates, doc_context, tokens
from workbook.extract.ner_featurize import Featurizer, bucket, masked_crc
from workbook.extract.pipeline import DefaultExtractor

__all__ = ["batched", "main", "mismatches"]

Prepared = list[tuple[Tokens, list[Candidate], np.ndarray]]
GazType = Callable[[str], "str | None"]


def mismatches(
    prepared: Prepared,
    gaz_type: GazType,
    model_bits: int,
    common: frozenset[str],
    names: dict[str, str],
) -> tuple[int, int]:
    """(candidates whose ids differ from the buckets of their feature strings, candidates)."""
    strings = Featurizer(str, common, names)
    vec = VectorFeaturizer(model_bits, common, names)
    bad = total = 0
    for toks, cands, arr in prepared:
        rows = strings.rows(toks, cands, _context(toks, cands), gaz_type)
        ids, _ = vec.matrix(toks, arr, gaz_type)
        for row, strs in zip(ids.tolist(), rows, strict=True):
            total += 1
            got = Counter(x for x in row if x != vec.absent)
            bad += got != Counter(bucket(f, model_bits) for f in strs)
    return bad, total


def _context(toks: Tokens, cands: list[Candidate]) -> DocContext:
    return doc_context("", toks, cands)  # the text itself is not read


def _package_rows(package: Featurizer[int], prepared: Prepared, gaz_type: GazType) -> list[list[list[int]]]:
    return [package.rows(t, c, _context(t, c), gaz_type) for t, c, _ in prepared]


def _trial_matrix(vec: VectorFeaturizer, prepared: Prepared, gaz_type: GazType) -> list[np.ndarray]:
    return [vec.matrix(t, a, gaz_type)[0] for t, _, a in prepared]


def batched(prepared: Prepared, size: int) -> Prepared:
    """Documents joined ``size`` at a time into one token list and one candidate array (token indices
    shifted), to time the trial's cost per numpy call with more candidates. A cost model only: the
    document-level features of a joined batch are read over the batch, and the words around a candidate
    at a document's edge are the next document's, so these ids are not the per-document ones."""
    out: Prepared = []
    for k in range(0, len(prepared), size):
        part = prepared[k : k + size]
        cols: list[list[object]] = [[], [], [], [], [], []]
        arrays, cands, shift = [], [], 0
        for toks, cs, arr in part:
            for col, values in zip(cols, toks._columns(), strict=True):
                col.extend(values)
            moved = arr.copy()
            moved[:, :4] += shift
            arrays.append(moved)
            cands.extend(cs)
            shift += len(toks)
        out.append((Tokens(*cols), cands, np.concatenate(arrays)))  # type: ignore[arg-type]
    return out


def _timed(times: dict[str, list[float]], key: str, fn: Callable[..., object], *args: object) -> None:
    t = time.process_time()
    fn(*args)
    times.setdefault(key, []).append(time.process_time() - t)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--corpus", default="kcna-2024")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument(
        "--batch", type=int, default=0, help="also time the trial over documents joined this many at a time"
    )
    args = ap.parse_args(argv)
    first: dict[str, str] = {}
    for d in documents(args.corpus, args.data, args.limit):
        first.setdefault(d.text.strip(), d.text)
    texts = list(first.values())
    ex = DefaultExtractor()
    model, gaz_type = ex.entity_model, ex.gazetteer.type_of
    if model is None:
        raise SystemExit("the default extractor has no entity model")
    prepared: Prepared = []
    for text in texts:
        toks = tokens(text)
        cands = candidates(text, toks)
        if cands:
            prepared.append((toks, cands, np.array(cands, dtype=np.int64)))
    n_cands = sum(len(c) for _, c, _ in prepared)
    print(
        f"{args.corpus}: {len(texts)} distinct texts, {len(prepared)} with {n_cands} candidates; load {load_average()}"
    )
    bad, total = mismatches(prepared, gaz_type, model.bits, model.common, dict(model.names))
    print(f"ids equal to the buckets of the feature strings: {total - bad} of {total} candidates")
    weights = np.zeros((len(model.weights) + 1, len(model.classes)), dtype=np.float32)
    weights[:-1] = model.weights
    times: dict[str, list[float]] = {}
    for _ in range(args.repeats):
        package = Featurizer(partial(masked_crc, (1 << model.bits) - 1), model.common, model.names)
        vec = VectorFeaturizer(model.bits, model.common, model.names)
        for phase in ("cold", "warm"):
            _timed(times, f"package rows, {phase}", _package_rows, package, prepared, gaz_type)
            _timed(times, f"trial matrix, {phase}", _trial_matrix, vec, prepared, gaz_type)
        if args.batch > 1:
            joined, vec_b = batched(prepared, args.batch), VectorFeaturizer(model.bits, model.common, model.names)
            for phase in ("cold", "warm"):
                _timed(
                    times, f"trial matrix, {args.batch} docs a call, {phase}", _trial_matrix, vec_b, joined, gaz_type
                )
        rows = _package_rows(package, prepared, gaz_type)
        mats = _trial_matrix(vec, prepared, gaz_type)
        _timed(times, "package scoring", lambda r: [model.probabilities(x) for x in r], rows)
        _timed(times, "trial scoring (gather, sum)", lambda m: [weights[x].sum(axis=1) for x in m], mats)
    for key, values in times.items():
        print(f"{key:32} {statistics.median(values):6.2f} cpu-s  ({', '.join(f'{v:.2f}' for v in values)})")
    print(f"load average at end: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
