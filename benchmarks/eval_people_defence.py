"""People in made-up defence press-release paragraphs (issue 12, round seven).

``benchmarks/data/people_defence_madeup.json`` holds two small sets of paragraphs written for it (ranks
abbreviated and spelled out, particles, hyphenated and accented names, surnames alone later) with every
person mention listed in text order, annotated before the extractor was run on them. Scored as
``eval_entities`` scores people: a prediction typed person matches a gold mention it overlaps, one to one.

    python -m benchmarks.eval_people_defence
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from workbook.extract.base import DocumentInput
from workbook.extract.pipeline import DefaultExtractor

__all__ = ["gold_spans", "main", "score_set"]

GOLD = Path(__file__).resolve().parent / "data" / "people_defence_madeup.json"


def gold_spans(text: str, people: Sequence[str]) -> list[tuple[int, int]]:
    """The offsets of the listed mentions, each found after the one before it with the same words."""
    out: list[tuple[int, int]] = []
    for name in people:
        at = text.find(name)
        while at >= 0 and any(a <= at < b for a, b in out):
            at = text.find(name, at + 1)
        if at < 0:
            raise ValueError(f"{name!r} is not in the paragraph {text[:60]!r}")
        out.append((at, at + len(name)))
    return out


def score_set(rows: Sequence[dict[str, object]], extractor: DefaultExtractor) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of persons over ``rows``."""
    tp = fp = fn = 0
    for row in rows:
        text, people = str(row["text"]), [str(p) for p in row["people"]]  # type: ignore[attr-defined]
        gold = gold_spans(text, people)
        ex = extractor.extract(DocumentInput("p", text))
        types = {e.key: e.type for e in ex.entities}
        preds = [(m.start, m.end) for m in ex.mentions if types[m.entity_key] == "person"]
        used: set[int] = set()
        for a, b in gold:
            hit = next((k for k, (c, d) in enumerate(preds) if k not in used and c < b and a < d), None)
            if hit is None:
                fn += 1
            else:
                used.add(hit)
                tp += 1
        fp += len(preds) - len(used)
    return tp, fp, fn


def main(argv: Sequence[str] | None = None) -> int:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    extractor = DefaultExtractor()
    for name in ("check1", "check2"):
        tp, fp, fn = score_set(data[name], extractor)
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name}: person P {p:.2f} R {r:.2f} F1 {f1:.2f} (tp {tp}, fp {fp}, fn {fn})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
