"""Reported speech, round ten: the never-read round-ten gold's offsets, and one made-up case per rule
of the round in other words than the dev sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

FRESH10_GOLD = Path(__file__).parents[1] / "benchmarks" / "data" / "quotes_fresh10.json"


def test_fresh_round_ten_gold_offsets(shared_data: Path) -> None:
    """Every snippet of the never-read round-ten set sits at its offsets in its text: a CSIS description
    or a made-up document stored in the file (its score is read only in benchmarks/RESULTS.md)."""
    from benchmarks.eval_claims import document_text

    data = json.loads(FRESH10_GOLD.read_text(encoding="utf-8"))
    assert "licence" in data and "BEFORE" in data["description"]
    documents: dict[str, str] = data["documents"]
    gold = data["instances"]
    assert len(gold) >= 100 and {g["set"] for g in gold} == {"fresh10"}
    cache: dict[Path, dict[str, str]] = {}
    for g in gold:
        text = documents[g["doc"]] if g["doc"] in documents else document_text(shared_data, g["set"], g["doc"], cache)
        assert text[g["start"] : g["end"]] == g["text"]
        assert g["kind"] in ("direct", "indirect")
    assert sum(1 for g in gold if g["doc"].startswith("csis-")) >= 50
