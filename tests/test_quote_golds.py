"""Every quote gold file that ``benchmarks/eval_claims.py`` scores on request (its ``FRESH_FILES`` table) is
well formed: a licence, a description saying it was annotated BEFORE the extractor ran on it, and every
snippet at its offsets in its text (a made-up document stored in the file, or a real one rebuilt from
``../shared/data``: skipped with the reason when that is absent). One test for all of them, so that a new
round's set is checked by adding its row to the table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.eval_claims import FRESH_FILES, SETS, document_text
from tests.conftest import SHARED_DATA

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("name", "path"), [(name, path) for name, path, _, _ in FRESH_FILES], ids=lambda v: str(v))
def test_a_quote_gold_file_is_annotated_before_any_run_and_its_snippets_sit_at_their_offsets(
    name: str, path: Path
) -> None:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert "licence" in data and "BEFORE" in data["description"]
    documents: dict[str, str] = data.get("documents", {})
    gold = data["instances"]
    assert len(gold) >= 40
    assert {g["set"] for g in gold} <= {name, f"{name}-check"} and {g["set"] for g in gold} <= set(SETS)
    stored = [g for g in gold if g["doc"] in documents]
    rebuilt = [g for g in gold if g["doc"] not in documents]
    if rebuilt and not SHARED_DATA.is_dir():
        pytest.skip(f"real data not available: {SHARED_DATA} is absent (it sits beside the clone in CI)")
    cache: dict[Path, dict[str, str]] = {}
    for g in stored:
        assert documents[g["doc"]][g["start"] : g["end"]] == g["text"], g
    for g in rebuilt:
        assert document_text(SHARED_DATA, g["set"], g["doc"], cache)[g["start"] : g["end"]] == g["text"], g
    assert all(g["kind"] in ("direct", "indirect") for g in gold)


def test_eval_claims_scores_the_text_as_a_build_sees_it_and_maps_gold_offsets_onto_it() -> None:
    """A gold indexes the text as written; the build reads it through the ingest normaliser (U+2011 made
    plain, doubled quotes undone, glued words split): the scorer extracts from that text and moves each
    offset with it."""
    from benchmarks.eval_claims import as_built

    raw = 'The long\u2011range missile, ""a good one"", the ministry said.'
    seen, where = as_built(raw)
    assert "\u2011" not in seen and '""' not in seen
    for snippet in ("a good one", "the ministry said"):
        i = raw.index(snippet)
        assert seen[where(i) : where(i + len(snippet))] == snippet
    plain, same = as_built("Nothing to change here.")
    assert plain == "Nothing to change here." and same(7) == 7
