"""The synthetic corpus generator: seeded, slice-independent, and realistic enough for the extractor."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from workbook.build import build
from workbook.synth import SynthArticle, article, articles, main, write_jsonl, write_text_folder
from workbook.workspace import read_book

pytestmark = pytest.mark.unit


def test_articles_are_reproducible_and_independent_of_the_slice() -> None:
    first = list(articles(6, seed=3))
    assert first == list(articles(6, seed=3))
    assert list(articles(3, seed=3, start=3)) == first[3:]
    assert article(4, seed=3) == first[4]
    assert article(4, seed=4) != first[4]
    assert len({a.text for a in articles(300)}) == 300
    assert len({a.id for a in first}) == 6


def test_articles_look_like_news() -> None:
    sample = list(articles(60, seed=1))
    text = "\n".join(a.text for a in sample)
    assert re.search(r"\b(Mr|Ms|Dr\.|Prof\.|Gen\.) [A-Z][a-z]+", text)  # honorifics
    assert re.search(r"\b(Foreign Minister|President|Marshal|Premier) [A-Z][a-z]+ [A-Z]", text)  # titles
    assert re.search(r"the (Korean Central News Agency|Ministry of Unification|Joint Chiefs of Staff)", text)
    assert re.search(r"\b(on (January|March|June|September) \d{1,2}, \d{4}|in \d{4})\b", text)  # absolute dates
    assert re.search(r"\b(last (week|month|year)|on (Monday|Tuesday|Thursday)|yesterday)\b", text)  # relative
    assert re.search(r'"[A-Z][^"]+," (said|[A-Z])', text)  # direct quotes
    assert re.search(r"\b(said|warned) that\b|According to", text)  # reported speech
    assert re.search(r"\b(may|could|likely|probably|believe|suspect)\b", text)  # hedges
    for a in sample:
        assert isinstance(a, SynthArticle) and date(2010, 1, 1) <= a.published <= date(2024, 12, 31)
        assert 300 < len(a.text) < 6000 and a.title and a.publisher and a.url.endswith(a.id)
    mean = sum(len(a.text) for a in sample) / len(sample)
    assert 1000 < mean < 3000  # about the size of a wire story or a KCNA article


def test_jsonl_corpus_builds_with_the_default_extractor(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", 20, seed=2)
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 20 and records[0]["published"] == article(0, 2).published.isoformat()
    assert [r["id"] for r in records] == [a.id for a in articles(20, 2)]
    build([corpus], tmp_path / "ws", progress=False)
    book = read_book(tmp_path / "ws")
    assert len(book.documents) == 20 and len(book.build_issues) == 0
    assert book.documents["published"].notna().all() and book.documents["publisher"].notna().all()
    assert {"person", "organization", "place"} <= set(book.entities["type"].astype(str))
    assert {"direct", "indirect", "unattributed"} <= set(book.claims["quote_kind"].astype(str))
    assert book.claims["hedge"].notna().any() and book.claims["speaker_id"].notna().any()
    assert {"absolute", "relative"} <= set(book.events["resolution"].astype(str))
    assert len(book.mentions) > 10 * len(book.documents)


def test_text_folder_with_sidecars(tmp_path: Path) -> None:
    root = write_text_folder(tmp_path / "reports", 3, seed=9)
    names = sorted(p.name for p in root.iterdir())
    assert names == sorted([f"{a.id}.txt" for a in articles(3, 9)] + [f"{a.id}.txt.meta.json" for a in articles(3, 9)])
    meta = json.loads((root / f"{article(1, 9).id}.txt.meta.json").read_text(encoding="utf-8"))
    assert meta["title"] == article(1, 9).title and "text" not in meta


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["5", str(tmp_path / "a.jsonl"), "--seed", "7"]) == 0
    assert len((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    assert main(["2", str(tmp_path / "folder"), "--format", "txt"]) == 0
    assert len(list((tmp_path / "folder").glob("*.txt"))) == 2
    assert "wrote 2 articles" in capsys.readouterr().out
