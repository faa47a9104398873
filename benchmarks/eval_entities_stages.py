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

Each false positive is also put under *what its words are* (:func:`word_kind`: a month or day, a
title or role without a name, a demonym or group word, an acronym, a word of a headline or caption
line, one word opening a sentence, common words in Title Case, or a name), and the true positives
whose extent is not the gold span's are counted by how (:func:`boundary_kind`: covers two gold names,
part of one, longer than one, crossing one): such a prediction costs a second name or the reader's span.

Only the held-out split of the training data is read (``ner_data.training_docs``); GUM news never.

    python -m benchmarks.eval_entities_stages                   # the shipped model (seed 12)
    python -m benchmarks.eval_entities_stages --cache /tmp/models.pkl --seed 1
    python -m benchmarks.eval_entities_stages --examples 8      # a few examples per cell
"""

from __future__ import annotations

import argparse
import pickle
import re
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
from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS, Tokens
from workbook.extract.ner_model import EntityModel, ScoredSpan, default_entity_model
from workbook.extract.pipeline import DefaultExtractor
from workbook.extract.vocabulary import MONTHS, ROLE_NOUNS, WEEKDAYS
from workbook.ingest.normalise import builtin_words

__all__ = [
    "BOUNDARY_KINDS",
    "FN_STAGES",
    "FP_STAGES",
    "WORD_KINDS",
    "StageCounts",
    "boundary_kind",
    "class_of",
    "count_stages",
    "held_out_arguments",
    "main",
    "word_kind",
]

FP_STAGES = ("rules", "learned", "merge")
FN_STAGES = ("rules had it", "learned had it", "neither")


WORD_KINDS = (
    "month or day",
    "title or role",
    "demonym or group",
    "acronym",
    "headline or caption line",
    "one word opening a sentence",
    "common words in Title Case",
    "a name",
)
BOUNDARY_KINDS = ("covers two gold names", "part of a gold name", "longer than a gold name", "crosses a gold name")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?")
_SKIP = frozenset(["of", "the", "and", "for", "de", "la", "&", "'s", "’s"])


def _is_group_word(low: str) -> bool:
    """A demonym or its plural ("Argentineans", "Kurds" is not: no list holds it)."""
    return low in DEMONYMS or (low.endswith("s") and low[:-1] in DEMONYMS) or low.endswith(("ians", "eans"))


def word_kind(text: str, start: int, end: int) -> str:
    """What the words of the span ``text[start:end]`` are (one of :data:`WORD_KINDS`, first that fits)."""
    words = [w.rstrip(".") for w in _WORD.findall(text[start:end])]
    lows = [w.casefold() for w in words if w.casefold() not in _SKIP] or [""]
    if all(w in MONTHS or w in WEEKDAYS for w in lows):
        return WORD_KINDS[0]
    if all(w in TITLE_WORDS or w in ROLE_NOUNS for w in lows):
        return WORD_KINDS[1]
    if _is_group_word(lows[-1]):
        return WORD_KINDS[2]
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return WORD_KINDS[3]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    line_words = _WORD.findall(line)
    capitals = sum(1 for w in line_words if w[:1].isupper())
    if line and line[-1] not in '.!?:;"”’)' and len(line_words) <= 20 and capitals * 2 >= len(line_words):
        return WORD_KINDS[4]
    before = text[line_start:start].rstrip(' "“‘(')
    if len(words) == 1 and (not before or before[-1] in ".!?:;"):
        return WORD_KINDS[5]
    common = builtin_words()
    if all(w in common for w in lows):
        return WORD_KINDS[6]
    return WORD_KINDS[7]


def boundary_kind(pred: tuple[int, int], golds: Sequence[tuple[int, int]]) -> str | None:
    """How a matched prediction's extent differs from the gold names it overlaps (None: it is one)."""
    over = [g for g in golds if min(pred[1], g[1]) > max(pred[0], g[0])]
    if len(over) > 1:
        return BOUNDARY_KINDS[0]
    if not over or over[0] == pred:
        return None
    g = over[0]
    if g[0] <= pred[0] and pred[1] <= g[1]:
        return BOUNDARY_KINDS[1]
    if pred[0] <= g[0] and g[1] <= pred[1]:
        return BOUNDARY_KINDS[2]
    return BOUNDARY_KINDS[3]


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
    docs: Sequence[Doc],
    model: EntityModel,
    counts: StageCounts,
    neither: list[tuple[Doc, tuple[int, int, str]]] | None = None,
) -> tuple[list[list[Pred]], list[list[Pred]]]:
    """Add the stage of every error of the default extractor with ``model`` on ``docs`` to ``counts``;
    returns the default and the rules-alone predictions per document. ``neither``: when given, every
    gold name missed entirely that neither stage had is appended to it, with its document."""
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
                words = word_kind(d.text, p.start, p.end)
                counts.add(("fp-words", kind, words, stage), f"{d.text[p.start : p.end]!r} ({p.type})")
            counted = [(g.start, g.end) for g in d.spans if g.proper and class_of(g.type)]
            wrong = {(p.start, p.end) for _, p in false_positive_kinds(d, preds)}
            for p in preds:
                if class_of(p.type) is None or (p.start, p.end) in wrong:
                    continue
                how = boundary_kind((p.start, p.end), counted)
                if how is not None:
                    counts.add(("tp-bounds", how, class_of(p.type) or "", "all"), f"{d.text[p.start : p.end]!r}")
            rule_hits = {g for _, g in false_negative_kinds(d, rule_preds)}
            for kind, g in false_negative_kinds(d, preds):
                if g not in rule_hits:
                    stage = "rules had it"
                elif any(c == g[2] and _overlaps((a, b), (g[0], g[1])) for a, b, c in learned):
                    stage = "learned had it"
                else:
                    stage = "neither"
                    if neither is not None and kind == MISS_KINDS[0]:
                        neither.append((d, g))
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
    rows += ["", "| false positives: what the words are | " + " | ".join(ERROR_KINDS) + " | all |"]
    rows.append("|---|" + "---|" * (len(ERROR_KINDS) + 1))
    for words in WORD_KINDS:
        cells = [sum(v for k, v in counts.n.items() if k[:3] == ("fp-words", kind, words)) for kind in ERROR_KINDS]
        rows.append(f"| {words} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    rows += ["", "| right by overlap, but not the gold extent | person | place_org |", "|---|---|---|"]
    for how in BOUNDARY_KINDS:
        cells = [counts.n[("tp-bounds", how, cls, "all")] for cls in ("person", "place_org")]
        rows.append(f"| {how} | " + " | ".join(map(str, cells)) + " |")
    if show_examples:
        rows.append("")
        for key, ex in sorted(counts.examples.items(), key=lambda kv: -counts.n[kv[0]]):
            rows.append(f"- {key[0]} / {key[1]} / {key[2]} / {key[3]} ({counts.n[key]}): " + ", ".join(ex))
    return "\n".join(rows)


def held_out_arguments(argv: Sequence[str] | None, description: str) -> tuple[argparse.Namespace, EntityModel] | None:
    """The options of the scripts that read the held-out split's errors (``--data``, ``--cache``, ``--seed``,
    ``--examples``) and the model they name; None (after saying why) when the training data are absent."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, help="models by seed, as eval_entities_seeds --cache writes them")
    ap.add_argument("--seed", type=int, default=12, help="with --cache: the model of this training seed")
    ap.add_argument("--examples", type=int, default=0, help="examples printed per cell")
    args = ap.parse_args(argv)
    if not (args.data / "gum-train_amir-zeldes").is_dir():
        print(f"no training data at {args.data}", file=sys.stderr)
        return None
    if args.cache is not None:
        models: dict[int, EntityModel] = pickle.loads(args.cache.read_bytes())  # a file eval_entities_seeds wrote
        return args, models[args.seed]
    return args, default_entity_model()


def main(argv: Sequence[str] | None = None) -> int:
    parsed = held_out_arguments(argv, __doc__.split("\n")[0])
    if parsed is None:
        return 1
    args, model = parsed
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
