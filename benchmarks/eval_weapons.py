"""Precision and recall of weapon systems and military platforms on ``tests/data/weapons_gold.json``.

The gold is made-up sentences in the style of defence press releases (written for this repository),
each with the named weapon systems and platforms it holds: ``weapons_gold.json`` (written with the
rules) and ``weapons_heldout.json`` (written after them and not used to tune them). A prediction is a mention of a
``weapon_system`` entity found by the default extractor; it matches a gold span when the two overlap
(one to one, in text order), as in the issue's scoring.

    .venv/bin/python benchmarks/eval_weapons.py            # P, R, F1
    .venv/bin/python benchmarks/eval_weapons.py --errors   # also every miss and false alarm
    .venv/bin/python benchmarks/eval_weapons.py --csis     # also real analysts' prose (CSIS), by part
    .venv/bin/python benchmarks/eval_weapons.py --fresh2   # also made-up press releases (weapons_fresh2.json)
    .venv/bin/python benchmarks/eval_weapons.py --fresh3   # also made-up wire, think-tank, contract prose
    .venv/bin/python benchmarks/eval_weapons.py --fresh4   # also contract notices, releases, business look-alikes
    .venv/bin/python benchmarks/eval_weapons.py --fresh5   # also weapons named without a weapon word beside them

``--csis`` scores ``benchmarks/data/weapons_csis.json``: 100 event descriptions of the CSIS "North Korea
provocations" table, annotated before the extractor was run on them (how, in the file's ``about``). The
descriptions are read from ``../shared/data`` (not copied into the repository); the tune part may be read
when rules change, the check part is only scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import CSIS_TABLE, SHARED_DATA, csis_rows

from workbook.extract.base import DocumentInput
from workbook.extract.pipeline import DefaultExtractor

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
GOLD = DATA / "weapons_gold.json"
HELD_OUT = DATA / "weapons_heldout.json"
CSIS_GOLD = ROOT / "benchmarks" / "data" / "weapons_csis.json"
CSIS_FILE = SHARED_DATA / CSIS_TABLE
FRESH2_GOLD = ROOT / "benchmarks" / "data" / "weapons_fresh2.json"
FRESH3_GOLD = ROOT / "benchmarks" / "data" / "weapons_fresh3.json"
FRESH4_GOLD = ROOT / "benchmarks" / "data" / "weapons_fresh4.json"
FRESH5_GOLD = ROOT / "benchmarks" / "data" / "weapons_fresh5.json"
#: The hidden set's classes: place and organisation are one class, person its own, weapons their own.
SCORED_CLASS = {"person": "person", "organization": "place_org", "place": "place_org", "facility": "place_org"}


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int
    misses: tuple[str, ...]
    false_alarms: tuple[str, ...]
    #: What each missed gold span was typed as instead ("person", "place_org", "other" or "nothing").
    miss_types: tuple[str, ...] = ()

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


def typed_spans(ex: DefaultExtractor, text: str) -> list[tuple[int, int, str]]:
    """Every entity mention of the default extractor as (start, end, entity type)."""
    result = ex.extract(DocumentInput("gold", text))
    types = {e.key: e.type for e in result.entities}
    return sorted((m.start, m.end, types[m.entity_key]) for m in result.mentions if m.entity_key in types)


def predicted_spans(ex: DefaultExtractor, text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, t in typed_spans(ex, text) if t == "weapon_system"]


def miss_type(spans: list[tuple[int, int, str]], start: int, end: int) -> str:
    """The scored class of the first non-weapon mention overlapping ``text[start:end]``, or "nothing"."""
    hit = next((t for s, e, t in spans if t != "weapon_system" and s < end and start < e), None)
    return "nothing" if hit is None else SCORED_CLASS.get(hit, "other")


def gold_items(path: Path) -> list[tuple[str, list[str]]]:
    """(text, gold surfaces) of a gold file of made-up sentences."""
    return [(item["text"], item["weapons"]) for item in json.loads(path.read_text(encoding="utf-8"))["sentences"]]


def csis_items(part: str, gold: Path = CSIS_GOLD, data: Path = SHARED_DATA) -> list[tuple[str, list[str]]]:
    """(description, gold surfaces) of one part ("tune" or "check") of the CSIS gold, the descriptions read
    from the shared data table the gold's rows point into (the row's date is checked against the gold's)."""
    rows = csis_rows(data)
    out = []
    for item in json.loads(gold.read_text(encoding="utf-8"))["items"]:
        if item["part"] != part:
            continue
        row = rows[item["row"]]
        if row["date"] != item["date"]:
            raise ValueError(
                f"row {item['row']} of {CSIS_TABLE.name} is dated {row['date']}, the gold says {item['date']}"
            )
        out.append((row["description"], item["weapons"]))
    return out


