"""Score the extracted appearances against a hand-made expectation set (precision and recall per field).

The expectation set (``tests/data/site_visits_expected.json``) lists, for articles read by hand, the
activity, the stated dates, the places and the weapon systems. Articles are matched by link (the same
story filed under several topics keeps one link), else by archive index. Per field, over all articles:

* **dates**: (article, day) pairs; a prediction is every day of ``[date_start, date_end]`` when the date
  is stated, nothing when it was inferred from the publication date (an inferred date claims nothing);
* **places**: (article, place) pairs; a predicted place matches an expected one when the expected name's
  :func:`~workbook.names.romanisation_key` is that of the place's name or one of its gazetteer
  aliases ("Sinpho" matches the entry "Sinpo"); one-to-one;
* **weapons**: (article, weapon) pairs by :func:`~workbook.names.weapon_key`;
* **activities**: one label per article; a wrong label counts as a false positive and a false negative.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.errors import WorkbookError
from workbook.extract.gazetteer import Gazetteer
from workbook.names import romanisation_key, weapon_key

__all__ = ["FIELDS", "load_expectations", "score_appearances"]

FIELDS: tuple[str, ...] = ("dates", "places", "activities", "weapons")


def load_expectations(path: str | Path) -> pd.DataFrame:
    """The expectation set as a DataFrame (index, link, published, activity, date_stated, dates, places,
    weapons, site, note)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise WorkbookError(f"The expectation set {p} cannot be read: {exc}.") from exc
    df = pd.DataFrame(data["articles"])
    required = {"index", "link", "activity", "dates", "places", "weapons"}
    if not required <= set(df.columns):
        raise WorkbookError(f"The expectation set {p} lacks {sorted(required - set(df.columns))}.")
    return df


def _days(row: dict[str, Any]) -> set[str]:
    if not row["date_stated"]:
        return set()
    days = pd.date_range(pd.Timestamp(row["date_start"]), pd.Timestamp(row["date_end"]), freq="D")
    return {f"{d:%Y-%m-%d}" for d in days}


def _place_keys(name: str, gazetteer: Gazetteer | None) -> set[str]:
    keys = {romanisation_key(name)}
    entry = gazetteer.lookup(name) if gazetteer is not None else None
    if entry is not None:
        keys |= {romanisation_key(s) for s in (entry.name, *entry.aliases)}
    return keys


def _match(expected: Iterable[str], predicted: Iterable[str], gazetteer: Gazetteer | None) -> tuple[int, int, int]:
    exp = [romanisation_key(e) for e in dict.fromkeys(expected)]
    pred = [_place_keys(p, gazetteer) for p in dict.fromkeys(predicted)]
    used: set[int] = set()
    tp = 0
    for e in exp:
        for i, keys in enumerate(pred):
            if i not in used and e in keys:
                used.add(i)
                tp += 1
                break
    return tp, len(pred) - tp, len(exp) - tp


def _sets(expected: Iterable[str], predicted: Iterable[str]) -> tuple[int, int, int]:
    e, p = set(expected), set(predicted)
    return len(e & p), len(p - e), len(e - p)


def score_appearances(
    appearances: pd.DataFrame, expected: pd.DataFrame, gazetteer: Gazetteer | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(scores, details)``: scores has one row per field (tp, fp, fn, precision, recall, f1,
    n_articles); details one row per article and field (index, field, expected, predicted, tp, fp, fn).
    Articles of the expectation set that were not extracted count as all false negatives."""
    recs: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in appearances.to_dict("records")]
    by_url = {str(r["url"]): i for i, r in enumerate(recs) if isinstance(r["url"], str)}
    by_index = {int(r["archive_index"]): i for i, r in enumerate(recs) if pd.notna(r["archive_index"])}
    details: list[dict[str, Any]] = []
    for exp in expected.to_dict("records"):
        pos = by_url.get(str(exp["link"]), by_index.get(int(exp["index"])))
        row = recs[pos] if pos is not None else None
        predicted: dict[str, list[str]] = {
            "dates": sorted(_days(row)) if row is not None else [],
            "places": list(row["places"]) if row is not None else [],
            "activities": [row["activity"]] if row is not None and isinstance(row["activity"], str) else [],
            "weapons": list(row["weapons"]) if row is not None else [],
        }
        wanted: dict[str, list[str]] = {
            "dates": list(exp["dates"]),
            "places": list(exp["places"]),
            "activities": [exp["activity"]],
            "weapons": list(exp["weapons"]),
        }
        for field in FIELDS:
            if field == "places":
                tp, fp, fn = _match(wanted[field], predicted[field], gazetteer)
            elif field == "weapons":
                tp, fp, fn = _sets({weapon_key(w) for w in wanted[field]}, {weapon_key(w) for w in predicted[field]})
            else:
                tp, fp, fn = _sets(wanted[field], predicted[field])
            details.append(
                {
                    "index": int(exp["index"]),
                    "field": field,
                    "expected": wanted[field],
                    "predicted": predicted[field],
                    "tp": tp,
                    "fp": fp,
                    "fn": fn,
                    "found": row is not None,
                }
            )
    det = pd.DataFrame(details)
    sums = det.groupby("field", sort=False)[["tp", "fp", "fn"]].sum().reindex(list(FIELDS))
    sums["precision"] = (sums["tp"] / (sums["tp"] + sums["fp"])).where(sums["tp"] + sums["fp"] > 0, 1.0)
    sums["recall"] = (sums["tp"] / (sums["tp"] + sums["fn"])).where(sums["tp"] + sums["fn"] > 0, 1.0)
    pr = sums["precision"] + sums["recall"]
    sums["f1"] = (2 * sums["precision"] * sums["recall"] / pr).where(pr > 0, 0.0)
    sums["n_articles"] = len(expected)
    return sums.reset_index(), det
