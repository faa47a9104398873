"""Reported speech, round nine: the speaker named before the quote's paragraph, unlabelled interview
answers, titles without a period, names the entity stage did not give, pronoun antecedents; one
made-up case per rule in other words than the dev sets, and the fresh round-nine gold's offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

FRESH9_GOLD = Path(__file__).parents[1] / "benchmarks" / "data" / "quotes_fresh9.json"


def test_fresh_round_nine_gold_offsets(shared_data: Path) -> None:
    """Every snippet of the never-read round-nine set sits at its offsets in its text (its score is
    read only in benchmarks/RESULTS.md)."""
    from benchmarks.eval_claims import document_text

    data = json.loads(FRESH9_GOLD.read_text(encoding="utf-8"))
    assert "licence" in data and "BEFORE" in data["description"]
    gold = data["instances"]
    assert len(gold) >= 55 and {g["set"] for g in gold} == {"fresh9"}
    cache: dict[Path, dict[str, str]] = {}
    for g in gold:
        assert document_text(shared_data, g["set"], g["doc"], cache)[g["start"] : g["end"]] == g["text"]
        assert g["kind"] in ("direct", "indirect")