def fresh2_items(part: str, gold: Path = FRESH2_GOLD) -> list[tuple[str, list[str]]]:
    """(paragraph, gold surfaces) of one part ("tune" or "check") of a made-up set of paragraphs
    (``weapons_fresh2.json`` by default, ``weapons_fresh3.json`` in the same format)."""
    items = json.loads(gold.read_text(encoding="utf-8"))["items"]
    return [(item["text"], item["weapons"]) for item in items if item["part"] == part]


def score(path: Path | list[tuple[str, list[str]]] = GOLD, ex: DefaultExtractor | None = None) -> Score:
    ex = ex or DefaultExtractor()
    tp = fp = fn = 0
    misses: list[str] = []
    alarms: list[str] = []
    kinds: list[str] = []
    for text, surfaces in gold_items(path) if isinstance(path, Path) else path:
        gold = gold_spans(text, surfaces)
        typed = typed_spans(ex, text)
        pred = [(s, e) for s, e, t in typed if t == "weapon_system"]
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
                kinds.append(miss_type(typed, gs, ge))
                misses.append(f"{text[gs:ge]!r} (typed {kinds[-1]}) in {text!r}")
    return Score(tp, fp, fn, tuple(misses), tuple(alarms), tuple(kinds))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--errors", action="store_true", help="print every miss and false alarm")
    ap.add_argument("--csis", action="store_true", help="also score the CSIS descriptions (needs ../shared/data)")
    ap.add_argument(
        "--check-errors",
        action="store_true",
        help="with --csis or --fresh2 to --fresh5, print the check part's errors too (do not tune on them)",
    )
    ap.add_argument(
        "--fresh2",
        action="store_true",
        help="also score benchmarks/data/weapons_fresh2.json by part (--errors shows the tune part's errors)",
    )
    ap.add_argument(
        "--fresh3",
        action="store_true",
        help="also score benchmarks/data/weapons_fresh3.json by part (wire, think-tank and contract prose)",
    )
    ap.add_argument(
        "--fresh4",
        action="store_true",
        help="also score benchmarks/data/weapons_fresh4.json by part (contract notices, releases, look-alikes)",
    )
    ap.add_argument(
        "--fresh5",
        action="store_true",
        help="also score benchmarks/data/weapons_fresh5.json by part (acronyms, drones and EW named on their own)",
    )
    args = ap.parse_args(argv)
    ex = DefaultExtractor()
    sets: list[tuple[str, Path | list[tuple[str, list[str]]], bool]] = [
        (GOLD.name, GOLD, args.errors),
        (HELD_OUT.name, HELD_OUT, args.errors),
    ]
    if args.csis:
        if not CSIS_FILE.exists():
            print(f"--csis: {CSIS_FILE.relative_to(ROOT.parent)} is absent; the CSIS gold cannot be scored")
        else:
            sets += [
                ("CSIS descriptions, tune part", csis_items("tune"), args.errors),
                ("CSIS descriptions, check part", csis_items("check"), args.check_errors),
            ]
    if args.fresh2:
        sets += [
            ("weapons_fresh2.json, tune part", fresh2_items("tune"), args.errors),
            ("weapons_fresh2.json, check part", fresh2_items("check"), args.check_errors),
        ]
    if args.fresh3:
        sets += [
            ("weapons_fresh3.json, tune part", fresh2_items("tune", FRESH3_GOLD), args.errors),
            ("weapons_fresh3.json, check part", fresh2_items("check", FRESH3_GOLD), args.check_errors),
        ]
    if args.fresh4:
        sets += [
            ("weapons_fresh4.json, tune part", fresh2_items("tune", FRESH4_GOLD), args.errors),
            ("weapons_fresh4.json, check part", fresh2_items("check", FRESH4_GOLD), args.check_errors),
        ]
    if args.fresh5:
        sets += [
            ("weapons_fresh5.json, tune part", fresh2_items("tune", FRESH5_GOLD), args.errors),
            ("weapons_fresh5.json, check part", fresh2_items("check", FRESH5_GOLD), args.check_errors),
        ]
    for name, path, show in sets:
        s = score(path, ex)
        kinds = ", ".join(f"{k} {s.miss_types.count(k)}" for k in sorted(set(s.miss_types)))
        print(
            f"{name}: P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})"
            + (f"  misses typed: {kinds}" if kinds else "")
        )
        if show:
            for m in s.misses:
                print("  missed:", m)
            for a in s.false_alarms:
                print("  false alarm:", a)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
