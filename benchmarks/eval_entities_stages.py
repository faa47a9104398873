"""Entity errors on the held-out training split by kind, class and the stage that made them.

The default extractor combines two stages: the rules (``DefaultExtractor(entity_model=None)``) and
the learned classifier (its decoded spans, before any merge), joined by the merge
(:mod:`workbook.extract.ner_merge` and the passes after it in :mod:`workbook.extract.entities`:
vetoes, splits, rescues, lists, words of address, speakers, cited authors, coreference). Each
*false positive* of the default extractor (kinds as ``eval_entities.false_positive_kinds``) is put on
the stage whose output it is:

* ``rules``: the rules alone make the same span with the same class;
* ``learned``: the classifier's decoded spans hold the same span with the same class (and the rules
  do not);
* ``merge``: neither does: the merge made, grew, split or retyped it, or coreference resolved it.

Each *false negative* (kinds as ``eval_entities.false_negative_kinds``) by what the stages had
before the merge: ``rules had it`` (a rules-alone prediction of the gold class matched it),
``learned had it`` (the classifier's decoded span of the gold class overlaps it, the rules did not
have it), or ``neither`` (no stage found it with its class).

Only the held-out split of the training data is read (``ner_data.training_docs``); GUM news never.

    python -m benchmarks.eval_entities_stages                   # the shipped model (seed 12)
    python -m benchmarks.eval_entities_stages --cache /tmp/models.pkl --seed 1
    python -m benchmarks.eval_entities_stages --examples 8      # a few examples per cell
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.eval_entities import (
    CLASS_OF,
    DATA,
    ERROR_KINDS,
    MISS_KINDS,
    Pred,
    false_negative_kinds,
    false_positive_kinds,
    score,
)
from benchmarks.ner_data import Doc, training_docs
from workbook.extract.base import DocumentInput
from workbook.extract.ner_features import Tokens
from workbook.extract.ner_model import EntityModel, ScoredSpan, default_entity_model
from workbook.extract.pipeline import DefaultExtractor

__all__ = ["FN_STAGES", "FP_STAGES", "StageCounts", "class_of", "count_stages", "main"]

FP_STAGES = ("rules", "learned", "merge")
FN_STAGES = ("rules had it", "learned had it", "neither")


def class_of(type_: str) -> str | None:
    """The scored class of an extractor type (None: not scored)."""
    return CLASS_OF.get(type_)


class StageCounts:
    """Counts by (fp|fn, kind, class, stage), with a few examples each."""

    def __init__(self, examples: int) -> None:
        self.n: Counter[tuple[str, str, str, str]] = Counter()
        self.examples: dict[tuple[str, str, str, str], list[str]] = {}
        self.keep = examples

    def add(self, key: tuple[str, str, str, str], example: str) -> None:
        self.n[key] += 1
        ex = self.examples.setdefault(key, [])
        if len(ex) < self.keep:
            ex.append(example)


def _preds(extractor: DefaultExtractor, text: str) -> list[Pred]:
    ex = extractor.extract(DocumentInput("eval", text))
    types = {e.key: e.type for e in ex.entities}
    return [Pred(m.start, m.end, types[m.entity_key]) for m in ex.mentions]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def count_stages(
    docs: Sequence[Doc], model: EntityModel, counts: StageCounts
) -> tuple[list[list[Pred]], list[list[Pred]]]:
    """Add the stage of every error of the default extractor with ``model`` on ``docs`` to ``counts``;
    returns the default and the rules-alone predictions per document."""
    decoded: dict[str, list[ScoredSpan]] = {}
    batch = model.predict_batch

    def recording(
        docs_in: Sequence[tuple[str, bytearray | None]],
        gaz_type: Callable[[str], str | None],
        words: Sequence[Tokens | None] | None = None,
    ) -> list[tuple[list[ScoredSpan], dict[tuple[int, int], tuple[float, ...]]]]:
        out = batch(docs_in, gaz_type, words)
        for (text, _), (spans, _) in zip(docs_in, out, strict=True):
            decoded[text] = spans
        return out

    object.__setattr__(model, "predict_batch", recording)
    try:
        full = DefaultExtractor(entity_model=model)
        rules = DefaultExtractor(entity_model=None)
        all_full: list[list[Pred]] = []
        all_rules: list[list[Pred]] = []
        for d in docs:
            decoded.pop(d.text, None)
            preds = _preds(full, d.text)
            rule_preds = _preds(rules, d.text)
            learned = [(s.start, s.end, class_of(s.type)) for s in decoded.get(d.text, [])]
            rule_set = {(p.start, p.end, class_of(p.type)) for p in rule_preds}
            learned_set = set(learned)
            for kind, p in false_positive_kinds(d, preds):
                key3 = (p.start, p.end, class_of(p.type))
                stage = "rules" if key3 in rule_set else "learned" if key3 in learned_set else "merge"
                counts.add(("fp", kind, key3[2] or "", stage), f"{d.text[p.start : p.end]!r} ({p.type})")
            rule_hits = {g for _, g in false_negative_kinds(d, rule_preds)}
            for kind, g in false_negative_kinds(d, preds):
                if g not in rule_hits:
                    stage = "rules had it"
                elif any(c == g[2] and _overlaps((a, b), (g[0], g[1])) for a, b, c in learned):
                    stage = "learned had it"
                else:
                    stage = "neither"
                counts.add(("fn", kind, g[2], stage), f"{d.text[g[0] : g[1]]!r}")
            all_full.append(preds)
            all_rules.append(rule_preds)
        return all_full, all_rules
    finally:
        object.__delattr__(model, "predict_batch")


def table(counts: StageCounts, show_examples: bool) -> str:
    rows = ["| errors | kind | class | " + " | ".join(FP_STAGES) + " | all |", "|---|---|---|---|---|---|---|"]
    for kind in ERROR_KINDS:
        for cls in ("person", "place_org"):
            cells = [counts.n[("fp", kind, cls, s)] for s in FP_STAGES]
            rows.append(f"| false positive | {kind} | {cls} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    rows.append(
        "| **false positives** | | | "
        + " | ".join(str(sum(v for k, v in counts.n.items() if k[0] == "fp" and k[3] == s)) for s in FP_STAGES)
        + f" | {sum(v for k, v in counts.n.items() if k[0] == 'fp')} |"
    )
    rows.append("| | | | " + " | ".join(FN_STAGES) + " | |")
    for kind in MISS_KINDS:
        for cls in ("person", "place_org"):
            cells = [counts.n[("fn", kind, cls, s)] for s in FN_STAGES]
            rows.append(f"| false negative | {kind} | {cls} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    rows.append(
        "| **false negatives** | | | "
        + " | ".join(str(sum(v for k, v in counts.n.items() if k[0] == "fn" and k[3] == s)) for s in FN_STAGES)
        + f" | {sum(v for k, v in counts.n.items() if k[0] == 'fn')} |"
    )
    if show_examples:
        rows.append("")
        for key, ex in sorted(counts.examples.items(), key=lambda kv: -counts.n[kv[0]]):
            rows.append(f"- {key[0]} / {key[1]} / {key[2]} / {key[3]} ({counts.n[key]}): " + ", ".join(ex))
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, help="models by seed, as eval_entities_seeds --cache writes them")
    ap.add_argument("--seed", type=int, default=12, help="with --cache: the model of this training seed")
    ap.add_argument("--examples", type=int, default=0, help="examples printed per cell")
    args = ap.parse_args(argv)
    if not (args.data / "gum-train_amir-zeldes").is_dir():
        print(f"no training data at {args.data}", file=sys.stderr)
        return 1
    if args.cache is not None:
        models: dict[int, EntityModel] = pickle.loads(args.cache.read_bytes())  # a file eval_entities_seeds wrote
        model = models[args.seed]
    else:
        model = default_entity_model()
    held = training_docs(args.data)[1]
    for name, docs in (
        ("GUM train", [d for d in held if d.source.startswith("gum")]),
        ("UNER EWT", [d for d in held if d.source.startswith("uner")]),
    ):
        counts = StageCounts(args.examples)
        full, _ = count_stages(docs, model, counts)
        by_text = dict(zip((d.text for d in docs), full, strict=True))
        s = score(docs, by_text.__getitem__)
        p, r, f = s.typed()
        print(f"\n### held-out {name} ({len(docs)} docs): typed P {p:.3f} R {r:.3f} F1 {f:.3f}\n")
        print(table(counts, args.examples > 0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
