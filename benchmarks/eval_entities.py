"""Entity quality against others' gold: GUM news and the held-out part of the training data.

Run from the repository root (the data sits beside the clone, in ``../shared/data``)::

    python -m benchmarks.eval_entities            # every system on every set
    python -m benchmarks.eval_entities --set gum-news --system default
    python -m benchmarks.eval_entities --set csis     # others' defence prose, annotated before any run

Scoring (as in issue 12):

* A gold span counts when it is a proper name: all its tokens PROPN past a leading determiner (GUM;
  a trailing possessive "'s" is allowed); every UniversalNER span counts.
* Classes: ``person``; ``place_org`` (places, organisations and facilities together: GUM types a
  country as an organisation when it acts); ``weapon`` (weapon systems; GUM has none, so on GUM
  every weapon prediction is a false positive).
* Proper-name gold spans of GUM's other types (events, objects, abstracts, animals, ...: "Internet
  Explorer", "World Cup") are *ignored*: a prediction that overlaps one and nothing else is neither a
  true nor a false positive, and they are never missed. Predictions typed ``other`` are not scored.
* A prediction matches a gold span when they overlap, one to one (greedy: same class first, then the
  largest overlap). Typed figures need the same class; untyped figures do not.

Systems: ``default`` (the workbook's :class:`~workbook.extract.pipeline.DefaultExtractor` on the
rebuilt text), ``rules`` (the same without the learned model), ``naive`` (maximal capitalised
sequences, all typed place_org), and ``spacy`` (``en_core_web_sm`` when installed; skipped with a
message otherwise: nothing is downloaded).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpora import CSIS_TABLE, csis_rows
from benchmarks.ner_data import Doc, GoldSpan, gum_docs, training_docs

__all__ = [
    "CLASSES",
    "CLASS_OF",
    "ERROR_KINDS",
    "MISS_KINDS",
    "Pred",
    "Scores",
    "csis_docs",
    "dateline_preds",
    "false_negative_kinds",
    "false_positive_kinds",
    "genre",
    "naive_predict",
    "score",
    "workbook_predictor",
]

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CSIS_GOLD = Path(__file__).resolve().parent / "data" / "entities_csis.json"
CLASSES = ("person", "place_org", "weapon")
#: The scored class of each extractor type (a type not here is not scored).
CLASS_OF = {
    "person": "person",
    "organization": "place_org",
    "place": "place_org",
    "facility": "place_org",
    "weapon_system": "weapon",
}


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    type: str  # an extractor type: person, organization, place, facility, weapon_system, other


@dataclass
class Scores:
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    untyped_tp: int = 0
    untyped_fp: int = 0
    untyped_fn: int = 0

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def of(self, cls: str) -> tuple[float, float, float]:
        return self.prf(self.tp[cls], self.fp[cls], self.fn[cls])

    def typed(self) -> tuple[float, float, float]:
        return self.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def untyped(self) -> tuple[float, float, float]:
        return self.prf(self.untyped_tp, self.untyped_fp, self.untyped_fn)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _match(
    preds: Sequence[tuple[int, int, str]], golds: Sequence[tuple[int, int, str]], typed: bool
) -> tuple[set[int], set[int], list[tuple[int, int]]]:
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            ov = _overlap((p[0], p[1]), (g[0], g[1]))
            if ov > 0 and (not typed or p[2] == g[2]):
                pairs.append((p[2] == g[2], ov, -i, -j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, _, mi, mj in pairs:
        i, j = -mi, -mj
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return used_p, used_g, out


def score_doc(doc: Doc, preds: Sequence[Pred], scores: Scores) -> None:
    """Add one document's counts to ``scores`` (see the module docstring)."""
    golds = [(g.start, g.end, CLASS_OF[g.type]) for g in doc.spans if g.proper and g.type in CLASS_OF]
    ignored = [(g.start, g.end) for g in doc.spans if g.proper and g.type not in CLASS_OF]
    ps = [(p.start, p.end, CLASS_OF[p.type]) for p in preds if p.type in CLASS_OF]
    # typed: per class
    used_p, used_g, _ = _match(ps, golds, typed=True)
    for i, p in enumerate(ps):
        if i in used_p:
            scores.tp[p[2]] += 1
        elif not any(_overlap((p[0], p[1]), g) > 0 for g in ignored) or any(
            _overlap((p[0], p[1]), (g[0], g[1])) > 0 for g in golds
        ):
            scores.fp[p[2]] += 1
    for j, g in enumerate(golds):
        if j not in used_g:
            scores.fn[g[2]] += 1
    used_p, used_g, _ = _match(ps, golds, typed=False)
    scores.untyped_tp += len(used_p)
    scores.untyped_fn += len(golds) - len(used_g)
    scores.untyped_fp += sum(
        1
        for i, p in enumerate(ps)
        if i not in used_p
        and (
            not any(_overlap((p[0], p[1]), g) > 0 for g in ignored)
            or any(_overlap((p[0], p[1]), (g[0], g[1])) > 0 for g in golds)
        )
    )


