"""Train the entity classifier shipped in ``workbook/data/ner/`` (reproducible: fixed seed, numpy only).

    python -m benchmarks.train_entities                  # ../shared/data → workbook/data/ner/
    python -m benchmarks.train_entities --data DIR --out DIR --epochs 8

Data: ``gum-train_amir-zeldes`` (84 GUM documents: academic, court, interview, bio, voyage) and
``uner-ewt_universalner`` (UniversalNER English-EWT dev + test), each split by
:func:`benchmarks.ner_data.split_docs` (seed 12, 20 % of documents held out and never trained on).
GUM news is never read here: it is the evaluation set.

Labels: every candidate span (:func:`workbook.extract.ner_features.candidates`) whose extent equals a
gold name's *core* (the gold span without a leading determiner, rank or title and a trailing
possessive) takes the gold type (person, organization, place; GUM's proper-name events, objects, ...
are ``other``); every other candidate is ``none``. The candidates are the capitalised ones
(``candidates`` without a gazetteer): the lower-case place names the extractor also proposes ("in
glasgow") are scored by the same weights as their capitalised spelling; training on them as well moved
held-out typed F1 by GUM -0.002 / UNER -0.001 against not (``benchmarks/RESULTS.md``, "Round fifteen,
the learned side").

Name lexicon: ``benchmarks/data/census_names.tsv.gz`` (US Census 1990 given names and the 40,000
most frequent surnames; public domain) and, for words the census lacks,
``benchmarks/data/faker_names.tsv.gz`` (given names and surnames of many countries from Faker's
person providers, MIT licence; ``benchmarks/faker_names.py``) become the model's ``names`` (word →
given name / surname frequency band / other countries' given name or surname), stored in the
weights file.

Model: multinomial logistic regression on hashed features (2**18 buckets), AdaGrad on mini-batches
with L2; hyper-parameters are the defaults of :func:`main`'s options and are written to the card.
The decision thresholds (a span is kept when P(none) < 0.6; < 0.5 for two or more words read as an
organisation or other and for one word in capitals; < 0.4 for a person whose words are all the model's
common words, "Green" of a "Green Tea" heading: :data:`DECISION`), the per-document
pooling weight (0.5) and the weight of a spelling's most confident reading in the document
(consistency, 0.5) were chosen on the held-out split with the whole default extractor, never on GUM
news (the shape thresholds on training seed 12's model, ``benchmarks/RESULTS.md`` "Round eleven, the
learned side"; the common-word person's on seeds 12, 1 and 2 alike, "Round nineteen, the learned side and
precision").
:data:`DECISION_CHOSEN` says, per setting, on which split and how it was chosen; the card records it.

Reproducibility: the training is deterministic for given inputs (numpy only; the mini-batch order from
the seed; the split from ``split_docs(seed)``), and ``card.json`` records those inputs
(:mod:`benchmarks.train_provenance`): the command, the SHA-256 of every training and lexicon file, the
feature fingerprint (:func:`workbook.extract.ner_fingerprint.feature_fingerprint`: the word lists,
gazetteer and feature templates the featurizer reads) and the commit. ``tests/test_ner_fingerprint.py``
fails when today's features differ from the card's ``feature_fingerprint``: retrain, or keep the weights
and say why with ``--accept-features REASON`` (the card keeps each such decision).

    python -m benchmarks.train_entities                        # retrain: weights, card.json, LICENSE.md
    python -m benchmarks.train_entities --decision-only        # write DECISION into the weights, no retraining
    python -m benchmarks.train_entities --accept-features "why" # keep the weights under changed features
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from benchmarks.eval_entities import DATA, Pred, score
from benchmarks.ner_data import Doc, training_docs
from benchmarks.train_provenance import provenance
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.ner_features import (
    Tok,
    candidates,
    name_kind,
    tokens,
)
from workbook.extract.ner_featurize import Featurizer, id_index
from workbook.extract.ner_fingerprint import feature_fingerprint, word_list_digests
from workbook.extract.ner_model import CLASSES, MODEL_FILE, EntityModel

#: How the trained model decides (stored with its weights; ``eval_entities_seeds`` uses the same):
#: the P(none) thresholds by the span's shape, the pooling and consistency weights.
DECISION: dict[str, float] = {
    "threshold": 0.6,
    "threshold_multi_org": 0.5,
    "threshold_acronym": 0.5,
    "threshold_common": 0.4,
    "pooling": 0.5,
    "consistency": 0.5,
}

#: How each :data:`DECISION` setting was chosen (written to the card): on which split, with which models.
DECISION_CHOSEN: dict[str, str] = {
    "threshold": (
        "held-out split (split_docs seed 12: 20 % of GUM train and of UNER EWT), whole default extractor, training "
        "seed 12's model (RESULTS 'Extraction quality — entities'); 0.55 and 0.65 tried on seeds 12, 1, 2, flat "
        "('Round four (branch ner4)')"
    ),
    "threshold_multi_org": (
        "held-out split, whole default extractor, training seed 12's model ('Round eleven, the learned side'); "
        "limited to organisation and other readings after KCNA 2024 places were lost (commit f881dfc)"
    ),
    "threshold_acronym": (
        "held-out split, whole default extractor, training seed 12's model ('Round eleven, the learned side')"
    ),
    "threshold_common": (
        "held-out split, whole default extractor, models of training seeds 12, 1 and 2 alike "
        "('Round nineteen, the learned side and precision'); written by --decision-only, weights unchanged"
    ),
    "pooling": "held-out split, whole default extractor (RESULTS 'Extraction quality — entities')",
    "consistency": (
        "held-out split, whole default extractor, mean of training seeds 12, 1, 2; 0.3 and 0.7 tried, flat "
        "('Round four (branch ner4)')"
    ),
}

#: every candidate's feature ids, one after the other, and where each candidate's start
#: (:func:`workbook.extract.ner_featurize.id_index`)
Features = tuple[np.ndarray, np.ndarray]

__all__ = [
    "DECISION",
    "DECISION_CHOSEN",
    "Features",
    "accept_features",
    "common_words",
    "examples",
    "gold_cores",
    "main",
    "name_lexicon",
    "train",
]

OUT = Path(__file__).resolve().parents[1] / "workbook" / "data" / "ner"
_STRIP_FIRST = frozenset(["the", "a", "an"])


def gold_cores(doc: Doc, toks: Sequence[Tok]) -> dict[tuple[int, int], str]:
    """(start, end) of each gold name's core → its type (see the module docstring)."""
    from workbook.extract.ner_features import TITLE_WORDS  # the same title words the features use

    out: dict[tuple[int, int], str] = {}
    starts = [t.start for t in toks]
    import bisect

    for g in doc.spans:
        if not g.named:
            continue
        a = bisect.bisect_left(starts, g.start)
        b = a
        while b < len(toks) and toks[b].end <= g.end:
            b += 1
        while a < b and (toks[a].lower in _STRIP_FIRST or toks[a].lower in TITLE_WORDS or toks[a].text == "."):
            if b - a == 1:
                break
            a += 1
        while b > a and (toks[b - 1].lower in ("'s", "’s") or not toks[b - 1].text[0].isalnum()):
            b -= 1
        if b > a:
            out[(toks[a].start, toks[b - 1].end)] = g.type
    return out


