"""Dates in others' prose: a made-up gold in eight publishers' styles and the CSIS provocations table.

    PYTHONPATH=. python benchmarks/eval_dates_fresh.py [--part tune|check|all] [--show] [--data ../shared/data]
                                                       [--gold fresh|fresh3|...|fresh11]

* **fresh** (``benchmarks/data/dates_fresh.json``): 40 made-up paragraphs (press releases, wire copy,
  courts, business, sport, science, local news, defence), each with its publication date and every
  date expression a careful reader finds, with the interval it denotes, or ``leave-out`` (a company's
  fiscal period, "10/03/2023", a time "0600 KST", a score "21-15": no date, or no safe one). Written and
  committed before the extractor ran on it. Odd ids are the *tune* part, even ids the *check* part.
* **fresh3** (``benchmarks/data/dates_fresh3.json``, ``--gold fresh3``): 40 more made-up paragraphs in styles
  the first set lacks (sport fixtures and results, court timetables, fiscal years and quarters, study periods,
  centuries and BC, obituaries, seasons in both hemispheres, Christmas and Easter, relative chains such as
  "the day after" and "the 17th"), 291 expressions, 29 of them ``leave-out``; written and committed before
  the extractor ran on it (dates3 round). Odd ids *tune*, even ids *check*. With ``--gold fresh3`` the CSIS
  table is not scored.
* **fresh4** (``benchmarks/data/dates_fresh4.json``, ``--gold fresh4``): 32 more made-up paragraphs (defence
  press releases and news, federal fiscal years, wire copy with weekdays across a month boundary, speeches
  and interviews given on another day, reports quoting older documents, names of agreements and operations
  that contain dates, non-US date forms, southern seasons without a listed place), 193 expressions, 33 of
  them ``leave-out``; written and committed before the extractor ran on it (dates4 round). Odd ids *tune*,
  even ids *check*; the CSIS table is not scored.
* **fresh5** (``benchmarks/data/dates_fresh5.json``, ``--gold fresh5``): 16 more made-up paragraphs on what the
  dates4 round left (weekdays and dates after future verbs and deadlines, habits and schedules to leave out,
  clauses joined by ";" and "after", southern seasons with and without a southern dateline, northern texts
  naming a southern place or a northern Perth), 88 expressions, 17 of them ``leave-out``; written and committed
  before the extractor ran on it (dates5 round). Odd ids *tune*, even ids *check*; the CSIS table is not scored.
* **fresh6** (``benchmarks/data/dates_fresh6.json``, ``--gold fresh6``): 16 more made-up paragraphs on what the
  dates5 round left, in styles the older sets lack (local councils, schools, health notices, sport fixtures,
  business results, court listings, weather, science missions, transcripts): deadlines and weekdays after future
  verbs, "through"/"by"/"until" dates across a year's end, past verbs of many forms before weekdays, month parts
  and relative months ("the end of the month"), 103 expressions, 4 of them ``leave-out``; written and committed
  before the extractor ran on it (dates6 round). Odd ids *tune*, even ids *check*; the CSIS table is not scored.
* **fresh7** (``benchmarks/data/dates_fresh7.json``, ``--gold fresh7``): 16 more made-up paragraphs in styles the
  older sets lack (weekly round-ups across two months, split-year sports seasons and matchdays, court timelines,
  earnings calls with and without a fiscal year's definition, travel and weather advisories with clock times,
  military exercises with day ranges, history features of several eras, ISO and slashed numeric dates), 161
  expressions, 18 of them ``leave-out``; written and committed before the extractor ran on it (dates8 round).
  Odd ids *tune*, even ids *check*; the CSIS table is not scored.
* **fresh8** (``benchmarks/data/dates_fresh8.json``, ``--gold fresh8``): 16 more made-up paragraphs in styles the
  older sets lack (anniversaries and obituaries spanning centuries, shipping and supply-chain news with numbered
  weeks and quarter ends, school-term and exam calendars, festival line-ups over several days, retail seasons,
  US and European numeric dates in one text, headlines in capitals and photo captions, relative chains such as
  "the previous year", "the following month", "later that week"), 131 expressions, 13 of them ``leave-out``;
  written and committed before the extractor ran on it (dates9 round). Odd ids *tune*, even ids *check*; the
  CSIS table is not scored.
* **fresh9** (``benchmarks/data/dates_fresh9.json``, ``--gold fresh9``): 16 more made-up paragraphs in styles the
  older sets lack (rail and hospital strike notices, timetable changes, what's-on listings in the present tense,
  retail and shopping days, football fixtures and results across a season, weather warnings with day-and-time
  bounds, UK and US court listings, anniversaries with headlines in capitals, port logistics with bare numbered
  weeks), 135 expressions, 14 of them ``leave-out``; written and committed before the extractor ran on it (dates10
  round). Odd ids *tune*, even ids *check*; the CSIS table is not scored.
* **fresh10** (``benchmarks/data/dates_fresh10.json``, ``--gold fresh10``): 34 more made-up paragraphs in styles the
  older sets lack (defence and government releases with place-and-date lines, "Released:" lines and compact
  military dates "01DEC25", federal fiscal years and fiscal quarters, UK financial years, wire copy with "over the
  weekend" and "late last year", bare quarters, split-year seasons, listings with "runs on", local notices with
  habits, named days as habits, superlative months, headlines in capitals), 229 expressions, 51 of them
  ``leave-out``; written and committed before the extractor ran on it (dates11 round). Odd ids *tune*, even ids
  *check*; the CSIS table is not scored.
* **fresh11** (``benchmarks/data/dates_fresh11.json``, ``--gold fresh11``): 32 more made-up paragraphs on what the
  dates11 round left (budget and procurement releases, company results with and without a stated fiscal year, sport
  with possessive and split-year seasons, parliament and committee notices, courts, weather, culture listings): months
  before nouns ('a June deadline', 'the coldest January on record'), fiscal years with and without their owner, 'the
  same day last year', a weekday that is the publication day before a future verb), 173 expressions, 23 of them
  ``leave-out``; written and committed before the extractor ran on it (dates12 round). Odd ids *tune*, even ids
  *check*; the CSIS table is not scored.
* **csis** (the CSIS Beyond Parallel provocations table, ``../shared/data/csis-provocations_stiles``):
  120 rows drawn with seed 12 (the first 60 *tune*, the last 60 *check*); each description is read
  with a publication date of the row's date + N days, N drawn from 0-6 by ``random.Random(12 + row)``
  (a report filed up to a week after the act). The act's date is the description's first expression
  of precision ``day`` or ``days`` (else its first expression): *exact* when it is the row's date,
  *holding* when it contains it, *wrong* when resolved and disjoint from it (*year-wrong*: the same
  month and day in another year, surely the extractor's fault). The row's ``date`` column is the
  gold; a description that names no date is *not found*.

Scores per set (every gold expression): *found* (a predicted expression overlaps it), *resolved*
(that prediction has dates), *exact* (same interval), *holding* (the prediction contains the gold
interval), *inside* (contained by it), *partial* (overlapping otherwise), **wrong** (disjoint: a
silently wrong date; for a ``leave-out`` expression, any resolved prediction over it), and *extra*
(resolved predictions over no gold expression; fresh only). ``--show`` lists the mistakes of the tune
parts only: the check parts are scored, never read. ``benchmarks/RESULTS.md`` ("Dates round two")
keeps the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# appended, not prepended: a workbook on PYTHONPATH (main's, for a side-by-side run) wins over this tree's
sys.path.append(str(Path(__file__).resolve().parents[1]))

from benchmarks.corpora import CSIS_TABLE, SHARED_DATA, csis_rows, load_average
from workbook.extract.dates import DateMatch, find_dates

FRESH = Path(__file__).resolve().parent / "data" / "dates_fresh.json"
FRESH3 = Path(__file__).resolve().parent / "data" / "dates_fresh3.json"
FRESH4 = Path(__file__).resolve().parent / "data" / "dates_fresh4.json"
FRESH5 = Path(__file__).resolve().parent / "data" / "dates_fresh5.json"
FRESH6 = Path(__file__).resolve().parent / "data" / "dates_fresh6.json"
FRESH7 = Path(__file__).resolve().parent / "data" / "dates_fresh7.json"
FRESH8 = Path(__file__).resolve().parent / "data" / "dates_fresh8.json"
FRESH9 = Path(__file__).resolve().parent / "data" / "dates_fresh9.json"
FRESH10 = Path(__file__).resolve().parent / "data" / "dates_fresh10.json"
FRESH11 = Path(__file__).resolve().parent / "data" / "dates_fresh11.json"
GOLD_SETS = {
    "fresh": FRESH,
    "fresh3": FRESH3,
    "fresh4": FRESH4,
    "fresh5": FRESH5,
    "fresh6": FRESH6,
    "fresh7": FRESH7,
    "fresh8": FRESH8,
    "fresh9": FRESH9,
    "fresh10": FRESH10,
    "fresh11": FRESH11,
}
CSIS_SEED = 12
CSIS_SAMPLE = 120
#: How many days after the act its report is dated, at most.
CSIS_MAX_LAG = 6


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    first: date | None  # None: leave out
    last: date | None


def _verdict(p: DateMatch | None, first: date | None, last: date | None) -> str:
    """not found / unresolved / exact / holding / inside / partial / wrong / left out."""
    if first is None or last is None:
        return "left out" if p is None or p.date_start is None else "wrong"
    if p is None:
        return "not found"
    if p.date_start is None or p.date_end is None:
        return "unresolved"
    if (p.date_start, p.date_end) == (first, last):
        return "exact"
    if p.date_start <= first and last <= p.date_end:
        return "holding"
    if first <= p.date_start and p.date_end <= last:
        return "inside"
    if p.date_end < first or p.date_start > last:
        return "wrong"
    return "partial"


def fresh_gold(path: Path = FRESH) -> list[tuple[dict[str, object], list[Gold]]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for para in doc["paragraphs"]:
        text = para["text"]
        golds = []
        for item in para["dates"]:
            occurrence = item[4] if len(item) > 4 else 0
            pos = -1
            for _ in range(occurrence + 1):
                pos = text.index(item[0], pos + 1)
            first = date.fromisoformat(item[1]) if item[1] else None
            last = date.fromisoformat(item[2]) if item[2] else None
            golds.append(Gold(pos, pos + len(item[0]), item[0], first, last))
        out.append((para, golds))
    return out


def _line(label: str, counts: Counter[str], n: int, extra: int | None = None) -> str:
    found = n - counts["not found"] - counts["left out"]
    cells = [
        f"{label:<14} gold {n:>3}",
        f"found {found:>3}",
        f"resolved {found - counts['unresolved']:>3}",
        f"exact {counts['exact']:>3}",
        f"holding {counts['holding']:>3}",
        f"inside {counts['inside']:>2}",
        f"partial {counts['partial']:>2}",
        f"WRONG {counts['wrong']:>2}",
        f"left out right {counts['left out']:>2}",
    ]
    if extra is not None:
        cells.append(f"extra {extra}")
    return " | ".join(cells)


def score_fresh(part: str, show: bool, gold: str = "fresh") -> None:
    for name in ("tune", "check") if part == "all" else (part,):
        counts: Counter[str] = Counter()
        n = extra = 0
        for para, golds in fresh_gold(GOLD_SETS[gold]):
            if para["part"] != name:
                continue
            anchor = date.fromisoformat(str(para["anchor"]))
            text = str(para["text"])
            preds = find_dates(text, anchor)
            for g in golds:
                over = [p for p in preds if p.start < g.end and g.start < p.end]
                v = _verdict(over[0] if over else None, g.first, g.last)
                counts[v] += 1
                n += 1
                if show and name == "tune" and v not in ("exact", "holding", "left out"):
                    got = f"{over[0].text!r} {over[0].date_start}..{over[0].date_end}" if over else "-"
                    print(f"  [{para['id']}] {v:<10} {g.text!r} gold {g.first}..{g.last}  got {got}")
            for p in preds:
                if p.date_start is not None and not any(p.start < g.end and g.start < p.end for g in golds):
                    extra += 1
                    if show and name == "tune":
                        print(f"  [{para['id']}] extra      {p.text!r} {p.date_start}..{p.date_end}")
        print(_line(f"{gold} {name}", counts, n, extra))


def csis_sample(data: Path) -> list[tuple[int, dict[str, str], date, date]]:
    """(row index, row, act date, publication date) for the seeded sample, tune half first."""
    rows = csis_rows(data)
    usable = [i for i, r in enumerate(rows) if r["description"].strip() and r["date"][:4].isdigit()]
    picked = random.Random(CSIS_SEED).sample(usable, CSIS_SAMPLE)
    out = []
    for i in picked:
        act = date.fromisoformat(rows[i]["date"][:10])
        lag = random.Random(CSIS_SEED + i).randint(0, CSIS_MAX_LAG)
        out.append((i, rows[i], act, act + timedelta(days=lag)))
    return out


def score_csis(data: Path, part: str, show: bool) -> None:
    if not (data / CSIS_TABLE).exists():
        print(f"csis: absent ({data / CSIS_TABLE})")
        return
    sample = csis_sample(data)
    halves = {"tune": sample[: CSIS_SAMPLE // 2], "check": sample[CSIS_SAMPLE // 2 :]}
    for name in ("tune", "check") if part == "all" else (part,):
        counts: Counter[str] = Counter()
        year_wrong = holds_anywhere = 0
        for i, row, act, anchor in halves[name]:
            preds = [p for p in find_dates(row["description"], anchor)]
            days = [p for p in preds if p.precision in ("day", "days")]
            p = (days or preds or [None])[0]
            v = _verdict(p, act, act)
            counts[v] += 1
            if any(
                q.date_start is not None and q.date_end is not None and q.date_start <= act <= q.date_end for q in preds
            ):
                holds_anywhere += 1
            if v == "wrong" and p is not None and p.date_start is not None and p.date_start.year != act.year:
                year_wrong += (p.date_start.month, p.date_start.day) == (act.month, act.day)
            if show and name == "tune" and v not in ("exact", "holding"):
                got = f"{p.text!r} {p.date_start}..{p.date_end}" if p else "-"
                print(f"  [row {i}] {v:<10} act {act} published {anchor}  got {got}")
                if v == "wrong":
                    print(f"      {row['description'][:300]}")
        n = len(halves[name])
        print(
            _line(f"csis {name}", counts, n) + f" | year-wrong {year_wrong} | some expression holds it {holds_anywhere}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=("tune", "check", "all"), default="tune")
    ap.add_argument("--show", action="store_true", help="list the tune parts' mistakes")
    ap.add_argument("--data", type=Path, default=SHARED_DATA)
    ap.add_argument("--gold", choices=sorted(GOLD_SETS), default="fresh", help="which made-up gold set")
    args = ap.parse_args()
    t0 = time.process_time()
    import workbook

    print(f"load {load_average()}; workbook from {Path(workbook.__file__).parent}")
    score_fresh(args.part, args.show, args.gold)
    if args.gold == "fresh":
        score_csis(args.data, args.part, args.show)
    print(f"{time.process_time() - t0:.2f} cpu-s")


if __name__ == "__main__":
    main()
