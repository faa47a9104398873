"""Dates, datelines and ingest normalisation on real text (../shared/data): spans exact, precision
honest, silently wrong dates rare on GUM's gold, KCNA datelines and glued words handled."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from workbook.extract.base import DocumentInput
from workbook.extract.dateline import parse_dateline
from workbook.extract.dates import find_dates
from workbook.extract.pipeline import DefaultExtractor
from workbook.ingest.normalise import normalise_text

pytestmark = [pytest.mark.realdata, pytest.mark.slow]

KCNA = Path("kcna-archive_stiles") / "headlines_2024-11-11.json"


def _eval_module() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_dates.py"
    spec = importlib.util.spec_from_file_location("eval_dates", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _kcna(shared_data: Path) -> list[dict[str, object]]:
    path = shared_data / KCNA
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return list(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("folder", ["gum-news_amir-zeldes", "gum-train_amir-zeldes"])
def test_gum_spans_and_precision(shared_data: Path, folder: str) -> None:
    ev = _eval_module()
    files = sorted((shared_data / folder).glob("*.conllu"))
    if not files:
        pytest.skip(f"{folder} is absent")
    for path in files:
        text, anchor, _gold = ev.read_conllu(path)
        for m in find_dates(text, anchor):
            assert text[m.start : m.end] == m.text
            if m.date_start is not None and m.date_end is not None:
                assert m.date_start <= m.date_end
                assert m.precision != "day" or m.date_start == m.date_end


def test_few_silently_wrong_dates_on_gum_train(shared_data: Path) -> None:
    """Development set: before issue 12, 38 of 727 gold dates were resolved to a disjoint interval."""
    ev = _eval_module()
    files = sorted((shared_data / "gum-train_amir-zeldes").glob("*.conllu"))
    if not files:
        pytest.skip("gum-train_amir-zeldes is absent")
    wrong = exact = 0
    for path in files:
        text, anchor, gold = ev.read_conllu(path)
        preds = find_dates(text, anchor)
        for g in gold:
            over = [p for p in preds if p.start < g.end and g.start < p.end and p.date_start is not None]
            if not over:
                continue
            p = over[0]
            exact += (p.date_start, p.date_end) == (g.first, g.last)
            wrong += p.date_end < g.first or p.date_start > g.last
    assert wrong <= 12
    assert exact >= 350


def test_kcna_dates_datelines_and_glued_words(shared_data: Path) -> None:
    docs = _kcna(shared_data)
    n_dateline = glued = 0
    for d in docs:
        text = str(d.get("story_text") or "")
        anchor = date.fromisoformat(str(d["date_str"])[:10])
        dl = parse_dateline(text)
        n_dateline += dl is not None
        if dl is not None:
            assert dl.source == "KCNA" and dl.place == "Pyongyang"
        result = normalise_text(text)
        glued += int(result.report.get("glued_words", 0))
        for m in find_dates(result.text, anchor):
            assert result.text[m.start : m.end] == m.text
            if m.date_start is not None and m.date_end is not None:
                assert m.precision != "day" or m.date_start == m.date_end
                if m.resolution == "relative" and m.precision == "day":
                    assert (m.date_start - anchor).days <= 31  # never a year ahead
    assert n_dateline >= 1_800
    assert glued >= 2_000


def test_kcna_entities_free_of_datelines_and_glue(shared_data: Path) -> None:
    docs = _kcna(shared_data)[:300]
    ex = DefaultExtractor()
    names: set[str] = set()
    n_kcna = n_datelines = 0
    for i, d in enumerate(docs):
        text = normalise_text(str(d.get("story_text") or "")).text
        out = ex.extract(
            DocumentInput(str(i), text, str(d.get("headline") or ""), date.fromisoformat(str(d["date_str"])[:10]))
        )
        dl = parse_dateline(text)
        n_datelines += dl is not None
        for m in out.mentions:
            assert m.start >= 0 and m.end <= len(text)
            assert dl is None or m.start >= dl.end
        keys = {e.key for e in out.entities if e.name == "KCNA"}
        n_kcna += sum(m.entity_key in keys for m in out.mentions)
        names |= {e.name for e in out.entities}
    assert n_datelines > 200
    assert n_kcna < n_datelines // 10  # KCNA named in the body now and then, no longer once per report
    assert not any(n.startswith(("ComradeKim", "SecretaryKim", "PresidentKim")) for n in names)
    assert not any("Unvisited" in n or "Unbestowed" in n for n in names)