NAMES = Path(__file__).resolve().parent / "data" / "census_names.tsv.gz"
WORLD_NAMES = Path(__file__).resolve().parent / "data" / "faker_names.tsv.gz"


def _rows(path: Path) -> list[tuple[str, str]]:
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    return [(w, t) for w, t in (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))]


def name_lexicon(path: Path = NAMES, world: Path | None = WORLD_NAMES) -> dict[str, str]:
    """Given names and surnames → kind: the US Census 1990 lists (:func:`~workbook.extract.ner_features.name_kind`),
    then, for words those lists lack, the given names and surnames of many countries (``world``:
    ``benchmarks/faker_names.py``) as ``xg`` (given), ``xs`` (surname) or ``xgs`` (both), so that
    "Chiara", "Ferragni" or "Murakami" are known as names without changing what the census words say."""
    out: dict[str, str] = {}
    for word, tag in _rows(path):
        kind = name_kind(tag)
        out[word] = "g" + kind if word in out and kind != "g" else kind
    if world is not None:
        for word, tag in _rows(world):
            out.setdefault(word, "x" + tag)
    return out


def common_words(docs: Sequence[Doc], min_count: int = 2) -> frozenset[str]:
    """Words written in lower case at least ``min_count`` times in ``docs`` (the model's vocabulary)."""
    counts: Counter[str] = Counter(t.text for d in docs for t in tokens(d.text) if t.text[:1].islower())
    return frozenset(w for w, n in counts.items() if n >= min_count)


