"""Reported speech, round twelve: the never-read round-twelve gold's offsets, and made-up cases of the
round's rules in other words than the dev sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

FRESH12_GOLD = Path(__file__).parents[1] / "benchmarks" / "data" / "quotes_fresh12.json"


def test_fresh_round_twelve_gold_offsets(shared_data: Path) -> None:
    """Every snippet of the round-twelve set sits at its offsets in its text: a made-up document stored in
    the file or a launch description of the nagix list (its score is read only in benchmarks/RESULTS.md)."""
    from benchmarks.eval_claims import document_text

    data = json.loads(FRESH12_GOLD.read_text(encoding="utf-8"))
    assert "licence" in data and "BEFORE" in data["description"]
    documents: dict[str, str] = data["documents"]
    gold = data["instances"]
    assert len(gold) >= 100 and {g["set"] for g in gold} == {"fresh12", "fresh12-check"}
    for g in gold:
        text = documents[g["doc"]] if g["doc"] in documents else document_text(shared_data, g["set"], g["doc"])
        assert text[g["start"] : g["end"]] == g["text"]
        assert g["kind"] in ("direct", "indirect")
    assert sum(1 for g in gold if g["kind"] == "direct") >= 50
    assert sum(1 for g in gold if g["doc"].startswith("nagix-")) >= 20
