"""Reported speech, round eleven: the never-read round-eleven gold's offsets, and made-up cases of the
round's rules in other words than the dev sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

FRESH11_GOLD = Path(__file__).parents[1] / "benchmarks" / "data" / "quotes_fresh11.json"


def test_fresh_round_eleven_gold_offsets(shared_data: Path) -> None:
    """Every snippet of the never-read round-eleven set sits at its offsets in its text: a CSIS description,
    a KCNA 2012 story (read from the R data file) or a made-up document stored in the file (its score is
    read only in benchmarks/RESULTS.md)."""
    from benchmarks.eval_claims import document_text

    data = json.loads(FRESH11_GOLD.read_text(encoding="utf-8"))
    assert "licence" in data and "BEFORE" in data["description"]
    documents: dict[str, str] = data["documents"]
    gold = data["instances"]
    assert len(gold) >= 100 and {g["set"] for g in gold} == {"fresh11"}
    for g in gold:
        text = documents[g["doc"]] if g["doc"] in documents else document_text(shared_data, g["set"], g["doc"])
        assert text[g["start"] : g["end"]] == g["text"]
        assert g["kind"] in ("direct", "indirect")
    assert sum(1 for g in gold if g["doc"].startswith("kcna2012-")) >= 20