def examples(
    docs: Sequence[Doc], common: frozenset[str] = frozenset(), names: dict[str, str] | None = None
) -> tuple[Features, np.ndarray, dict[str, int]]:
    """Feature ids (32 bits: :func:`train` masks them to its ``bits``) and class labels of every
    candidate of ``docs``, plus counts for the report."""
    gaz = builtin_gazetteer()

    def gaz_type(s: str) -> str | None:
        e = gaz.lookup(s)
        return e.type if e is not None else None

    featurizer = Featurizer(32, common, names)
    ids: list[np.ndarray] = []
    labels: list[int] = []
    stats: Counter[str] = Counter()
    for d in docs:
        toks = tokens(d.text)
        cands = candidates(d.text, toks)  # capitalised candidates only: see the module docstring
        cores = gold_cores(d, toks)
        ids.append(featurizer.matrix([(toks, np.array(cands, dtype=np.int64).reshape(-1, 6))], gaz_type))
        found = set()
        for c in cands:
            t = cores.get((c.start, c.end), "none")
            labels.append(CLASSES.index(t))
            if t != "none":
                found.add((c.start, c.end))
        stats["gold names"] += len(cores)
        stats["gold names among candidates"] += len(found)
    stats["candidates"] = len(labels)
    feats = id_index(np.concatenate(ids), featurizer.absent) if ids else (np.zeros(0, np.int64), np.zeros(1, np.int64))
    return feats, np.asarray(labels, dtype=np.int64), dict(stats)


def train(
    feats: Features,
    labels: np.ndarray,
    bits: int = 18,
    epochs: int = 15,
    lr: float = 0.1,
    l2: float = 1e-3,
    batch: int = 64,
    seed: int = 12,
    version: str = "entities-v1",
    common: frozenset[str] = frozenset(),
    names: dict[str, str] | None = None,
) -> EntityModel:
    """Multinomial logistic regression by AdaGrad on mini-batches (numpy only)."""
    k = len(CLASSES)
    cols, offsets = feats[0] & ((1 << bits) - 1), feats[1]
    weights = np.zeros((1 << bits, k), dtype=np.float64)
    bias = np.zeros(k, dtype=np.float64)
    g2w = np.full((1 << bits, k), 1e-8)
    g2b = np.full(k, 1e-8)
    rng = np.random.default_rng(seed)
    n = len(labels)
    for _ in range(epochs):
        order = rng.permutation(n)
        for s in range(0, n, batch):
            rows = order[s : s + batch]
            lens = offsets[rows + 1] - offsets[rows]
            idx = np.concatenate([cols[offsets[r] : offsets[r + 1]] for r in rows])
            row_of = np.repeat(np.arange(len(rows)), lens)
            scores = np.zeros((len(rows), k))
            np.add.at(scores, row_of, weights[idx])
            scores += bias
            scores -= scores.max(axis=1, keepdims=True)
            p = np.exp(scores)
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(rows)), labels[rows]] -= 1.0
            uniq, inv = np.unique(idx, return_inverse=True)
            grad = np.zeros((len(uniq), k))
            np.add.at(grad, inv, p[row_of])
            grad += l2 * weights[uniq]
            g2w[uniq] += grad**2
            weights[uniq] -= lr * grad / np.sqrt(g2w[uniq])
            gb = p.sum(axis=0)
            g2b += gb**2
            bias -= lr * gb / np.sqrt(g2b)
    return EntityModel(weights.astype(np.float32), bias.astype(np.float32), CLASSES, bits, version, common, names or {})


def _model_predictor(model: EntityModel) -> object:
    gaz = builtin_gazetteer()

    def gaz_type(s: str) -> str | None:
        e = gaz.lookup(s)
        return e.type if e is not None else None

    def predict(text: str) -> list[Pred]:
        return [Pred(s.start, s.end, s.type) for s in model.predict(text, gaz_type)]

    return predict