#: Why a prediction is a false positive (see :func:`false_positive_kinds`).
ERROR_KINDS = ("no name there", "inside an unscored gold span", "wrong type", "boundary or duplicate")


def false_positive_kinds(doc: Doc, preds: Sequence[Pred]) -> list[tuple[str, Pred]]:
    """The false positives of ``preds`` on ``doc`` (as :func:`score_doc` counts them), each with its
    kind: *no name there* (no gold span of any kind overlaps it: the "not an entity" decision);
    *inside an unscored gold span* (it overlaps only gold spans the scoring does not count: not all
    PROPN, such as "Paris, France", "first-time director Louis Malle", "United Kingdom" whose "United"
    GUM tags as a verb); *wrong type* (it overlaps a counted gold span of another class only); and
    *boundary or duplicate* (it overlaps a counted gold span of its class that another prediction
    took)."""
    golds = [(g.start, g.end, CLASS_OF[g.type]) for g in doc.spans if g.proper and g.type in CLASS_OF]
    ignored = [(g.start, g.end) for g in doc.spans if g.proper and g.type not in CLASS_OF]
    unscored = [(g.start, g.end) for g in doc.spans if not g.proper]
    kept = [p for p in preds if p.type in CLASS_OF]
    ps = [(p.start, p.end, CLASS_OF[p.type]) for p in kept]
    used_p, _, _ = _match(ps, golds, typed=True)
    out: list[tuple[str, Pred]] = []
    for i, p in enumerate(ps):
        if i in used_p:
            continue
        over = [g for g in golds if _overlap((p[0], p[1]), (g[0], g[1])) > 0]
        if not over and any(_overlap((p[0], p[1]), g) > 0 for g in ignored):
            continue  # not counted at all
        if any(g[2] == p[2] for g in over):
            kind = ERROR_KINDS[3]
        elif over:
            kind = ERROR_KINDS[2]
        elif any(_overlap((p[0], p[1]), g) > 0 for g in unscored):
            kind = ERROR_KINDS[1]
        else:
            kind = ERROR_KINDS[0]
        out.append((kind, kept[i]))
    return out


#: Why a counted gold span is a false negative (see :func:`false_negative_kinds`).
MISS_KINDS = ("missed entirely", "wrong type", "boundary or taken")


def false_negative_kinds(doc: Doc, preds: Sequence[Pred]) -> list[tuple[str, tuple[int, int, str]]]:
    """The counted gold spans (start, end, class) that ``preds`` miss (as :func:`score_doc` counts
    them), each with its kind: *missed entirely* (no scored prediction overlaps it), *wrong type*
    (only predictions of the other class overlap it) and *boundary or taken* (a prediction of its
    class overlaps it but was matched to another gold span)."""
    golds = [(g.start, g.end, CLASS_OF[g.type]) for g in doc.spans if g.proper and g.type in CLASS_OF]
    ps = [(p.start, p.end, CLASS_OF[p.type]) for p in preds if p.type in CLASS_OF]
    _, used_g, _ = _match(ps, golds, typed=True)
    out = []
    for j, g in enumerate(golds):
        if j in used_g:
            continue
        over = [p for p in ps if _overlap((p[0], p[1]), (g[0], g[1])) > 0]
        kind = MISS_KINDS[0] if not over else MISS_KINDS[2] if any(p[2] == g[2] for p in over) else MISS_KINDS[1]
        out.append((kind, g))
    return out


def genre(doc: Doc) -> str:
    """A document's corpus and genre, as its id names it: "gum-bio", "gum-voyage", "uner-email",
    "uner-weblog", ..."""
    if doc.source.startswith("gum"):
        parts = doc.doc_id.split("_")
        return f"gum-{parts[1]}" if len(parts) > 2 else "gum"
    return f"{doc.source.split('-')[0]}-{doc.doc_id.split('-')[0]}"


def score(docs: Sequence[Doc], predict: Callable[[str], list[Pred]]) -> Scores:
    """Scores of ``predict`` (text → predictions) on ``docs``."""
    scores = Scores()
    for d in docs:
        score_doc(d, predict(d.text), scores)
    return scores


