"""Merge suggestions: ranked by name similarity and co-mention context, with reasons; rejected pairs
never come back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import workbook as wb
from workbook import curation as cur
from workbook.book import TABLE_NAMES, Book
from workbook.curation.suggestions import name_key, romanisation_key
from workbook.ids import doc_id, entity_id, sha256_text, span_id
from workbook.model import SCHEMA_VERSION, conform
from workbook.workspace import write_snapshot

pytestmark = pytest.mark.unit

NAMES = [  # (document number, name, type): who is named where
    (0, "Kim Jong Un", "person"),
    (0, "Choe Son Hui", "person"),
    (0, "Pyongyang", "place"),
    (1, "Kim Jong Eun", "person"),
    (1, "Choe Son Hui", "person"),
    (1, "Pyongyang", "place"),
    (2, "Jeffrey Lewis", "person"),
    (2, "Middlebury Institute", "organization"),
    (3, "J. Lewis", "person"),
    (3, "Middlebury Institute", "organization"),
    (4, "Korean Central News Agency", "organization"),
    (5, "KCNA", "organization"),
    (4, "Hwasong-14", "weapon_system"),
    (5, "Hwasong-15", "weapon_system"),
    (6, "Kim Yo Jong", "person"),
    (6, "Straits Times", "organization"),
    (7, "Straits Times", "person"),
]


def _book() -> Book:
    texts: dict[int, list[tuple[str, str]]] = {}
    for d, name, type_ in NAMES:
        texts.setdefault(d, []).append((name, type_))
    docs, ments, ents = [], [], {}
    for d, items in sorted(texts.items()):
        text = " and ".join(n for n, _ in items) + f" met (story {d})."
        did = doc_id(sha256_text(text))
        docs.append(
            {
                "doc_id": did,
                "title": f"t{d}",
                "source": f"{d}.txt",
                "sha256": sha256_text(text),
                "text": text,
                "n_chars": len(text),
                "format": "txt",
            }
        )
        pos = 0
        for name, type_ in items:
            s = text.index(name, pos)
            pos = s + len(name)
            eid = entity_id(type_, name)
            ents.setdefault(
                eid,
                {
                    "entity_id": eid,
                    "name": name,
                    "type": type_,
                    "aliases": [],
                    "origin": "rules",
                    "n_mentions": 0,
                    "n_docs": 0,
                },
            )
            ents[eid]["n_mentions"] += 1
            ents[eid]["n_docs"] += 1
            ments.append(
                {
                    "mention_id": span_id("m", did, s, pos),
                    "doc_id": did,
                    "start": s,
                    "end": pos,
                    "entity_id": eid,
                    "surface": name,
                    "sentence": 0,
                    "resolution": "exact",
                }
            )
    return Book(
        documents=conform("documents", docs),
        entities=conform("entities", list(ents.values())),
        mentions=conform("mentions", ments),
    )


def _pairs(df: pd.DataFrame) -> list[frozenset[str]]:
    return [frozenset((a, b)) for a, b in zip(df["name_a"], df["name_b"], strict=True)]


def test_keys_fold_honorifics_punctuation_and_romanisation() -> None:
    assert name_key("Mr Kim Jong-un") == "kim jong un"
    assert name_key("The Straits Times") == "straits times"
    assert romanisation_key("Kim Jong-un") == romanisation_key("Gim Jeong Eun")
    assert romanisation_key("Choe Son Hui") == romanisation_key("Choi Son Hui")
    assert romanisation_key("Ri Yong Ho") == romanisation_key("Lee Yong Ho")
    assert romanisation_key("Sinpo") == romanisation_key("Sinpho")
    assert romanisation_key("P'yŏngyang") == romanisation_key("Pyongyang")


def test_suggestions_find_variants_and_explain_them() -> None:
    out = cur.merge_suggestions(_book(), limit=None)
    pairs = _pairs(out)
    assert frozenset(("Kim Jong Un", "Kim Jong Eun")) in pairs
    assert frozenset(("Jeffrey Lewis", "J. Lewis")) in pairs
    assert frozenset(("Korean Central News Agency", "KCNA")) in pairs
    assert frozenset(("Straits Times", "Straits Times")) in pairs, "the same name typed twice"
    assert frozenset(("Hwasong-14", "Hwasong-15")) not in pairs, "different numbers are different things"
    assert frozenset(("Kim Jong Un", "Kim Yo Jong")) not in pairs
    by = {p: r for p, r in zip(pairs, out.itertuples(), strict=True)}
    kim = by[frozenset(("Kim Jong Un", "Kim Jong Eun"))]
    assert any("same name" in r for r in kim.reasons)
    assert any("alongside 2 of the same entities" in r for r in kim.reasons)
    assert kim.context_score == 1.0
    assert any("initials" in r for r in by[frozenset(("Jeffrey Lewis", "J. Lewis"))].reasons)
    assert any("acronym" in r for r in by[frozenset(("Korean Central News Agency", "KCNA"))].reasons)
    assert any("typed" in r for r in by[frozenset(("Straits Times", "Straits Times"))].reasons)
    assert out["score"].is_monotonic_decreasing
    assert _pairs(out)[0] == frozenset(("Kim Jong Un", "Kim Jong Eun")), "shared context ranks first"


def test_rejected_pairs_do_not_come_back_and_accepted_ones_merge(tmp_path: Path) -> None:
    book = _book()
    ws = tmp_path / "s.workbook"
    write_snapshot(ws, "b1", {n: book.table(n) for n in TABLE_NAMES}, {"schema_version": SCHEMA_VERSION})
    book = wb.open(ws)
    rid = cur.reject_suggestion(book, "KCNA", "Korean Central News Agency")
    assert cur.reject_suggestion(book, "Korean Central News Agency", "KCNA") == rid
    cur.accept_suggestion(book, "Kim Jong Un", "Kim Jong Eun")
    book = wb.open(ws)
    assert "Kim Jong Eun" not in set(book.entities["name"])
    out = cur.merge_suggestions(book, cur.read_decisions(book).records, limit=None)
    pairs = _pairs(out)
    assert frozenset(("Korean Central News Agency", "KCNA")) not in pairs
    assert not any("Kim Jong Eun" in p for p in pairs)
    assert frozenset(("Jeffrey Lewis", "J. Lewis")) in pairs
    history = cur.curation_history(book)
    assert list(history["op"]) == ["reject", "merge"]


def test_a_book_of_one_entity_has_no_suggestions() -> None:
    book = _book()
    one = book.with_tables(entities=book.entities.head(1))
    assert cur.merge_suggestions(one).empty