LICENSE_TEXT = """# Entity model weights: licence and attribution

`entities-v1.npz` holds the weights of a logistic-regression classifier trained by
`benchmarks/train_entities.py` on annotated text by others. Weights trained on text under CC BY-SA
are shared under the same licence:

**Licence of the weights: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),
<https://creativecommons.org/licenses/by-sa/4.0/>.**

The rest of the workbook package keeps its own licence; only the files in this folder are covered here.

## Sources (attribution)

- **GUM corpus**, Amir Zeldes et al. (repository amir-zeldes/gum, commit
  72ce5ac14978a324c2fd18d49484e65292cbe316): `dep/GUM_{academic,court,interview,bio,voyage}_*.conllu`,
  entity spans and types (80 % of the 84 documents, seeded split). Licences as stated: annotations
  CC BY 4.0; texts: academic and court CC BY 4.0, interviews (Wikinews) CC BY 2.5, biographies
  (Wikipedia) and travel guides (Wikivoyage) CC BY-SA 3.0.
- **Universal NER, English-EWT** (repository UniversalNER/UNER_English-EWT, commit
  8ed072de2fd24022cc62458997fe96a8fe191ea4), built on the English Web Treebank (Universal
  Dependencies): `en_ewt-ud-dev.iob2`, `en_ewt-ud-test.iob2`, PER/ORG/LOC spans (80 % of the
  documents, seeded split). Licence as stated: CC BY-SA 4.0.

- **Name lists** (stored in the weights file as a feature lexicon): given names and the 40,000 most
  frequent surnames of the US Census Bureau's 1990 name frequency files (a work of the US federal
  government, public domain), as packaged by the MIT-licensed PyPI package `names` 0.3.0; the copy
  used is `benchmarks/data/census_names.tsv.gz`.
- **Given names and surnames of many countries** (stored in the weights file as a feature lexicon,
  for words the census lists lack): the person providers of Faker 40.54.0 (MIT licence, Copyright (c)
  2012 Daniele Faraglia), Latin-script words only; the copy used is
  `benchmarks/data/faker_names.tsv.gz` (made by `benchmarks/faker_names.py`).

Zeldes, Amir (2017). "The GUM Corpus: Creating Multilayer Resources in the Classroom". Language
Resources and Evaluation 51(3), 581–612. Mayhew, Stephen et al. (2024). "Universal NER: A Gold-Standard
Multilingual Named Entity Recognition Benchmark". NAACL 2024.

The GUM news documents (the evaluation set) were not used for training or tuning. No text is stored
in the weights file beyond what hashed feature weights reveal, and the name lists above.

Faker's licence notice (for the name words taken from it): Copyright (c) 2012 Daniele Faraglia.
Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions: The above copyright notice and this
permission notice shall be included in all copies or substantial portions of the Software. THE
SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the workbook's entity classifier.")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--bits", type=int, default=18)
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--l2", type=float, default=1e-3)
    helps = {
        "threshold": "keep a one-word span when P(none) is below this",
        "threshold_multi_org": "keep two or more words read as an organisation or other when P(none) is below this",
        "threshold_acronym": "keep one word in capitals when P(none) is below this",
        "threshold_common": "keep a person of common words only in Title Case ('Green') when P(none) is below this",
        "pooling": "weight of the document-wide mean per spelling",
        "consistency": "weight of a spelling's most confident reading in the document",
    }
    for key, default in DECISION.items():
        ap.add_argument("--" + key.replace("_", "-"), type=float, default=default, help=helps[key])
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument(
        "--decision-only",
        action="store_true",
        help="write the decision settings into the weights file at --out without retraining (weights unchanged)",
    )
    ap.add_argument(
        "--accept-features",
        metavar="REASON",
        help="keep the weights at --out under today's features: record today's feature fingerprint and REASON in "
        "card.json (weights unchanged; see tests/test_ner_fingerprint.py)",
    )
    argv = list(sys.argv[1:] if argv is None else argv)
    args = ap.parse_args(argv)
    if args.decision_only:
        return _write_decision(args.out, {k: getattr(args, k) for k in DECISION})
    if args.accept_features:
        return accept_features(args.out, args.accept_features)
    random.seed(args.seed)
    if not (args.data / "gum-train_amir-zeldes").is_dir():
        print(f"no training data at {args.data}", file=sys.stderr)
        return 1
    train_docs, held = training_docs(args.data, seed=args.seed)
    print(f"training documents: {len(train_docs)} ({Counter(d.source for d in train_docs)})")
    print(f"held-out documents: {len(held)} ({Counter(d.source for d in held)})")
    started = time.process_time()
    common = common_words(train_docs)
    names = name_lexicon()
    feats, labels, stats = examples(train_docs, common, names)
    print(f"examples: {stats}; labels {Counter(CLASSES[i] for i in labels.tolist())}; {len(common)} common words")
    model = train(
        feats, labels, args.bits, args.epochs, args.lr, args.l2, args.batch, args.seed, common=common, names=names
    )
    model = dataclasses.replace(model, **{k: getattr(args, k) for k in DECISION})
    print(f"trained in {time.process_time() - started:.1f} cpu-s")
    predict = _model_predictor(model)
    held_scores = {}
    for name, docs in (
        ("gum", [d for d in held if d.source.startswith("gum")]),
        ("uner", [d for d in held if d.source.startswith("uner")]),
    ):
        s = score(docs, predict)  # type: ignore[arg-type]
        held_scores[name] = {
            "typed_f1": round(s.typed()[2], 3),
            "person_f1": round(s.of("person")[2], 3),
            "place_org_f1": round(s.of("place_org")[2], 3),
        }
        print(f"held-out {name}: typed P/R/F1 {s.typed()}, person {s.of('person')}, place_org {s.of('place_org')}")
    card = {
        "name": "entities-v1",
        "model": "multinomial logistic regression on hashed features (workbook.extract.ner_features)",
        "classes": list(CLASSES),
        "feature_bits": args.bits,
        "hyper_parameters": {k: getattr(args, k) for k in ("epochs", "lr", "l2", "batch", "seed", *DECISION)},
        "training_data": {
            "gum-train_amir-zeldes": sum(d.source.startswith("gum") for d in train_docs),
            "uner-ewt_universalner": sum(d.source.startswith("uner") for d in train_docs),
            "held_out_split": f"benchmarks.ner_data.split_docs(seed={args.seed}, held_out=0.2) per corpus",
        },
        "examples": stats,
        "name_lexicon": (
            f"{len(names)} words: benchmarks/data/census_names.tsv.gz (US Census 1990, public domain) and, "
            "for words it lacks, benchmarks/data/faker_names.tsv.gz (Faker person providers, MIT)"
        ),
        "held_out_scores_model_alone": held_scores,
        "licence": "CC BY-SA 4.0 (see LICENSE.md)",
        "date": dt.date.today().isoformat(),
        "decision_chosen_on": DECISION_CHOSEN,
        "trained_with": provenance(args.data, argv, [NAMES, WORLD_NAMES]),
    }
    card["feature_fingerprint"] = card["trained_with"]["feature_fingerprint"]  # type: ignore[index]
    card["feature_word_lists"] = word_list_digests()
    args.out.mkdir(parents=True, exist_ok=True)
    model.save(str(args.out / MODEL_FILE), card)
    (args.out / "card.json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "LICENSE.md").write_text(LICENSE_TEXT, encoding="utf-8")
    print(f"wrote {args.out / MODEL_FILE} ({(args.out / MODEL_FILE).stat().st_size / 1e6:.2f} MB)")
    return 0


def _write_decision(out: Path, decision: dict[str, float]) -> int:
    """Rewrite the weights file and card at ``out`` with ``decision`` (thresholds, pooling), the weights and
    word lists as they are (round nineteen added ``threshold_common`` this way)."""
    from workbook.extract.ner_model import load_entity_model

    path = out / MODEL_FILE
    model = dataclasses.replace(load_entity_model(path.read_bytes()), **decision)
    card = json.loads((out / "card.json").read_text(encoding="utf-8"))
    card["hyper_parameters"].update(decision)
    card["decision_chosen_on"] = DECISION_CHOSEN
    model.save(str(path), card)
    (out / "card.json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB) with {decision}")
    return 0


def accept_features(out: Path, reason: str) -> int:
    """Record in ``out/card.json`` that the weights there are kept under today's feature definition, and why
    (the card's ``feature_fingerprint`` becomes today's; ``accepted_feature_changes`` keeps each decision).
    The weights file is not rewritten: its own copy of the card is the one of its last training or
    ``--decision-only``."""
    path = out / "card.json"
    card = json.loads(path.read_text(encoding="utf-8"))
    now = feature_fingerprint()
    before = card.get("feature_fingerprint")
    card.setdefault("accepted_feature_changes", []).append(
        {
            "date": dt.date.today().isoformat(),
            "from": before.get("all") if isinstance(before, dict) else None,
            "to": now["all"],
            "changed_parts": sorted(
                k for k in now if k != "all" and (not isinstance(before, dict) or before.get(k) != now[k])
            ),
            "reason": reason,
        }
    )
    card["feature_fingerprint"] = now
    card["feature_word_lists"] = word_list_digests()
    path.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}: feature fingerprint {now['all'][:12]} accepted ({reason})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