def csis_docs(data: Path, gold: Path = CSIS_GOLD) -> list[Doc]:
    """The CSIS descriptions of ``gold`` (``benchmarks/data/entities_csis.json``: how it was made is in
    its ``about``) read from the table in ``data``, with their gold spans."""
    import json

    rows = csis_rows(data)
    docs = []
    for item in json.loads(gold.read_text(encoding="utf-8"))["items"]:
        row = rows[item["row"]]
        text = str(row["description"])
        if row["date"] != item["date"] or any(text[s:e] != surface for s, e, surface, _ in item["spans"]):
            raise ValueError(f"row {item['row']} of {CSIS_TABLE.name} is not the one {gold.name} was made from")
        spans = [GoldSpan(s, e, t) for s, e, _, t in item["spans"]]
        docs.append(Doc(f"csis-{item['row']}", text, spans, "csis"))
    return docs


def naive_predict(text: str) -> list[Pred]:
    """Maximal sequences of capitalised words (joined by single spaces), all typed place_org."""
    import re

    return [
        Pred(m.start(), m.end(), "place") for m in re.finditer(r"(?<![\w'’-])[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*", text)
    ]


def workbook_predictor(use_model: bool = True) -> Callable[[str], list[Pred]]:
    """The workbook's default extractor as a predictor (``use_model=False``: rules only)."""
    from workbook.extract.base import DocumentInput
    from workbook.extract.pipeline import DefaultExtractor

    extractor = DefaultExtractor() if use_model else DefaultExtractor(entity_model=None)

    def predict(text: str) -> list[Pred]:
        ex = extractor.extract(DocumentInput("eval", text))
        types = {e.key: e.type for e in ex.entities}
        return dateline_preds(text) + [Pred(m.start, m.end, types[m.entity_key]) for m in ex.mentions]

    return predict


def dateline_preds(text: str) -> list[Pred]:
    """The dateline a text opens with, as the build reads it (round eighteen): its place and region are
    the document's ``dateline_place`` and its agency its ``dateline_source`` (no mentions: see
    :mod:`workbook.extract.dateline`), so a gold place or agency there counts as read, not missed."""
    from workbook.extract.dateline import parse_dateline

    line = parse_dateline(text)
    if line is None:
        return []
    head, out, pos = text[: line.end].casefold(), [], line.start
    for part in line.place.split(", "):
        k = head.find(part.casefold(), pos)
        if k >= 0:
            out.append(Pred(k, k + len(part), "place"))
            pos = k + len(part)
    if line.source:
        k = head.find(f"({line.source.casefold()})", pos)
        if k >= 0:
            out.append(Pred(k + 1, k + 1 + len(line.source), "organization"))
    return out


def spacy_predictor() -> Callable[[str], list[Pred]] | None:
    """spaCy's ``en_core_web_sm`` as a predictor, or None (with a message) when it is not installed."""
    try:
        import spacy

        nlp = spacy.load("en_core_web_sm")
    except Exception as exc:
        print(f"spaCy en_core_web_sm not available ({type(exc).__name__}); skipped", file=sys.stderr)
        return None
    labels = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "facility"}

    def predict(text: str) -> list[Pred]:
        return [
            Pred(e.start_char, e.end_char, labels.get(e.label_, "other"))
            for e in nlp(text).ents
            if e.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
        ]

    return predict


def table(name: str, scores: Scores, seconds: float) -> str:
    rows = [f"| {name} | {c} | " + " | ".join(f"{v:.2f}" for v in scores.of(c)) + " |" for c in CLASSES[:2]]
    if scores.tp["weapon"] or scores.fp["weapon"] or scores.fn["weapon"]:
        rows.append(f"| {name} | weapon | " + " | ".join(f"{v:.2f}" for v in scores.of("weapon")) + " |")
    rows.append(f"| {name} | **typed** | " + " | ".join(f"{v:.2f}" for v in scores.typed()) + f" | ({seconds:.1f} s)")
    rows.append(f"| {name} | untyped | " + " | ".join(f"{v:.2f}" for v in scores.untyped()) + " |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--set", choices=("gum-news", "held-out", "csis", "all"), default="all")
    ap.add_argument("--system", choices=("default", "rules", "naive", "spacy", "all"), default="all")
    ap.add_argument(
        "--errors", action="store_true", help="also count each system's false positives and negatives by kind"
    )
    args = ap.parse_args(argv)
    if not (args.data / "gum-news_amir-zeldes").is_dir():
        print(f"no data at {args.data}: nothing to evaluate", file=sys.stderr)
        return 1
    sets: dict[str, list[Doc]] = {}
    if args.set in ("gum-news", "all"):
        sets["GUM news (24 docs)"] = gum_docs(args.data / "gum-news_amir-zeldes")
    if args.set in ("held-out", "all"):
        held = training_docs(args.data)[1]
        sets[f"held-out GUM train ({sum(d.source.startswith('gum') for d in held)} docs)"] = [
            d for d in held if d.source.startswith("gum")
        ]
        sets[f"held-out UNER EWT ({sum(d.source.startswith('uner') for d in held)} docs)"] = [
            d for d in held if d.source.startswith("uner")
        ]
    if args.set in ("csis", "all") and (args.data / CSIS_TABLE).exists():
        sets["CSIS provocation descriptions (30 docs)"] = csis_docs(args.data)
    systems: dict[str, Callable[[], Callable[[str], list[Pred]] | None]] = {
        "default": lambda: workbook_predictor(True),
        "rules": lambda: workbook_predictor(False),
        "naive": lambda: naive_predict,
        "spacy": spacy_predictor,
    }
    chosen = list(systems) if args.system == "all" else [args.system]
    for set_name, docs in sets.items():
        print(f"\n### {set_name}\n\n| system | class | P | R | F1 |\n|---|---|---|---|---|")
        for sys_name in chosen:
            predict = systems[sys_name]()
            if predict is None:
                continue
            started = time.process_time()
            s = score(docs, predict)
            print(table(sys_name, s, time.process_time() - started))
            if args.errors:
                print(error_table(sys_name, docs, predict, s))
    return 0


