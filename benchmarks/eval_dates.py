"""Date expressions on real text: how many are found, resolved, and resolved right.

    PYTHONPATH=. python benchmarks/eval_dates.py [--data ../shared/data]

* **GUM news** (24 Wikinews articles, ``gum-news_amir-zeldes``; evaluation only, never tuned on) and
  the **GUM training genres** (``gum-train_amir-zeldes``, fine for development): the text is rebuilt
  from the CoNLL-U tokens (one line a sentence, a blank line a paragraph), the anchor is
  ``# meta::dateCreated``. Gold: each ``<date when="...">`` (or ``from``/``to``) element of the MISC
  ``XML`` field, with its token span. A gold date is *found* when a predicted expression overlaps it;
  *correct* when the predicted interval equals the gold one (``when="2017"`` is the year,
  ``"2017-07"`` the month, a full date the day); *holding* when it contains the gold interval (GUM
  marks the ends of "from 1947 to 1960" as two dates; we read one interval); *wrong* when it is
  resolved but holds no day of the gold interval: a silently wrong date, the failure that matters most.
* **KCNA 2024** (``kcna-archive_stiles``, no gold): expressions found and resolved, and two checks
  that need no gold: day-and-month dates resolved more than a day after publication with no future
  cue in the text before them (year jumps), and intervals of precision ``day`` longer than a day.

Prints one block per corpus; ``benchmarks/RESULTS.md`` ("Extraction quality — dates") keeps the
before/after figures.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from workbook.extract.dates import find_dates

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+):::"([^"]*)"')
_FUTURE = re.compile(r"\b(?:will|shall|scheduled|upcoming|to be held|due to|set to|next)\b", re.IGNORECASE)


@dataclass(frozen=True)
class GoldDate:
    start: int
    end: int
    first: date
    last: date


def _interval(value: str, last: bool) -> date | None:
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            if not last:
                return date(y, m, 1)
            return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
        if len(parts) == 1 and len(parts[0]) == 4:
            return date(int(parts[0]), 12, 31) if last else date(int(parts[0]), 1, 1)
    except ValueError:
        return None
    return None


def read_conllu(path: Path) -> tuple[str, date | None, list[GoldDate]]:
    """The document's text (one line a sentence), anchor and gold dates with their offsets."""
    parts: list[str] = []
    pos = 0
    sep = ""
    anchor: date | None = None
    gold: list[GoldDate] = []
    stack: list[tuple[int, dict[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# meta::dateCreated"):
            anchor = date.fromisoformat(line.split("=", 1)[1].strip()[:10])
        elif line.startswith("# sent_id") and parts:
            sep = "\n"
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            continue
        if parts:
            parts.append(sep)
            pos += len(sep)
        start = pos
        parts.append(cols[1])
        pos += len(cols[1])
        sep = "" if "SpaceAfter=No" in cols[9] else " "
        misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        for m in _TAG.finditer(misc.get("XML", "")):
            if m[2] != "date":
                continue
            if not m[1]:
                stack.append((start, dict(_ATTR.findall(m[3]))))
            elif stack:
                s, attrs = stack.pop()
                lo = attrs.get("when") or attrs.get("from")
                hi = attrs.get("when") or attrs.get("to")
                first = _interval(lo, False) if lo else None
                last = _interval(hi, True) if hi else None
                if first and last and first <= last:
                    gold.append(GoldDate(s, pos, first, last))
    return "".join(parts), anchor, gold


def score_gum(folder: Path, label: str) -> None:
    files = sorted(folder.glob("*.conllu"))
    if not files:
        print(f"{label}: absent ({folder})")
        return
    found = resolved = n_gold = hit = correct = holds = wrong = 0
    chars = 0
    t0 = time.process_time()
    for path in files:
        text, anchor, gold = read_conllu(path)
        chars += len(text)
        preds = find_dates(text, anchor)
        found += len(preds)
        resolved += sum(p.date_start is not None for p in preds)
        for g in gold:
            n_gold += 1
            over = [p for p in preds if p.start < g.end and g.start < p.end]
            if not over:
                continue
            hit += 1
            p = over[0]
            if p.date_start is None or p.date_end is None:
                continue
            if (p.date_start, p.date_end) == (g.first, g.last):
                correct += 1
            elif p.date_start <= g.first and g.last <= p.date_end:
                holds += 1
            elif p.date_end < g.first or p.date_start > g.last:
                wrong += 1
    cpu = time.process_time() - t0
    print(f"{label}: {len(files)} documents, {chars:,} characters, {cpu:.2f} cpu-s")
    print(f"  date expressions found: {found}; resolved to dates: {resolved} ({resolved / max(found, 1):.0%})")
    print(f"  gold dates with a value: {n_gold}; overlapped by an expression: {hit} ({hit / max(n_gold, 1):.0%})")
    print(
        f"  resolved exactly as gold: {correct} ({correct / max(n_gold, 1):.0%} of gold, "
        f"{correct / max(hit, 1):.0%} of those found); holding it (a range or coarser): {holds}; "
        f"wrong (disjoint from gold): {wrong}"
    )


def score_kcna(path: Path) -> None:
    if not path.exists():
        print(f"KCNA 2024: absent ({path})")
        return
    docs = json.loads(path.read_text(encoding="utf-8"))
    found = resolved = jumps = long_days = 0
    t0 = time.process_time()
    for d in docs:
        text = d.get("story_text") or ""
        anchor = date.fromisoformat(str(d["date_str"])[:10])
        for p in find_dates(text, anchor):
            found += 1
            if p.date_start is None or p.date_end is None:
                continue
            resolved += 1
            if p.precision == "day" and p.date_start != p.date_end:
                long_days += 1
            cue = _FUTURE.search(text, max(0, p.start - 120), p.start)
            if (
                p.resolution == "relative"
                and p.precision == "day"
                and p.date_start > anchor + timedelta(days=1)
                and cue is None
            ):
                jumps += 1
    cpu = time.process_time() - t0
    print(f"KCNA 2024: {len(docs)} documents, {cpu:.2f} cpu-s")
    print(f"  date expressions found: {found}; resolved: {resolved} ({resolved / max(found, 1):.0%})")
    print(
        f"  relative days after publication with no future cue: {jumps}; 'day' precision longer than a day: {long_days}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=SHARED)
    args = ap.parse_args()
    score_gum(args.data / "gum-news_amir-zeldes", "GUM news (evaluation)")
    score_gum(args.data / "gum-train_amir-zeldes", "GUM train genres (development)")
    score_kcna(args.data / "kcna-archive_stiles" / "headlines_2024-11-11.json")


if __name__ == "__main__":
    main()
