"""Why the gold names that neither entity stage finds are missed, on the held-out training split.

Of the false negatives ``eval_entities_stages`` puts under *missed entirely* / *neither* (no stage
found the name, no prediction overlaps it), each is put under one reason, the first that fits:

* ``not a candidate``: :func:`workbook.extract.ner_features.candidates` never proposes the gold name's
  core (the extent the classifier is trained on: ``train_entities.gold_cores``), subdivided by the
  shape that keeps it out (:func:`shape_reason`: a lower-case word, a line break, digits, a word that
  opens no name, more than ``MAX_SPAN`` words, a demonym at the end, a title inside, ...);
* ``scored none, P(none) >= 0.9`` and ``scored none, P(none) < 0.9``: the candidate is there, its
  (pooled) P(none) is at or above its decision threshold;
* ``kept as another class``: the candidate passes its threshold, read as another class (``other``:
  never scored, or the other scored class);
* ``kept, another span decoded``: it passes its threshold, but an overlapping candidate was decoded;
* ``decoded, dropped by the merge``: the classifier decoded it (its class), the merge dropped it
  (a veto, or the rules' sure spans kept it from being scored in the extractor).

Each reason also by what the name's words are (``eval_entities_stages.word_kind``). Only the held-out
split of the training data is read (``ner_data.training_docs``); GUM news never.

    python -m benchmarks.eval_entities_missed                       # the shipped model (seed 12)
    python -m benchmarks.eval_entities_missed --cache /tmp/models.pkl --seed 1 --examples 6
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from benchmarks.eval_entities import CLASS_OF
from benchmarks.eval_entities_stages import WORD_KINDS, StageCounts, count_stages, held_out_arguments, word_kind
from benchmarks.ner_data import Doc, training_docs
from benchmarks.train_entities import gold_cores
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.ner_features import CONNECTORS, DEMONYMS, MAX_SPAN, TITLE_WORDS, candidates, tokens
from workbook.extract.ner_model import EntityModel
from workbook.extract.vocabulary import MONTHS, NEVER_NAME_START, WEEKDAYS

__all__ = ["REASONS", "SHAPES", "main", "miss_reason", "shape_reason"]

SHAPES = (
    "a line break inside",
    "a lower-case word",
    "digits",
    "opens with a word that opens no name",
    f"more than {MAX_SPAN} words",
    "ends in a demonym",
    "a title or rank inside",
    "punctuation inside",
    "other",
)
REASONS = (
    "not a candidate",
    "scored none, P(none) >= 0.9",
    "scored none, P(none) < 0.9",
    "kept as another class",
    "kept, another span decoded",
    "decoded, dropped by the merge",
)
_NEVER_FIRST = NEVER_NAME_START | MONTHS | WEEKDAYS


def shape_reason(text: str, start: int, end: int) -> str:
    """Why ``text[start:end]`` (a gold name's core no candidate has) is not proposed: one of :data:`SHAPES`."""
    span = text[start:end]
    if "\n" in span:
        return SHAPES[0]
    words = tokens(span)
    if any(w[:1].isalpha() and w[:1].islower() and w.casefold() not in CONNECTORS for w in words.text):
        return SHAPES[1]
    if any(any(ch.isdigit() for ch in w) for w in words.text):
        return SHAPES[2]
    if words.text and words.lower[0] in _NEVER_FIRST and not words.text[0].isupper():
        return SHAPES[3]
    if sum(1 for w in words.text if w[:1].isalpha()) > MAX_SPAN:
        return SHAPES[4]
    if words.text and words.lower[-1] in DEMONYMS:
        return SHAPES[5]
    if any(w in TITLE_WORDS for w in words.lower[1:]):
        return SHAPES[6]
    if any(not w[:1].isalnum() for w in words.text):
        return SHAPES[7]
    return SHAPES[8]


def _core(doc: Doc, gold: tuple[int, int, str]) -> tuple[int, int]:
    spans = [g for g in doc.spans if (g.start, g.end) == (gold[0], gold[1])]
    cores = gold_cores(dataclasses.replace(doc, spans=spans), tokens(doc.text)) if spans else {}
    return next(iter(cores), (gold[0], gold[1]))


def miss_reason(
    model: EntityModel,
    doc: Doc,
    gold: tuple[int, int, str],
    probs: dict[tuple[int, int], tuple[float, ...]],
    decoded: Sequence[tuple[int, int]] = (),
) -> tuple[str, str, float | None]:
    """The reason (:data:`REASONS`), the shape (``not a candidate`` only, else "") and the pooled P(none)
    of a gold name neither stage found. ``probs``: every candidate's pooled probabilities (the
    document scored with nothing skipped); ``decoded``: the extents the classifier decoded then."""
    core = _core(doc, gold)
    p = probs.get(core)
    if p is None:
        return REASONS[0], shape_reason(doc.text, *core), None
    p_none = p[0]
    words = doc.text[core[0] : core[1]].split()
    best = model.classes[1 + max(range(len(p) - 1), key=lambda k: p[k + 1])]
    threshold = model.threshold
    if len(words) > 1 and best in ("organization", "other") and model.threshold_multi_org is not None:
        threshold = model.threshold_multi_org
    elif len(words) == 1 and len(words[0]) > 1 and words[0].isupper() and model.threshold_acronym is not None:
        threshold = model.threshold_acronym
    if p_none >= threshold:
        return (REASONS[1] if p_none >= 0.9 else REASONS[2]), "", p_none
    if CLASS_OF.get(best) != gold[2]:
        return REASONS[3], "", p_none
    if core not in decoded:
        return REASONS[4], "", p_none
    return REASONS[5], "", p_none


def main(argv: Sequence[str] | None = None) -> int:
    parsed = held_out_arguments(argv, __doc__.split("\n")[0])
    if parsed is None:
        return 1
    args, model = parsed
    gaz = builtin_gazetteer()

    def gaz_type(s: str) -> str | None:
        e = gaz.lookup(s)
        return e.type if e is not None else None

    held = training_docs(args.data)[1]
    for name, docs in (
        ("GUM train", [d for d in held if d.source.startswith("gum")]),
        ("UNER EWT", [d for d in held if d.source.startswith("uner")]),
    ):
        missed: list[tuple[Doc, tuple[int, int, str]]] = []
        count_stages(docs, model, StageCounts(0), missed)
        n: Counter[tuple[str, str, str]] = Counter()
        examples: dict[tuple[str, str, str], list[str]] = {}
        n_cands = sum(len(candidates(d.text, tokens(d.text))) for d in docs)
        for d, g in missed:
            spans, probs = model.predict_with_probs(d.text, gaz_type)
            reason, shape, p_none = miss_reason(model, d, g, probs, [(s.start, s.end) for s in spans])
            kind = word_kind(d.text, g[0], g[1])
            for key in ((reason, shape, g[2]), ("by word kind", kind, reason)):
                n[key] += 1
                ex = examples.setdefault(key, [])
                if len(ex) < args.examples:
                    ex.append(repr(d.text[g[0] : g[1]]) + ("" if p_none is None else f" {p_none:.2f}"))
        print(
            f"\n### held-out {name} ({len(docs)} docs, {n_cands} candidates): {len(missed)} names neither stage had\n"
        )
        print("| reason | shape | person | place_org | all |\n|---|---|---|---|---|")
        for reason in REASONS:
            for shape in SHAPES if reason == REASONS[0] else ("",):
                cells = [n[(reason, shape, c)] for c in ("person", "place_org")]
                if sum(cells):
                    print(f"| {reason} | {shape} | {cells[0]} | {cells[1]} | {sum(cells)} |")
        print("\n| word kind | " + " | ".join(REASONS) + " |\n|---|" + "---|" * len(REASONS))
        for kind in WORD_KINDS:
            cells = [n[("by word kind", kind, r)] for r in REASONS]
            if sum(cells):
                print(f"| {kind} | " + " | ".join(map(str, cells)) + " |")
        if args.examples:
            print()
            for key, ex in sorted(examples.items(), key=lambda kv: -n[kv[0]]):
                print(f"- {' / '.join(k for k in key if k)} ({n[key]}): " + ", ".join(ex))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
