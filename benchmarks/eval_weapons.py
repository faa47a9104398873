"""Precision and recall of weapon systems and military platforms on ``tests/data/weapons_gold.json``.

The gold is made-up sentences in the style of defence press releases (written for this repository),
each with the named weapon systems and platforms it holds: ``weapons_gold.json`` (written with the
rules) and ``weapons_heldout.json`` (written after them and not used to tune them). A prediction is a mention of a
``weapon_system`` entity found by the default extractor; it matches a gold span when the two overlap
(one to one, in text order), as in the issue's scoring.

    .venv/bin/python benchmarks/eval_weapons.py            # P, R, F1
    .venv/bin/python benchmarks/eval_weapons.py --errors   # also every miss and false alarm
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from workbook.extract.base import DocumentInput
from workbook.extract.pipeline import DefaultExtractor

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
GOLD = DATA / "weapons_gold.json"
HELD_OUT = DATA / "weapons_heldout.json"


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int
    misses: tuple[str, ...]
    false_alarms: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def gold_spans(text: str, surfaces: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for s in surfaces:
        i = text.find(s, pos)
        if i < 0:
            i = text.find(s)
        if i < 0:
            raise ValueError(f"gold surface {s!r} is not in {text!r}")
        out.append((i, i + len(s)))
        pos = i + len(s)
    return out


def predicted_spans(ex: DefaultExtractor, text: str) -> list[tuple[int, int]]:
    result = ex.extract(DocumentInput("gold", text))
    weapons = {e.key for e in result.entities if e.type == "weapon_system"}
    return sorted((m.start, m.end) for m in result.mentions if m.entity_key in weapons)


def score(path: Path = GOLD, ex: DefaultExtractor | None = None) -> Score:
    ex = ex or DefaultExtractor()
    tp = fp = fn = 0
    misses: list[str] = []
    alarms: list[str] = []
    for item in json.loads(path.read_text(encoding="utf-8"))["sentences"]:
        text = item["text"]
        gold = gold_spans(text, item["weapons"])
        pred = predicted_spans(ex, text)
        used: set[int] = set()
        for ps, pe in pred:
            hit = next((k for k, (gs, ge) in enumerate(gold) if k not in used and ps < ge and gs < pe), None)
            if hit is None:
                fp += 1
                alarms.append(f"{text[ps:pe]!r} in {text!r}")
            else:
                used.add(hit)
                tp += 1
        for k, (gs, ge) in enumerate(gold):
            if k not in used:
                fn += 1
                misses.append(f"{text[gs:ge]!r} in {text!r}")
    return Score(tp, fp, fn, tuple(misses), tuple(alarms))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--errors", action="store_true", help="print every miss and false alarm")
    args = ap.parse_args(argv)
    ex = DefaultExtractor()
    for path in (GOLD, HELD_OUT):
        s = score(path, ex)
        print(f"{path.name}: P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})")
        if args.errors:
            for m in s.misses:
                print("  missed:", m)
            for a in s.false_alarms:
                print("  false alarm:", a)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
