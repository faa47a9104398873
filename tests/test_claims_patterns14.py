"""Reported speech, round fourteen: the never-read round-fourteen gold's offsets, and made-up cases of the
round's rules in other topics than its set (sport, courts, business, science, local news, defence)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

FRESH14_GOLD = Path(__file__).parents[1] / "benchmarks" / "data" / "quotes_fresh14.json"


def test_fresh_round_fourteen_gold_offsets() -> None:
    """Every snippet of the round-fourteen set sits at its offsets in its made-up text (its score is read
    only in benchmarks/RESULTS.md)."""
    data = json.loads(FRESH14_GOLD.read_text(encoding="utf-8"))
    assert "licence" in data and "BEFORE" in data["description"]
    documents: dict[str, str] = data["documents"]
    gold = data["instances"]
    assert len(gold) >= 70 and {g["set"] for g in gold} == {"fresh14", "fresh14-check"}
    for g in gold:
        assert documents[g["doc"]][g["start"] : g["end"]] == g["text"]
        assert g["kind"] in ("direct", "indirect")
