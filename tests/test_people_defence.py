"""The made-up defence press-release gold of people (`benchmarks/data/people_defence_madeup.json`): its
mentions are where it says, and the default extractor keeps reading them (issue 12, round seven)."""

from __future__ import annotations

import json

import pytest

from benchmarks.eval_people_defence import GOLD, gold_spans, score_set
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


def test_gold_mentions_are_in_their_paragraphs() -> None:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    for name in ("check1", "check2"):
        for row in data[name]:
            spans = gold_spans(row["text"], row["people"])
            assert [row["text"][a:b] for a, b in spans] == row["people"]


@pytest.mark.parametrize("name", ["check1", "check2"])
def test_people_found(name: str) -> None:
    tp, fp, fn = score_set(json.loads(GOLD.read_text(encoding="utf-8"))[name], DefaultExtractor())
    assert fn <= 1 and fp <= 1, (tp, fp, fn)