def error_table(name: str, docs: Sequence[Doc], predict: Callable[[str], list[Pred]], scores: Scores) -> str:
    """False positives by kind (:func:`false_positive_kinds`) and class, false negatives by kind
    (:func:`false_negative_kinds`) and gold class, with a few examples each, both per genre, and
    (a diagnostic, not the issue's figure) the typed scores if predictions inside gold spans the
    scoring does not count were neither right nor wrong, as predictions inside other names are."""
    counts: dict[tuple[str, str], int] = {}
    examples: dict[str, list[str]] = {k: [] for k in ERROR_KINDS + tuple("missed: " + k for k in MISS_KINDS)}
    by_genre: dict[str, dict[str, int]] = {}
    for d in docs:
        preds = predict(d.text)
        per = by_genre.setdefault(genre(d), {})
        for kind, p in false_positive_kinds(d, preds):
            key = (kind, CLASS_OF[p.type])
            counts[key] = counts.get(key, 0) + 1
            per[kind] = per.get(kind, 0) + 1
            if len(examples[kind]) < 6:
                examples[kind].append(f"{d.text[p.start : p.end]!r} ({p.type})")
        for kind, g in false_negative_kinds(d, preds):
            key = ("missed: " + kind, g[2])
            counts[key] = counts.get(key, 0) + 1
            per["missed: " + kind] = per.get("missed: " + kind, 0) + 1
            if len(examples["missed: " + kind]) < 6:
                examples["missed: " + kind].append(f"{d.text[g[0] : g[1]]!r} ({g[2]})")
    rows = [f"\nfalse positives of {name} by kind\n\n| kind | person | place_org | examples |\n|---|---|---|---|"]
    for kind in ERROR_KINDS:
        rows.append(
            f"| {kind} | {counts.get((kind, 'person'), 0)} | {counts.get((kind, 'place_org'), 0)} | "
            + ", ".join(examples[kind])
            + " |"
        )
    rows.append("\nfalse negatives by kind (gold class)\n\n| kind | person | place_org | examples |\n|---|---|---|---|")
    for kind in MISS_KINDS:
        rows.append(
            f"| {kind} | {counts.get(('missed: ' + kind, 'person'), 0)} | "
            f"{counts.get(('missed: ' + kind, 'place_org'), 0)} | " + ", ".join(examples["missed: " + kind]) + " |"
        )
    kinds = ERROR_KINDS + tuple("missed: " + k for k in MISS_KINDS)
    rows.append("\nby genre (false positives, then false negatives)\n\n| genre | " + " | ".join(kinds) + " |")
    rows.append("|---" * (len(kinds) + 1) + "|")
    for g, per in sorted(by_genre.items()):
        rows.append(f"| {g} | " + " | ".join(str(per.get(k, 0)) for k in kinds) + " |")
    tp, fp, fn = sum(scores.tp.values()), sum(scores.fp.values()), sum(scores.fn.values())
    inside = sum(n for (kind, _), n in counts.items() if kind == ERROR_KINDS[1])
    p, r, f = Scores.prf(tp, fp - inside, fn)
    rows.append(f"\ndiagnostic: typed P / R / F1 {p:.2f} / {r:.2f} / {f:.2f} without the {inside} '{ERROR_KINDS[1]}'")
    return "\n".join(rows)


if __name__ == "__main__":
    raise SystemExit(main())
